package org.gosplan.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An append-only transparency log: entries (arbitrary bytes) in an RFC 9162 Merkle tree, with
 * signed C2SP checkpoints, inclusion and consistency proofs, and a full verification; kept in a
 * data directory or in PostgreSQL. Thread-safe; share one {@code Log} per process and store for
 * the best throughput, but any number of {@code Log}s, in any number of processes, may append to
 * one store: each group commit holds the store's writer lock (a file lock, or the log's row in
 * PostgreSQL) and starts from the tree as that lock finds it, so writers take turns and every
 * append lands whole, after everything committed before it.
 *
 * <p><b>Durability and group commit.</b> An append returns only once its entries are durable.
 * Appends from many threads are grouped: the first waiting thread commits everything queued
 * (one write and one fsync per file, or one database transaction) while the others wait for it,
 * and the next group gathers while a commit is in flight. So sixteen writers appending one entry
 * each cost one fsync, not sixteen. Leaf hashes are computed by the appending threads before they
 * queue, so hashing spreads over the cores.
 */
public final class Log implements AutoCloseable {
    // A group commit takes at most this much from the queue (bounds the memory of one write).
    private static final long BATCH_BYTES = 32L << 20;
    private static final int BATCH_ENTRIES = 1 << 18;
    private static final int MAX_PROBLEMS = 100;
    // Rounds of syncs one pipeline may run before the committer lets other writers take the lock.
    private static final int PIPELINE_ROUNDS = 32;
    // -Dgosplan.ledger.pipeline=false waits for each round before the next group is checked (to compare).
    private static final boolean PIPELINE = !"false".equals(System.getProperty("gosplan.ledger.pipeline"));

    private final Store store;
    private final NodeReader nodes;
    private final Optional<Path> directory;
    private final Optional<String> jdbcUrl;
    private NoteSigner signer;

    // Appenders queue their entries; one committer thread takes everything queued, commits it as
    // one group and completes each appender's future. Only the served appenders wake.
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    // Held while committing (over a pipeline of groups) or signing; fair, so that a checkpoint
    // waiting for it gets it when the committer lets go between pipelines.
    private final ReentrantLock writer = new ReentrantLock(true);
    private final AtomicLong epoch = new AtomicLong();
    private Thread committer;
    private volatile boolean closed;
    private final AtomicLong commits = new AtomicLong();
    // The right border of the tree as written (durable or in the round in flight); guarded by writer.
    private CompactRange tree;
    private boolean held; // whether the committer holds the writer's lock and the store's; committer only

    private Log(Store store, Path dir, String url) {
        this.store = store;
        this.nodes = Tiles.reader(store);
        this.directory = Optional.ofNullable(dir);
        this.jdbcUrl = Optional.ofNullable(url);
    }

    // ---------------------------------------------------------------- making and opening

    /**
     * Makes a new log in {@code dir} (absent or empty) named {@code origin}, signed by
     * {@code key} (used under the origin as its name) or by a new key when null, and signs the
     * checkpoint of the empty tree.
     */
    public static Log init(Path dir, String origin, NoteSigner key) throws IOException {
        NoteSigner signer = signerFor(origin, key);
        Checkpoint empty = Checkpoint.sign(origin, 0, Merkle.emptyRoot(), signer);
        return new Log(FileStore.create(dir, signer, empty), dir, null);
    }

    /** Makes a new log in the PostgreSQL database at {@code jdbcUrl} (see {@link #init(Path, String, NoteSigner)}). */
    public static Log initDb(String jdbcUrl, String origin, NoteSigner key) throws IOException {
        NoteSigner signer = signerFor(origin, key);
        Checkpoint empty = Checkpoint.sign(origin, 0, Merkle.emptyRoot(), signer);
        return new Log(PostgresStore.create(jdbcUrl, signer, empty), null, jdbcUrl);
    }

    /** Opens the log in a data directory. */
    public static Log open(Path dir) throws IOException {
        return new Log(FileStore.open(dir), dir, null);
    }

    /** Opens the log in a PostgreSQL database. */
    public static Log openDb(String jdbcUrl) throws IOException {
        return new Log(PostgresStore.open(jdbcUrl), null, jdbcUrl);
    }

