package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code gosplan} launcher with its class archive (AppCDS, issue 11): a run without an archive
 * works and leaves one made in the background; a run with it works and really maps it; a run given a
 * stale archive (made before a jar changed) works as if it had none, with nothing on standard error;
 * a new build gets a new archive in place of the old. The launcher runs in a root of its own: the
 * script and, as the app's jar, this build's classes with the test's class path.
 */
class LauncherTest {
    @TempDir
    Path tmp;

    private static final String BALLOTS = "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 5\n"
            + "# NUMBER UNIQUE ORDERS: 3\n# ALTERNATIVE NAME 1: a\n# ALTERNATIVE NAME 2: b\n# ALTERNATIVE NAME 3: c\n"
            + "2: 1,2,3\n2: 2,1\n1: 3,2\n";

    record Run(int code, String out, String err) {}

    @Test
    void runsWithoutWithAndWithAStaleClassArchive() throws Exception {
        Path root = root();
        Path cache = tmp.resolve("cache");
        Path ballots = tmp.resolve("ballots.soi");
        Files.writeString(ballots, BALLOTS);
        String version = "gosplan " + Version.get() + "\n";
        CliRun inProcess = CliRun.of("tally", ballots.toString(), "--method", "stv", "--seats", "1");
        assertEquals(0, inProcess.exit(), inProcess.err());

        // no archive yet: the run is as ever, and one is made in the background
        Run first = launch(root, Map.of("GOSPLAN_CACHE", cache.toString()), "--version");
        assertEquals(new Run(0, version, ""), first);
        Path archive = archive(cache, null);

        // with it; -Xshare:on makes Java refuse to start where it cannot map the archive
        Map<String, String> on = Map.of("GOSPLAN_CACHE", cache.toString(), "GOSPLAN_JAVA_OPTS", "-Xshare:on");
        assertEquals(new Run(0, version, ""), launch(root, on, "--version"));
        assertEquals(new Run(0, inProcess.out(), ""),
                launch(root, on, "tally", ballots.toString(), "--method", "stv", "--seats", "1"));

        // a jar of the class path changes: the archive is stale, and a run given it starts as without one
        Path jar = root.resolve("app/target/gosplan.jar");
        assertTrue(jar.toFile().setLastModified(jar.toFile().lastModified() + 10_000));
        Map<String, String> stale = Map.of("GOSPLAN_CLASS_ARCHIVE", archive.toString());
        assertEquals(new Run(0, version, ""), launch(root, stale, "--version"));
        assertEquals(new Run(0, inProcess.out(), ""),
                launch(root, stale, "tally", ballots.toString(), "--method", "stv", "--seats", "1"));
        Run refused = launch(root, Map.of("GOSPLAN_CLASS_ARCHIVE", archive.toString(), "GOSPLAN_JAVA_OPTS",
                "-Xshare:on"), "--version");
        assertNotEquals(0, refused.code(), "the archive should be stale: " + refused);
        // no archive at all, or none wanted
        assertEquals(new Run(0, version, ""),
                launch(root, Map.of("GOSPLAN_CLASS_ARCHIVE", tmp.resolve("none.jsa").toString()), "--version"));
        assertEquals(new Run(0, version, ""), launch(root, Map.of("GOSPLAN_CLASS_ARCHIVE", "off"), "--version"));

        // through the cache, the changed build gets an archive of its own, which replaces the old one
        assertEquals(new Run(0, version, ""), launch(root, Map.of("GOSPLAN_CACHE", cache.toString()), "--version"));
        Path renewed = archive(cache, archive);
        assertFalse(Files.exists(archive), "the old archive is deleted");
        assertEquals(new Run(0, version, ""), launch(root, on, "--version"));
        assertTrue(renewed.getFileName().toString().endsWith(".jsa"));
    }

    @Test
    void versionAnsweredBeforePicocliIsPicocliAnswer() {
        CliRun picocli = CliRun.of("--version");
        assertEquals(0, picocli.exit());
        assertEquals(picocli.out(), Main.version("--version") + System.lineSeparator());
        assertEquals(picocli.out(), Main.version("-V") + System.lineSeparator());
        assertEquals(null, Main.version("--version", "tally"));
        assertEquals(null, Main.version("tally", "--version"));
    }

    /** The archive in {@code cache} other than {@code old}, once its making is over (up to ten minutes). */
    private static Path archive(Path cache, Path old) throws Exception {
        for (int i = 0; i < 1200; i++) {
            List<Path> made = new ArrayList<>();
            boolean making = false;
            if (Files.isDirectory(cache)) {
                try (Stream<Path> s = Files.list(cache)) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        String name = p.getFileName().toString();
                        making |= name.endsWith(".lock") || name.endsWith(".tmp");
                        assertFalse(name.endsWith(".failed"), "the archive could not be made: " + name);
                        if (name.endsWith(".jsa") && !p.equals(old)) {
                            made.add(p);
                        }
                    }
                }
            }
            if (!making && made.size() == 1) {
                return made.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no class archive in " + cache);
    }

    private Run launch(Path root, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("gosplan").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        Map<String, String> e = new HashMap<>(env);
        pb.environment().remove("GOSPLAN_JAVA_OPTS");
        pb.environment().remove("GOSPLAN_CLASS_ARCHIVE");
        // the java of this test first on the path: the launcher runs "java"
        e.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        e.putIfAbsent("GOSPLAN_CACHE", tmp.resolve("unused-cache").toString());
        pb.environment().putAll(e);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Run(code, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * A root the launcher runs from without building: the script and app/target/gosplan.jar, here this
     * build's classes with the test's class path in its manifest's Class-Path (relative paths, as Java's
     * class archive reads them; folders made jars: an archive takes jars only).
     */
    private Path root() throws Exception {
        Path root = tmp.resolve("root");
        Path target = Files.createDirectories(root.resolve("app/target"));
        Path script = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(script.resolve("gosplan"))) {
            script = script.getParent();
            assertNotNull(script, "the gosplan launcher above " + Path.of("").toAbsolutePath());
        }
        Files.copy(script.resolve("gosplan"), root.resolve("gosplan"));
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> cp = new ArrayList<>();
        String testCp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        int n = 0;
        for (String entry : testCp.split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (entry.isEmpty() || p.equals(classes) || p.endsWith("test-classes") || !Files.exists(p)) {
                continue;
            }
            if (Files.isDirectory(p)) {
                Path j = Files.createDirectories(root.resolve("lib")).resolve("gosplan-" + (n++) + ".jar");
                jar(p, j, null);
                p = j;
            }
            cp.add(target.relativize(p).toString().replace(File.separatorChar, '/').replace(" ", "%20"));
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", cp));
        jar(classes, target.resolve("gosplan.jar"), m);
        return root;
    }

    private static void jar(Path dir, Path jar, Manifest manifest) throws IOException {
        try (OutputStream o = Files.newOutputStream(jar);
                JarOutputStream j = manifest == null ? new JarOutputStream(o) : new JarOutputStream(o, manifest);
                Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && !dir.relativize(f).toString().equals("META-INF/MANIFEST.MF")) {
                    j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                    Files.copy(f, j);
                    j.closeEntry();
                }
            }
        }
    }
}
