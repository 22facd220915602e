package org.gosplan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gosplan.record.Canonical;
import org.gosplan.record.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads no event names are removed after the time kept, on start and periodically; content an
 * event names never is, however old, and young content is left alone.
 */
class UnnamedContentTest {
    @TempDir
    Path dir;

    private static Path file(Path dir, String hash) {
        return dir.resolve("record").resolve("content").resolve(hash.substring(0, 2)).resolve(hash);
    }

    private static void age(Path dir, String hash, Duration by) throws Exception {
        Files.setLastModifiedTime(file(dir, hash), FileTime.from(Instant.now().minus(by)));
    }

    /** A targets.set naming {@code hash}, signed by the fixture's council. */
    private static Event naming(Fixture f, String hash, int second) {
        ObjectNode b = Served.object();
        b.put("hash", hash);
        b.put("economy", hash);
        return Event.sign("targets.set", b, f.council, Instant.parse("2026-02-01T00:00:00Z").plusSeconds(second));
    }

    private static void waitUntilGone(Fixture f, String hash) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (f.get("/api/content/" + hash).statusCode() != 404) {
            assertTrue(System.nanoTime() < until, "content " + hash + " was not removed within a minute");
            Thread.sleep(100);
        }
    }

    @Test
    void onStartOldUnnamedContentGoesAndNamedOrYoungContentStays() throws Exception {
        // a fixture that keeps everything, for setting up the store before the server under test starts
        try (Fixture f = new Fixture(dir, Limits.defaults().unlimitedRates().keepingUnnamed(Duration.ZERO),
                List.of())) {
            var content = f.record.content();
            String oldUnnamed = content.put("an upload whose event never came".getBytes(StandardCharsets.UTF_8));
            String oldNamed = content.put("targets named by an event".getBytes(StandardCharsets.UTF_8));
            String young = content.put("an upload whose event is coming".getBytes(StandardCharsets.UTF_8));
            f.record.append(naming(f, oldNamed, 0));
            age(dir, oldUnnamed, Duration.ofHours(2));
            age(dir, oldNamed, Duration.ofDays(400));
            try (Server s = Server.start(f.record, f.log, "127.0.0.1", 0, Limits.defaults().unlimitedRates(), null,
                    Capabilities.all())) {
                assertEquals(Limits.KEEP_UNNAMED, s.served().limits().keepUnnamed(), "an hour by default");
                long until = System.nanoTime() + 60_000_000_000L;
                while (content.contains(oldUnnamed)) {
                    assertTrue(System.nanoTime() < until, "the old unnamed upload was not removed on start");
                    Thread.sleep(100);
                }
                assertTrue(content.contains(oldNamed), "content an event names is never removed");
                assertTrue(content.contains(young), "an upload younger than an hour stays");
            }
        }
    }

    @Test
    void periodicallyAnUploadNoEventNamesGoesAndOneAnEventNamesStays() throws Exception {
        try (Fixture f = new Fixture(dir, Limits.defaults().unlimitedRates().keepingUnnamed(Duration.ofSeconds(2)),
                List.of())) {
            byte[] stray = "uploaded, never named".getBytes(StandardCharsets.UTF_8);
            byte[] kept = "uploaded, then named".getBytes(StandardCharsets.UTF_8);
            String strayHash = Canonical.sha256(stray);
            String keptHash = Canonical.sha256(kept);
            assertEquals(201, f.send("PUT", "/api/content/" + strayHash, stray).statusCode());
            assertEquals(201, f.send("PUT", "/api/content/" + keptHash, kept).statusCode());
            assertEquals(201, f.post("/api/events", naming(f, keptHash, 0).entryBytes()).statusCode());
            waitUntilGone(f, strayHash);
            age(dir, keptHash, Duration.ofHours(1));
            Thread.sleep(3_000); // two more sweeps at least (every second with 2 s kept)
            assertEquals(200, f.get("/api/content/" + keptHash).statusCode(), "named content stays");
            // an upload stored again starts its time again: the same bytes put back are young
            assertEquals(201, f.send("PUT", "/api/content/" + strayHash, stray).statusCode());
            assertEquals(200, f.send("PUT", "/api/content/" + strayHash, stray).statusCode());
            assertEquals(200, f.get("/api/content/" + strayHash).statusCode());
        }
    }

    @Test
    void aStoredAgainUploadIsYoungAgain() throws Exception {
        try (Fixture f = new Fixture(dir, Limits.defaults().unlimitedRates().keepingUnnamed(Duration.ZERO),
                List.of())) {
            var content = f.record.content();
            String h = content.put("stored twice".getBytes(StandardCharsets.UTF_8));
            age(dir, h, Duration.ofHours(2));
            Instant cutoff = Instant.now().minus(Duration.ofHours(1));
            assertEquals(List.of(h), content.storedBefore(cutoff).stream().map(s -> s.hash()).toList());
            content.put("stored twice".getBytes(StandardCharsets.UTF_8));
            assertTrue(content.storedBefore(cutoff).isEmpty(), "stored again: young");
            assertTrue(!content.removeIfStoredBefore(h, cutoff), "a young content is not removed");
            assertTrue(content.contains(h));
        }
    }

    @Property(tries = 300)
    void everyRunOfExactly64HexDigitsIsAName(@ForAll("entries") List<String> tokens) {
        Set<String> want = new HashSet<>();
        StringBuilder entry = new StringBuilder("{\"body\":{");
        for (String t : tokens) {
            if (t.length() == 64 && t.chars().allMatch(c -> Character.digit(c, 16) >= 0 && !Character.isUpperCase(c))) {
                want.add(t);
            }
            entry.append('"').append(t).append("\",");
        }
        entry.append("\"sig\":\"A+/=\"}}");
        Set<String> got = new HashSet<>();
        UnnamedContent.names(entry.toString().getBytes(StandardCharsets.UTF_8), got);
        assertEquals(want, got);
    }

    @Provide
    Arbitrary<List<String>> entries() {
        Arbitrary<String> hashes = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        Arbitrary<String> nearly = Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(60).ofMaxLength(68);
        Arbitrary<String> upper = Arbitraries.strings().withChars("0123456789ABCDEF").ofLength(64);
        Arbitrary<String> text = Arbitraries.strings().withChars("abcdefxyz019 _-").ofMaxLength(80);
        return Arbitraries.oneOf(hashes, nearly, upper, text).list().ofMaxSize(12);
    }
}
