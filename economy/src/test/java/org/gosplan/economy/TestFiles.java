package org.gosplan.economy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Helpers shared by the tests: the shared data folder, files, temp folders, error matching. */
final class TestFiles {
    private TestFiles() {}

    /**
     * The repository's copy of the shared data ({@code testdata}, see its README): system property gosplan.shared,
     * else {@code ../testdata}. Tests never read the shared folder beside the repository.
     */
    static Path shared() {
        String p = System.getProperty("gosplan.shared");
        Path t = p != null ? Paths.get(p) : Paths.get("../testdata");
        if (!Files.isDirectory(t.resolve("data"))) {
            throw new IllegalStateException("the test data is not at " + t.toAbsolutePath() + "; set -Dgosplan.shared");
        }
        return t;
    }

    /** The repository's examples folder (property gosplan.root, else the module's parent). */
    static Path examples() {
        String root = System.getProperty("gosplan.root");
        return (root != null ? Paths.get(root) : Paths.get("..")).resolve("examples");
    }

    static Path data(String first, String... more) {
        return shared().resolve("data").resolve(Paths.get(first, more));
    }

    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, content.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeBytes(Path file, byte[] content) {
        try {
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("gosplan-economy-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the regular files of a folder (not recursive) into a new folder {@code to}. */
    static Path copyFolder(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> s = Files.list(from)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (Files.isRegularFile(p)) {
                        Files.copy(p, to.resolve(p.getFileName()));
                    }
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads, expecting an EconomyException; returns it. */
    static EconomyException readFails(Path path) {
        return assertThrows(EconomyException.class, () -> EconomyFiles.read(path, Progress.NONE),
                () -> "expected " + path + " to be rejected");
    }

    /**
     * The one error whose where is exactly {@code where} (or, if where ends in ':', starts with
     * it) and whose message contains every word; fails listing all errors otherwise.
     */
    static Problem error(EconomyException e, String where, String... words) {
        return find(e.errors(), where, words, "error");
    }

    static Problem warning(List<Problem> warnings, String where, String... words) {
        return find(warnings, where, words, "warning");
    }

    private static Problem find(List<Problem> problems, String where, String[] words, String kind) {
        for (Problem p : problems) {
            boolean at = where.endsWith(":") ? p.where().startsWith(where) : p.where().equals(where);
            if (!at) {
                continue;
            }
            boolean all = true;
            for (String w : words) {
                all &= p.message().toLowerCase().contains(w.toLowerCase());
            }
            if (all) {
                return p;
            }
        }
        fail("no " + kind + " at '" + where + "' mentioning " + List.of(words) + "; got:\n" + dump(problems));
        return null;
    }

    static String dump(List<Problem> problems) {
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) {
            b.append("  [").append(p.where()).append("] ").append(p.message()).append('\n');
        }
        return b.toString();
    }
}
