package org.gosplan.ledger;

import java.util.List;

/** An RFC 9162 consistency proof from the tree of size {@code from} to the tree of size {@code to}. */
public record ConsistencyProof(long from, long to, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
    /** Checks the proof against its own roots. */
    public void verify() throws ProofException {
        Proofs.verifyConsistency(from, to, oldRoot, newRoot, proof);
    }
}
