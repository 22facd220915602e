package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a record from the state saved beside its log ({@link RecordState}): the same record as
 * the fold of every entry gives, used only where the log's entries below it give its root, and
 * a changed entry, a damaged or deleted state, entries after it all handled as without it.
 */
class RecordStateTest {
    @TempDir
    Path dir;

    private final NoteSigner operator = NoteSigner.fromSeed("log", new byte[32]);
    private final NoteSigner council = NoteSigner.fromSeed("council", SnapshotTestSeeds.seed(1));
    private final NoteSigner ana = NoteSigner.fromSeed("ana", SnapshotTestSeeds.seed(2));
    private final NoteSigner bo = NoteSigner.fromSeed("bo", SnapshotTestSeeds.seed(3));
    private final NoteSigner cy = NoteSigner.fromSeed("cy", SnapshotTestSeeds.seed(4));
    private final NoteSigner stranger = NoteSigner.fromSeed("stranger", SnapshotTestSeeds.seed(5));

    private static ObjectNode opened(String method, String electorate, String... options) {
        ObjectNode b = Canonical.MAPPER.createObjectNode().put("title", "T").put("method", method)
                .put("electorate", electorate).put("seats", 1).put("adopt", false).putNull("budget");
        var o = b.putArray("options");
        for (String x : options) {
            o.add(x);
        }
        return b;
    }

    private static ObjectNode vote(long ballot, String kind, String... options) {
        ObjectNode b = Canonical.MAPPER.createObjectNode().put("ballot", ballot);
        var list = b.putArray(kind);
        for (String o : options) {
            (kind.equals("rank") ? list.addArray() : list).add(o);
        }
        return b;
    }

    /** What a test looks at in a log built by {@link #build}. */
    private record Built(long stv, long approval, long anaFirst, long boVote, List<Long> refused) {}

    /**
     * Members (one re-registered, one revoked), an STV ballot of the council's members and an
     * approval ballot of all; votes replaced, a vote after the close, a forged vote and a vote by a
     * stranger appended behind the record's back.
     */
    private Built build(EntryLog log) throws IOException {
        List<Long> bad = new ArrayList<>();
        long stv;
        long approval;
        long anaFirst;
        long boVote;
        try (Record r = Record.open(log, dir)) {
            r.registerMember(council.verifier(), Role.COUNCIL, operator);
            r.registerMember(ana.verifier(), Role.CITIZEN, List.of("north"), Map.of("age", "30"), operator);
            r.registerMember(bo.verifier(), Role.CITIZEN, List.of("north"), Map.of(), operator);
            r.registerMember(cy.verifier(), Role.CITIZEN, List.of(), Map.of(), operator);
            stv = r.append(EventTypes.BALLOT_OPENED, opened("stv", "council:north", "x", "y", "z"), council);
            approval = r.append(EventTypes.BALLOT_OPENED, opened("approval", "all", "p", "q"), operator);
            anaFirst = r.append(EventTypes.VOTE_CAST, vote(stv, "rank", "x", "y"), ana);
            boVote = r.append(EventTypes.VOTE_CAST, vote(stv, "rank", "z"), bo);
            r.append(EventTypes.VOTE_CAST, vote(approval, "approve", "q"), cy);
            r.append(EventTypes.VOTE_CAST, vote(approval, "approve", "p", "q"), ana);
            r.append(EventTypes.VOTE_CAST, vote(stv, "rank", "y", "z", "x"), ana); // replaces her first
            // re-registered into another council, and revoked later: her vote stands
            r.registerMember(bo.verifier(), Role.CITIZEN, List.of("south"), Map.of(), operator);
            r.revokeMember(Keys.signerName(cy.verifier()), operator);
            // a forged vote (its time moved after signing) and a stranger's, behind the record's back
            byte[] good = Event.sign(EventTypes.VOTE_CAST, vote(approval, "approve", "p"), bo, Instant.EPOCH)
                    .entryBytes();
            bad.add(log.append(new String(good, StandardCharsets.UTF_8).replace("T00:00:00Z", "T00:00:01Z")
                    .getBytes(StandardCharsets.UTF_8)));
            bad.add(log.append(Event.sign(EventTypes.VOTE_CAST, vote(approval, "approve", "q"), stranger,
                    Instant.EPOCH).entryBytes()));
            r.append(EventTypes.BALLOT_CLOSED, Canonical.MAPPER.createObjectNode().put("ballot", stv), council);
        }
        return new Built(stv, approval, anaFirst, boVote, bad);
    }

    /** Everything a test compares between two openings. */
    private static String summary(Record r) throws IOException {
        Snapshot s = r.snapshot();
        StringBuilder b = new StringBuilder();
        b.append("size ").append(s.size()).append('\n');
        for (long at = 0; at <= s.size(); at++) {
            b.append(at).append(": ").append(s.membersAt(at)).append('\n');
        }
        b.append("ballots ").append(s.ballots()).append('\n');
        b.append("economy ").append(s.economy()).append(" targets ").append(s.targets()).append(" plan ")
                .append(s.plan()).append('\n');
        Set<Long> refused = new TreeSet<>();
        for (long i = 0; i < r.foldedSize(); i++) {
            if (!r.accepted(i)) {
                refused.add(i);
            }
        }
        b.append("refused ").append(refused).append('\n');
        for (long ballot : s.ballots().keySet()) {
            b.append("votes ").append(ballot).append(' ').append(text(r.castVotes().of(ballot))).append('\n');
        }
        return b.toString();
    }