    private static NoteSigner signerFor(String origin, NoteSigner key) {
        checkOrigin(origin);
        return key == null ? NoteSigner.generate(origin) : key.withName(origin);
    }

    /** The origin is the checkpoint's first line and the key's name: non-empty, no spaces, '+' or control characters. */
    static void checkOrigin(String origin) {
        if (origin == null || origin.isEmpty()) {
            throw new LedgerException("the origin (the log's name) must not be empty; use a schema-less URL such as"
                    + " example.org/gosplan");
        }
        try {
            NoteVerifier.checkName(origin);
        } catch (LedgerException e) {
            throw new LedgerException("origin '" + origin + "' must have no spaces, '+' or control characters (it is"
                    + " also the signing key's name); use a schema-less URL such as example.org/gosplan");
        }
    }

    /** The data directory, for a log kept in one. */
    public Optional<Path> directory() {
        return directory;
    }

    /** The JDBC URL, for a log kept in PostgreSQL. */
    public Optional<String> jdbcUrl() {
        return jdbcUrl;
    }

    /** The checkpoints' origin line. */
    public String origin() {
        return store.origin();
    }

    /** The verifier key in signed-note form {@code <origin>+<key id>+<base64>}. */
    public NoteVerifier verifierKey() {
        return NoteVerifier.parse(store.verifierKey());
    }

    /** The log's own signing key. */
    public synchronized NoteSigner signingKey() throws IOException {
        if (signer == null) {
            signer = NoteSigner.parse(store.signerKey(), "the log's signing key in " + store.describe());
            if (!signer.verifier().toString().equals(store.verifierKey())) {
                throw new LogDamagedException(store.describe(), "the signing key does not match the log's verifier key");
            }
        }
        return signer;
    }

    // ---------------------------------------------------------------- reading

    /** The number of committed entries. */
    public long size() {
        return store.size();
    }

    /** Entry {@code index} as appended. */
    public byte[] entry(long index) throws IOException {
        return store.entry(index);
    }

    /** Entries {@code [from, from + count)} as appended, read in one pass where the store can. */
    public byte[][] entries(long from, int count) throws IOException {
        checkSize(from + count, "from + count");
        return store.entries(from, count);
    }

    /** The leaf hashes of entries {@code [from, from + count)}, hashed where the store reads them (see {@link Store#leafHashes}). */
    public byte[][] leafHashes(long from, int count) throws IOException {
        checkSize(from + count, "from + count");
        return store.leafHashes(from, count);
    }

    /**
     * MTH of entries {@code [from, from + count)} taken as a tree of their own, recomputed from the
     * entries' bytes (each entry's checksum checked), never from the stored hashes: where
     * {@code from} is a multiple of a power of two at least {@code count}, the hash of that
     * subtree of the log's tree.
     */
    public byte[] rangeRoot(long from, int count) throws IOException {
        checkSize(from + count, "from + count");
        return store.rangeRoot(from, count);
    }

    /** The root hash of the current tree. */
    public byte[] root() throws IOException {
        return root(size());
    }

    /** MTH(D[0:size]) for any size up to the current one, from O(log n) stored hashes. */
    public byte[] root(long size) throws IOException {
        checkSize(size, "size");
        return ProofPlan.root(size).hashes(nodes).get(0);
    }

    /** The leaf hash of entry {@code index} as stored. */
    public byte[] leafHash(long index) throws IOException {
        checkIndex(index, size());
        return nodes.nodes(new int[] {0}, new long[] {index})[0];
    }

    /**
     * C2SP tlog-tiles hash tile {@code index} of tile level {@code level}, {@code width} hashes
     * (256 for a full tile, fewer for a partial one), read as the store keeps it: no hashing.
     * Empty when the current tree does not hold that many hashes there yet.
     */
    public Optional<byte[]> tile(int level, long index, int width) throws IOException {
        if (level < 0 || level >= Tiles.LEVELS || width < 1 || width > 256 || index < 0
                || index > (Long.MAX_VALUE >>> Tiles.HEIGHT) - 1) {
            return Optional.empty();
        }
        long from = index << Tiles.HEIGHT;
        if (from + width > Tiles.count(size(), level)) {
            return Optional.empty();
        }
        return Optional.of(store.runs(new int[] {level}, new long[] {from}, new int[] {width})[0]);
    }

