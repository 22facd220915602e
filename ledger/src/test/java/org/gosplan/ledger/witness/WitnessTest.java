package org.gosplan.ledger.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.LedgerException;
import org.gosplan.ledger.NoteVerifier;
import org.gosplan.ledger.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The add-checkpoint decision of C2SP tlog-witness, status by status, on requests written by hand. */
class WitnessTest {
    static final Cosigner W = Cosigner.fromSeed("witness.example/w1", new byte[32]);
    static final long NOW = 1_765_000_000L;

    @TempDir
    Path dir;

    private Witness open(TestLog... logs) throws IOException {
        List<NoteVerifier> keys = new ArrayList<>();
        for (TestLog l : logs) {
            keys.add(l.key.verifier());
        }
        return Witness.open(dir, W, keys, () -> NOW);
    }

    private static Answer add(Witness w, String body) throws IOException {
        return w.addCheckpoint(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The answer's cosignature, checked with the witness's public key over the note it was given. */
    private static long cosignedTime(String checkpoint, Answer a) throws Exception {
        assertEquals(200, a.status(), a.body());
        assertTrue(a.body().startsWith("\u2014 witness.example/w1 ") && a.body().endsWith("\n"), a.body());
        SignedNote n = SignedNote.parse(checkpoint + a.body());
        OptionalLong t = W.verifier().verify(n);
        assertTrue(t.isPresent());
        return t.getAsLong();
    }

    @Test
    void aGrowingLogIsCosignedAtEachStepFromTheSizeItLastCosigned() throws Exception {
        TestLog log = new TestLog("example.org/log", 1).append("a", "b", "c");
        try (Witness w = open(log)) {
            assertEquals(NOW, cosignedTime(log.checkpoint(3), add(w, log.request(0))));
            log.append("d", "e", "f", "g");
            assertEquals(NOW, cosignedTime(log.checkpoint(7), add(w, log.request(3))));
            // the same checkpoint again, from its own size: cosigned again, state unchanged
            assertEquals(NOW, cosignedTime(log.checkpoint(7), add(w, log.request(7))));
        }
        try (Witness w = open(log)) { // the state survived
            Answer a = add(w, log.request(3));
            assertEquals(409, a.status());
            assertEquals("7\n", a.body());
            assertEquals(Answer.TLOG_SIZE, a.contentType());
        }
    }

    @Test
    void everyRefusalHasTheSpecsStatus() throws Exception {
        TestLog log = new TestLog("example.org/log", 1).append("a", "b", "c", "d");
        TestLog stranger = new TestLog("example.org/other", 2).append("x");
        TestLog impostor = new TestLog("example.org/log", 3).append("a", "b", "c", "d");
        try (Witness w = open(log)) {
            assertEquals(400, add(w, "old 01\n\n" + log.checkpoint(4)).status(), "leading zero");
            assertEquals(400, add(w, "old 0\nnot-base64\n\n" + log.checkpoint(4)).status());
            assertEquals(400, add(w, "old 0\n" + log.checkpoint(4)).status(), "no blank line after the proof");
            assertEquals(400, add(w, "old 0\n\nexample.org/log\n4\n\n").status(), "no checkpoint");
            assertEquals(400, w.addCheckpoint(new byte[] {'o', 'l', 'd', ' ', '0', '\n', '\n', (byte) 0xff}).status());
            assertEquals(404, add(w, stranger.request(0)).status());
            assertEquals(403, add(w, impostor.request(0)).status(), "signed by another key of the same name");
            String forged = log.request(0).replace(log.checkpoint(4).substring(0, log.checkpoint(4).indexOf("\n\n")),
                    "example.org/log\n4\n" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
            assertEquals(403, add(w, forged).status(), "a known key's signature that fails");
            assertEquals(400, add(w, log.request(5, 4).replaceFirst("old 5", "old 5")).status(), "old above size");
            assertEquals(200, add(w, log.request(0, 2)).status());
            Answer stale = add(w, log.request(0));
            assertEquals(409, stale.status());
            assertEquals("2\n", stale.body());
            String badProof = log.request(2).replaceFirst("\n[A-Za-z0-9+/]{43}=\n", "\n"
                    + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
            assertEquals(422, add(w, badProof).status());
            TestLog fork = log.fork(1).append("B");
            assertEquals(422, add(w, fork.request(2)).status(), "same size, another root");
            assertEquals(422, add(w, log.request(2, 2).replace("old 2\n\n", "old 2\n"
                    + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n\n")).status());
            assertEquals(200, add(w, log.request(2)).status());
        }
    }

    @Test
    void theEmptyTreeNeedsItsRootAndNoProof() throws Exception {
        TestLog log = new TestLog("example.org/log", 1);
        try (Witness w = open(log)) {
            String wrongEmpty = SignedNote.sign("example.org/log\n0\n" + java.util.Base64.getEncoder()
                    .encodeToString(new byte[32]) + "\n", log.key).toString();
            assertEquals(422, add(w, "old 0\n\n" + wrongEmpty).status());
            assertEquals(200, add(w, log.request(0)).status());
            log.append("a", "b");
            String withProof = "old 0\n" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n\n"
                    + log.checkpoint(2);
            assertEquals(422, add(w, withProof).status());
        }
    }

    @Test
    void aForkIsRefusedAndBothNotesAreKeptAsASplitView() throws Exception {
        TestLog log = new TestLog("example.org/log", 1).append("a", "b", "c");
        TestLog fork = log.fork(2).append("C", "d");
        log.append("d");
        try (Witness w = open(log)) {
            assertEquals(200, add(w, log.request(0, 3)).status());
            assertEquals(422, add(w, fork.request(3, 4)).status()); // the proof from the witness's 3 fails
        }
        List<SplitView> views = Witness.splitViews(dir);
        assertEquals(1, views.size(), views.toString());
        SplitView proof = views.get(0);
        assertEquals(SplitView.PROOF_FAILED, proof.kind());
        assertEquals(log.checkpoint(3), proof.cosignedNote().replaceAll("\u2014 witness\\.example/w1 .*\n", ""));
        assertEquals(fork.checkpoint(4), proof.refusedNote());
        try (Witness w = open(log)) {
            assertEquals(200, add(w, log.request(3, 4)).status());
            assertEquals(409, add(w, fork.request(3, 4)).status()); // the same request again, now stale
            assertEquals(422, add(w, fork.request(4, 4)).status()); // same size, another root
        }
        views = Witness.splitViews(dir);
        // two files of evidence (one per refused checkpoint and status: 409, 422), one split view
        assertEquals(1, views.size(), "the same fork checkpoint refused twice is one split view: " + views);
        for (SplitView v : views) {
            assertEquals(SplitView.SAME_SIZE, v.kind(), "the witness has cosigned the log's own 4 since");
            assertEquals(4, org.gosplan.ledger.Checkpoint.parse(v.cosignedNote()).size());
            W.verifier().verify(SignedNote.parse(v.cosignedNote())).orElseThrow();
            SignedNote.parse(v.cosignedNote()).verify(log.key.verifier());
            SignedNote.parse(v.refusedNote()).verify(log.key.verifier());
            assertEquals(fork.checkpoint(4), v.refusedNote());
        }
        try (var files = Files.list(dir.resolve("evidence"))) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void concurrentRequestsForOneLogAreNeverBothCosignedFromOneOldSize() throws Exception {
        TestLog log = new TestLog("example.org/log", 1);
        for (int i = 0; i < 64; i++) {
            log.append("e" + i);
        }
        try (Witness w = open(log)) {
            assertEquals(200, add(w, log.request(0, 1)).status());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int size = 2; size <= 64; size++) {
                String body = log.request(1, size);
                answers.add(pool.submit(() -> add(w, body)));
            }
            int ok = 0;
            for (Future<Answer> f : answers) {
                int status = f.get().status();
                assertTrue(status == 200 || status == 409, "status " + status);
                ok += status == 200 ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, ok, "all of them started from size 1: only the first may be cosigned");
        }
    }

    @Test
    void aSecondWitnessOnTheSameStateIsRefused() throws Exception {
        TestLog log = new TestLog("example.org/log", 1);
        try (Witness w = open(log)) {
            LedgerException e = assertThrows(LedgerException.class, () -> open(log));
            assertTrue(e.getMessage().contains("another witness"), e.getMessage());
        }
    }

    @Test
    void aTornLastLineWasNeverAnsweredAndIsCutOff() throws Exception {
        TestLog log = new TestLog("example.org/log", 1).append("a", "b");
        try (Witness w = open(log)) {
            assertEquals(200, add(w, log.request(0)).status());
        }
        Files.writeString(dir.resolve(Journal.FILE), "dGhpcyBpcyBjdXQ", java.nio.file.StandardOpenOption.APPEND);
        try (Witness w = open(log)) {
            assertEquals("2\n", add(w, log.request(0)).body());
        }
        Files.writeString(dir.resolve(Journal.FILE), "garbage\n", java.nio.file.StandardOpenOption.APPEND);
        assertThrows(LedgerException.class, () -> open(log));
    }

    @Test
    void aLargeJournalIsRotatedAndItsHistoryStillShowsSplitViews() throws Exception {
        TestLog log = new TestLog("example.org/log", 1).append("a", "b", "c", "d", "e", "f");
        TestLog other = new TestLog("example.org/other", 2).append("x", "y");
        TestLog fork = log.fork(1).append("B");
        try (Witness w = open(log, other)) {
            for (int size = 1; size <= 6; size++) {
                assertEquals(200, add(w, log.request(size - 1, size)).status());
            }
            assertEquals(200, add(w, other.request(0, 2)).status());
        }
        try (Witness w = Witness.open(dir, W, List.of(log.key.verifier(), other.key.verifier()), () -> NOW, 1)) {
            assertEquals("6\n", add(w, log.request(0, 6)).body(), "the state survived the rotation");
            assertEquals("2\n", add(w, other.request(0, 2)).body());
            assertEquals(409, add(w, fork.request(0, 2)).status()); // the fork at size 2, long cosigned
        }
        assertEquals(2, Files.readAllLines(dir.resolve(Journal.FILE)).size(), "one line per log");
        try (var files = Files.list(dir.resolve(Journal.HISTORY))) {
            assertEquals(1, files.count());
        }
        List<SplitView> views = Witness.splitViews(dir);
        assertEquals(1, views.size(), views.toString());
        assertEquals(SplitView.SAME_SIZE, views.get(0).kind());
        // the cosigned side comes from the rotated history: the log's own size 2
        assertTrue(java.util.Arrays.equals(log.tree().root(2),
                org.gosplan.ledger.Checkpoint.parse(views.get(0).cosignedNote()).root()));
        assertEquals(fork.checkpoint(2), views.get(0).refusedNote());

        // a rotation cut between its two renames is finished on the next start
        Files.move(dir.resolve(Journal.FILE), dir.resolve(Journal.FILE + ".new"));
        try (Witness w = open(log, other)) {
            assertEquals("6\n", add(w, log.request(0, 6)).body());
        }
    }

    @Test
    void aClientVaryingTheOldSizeCannotFillTheDisk() throws Exception {
        TestLog log = new TestLog("example.org/log", 1).append("a", "b", "c", "d");
        try (Witness w = open(log)) {
            assertEquals(200, add(w, log.request(0, 2)).status());
            for (int old = 3; old <= 4; old++) {
                assertEquals(409, add(w, log.request(0, 4).replace("old 0", "old " + old)).status());
            }
            assertEquals(409, add(w, log.request(0, 4) + "\u2014 someone AAAAAAA=\n").status());
        }
        try (var files = Files.list(dir.resolve("evidence"))) {
            assertEquals(1, files.count(), "one 409 for the checkpoint of size 4, however sent");
        }
    }
}
