package org.gosplan.ledger;

/** A user's mistake with a log: a missing or malformed data directory, a bad index or proof input. */
public class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
