package org.gosplan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Malformed bodies posted as events: a valid signed vote cut, spliced and byte-flipped, and
 * arbitrary text. Every one is answered 400, 403, 409 or 413 with a JSON error; none is
 * appended unless it is still the valid vote; the server never fails (500).
 */
class EventFuzzProperties {
    private static Path dir;
    private static Fixture fixture;
    private static byte[] valid;

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("gosplan-fuzz");
        fixture = new Fixture(dir);
        valid = fixture.vote(fixture.citizen, 0).entryBytes();
    }

    @AfterContainer
    static void stop() throws Exception {
        fixture.close();
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<byte[]> mangled() {
        Arbitrary<byte[]> cut = Arbitraries.integers().between(0, valid.length - 1)
                .map(n -> java.util.Arrays.copyOf(valid, n));
        Arbitrary<byte[]> flipped = Arbitraries.integers().between(0, valid.length - 1).tuple2()
                .map(t -> {
                    byte[] b = valid.clone();
                    b[t.get1()] = (byte) (b[t.get1()] ^ (1 + t.get2() % 255));
                    return b;
                });
        Arbitrary<byte[]> spliced = Arbitraries.strings().ofMaxLength(40)
                .withChars("{}[]\":,0123456789.eE-+truefalsnul \\u\t\n\u00e9\ud83d\ude00")
                .tuple2().map(t -> {
                    String s = new String(valid, StandardCharsets.UTF_8);
                    int at = Math.abs(t.get2().hashCode()) % s.length();
                    return (s.substring(0, at) + t.get1() + s.substring(at)).getBytes(StandardCharsets.UTF_8);
                });
        Arbitrary<byte[]> text = Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Arbitraries.oneOf(cut, flipped, spliced, text, raw);
    }

    @Property(tries = 300)
    void malformedEventsAreRefusedNotFailed(@ForAll("mangled") byte[] body) throws Exception {
        long before = fixture.log.size();
        HttpResponse<byte[]> r = fixture.post("/api/events", body);
        int status = r.statusCode();
        if (status == 201) {
            // Whitespace or key order changed only: still the same signed vote, recorded once.
            assertEquals(before + 1, fixture.log.size());
            return;
        }
        assertTrue(Set.of(400, 403, 409, 413).contains(status), status + ": " + new String(r.body(),
                StandardCharsets.UTF_8));
        assertTrue(Fixture.json(r).path("error").isTextual());
        assertEquals(before, fixture.log.size(), "nothing appended");
    }
}
