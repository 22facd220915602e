package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gosplan.ledger.Log;
import org.junit.jupiter.api.Test;

/**
 * The signed record and replay on a log in a data directory, plus damage done to its files:
 * the entries file (ledger/README.md: records of u32 length, u32 CRC-32C, bytes) and the content
 * blobs {@code DIR/content/xx/<hash>}.
 */
class RecordReplayTest extends RecordReplayScenarios {
    Path dir() {
        return tmp.resolve("log");
    }

    @Override
    String[] at() {
        return new String[] {dir().toString()};
    }

    @Override
    String[] planAt() {
        return new String[] {"--record", dir().toString()};
    }

    @Override
    CliRun initLog(String origin) {
        return CliRun.of("log", "init", dir().toString(), "--origin", origin);
    }

    @Override
    Log openLog() throws IOException {
        return Log.open(dir());
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= data.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void anAlteredEventByteInTheEntriesFileIsFound() throws IOException {
        long[] plans = villageWithTwoPlans();
        assertEquals(0, ok(verify("--replay")).exit());
        Path entries = dir().resolve("entries");
        byte[] data = Files.readAllBytes(entries);
        // The min-resource plan's event is the only one naming the resource in its options.
        int at = indexOf(data, "\"resource\":\"labour\"".getBytes(StandardCharsets.UTF_8));
        assertTrue(at > 0);
        data[at + "\"resource\":\"".length()] ^= 0x01; // labour -> mabour
        Files.write(entries, data);
        for (CliRun v : new CliRun[] {verify(), verify("--replay"), verify("--json")}) {
            assertEquals(1, v.exit(), v.out() + v.err());
            assertTrue(v.noStackTrace(), v.err());
            assertTrue(v.out().contains("entry " + plans[1]), v.out());
        }
        JsonNode doc = json(verify("--json"));
        assertTrue(doc.get("problems").get(0).asText().startsWith("entry " + plans[1] + ":"), doc.toString());
        CliRun ledger = CliRun.of("log", "verify", dir().toString());
        assertEquals(1, ledger.exit(), ledger.out());
    }

    @Test
    void anAlteredContentBlobIsFound() throws IOException {
        ok(record("economy", village().toString()));
        ok(record("targets", villageTargets().toString(), "--key", councilKey.toString()));
        long p = size();
        ok(plan());
        JsonNode body = json(ok(show(p))).get("body");
        for (String field : new String[] {"economy", "targets", "plan"}) {
            String hash = body.get(field).asText();
            Path blob = dir().resolve("content").resolve(hash.substring(0, 2)).resolve(hash);
            assertTrue(Files.isRegularFile(blob), blob.toString());
            byte[] original = Files.readAllBytes(blob);
            byte[] altered = original.clone();
            altered[altered.length / 2] ^= 0x04;
            Files.write(blob, altered);
            for (CliRun v : new CliRun[] {verify(), verify("--replay")}) {
                assertEquals(1, v.exit(), field + ": " + v.out() + v.err());
                assertTrue(v.noStackTrace(), v.err());
                assertTrue(v.out().contains("content " + hash + " was altered"), v.out());
            }
            // Replay names the plan it could not check (or whose content is false).
            CliRun r = verify("--replay");
            assertTrue(r.out().contains("FAIL entry " + p + " (plan.computed"), r.out());
            // Gone altogether.
            Files.delete(blob);
            for (CliRun v : new CliRun[] {verify(), verify("--replay")}) {
                assertEquals(1, v.exit(), field + ": " + v.out() + v.err());
                assertTrue(v.noStackTrace(), v.err());
                assertTrue(v.out().contains("content " + hash + " is missing"), v.out());
            }
            Files.write(blob, original);
            assertEquals(0, ok(verify("--replay")).exit());
        }
    }

    @Test
    void aMissingOrWrongDirIsBadInput() throws IOException {
        Path none = tmp.resolve("no-such-log");
        for (CliRun r : new CliRun[] {
                CliRun.of("verify", none.toString()),
                CliRun.of("verify", none.toString(), "--replay"),
                CliRun.of("show", none.toString(), "0"),
                CliRun.of("record", none.toString(), "member", strangerVkey, "--role", "council"),
                CliRun.of("record", none.toString(), "economy", village().toString()),
                CliRun.of("plan", "--record", none.toString())}) {
            assertEquals(2, r.exit(), r.out() + r.err());
            assertTrue(r.noStackTrace(), r.err());
            assertTrue(r.err().contains("no-such-log"), r.err());
            assertTrue(r.err().contains("log init"), r.err());
        }
        assertTrue(Files.notExists(none), "nothing is created for a missing DIR");
        CliRun noDir = CliRun.of("verify");
        assertEquals(2, noDir.exit());
        assertTrue(noDir.err().contains("DIR"), noDir.err());
        CliRun both = CliRun.of("verify", dir().toString(), "--db", "jdbc:postgresql://127.0.0.1:1/x");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("not both"), both.err());
        // An empty folder is not a log.
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun e = CliRun.of("verify", empty.toString());
        assertEquals(2, e.exit(), e.out() + e.err());
        assertTrue(e.noStackTrace(), e.err());
    }
}
