package org.gosplan.spark;

/** Bad input to the Spark job (arguments, tables): the message names what and where; exit code 2. */
public final class JobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobException(String message) {
        super(message);
    }
}
