package org.gosplan.app;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import picocli.CommandLine;

/**
 * The run from which the {@code gosplan} launcher makes its class archive (AppCDS, issue 11): started
 * once with {@code -XX:ArchiveClassesAtExit}, it loads the classes that gosplan's commands load, and
 * at its exit Java writes them, parsed and verified, into the archive that later runs map instead
 * of reading and verifying the jars again. What it runs is harmless: every class of gosplan's own
 * jars loaded but not initialised, standard output diverted as {@link Main} does, every command's
 * page, {@code --version}, and a count of four ballots from a temporary file. It prints nothing; the
 * launcher throws away what it would.
 */
final class ClassArchive {
    private ClassArchive() {}

    public static void main(String[] args) throws IOException {
        ClassLoader loader = ClassArchive.class.getClassLoader();
        int loaded = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && new File(entry).getName().startsWith("gosplan")) {
                loaded += loadAll(entry, loader);
            }
        }
        NativeStdout.divert();
        PrintStream none = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(none);
        System.setErr(none);
        try {
            pages(Cli.commandLine(), new PrintWriter(none));
            Main.run("--version");
            Path ballots = Files.createTempFile("gosplan-archive", ".soi");
            try {
                Files.writeString(ballots, "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 4\n"
                        + "# NUMBER UNIQUE ORDERS: 3\n# ALTERNATIVE NAME 1: a\n# ALTERNATIVE NAME 2: b\n"
                        + "# ALTERNATIVE NAME 3: c\n2: 1,2,3\n1: 2,1\n1: 3\n");
                Main.run("tally", ballots.toString(), "--method", "stv", "--seats", "1");
                Main.run("tally", ballots.toString(), "--method", "stv", "--seats", "1", "--json");
            } finally {
                Files.deleteIfExists(ballots);
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        if (args.length > 0 && args[0].equals("--count")) {
            System.out.println(loaded + " classes of gosplan's jars loaded");
        }
    }

    /** Loads, without initialising, every class in the jar; returns how many. */
    private static int loadAll(String jar, ClassLoader loader) throws IOException {
        int n = 0;
        try (JarFile j = new JarFile(jar)) {
            for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (!name.startsWith("org/gosplan/") || !name.endsWith(".class")) {
                    continue;
                }
                try {
                    Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false,
                            loader);
                    n++;
                } catch (LinkageError | ClassNotFoundException ignored) {
                    // a class that needs what is not on the class path (Spark's) is not one a run loads
                }
            }
        }
        return n;
    }

    private static void pages(CommandLine cl, PrintWriter out) {
        cl.usage(out);
        for (CommandLine sub : cl.getSubcommands().values()) {
            pages(sub, out);
        }
    }
}
