package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.gosplan.ledger.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event times are whole seconds and signatures deterministic, so the same body signed by the same
 * key twice within one second is one event, and the second is a replay. What signs a fresh event
 * (the CLI's commands) waits for the next second instead of being refused; an event signed
 * elsewhere and sent again is refused with the time from which a new signature is taken.
 */
class SameSecondTest {
    @TempDir
    Path dir;

    private final NoteSigner operator = NoteSigner.fromSeed("log", new byte[32]);
    private final NoteSigner citizen = NoteSigner.fromSeed("citizen", SnapshotTestSeeds.seed(2));

    private static ObjectNode register(NoteSigner member) {
        ObjectNode b = Canonical.MAPPER.createObjectNode();
        b.put("vkey", member.verifier().toString());
        b.put("role", Role.CITIZEN.id());
        b.putArray("councils");
        b.putObject("attrs");
        return b;
    }

    /**
     * A clock that reads 12:00:00.250 for the first two readings (the two signings, however long
     * the machine takes between them) and from then on 12:00:01.250 plus the real time elapsed.
     */
    private static Clock twoReadingsInOneSecond() {
        Instant t = Instant.parse("2026-12-07T12:00:00.250Z");
        long start = System.nanoTime();
        AtomicInteger readings = new AtomicInteger();
        return new Clock() {
            @Override
            public Instant instant() {
                return readings.incrementAndGet() <= 2 ? t
                        : t.plusSeconds(1).plusNanos(System.nanoTime() - start);
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void theSameEventSignedTwiceInOneSecondIsRecordedTwice() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir, twoReadingsInOneSecond())) {
            long first = r.append(EventTypes.MEMBER_REGISTERED, register(citizen), operator);
            long second = r.append(EventTypes.MEMBER_REGISTERED, register(citizen), operator);
            assertEquals(0, first);
            assertEquals(1, second);
            Event a = Event.parse(log.entry(0), "entry 0");
            Event b = Event.parse(log.entry(1), "entry 1");
            assertNotEquals(a.sig(), b.sig());
            assertEquals("2026-12-07T12:00:00Z", a.time());
            assertEquals("2026-12-07T12:00:01Z", b.time(), "signed again in the next second");
        }
    }

    @Test
    void aReplaySaysFromWhenANewSignatureIsTaken() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            Event reg = Event.sign(EventTypes.MEMBER_REGISTERED, register(citizen), operator,
                    Instant.parse("2026-01-01T00:00:00.700Z"));
            r.append(reg);
            RecordException x = assertThrows(RecordException.class, () -> r.append(reg));
            assertEquals(RecordException.Kind.CONFLICT, x.kind());
            assertTrue(x.getMessage().contains("on the log already"), x.getMessage());
            assertTrue(x.getMessage().contains("sign it anew from 2026-01-01T00:00:01Z on"), x.getMessage());
            // And the advice is true: signed at that time, the same body is recorded.
            r.append(Event.sign(EventTypes.MEMBER_REGISTERED, register(citizen), operator,
                    Instant.parse("2026-01-01T00:00:01Z")));
            assertEquals(2, log.size());
        }
    }
}
