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
        // then an inspection of it: vera (of works-2) is not in the pool; the quotas give the two men 1/2 each and
        // the three women 1/3 each (one seat of each, shared evenly); a drawn inspector files, works-2 answers
        assertTrue(demo.out().contains("pool of 5 (vera works at works-2): ines 0.3333, olga 0.3333, rosa 0.3333,"
                + " ivan 0.5000, karl 0.5000"), demo.out());
        assertTrue(demo.out().contains("/record draw "), demo.out());
        assertTrue(demo.out().contains("/record answer "), demo.out());
        assertTrue(demo.out().contains("1 draw recomputed to the same panel"), demo.out());
        assertTrue(!demo.out().contains("FAIL"), demo.out());
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
        assertTrue(commands.stream().anyMatch(c -> c.contains(" draw ")), commands.toString());
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
