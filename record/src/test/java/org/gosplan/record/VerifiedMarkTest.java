package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.Merkle;
import org.gosplan.ledger.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a record without checking again the signatures an earlier opening verified: the mark
 * beside the log ({@link VerifiedMark}) is trusted only where the entries read give its root.
 */
class VerifiedMarkTest {
    @TempDir
    Path dir;

    private final NoteSigner operator = NoteSigner.fromSeed("log", new byte[32]);
    private final NoteSigner council = NoteSigner.fromSeed("council", SnapshotTestSeeds.seed(1));
    private final NoteSigner ana = NoteSigner.fromSeed("ana", SnapshotTestSeeds.seed(2));
    private final NoteSigner stranger = NoteSigner.fromSeed("stranger", SnapshotTestSeeds.seed(3));

    @Test
    void theMarksTreeHasTheRootOfTheDefinitionAtEverySize() {
        // MemoryLog computes MTH from RFC 9162's recursive definition; the mark's tree appends leaf by leaf
        MemoryLog log = new MemoryLog(operator);
        VerifiedMark.Tree tree = new VerifiedMark.Tree();
        assertEquals(log.root(0), tree.root());
        for (int n = 1; n <= 70; n++) {
            byte[] entry = ("entry " + n).getBytes(StandardCharsets.UTF_8);
            log.entries.add(entry);
            tree.add(Merkle.leafHash(entry));
            assertEquals(log.root(n), tree.root(), "size " + n);
        }
    }

    /** A log of members and events, with one forged entry and one by a stranger appended behind the record's back. */
    private List<Long> build(EntryLog log, Path data) throws IOException {
        List<Long> bad = new ArrayList<>();
        try (Record r = Record.open(log, data)) {
            r.registerMember(council.verifier(), Role.COUNCIL, operator);
            r.registerMember(ana.verifier(), Role.CITIZEN, List.of("north"), java.util.Map.of(), operator);
            ObjectNode b = Canonical.MAPPER.createObjectNode().put("signer", Keys.signerName(ana.verifier()));
            byte[] good = Event.sign(EventTypes.MEMBER_REVOKED, b, operator, Instant.EPOCH).entryBytes();
            // the operator's revocation of ana, its time changed after signing: the signature fails
            bad.add(log.append(forged(good)));
            bad.add(log.append(Event.sign(EventTypes.MEMBER_REGISTERED, member(stranger, "operator"), stranger,
                    Instant.EPOCH).entryBytes()));
            r.registerMember(stranger.verifier(), Role.CITIZEN, operator);
        }
        return bad;
    }

    /** The entry with its time moved by a second after signing: in form, signed by nobody. */
    private static byte[] forged(byte[] entry) {
        String s = new String(entry, StandardCharsets.UTF_8);
        assertTrue(s.contains("T00:00:00Z"), s);
        return s.replace("T00:00:00Z", "T00:00:01Z").getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode member(NoteSigner k, String role) {
        ObjectNode body = Canonical.MAPPER.createObjectNode();
        body.put("vkey", k.verifier().toString());
        body.put("role", role);
        body.putArray("councils");
        body.putObject("attrs");
        return body;
    }

    private VerifiedMark mark(Path data, EntryLog log) throws IOException {
        return VerifiedMark.read(data, log.key().toString());
    }

    @Test
    void openingLeavesAMarkAndAReopeningGivesTheSameRecord() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        List<Long> bad = build(log, dir);
        Set<Long> refusedFirst;
        List<String> whyFirst;
        Snapshot first;
        try (Record r = Record.open(log, dir)) {
            first = r.snapshot();
            whyFirst = r.refusals();
            refusedFirst = refusedOf(r);
        }
        assertEquals(Set.copyOf(bad), refusedFirst);
        VerifiedMark m = mark(dir, log);
        assertNotNull(m);
        assertEquals(log.size(), m.size());
        assertEquals(log.root(log.size()), m.root());
        assertEquals(Set.copyOf(bad), m.refused());
        try (Record r = Record.open(log, dir)) {
            assertEquals(refusedFirst, refusedOf(r));
            assertEquals(first.members().keySet(), r.snapshot().members().keySet());
            assertEquals(first.members().get(Keys.signerName(ana.verifier())).role(),
                    r.snapshot().members().get(Keys.signerName(ana.verifier())).role());
            // the refusals of a verification are found in full, whatever the mark
            assertEquals(whyFirst, r.refusals());
            assertEquals(first.size(), r.snapshotAt(log.size()).size());
        }
    }

    /** Removes the state an opening saves beside the log, so that the next opening reads the mark. */
    private void noState() throws IOException {
        Files.deleteIfExists(dir.resolve(RecordState.FILE));
    }

