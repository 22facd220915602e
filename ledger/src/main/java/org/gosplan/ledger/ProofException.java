package org.gosplan.ledger;

/** A proof that does not verify; the message says which check failed. */
public final class ProofException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProofException(String message) {
        super(message);
    }
}
