package org.gosplan.ledger.witness;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.LedgerException;
import org.gosplan.ledger.Merkle;
import org.gosplan.ledger.NoteVerifier;
import org.gosplan.ledger.ProofException;
import org.gosplan.ledger.Proofs;
import org.gosplan.ledger.SignedNote;

/**
 * A C2SP tlog-witness: decides each add-checkpoint request and cosigns what extends the last
 * checkpoint it cosigned for the log. No HTTP here: {@link #addCheckpoint} takes the request
 * body and gives the status, content type and body to send.
 *
 * <p>Per origin, the check of the old size and the durable write of the new state happen under
 * one lock, so two concurrent requests for one log are never both cosigned from the same old size
 * (the roll-back race of the spec). Different logs share only the journal's group commit. The
 * state directory holds {@code cosigned} (the journal), {@code evidence/} and a {@code lock} that
 * keeps a second witness process off the same state.
 */
public final class Witness implements AutoCloseable {
    private final Path dir;
    private final Cosigner key;
    private final Map<String, LogState> logs;
    private final Map<String, String> originsByHash = new HashMap<>();
    private final Journal journal;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final LongSupplier clock;
    private volatile IOException broken;

    /** What the witness knows of one log; guarded by itself. */
    private static final class LogState {
        final NoteVerifier[] keys;
        long size;
        byte[] root = Merkle.emptyRoot();
        String note;

        LogState(NoteVerifier[] keys) {
            this.keys = keys;
        }
    }

    private Witness(Path dir, Cosigner key, Map<String, LogState> logs, Journal journal, FileChannel lockChannel,
            FileLock lock, LongSupplier clock) {
        this.dir = dir;
        this.key = key;
        this.logs = logs;
        this.journal = journal;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.clock = clock;
        for (String origin : logs.keySet()) {
            originsByHash.put(Evidence.sha256(origin.getBytes(StandardCharsets.UTF_8)), origin);
        }
    }

    /**
     * Opens (or starts) the witness state in {@code dir} for the logs whose keys are given; a log's
     * origin is its key's name, and several keys of one name are one log with several keys.
     */
    public static Witness open(Path dir, Cosigner key, Collection<NoteVerifier> logKeys) throws IOException {
        return open(dir, key, logKeys, () -> System.currentTimeMillis() / 1000);
    }

    static Witness open(Path dir, Cosigner key, Collection<NoteVerifier> logKeys, LongSupplier clock)
            throws IOException {
        return open(dir, key, logKeys, clock, Journal.ROTATE_BYTES);
    }

