package org.gosplan.app;

/** A mistake on the command line or in its inputs that the app itself finds; exits with code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
