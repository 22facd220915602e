package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gosplan.ledger.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Councils, attributes, re-registration, revocation and electorates (councils.md). */
class MembershipTest {
    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
    private static final String H = "ab".repeat(32);

    @TempDir
    Path dir;

    private final NoteSigner operator = NoteSigner.fromSeed("log", new byte[32]);
    private final NoteSigner ana = NoteSigner.fromSeed("ana", SnapshotTestSeeds.seed(1));
    private final NoteSigner ben = NoteSigner.fromSeed("ben", SnapshotTestSeeds.seed(2));
    private final NoteSigner cleo = NoteSigner.fromSeed("cleo", SnapshotTestSeeds.seed(3));
    private final NoteSigner deputy = NoteSigner.fromSeed("deputy", SnapshotTestSeeds.seed(4));

    private static String name(NoteSigner k) {
        return Keys.signerName(k.verifier());
    }

    private static List<String> names(List<Member> ms) {
        List<String> out = new ArrayList<>();
        for (Member m : ms) {
            out.add(m.key().name());
        }
        return out;
    }

    @Test
    void councilsAndAttributesAreRecordedAndReadBack() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            r.registerMember(ana.verifier(), Role.CITIZEN, List.of("north", "water"), Map.of("region", "north"), operator);
            Member m = r.snapshot().member(name(ana));
            assertEquals(Role.CITIZEN, m.role());
            assertEquals(List.of("north", "water"), m.councils());
            assertEquals(Map.of("region", "north"), m.attrs());
            assertEquals(0, m.index());
            String text = new String(log.entries.get(0), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("\"attrs\":{\"region\":\"north\"},\"councils\":[\"north\",\"water\"]"), text);
            // a fresh fold reads the same
            assertEquals(m, r.snapshotAt(1).member(name(ana)));
        }
    }

    @Test
    void registrationsWithoutCouncilsOrAttributesStillRead() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            ObjectNode old = Canonical.MAPPER.createObjectNode().put("vkey", ana.verifier().toString()).put("role", "council");
            r.append(EventTypes.MEMBER_REGISTERED, old, operator);
            Member m = r.snapshot().member(name(ana));
            assertEquals(List.of(), m.councils());
            assertEquals(Map.of(), m.attrs());
            assertTrue(r.verify(null).ok());
        }
    }

    @Test
    void malformedCouncilsAndAttributesAreRefused() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            assertTrue(assertThrows(RecordException.class, () -> r.registerMember(ana.verifier(), Role.CITIZEN,
                    List.of("north", "north"), Map.of(), operator)).getMessage().contains("named twice"));
            assertTrue(assertThrows(RecordException.class, () -> r.registerMember(ana.verifier(), Role.CITIZEN,
                    List.of("two words"), Map.of(), operator)).getMessage().contains("council 'two words'"));
            assertTrue(assertThrows(RecordException.class, () -> r.registerMember(ana.verifier(), Role.CITIZEN,
                    List.of(), Map.of("=x", "1"), operator)).getMessage().contains("attribute '=x'"));
            assertEquals(0, log.size());
        }
    }

    @Test
    void reRegistrationReplacesRoleCouncilsAndAttributesFromThatEntryOn() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            r.registerMember(ana.verifier(), Role.CITIZEN, List.of("north"), Map.of("region", "north"), operator);
            r.registerMember(ben.verifier(), Role.CITIZEN, List.of("north"), Map.of(), operator);
            long again = r.registerMember(ana.verifier(), Role.COUNCIL, List.of("south"), Map.of("region", "south"),
                    operator);
            Snapshot s = r.snapshot();
            assertEquals(Role.COUNCIL, s.member(name(ana)).role());
            assertEquals(List.of("south"), s.member(name(ana)).councils());
            assertEquals(again, s.member(name(ana)).index());
            // as it stood before the re-registration
            assertEquals(Role.CITIZEN, s.memberAt(name(ana), again).role());
            assertEquals(Map.of("region", "north"), s.memberAt(name(ana), again).attrs());
            Electorate north = Electorate.parse("council:north");
            assertEquals(List.of("ana", "ben"), names(north.members(s, again)));
            assertEquals(List.of("ben"), names(north.members(s, s.size())));
            assertEquals(List.of("ana"), names(Electorate.parse("council:south").members(s, s.size())));
            // one key is one member: the map keeps its first place
            assertEquals(List.of(name(operator), name(ana), name(ben)), new ArrayList<>(s.members().keySet()));
        }
    }

    @Test
    void aRevokedKeyMaySignNothingFromItsRevocationOnAndItsEarlierEventsStayValid() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            r.registerMember(deputy.verifier(), Role.OPERATOR, operator);
            long early = r.registerMember(ana.verifier(), Role.CITIZEN, deputy); // signed by the deputy
            long revoked = r.revokeMember(name(deputy), operator);
            assertEquals(revoked, r.snapshot().member(name(deputy)).revoked());
            assertFalse(r.snapshot().members().containsKey(name(deputy)));
            long size = log.size();
            RecordException x = assertThrows(RecordException.class,
                    () -> r.registerMember(ben.verifier(), Role.CITIZEN, deputy));
            assertTrue(x.getMessage().contains("was revoked at entry " + revoked), x.getMessage());
            assertEquals(size, log.size(), "nothing recorded");
            // a revoked key stays revoked
            x = assertThrows(RecordException.class, () -> r.registerMember(deputy.verifier(), Role.OPERATOR, operator));
            assertTrue(x.getMessage().contains("stays revoked"), x.getMessage());
            assertTrue(assertThrows(RecordException.class, () -> r.revokeMember(name(deputy), operator))
                    .getMessage().contains("already revoked"));
            assertEquals(size, log.size());
            // the deputy's registration of ana, made before, stands
            assertEquals(early, r.snapshot().member(name(ana)).index());
            assertTrue(r.verify(null).ok(), r.verify(null).problems().toString());

            // an event the revoked key signed after its revocation, slipped into the log, is caught
            Event forged = Event.sign(EventTypes.MEMBER_REGISTERED, Canonical.MAPPER.createObjectNode()
                    .put("vkey", ben.verifier().toString()).put("role", "council"), deputy, NOW);
            log.entries.add(forged.entryBytes());
            Verification v = r.verify(null);
            assertFalse(v.ok());
            assertTrue(v.problems().get(0).contains("entry " + size) && v.problems().get(0).contains("revoked"),
                    v.problems().toString());
        }
    }

    @Test
    void onlyOperatorsRevokeAndOnlyRegisteredKeysOtherThanTheLogsOwn() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            r.registerMember(ana.verifier(), Role.COUNCIL, operator);
            r.registerMember(ben.verifier(), Role.CITIZEN, operator);
            long size = log.size();
            assertTrue(assertThrows(RecordException.class, () -> r.revokeMember(name(ben), ana)).getMessage()
                    .contains("may not record member.revoked"));
            assertTrue(assertThrows(RecordException.class, () -> r.revokeMember(name(cleo), operator)).getMessage()
                    .contains("nothing to revoke"));
            assertTrue(assertThrows(RecordException.class, () -> r.revokeMember(name(operator), operator)).getMessage()
                    .contains("log's own key"));
            assertEquals(size, log.size());
        }
    }

    @Test
    void electoratesAreTheMembershipAsItStoodAtTheOpeningEntry() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            r.registerMember(deputy.verifier(), Role.OPERATOR, List.of("north"), Map.of(), operator);
            r.registerMember(ana.verifier(), Role.CITIZEN, List.of("north"), Map.of(), operator);
            r.registerMember(ben.verifier(), Role.COUNCIL, List.of("north", "south"), Map.of(), operator);
            long opening = log.size(); // a ballot opened here
            r.registerMember(cleo.verifier(), Role.CITIZEN, List.of("north"), Map.of(), operator);
            r.revokeMember(name(ana), operator);
            Snapshot s = r.snapshot();
            assertEquals(List.of("deputy", "ana", "ben"), names(Electorate.parse("council:north").members(s, opening)));
            assertEquals(List.of("ben"), names(Electorate.parse("council:south").members(s, opening)));
            assertEquals(List.of("ana"), names(Electorate.parse("role:citizen").members(s, opening)));
            assertEquals(List.of("ana", "ben"), names(Electorate.ALL.members(s, opening)), "all but operators");
            assertFalse(Electorate.ALL.admits(s, opening, name(cleo)), "registered after the opening");
            assertTrue(Electorate.ALL.admits(s, opening, name(ana)), "revoked after the opening");
            assertFalse(Electorate.ALL.admits(s, s.size(), name(ana)));
            assertEquals(List.of("ben", "cleo"), names(Electorate.ALL.members(s, s.size())));
            assertEquals(List.of(), Electorate.parse("council:east").members(s, opening));
        }
    }

    @Test
    void electoratesAreParsedStrictly() {
        assertEquals("council:north", Electorate.parse("council:north").toString());
        assertEquals("role:citizen", Electorate.parse("role:citizen").toString());
        assertEquals(Electorate.ALL, Electorate.parse("all"));
        for (String bad : new String[] {"", "council:", "role:mayor", "everyone", "council:a b"}) {
            assertThrows(RecordException.class, () -> Electorate.parse(bad), bad);
        }
    }

    @Test
    void snapshotsBranchingFromOneAnotherDoNotSeeEachOthersMembers() {
        Snapshot s = Snapshot.genesis(operator.verifier());
        Event a = Event.sign(EventTypes.MEMBER_REGISTERED, Canonical.MAPPER.createObjectNode()
                .put("vkey", ana.verifier().toString()).put("role", "citizen"), operator, NOW);
        Event b = Event.sign(EventTypes.MEMBER_REGISTERED, Canonical.MAPPER.createObjectNode()
                .put("vkey", ben.verifier().toString()).put("role", "citizen"), operator, NOW);
        Event t = Event.sign(EventTypes.ECONOMY_PUBLISHED, Canonical.MAPPER.createObjectNode()
                .put("hash", H).put("bytes", 1).put("form", "economy-json"), operator, NOW);
        Snapshot withAna = s.apply(a, 0);
        Snapshot withBen = s.apply(b, 0);
        Snapshot withEconomy = s.apply(t, 0);
        assertNotNull(withAna.member(name(ana)));
        assertNull(withAna.member(name(ben)));
        assertNotNull(withBen.member(name(ben)));
        assertNull(withBen.member(name(ana)));
        assertNull(withEconomy.member(name(ana)));
        assertNull(withEconomy.member(name(ben)));
        Snapshot both = withAna.apply(b, 1);
        assertEquals(3, both.members().size());
        assertEquals(2, withAna.members().size());
    }

    @Test
    void citizensMayProposeButNotSetTargetsOrOpenBallots() {
        assertTrue(Role.CITIZEN.mayRecord(EventTypes.PROPOSAL_MADE));
        assertTrue(Role.COUNCIL.mayRecord(EventTypes.PROPOSAL_MADE));
        assertFalse(Role.OPERATOR.mayRecord(EventTypes.PROPOSAL_MADE));
        assertFalse(Role.CITIZEN.mayRecord(EventTypes.TARGETS_SET));
        assertFalse(Role.CITIZEN.mayRecord(EventTypes.BALLOT_OPENED));
        assertTrue(Role.OPERATOR.mayRecord(EventTypes.BALLOT_TALLIED));
        assertFalse(Role.COUNCIL.mayRecord(EventTypes.MEMBER_REVOKED));
        assertEquals(Role.CITIZEN, Role.parse("citizen"));
    }

    private static ObjectNode vote(long ballot) {
        ObjectNode b = Canonical.MAPPER.createObjectNode().put("ballot", ballot);
        b.putArray("approve").add("bread");
        return b;
    }

    @Test
    void votesAreAdmittedByTheElectorateAsItStoodAtTheOpeningAndRefusedAfterTheClose() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            r.registerMember(ana.verifier(), Role.CITIZEN, List.of("north"), Map.of(), operator);
            r.registerMember(ben.verifier(), Role.COUNCIL, List.of("south"), Map.of(), operator);
            r.registerMember(deputy.verifier(), Role.COUNCIL, List.of("north"), Map.of(), operator);
            ObjectNode opened = Canonical.MAPPER.createObjectNode().put("title", "Bread").put("method", "approval")
                    .put("electorate", "council:north").put("seats", 1).put("adopt", false).putNull("budget");
            opened.putArray("options").add("bread");
            long ballot = r.append(EventTypes.BALLOT_OPENED, opened, ben);
            r.registerMember(cleo.verifier(), Role.CITIZEN, List.of("north"), Map.of(), operator);
            r.append(EventTypes.VOTE_CAST, vote(ballot), ana);
            long size = log.size();
            assertTrue(assertThrows(RecordException.class, () -> r.append(EventTypes.VOTE_CAST, vote(ballot), cleo))
                    .getMessage().contains("not in ballot " + ballot + "'s electorate"), "registered after the opening");
            assertThrows(RecordException.class, () -> r.append(EventTypes.VOTE_CAST, vote(ballot), ben), "outside");
            assertTrue(assertThrows(RecordException.class, () -> r.append(EventTypes.VOTE_CAST, vote(ballot + 1), ana))
                    .getMessage().contains("no ballot opened at entry"));
            ObjectNode close = Canonical.MAPPER.createObjectNode().put("ballot", ballot);
            assertTrue(assertThrows(RecordException.class, () -> r.append(EventTypes.BALLOT_CLOSED, close, deputy))
                    .getMessage().contains("closed by the key that opened it"));
            assertEquals(size, log.size());
            long closed = r.append(EventTypes.BALLOT_CLOSED, close, ben);
            assertEquals(closed, r.snapshot().ballot(ballot).closed());
            assertTrue(assertThrows(RecordException.class, () -> r.append(EventTypes.VOTE_CAST, vote(ballot), ana))
                    .getMessage().contains("was closed at entry " + closed));
            assertEquals(closed + 1, log.size());
            assertTrue(r.verify(null).ok(), r.verify(null).problems().toString());
        }
    }
}
