package org.gosplan.app;

/** The exit codes of cli.md. */
public final class ExitCode {
    private ExitCode() {}

    public static final int OK = 0;
    /** The run was fine but the answer is negative: an infeasible plan, a failed verification. */
    public static final int NEGATIVE = 1;
    /** Bad input or usage; the message names the file, line or field and what to fix. */
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;
}
