package org.gosplan.ledger;

/** A log whose stored structures are damaged so that it cannot even be opened (verify reports it as a failure). */
public final class LogDamagedException extends LedgerException {
    private static final long serialVersionUID = 1L;
    private final String where;

    public LogDamagedException(String where, String message) {
        super(where + ": " + message);
        this.where = where;
    }

    /** The damaged place: a file or table. */
    public String where() {
        return where;
    }
}
