package org.gosplan.ledger;

import java.util.List;

/** An RFC 9162 inclusion proof of leaf {@code index} in the tree of {@code size} with {@code root}, leaf to root. */
public record InclusionProof(long index, long size, byte[] leafHash, byte[] root, List<byte[]> proof) {
    /** Checks the proof against its own root (for tests; clients check against a root they trust). */
    public void verify() throws ProofException {
        Proofs.verifyInclusion(leafHash, index, size, root, proof);
    }
}