    /** Proof that entry {@code index} is in the tree of {@code size} entries. */
    public InclusionProof inclusionProof(long index, long size) throws IOException {
        checkSize(size, "size");
        checkIndex(index, size);
        // The path, the root and the leaf in one read (one round trip on PostgreSQL).
        List<List<byte[]>> h = ProofPlan.hashesOf(nodes, ProofPlan.inclusion(index, size), ProofPlan.root(size),
                ProofPlan.range(index, index + 1));
        return new InclusionProof(index, size, h.get(2).get(0), h.get(1).get(0), h.get(0));
    }

    /** Proof that the tree of {@code to} entries extends the tree of {@code from}. */
    public ConsistencyProof consistencyProof(long from, long to) throws IOException {
        checkSize(to, "to");
        if (from < 0 || from > to) {
            throw new LedgerException("--from " + from + " must be between 0 and --to " + to);
        }
        List<List<byte[]>> h = ProofPlan.hashesOf(nodes, ProofPlan.consistency(from, to), ProofPlan.root(from),
                ProofPlan.root(to));
        return new ConsistencyProof(from, to, h.get(1).get(0), h.get(2).get(0), h.get(0));
    }

    private void checkSize(long size, String name) {
        long n = size();
        if (size < 0 || size > n) {
            throw new LedgerException(name + " " + size + " is outside the log, which has " + n + " entries");
        }
    }

    private static void checkIndex(long index, long size) {
        if (index < 0 || index >= size) {
            throw new LedgerException("index " + index + " is outside the tree of size " + size
                    + " (indices run from 0 to size - 1)");
        }
    }

    // ---------------------------------------------------------------- appending

    /** A condition an append must meet against the log as it is when the append is made. */
    @FunctionalInterface
    public interface Precondition {
        /**
         * Called under the writer's lock with the size the entries would follow; throws to refuse
         * the append, which then appends nothing and throws the same exception to its caller. For
         * {@link #append(byte[], Precondition)} every entry below that size is committed and can be
         * read; for {@link #appendInOrder} see there.
         */
        void check(long size) throws IOException;
    }

    private static final class Pending {
        final byte[][] entries;
        final byte[] leafHashes;
        final long bytes;
        final Precondition precondition;
        final boolean ordered; // checked in order with the appends before it, not against committed entries only
        Throwable refusal;
        long first;
        long size;
        byte[] root;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Pending(List<byte[]> list, Precondition precondition, boolean ordered) {
            this.precondition = precondition;
            this.ordered = ordered;
            entries = new byte[list.size()][];
            leafHashes = new byte[32 * list.size()];
            long b = 0;
            for (int i = 0; i < entries.length; i++) {
                byte[] e = list.get(i).clone();
                entries[i] = e;
                System.arraycopy(Merkle.leafHash(e), 0, leafHashes, 32 * i, 32);
                b += e.length + 48;
            }
            bytes = b;
        }

        /** Whether its precondition must see every entry before it committed (it starts a group of its own). */
        boolean needsCommitted() {
            return precondition != null && !ordered;
        }
    }

    /** Appends one entry; returns its index once it is durable. */
    public long append(byte[] entry) throws IOException {
        return append(entry, null);
    }

    /**
     * Appends one entry if {@code precondition} (null: none) holds at the size it would be
     * appended at, checked under the writer's lock; returns its index once it is durable.
     */
    public long append(byte[] entry, Precondition precondition) throws IOException {
        return commit(new Pending(List.of(entry), precondition, false)).first;
    }

    /**
     * Appends one entry if {@code check} holds, checked in order with the appends before it:
     * {@code check} runs on this log's committer thread, one append after another, under the
     * writer's lock, with the size the entry would follow. That size counts the entries of this
     * {@code Log}'s earlier appends whose checks passed, which may not be durable yet, so not yet
     * readable (they may be in the commit round in flight, or earlier in the same group): a caller
     * that keeps its own state of the log (the record's snapshot) advances it in {@code check},
     * and reads from the log only the entries other writers appended (below the size, past its
     * state: those are committed). So a stream of checked appends is grouped and pipelined like
     * plain ones, which an {@link #append(byte[], Precondition)} never is. If a commit fails, the
     * appends whose checks passed after the failed ones fail too and {@link #epoch} changes before
     * any later check runs: state advanced by checks since the last epoch must then be dropped.
     * Returns the entry's index once it is durable.
     */
    public long appendInOrder(byte[] entry, Precondition check) throws IOException {
        return commit(new Pending(List.of(entry), check, true)).first;
    }

