package org.gosplan.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Runs the gosplan command in-process, capturing what it prints. For tests. */
record CliRun(int exit, String out, String err) {

    static synchronized CliRun of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The test data copied into the repository from the shared folder ({@code testdata/data}, see its README). */
    static Path sharedData() {
        String prop = System.getProperty("gosplan.shared");
        return (prop != null ? Paths.get(prop) : Paths.get("../testdata")).resolve("data");
    }

    /** The bundled examples folder of the repository. */
    static Path examples() {
        String prop = System.getProperty("gosplan.root");
        Path root = prop != null ? Paths.get(prop) : Paths.get("..");
        return root.resolve("examples");
    }

    /** No Java stack trace leaked to the user. */
    boolean noStackTrace() {
        return !err.contains("\tat ") && !out.contains("\tat ") && !err.contains("Exception:");
    }

    /** Makes a key named {@code name} in {@code dir} with 'gosplan key new'; returns its file. */
    static String newKey(Path dir, String name) {
        Path f = dir.resolve(name + ".key");
        CliRun k = of("key", "new", f.toString(), "--name", name);
        org.junit.jupiter.api.Assertions.assertEquals(0, k.exit(), k.err());
        return f.toString();
    }

    /** The verifier key of a key file, as 'gosplan key show' prints it. */
    static String vkey(String keyFile) {
        return of("key", "show", keyFile).out().strip();
    }

    /** How many entries the log in {@code dir} has. */
    static long logSize(String dir) throws java.io.IOException {
        try (org.gosplan.ledger.Log log = org.gosplan.ledger.Log.open(Path.of(dir))) {
            return log.size();
        }
    }

    /** Asserts that the command succeeded (exit 0), showing what it said where it did not. */
    static void ok(CliRun r) {
        org.junit.jupiter.api.Assertions.assertEquals(0, r.exit(), r.out() + r.err());
    }

    /** The index a recording command printed with --json. */
    static long index(CliRun r) throws java.io.IOException {
        ok(r);
        return JsonOutputTest.oneDocument(r).get("index").asLong();
    }

    /** Runs {@code args}: exit 2, {@code what} said on standard error without a stack trace, nothing recorded in {@code dir}. */
    static void refused(String dir, String what, String... args) throws java.io.IOException {
        long before = logSize(dir);
        CliRun r = of(args);
        org.junit.jupiter.api.Assertions.assertEquals(2, r.exit(), r.out() + r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.err().contains(what), r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.noStackTrace(), r.err());
        org.junit.jupiter.api.Assertions.assertEquals(before, logSize(dir), "nothing recorded");
    }
}
