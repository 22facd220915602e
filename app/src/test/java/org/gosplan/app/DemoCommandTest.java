package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's "look next" commands run as printed, from the folder the demo ran in. */
class DemoCommandTest {
    @TempDir
    Path tmp;

    /** Runs with gosplan.home set as the ./gosplan launcher sets it. */
    static CliRun withHome(Path home, String... args) {
        String old = System.getProperty("gosplan.home");
        System.setProperty("gosplan.home", home.toString());
        try {
            return CliRun.of(args);
        } finally {
            if (old == null) {
                System.clearProperty("gosplan.home");
            } else {
                System.setProperty("gosplan.home", old);
            }
        }
    }

    @Test
    void everyLookNextCommandRunsAsPrinted() {
        Path root = CliRun.examples().getParent().toAbsolutePath().normalize();
        CliRun demo = withHome(root, "demo", "--out", tmp.resolve("demo").toString());
        assertEquals(0, demo.exit(), demo.err());
        // the inspectorate's step: the unit reporting output it had no inputs for is named
        assertTrue(demo.out().contains("inputs-short: unit works-2 reports levels that need"), demo.out());
        List<String> lines = demo.out().lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Look next at:")) {
                at = i;
            }
        }
        assertTrue(at >= 0, demo.out());
        List<String> commands = new ArrayList<>();
        for (String line : lines.subList(at + 1, lines.size())) {
            if (!line.isBlank()) {
                commands.add(line.trim().split("\\s{2,}")[0]);
            }
        }
        assertTrue(commands.size() >= 4, commands.toString());
        for (String command : commands) {
            String[] words = command.split(" ");
            // the launcher as typed here (the tests run in app/, the repository's root is its parent)
            assertTrue(Files.isRegularFile(Paths.get(words[0])) && words[0].endsWith("gosplan"), command);
            CliRun r = withHome(root, Arrays.copyOfRange(words, 1, words.length));
            assertEquals(0, r.exit(), command + ": " + r.err());
            assertTrue(!r.out().isBlank(), command);
        }
        assertTrue(commands.stream().anyMatch(c -> c.endsWith("--content")), commands.toString());
    }

    @Test
    void pathsBelowTheWorkingDirectoryAreShownRelative() {
        Path cwd = Paths.get("").toAbsolutePath();
        assertEquals(Paths.get("x", "y.json"), DemoCommand.shown(cwd.resolve("x/y.json")));
        assertEquals(Paths.get("/elsewhere/y.json"), DemoCommand.shown(Paths.get("/elsewhere/y.json")));
        String old = System.getProperty("gosplan.home");
        try {
            System.setProperty("gosplan.home", cwd.toString());
            assertEquals("./gosplan", DemoCommand.launcher());
            System.clearProperty("gosplan.home");
            assertEquals("gosplan", DemoCommand.launcher());
        } finally {
            if (old != null) {
                System.setProperty("gosplan.home", old);
            }
        }
    }
}
