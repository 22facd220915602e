package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.gosplan.ledger.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server answers refusals by their kind; a replayed event is refused as a conflict. */
class RefusalKindTest {
    @TempDir
    Path dir;

    private final NoteSigner operator = NoteSigner.fromSeed("log", new byte[32]);
    private final NoteSigner citizen = NoteSigner.fromSeed("citizen", SnapshotTestSeeds.seed(2));
    private final NoteSigner stranger = NoteSigner.fromSeed("stranger", SnapshotTestSeeds.seed(3));

    private static ObjectNode register(NoteSigner member, Role role) {
        ObjectNode b = Canonical.MAPPER.createObjectNode();
        b.put("vkey", member.verifier().toString());
        b.put("role", role.id());
        b.putArray("councils");
        b.putObject("attrs");
        return b;
    }

    private static RecordException.Kind refusedAs(Record r, Event e) {
        return assertThrows(RecordException.class, () -> r.append(e)).kind();
    }

    @Test
    void eachRefusalHasItsKindAndAppendsNothing() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            Event reg = Event.sign(EventTypes.MEMBER_REGISTERED, register(citizen, Role.CITIZEN), operator,
                    Instant.parse("2026-01-01T00:00:00Z"));
            r.append(reg);
            assertEquals(1, log.size());

            assertEquals(RecordException.Kind.CONFLICT, refusedAs(r, reg), "the same event again is a replay");
            Event byStranger = Event.sign(EventTypes.MEMBER_REGISTERED, register(stranger, Role.CITIZEN), stranger,
                    Instant.parse("2026-01-01T00:00:01Z"));
            assertEquals(RecordException.Kind.FORBIDDEN, refusedAs(r, byStranger), "unregistered signer");
            Event wrongRole = Event.sign(EventTypes.MEMBER_REGISTERED, register(stranger, Role.CITIZEN), citizen,
                    Instant.parse("2026-01-01T00:00:02Z"));
            assertEquals(RecordException.Kind.FORBIDDEN, refusedAs(r, wrongRole), "a citizen registers no one");
            Event forged = new Event(1, wrongRole.type(), wrongRole.time(), Keys.signerName(operator.verifier()),
                    wrongRole.body(), wrongRole.sig());
            assertEquals(RecordException.Kind.FORBIDDEN, refusedAs(r, forged), "a signature by another key");
            ObjectNode bad = register(stranger, Role.CITIZEN);
            bad.put("role", "emperor");
            Event malformed = Event.sign(EventTypes.MEMBER_REGISTERED, bad, operator,
                    Instant.parse("2026-01-01T00:00:03Z"));
            assertEquals(RecordException.Kind.MALFORMED, refusedAs(r, malformed), "no such role");
            assertEquals(1, log.size());
        }
    }
}
