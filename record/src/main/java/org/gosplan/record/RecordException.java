package org.gosplan.record;

/**
 * The record module's one error type for users' mistakes: an unregistered key, a role that may
 * not record an event type, a malformed event or key file. Nothing is appended when it is thrown.
 */
public class RecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * What kind of mistake a refused event is, so that a server can answer it with the right
     * status: a malformed event, one its signer may not record (unregistered, revoked, wrong role,
     * bad signature), or one the record's state rules out (a closed ballot, a duplicate).
     */
    public enum Kind { MALFORMED, FORBIDDEN, CONFLICT }

    private final Kind kind;

    public RecordException(String message) {
        this(Kind.MALFORMED, message);
    }

    public RecordException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RecordException(String message, Throwable cause) {
        super(message, cause);
        this.kind = Kind.MALFORMED;
    }

    public Kind kind() {
        return kind;
    }
}
