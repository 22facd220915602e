package org.gosplan.council.count;

/** A count that cannot be made from what it was given (no seats, an unknown option, ...): says what to fix. */
public class CountException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CountException(String message) {
        super(message);
    }
}