    static Witness open(Path dir, Cosigner key, Collection<NoteVerifier> logKeys, LongSupplier clock,
            long rotateBytes) throws IOException {
        if (logKeys.isEmpty()) {
            throw new LedgerException("a witness needs the key of at least one log to witness (--log VKEY)");
        }
        Map<String, List<NoteVerifier>> byOrigin = new HashMap<>();
        for (NoteVerifier k : logKeys) {
            byOrigin.computeIfAbsent(k.name(), o -> new ArrayList<>()).add(k);
        }
        Map<String, LogState> logs = new HashMap<>();
        byOrigin.forEach((o, ks) -> logs.put(o, new LogState(ks.toArray(new NoteVerifier[0]))));
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            ch.close();
            throw new LedgerException(dir + ": another witness is serving this state directory; stop it first");
        }
        try {
            Journal j = Journal.open(dir, c -> {
                LogState s = logs.get(c.origin());
                if (s != null) {
                    s.size = c.size();
                    s.root = c.root();
                    s.note = c.toString();
                }
            }, rotateBytes);
            return new Witness(dir, key, logs, j, ch, held, clock);
        } catch (IOException | RuntimeException e) {
            held.release();
            ch.close();
            throw e;
        }
    }

    /** The witness's public key. */
    public String verifierKey() {
        return key.verifier().toString();
    }

    /** State changes made durable since it was opened, and the fsyncs they took (group commit shares one). */
    public long[] durableWrites() {
        return new long[] {journal.lines(), journal.flushes()};
    }

    /** The origins it witnesses. */
    public List<String> origins() {
        return logs.keySet().stream().sorted().toList();
    }

    /**
     * The latest checkpoint it cosigned for the origin whose SHA-256 is {@code originHash} (lowercase
     * hex), with the log's signatures and its own cosignature: the monitoring view of tlog-witness.
     */
    public Optional<String> latest(String originHash) {
        String origin = originsByHash.get(originHash);
        if (origin == null) {
            return Optional.empty();
        }
        LogState s = logs.get(origin);
        synchronized (s) {
            return Optional.ofNullable(s.note);
        }
    }

    /** Decides one add-checkpoint request; the body is the request's bytes. */
    public Answer addCheckpoint(byte[] body) throws IOException {
        if (broken != null) {
            throw new IOException("the witness stopped after its state could not be written", broken);
        }
        Request r;
        try {
            r = Request.parse(body);
        } catch (LedgerException e) {
            return Answer.of(400, "malformed add-checkpoint request: " + e.getMessage());
        }
        Checkpoint c = r.checkpoint();
        LogState s = logs.get(c.origin());
        if (s == null) {
            return Answer.of(404, "unknown log origin '" + c.origin() + "'");
        }
        try {
            c.note().verify(s.keys);
        } catch (ProofException e) {
            return Answer.of(403, "the checkpoint is not signed by the log's key: " + e.getMessage());
        }
        if (r.oldSize() > c.size()) {
            return Answer.of(400, "the old size " + r.oldSize() + " is above the checkpoint's size " + c.size());
        }
        String refused;
        long current;
        String cosignedThen;
        synchronized (s) {
            refused = check(r, s);
            if (refused == null) {
                return cosign(c, s);
            }
            current = s.size;
            cosignedThen = s.note;
        }
        boolean stale = refused.isEmpty();
        if (stale) {
            refused = "the old size " + r.oldSize() + " is not " + current + ", the size it last cosigned";
        }
        // The log signed this checkpoint: keep it, it may prove that the log forked.
        new Evidence(stale ? 409 : 422, clock.getAsLong(), refused, new String(body, StandardCharsets.UTF_8),
                Optional.ofNullable(cosignedThen)).write(dir);
        return stale ? Answer.conflict(current) : Answer.of(422, refused);
    }

    /** Why the request cannot be cosigned: null when it can, "" for a stale old size (409), else the 422 reason. */
    private static String check(Request r, LogState s) {
        Checkpoint c = r.checkpoint();
        if (r.oldSize() != s.size) {
            return "";
        }
        if (c.size() == 0 && !Arrays.equals(c.root(), Merkle.emptyRoot())) {
            return "a checkpoint of size 0 must have the empty tree's root (the SHA-256 of nothing)";
        }
        if (r.oldSize() == 0) {
            return r.proof().isEmpty() ? null : "from the old size 0 the consistency proof must be empty, not "
                    + r.proof().size() + " hashes";
        }
        if (c.size() == s.size) {
            if (!Arrays.equals(c.root(), s.root)) {
                return "size " + c.size() + " with another root than the checkpoint it cosigned at that size";
            }
            return r.proof().isEmpty() ? null : "the sizes are equal, so the consistency proof must be empty";
        }
        try {
            Proofs.verifyConsistency(s.size, c.size(), s.root, c.root(), r.proof());
            return null;
        } catch (ProofException e) {
            return "the consistency proof from " + s.size + " to " + c.size() + " does not verify: " + e.getMessage();
        }
    }

    /** Under the log's lock: makes the new state durable, then answers with the cosignature. */
    private Answer cosign(Checkpoint c, LogState s) throws IOException {
        long now = Math.max(1, clock.getAsLong());
        SignedNote.Signature sig = key.cosign(c.note().text(), now);
        if (c.size() != s.size || s.note == null) {
            String note = c.note().with(sig).toString();
            try {
                journal.append(note);
            } catch (IOException e) {
                broken = e;
                throw e;
            }
            s.size = c.size();
            s.root = c.root();
            s.note = note;
        }
        return new Answer(200, Answer.TEXT, sig.line() + "\n");
    }

    /**
     * The body of an add-checkpoint request, as a log sends it: {@code old <oldSize>}, the consistency
     * proof's hashes in base64, a blank line and the signed checkpoint {@code note}.
     */
    public static String requestBody(long oldSize, List<byte[]> proof, String note) {
        return Request.body(oldSize, proof, note);
    }

    /** Every split view in the state directory {@code dir}: evidence that two signed checkpoints of a log diverge. */
    public static List<SplitView> splitViews(Path dir) throws IOException {
        return SplitView.find(Journal.read(dir), Evidence.list(dir));
    }

    @Override
    public void close() throws IOException {
        try {
            journal.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}