    private static Set<Long> refusedOf(Record r) {
        Set<Long> out = new java.util.TreeSet<>();
        for (long i = 0; i < r.foldedSize(); i++) {
            if (!r.accepted(i)) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void belowTheMarkNoSignatureIsCheckedAgainButVerifyChecksEveryOne() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        List<Long> bad = build(log, dir);
        try (Record r = Record.open(log, dir)) {
            assertFalse(r.accepted(bad.get(0)));
        }
        // a mark that says the forged entry passed (its root still that of the entries): the
        // opening believes it, which shows it did not check the signature again ...
        VerifiedMark m = mark(dir, log);
        new VerifiedMark(m.logKey(), m.size(), m.root(), Set.of(bad.get(1))).write(dir);
        noState(); // the saved state would be taken before the mark (RecordStateTest)
        try (Record r = Record.open(log, dir)) {
            assertTrue(r.accepted(bad.get(0)));
            // ... and verify does: the forged revocation is named
            Verification v = r.verify(null);
            assertFalse(v.ok());
            assertTrue(v.problems().stream().anyMatch(p -> p.startsWith("entry " + bad.get(0) + " ")
                    && p.contains("signature does not verify")), v.problems().toString());
        }
    }

    @Test
    void anEntryAfterTheMarkIsVerifiedAndTheMarkMovesOn() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        build(log, dir);
        try (Record r = Record.open(log, dir)) {
            assertEquals(log.size(), r.foldedSize());
        }
        long before = mark(dir, log).size();
        // ana revokes the council: she is a citizen, so the fold refuses it; and a forged one
        ObjectNode b = Canonical.MAPPER.createObjectNode().put("signer", Keys.signerName(council.verifier()));
        long byAna = log.append(Event.sign(EventTypes.MEMBER_REVOKED, b, ana, Instant.EPOCH).entryBytes());
        byte[] good = Event.sign(EventTypes.MEMBER_REVOKED, b, operator, Instant.EPOCH).entryBytes();
        long forged = log.append(forged(good));
        try (Record r = Record.open(log, dir)) {
            assertFalse(r.accepted(byAna));
            assertFalse(r.accepted(forged));
            assertNotNull(r.snapshot().members().get(Keys.signerName(council.verifier())));
        }
        VerifiedMark m = mark(dir, log);
        assertEquals(before + 2, m.size());
        assertTrue(m.refused().containsAll(Set.of(byAna, forged)));
    }

    @Test
    void aDamagedOrForeignMarkIsIgnored() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        List<Long> bad = build(log, dir);
        Record.open(log, dir).close();
        Path file = dir.resolve(VerifiedMark.FILE);
        String good = Files.readString(file);
        for (String damaged : new String[] {"", good.substring(0, good.length() / 2), good.replace("size ", "size x"),
                good.replace("log log+", "log other+"), good.replace("refused " + bad.get(0), "refused 99999")}) {
            Files.writeString(file, damaged);
            assertNull(mark(dir, log), damaged);
            noState();
            try (Record r = Record.open(log, dir)) {
                assertFalse(r.accepted(bad.get(0)));
            }
            assertEquals(good, Files.readString(file), "a full verification leaves a good mark again");
        }
        // a mark of a longer log (this one was cut back, or it is another log of the same key)
        Files.writeString(file, good.replace("size " + log.size(), "size " + (log.size() + 5)));
        noState();
        try (Record r = Record.open(log, dir)) {
            assertFalse(r.accepted(bad.get(0)));
        }
        assertEquals(good, Files.readString(file));
    }

    @Test
    void anEntryChangedBeforeTheMarkGivesAnotherRootAndAFullVerification() throws IOException {
        Path data = dir.resolve("log");
        long council0;
        String logKey;
        try (Record r = Record.open(Log.init(data, "example.org/marked", operator))) {
            logKey = r.log().key().toString();
            council0 = r.registerMember(council.verifier(), Role.COUNCIL, r.log().signingKey());
            r.registerMember(ana.verifier(), Role.CITIZEN, r.log().signingKey());
        }
        String storedRoot;
        try (Record r = Record.open(Log.open(data))) {
            assertTrue(r.accepted(council0));
            storedRoot = r.log().root(r.log().size());
        }
        assertEquals(storedRoot, Files.readString(data.resolve(VerifiedMark.FILE)).lines()
                .filter(l -> l.startsWith("root ")).findFirst().orElseThrow().substring(5));
        // the council registered as an operator instead: same length, the entry's checksum made good,
        // the log's stored tree hashes left as they were
        rewriteEntry(data, council0, s -> s.replace("\"role\":\"council\"", "\"role\":\"citizen\""));
        try (Record r = Record.open(Log.open(data))) {
            assertEquals(storedRoot, r.log().root(r.log().size()),
                    "the stored tree does not see the change: the mark's root is recomputed from the entries");
            assertFalse(r.accepted(council0), "the changed entry's signature fails");
            assertNull(r.snapshot().member(Keys.signerName(council.verifier())));
        }
        VerifiedMark m = VerifiedMark.read(data, logKey);
        assertNotNull(m);
        assertEquals(Set.of(council0), m.refused());
        assertFalse(m.root().equals(storedRoot));
    }

    /** Rewrites entry {@code index} of an embedded log in place, fixing its checksum (an attacker's edit). */
    static void rewriteEntry(Path data, long index, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        long start = 0;
        long end;
        try (FileChannel c = FileChannel.open(data.resolve("entries.index"))) {
            ByteBuffer b = ByteBuffer.allocate(16);
            if (index == 0) {
                c.read(b, 0);
                end = b.getLong(0);
            } else {
                c.read(b, 8 * (index - 1));
                start = b.getLong(0);
                end = b.getLong(8);
            }
        }
        try (FileChannel c = FileChannel.open(data.resolve("entries"), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer rec = ByteBuffer.allocate((int) (end - start));
            c.read(rec, start);
            byte[] bytes = rec.array();
            String old = new String(bytes, 8, bytes.length - 8, StandardCharsets.UTF_8);
            byte[] changed = edit.apply(old).getBytes(StandardCharsets.UTF_8);
            assertEquals(bytes.length - 8, changed.length);
            assertFalse(old.equals(new String(changed, StandardCharsets.UTF_8)), "the edit changed nothing");
            CRC32C crc = new CRC32C();
            crc.update(changed);
            ByteBuffer out = ByteBuffer.allocate(bytes.length);
            out.putInt(changed.length).putInt((int) crc.getValue()).put(changed).flip();
            c.write(out, start);
        }
    }
}
