package org.gosplan.app;

import picocli.CommandLine;

/** Entry point of the {@code gosplan} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // before picocli takes System.out: what native solvers print must not reach standard output
        NativeStdout.divert();
        int code = run(args);
        System.out.flush();
        NativeStdout.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code (0 ok, 1 negative answer, 2 bad input, 3 internal). */
    public static int run(String... args) {
        return Cli.commandLine(args).execute(args);
    }
}