    private static String text(Map<String, int[][]> votes) {
        Map<String, String> out = new LinkedHashMap<>();
        votes.forEach((k, v) -> out.put(k, java.util.Arrays.deepToString(v)));
        return out.toString();
    }

    @Test
    void openingFromTheStateGivesTheRecordTheFoldOfEveryEntryGives() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        Built built = build(log);
        Files.deleteIfExists(dir.resolve(RecordState.FILE));
        Files.deleteIfExists(dir.resolve(VerifiedMark.FILE));
        String full;
        try (Record r = Record.open(log, dir)) {
            full = summary(r);
            assertEquals(log.size(), r.castVotes().size());
        }
        assertTrue(Files.exists(dir.resolve(RecordState.FILE)));
        RecordState state = RecordState.read(dir, log.key().toString(), log.size());
        assertNotNull(state);
        assertEquals(log.size(), state.size);
        assertEquals(log.root(log.size()), state.root);
        assertEquals(Set.copyOf(built.refused()), state.refused);
        try (Record r = Record.open(log, dir)) {
            assertEquals(full, summary(r));
        }
        // the votes kept, by hand: ana's second ranking replaced her first, bo's stands; cy and ana approve
        Map<String, int[][]> stv;
        try (Record r = Record.open(log, dir)) {
            stv = r.castVotes().of(built.stv());
            assertEquals(List.of(Keys.signerName(bo.verifier()), Keys.signerName(ana.verifier())),
                    List.copyOf(stv.keySet()));
            assertArrayEquals(new int[][] {{1}, {2}, {0}}, stv.get(Keys.signerName(ana.verifier())));
            assertArrayEquals(new int[][] {{2}}, stv.get(Keys.signerName(bo.verifier())));
            Map<String, int[][]> approval = r.castVotes().of(built.approval());
            assertEquals(List.of(Keys.signerName(cy.verifier()), Keys.signerName(ana.verifier())),
                    List.copyOf(approval.keySet()));
            assertArrayEquals(new int[][] {{0, 1}}, approval.get(Keys.signerName(ana.verifier())));
        }
    }

    @Test
    void aDeletedOrDamagedStateFallsBackToTheFullFold() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        build(log);
        String full;
        try (Record r = Record.open(log, dir)) {
            full = summary(r);
        }
        Path file = dir.resolve(RecordState.FILE);
        byte[] good = Files.readAllBytes(file);
        List<byte[]> damaged = new ArrayList<>();
        damaged.add(new byte[0]);
        damaged.add(java.util.Arrays.copyOf(good, good.length / 2));
        for (int at : new int[] {0, 9, good.length / 3, good.length - 5, good.length - 1}) {
            byte[] d = good.clone();
            d[at] ^= 0x10;
            damaged.add(d);
        }
        for (byte[] d : damaged) {
            Files.write(file, d);
            assertNull(RecordState.read(dir, log.key().toString(), log.size()));
            Files.deleteIfExists(dir.resolve(VerifiedMark.FILE)); // and no mark either: every signature checked
            try (Record r = Record.open(log, dir)) {
                assertEquals(full, summary(r));
            }
            assertArrayEquals(good, Files.readAllBytes(file), "the fold leaves a good state again");
        }
        Files.delete(file);
        try (Record r = Record.open(log, dir)) {
            assertEquals(full, summary(r));
        }
        assertArrayEquals(good, Files.readAllBytes(file));
        // a state of another log's key, or of a longer log, is not used
        assertNull(RecordState.read(dir, "other+01234567+AQ==", log.size()));
        assertNull(RecordState.read(dir, log.key().toString(), log.size() - 1));
    }

    @Test
    void aStateTheEntriesDoNotBearOutIsNotUsed() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        Built built = build(log);
        Record.open(log, dir).close();
        RecordState state = RecordState.read(dir, log.key().toString(), log.size());
        // a state that says the stranger's vote passed, with a root that is not the entries': ignored
        RecordState.write(dir, log.key().toString(), state.size, "00".repeat(32), Set.of(built.refused().get(0)),
                state.roster, state.others, state.votes);
        try (Record r = Record.open(log, dir)) {
            assertFalse(r.accepted(built.refused().get(1)));
        }
        // with the entries' root it is believed: which shows no signature below it is checked again
        RecordState.write(dir, log.key().toString(), state.size, state.root, Set.of(built.refused().get(0)),
                state.roster, state.others, state.votes);
        try (Record r = Record.open(log, dir)) {
            assertTrue(r.accepted(built.refused().get(1)));
            // and verify checks every one
            Verification v = r.verify(null);
            assertFalse(v.ok());
        }
    }

    @Test
    void aVoteChangedBelowTheStateIsCaughtOnOpening() throws IOException {
        Path data = dir.resolve("log");
        Files.createDirectories(dir);
        long stv;
        long boVote;
        String full;
        try (Record r = Record.open(Log.init(data, "example.org/state", operator))) {
            NoteSigner op = r.log().signingKey();
            r.registerMember(council.verifier(), Role.COUNCIL, op);
            r.registerMember(ana.verifier(), Role.CITIZEN, List.of("north"), Map.of(), op);
            r.registerMember(bo.verifier(), Role.CITIZEN, List.of("north"), Map.of(), op);
            stv = r.append(EventTypes.BALLOT_OPENED, opened("stv", "council:north", "x", "y", "z"), council);
            r.append(EventTypes.VOTE_CAST, vote(stv, "rank", "x", "y"), ana);
            boVote = r.append(EventTypes.VOTE_CAST, vote(stv, "rank", "z", "y"), bo);
        }
        String storedRoot;
        try (Record r = Record.open(Log.open(data))) {
            full = summary(r);
            storedRoot = r.log().root(r.log().size());
            assertEquals(2, r.castVotes().of(stv).size());
        }
        assertTrue(Files.exists(data.resolve(RecordState.FILE)));
        // bo's ranking changed from z, y to y, z: same length, the entry's checksum made good, the
        // log's stored tree hashes left as they were
        VerifiedMarkTest.rewriteEntry(data, boVote, s -> s.replace("[[\"z\"],[\"y\"]]", "[[\"y\"],[\"z\"]]"));
        String logKey;
        try (Record r = Record.open(Log.open(data))) {
            logKey = r.log().key().toString();
            assertEquals(storedRoot, r.log().root(r.log().size()), "the stored tree does not see the change");
            assertFalse(r.accepted(boVote), "the changed vote's signature fails");
            assertEquals(Set.of(Keys.signerName(ana.verifier())), r.castVotes().of(stv).keySet());
            assertNotEquals(full, summary(r));
        }
        RecordState state = RecordState.read(data, logKey, Long.MAX_VALUE);
        assertNotNull(state);
        assertEquals(Set.of(boVote), state.refused);
        assertNotEquals(storedRoot, state.root);
    }

    @Test
    void entriesAfterTheStateAreCheckedAndTheStateMovesOn() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        Built built = build(log);
        Record.open(log, dir).close();
        long before = RecordState.read(dir, log.key().toString(), log.size()).size;
        // after the state: a vote in the open approval ballot (counted), a forged one and a replay of
        // ana's vote (refused), a vote in the closed ballot (refused)
        long boApproves = log.append(Event.sign(EventTypes.VOTE_CAST, vote(built.approval(), "approve", "q"), bo,
                Instant.EPOCH).entryBytes());
        byte[] good = Event.sign(EventTypes.VOTE_CAST, vote(built.approval(), "approve", "p"), cy, Instant.EPOCH)
                .entryBytes();
        long forged = log.append(new String(good, StandardCharsets.UTF_8).replace("T00:00:00Z", "T00:00:01Z")
                .getBytes(StandardCharsets.UTF_8));
        long late = log.append(Event.sign(EventTypes.VOTE_CAST, vote(built.stv(), "rank", "x"), bo,
                Instant.EPOCH).entryBytes());
        String full;
        try (Record r = Record.open(log, dir)) {
            assertTrue(r.accepted(boApproves));
            assertFalse(r.accepted(forged));
            assertFalse(r.accepted(late));
            assertEquals(log.size(), r.castVotes().size());
            assertEquals(List.of(Keys.signerName(cy.verifier()), Keys.signerName(ana.verifier()),
                    Keys.signerName(bo.verifier())), List.copyOf(r.castVotes().of(built.approval()).keySet()));
            full = summary(r);
        }
        RecordState state = RecordState.read(dir, log.key().toString(), log.size());
        assertEquals(before + 3, state.size);
        assertTrue(state.refused.containsAll(Set.of(forged, late)));
        Files.delete(dir.resolve(RecordState.FILE));
        Files.delete(dir.resolve(VerifiedMark.FILE));
        try (Record r = Record.open(log, dir)) {
            assertEquals(full, summary(r), "the same as the fold of every entry");
        }
    }

    @Test
    void aRecordOpenedFromItsStateRefusesAnEventSentAgain() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        Built built = build(log);
        Record.open(log, dir).close();
        try (Record r = Record.open(log, dir)) {
            Event again = r.event(built.approval() + 4); // ana's approval
            assertEquals(EventTypes.VOTE_CAST, again.type());
            assertEquals(Keys.signerName(ana.verifier()), again.signer());
            RecordException x = assertThrows(RecordException.class, () -> r.append(again));
            assertTrue(x.getMessage().contains("on the log already"), x.getMessage());
            // and a new vote is taken
            long i = r.append(EventTypes.VOTE_CAST, vote(built.approval(), "approve", "p"), bo);
            assertTrue(i > 0);
        }
    }
}