    /** Changes whenever appends whose {@link #appendInOrder} checks had passed are given up (a failed commit). */
    public long epoch() {
        return epoch.get();
    }

    /** Appends entries in order (contiguous indices); returns once all are durable. */
    public AppendResult append(List<byte[]> entries) throws IOException {
        return append(entries, null);
    }

    /** Appends entries in order if {@code precondition} holds (see {@link #append(byte[], Precondition)}). */
    public AppendResult append(List<byte[]> entries, Precondition precondition) throws IOException {
        if (entries.isEmpty()) {
            long n = size();
            return new AppendResult(n, 0, n, root(n));
        }
        Pending p = commit(new Pending(entries, precondition, false));
        return new AppendResult(p.first, entries.size(), p.size, p.root.clone());
    }

    private Pending commit(Pending p) throws IOException {
        if (closed) {
            throw new IllegalStateException("the log is closed");
        }
        startCommitter();
        queue.add(p);
        try {
            p.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The entries may still be committed: the committer has them.
            throw new InterruptedIOException("interrupted while waiting for the group commit");
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof LedgerException) {
                throw (LedgerException) t;
            }
            throw new IOException(t.getMessage() == null ? t.toString() : t.getMessage(), t);
        }
        // A refusal by the caller's own precondition reaches it as thrown.
        if (p.refusal instanceof IOException) {
            throw (IOException) p.refusal;
        }
        if (p.refusal instanceof RuntimeException) {
            throw (RuntimeException) p.refusal;
        }
        if (p.refusal != null) {
            throw (Error) p.refusal;
        }
        return p;
    }

    private synchronized void startCommitter() {
        if (committer == null) {
            committer = new Thread(this::commitLoop, "gosplan-ledger-commit");
            committer.setDaemon(true);
            committer.start();
        }
    }

    /** Groups written and their round of syncs in flight. */
    private static final class Flight {
        final List<Pending> batch;
        Store.Round round;

        Flight(List<Pending> batch) {
            this.batch = batch;
        }
    }

    // Queued by a round of syncs when it is done, to wake the committer waiting for appends.
    private static final Pending ROUND_DONE = new Pending(List.of(), null, false);

    /**
     * The committer: takes everything queued as one group, runs its preconditions, writes it and
     * makes it durable. On a store that pipelines, the writer's lock is kept while appends keep
     * coming (at most {@link #PIPELINE_ROUNDS} rounds, so that other writers get their turn), and
     * while one round of syncs is in flight, whatever arrives meanwhile is checked and written at
     * once, gathering into one open group; when the round is done its appends are acknowledged
     * and the open group's round starts. So the next round's group is as large as when it is
     * gathered after the round (everything that arrived during it), and its checks and writes
     * are already done when the round before ends. A group is acknowledged only once its own round
     * is done, and its round starts only after the round before it is done.
     */
    private void commitLoop() {
        Flight flying = null; // its round of syncs in flight
        Flight open = null; // written while flying was in flight; its round not started yet
        int rounds = 0;
        while (true) {
            Pending first;
            try {
                first = flying == null ? queue.poll(100, TimeUnit.MILLISECONDS) : queue.take();
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == ROUND_DONE || first == null && flying != null) {
                if (flying != null && flying.round != null && isDone(flying)) {
                    boolean landed = land(flying, open);
                    flying = null;
                    if (landed && open != null) {
                        flying = startRound(open);
                        rounds++;
                    }
                    open = null;
                }
                continue;
            }
            if (first == null) {
                // Nothing to do: let other writers (processes, checkpoints) have the lock.
                release();
                if (closed && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            // Everything queued meanwhile goes in this group, up to the size limits. An append
            // whose precondition must see committed entries only starts a group of its own.
            List<Pending> batch = new ArrayList<>();
            batch.add(first);
            long bytes = first.bytes;
            int count = first.entries.length;
            Pending q;
            while ((q = queue.peek()) != null && q != ROUND_DONE && !q.needsCommitted()
                    && bytes + q.bytes <= BATCH_BYTES && count + q.entries.length <= BATCH_ENTRIES) {
                batch.add(queue.poll());
                bytes += q.bytes;
                count += q.entries.length;
            }
            if (flying != null && (first.needsCommitted() || rounds >= PIPELINE_ROUNDS)) {
                // Everything written made durable first (or given up, when a round fails).
                boolean landed = land(flying, open);
                flying = null;
                if (landed && open != null) {
                    Flight last = startRound(open);
                    if (last != null) {
                        land(last, null);
                    }
                }
                open = null;
            }
            if (flying == null && rounds >= PIPELINE_ROUNDS) {
                release(); // other writers' turn
            }
            if (!held) {
                writer.lock();
                try {
                    long base = store.beginAppend();
                    // Another writer may have appended since this one last did: start from the tree it left.
                    if (tree == null || tree.size() != base) {
                        tree = loadTree(base);
                    }
                } catch (Throwable t) {
                    writer.unlock();
                    fail(batch, t);
                    continue;
                }
                held = true;
                rounds = 0;
            }
            Flight next;
            try {
                next = write(batch);
            } catch (Throwable t) {
                // What was written may be partly in the files: give it up with the lock, as a
                // crash would, once the round in flight (whose groups precede it) is done.
                if (flying != null) {
                    land(flying, null);
                    flying = null;
                }
                if (open != null) {
                    fail(open.batch, t);
                    open = null;
                }
                fail(batch, t);
                giveUp();
                continue;
            }
            if (next == null) {
                continue;
            }
            if (!store.pipelines()) {
                // The store made the group durable (and let go of its lock) as it wrote it.
                commits.incrementAndGet();
                for (Pending p : next.batch) {
                    p.done.complete(null);
                }
                release();
                continue;
            }
            if (flying != null) {
                if (open == null) {
                    open = next;
                } else {
                    open.batch.addAll(next.batch);
                }
                continue;
            }
            flying = startRound(next);
            rounds++;
            if (!PIPELINE && flying != null) {
                land(flying, null);
                flying = null;
            }
        }
    }

    private static boolean isDone(Flight f) {
        return f.round.done();
    }

    /** Starts the round of syncs that makes {@code f}'s groups durable; null (and {@code f} failed) when it cannot. */
    private Flight startRound(Flight f) {
        try {
            f.round = store.syncAppend();
            f.round.whenDone(() -> queue.add(ROUND_DONE));
            return f;
        } catch (Throwable t) {
            fail(f.batch, t);
            giveUp();
            return null;
        }
    }

    /**
     * Waits for {@code flight}'s round and acknowledges its appends; true when it was durable.
     * When it failed, its appends and those of {@code after} (written after them) fail, and the
     * lock is given up (see {@link #giveUp}).
     */
    private boolean land(Flight flight, Flight after) {
        try {
            flight.round.await();
        } catch (Throwable t) {
            fail(flight.batch, t);
            if (after != null) {
                fail(after.batch, t);
            }
            giveUp();
            return false;
        }
        commits.incrementAndGet();
        for (Pending p : flight.batch) {
            p.done.complete(null);
        }
        return true;
    }

    private static void fail(List<Pending> batch, Throwable t) {
        for (Pending p : batch) {
            p.done.completeExceptionally(t);
        }
    }

    /** Lets go of the lock after a failed write or round: what was written and not synced is given up. */
    private void giveUp() {
        tree = null;
        epoch.incrementAndGet();
        release();
    }

    private void release() {
        if (!held) {
            return;
        }
        held = false;
        try {
            store.endAppend();
        } finally {
            writer.unlock();
        }
    }

    /** How many group commits (fsync rounds or transactions) appends have taken so far. */
    public long commits() {
        return commits.get();
    }

    /**
     * Runs the group's preconditions in order (the refused leave it, and are answered at once)
     * and writes what passed after everything written so far under the lock: on a pipelining
     * store not yet durable, otherwise committed. Returns the group written, or null when all
     * were refused. Holding the writer's lock.
     */
    private Flight write(List<Pending> all) throws IOException {
        long base = tree.size();
        long size = base;
        List<Pending> batch = new ArrayList<>(all.size());
        for (Pending p : all) {
            if (p.precondition != null) {
                try {
                    p.precondition.check(size);
                } catch (IOException | RuntimeException | Error e) {
                    p.refusal = e;
                    p.done.complete(null);
                    continue;
                }
            }
            batch.add(p);
            p.first = size;
            size += p.entries.length;
            p.size = size;
        }
        if (batch.isEmpty()) {
            return null;
        }
        // The tree over what passed, keeping the hashes that complete tile levels.
        CompactRange work = tree.copy();
        int n = 0;
        for (Pending p : batch) {
            n += p.entries.length;
        }
        byte[][] entries = new byte[n][];
        byte[] leaves = new byte[32 * n];
        ByteArrayOutputStream[] upper = new ByteArrayOutputStream[Tiles.LEVELS];
        CompactRange.NodeSink sink = tileSink(upper);
        int k = 0;
        for (Pending p : batch) {
            for (int i = 0; i < p.entries.length; i++) {
                entries[k] = p.entries[i];
                System.arraycopy(p.leafHashes, 32 * i, leaves, 32 * k, 32);
                work.append(Arrays.copyOfRange(p.leafHashes, 32 * i, 32 * i + 32), sink);
                k++;
            }
            p.root = work.root();
        }
        byte[][] up = new byte[Tiles.LEVELS][];
        for (int l = 1; l < Tiles.LEVELS; l++) {
            up[l] = upper[l] == null ? new byte[0] : upper[l].toByteArray();
        }
        if (store.pipelines()) {
            store.writeAppend(base, entries, leaves, up);
        } else {
            store.commitAppend(base, entries, leaves, up);
        }
        tree = work;
        return new Flight(batch);
    }

    private CompactRange loadTree(long size) throws IOException {
        int[] levels = new int[64];
        long[] indices = new long[64];
        int k = CompactRange.borderNodes(size, levels, indices);
        byte[][] border = k == 0 ? new byte[0][] : nodes.nodes(Arrays.copyOf(levels, k), Arrays.copyOf(indices, k));
        return CompactRange.of(size, border);
    }

    // ---------------------------------------------------------------- checkpoints

    /**
     * The signed checkpoint of the current tree: the latest stored one when it is of the current
     * size, else a new one, signed with the log's key and stored before it is returned.
     */
    public Checkpoint checkpoint() throws IOException {
        writer.lock();
        try {
            // Under the lock the size is the latest any writer made, so checkpoints never go back.
            long n = store.beginAppend();
            try {
                List<String> stored = store.checkpoints();
                if (!stored.isEmpty()) {
                    Checkpoint latest = Checkpoint.parse(stored.get(stored.size() - 1));
                    if (latest.size() == n) {
                        return latest;
                    }
                }
                Checkpoint cp = Checkpoint.sign(origin(), n, root(n), signingKey());
                store.addCheckpoint(cp);
                return cp;
            } finally {
                store.endAppend();
            }
        } finally {
            writer.unlock();
        }
    }

    /**
     * Every stored checkpoint, oldest first: consistency proofs can be served between any two. A
     * checkpoint that witnesses cosigned is listed once, with its cosignature lines.
     */
    public List<Checkpoint> checkpoints() throws IOException {
        List<Checkpoint> out = new ArrayList<>();
        for (String s : store.checkpoints()) {
            Checkpoint cp = Checkpoint.parse(s);
            if (!out.isEmpty() && cosigns(cp, out.get(out.size() - 1))) {
                out.set(out.size() - 1, cp);
            } else {
                out.add(cp);
            }
        }
        return out;
    }

    /** Whether {@code later} is {@code earlier} re-stored with cosignatures: the same tree head, the same text. */
    private static boolean cosigns(Checkpoint later, Checkpoint earlier) {
        return later.size() == earlier.size() && later.note().text().equals(earlier.note().text());
    }

    /**
     * Adds the signature lines of {@code cosigned} (witnesses' cosignatures on the log's latest
     * checkpoint: the same note text) to the stored checkpoint, after those it has, one line per
     * key (name and key id): a key that signed already keeps its line. The log's own signature stays
     * as stored. The caller checks the cosignatures (the log does not know its witnesses' keys).
     * Returns the checkpoint as stored, or empty when the log has signed a newer checkpoint
     * meanwhile (cosignatures go on the latest only, so that stored checkpoints keep growing).
     * Throws when {@code cosigned} is no checkpoint this log signed.
     */
    public Optional<Checkpoint> addCosignatures(Checkpoint cosigned) throws IOException {
        writer.lock();
        try {
            store.beginAppend();
            try {
                List<String> stored = store.checkpoints();
                Checkpoint latest = Checkpoint.parse(stored.get(stored.size() - 1));
                if (!cosigns(cosigned, latest)) {
                    for (String s : stored) {
                        if (cosigns(cosigned, Checkpoint.parse(s))) {
                            return Optional.empty();
                        }
                    }
                    throw new LedgerException("the cosigned checkpoint (" + cosigned.origin() + ", size "
                            + cosigned.size() + ") is not one this log signed");
                }
                SignedNote note = latest.note();
                for (SignedNote.Signature s : cosigned.note().signatures()) {
                    boolean known = false;
                    for (SignedNote.Signature t : note.signatures()) {
                        known |= t.name().equals(s.name()) && t.keyId() == s.keyId();
                    }
                    if (!known) {
                        note = note.with(s);
                    }
                }
                if (note == latest.note()) {
                    return Optional.of(latest);
                }
                Checkpoint merged = Checkpoint.parse(note.toString());
                store.replaceLatestCheckpoint(merged);
                return Optional.of(merged);
            } finally {
                store.endAppend();
            }
        } finally {
            writer.unlock();
        }
    }

    // ---------------------------------------------------------------- verification

    /**
     * Recomputes the whole tree from the stored entries and checks every stored leaf hash, every
     * kept interior hash, every checkpoint (its form, origin, signature by the log's key, and root
     * against the recomputed tree at its size) and the store's own structures (checksums, commit
     * record, lengths, keys). Reads every entry once, in order.
     */
    public LogVerification verify() throws IOException {
        return verify(checked -> { });
    }

    /**
     * As {@link #verify()}, telling {@code progress} how many entries have been checked, every
     * 65,536 and at the end of the entries (for a front end to show; the hashes above the
     * leaves are checked after).
     */
    public LogVerification verify(java.util.function.LongConsumer progress) throws IOException {
        List<LogVerification.Problem> problems = new ArrayList<>(store.checkStructure());
        long n = store.size();
        NoteVerifier key = null;
        try {
            key = NoteVerifier.parse(store.verifierKey());
        } catch (LedgerException e) {
            add(problems, "verifier key", "cannot check signatures: " + e.getMessage());
        }
        // Checkpoints, checked for form and signature now and for their roots during the scan.
        List<String> texts = store.checkpoints();
        List<Checkpoint> cps = new ArrayList<>();
        List<Integer> cpNumbers = new ArrayList<>();
        long lastSize = -1;
        for (int k = 0; k < texts.size(); k++) {
            String where = "checkpoint " + k;
            if (texts.get(k) == null) {
                continue; // the store reported the damage already
            }
            Checkpoint cp;
            try {
                cp = Checkpoint.parse(texts.get(k));
            } catch (LedgerException e) {
                add(problems, where, e.getMessage());
                continue;
            }
            where += " (size " + cp.size() + ")";
            if (!cp.origin().equals(store.origin())) {
                add(problems, where, "its origin '" + cp.origin() + "' is not the log's '" + store.origin() + "'");
            }
            if (key != null) {
                try {
                    cp.verify(key);
                } catch (ProofException e) {
                    add(problems, where, "signature: " + e.getMessage());
                }
            }
            if (cp.size() > n) {
                add(problems, where, "its size is beyond the log's " + n + " entries");
                continue;
            }
            if (cp.size() <= lastSize && !(cps.size() > 0 && cosigns(cp, cps.get(cps.size() - 1)))) {
                add(problems, where, "its size does not grow on the previous checkpoint's " + lastSize);
            }
            lastSize = Math.max(lastSize, cp.size());
            cps.add(cp);
            cpNumbers.add(k);
        }
        Integer[] order = new Integer[cps.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(cps.get(a).size(), cps.get(b).size()));

        CompactRange tree = new CompactRange();
        ByteArrayOutputStream[] upper = new ByteArrayOutputStream[Tiles.LEVELS];
        CompactRange.NodeSink sink = tileSink(upper);
        int[] next = {0};
        Runnable checkRoots = () -> {
            while (next[0] < order.length && cps.get(order[next[0]]).size() == tree.size()) {
                Checkpoint cp = cps.get(order[next[0]]);
                if (!Arrays.equals(cp.root(), tree.root())) {
                    add(problems, "checkpoint " + cpNumbers.get(order[next[0]]) + " (size " + cp.size() + ")",
                            "its root " + Merkle.hex(cp.root()) + " is not the root recomputed from the entries, "
                                    + Merkle.hex(tree.root()));
                }
                next[0]++;
            }
        };
        checkRoots.run();
        long[] scanned = {0};
        store.scan((index, data, stored, damage) -> {
            if (index >= n) {
                add(problems, "entries", damage);
                return;
            }
            String where = "entry " + index;
            if (damage != null) {
                add(problems, where, damage);
            }
            // An unreadable entry still takes its place in the tree, so later sizes line up.
            byte[] leaf = data != null ? Merkle.leafHash(data) : stored != null ? stored : new byte[32];
            if (data != null && !Arrays.equals(leaf, stored)) {
                add(problems, where, "its stored leaf hash " + Merkle.hex(stored) + " is not the hash of its bytes, "
                        + Merkle.hex(leaf) + ": the entry or its stored hash was altered");
            }
            tree.append(leaf, sink);
            scanned[0]++;
            if ((scanned[0] & 0xFFFF) == 0) {
                progress.accept(scanned[0]);
            }
            checkRoots.run();
        });
        progress.accept(scanned[0]);
        long hashes = n;
        for (int l = 1; l < Tiles.LEVELS; l++) {
            long count = Tiles.count(n, l);
            if (count == 0) {
                break;
            }
            byte[] want = upper[l] == null ? new byte[0] : upper[l].toByteArray();
            for (long from = 0; from < count; from += 1 << 16) {
                int c = (int) Math.min(1 << 16, count - from);
                byte[] got;
                try {
                    got = store.runs(new int[] {l}, new long[] {from}, new int[] {c})[0];
                } catch (IOException | RuntimeException e) {
                    add(problems, "hashes of tree level " + (Tiles.HEIGHT * l), "cannot be read: " + e.getMessage());
                    break;
                }
                for (int j = 0; j < c; j++) {
                    long idx = from + j;
                    if (32 * (idx + 1) <= want.length
                            && !Arrays.equals(got, 32 * j, 32 * j + 32, want, (int) (32 * idx), (int) (32 * idx + 32))) {
                        add(problems, "hash at tree level " + (Tiles.HEIGHT * l) + " index " + idx,
                                "stored " + Merkle.hex(Arrays.copyOfRange(got, 32 * j, 32 * j + 32))
                                        + " but the entries give " + Merkle.hex(Arrays.copyOfRange(want, (int) (32 * idx),
                                        (int) (32 * idx + 32))));
                    }
                }
                hashes += c;
            }
        }
        return new LogVerification(n, scanned[0], hashes, texts.size(), problems);
    }

    private static void add(List<LogVerification.Problem> problems, String where, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new LogVerification.Problem(where, message));
        }
    }

    /** Waits for queued appends to commit, then closes the store. */
    @Override
    public void close() throws IOException {
        closed = true;
        Thread c;
        synchronized (this) {
            c = committer;
        }
        if (c != null) {
            try {
                c.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        store.close();
    }

    /** Collects the hashes that complete a tile level (every Tiles.HEIGHT levels above the leaves), per level. */
    private static CompactRange.NodeSink tileSink(ByteArrayOutputStream[] upper) {
        return (level, index, hash) -> {
            if (level > 0 && level % Tiles.HEIGHT == 0) {
                int l = level / Tiles.HEIGHT;
                if (upper[l] == null) {
                    upper[l] = new ByteArrayOutputStream();
                }
                upper[l].writeBytes(hash);
            }
        };
    }
}
