package org.gosplan.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Source;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.NoteVerifier;

/**
 * The record of a planning system: signed events in a transparency log, with their content
 * (economies, targets, plans) beside it, addressed by hash. Every append is checked against the
 * snapshot it extends, under the log's writer lock, so against every event appended before it by
 * any process: a refused event is never appended.
 *
 * <p>A log holds either signed events or raw entries, never both, and its first entry says which:
 * a log whose entry 0 is an event in form ({@link Event#isEvent}) is an event log, which takes
 * only events ({@code gosplan log append} refuses it); a log whose entry 0 is anything else stays
 * raw, and the record refuses to append events to it. An empty log takes either.
 */
public final class Record implements AutoCloseable {
    private final EntryLog log;
    private final ContentStore content;
    private final Path scratch;
    private final Clock clock;
    private Snapshot snapshot;
    private long folded; // the entries the snapshot has taken in (refused ones skipped)
    // The signatures of the events folded in: an event sent again as it was (a replay) is refused.
    // Ed25519 signatures are deterministic, so the same event has the same signature.
    private final Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Set<Long> refused = new HashSet<>(); // entries the folds refused: few

    private Record(EntryLog log, ContentStore content, Path scratch, Clock clock, boolean trustMark)
            throws IOException {
        this.log = log;
        this.content = content;
        this.scratch = scratch;
        this.clock = clock;
        this.folded = log.size();
        this.snapshot = foldOnOpen(trustMark);
    }

