package org.gosplan.record;

/**
 * The record module's one error type for users' mistakes: an unregistered key, a role that may
 * not record an event type, a malformed event or key file. Nothing is appended when it is thrown.
 */
public class RecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordException(String message) {
        super(message);
    }

    public RecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
