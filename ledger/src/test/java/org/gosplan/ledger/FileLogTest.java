package org.gosplan.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a data directory, plus the directory's own checks. */
class FileLogTest extends LogContract {
    @TempDir
    Path tmp;
    private Path dir;
    private int made;

    @Override
    Log create() throws IOException {
        dir = tmp.resolve("log" + made++);
        return Log.init(dir, ORIGIN, null);
    }

    @Override
    Log reopen(Log log) throws IOException {
        if (log != null) {
            log.close();
        }
        return Log.open(dir);
    }

    @Override
    String crashTarget(Log log) {
        return "dir:" + dir;
    }

    @Override
    Log openAnother() throws IOException {
        return Log.open(dir);
    }

    @Test
    void theKeyIsPrivateAndTheLayoutIsAsDocumented() throws IOException {
        try (Log log = create()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir.resolve("log.key"));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), perms);
            assertEquals(log.verifierKey().toString() + "\n", Files.readString(dir.resolve("log.vkey")));
            fill(log, 300, 1);
            // Files hold a zero-filled reserve past what is committed.
            assertTrue(Files.size(dir.resolve("hashes.0")) >= 32L * 300);
            assertTrue(Files.size(dir.resolve("hashes.1")) >= 32L);
            assertEquals(1024, Files.size(dir.resolve("head")));
        }
    }

    @Test
    void initAndOpenRefuseWhatIsNotALog() throws IOException {
        try (Log log = create()) {
            assertThrows(LedgerException.class, () -> Log.init(dir, ORIGIN, null));
        }
        Path missing = tmp.resolve("nothing-here");
        LedgerException e = assertThrows(LedgerException.class, () -> Log.open(missing));
        assertTrue(e.getMessage().contains("log init"), e.getMessage());
        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("full").resolve("x"), "x");
        assertThrows(LedgerException.class, () -> Log.init(tmp.resolve("full"), ORIGIN, null));
        assertThrows(LedgerException.class, () -> Log.init(tmp.resolve("bad"), "has space", null));
    }

    @Test
    void aBroughtKeySignsUnderTheOrigin() throws IOException, ProofException {
        NoteSigner mine = NoteSigner.generate("someone");
        try (Log log = Log.init(tmp.resolve("k"), ORIGIN, mine)) {
            assertEquals(ORIGIN, log.verifierKey().name());
            assertTrue(java.util.Arrays.equals(mine.verifier().publicKey(), log.verifierKey().publicKey()));
            log.append(new byte[] {1});
            log.checkpoint().verify(mine.withName(ORIGIN).verifier());
        }
    }

    @Test
    void twoLogsInOneProcessTakeTurns() throws IOException {
        try (Log a = create(); Log b = Log.open(dir)) {
            a.append(new byte[] {1});
            assertEquals(1, b.append(new byte[] {2}));
            // Opening (and closing) readers meanwhile must not drop the lock of either.
            Log.open(dir).close();
            assertEquals(2, a.append(new byte[] {3}));
            assertEquals(3, a.size());
            assertTrue(b.verify().valid());
        }
        try (Log c = Log.open(dir)) {
            assertEquals(3, c.append(new byte[] {4}));
            assertEquals(4, c.size());
            assertTrue(c.verify().valid());
        }
    }

    /** An entry altered on disk is named by a run read at once, as by a read of that entry alone. */
    @Test
    void aRunReadAtOnceFindsAnAlteredEntry() throws IOException {
        List<byte[]> all;
        try (Log log = create()) {
            all = fill(log, 50, 3);
        }
        long start;
        try (FileChannel c = FileChannel.open(dir.resolve("entries.index"))) {
            ByteBuffer b = ByteBuffer.allocate(8);
            c.read(b, 8 * 19); // the end of entry 19: where entry 20's record starts
            start = b.getLong(0);
        }
        try (FileChannel c = FileChannel.open(dir.resolve("entries"), java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            c.read(one, start + 8);
            one.put(0, (byte) (one.get(0) ^ 1));
            c.write(one.rewind(), start + 8);
        }
        try (Log log = Log.open(dir)) {
            assertArrayEquals(all.get(19), log.entries(0, 20)[19]);
            LogDamagedException x = assertThrows(LogDamagedException.class, () -> log.entries(10, 20));
            assertTrue(x.getMessage().contains("entry 20 "), x.getMessage());
            LogDamagedException y = assertThrows(LogDamagedException.class, () -> log.leafHashes(10, 20));
            assertTrue(y.getMessage().contains("entry 20 "), y.getMessage());
            LogDamagedException z = assertThrows(LogDamagedException.class, () -> log.rangeRoot(16, 8));
            assertTrue(z.getMessage().contains("entry 20 "), z.getMessage());
        }
    }

    /** An altered byte in any file of the directory is found and named. */
    @Test
    void verifyFindsAByteFlippedInEveryFile() throws IOException {
        Path base;
        java.util.Map<String, Long> used = new java.util.HashMap<>();
        try (Log log = create()) {
            base = dir;
            Random r = new Random(9);
            for (int k = 0; k < 4; k++) {
                fill(log, 200, k);
                log.checkpoint();
            }
            assertTrue(log.verify().valid());
            long n = log.size();
            ByteBuffer last = ByteBuffer.allocate(8);
            try (FileChannel c = FileChannel.open(dir.resolve("entries.index"))) {
                c.read(last, 8 * (n - 1));
            }
            // The committed part of each file (past it lies the zero-filled reserve, never read).
            used.put("entries", last.getLong(0));
            used.put("entries.index", 8 * n);
            used.put("hashes.0", 32 * n);
            used.put("hashes.1", 32 * (n >> 8));
        }
        // file -> what the first problem must name
        String[][] cases = {
            {"entries", "entry "}, {"entries.index", "entr"}, {"hashes.0", "entry "},
            {"hashes.1", "hash at tree level 8"}, {"checkpoints", "checkpoint"}, {"head", "head"},
            {"log.vkey", "log.vkey"}, {"log.key", "log.key"}};
        Random r = new Random(10);
        for (String[] c : cases) {
            for (int trial = 0; trial < 5; trial++) {
                Path copy = tmp.resolve("flip-" + c[0] + "-" + trial);
                copyDir(base, copy);
                Path f = copy.resolve(c[0]);
                long size = used.getOrDefault(c[0], Files.size(f));
                long at = c[0].equals("head") ? r.nextInt(1024) : (long) (r.nextDouble() * size);
                if (c[0].startsWith("log.")) {
                    at = r.nextInt((int) size - 1); // not the final newline, which is stripped
                }
                flip(f, at, 1 << r.nextInt(8));
                LogVerification v;
                try (Log log = Log.open(copy)) {
                    v = log.verify();
                } catch (LogDamagedException e) {
                    assertTrue(e.where().contains(c[0]), e.getMessage());
                    continue;
                }
                assertFalse(v.valid(), c[0] + " byte " + at + " flipped but verify passed");
                String first = v.problems().get(0).toString();
                assertTrue(first.contains(c[1]), c[0] + " byte " + at + ": first problem " + first);
            }
        }
    }

    static void flip(Path f, long at, int mask) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, at);
            b.put(0, (byte) (b.get(0) ^ mask));
            b.rewind();
            ch.write(b, at);
        }
    }

    static void copyDir(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.naturalOrder())::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    @Test
    void uncommittedBytesAfterACrashAreIgnoredAndOverwritten() throws IOException {
        List<byte[]> all;
        try (Log log = create()) {
            all = fill(log, 100, 11);
        }
        // A crashed writer's leftovers: bytes past the commit record in every file.
        for (String f : new String[] {"entries", "entries.index", "hashes.0", "checkpoints"}) {
            Files.write(dir.resolve(f), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, StandardOpenOption.APPEND);
        }
        try (Log log = Log.open(dir)) {
            assertEquals(100, log.size());
            assertTrue(log.verify().valid(), log.verify().problems().toString());
            log.append(new byte[] {42});
            assertTrue(log.verify().valid(), log.verify().problems().toString());
            assertEquals(101, log.size());
            assertEquals(all.size() + 1, log.size());
        }
    }
}