    /**
     * The fold of the whole log when the record is opened. Where a {@link RecordState} lies beside
     * the log and the root of the entries it covers, recomputed from their bytes, is its root, the
     * state is taken as it stands and only the entries after it are folded. Otherwise, below a
     * {@link VerifiedMark} beside the log, signatures are not checked again (the verdicts the mark
     * keeps stand), provided the entries read give the mark's root; otherwise, and after the mark,
     * everything is checked. A new mark and state are left at the size verified.
     */
    private Snapshot foldOnOpen(boolean trustMark) throws IOException {
        String key = log.key().toString();
        Kept kept = scratch != null ? new Kept(new CastVotes(), new ArrayList<>()) : null;
        Snapshot s = null;
        VerifiedMark.Tree tree = null;
        long vouched = -1; // the size the state or the mark taken vouched for
        long stateSize = -1;
        long peeked = trustMark && scratch != null ? RecordState.peekSize(scratch, key, folded) : -1;
        if (peeked >= 0) {
            // The state is read and its snapshot restored on another thread while this one (and the
            // common pool) recomputes the root of the entries below it: the reading is sequential,
            // the root check parallel, so no core waits. The snapshot is taken only if the root is
            // the state's.
            java.util.concurrent.CompletableFuture<Restored> reading = new java.util.concurrent.CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    RecordState st = RecordState.read(scratch, key, folded);
                    reading.complete(new Restored(st, st == null || st.size != peeked ? null : restore(st)));
                } catch (Throwable e) {
                    reading.complete(new Restored(null, null));
                }
            }, "gosplan-record-state");
            reader.setDaemon(true);
            reader.start();
            VerifiedMark.Tree t = treeOrNull(peeked);
            Restored r = reading.join();
            RecordState state = r.state();
            s = t == null || r.snapshot() == null || !t.root().equals(state.root) ? null : r.snapshot();
            if (s != null) {
                synchronized (refused) {
                    refused.addAll(state.refused);
                }
                tree = t;
                kept = new Kept(state.votes, new ArrayList<>());
                for (long i : state.others) {
                    kept.others.add(i);
                }
                vouched = state.size;
                stateSize = state.size;
                seenBelow = state.size;
            }
        }
        VerifiedMark mark = s == null && trustMark && scratch != null ? VerifiedMark.read(scratch, key) : null;
        if (s == null) {
            tree = new VerifiedMark.Tree();
            s = Snapshot.genesis(log.key());
        }
        if (mark != null && mark.size() <= folded) {
            synchronized (refused) {
                refused.addAll(mark.refused());
            }
            s = fold(s, 0, mark.size(), null, seen, mark.size(), tree, kept);
            if (!tree.root().equals(mark.root())) {
                // an entry before the mark is not what was verified: nothing the mark says holds
                synchronized (refused) {
                    refused.clear();
                }
                seen.clear();
                tree = new VerifiedMark.Tree();
                s = Snapshot.genesis(log.key());
                kept = kept == null ? null : new Kept(new CastVotes(), new ArrayList<>());
            } else {
                vouched = mark.size();
            }
        }
        s = fold(s, tree.size(), folded, null, seen, 0, tree, kept);
        if (scratch != null) {
            Set<Long> no;
            synchronized (refused) {
                no = new HashSet<>(refused);
            }
            if (folded > vouched) {
                new VerifiedMark(key, folded, tree.root(), no).write(scratch);
            }
            if (folded > stateSize) {
                long[] others = kept.others.stream().mapToLong(Long::longValue).toArray();
                RecordState.write(scratch, key, folded, tree.root(), no, s.roster(), others, kept.votes);
            }
        }
        if (kept != null) {
            kept.votes.setSize(folded);
            castVotes = kept.votes;
        }
        return s;
    }

    /** A state read and the snapshot it describes (null where it does not read). */
    private record Restored(RecordState state, Snapshot snapshot) {}

    /** What the opening fold keeps beside the snapshot for the state it saves: the votes, the other events. */
    private record Kept(CastVotes votes, List<Long> others) {}

    private CastVotes castVotes;
    // Signatures of the entries below this were not taken into seen (the record was opened from its
    // saved state); they are, the first time an append needs them.
    private long seenBelow;

    /** {@link #treeOf}, or null where the entries cannot be read (the fold finds out what is wrong). */
    private VerifiedMark.Tree treeOrNull(long size) {
        try {
            return treeOf(size);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The snapshot {@code state} describes, or null where its other events do not read; taken only
     * once the root of the entries below the state is found to be the state's (its refusals then).
     */
    private Snapshot restore(RecordState state) {
        List<Event> others = new ArrayList<>();
        try {
            for (long i : state.others) {
                others.add(Event.parse(log.entry(i), "entry " + i));
            }
            return Snapshot.restored(log.key(), state.roster, others, state.others, state.size);
        } catch (IOException | RuntimeException e) {
            return null; // the log cannot be read as the state says: the fold finds out what is wrong
        }
    }

    /** Leaves hashed a chunk at a time, in parallel, by {@link #treeOf}: a perfect subtree each. */
    private static final int TREE_CHUNK_LEVEL = 14;

    /**
     * The Merkle tree of the first {@code size} entries, from their bytes: perfect subtrees of
     * 2^14 entries hashed in parallel (each read in one pass and hashed where it lies), then
     * merged in order; the entries after the last whole chunk as one perfect subtree per set bit.
     */
    private VerifiedMark.Tree treeOf(long size) throws IOException {
        int chunk = 1 << TREE_CHUNK_LEVEL;
        int full = (int) (size >>> TREE_CHUNK_LEVEL);
        byte[][] roots = new byte[full][];
        IOException[] failed = new IOException[1];
        IntStream.range(0, full).parallel().forEach(c -> {
            try {
                roots[c] = log.rangeRoot((long) c * chunk, chunk);
            } catch (IOException e) {
                synchronized (failed) {
                    failed[0] = e;
                }
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        VerifiedMark.Tree tree = new VerifiedMark.Tree();
        for (byte[] r : roots) {
            tree.addSubtree(r, TREE_CHUNK_LEVEL);
        }
        for (int level = TREE_CHUNK_LEVEL - 1; level >= 0; level--) {
            if (((size >>> level) & 1) == 1) {
                tree.addSubtree(log.rangeRoot(tree.size(), 1 << level), level);
            }
        }
        return tree;
    }

    /**
     * The votes that stand in each ballot in the entries {@code [0, castVotes().size())}, kept by the
     * fold that opened this record (or saved with its state); null where none were kept (a log in
     * PostgreSQL). A count reads them instead of the log's entries, and the entries after them from
     * the log.
     */
    public synchronized CastVotes castVotes() {
        return castVotes;
    }

    /** Takes the signatures of the events below {@link #seenBelow} into {@link #seen}, once. */
    private synchronized void fillSeen() throws IOException {
        long below = seenBelow;
        for (long base = 0; base < below; base += CHUNK) {
            int n = (int) Math.min(CHUNK, below - base);
            byte[][] raw = log.entries(base, n);
            long b0 = base;
            IntStream.range(0, n).parallel().forEach(i -> {
                if (!isRefused(b0 + i)) {
                    seen.add(Event.parse(raw[i], "entry " + (b0 + i)).sig());
                }
            });
        }
        seenBelow = 0;
    }

    /**
     * The record on a ledger log: content beside it, in its data directory ({@code content/})
     * or in the same PostgreSQL database. Closing the record closes the log.
     */
    public static Record open(org.gosplan.ledger.Log log) throws IOException {
        EntryLog entries = new LedgerEntryLog(log);
        if (log.directory().isPresent()) {
            return open(entries, log.directory().get());
        }
        return openPostgres(entries, log.jdbcUrl().orElseThrow());
    }

    /** A record on an embedded log directory: content under {@code dir/content}. */
    public static Record open(EntryLog log, Path dataDir) throws IOException {
        return new Record(log, new FileContentStore(dataDir), dataDir, Clock.systemUTC(), true);
    }

    /** As {@link #open(EntryLog, Path)}, signing fresh events at the times {@code clock} gives (tests). */
    static Record open(EntryLog log, Path dataDir, Clock clock) throws IOException {
        return new Record(log, new FileContentStore(dataDir), dataDir, clock, true);
    }

    /** A record on a PostgreSQL log: content in the same database. */
    public static Record openPostgres(EntryLog log, String jdbcUrl) throws IOException {
        return new Record(log, new PostgresContentStore(jdbcUrl), null, Clock.systemUTC(), false);
    }

    /**
     * As {@link #open(org.gosplan.ledger.Log)}, checking every signature from the first entry
     * whatever mark of an earlier verification lies beside the log ({@code gosplan verify}).
     */
    public static Record openVerifyingAll(org.gosplan.ledger.Log log) throws IOException {
        EntryLog entries = new LedgerEntryLog(log);
        if (log.directory().isPresent()) {
            Path dir = log.directory().get();
            return new Record(entries, new FileContentStore(dir), dir, Clock.systemUTC(), false);
        }
        return openPostgres(entries, log.jdbcUrl().orElseThrow());
    }

    public EntryLog log() {
        return log;
    }

    public ContentStore content() {
        return content;
    }

    /** The state after every event so far. */
    public synchronized Snapshot snapshot() {
        return snapshot;
    }

    /**
     * The snapshot of the log as it is now: folds in what other writers (another process on the
     * same log, such as {@code gosplan record} beside a running server) appended since this record
     * last appended or folded. {@link #snapshot} alone does not look at the log.
     */
    public synchronized Snapshot refresh() throws IOException {
        long size = log.size();
        if (size > folded) {
            snapshot = fold(snapshot, folded, size, null, seen);
            folded = size;
        }
        return snapshot;
    }

    /** Reads the event at {@code index}. */
    public Event event(long index) throws IOException {
        return Event.parse(log.entry(index), "entry " + index);
    }

    /**
     * Event {@code index} as {@code gosplan show} prints it: {@code index}, {@code signerName} and
     * {@code signerRole} (the signer as it stood at that entry; null when it was not a member), then
     * the event's own fields.
     */
    public ObjectNode shown(long index) throws IOException {
        Event e = event(index);
        Snapshot s = snapshot();
        Member m = index <= s.size() ? s.memberAt(e.signer(), index) : snapshotAt(index).member(e.signer());
        ObjectNode out = Canonical.MAPPER.createObjectNode();
        out.put("index", index);
        out.put("signerName", m == null ? null : m.key().name());
        out.put("signerRole", m == null ? null : m.role().id());
        out.setAll(e.toJson());
        return out;
    }

    /** The snapshot at tree size {@code size}, folding the events before it (refused events skipped). */
    public Snapshot snapshotAt(long size) throws IOException {
        // below the size folded, what the fold found stands: signatures are not checked again
        return fold(Snapshot.genesis(log.key()), 0, size, null, null, foldedSize(), null, null);
    }

    /** Entries folded at a time: read in order, parsed and their signatures checked in parallel. */
    static final int CHUNK = 8192;

    /**
     * {@code s}, the snapshot after entries before {@code from}, extended by the events up to
     * {@code to}. Signatures are checked in parallel, a chunk at a time, each with the key its
     * signer had at the chunk's start or was registered with earlier in the chunk; the fold, in
     * order, uses that answer where the key is the one it finds, and checks again otherwise. The
     * entries it refuses are remembered ({@link #accepted}).
     */
    private Snapshot fold(Snapshot start, long from, long to, List<String> refusals, Set<String> sigs)
            throws IOException {
        return fold(start, from, to, refusals, sigs, 0, null, null);
    }

    /**
     * As above; below {@code trusted} the verdicts are known (those in {@link #refused} were
     * refused, the rest signed with the key the fold finds), so no signature is checked there;
     * with {@code tree}, every entry read is added to it (to check or set a {@link VerifiedMark}).
     */
    private Snapshot fold(Snapshot start, long from, long to, List<String> refusals, Set<String> sigs,
                          long trusted, VerifiedMark.Tree tree, Kept kept) throws IOException {
        Snapshot s = start;
        for (long base = from; base < to; base += CHUNK) {
            int n = (int) Math.min(CHUNK, to - base);
            byte[][] raw = log.entries(base, n);
            Event[] events = new Event[n];
            String[] unreadable = new String[n];
            byte[][] leaves = tree == null ? null : new byte[n][];
            long b0 = base;
            IntStream.range(0, n).parallel().forEach(i -> {
                if (leaves != null) {
                    leaves[i] = org.gosplan.ledger.Merkle.leafHash(raw[i]);
                }
                try {
                    events[i] = Event.parse(raw[i], "entry " + (b0 + i));
                } catch (RecordException x) {
                    unreadable[i] = x.getMessage();
                }
            });
            org.gosplan.ledger.NoteVerifier[] keys = new org.gosplan.ledger.NoteVerifier[n];
            Map<String, NoteVerifier> registered = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Event e = events[i];
                if (e == null) {
                    continue;
                }
                Member m = s.member(e.signer());
                keys[i] = registered.getOrDefault(e.signer(), m == null ? null : m.key());
                if (e.type().equals(EventTypes.MEMBER_REGISTERED) && e.body().path("vkey").isTextual()) {
                    try {
                        org.gosplan.ledger.NoteVerifier k = Keys.parseVerifier(e.body().get("vkey").asText());
                        registered.put(Keys.signerName(k), k);
                    } catch (RecordException x) {
                        // the fold refuses it
                    }
                }
            }
            if (leaves != null) {
                for (byte[] leaf : leaves) {
                    tree.add(leaf);
                }
            }
            boolean[] signed = new boolean[n];
            IntStream.range(0, n).parallel().forEach(i -> {
                signed[i] = b0 + i < trusted || keys[i] != null && events[i].signedBy(keys[i]);
            });
            for (int i = 0; i < n; i++) {
                long index = base + i;
                if (index < trusted && isRefused(index)) {
                    refuse(index, refusals, "entry " + index + ": refused when the record was verified before");
                    continue;
                }
                if (events[i] == null) {
                    refuse(index, refusals, unreadable[i]);
                    continue;
                }
                int at = i;
                boolean known = index < trusted;
                String why = s.refusal(events[i], known ? (e, key) -> true
                        : (e, key) -> key.equals(keys[at]) ? signed[at] : e.signedBy(key));
                if (why != null) {
                    refuse(index, refusals, "entry " + index + ": " + why);
                    continue;
                }
                s = s.apply(events[i], index);
                if (sigs != null) {
                    sigs.add(events[i].sig());
                }
                if (kept != null) {
                    String type = events[i].type();
                    if (type.equals(EventTypes.VOTE_CAST)) {
                        kept.votes.cast(s.ballot(events[i].body().get("ballot").asLong()), events[i].signer(),
                                events[i].body());
                    } else if (Snapshot.restoresByEvent(type)) {
                        kept.others.add(index);
                    }
                }
            }
        }
        return s;
    }

    private boolean isRefused(long index) {
        synchronized (refused) {
            return refused.contains(index);
        }
    }

    private void refuse(long index, List<String> refusals, String why) {
        synchronized (refused) {
            refused.add(index);
        }
        if (refusals != null) {
            refusals.add(why);
        }
    }

    /**
     * Whether entry {@code index}, below the size this record has folded, was taken into the
     * snapshot: an event in form that the record would have recorded there (signature, signer,
     * role, body, state). What reads many events (a count) need not check them again.
     */
    public synchronized boolean accepted(long index) {
        if (index < 0 || index >= folded) {
            throw new IllegalArgumentException("entry " + index + " is not below the folded size " + folded);
        }
        synchronized (refused) {
            return !refused.contains(index);
        }
    }

    /** The size up to which {@link #accepted} answers. */
    public synchronized long foldedSize() {
        return folded;
    }

    /**
     * Signs and appends an event after checking it against the current snapshot; content the
     * body names must already be stored. Returns its index.
     */
    public long append(String type, ObjectNode body, NoteSigner key) throws IOException {
        Event e = Event.sign(type, body, key, clock.instant());
        try {
            return append(e);
        } catch (AlreadyOnLog r) {
            // Event times are whole seconds and Ed25519 signatures deterministic, so the same body
            // signed by the same key within the second of an identical event on the log is that
            // event (a replay). The caller asked for a new event: sign it again in the next second,
            // where it differs in its time and so in its signature.
            waitUntil(nextSecond(e));
            Event again = Event.sign(type, body, key, clock.instant());
            if (again.sig().equals(e.sig())) {
                throw r; // a clock that does not move: say when to sign anew
            }
            return append(again);
        }
    }

    /** Sleeps until the record's clock reads {@code t} or later. */
    private void waitUntil(Instant t) throws IOException {
        for (int tries = 0; tries < 3; tries++) { // a few: sleeps may end early
            long ms = java.time.Duration.between(clock.instant(), t).toMillis() + 1;
            if (ms <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(ms, 1_100));
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting to sign the event anew");
            }
        }
    }

    /** The refusal of an event already on the log, signature and all. */
    private static final class AlreadyOnLog extends RecordException {
        private static final long serialVersionUID = 1L;

        AlreadyOnLog(Event e) {
            super(Kind.CONFLICT, "refused, nothing recorded: this event, signature and all, is on the log already;"
                    + " an event is recorded once. To record the same thing again, sign it anew"
                    + (nextSecond(e) == null ? "" : " from " + nextSecond(e) + " on: event times are whole seconds,"
                    + " so the same event signed again within its second (" + e.time() + ") is the same event,"
                    + " signature and all"));
        }
    }

    /** The first second in which {@code e} signed again differs from it, or null for a time not in ISO form. */
    private static Instant nextSecond(Event e) {
        try {
            return Instant.parse(e.time()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        } catch (java.time.format.DateTimeParseException x) {
            return null;
        }
    }

    // The record as the checks of appends in flight have advanced it: every event of the log as
    // last folded, and after it the events whose checks passed, durable or not yet (the log
    // checks appends in order on its committer thread, and a group may be checked while the one
    // before it is being made durable). The public snapshot is advanced only once an event is
    // durable. Guarded by this.
    private Snapshot ahead;
    private long aheadSize = -1; // -1: start again from the durable snapshot
    private long aheadEpoch;
    private boolean holdsEvents; // entry 0 is known to be an event
    // Signatures of events checked and not yet known durable: a second copy is a replay too.
    private final Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Appends an already signed event after the same checks; returns its index once it is durable.
     * Each event is checked against the log as it is when it is appended, with every event before
     * it, other processes' included: a refused event is never appended. Events from many threads
     * are checked one after another on the log's committer thread and committed in groups, one
     * durable commit (one fsync round or transaction) a group; the signature is verified and the
     * entry's bytes made here, in the caller's thread, in parallel with other callers.
     */
    public long append(Event e) throws IOException {
        byte[][] bytes = e.signedAndEntryBytes();
        Member m = snapshot().member(e.signer());
        NoteVerifier verified = m != null && e.signedBy(m.key(), bytes[0]) ? m.key() : null;
        byte[] entry = bytes[1];
        Snapshot[] after = new Snapshot[1];
        long index = log.appendInOrder(entry, size -> after[0] = admit(e, verified, size));
        acknowledge(after[0], e);
        return index;
    }

    /**
     * Checks {@code e} as the next entry at {@code size} against the state ahead, and advances it;
     * throws the refusal. Called by the log in append order, under its writer's lock.
     */
    private synchronized Snapshot admit(Event e, NoteVerifier verified, long size) throws IOException {
        long epoch = log.epoch();
        if (aheadSize < 0 || epoch != aheadEpoch || size < aheadSize) {
            // The first check, or the log gave up appends whose checks passed: from what is durable.
            ahead = snapshot;
            aheadSize = folded;
            aheadEpoch = epoch;
            inFlight.clear();
            holdsEvents = false;
        }
        if (size > aheadSize) {
            // Other writers appended: take their events in. The log passes a size beyond what
            // this record checked only when every entry below it is committed (readable), so what
            // the check took in stands in the public snapshot too, whether this event passes or not.
            ahead = fold(ahead, aheadSize, size, null, seen);
            aheadSize = size;
            if (size > folded) {
                snapshot = ahead;
                folded = size;
            }
        }
        if (size > 0 && !holdsEvents) {
            checkHoldsEvents(size);
            holdsEvents = true;
        }
        RecordException no = refusal(ahead, e, inFlight, verified);
        if (no != null) {
            throw no;
        }
        ahead = ahead.apply(e, size);
        aheadSize = size + 1;
        holdsEvents = true;
        inFlight.add(e.sig());
        return ahead;
    }

    /** {@code e} is durable, with {@code after} the snapshot it leads to. */
    private synchronized void acknowledge(Snapshot after, Event e) {
        seen.add(e.sig());
        inFlight.remove(e.sig());
        if (after.size() > folded) {
            snapshot = after;
            folded = after.size();
        }
    }

    /** Why {@code e} may not follow snapshot {@code s} and its group's events (signed {@code sigs}), or null. */
    private RecordException refusal(Snapshot s, Event e, Set<String> sigs, NoteVerifier verified)
            throws IOException {
        String why = s.refusal(e, verified);
        if (why != null) {
            return new RecordException(s.refusalKind(e, verified), "refused, nothing recorded: " + why);
        }
        if (seenBelow > 0) {
            fillSeen();
        }
        if (sigs.contains(e.sig()) || seen.contains(e.sig())) {
            return new AlreadyOnLog(e);
        }
        for (String field : contentFields(e)) {
            String h = e.body().get(field).asText();
            if (!content.contains(h)) {
                return new RecordException(RecordException.Kind.CONFLICT, "refused, nothing recorded: the " + field
                        + " content " + h + " is not stored beside the log; store it first");
            }
        }
        return null;
    }

    /** Refuses an event for a log of raw entries (see the class comment). */
    private void checkHoldsEvents(long size) throws IOException {
        if (size > 0 && !Event.isEvent(log.entry(0))) {
            throw new RecordException("refused, nothing recorded: this log holds raw entries (its entry 0 is not a"
                    + " signed event), and a log holds either raw entries or events; record events in a log of their"
                    + " own, made with 'gosplan log init DIR --origin NAME'");
        }
    }

    static List<String> contentFields(Event e) {
        switch (e.type()) {
            case EventTypes.ECONOMY_PUBLISHED:
            case EventTypes.TARGETS_SET:
                return List.of("hash");
            case EventTypes.PLAN_COMPUTED:
                return List.of("economy", "targets", "plan");
            case EventTypes.PROPOSAL_MADE:
                return List.of("economy", "targets");
            case EventTypes.FULFILMENT_REPORTED:
                return List.of("report");
            case EventTypes.INSPECTION_ORDERED:
                return e.body().path("quotas").isTextual() ? List.of("quotas") : List.of();
            case EventTypes.DRAW_MADE:
                return List.of("probabilities");
            case EventTypes.FINDING_FILED:
                return List.of("finding");
            case EventTypes.FINDING_ANSWERED:
                return List.of("answer");
            case EventTypes.BALLOT_TALLIED:
                return e.body().has("targets") ? List.of("targets") : List.of();
            default:
                return List.of();
        }
    }

    /** Registers {@code member} with {@code role}, in no council; signed by {@code by}, who must be an operator. */
    public long registerMember(NoteVerifier member, Role role, NoteSigner by) throws IOException {
        return registerMember(member, role, List.of(), Map.of(), by);
    }

    /**
     * Registers {@code member} with {@code role}, as a member of {@code councils} with attributes
     * {@code attrs} (in the order given); registering a registered key replaces all three from this
     * entry on. Signed by {@code by}, who must be an operator.
     */
    public long registerMember(NoteVerifier member, Role role, List<String> councils, Map<String, String> attrs,
                               NoteSigner by) throws IOException {
        ObjectNode body = Canonical.MAPPER.createObjectNode();
        body.put("vkey", member.toString());
        body.put("role", role.id());
        var c = body.putArray("councils");
        for (String name : councils) {
            c.add(name);
        }
        ObjectNode a = body.putObject("attrs");
        attrs.forEach(a::put);
        String why = EventBodies.problem(Event.sign(EventTypes.MEMBER_REGISTERED, body, by, clock.instant()));
        if (why != null) {
            throw new RecordException("refused, nothing recorded: " + why);
        }
        return append(EventTypes.MEMBER_REGISTERED, body, by);
    }

    /**
     * Revokes the member {@code signer} ({@code <name>+<key id>}): from this entry on it may sign
     * nothing; its earlier events stay valid. Signed by {@code by}, who must be an operator.
     */
    public long revokeMember(String signer, NoteSigner by) throws IOException {
        ObjectNode body = Canonical.MAPPER.createObjectNode();
        body.put("signer", signer);
        return append(EventTypes.MEMBER_REVOKED, body, by);
    }

    /** What a publishing event recorded. */
    public record Recorded(long index, String type, String hash) {}

    /**
     * Publishes an economy read from any form. Its content is the economy's bulk folder form as
     * Gosplan writes it, in one file ({@link EconomyBundle}): one deterministic serialisation, so
     * equal economies have equal hashes, streamed to the store through scratch files.
     */
    public Recorded publishEconomy(Path source, NoteSigner by, org.gosplan.economy.Progress progress)
            throws IOException {
        Source s = EconomyFiles.read(source, progress);
        // Check the role before storing anything.
        checkMayRecord(EventTypes.ECONOMY_PUBLISHED, by);
        Path work = scratchFolder();
        try {
            Path bundle = work.resolve("economy.bundle");
            EconomyBundle.write(s.economy(), bundle, work);
            String hash = content.put(bundle);
            ObjectNode body = Canonical.MAPPER.createObjectNode();
            body.put("hash", hash);
            body.put("bytes", Files.size(bundle));
            body.put("form", formName(s.form()));
            body.put("name", s.economy().name());
            body.put("content", EconomyBundle.MAGIC);
            return new Recorded(append(EventTypes.ECONOMY_PUBLISHED, body, by), EventTypes.ECONOMY_PUBLISHED, hash);
        } finally {
            EconomyBundle.deleteTree(work);
        }
    }

    /** Sets targets (a targets.csv) for the latest economy. */
    public Recorded setTargets(Path targetsFile, NoteSigner by) throws IOException {
        Snapshot.Published economy = snapshot().economy();
        if (economy == null) {
            throw new RecordException("no economy is recorded yet; an operator records one first with"
                    + " 'gosplan record DIR economy ECONOMY'");
        }
        checkMayRecord(EventTypes.TARGETS_SET, by);
        String hash = storeTargets(targetsFile, economy.hash());
        ObjectNode body = Canonical.MAPPER.createObjectNode();
        body.put("hash", hash);
        body.put("economy", economy.hash());
        return new Recorded(append(EventTypes.TARGETS_SET, body, by), EventTypes.TARGETS_SET, hash);
    }

    /**
     * Reads a targets.csv against the stored economy {@code economyHash} (an {@code EconomyException}
     * naming the file and line for products it lacks) and stores it beside the log. Returns the
     * content's hash.
     */
    public String storeTargets(Path targetsFile, String economyHash) throws IOException {
        return storeTargets(EconomyFiles.readTargets(targetsFile, economy(economyHash)));
    }

    /**
     * Stores the targets of {@code economy} beside the log in Gosplan's own form, so equal targets
     * have equal hashes. Returns the content's hash.
     */
    public String storeTargets(Economy economy) throws IOException {
        Path tmp = scratchFile(".targets.csv");
        try {
            EconomyFiles.writeTargets(economy, tmp);
            return content.put(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Refuses, before anything is stored, a signer that may not record {@code type} as the log
     * stands now (unregistered, revoked or of another role); {@link #append(Event)} checks again
     * under the log's lock.
     */
    public synchronized void checkMayRecord(String type, NoteSigner by) throws IOException {
        long size = log.size();
        if (size != folded) {
            snapshot = fold(snapshot, folded, size, null, seen);
            folded = size;
        }
        checkHoldsEvents(size);
        Member m = snapshot.member(Keys.signerName(by.verifier()));
        if (m == null) {
            throw new RecordException(RecordException.Kind.FORBIDDEN, "refused, nothing recorded: key '"
                    + Keys.signerName(by.verifier())
                    + "' is not a registered member; an operator registers it with 'gosplan record DIR member "
                    + by.verifier() + " --role ROLE'");
        }
        if (m.isRevoked()) {
            throw new RecordException(RecordException.Kind.FORBIDDEN, "refused, nothing recorded: '" + m.signer()
                    + "' was revoked at entry "
                    + m.revoked() + "; from then on it may sign nothing");
        }
        if (!m.role().mayRecord(type)) {
            throw new RecordException(RecordException.Kind.FORBIDDEN, "refused, nothing recorded: '"
                    + Keys.signerName(m.key()) + "' has role "
                    + m.role().id() + ", which may not record " + type);
        }
    }

    /** Reads a stored economy (a bundle; economy JSON is read too). */
    public Economy economy(String hash) throws IOException {
        Path work = scratchFolder();
        try {
            Path file = work.resolve("economy.content");
            try (InputStream in = content.open(hash)) {
                Files.copy(in, file);
            }
            if (EconomyBundle.isBundle(file)) {
                return EconomyBundle.read(file, work);
            }
            Path json = work.resolve("stored.economy.json");
            Files.move(file, json);
            return EconomyFiles.readEconomy(json);
        } finally {
            EconomyBundle.deleteTree(work);
        }
    }

    /** Reads a stored economy with stored targets in place of its own. */
    public Economy economyWithTargets(String economyHash, String targetsHash) throws IOException {
        Economy e = economy(economyHash);
        Path tmp = materialise(targetsHash, ".targets.csv");
        try {
            return EconomyFiles.readStoredTargets(tmp, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@code economy} with the stored targets {@code targetsHash} in place of its own. */
    public Economy withStoredTargets(Economy economy, String targetsHash) throws IOException {
        Path tmp = materialise(targetsHash, ".targets.csv");
        try {
            return EconomyFiles.readStoredTargets(tmp, economy);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path materialise(String hash, String suffix) throws IOException {
        Path tmp = scratchFile(suffix);
        try (InputStream in = content.open(hash)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        return tmp;
    }

    private Path scratchRoot() {
        return scratch == null ? Path.of(System.getProperty("java.io.tmpdir")) : scratch.resolve("content");
    }

    private Path scratchFolder() throws IOException {
        Path dir = scratchRoot();
        Files.createDirectories(dir);
        return Files.createTempDirectory(dir, ".scratch-");
    }

    private Path scratchFile(String suffix) throws IOException {
        Path dir = scratchRoot();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, ".scratch-", suffix);
    }

    private static String formName(Source.Form f) {
        switch (f) {
            case ECONOMY_JSON: return "economy-json";
            case ECONOMY_FOLDER: return "economy-folder";
            default: return "io-table";
        }
    }

    /**
     * Recomputes a recorded plan. Returns null when the recomputed plan has the recorded hash,
     * else what differs (the first products and levels).
     */
    public interface PlanReplay {
        String replay(Record record, Event planEvent, long index) throws IOException;
    }

    /**
     * Checks every event: its form, signature, signer registration and role at that point of
     * the log, and every content hash; with {@code replay}, recomputes every plan. (The Merkle
     * tree and checkpoints are the ledger's to verify.)
     */
    public Verification verify(PlanReplay replay) throws IOException {
        return verify(replay, null);
    }

    /**
     * Recounts a recorded tally from the log. Returns null when the recount gives the recorded
     * winners, result hash and adopted targets, else what differs.
     */
    public interface TallyRecount {
        /** {@code before} is the snapshot the tally was recorded on (its size is {@code index}). */
        String recount(Record record, Snapshot before, Event tallyEvent, long index) throws IOException;
    }

    /** As {@link #verify(PlanReplay)}, and with {@code tallies} every {@code ballot.tallied} event is recounted. */
    public Verification verify(PlanReplay replay, TallyRecount tallies) throws IOException {
        Verification v = new Verification();
        Set<String> checked = new HashSet<>();
        Set<String> bad = new HashSet<>();
        Snapshot s = Snapshot.genesis(log.key());
        long size = log.size();
        for (long i = 0; i < size; i++) {
            v.countEvent();
            Event e;
            try {
                e = event(i);
            } catch (RecordException | org.gosplan.ledger.LedgerException x) {
                v.problem(x.getMessage());
                continue;
            }
            String at = "entry " + i + " (" + e.type() + " by " + e.signer() + ")";
            if (!EventTypes.KNOWN.contains(e.type())) {
                v.note(at + ": unknown event type, skipped");
                continue;
            }
            String why = s.refusal(e);
            if (why != null) {
                v.problem(at + ": " + why);
                continue;
            }
            boolean inputsIntact = true;
            for (String field : contentFields(e)) {
                String h = e.body().get(field).asText();
                if (bad.contains(h)) {
                    inputsIntact &= field.equals("plan");
                    continue;
                }
                if (!checked.add(h)) {
                    continue;
                }
                if (!content.contains(h)) {
                    v.problem(at + ": its " + field + " content " + h + " is missing");
                    bad.add(h);
                    inputsIntact &= field.equals("plan");
                } else {
                    String actual = content.rehash(h);
                    if (!actual.equals(h)) {
                        v.problem(at + ": its " + field + " content " + h + " was altered (its bytes now hash to "
                                + actual + ")");
                        bad.add(h);
                        inputsIntact &= field.equals("plan");
                    }
                }
            }
            if (e.type().equals(EventTypes.ECONOMY_PUBLISHED)) {
                String h = e.body().get("hash").asText();
                if (content.contains(h) && content.size(h) != e.body().get("bytes").asLong()) {
                    v.problem(at + ": the event says " + e.body().get("bytes").asLong() + " bytes but the content has "
                            + content.size(h));
                }
            }
            if (e.type().equals(EventTypes.PLAN_COMPUTED)) {
                v.countPlan();
                long read = e.body().get("size").asLong();
                if (read < 0 || read > i) {
                    v.problem(at + ": it says it read tree size " + read + ", which the log had not reached");
                } else if (!log.root(read).equals(e.body().get("root").asText())) {
                    v.problem(at + ": the root it names for tree size " + read + " is not the log's root at that size");
                } else if (replay != null && !inputsIntact) {
                    v.problem(at + ": not replayed, its recorded economy or targets are missing or altered");
                } else if (replay != null) {
                    // A replay that cannot run (inputs that no longer read as an economy, a
                    // planner refusal) is a failed verification of this plan, not a crash.
                    String diff;
                    try {
                        diff = replay.replay(this, e, i);
                    } catch (RecordException | org.gosplan.economy.EconomyException
                            | org.gosplan.planner.PlannerException x) {
                        diff = "it cannot be recomputed: " + x.getMessage();
                    }
                    v.countReplay();
                    if (diff != null) {
                        v.problem(at + ": replay gives a different plan: " + diff);
                    }
                }
            }
            if (e.type().equals(EventTypes.BALLOT_TALLIED) && tallies != null) {
                String diff;
                try {
                    diff = tallies.recount(this, s, e, i);
                } catch (RuntimeException x) {
                    diff = "it cannot be recounted: " + x.getMessage();
                }
                v.countTally();
                if (diff != null) {
                    v.problem(at + ": the tally of ballot " + e.body().get("ballot").asLong() + " is false: " + diff);
                }
            }
            s = s.apply(e, i);
        }
        return v;
    }

    /** Refusals found while folding the whole log (for verification). */
    public List<String> refusals() throws IOException {
        List<String> out = new ArrayList<>();
        fold(Snapshot.genesis(log.key()), 0, log.size(), out, null);
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            content.close();
        } finally {
            log.close();
        }
    }
}
