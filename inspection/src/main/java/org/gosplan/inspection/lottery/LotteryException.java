package org.gosplan.inspection.lottery;

/**
 * A draw that cannot be made from what it was given (a malformed pool or quotas file, a panel
 * larger than the pool, quotas that cannot hold together): {@link #where()} names the file and
 * line or the option, the message says what to fix.
 */
public class LotteryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String where;

    public LotteryException(String where, String message) {
        super(where.isEmpty() ? message : where + ": " + message);
        this.where = where;
    }

    /** The file and line ({@code quotas.csv:3}), the option ({@code --panel}), or "" for the whole draw. */
    public String where() {
        return where;
    }

    /** The message without its place. */
    public String what() {
        String m = getMessage();
        return where.isEmpty() ? m : m.substring(where.length() + 2);
    }
}
