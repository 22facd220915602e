package org.gosplan.server;

/**
 * A request the server refuses: answered with {@code status} and {@code {"error": message}},
 * where the message says what to fix.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
