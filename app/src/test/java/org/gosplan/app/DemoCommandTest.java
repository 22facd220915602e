package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.NoteVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo runs once: its "look next" commands run as printed, from the folder the demo ran in, and
 * its witness step left a checkpoint cosigned by both witnesses and a split view of the forked log.
 */
class DemoCommandTest {
    @TempDir
    static Path tmp;
    static Path root;
    static CliRun demo;
    /** The story the demo told (on standard error: the demo runs with --json). */
    static String story;

    @BeforeAll
    static void runTheDemo() {
        root = CliRun.examples().getParent().toAbsolutePath().normalize();
        demo = withHome(root, "demo", "--out", tmp.resolve("demo").toString(), "--json");
        assertEquals(0, demo.exit(), story + demo.err());
        story = demo.err();
    }

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
        // the inspectorate's step: the unit reporting output it had no inputs for is named
        assertTrue(story.contains("inputs-short: unit works-2 reports levels that need"), story);
        // then an inspection of it: vera (of works-2) is not in the pool; the quotas give the two men 1/2 each and
        // the three women 1/3 each (one seat of each, shared evenly); a drawn inspector files, works-2 answers
        assertTrue(story.contains("pool of 5 (vera works at works-2): ines 0.3333, olga 0.3333, rosa 0.3333,"
                + " ivan 0.5000, karl 0.5000"), story);
        assertTrue(story.contains("/record draw "), story);
        assertTrue(story.contains("/record answer "), story);
        assertTrue(story.contains("1 draw recomputed to the same panel"), story);
        assertTrue(!story.contains("FAIL"), story);
        List<String> lines = story.lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Look next at:")) {
                at = i;
            }
        }
        assertTrue(at >= 0, story);
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
            // the evidence command's answer is negative on purpose: the demo's fork was caught
            assertEquals(command.contains(" witness evidence ") ? 1 : 0, r.exit(), command + ": " + r.err());
            assertTrue(!r.out().isBlank(), command);
        }
        assertTrue(commands.stream().anyMatch(c -> c.endsWith("--content")), commands.toString());
        assertTrue(commands.stream().anyMatch(c -> c.contains(" witness evidence ")), commands.toString());
        assertTrue(commands.stream().anyMatch(c -> c.contains(" draw ")), commands.toString());
    }

    /**
     * Issue 12 item 5: both witnesses cosigned the record's checkpoint, which meets the 2-of-2 policy
     * and fails a policy that also wants a third witness; both refused the fork with 422; and the
     * split view holds two notes of one size and two roots, each with a valid signature of the log's key.
     */
    @Test
    void theWitnessesCosignTheRecordAndCatchTheFork() throws Exception {
        Path out = tmp.resolve("demo");
        String d = story;
        assertTrue(d.contains("cosigned by witness-a, witness-b"), d);
        assertTrue(d.contains("verified: the checkpoint is cosigned by witness-a, witness-b"), d);
        assertTrue(d.contains("verified: the record's latest checkpoint is cosigned by witness-a, witness-b"), d);
        for (String w : List.of("witness-a", "witness-b")) {
            assertTrue(d.contains("refused by " + w + " (HTTP 422): "), d);
        }
        String record = out.resolve("record").toString();
        String logKey = CliRun.of("log", "key", record).out().strip();
        JsonNode cp = Json.MAPPER.readTree(CliRun.of("log", "checkpoint", record, "--json").out());
        String policy = out.resolve("policy.txt").toString();
        JsonNode v = Json.MAPPER.readTree(CliRun.of("checkpoint", "verify", out.resolve("checkpoint.txt").toString(),
                "--policy", policy, "--json").out());
        assertTrue(v.get("valid").asBoolean(), v.toString());
        assertEquals(List.of("witness-a", "witness-b"), LogCommandTest.strings(v.get("cosigned")));
        assertEquals(cp.get("size").asLong(), v.get("size").asLong());
        assertEquals(cp.get("checkpoint").asText(), Files.readString(out.resolve("checkpoint.txt")));

        Path three = tmp.resolve("three.txt");
        String third = CliRun.of("key", "new", tmp.resolve("c.key").toString(), "--name", "demo.gosplan.org/witness-c",
                "--witness").out().strip().split("\\s+")[0];
        Files.writeString(three, Files.readString(Path.of(policy)).replace("group both all witness-a witness-b",
                "witness witness-c " + third + "\ngroup both all witness-a witness-b witness-c"));
        CliRun missing = CliRun.of("verify", record, "--policy", three.toString());
        assertEquals(1, missing.exit(), missing.out() + missing.err());
        assertTrue(missing.out().contains("missing cosignatures: witness-c"), missing.out());

        JsonNode e = Json.MAPPER.readTree(CliRun.of("witness", "evidence", "--state",
                out.resolve("witness-b").toString(), "--json").out());
        // the fork's checkpoint came twice (409 naming the size, then 422): two files of evidence, one split view
        assertEquals(2, e.get("evidence").asInt(), e.toString());
        assertEquals(1, e.get("splitViews").size(), e.toString());
        JsonNode view = e.get("splitViews").get(0);
        assertEquals("same-size", view.get("kind").asText(), e.toString());
        NoteVerifier log = NoteVerifier.parse(logKey);
        Checkpoint cosigned = Checkpoint.parse(view.get("cosigned").asText());
        Checkpoint refused = Checkpoint.parse(view.get("refused").asText());
        cosigned.verify(log);
        refused.verify(log);
        assertEquals(cosigned.size(), refused.size());
        assertEquals(cp.get("root").asText(), HexFormat.of().formatHex(cosigned.root()));
        assertFalse(Arrays.equals(cosigned.root(), refused.root()));
    }

    /**
     * Issue 16 item 4: with --json the demo's standard output is one JSON document (the story is on
     * standard error), and it says what the story says: verified, each step with its commands, and
     * the look-next commands as printed.
     */
    @Test
    void withJsonStandardOutputIsOneDocumentOfWhatTheDemoDid() throws Exception {
        JsonNode d = JsonOutputTest.oneDocument(demo);
        assertTrue(d.get("verified").asBoolean(), d.toString());
        assertTrue(d.get("witnesses").asBoolean(), d.toString());
        assertEquals(0, d.get("problems").size(), d.toString());
        assertEquals(1, d.get("draws").asLong(), d.toString());
        assertTrue(d.get("plansReplayed").asLong() >= 2, d.toString());
        assertEquals(9, d.get("steps").size(), d.toString());
        assertTrue(story.contains("plan hash " + d.get("planHash").asText()), story);
        for (JsonNode step : d.get("steps")) {
            assertTrue(story.contains("== " + step.get("step").asInt() + ". " + step.get("title").asText()), story);
            for (JsonNode c : step.get("commands")) {
                assertTrue(story.contains("   $ " + c.get("command").asText()), c.toString());
            }
        }
        assertTrue(d.get("next").size() >= 4, d.toString());
        for (JsonNode n : d.get("next")) {
            assertTrue(story.lines().anyMatch(l -> l.trim().startsWith(n.get("command").asText() + " ")
                    && l.trim().endsWith(n.get("what").asText())), n.toString());
        }
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
