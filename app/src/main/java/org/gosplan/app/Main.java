package org.gosplan.app;

/** Entry point of the {@code gosplan} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String version = version(args);
        if (version != null) {
            System.out.println(version);
            System.out.flush();
            System.exit(ExitCode.OK);
        }
        // before picocli takes System.out: what native solvers print must not reach standard output
        NativeStdout.divert();
        int code = run(args);
        System.out.flush();
        NativeStdout.flush();
        System.exit(code);
    }

    /**
     * The answer to {@code gosplan --version} (or {@code -V}) alone, else null. It is the line picocli
     * prints, given here before picocli is loaded and before standard output is diverted (libc through
     * JNA): the two took three quarters of the CPU time of {@code --version}, which runs no native code.
     */
    static String version(String... args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))
                ? String.join(System.lineSeparator(), new Version().getVersion()) : null;
    }

    /** Runs one command line and returns its exit code (0 ok, 1 negative answer, 2 bad input, 3 internal). */
    public static int run(String... args) {
        return Cli.commandLine(args).execute(args);
    }
}
