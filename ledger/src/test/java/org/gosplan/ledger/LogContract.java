package org.gosplan.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tests every store passes: the same suite on the data directory and on PostgreSQL. */
abstract class LogContract {
    static final String ORIGIN = "test.example/log";

    /** A new, empty log. */
    abstract Log create() throws IOException;

    /** The same log, opened afresh (the given one is closed). */
    abstract Log reopen(Log log) throws IOException;

    /** What {@link CrashWriter} takes to open this log. */
    abstract String crashTarget(Log log);

    /** Another {@code Log} on the store of the last {@link #create}, opened now (the first stays open). */
    abstract Log openAnother() throws IOException;

    static byte[] entry(Random r, int length) {
        byte[] b = new byte[length];
        r.nextBytes(b);
        return b;
    }

    static List<byte[]> fill(Log log, int n, long seed) throws IOException {
        Random r = new Random(seed);
        List<byte[]> all = new ArrayList<>();
        while (all.size() < n) {
            int k = Math.min(n - all.size(), 1 + r.nextInt(r.nextBoolean() ? 3 : 5000));
            List<byte[]> batch = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                batch.add(entry(r, r.nextInt(300)));
            }
            long before = log.size();
            AppendResult a = log.append(batch);
            assertEquals(before, a.first());
            assertEquals(k, a.count());
            assertEquals(before + k, a.size());
            all.addAll(batch);
        }
        return all;
    }

    @Test
    void appendsReadBackAndServeTheSameProofsAsTheDefinition() throws IOException {
        try (Log log = create()) {
            assertEquals(0, log.size());
            assertArrayEquals(Merkle.emptyRoot(), log.root());
            // Past 65,536 entries, so the kept hashes of tree levels 8 and 16 both serve proofs.
            List<byte[]> all = fill(log, 70_000, 1);
            assertEquals(all.size(), log.size());
            MerkleTree t = MerkleTree.ofLeaves(all);
            assertArrayEquals(t.root(all.size()), log.root());
            Random r = new Random(2);
            for (int k = 0; k < 300; k++) {
                long n = 1 + r.nextInt(all.size());
                long i = r.nextInt((int) n);
                long m = 1 + r.nextInt((int) n);
                if (k % 10 == 0) {
                    n = all.size(); // the whole tree, and sizes on tile boundaries
                    m = 256L * (1 + r.nextInt(all.size() / 256));
                }
                assertArrayEquals(all.get((int) i), log.entry(i));
                assertArrayEquals(t.root(n), log.root(n));
                InclusionProof ip = log.inclusionProof(i, n);
                assertProof(t.inclusionProof(i, n), ip.proof());
                assertTrue(ProofPropertiesTest.verifiesInclusion(ip.leafHash(), i, n, t.root(n), ip.proof()));
                ConsistencyProof cp = log.consistencyProof(m, n);
                assertProof(t.consistencyProof(m, n), cp.proof());
                assertTrue(ProofPropertiesTest.verifiesConsistency(m, n, t.root(m), t.root(n), cp.proof()));
            }
            // runs read at once are the entries read one by one, at the start, across files' pages, at the end
            for (long[] run : new long[][] {{0, 1}, {0, 300}, {1, 0}, {65_530, 100}, {all.size() - 17, 17}}) {
                byte[][] got = log.entries(run[0], (int) run[1]);
                byte[][] leaves = log.leafHashes(run[0], (int) run[1]);
                assertEquals(run[1], got.length);
                assertEquals(run[1], leaves.length);
                for (int j = 0; j < got.length; j++) {
                    assertArrayEquals(all.get((int) run[0] + j), got[j], "entry " + (run[0] + j));
                    assertArrayEquals(Merkle.leafHash(all.get((int) run[0] + j)), leaves[j], "leaf " + (run[0] + j));
                }
                // the range's own tree, from the entries' bytes
                List<byte[]> range = all.subList((int) run[0], (int) (run[0] + run[1]));
                assertArrayEquals(run[1] == 0 ? Merkle.emptyRoot() : MerkleTree.ofLeaves(range).root(run[1]),
                        log.rangeRoot(run[0], (int) run[1]), "range " + run[0] + "+" + run[1]);
            }
            assertThrows(LedgerException.class, () -> log.entries(all.size() - 1, 2));
            assertThrows(LedgerException.class, () -> log.leafHashes(all.size() - 1, 2));
            assertThrows(LedgerException.class, () -> log.rangeRoot(all.size() - 1, 2));
            // an aligned range is the node of the log's tree
            assertArrayEquals(t.rangeHash(16_384, 32_768), log.rangeRoot(16_384, 16_384));
            assertThrows(LedgerException.class, () -> log.inclusionProof(all.size(), all.size()));
            assertThrows(LedgerException.class, () -> log.root(all.size() + 1));
            assertThrows(LedgerException.class, () -> log.entry(all.size()));
            LogVerification v = log.verify();
            assertTrue(v.valid(), v.problems().toString());
            assertEquals(all.size(), v.entries());
        }
    }

    private static void assertProof(List<byte[]> want, List<byte[]> got) {
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i));
        }
    }

    @Test
    void reopeningKeepsEverythingAndAppendsContinue() throws IOException {
        Log log = create();
        List<byte[]> all = new ArrayList<>(fill(log, 1000, 3));
        byte[] root = log.root();
        Checkpoint cp = log.checkpoint();
        log = reopen(log);
        try {
            assertEquals(1000, log.size());
            assertArrayEquals(root, log.root());
            assertEquals(cp, log.checkpoints().get(log.checkpoints().size() - 1));
            all.addAll(fill(log, 700, 4));
            assertArrayEquals(MerkleTree.ofLeaves(all).root(all.size()), log.root());
            assertTrue(log.verify().valid());
        } finally {
            log.close();
        }
    }

    @Test
    void cosignaturesAreKeptOnTheLatestCheckpointOnceEachAndSurviveReopening() throws IOException, ProofException {
        Cosigner w1 = Cosigner.fromSeed("witness.example/w1", new byte[32]);
        Cosigner w2 = Cosigner.generate("witness.example/w2");
        Log log = create();
        try {
            fill(log, 10, 9);
            Checkpoint cp = log.checkpoint();
            Checkpoint by1 = Checkpoint.parse(cp.note().with(w1.cosign(cp.note().text(), 7)).toString());
            Checkpoint stored = log.addCosignatures(by1).orElseThrow();
            assertEquals(by1, stored);
            assertEquals(by1, log.checkpoint());
            log = reopen(log);
            int count = log.checkpoints().size();
            assertEquals(by1, log.checkpoints().get(count - 1));
            // w1 again (another timestamp) keeps its first line; w2 comes after it
            Checkpoint again = Checkpoint.parse(cp.note().with(w1.cosign(cp.note().text(), 8))
                    .with(w2.cosign(cp.note().text(), 9)).toString());
            Checkpoint both = log.addCosignatures(again).orElseThrow();
            assertEquals(List.of(log.origin(), w1.name(), w2.name()),
                    both.note().signatures().stream().map(SignedNote.Signature::name).toList());
            assertEquals(7, w1.verifier().verify(both.note()).getAsLong());
            assertEquals(9, w2.verifier().verify(both.note()).getAsLong());
            both.verify(log.verifierKey());
            assertEquals(both, log.checkpoint());
            assertEquals(count, log.checkpoints().size());
            LogVerification v = log.verify();
            assertTrue(v.valid(), v.problems().toString());
            // once the log has grown, the old checkpoint is no longer the one to cosign
            fill(log, 3, 10);
            Checkpoint next = log.checkpoint();
            assertEquals(13, next.size());
            Log grown = log;
            assertEquals(Optional.empty(), grown.addCosignatures(again));
            assertThrows(LedgerException.class, () -> grown.addCosignatures(Checkpoint.parse(
                    SignedNote.sign("other.example\n13\n" + next.toString().split("\n")[2] + "\n",
                            NoteSigner.generate("other.example")).toString())));
            assertTrue(log.verify().valid());
        } finally {
            log.close();
        }
    }

    @Test
    void checkpointsAreSignedKeptAndConsistent() throws IOException, ProofException {
        try (Log log = create()) {
            NoteVerifier key = log.verifierKey();
            assertEquals(ORIGIN, key.name());
            Checkpoint empty = log.checkpoint();
            assertEquals(0, empty.size());
            assertArrayEquals(Merkle.emptyRoot(), empty.root());
            empty.verify(key);
            Random r = new Random(5);
            for (int k = 0; k < 6; k++) {
                fill(log, 1 + r.nextInt(400), k);
                Checkpoint c = log.checkpoint();
                assertEquals(log.size(), c.size());
                assertEquals(c, log.checkpoint(), "no new checkpoint without new entries");
                c.verify(key);
                String text = c.toString();
                assertTrue(text.startsWith(ORIGIN + "\n" + c.size() + "\n"), text);
                assertTrue(text.contains("\n\n\u2014 " + ORIGIN + " "), text);
                assertEquals(c, Checkpoint.parse(text));
            }
            List<Checkpoint> all = log.checkpoints();
            assertEquals(7, all.size());
            for (Checkpoint a : all) {
                for (Checkpoint b : all) {
                    if (a.size() > 0 && a.size() <= b.size()) {
                        ConsistencyProof p = log.consistencyProof(a.size(), b.size());
                        Proofs.verifyConsistency(a.size(), b.size(), a.root(), b.root(), p.proof());
                    }
                }
            }
            // The log's own key signs; another key with the same name does not verify.
            NoteVerifier other = NoteSigner.generate(ORIGIN).verifier();
            assertThrows(ProofException.class, () -> all.get(1).verify(other));
            assertTrue(log.verify().valid());
        }
    }

    @Test
    void concurrentWritersAreGroupedAndLoseNothing() throws Exception {
        try (Log log = create()) {
            int threads = 16;
            int each = 150;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Map<Long, byte[]>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int id = t;
                futures.add(pool.submit(() -> {
                    Map<Long, byte[]> mine = new HashMap<>();
                    Random r = new Random(id);
                    for (int k = 0; k < each; k++) {
                        if (id % 4 == 0) {
                            List<byte[]> batch = List.of(entry(r, 64), entry(r, 64), entry(r, 64));
                            AppendResult a = log.append(batch);
                            for (int j = 0; j < 3; j++) {
                                mine.put(a.first() + j, batch.get(j));
                            }
                        } else {
                            byte[] e = entry(r, 256);
                            mine.put(log.append(e), e);
                        }
                    }
                    return mine;
                }));
            }
            Map<Long, byte[]> all = new HashMap<>();
            for (Future<Map<Long, byte[]>> f : futures) {
                for (Map.Entry<Long, byte[]> e : f.get().entrySet()) {
                    assertTrue(all.put(e.getKey(), e.getValue()) == null, "index " + e.getKey() + " given twice");
                }
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
            assertEquals(all.size(), log.size());
            for (Map.Entry<Long, byte[]> e : all.entrySet()) {
                assertArrayEquals(e.getValue(), log.entry(e.getKey()));
            }
            assertTrue(log.verify().valid());
        }
    }

    /**
     * A writer process appends from eight threads and prints each index as its append returns;
     * it is killed with SIGKILL mid-stream. Every acknowledged entry must be there, the tree must
     * verify, and appends must go on.
     */
    @Test
    void killNineLosesNothingAcknowledged() throws Exception {
        Log log = create();
        fill(log, 10, 6);
        String target = crashTarget(log);
        log.close();
        Path err = Files.createTempFile("crash-writer", ".err");
        Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), target, "8")
                .redirectError(err.toFile()).start();
        Map<Long, String> acked = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((line = in.readLine()) != null) {
                String[] f = line.split(" ");
                acked.put(Long.parseLong(f[1]), f[2]);
                if (acked.size() == 3000 || System.nanoTime() > deadline) {
                    // kill -9: no shutdown hooks, no flushing. (Process.destroyForcibly would also
                    // close our end of its output, losing acknowledgements already printed.)
                    new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor();
                    break;
                }
            }
            // Lines already printed before the kill are acknowledgements too.
            while ((line = in.readLine()) != null) {
                String[] f = line.split(" ");
                if (f.length == 3) {
                    acked.put(Long.parseLong(f[1]), f[2]);
                }
            }
        }
        p.waitFor(30, TimeUnit.SECONDS);
        assertTrue(acked.size() >= 100, "the writer acknowledged only " + acked.size() + " appends: "
                + Files.readString(err));
        log = reopen(null);
        try {
            long max = 0;
            for (Map.Entry<Long, String> e : acked.entrySet()) {
                assertArrayEquals(CrashWriter.content(e.getValue()), log.entry(e.getKey()), "entry " + e.getKey());
                max = Math.max(max, e.getKey());
            }
            assertTrue(log.size() > max);
            LogVerification v = log.verify();
            assertTrue(v.valid(), v.problems().toString());
            fill(log, 500, 7);
            Checkpoint c = log.checkpoint();
            assertEquals(log.size(), c.size());
            v = log.verify();
            assertTrue(v.valid(), v.problems().toString());
        } finally {
            log.close();
            Files.deleteIfExists(err);
        }
    }

    @Test
    void everyIndexOfAStreamIsDistinct() throws IOException {
        try (Log log = create()) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                assertTrue(seen.add(log.append(new byte[] {(byte) i})));
            }
            assertEquals(50, log.size());
            assertFalse(seen.contains(50L));
        }
    }

    /**
     * Writers that each opened the log on their own (as separate processes do) append at once,
     * in batches that cross tile boundaries, each asking for a checkpoint after each batch: every
     * entry lands once, at the index its append returned, checkpoints never go back, and the log
     * verifies. Each writer's view of the log is stale from its first append on.
     */
    @Test
    void writersWithTheirOwnLogsTakeTurns() throws Exception {
        int writers = 6;
        int each = 1500;
        try (Log first = create()) {
            List<Log> logs = new ArrayList<>(List.of(first));
            for (int w = 1; w < writers; w++) {
                logs.add(openAnother());
            }
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<Map<Long, byte[]>>> futures = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    final Log log = logs.get(w);
                    final String name = "w" + w;
                    futures.add(pool.submit(() -> {
                        Map<Long, byte[]> mine = new HashMap<>();
                        Random r = new Random(name.hashCode());
                        for (int k = 0; k < each; ) {
                            int n = Math.min(each - k, 1 + r.nextInt(300));
                            List<byte[]> batch = new ArrayList<>();
                            for (int j = 0; j < n; j++) {
                                batch.add(TurnWriter.content(name, k + j));
                            }
                            AppendResult a = log.append(batch);
                            Checkpoint cp = log.checkpoint();
                            assertTrue(cp.size() >= a.size(), "checkpoint " + cp.size() + " after size " + a.size());
                            for (int j = 0; j < n; j++) {
                                mine.put(a.first() + j, batch.get(j));
                            }
                            k += n;
                        }
                        return mine;
                    }));
                }
                Map<Long, byte[]> all = new HashMap<>();
                for (Future<Map<Long, byte[]>> f : futures) {
                    for (Map.Entry<Long, byte[]> e : f.get().entrySet()) {
                        assertTrue(all.put(e.getKey(), e.getValue()) == null, "index " + e.getKey() + " given twice");
                    }
                }
                assertEquals(writers * each, all.size());
                try (Log fresh = openAnother()) {
                    assertEquals(writers * each, fresh.size());
                    List<byte[]> ordered = new ArrayList<>();
                    for (long i = 0; i < fresh.size(); i++) {
                        assertArrayEquals(all.get(i), fresh.entry(i), "entry " + i);
                        ordered.add(all.get(i));
                    }
                    assertArrayEquals(MerkleTree.ofLeaves(ordered).root(ordered.size()), fresh.root());
                    LogVerification v = fresh.verify();
                    assertTrue(v.valid(), v.problems().toString());
                }
            } finally {
                pool.shutdown();
                for (Log l : logs.subList(1, logs.size())) {
                    l.close();
                }
            }
        }
    }

    /** Writer processes append to one log at once: all of them succeed, nothing is lost. */
    @Test
    void writerProcessesTakeTurns() throws Exception {
        int processes = 4;
        int each = 1200;
        Log log = create();
        String target = crashTarget(log);
        log.close();
        List<Process> ps = new ArrayList<>();
        List<Path> errs = new ArrayList<>();
        for (int w = 0; w < processes; w++) {
            Path err = Files.createTempFile("turn-writer", ".err");
            errs.add(err);
            ps.add(new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), TurnWriter.class.getName(), target, "p" + w,
                    Integer.toString(each), "100").redirectError(err.toFile()).start());
        }
        Map<Long, byte[]> all = new HashMap<>();
        for (int w = 0; w < processes; w++) {
            Process p = ps.get(w);
            int k = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split(" ");
                    long first = Long.parseLong(f[1]);
                    int n = Integer.parseInt(f[2]);
                    for (int j = 0; j < n; j++) {
                        assertTrue(all.put(first + j, TurnWriter.content("p" + w, k++)) == null, "index given twice");
                    }
                }
            }
            assertTrue(p.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue(), Files.readString(errs.get(w)));
            assertEquals(each, k);
            Files.deleteIfExists(errs.get(w));
        }
        try (Log fresh = reopen(null)) {
            assertEquals(processes * each, fresh.size());
            for (Map.Entry<Long, byte[]> e : all.entrySet()) {
                assertArrayEquals(e.getValue(), fresh.entry(e.getKey()), "entry " + e.getKey());
            }
            LogVerification v = fresh.verify();
            assertTrue(v.valid(), v.problems().toString());
        }
    }

    /** A precondition sees the log as it is at the append, entries of other writers included. */
    @Test
    void aPreconditionIsCheckedAgainstTheLogAtTheAppend() throws IOException {
        try (Log a = create(); Log b = openAnother()) {
            a.append(List.of(new byte[] {1}, new byte[] {2}, new byte[] {3}));
            long[] seen = {-1};
            byte[][] last = {null};
            long at = b.append(new byte[] {4}, size -> {
                seen[0] = size;
                last[0] = b.entry(size - 1);
            });
            assertEquals(3, seen[0]);
            assertEquals(3, at);
            assertArrayEquals(new byte[] {3}, last[0]);
            // A refusal appends nothing and reaches the caller as thrown.
            IllegalStateException no = new IllegalStateException("no");
            IllegalStateException got = assertThrows(IllegalStateException.class,
                    () -> a.append(List.of(new byte[] {5}, new byte[] {6}), size -> {
                        throw no;
                    }));
            assertTrue(got == no);
            assertEquals(4, b.append(new byte[] {7}));
            assertEquals(5, b.size());
            assertTrue(b.verify().valid());
        }
    }

    /**
     * Checked appends in order: every check runs one after another with the size its entry would
     * follow, counting the entries whose checks passed before it (durable or still in flight), so
     * the sizes the checks see are exactly the indices the entries get; a refused append appends
     * nothing and reaches only its own caller.
     */
    @Test
    void checkedAppendsRunInOrderAndSeeTheEntriesAheadOfThem() throws Exception {
        try (Log log = create()) {
            log.append(new byte[] {9});
            int threads = 8;
            int each = 60;
            List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            long[] expected = {1};
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Map<Long, byte[]>>> futures = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            for (int t = 0; t < threads; t++) {
                final int id = t;
                futures.add(pool.submit(() -> {
                    Map<Long, byte[]> mine = new HashMap<>();
                    Random r = new Random(id);
                    for (int k = 0; k < each; k++) {
                        byte[] e = entry(r, 100);
                        boolean no = k % 7 == 3;
                        long[] at = {-1};
                        try {
                            long index = log.appendInOrder(e, size -> {
                                // one after another: the size is the one the check before left
                                assertEquals(expected[0], size);
                                seen.add(size);
                                if (no) {
                                    throw new IllegalStateException("refused " + id + "/" + size);
                                }
                                at[0] = size;
                                expected[0] = size + 1;
                            });
                            assertEquals(at[0], index);
                            mine.put(index, e);
                        } catch (IllegalStateException x) {
                            assertTrue(no, x.getMessage());
                            refused.incrementAndGet();
                        }
                    }
                    return mine;
                }));
            }
            Map<Long, byte[]> all = new HashMap<>();
            for (Future<Map<Long, byte[]>> f : futures) {
                for (Map.Entry<Long, byte[]> e : f.get().entrySet()) {
                    assertTrue(all.put(e.getKey(), e.getValue()) == null, "index " + e.getKey() + " given twice");
                }
            }
            pool.shutdown();
            assertEquals(threads * each, seen.size());
            assertEquals(threads * each - refused.get(), all.size());
            assertEquals(1 + all.size(), log.size());
            for (Map.Entry<Long, byte[]> e : all.entrySet()) {
                assertArrayEquals(e.getValue(), log.entry(e.getKey()));
            }
            // A plain precondition after them sees every one of them committed.
            long[] before = {-1};
            log.append(new byte[] {8}, size -> before[0] = size);
            assertEquals(1 + all.size(), before[0]);
            assertArrayEquals(new byte[] {9}, log.entry(0));
            assertTrue(log.verify().valid());
        }
    }
}
