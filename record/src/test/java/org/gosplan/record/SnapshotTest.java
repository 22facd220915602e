package org.gosplan.record;

import org.gosplan.ledger.NoteSigner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnapshotTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final NoteSigner logKey = NoteSigner.fromSeed("log", new byte[32]);
    private final NoteSigner council = NoteSigner.fromSeed("council", seed(1));
    private final NoteSigner stranger = NoteSigner.fromSeed("stranger", seed(2));
    private static final String H = "ab".repeat(32);

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        s[0] = (byte) b;
        return s;
    }

    private static ObjectNode body() {
        return Canonical.MAPPER.createObjectNode();
    }

    private Event register(NoteSigner who, NoteSigner by, String role) {
        return Event.sign(EventTypes.MEMBER_REGISTERED,
                body().put("vkey", who.verifier().toString()).put("role", role), by, NOW);
    }

    private Event targets(NoteSigner by) {
        return Event.sign(EventTypes.TARGETS_SET, body().put("hash", H).put("economy", H), by, NOW);
    }

    @Test
    void eventsRoundTripThroughTheirCanonicalBytes() {
        Event e = register(council, logKey, "council");
        Event back = Event.parse(e.entryBytes(), "entry 0");
        assertEquals(e, back);
        assertTrue(back.signedBy(logKey.verifier()));
        String text = new String(e.entryBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"body\":{\"role\":\"council\""), text);
    }

    @Test
    void onlyRegisteredKeysWithTheRightRoleMayRecord() {
        Snapshot s = Snapshot.genesis(logKey.verifier());
        assertNotNull(s.refusal(targets(stranger)), "unregistered");
        assertNotNull(s.refusal(register(stranger, stranger, "operator")), "self-registration");
        Event reg = register(council, logKey, "council");
        assertNull(s.refusal(reg));
        s = s.apply(reg, 0);
        assertEquals(1, s.size());
        assertNull(s.refusal(targets(council)));
        // formats.md section 4: targets.set by operators and councils, no one else
        assertNull(s.refusal(targets(logKey)), "operators may set targets");
        assertTrue(s.refusal(register(stranger, council, "operator")).contains("role council"));
        s = s.apply(targets(council), 1);
        assertEquals(H, s.targets().hash());
        s = s.apply(register(stranger, logKey, "enterprise"), 2);
        assertTrue(s.refusal(targets(stranger)).contains("may not record targets.set"), "enterprises do not set targets");
    }

    @Test
    void aTamperedBodyOrSignatureIsRefused() {
        Snapshot s = Snapshot.genesis(logKey.verifier());
        Event reg = register(council, logKey, "council");
        ObjectNode other = reg.body().deepCopy().put("role", "operator");
        Event tampered = new Event(reg.v(), reg.type(), reg.time(), reg.signer(), other, reg.sig());
        assertTrue(s.refusal(tampered).contains("signature"));
        Event badBody = Event.sign(EventTypes.TARGETS_SET, body().put("hash", "xyz"), logKey, NOW);
        s = s.apply(reg, 0);
        assertNotNull(s.refusal(badBody));
    }
}
