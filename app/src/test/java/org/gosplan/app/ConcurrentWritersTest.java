package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Event;
import org.gosplan.record.Keys;
import org.gosplan.record.Record;
import org.gosplan.record.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers in separate processes (child JVMs running the real command line) on one log
 * directory at once: each gets its entries appended and acknowledged, none sees an error, and
 * the log verifies.
 */
class ConcurrentWritersTest {
    private static final int PROCESSES = 8;
    private static final int FILLED = 250;

    @TempDir
    Path tmp;

    /** Starts {@code java -cp <the test classpath> MAIN ARGS...}, its output to files. */
    private Process start(String main, Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    private static void waitForAll(List<Process> ps, List<Path> outs, List<Path> errs) throws Exception {
        for (int w = 0; w < ps.size(); w++) {
            Process p = ps.get(w);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "writer " + w + " did not finish");
            assertEquals(0, p.exitValue(), "writer " + w + ": " + Files.readString(errs.get(w))
                    + Files.readString(outs.get(w)));
            assertEquals("", Files.readString(errs.get(w)), "writer " + w + " printed to standard error");
        }
    }

    @Test
    void eightProcessesAppendTwoThousandLinesEachAtOnce() throws Exception {
        int lines = 2000;
        String dir = tmp.resolve("log").toString();
        assertEquals(0, CliRun.of("log", "init", dir, "--origin", "example.org/writers").exit());
        List<Process> ps = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        List<Path> errs = new ArrayList<>();
        for (int w = 0; w < PROCESSES; w++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < lines; k++) {
                b.append("writer ").append(w).append(" line ").append(k).append('\n');
            }
            Path in = tmp.resolve("in" + w + ".txt");
            Files.writeString(in, b);
            outs.add(tmp.resolve("out" + w));
            errs.add(tmp.resolve("err" + w));
            ps.add(start(Main.class.getName(), outs.get(w), errs.get(w), "log", "append", dir, in.toString(),
                    "--json"));
        }
        waitForAll(ps, outs, errs);
        // Each writer's acknowledgement names where its lines are; together they are the log.
        Map<Long, String> want = new HashMap<>();
        for (int w = 0; w < PROCESSES; w++) {
            JsonNode doc = Json.MAPPER.readTree(Files.readString(outs.get(w)));
            assertEquals(lines, doc.get("count").asLong(), doc.toString());
            assertEquals(1, doc.get("ranges").size(), "one chunk lands whole: " + doc);
            long first = doc.get("first").asLong();
            assertEquals(first + lines - 1, doc.get("ranges").get(0).get(1).asLong());
            for (int k = 0; k < lines; k++) {
                assertTrue(want.put(first + k, "writer " + w + " line " + k) == null, "index " + (first + k) + " twice");
            }
        }
        try (Log log = Log.open(Path.of(dir))) {
            assertEquals(PROCESSES * lines, log.size());
            for (Map.Entry<Long, String> e : want.entrySet()) {
                assertEquals(e.getValue(), new String(log.entry(e.getKey()), StandardCharsets.UTF_8));
            }
            // Checkpoints never went back: verify checks that their sizes grow.
            assertTrue(log.checkpoints().size() >= 2);
        }
        CliRun v = CliRun.of("log", "verify", dir, "--json");
        assertEquals(0, v.exit(), v.out() + v.err());
        assertTrue(Json.MAPPER.readTree(v.out()).get("valid").asBoolean(), v.out());
    }

    @Test
    void eightProcessesRecordEventsAtOnce() throws Exception {
        int events = 6;
        Path dir = tmp.resolve("log");
        assertEquals(0, CliRun.of("log", "init", dir.toString(), "--origin", "example.org/writers").exit());
        // Each writer signs with an operator key of its own, registered first; then members up to
        // 250 entries, so the writers' events take the tree past 256 leaves, where the store
        // starts keeping hashes of tree level 8 (a writer that opened the log before had no
        // channel on that file: 'internal error: hashes 0..4 of tile level 1 are not in a tree').
        List<Path> keys = new ArrayList<>();
        try (Record r = Record.open(Log.open(dir))) {
            for (int w = 0; w < PROCESSES; w++) {
                NoteSigner k = NoteSigner.generate("operator" + w);
                Path f = tmp.resolve("operator" + w + ".key");
                Keys.write(k, f);
                keys.add(f);
                r.registerMember(k.verifier(), Role.OPERATOR, r.log().signingKey());
            }
            while (r.log().size() < FILLED) {
                r.registerMember(NoteSigner.generate("filler" + r.log().size()).verifier(), Role.INSPECTOR,
                        r.log().signingKey());
            }
        }
        List<Process> ps = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        List<Path> errs = new ArrayList<>();
        for (int w = 0; w < PROCESSES; w++) {
            outs.add(tmp.resolve("out" + w));
            errs.add(tmp.resolve("err" + w));
            ps.add(start(RecordWriter.class.getName(), outs.get(w), errs.get(w), dir.toString(),
                    keys.get(w).toString(), "w" + w, Integer.toString(events)));
        }
        waitForAll(ps, outs, errs);
        Set<Long> indices = new HashSet<>();
        for (int w = 0; w < PROCESSES; w++) {
            var docs = Json.MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(outs.get(w)));
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                assertEquals("member.registered", doc.get("type").asText());
                assertTrue(indices.add(doc.get("index").asLong()), "index given twice: " + doc);
            }
        }
        assertEquals(PROCESSES * events, indices.size());
        try (Log log = Log.open(dir)) {
            assertEquals(FILLED + PROCESSES * events, log.size());
            for (long i = 0; i < log.size(); i++) {
                assertTrue(Event.isEvent(log.entry(i)), "entry " + i);
            }
        }
        CliRun v = CliRun.of("verify", dir.toString(), "--json");
        assertEquals(0, v.exit(), v.out() + v.err());
        JsonNode doc = Json.MAPPER.readTree(v.out());
        assertEquals(FILLED + PROCESSES * events, doc.get("events").asLong(), v.out());
        assertEquals(0, doc.get("problems").size(), v.out());
    }
}
