package org.gosplan.ledger;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A log in a data directory: append-only files written at explicit offsets, and one small commit
 * record that says how much of them is committed.
 *
 * <pre>
 *   head             two 512-byte commit-record slots, written alternately (see {@link Head})
 *   entries          records: u32 length, u32 CRC-32C of the bytes, the bytes
 *   entries.index    u64 end offset of each entry's record in "entries"
 *   hashes.0         leaf hashes, 32 bytes each (tile level 0 = tree level 0)
 *   hashes.1 ...     kept hashes of tree level 8, 16, ... (see {@link Tiles}); made when first needed
 *   checkpoints      records: u32 length, u32 CRC-32C, the signed checkpoint note (UTF-8)
 *   log.vkey         the log's verifier key (its name is the origin)
 *   log.key          the log's signing key, mode 0600
 *   lock             locked (fcntl) by the process appending a group, for that group only
 * </pre>
 *
 * <p>A group commit takes the writer's lock ({@link DirLock}: threads and processes take
 * turns), re-reads the commit record (another process may have appended since), writes its bytes
 * into every file at the offsets the record gives and fdatasyncs them in one parallel round,
 * together with the commit record it started from (so the record on disk never names bytes that
 * are not durable). It then writes, without syncing, the record that names the group, so the
 * next writer starts from it, and lets go of the lock; the next round syncs that record. A group
 * is acknowledged once its round is done. A writer that stops without writing its last record
 * leaves whole entries after it: the next writer to take the lock (or any opener, when no one
 * holds it) finds them by their index offsets, record checksums and leaf hashes, stops at the
 * first that does not check out, and records them ({@link #recover}). Readers never look past
 * the record; bytes past the recovered end are overwritten later. So a crash at any instant
 * loses nothing acknowledged and leaves nothing partial visible.
 *
 * <p>A record is only ever written into its slot while the record before it (in the other slot)
 * is durable, so a torn write leaves a valid record behind.
 */
final class FileStore implements Store {
    static final String HEAD = "head";
    static final String ENTRIES = "entries";
    static final String INDEX = "entries.index";
    static final String CHECKPOINTS = "checkpoints";
    static final String VKEY = "log.vkey";
    static final String KEY = "log.key";
    static final String LOCK = "lock";

    private final Path dir;
    private final boolean writable;
    private final FileChannel headFile;
    private final FileChannel entries;
    private final FileChannel index;
    private final FileChannel checkpointsFile;
    private final FileChannel[] hashes = new FileChannel[Tiles.LEVELS];
    private final String vkeyText;
    // head: the committed state as last seen (under the lock, acknowledged appends included);
    // written: the record last written into the head file; durable: the record last synced, null
    // when unknown (another process may have written the one on disk without syncing it).
    // ahead: the state after every group written under the lock, durable or not (head until a
    // pipelined group is written); toSync: the files written since the last round of syncs.
    private volatile Head head;
    private Head ahead;
    private Head written;
    private Head durable;
    private final java.util.Set<FileChannel> toSync = new java.util.LinkedHashSet<>();
    private final DirLock lock; // null when the directory is read-only
    private boolean appended;
    private List<String> checkpointCache;

    private FileStore(Path dir) throws IOException {
        this.dir = dir;
        if (!Files.isRegularFile(dir.resolve(HEAD))) {
            if (!Files.isDirectory(dir)) {
                throw new LedgerException(dir + ": no such log directory; make one with 'gosplan log init " + dir
                        + " --origin NAME'");
            }
            throw new LedgerException(dir + " is not a log directory (it has no 'head' file); make one with"
                    + " 'gosplan log init DIR --origin NAME'");
        }
        this.writable = Files.isWritable(dir) && Files.isWritable(dir.resolve(HEAD));
        headFile = open(HEAD);
        entries = open(ENTRIES);
        index = open(INDEX);
        checkpointsFile = open(CHECKPOINTS);
        for (int l = 0; l < Tiles.LEVELS; l++) {
            if (Files.exists(hashFile(l))) {
                hashes[l] = open(hashFile(l).getFileName().toString());
            }
        }
        String v;
        try {
            // Decoded leniently: a damaged key file is reported by verify, not by a decoding error.
            v = new String(Files.readAllBytes(dir.resolve(VKEY)), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            v = "";
        }
        vkeyText = v;
        head = Head.read(headFile, dir.resolve(HEAD).toString()).current;
        ahead = head;
        written = head;
        if (!writable) {
            lock = null;
            return;
        }
        lock = DirLock.of(dir.toRealPath(), dir.resolve(LOCK));
        try {
            // When no one appends (the lock is free), whatever a dead writer committed after its
            // last commit record is recovered now, so every reader sees it.
            if (lock.tryLock()) {
                try {
                    recover();
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private Path hashFile(int tileLevel) {
        return dir.resolve("hashes." + tileLevel);
    }

    private FileChannel open(String name) throws IOException {
        Path p = dir.resolve(name);
        if (!Files.exists(p)) {
            throw new LogDamagedException(p.toString(), "missing from the log directory");
        }
        return writable ? FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(p, StandardOpenOption.READ);
    }

    /** Opens an existing log directory. */
    static FileStore open(Path dir) throws IOException {
        return new FileStore(dir);
    }

    /** Makes a new log directory (empty or absent) and opens it. */
    static FileStore create(Path dir, NoteSigner signer, Checkpoint empty) throws IOException {
        if (Files.exists(dir.resolve(HEAD))) {
            throw new LedgerException(dir + " already holds a log; choose another directory");
        }
        if (Files.isRegularFile(dir)) {
            throw new LedgerException(dir + " is a file; give a directory (new or empty) for the log");
        }
        Files.createDirectories(dir);
        try (var s = Files.list(dir)) {
            if (s.findAny().isPresent()) {
                throw new LedgerException(dir + " is not empty; give a new or empty directory for the log");
            }
        }
        Path key = dir.resolve(KEY);
        Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        writeSynced(key, (signer + "\n").getBytes(StandardCharsets.UTF_8));
        writeSynced(dir.resolve(VKEY), (signer.verifier() + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] cp = record(empty.toString().getBytes(StandardCharsets.UTF_8));
        writeSynced(dir.resolve(CHECKPOINTS), cp);
        for (String name : new String[] {ENTRIES, INDEX, "hashes.0", LOCK}) {
            writeSynced(dir.resolve(name), new byte[0]);
        }
        // The commit record last: a directory without it is not a log.
        Head h = new Head(1, 0, 0, cp.length, 1);
        try (FileChannel c = FileChannel.open(dir.resolve(HEAD), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            writeFully(c, ByteBuffer.allocate(2 * Head.SLOT), 0);
            h.write(c);
        }
        syncDirectory(dir);
        return new FileStore(dir);
    }

    private static void writeSynced(Path p, byte[] bytes) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            writeFully(c, ByteBuffer.wrap(bytes), 0);
            c.force(true);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the files themselves are synced.
        }
    }

    /** A record of the entries and checkpoints files: length, CRC-32C, bytes. */
    static byte[] record(byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(data.length).putInt(crc(data, 0, data.length)).put(data);
        return b.array();
    }

    static int crc(byte[] data, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(data, offset, length);
        return (int) c.getValue();
    }

    static void writeFully(FileChannel c, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            p += c.write(b, p);
        }
    }

    static void readFully(FileChannel c, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            int n = c.read(b, p);
            if (n < 0) {
                throw new EOFException("unexpected end of file");
            }
            p += n;
        }
    }

    @Override
    public String origin() {
        int plus = vkeyText.indexOf('+');
        return plus < 0 ? vkeyText : vkeyText.substring(0, plus);
    }

    @Override
    public String verifierKey() {
        return vkeyText;
    }

    @Override
    public String signerKey() throws IOException {
        try {
            return new String(Files.readAllBytes(dir.resolve(KEY)), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LedgerException(dir.resolve(KEY) + ": the log's signing key is missing; it cannot sign checkpoints");
        } catch (AccessDeniedException e) {
            throw new LedgerException(dir.resolve(KEY) + ": permission denied reading the log's signing key");
        }
    }

    @Override
    public long size() {
        return head.size;
    }

    @Override
    public String describe() {
        return dir.toString();
    }

    @Override
    public byte[] entry(long i) throws IOException {
        Head h = head;
        if (i < 0 || i >= h.size) {
            throw new LedgerException("entry " + i + " does not exist: the log has " + h.size + " entries");
        }
        long start = 0;
        long end;
        if (i == 0) {
            ByteBuffer b = ByteBuffer.allocate(8);
            readFully(index, b, 0);
            end = b.getLong(0);
        } else {
            ByteBuffer b = ByteBuffer.allocate(16);
            readFully(index, b, 8 * (i - 1));
            start = b.getLong(0);
            end = b.getLong(8);
        }
        if (start < 0 || end < start + 8 || end > h.dataEnd || end - start - 8 > Integer.MAX_VALUE - 8) {
            throw new LogDamagedException(dir.resolve(INDEX).toString(), "the offsets of entry " + i
                    + " are damaged; run 'gosplan log verify'");
        }
        ByteBuffer b = ByteBuffer.allocate((int) (end - start));
        readFully(entries, b, start);
        byte[] rec = b.array();
        String damage = damage(rec, 0, rec.length);
        if (damage != null) {
            throw new LogDamagedException(dir.resolve(ENTRIES).toString(), "entry " + i + " " + damage
                    + "; run 'gosplan log verify'");
        }
        return Arrays.copyOfRange(rec, 8, rec.length);
    }

    /**
     * One read of the index and one of the entries' records for the whole run (a long log read
     * from its start costs two system calls a run, not two an entry); each record is checked as
     * {@link #entry} checks it.
     */
    @Override
    public byte[][] entries(long from, int count) throws IOException {
        return read(from, count, false);
    }

    /** The leaf hashes hashed where the entries lie in the one buffer read, not each copied out first. */
    @Override
    public byte[][] leafHashes(long from, int count) throws IOException {
        return read(from, count, true);
    }

    /**
     * Hashed where the entries lie in the one buffer read: each leaf in one digest call (the last
     * byte of the record's checksum, once checked, is the leaf's 0x00 prefix), into one array of
     * hashes folded in place.
     */
    @Override
    public byte[] rangeRoot(long from, int count) throws IOException {
        checkRange(from, count);
        ByteBuffer ends = ends(from, count);
        long start = ends.getLong(0);
        long last = ends.getLong(8 * count);
        if (count == 0 || !oneBuffer(start, last)) {
            return Store.super.rangeRoot(from, count);
        }
        byte[] all = readBuffer((int) (last - start));
        readFully(entries, ByteBuffer.wrap(all, 0, (int) (last - start)), start);
        byte[] hashes = new byte[Merkle.HASH_SIZE * count];
        for (int i = 0; i < count; i++) {
            long s = ends.getLong(8 * i) - start;
            long e = ends.getLong(8 * (i + 1)) - start;
            if (e < s + 8 || damage(all, (int) s, (int) (e - s)) != null) {
                // throws the damage, naming the entry (or reads it whole, as read() does)
                System.arraycopy(Merkle.leafHash(entry(from + i)), 0, hashes, Merkle.HASH_SIZE * i, Merkle.HASH_SIZE);
                continue;
            }
            Merkle.leafHashAfterFreeByte(all, (int) s + 8, (int) (e - s - 8), hashes, Merkle.HASH_SIZE * i);
        }
        return Merkle.rootOfLeafHashes(hashes, count);
    }

    // One read buffer per thread, kept between the chunks of a root check (softly: memory may take
    // it back): a fresh array of 5 MB per chunk is a humongous allocation in G1, and they started
    // about 20 young collections in an opening of 2,000,000 entries.
    private static final ThreadLocal<java.lang.ref.SoftReference<byte[]>> READ_BUFFER = new ThreadLocal<>();

    private static byte[] readBuffer(int length) {
        java.lang.ref.SoftReference<byte[]> kept = READ_BUFFER.get();
        byte[] b = kept == null ? null : kept.get();
        if (b == null || b.length < length) {
            b = new byte[length];
            READ_BUFFER.set(new java.lang.ref.SoftReference<>(b));
        }
        return b;
    }

    private void checkRange(long from, int count) {
        Head h = head;
        if (from < 0 || count < 0 || from + count > h.size) {
            throw new LedgerException("entries " + from + ".." + (from + count) + " do not exist: the log has " + h.size
                    + " entries");
        }
    }

    /** The end offsets of entries {@code [from - 1, from + count)} in the entries file (0 before entry 0). */
    private ByteBuffer ends(long from, int count) throws IOException {
        ByteBuffer ends = ByteBuffer.allocate(8 * (count + 1));
        if (count == 0) {
            return ends;
        }
        if (from == 0) {
            ends.putLong(0, 0);
            readFully(index, ends.slice(8, 8 * count), 0);
        } else {
            readFully(index, ends, 8 * (from - 1));
        }
        return ends;
    }

    /** Whether the records from {@code start} to {@code last} are plausible and fit one buffer. */
    private boolean oneBuffer(long start, long last) {
        return start >= 0 && last >= start && last <= head.dataEnd && last - start <= Integer.MAX_VALUE - 8;
    }

    private byte[] readData(long start, long last) throws IOException {
        ByteBuffer data = ByteBuffer.allocate((int) (last - start));
        readFully(entries, data, start);
        return data.array();
    }

    /** Entries {@code [from, from + count)} read in one pass, or (with {@code hash}) their leaf hashes. */
    private byte[][] read(long from, int count, boolean hash) throws IOException {
        checkRange(from, count);
        if (count == 0) {
            return new byte[0][];
        }
        ByteBuffer ends = ends(from, count);
        long start = ends.getLong(0);
        long last = ends.getLong(8 * count);
        if (!oneBuffer(start, last)) {
            // damaged or too long for one buffer: entry by entry says which
            return hash ? Store.super.leafHashes(from, count) : Store.super.entries(from, count);
        }
        byte[] all = readData(start, last);
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            long s = ends.getLong(8 * i) - start;
            long e = ends.getLong(8 * (i + 1)) - start;
            if (e < s + 8 || damage(all, (int) s, (int) (e - s)) != null) {
                out[i] = entry(from + i); // throws the damage, naming the entry
                out[i] = hash ? Merkle.leafHash(out[i]) : out[i];
                continue;
            }
            out[i] = hash ? Merkle.leafHash(all, (int) s + 8, (int) (e - s - 8)) : Arrays.copyOfRange(all, (int) s + 8, (int) e);
        }
        return out;
    }

    private static final java.lang.invoke.VarHandle BIG_ENDIAN_INT =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /** Why the record at rec[offset, offset+length) is not whole, or null. */
    static String damage(byte[] rec, int offset, int length) {
        if (length < 8) {
            return "is shorter than its 8-byte header";
        }
        // read in place, not through a buffer made per record: a root check reads millions
        int len = (int) BIG_ENDIAN_INT.get(rec, offset);
        if (len != length - 8) {
            return "has a damaged length field (" + len + " where the index says " + (length - 8) + ")";
        }
        if ((int) BIG_ENDIAN_INT.get(rec, offset + 4) != crc(rec, offset + 8, len)) {
            return "does not match its checksum: its bytes were altered";
        }
        return null;
    }

    @Override
    public byte[][] runs(int[] tileLevels, long[] from, int[] counts) throws IOException {
        long size = head.size;
        byte[][] out = new byte[tileLevels.length][];
        for (int i = 0; i < tileLevels.length; i++) {
            int l = tileLevels[i];
            if (from[i] + counts[i] > Tiles.count(size, l) || hashes[l] == null) {
                throw new IllegalStateException("hashes " + from[i] + ".." + (from[i] + counts[i]) + " of tile level "
                        + l + " are not in a tree of size " + size);
            }
            ByteBuffer b = ByteBuffer.allocate(32 * counts[i]);
            readFully(hashes[l], b, 32 * from[i]);
            out[i] = b.array();
        }
        return out;
    }

    @Override
    public long beginAppend() throws IOException {
        if (lock == null) {
            throw new LedgerException(dir + ": permission denied: the log directory is read-only");
        }
        // Waits while another thread or process appends (not holding this store's monitor, so
        // readers here go on meanwhile).
        lock.lock();
        try {
            synchronized (this) {
                appended = true;
                recover();
            }
        } catch (IOException | RuntimeException e) {
            lock.unlock();
            throw e;
        }
        return head.size;
    }

    @Override
    public void commitAppend(long first, byte[][] batch, byte[] leafHashes, byte[][] upper) throws IOException {
        writeAppend(first, batch, leafHashes, upper);
        syncAppend().await();
    }

    @Override
    public boolean pipelines() {
        return true;
    }

    @Override
    public synchronized void writeAppend(long first, byte[][] batch, byte[] leafHashes, byte[][] upper)
            throws IOException {
        Head h = ahead;
        if (lock == null || !lock.heldHere() || first != h.size) {
            throw new IllegalStateException("append at " + first + " without the lock or off the written size "
                    + h.size);
        }
        int n = batch.length;
        long bytes = 8L * n;
        for (byte[] e : batch) {
            bytes += e.length;
        }
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a batch over 2 GB");
        }
        ByteBuffer data = ByteBuffer.allocate((int) bytes);
        ByteBuffer offsets = ByteBuffer.allocate(8 * n);
        long end = h.dataEnd;
        CRC32C crc = new CRC32C();
        for (byte[] e : batch) {
            crc.reset();
            crc.update(e, 0, e.length);
            data.putInt(e.length).putInt((int) crc.getValue()).put(e);
            end += 8 + e.length;
            offsets.putLong(end);
        }
        data.flip();
        offsets.flip();
        reserve(entries, ENTRIES, h.dataEnd + data.remaining());
        reserve(index, INDEX, 8 * (first + n));
        reserve(hashes[0], "hashes.0", 32 * (first + n));
        writeFully(entries, data, h.dataEnd);
        writeFully(index, offsets, 8 * first);
        writeFully(hashes[0], ByteBuffer.wrap(leafHashes), 32 * first);
        toSync.addAll(List.of(entries, index, hashes[0]));
        for (int l = 1; l < upper.length; l++) {
            if (upper[l] != null && upper[l].length > 0) {
                if (hashes[l] == null) {
                    Path p = hashFile(l);
                    hashes[l] = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                    syncDirectory(dir);
                }
                long at = 32 * (first >>> (Tiles.HEIGHT * l));
                reserve(hashes[l], hashFile(l).getFileName().toString(), at + upper[l].length);
                writeFully(hashes[l], ByteBuffer.wrap(upper[l]), at);
                toSync.add(hashes[l]);
            }
        }
        ahead = new Head(h.seq + 1, h.size + n, end, h.checkpointsEnd, h.checkpointCount);
    }

    /**
     * One fsync round for the groups written since the last: their files, and with them the
     * commit record of the state already durable (the groups of earlier rounds), all in parallel.
     * That record names only bytes synced in an earlier round, so it is never ahead of the data,
     * and it goes into its slot only while the record in the other slot is durable (the round
     * before has been awaited). The groups are acknowledged once their round is done; a crash
     * before the next round leaves them to recover(), which finds them whole by their checksums
     * and leaf hashes. The caller may write the next group while this round is in flight.
     */
    @Override
    public synchronized Round syncAppend() throws IOException {
        Head target = ahead;
        Head h = head;
        List<FileChannel> sync = new ArrayList<>(toSync);
        toSync.clear();
        boolean record = durable == null || durable.seq != h.seq;
        if (record) {
            h.put(headFile);
            written = h;
            sync.add(headFile);
        }
        List<java.util.concurrent.Future<?>> round = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(sync.size());
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        for (FileChannel c : sync) {
            round.add(SYNCERS.submit(() -> {
                try {
                    c.force(false);
                } finally {
                    if (left.decrementAndGet() == 0) {
                        done.complete(null);
                    }
                }
                return null;
            }));
        }
        return new Round() {
            @Override
            public void await() throws IOException {
                awaitAll(round);
                synchronized (FileStore.this) {
                    if (record && (durable == null || durable.seq < h.seq)) {
                        durable = h;
                    }
                    if (target.seq > head.seq) {
                        head = target;
                    }
                }
            }

            @Override
            public void whenDone(Runnable r) {
                done.thenRun(r);
            }

            @Override
            public boolean done() {
                return done.isDone();
            }
        };
    }

    /**
     * Writes (unsynced) the record of what this writer committed, so that the next writer, in
     * this process or another, starts from it; then lets go of the lock. The record before it is
     * durable, so the slot alternation is safe; the next commit round syncs it.
     */
    @Override
    public void endAppend() {
        try {
            synchronized (this) {
                // Groups written but not synced (a round that failed) are given up: the next
                // writer recovers whatever of them is whole, as after a crash.
                ahead = head;
                toSync.clear();
                Head h = head;
                if (written.seq != h.seq) {
                    h.put(headFile);
                    written = h;
                }
            }
        } catch (IOException e) {
            // Nothing is lost: the next writer recovers the group from its synced bytes.
        } finally {
            try {
                lock.unlock();
            } catch (IOException e) {
                // The lock goes with the channel when the store closes.
            }
        }
    }

    /** Writes and syncs the commit record of the current state, if the disk's is not known durable. */
    private void syncHead() throws IOException {
        Head h = head;
        if (durable == null || durable.seq != h.seq) {
            h.write(headFile);
            written = h;
            durable = h;
        }
    }

    /**
     * With the writer's lock held: reads the commit record, then takes in every entry after it
     * that a writer wrote whole before it stopped — index offset, record length and checksum, and
     * leaf hash all agreeing — stopping at the first that does not; recomputes the kept interior
     * hashes for them, syncs, and writes a commit record that names them. Entries acknowledged
     * by a writer that died are all found: their bytes were synced before acknowledgement.
     */
    private void recover() throws IOException {
        Head h = Head.read(headFile, dir.resolve(HEAD).toString()).current;
        // Files of kept hashes another writer made since this store opened.
        for (int l = 1; l < Tiles.LEVELS; l++) {
            if (hashes[l] == null && Files.exists(hashFile(l))) {
                hashes[l] = open(hashFile(l).getFileName().toString());
            }
        }
        if (h.seq != head.seq) {
            checkpointCache = null;
        }
        head = h;
        ahead = h;
        toSync.clear();
        written = h;
        // Another process may have written it without syncing: the next commit round syncs it.
        if (durable == null || durable.seq != h.seq) {
            durable = null;
        }
        long i = h.size;
        long end = h.dataEnd;
        java.io.ByteArrayOutputStream leaves = new java.io.ByteArrayOutputStream();
        while (8 * (i + 1) <= index.size() && 32 * (i + 1) <= hashes[0].size()) {
            ByteBuffer off = ByteBuffer.allocate(8);
            readFully(index, off, 8 * i);
            long next = off.getLong(0);
            if (next < end + 8 || next > entries.size() || next - end > Integer.MAX_VALUE) {
                break;
            }
            ByteBuffer rec = ByteBuffer.allocate((int) (next - end));
            readFully(entries, rec, end);
            if (damage(rec.array(), 0, rec.capacity()) != null) {
                break;
            }
            ByteBuffer stored = ByteBuffer.allocate(32);
            readFully(hashes[0], stored, 32 * i);
            byte[] leaf = Merkle.leafHash(rec.array(), 8, rec.capacity() - 8);
            if (!Arrays.equals(leaf, stored.array())) {
                break;
            }
            leaves.writeBytes(leaf);
            end = next;
            i++;
        }
        if (i == h.size) {
            return;
        }
        // The kept hashes of levels 8, 16, ... that the recovered entries complete.
        int[] levels = new int[64];
        long[] indices = new long[64];
        int k = CompactRange.borderNodes(h.size, levels, indices);
        byte[][] border = k == 0 ? new byte[0][]
                : Tiles.reader(this).nodes(Arrays.copyOf(levels, k), Arrays.copyOf(indices, k));
        CompactRange range = CompactRange.of(h.size, border);
        java.io.ByteArrayOutputStream[] upper = new java.io.ByteArrayOutputStream[Tiles.LEVELS];
        byte[] all = leaves.toByteArray();
        for (int j = 0; j < all.length / 32; j++) {
            range.append(Arrays.copyOfRange(all, 32 * j, 32 * j + 32), (level, idx, hash) -> {
                if (level > 0 && level % Tiles.HEIGHT == 0) {
                    int l = level / Tiles.HEIGHT;
                    if (upper[l] == null) {
                        upper[l] = new java.io.ByteArrayOutputStream();
                    }
                    upper[l].writeBytes(hash);
                }
            });
        }
        // The record found is synced with the data, so it is durable before the next slot is written.
        List<FileChannel> sync = new ArrayList<>(List.of(entries, index, hashes[0], headFile));
        for (int l = 1; l < Tiles.LEVELS; l++) {
            if (upper[l] != null) {
                if (hashes[l] == null) {
                    hashes[l] = FileChannel.open(hashFile(l), StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                    syncDirectory(dir);
                }
                long at = 32 * (h.size >>> (Tiles.HEIGHT * l));
                byte[] u = upper[l].toByteArray();
                reserve(hashes[l], hashFile(l).getFileName().toString(), at + u.length);
                writeFully(hashes[l], ByteBuffer.wrap(u), at);
                sync.add(hashes[l]);
            }
        }
        forceAll(sync);
        Head next = new Head(h.seq + 1, i, end, h.checkpointsEnd, h.checkpointCount);
        next.write(headFile);
        head = next;
        ahead = next;
        written = next;
        durable = next;
    }

    /**
     * Makes sure {@code c} extends to at least {@code needed} bytes of written zeros. Commits then
     * overwrite blocks that are already allocated and written, so their fdatasync need not commit
     * file-system metadata (the file's size, its extents): on ext4 that halves to quarters the cost
     * of a commit. The reserve grows by an eighth of the file, between 1 and 64 MB, and is synced
     * when made. Bytes past the commit record are never read, so the reserve is invisible.
     */
    private void reserve(FileChannel c, String name, long needed) throws IOException {
        long have = c.size();
        if (have >= needed) {
            return;
        }
        long grow = Math.max(needed - have, Math.min(64L << 20, Math.max(1L << 20, have / 8)));
        long target = have + grow;
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        for (long at = have; at < target; at += zeros.capacity()) {
            zeros.clear();
            zeros.limit((int) Math.min(zeros.capacity(), target - at));
            writeFully(c, zeros, at);
        }
        c.force(true);
    }

    // Two helpers sync the second and third file while the caller syncs the first.
    private static final java.util.concurrent.ExecutorService SYNCERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gosplan-ledger-fsync");
        t.setDaemon(true);
        return t;
    });

    private static void awaitAll(List<java.util.concurrent.Future<?>> round) throws IOException {
        IOException failed = null;
        for (java.util.concurrent.Future<?> f : round) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable t = e.getCause();
                failed = failed != null ? failed : t instanceof IOException ? (IOException) t : new IOException(t);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted during fsync");
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private static void forceAll(List<FileChannel> channels) throws IOException {
        List<java.util.concurrent.Future<?>> others = new ArrayList<>();
        for (int i = 1; i < channels.size(); i++) {
            FileChannel c = channels.get(i);
            others.add(SYNCERS.submit(() -> {
                c.force(false);
                return null;
            }));
        }
        channels.get(0).force(false);
        for (java.util.concurrent.Future<?> f : others) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable t = e.getCause();
                throw t instanceof IOException ? (IOException) t : new IOException(t);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted during fsync");
            }
        }
    }

    @Override
    public synchronized void addCheckpoint(Checkpoint checkpoint) throws IOException {
        if (lock == null || !lock.heldHere() || ahead.seq != head.seq) {
            throw new IllegalStateException("checkpoint without the lock, or with groups not yet durable");
        }
        syncHead(); // the slot alternation needs the record on disk to be the previous state's
        Head h = head;
        byte[] rec = record(checkpoint.toString().getBytes(StandardCharsets.UTF_8));
        writeFully(checkpointsFile, ByteBuffer.wrap(rec), h.checkpointsEnd);
        checkpointsFile.force(false);
        Head next = new Head(h.seq + 1, h.size, h.dataEnd, h.checkpointsEnd + rec.length, h.checkpointCount + 1);
        next.write(headFile);
        head = next;
        ahead = next;
        written = next;
        durable = next;
        if (checkpointCache != null) {
            checkpointCache.add(checkpoint.toString());
        }
    }

    // Append-only: the cosigned note is a record after the one it cosigns (Log reads the later).
    @Override
    public void replaceLatestCheckpoint(Checkpoint cosigned) throws IOException {
        addCheckpoint(cosigned);
    }

    @Override
    public synchronized List<String> checkpoints() throws IOException {
        if (checkpointCache == null) {
            List<String> out = new ArrayList<>();
            readCheckpoints(head, out, null);
            checkpointCache = out;
        }
        return new ArrayList<>(checkpointCache);
    }

    /** Reads the committed checkpoint records; damage goes to {@code problems} if given, else throws. */
    private void readCheckpoints(Head h, List<String> out, List<LogVerification.Problem> problems) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) h.checkpointsEnd);
        readFully(checkpointsFile, b, 0);
        byte[] all = b.array();
        int at = 0;
        String where = dir.resolve(CHECKPOINTS).toString();
        for (long k = 0; k < h.checkpointCount; k++) {
            if (at + 8 > all.length) {
                fail(problems, where, "checkpoint " + k + " is missing: the file ends early");
                return;
            }
            int len = ByteBuffer.wrap(all).getInt(at);
            if (len < 0 || at + 8L + len > all.length) {
                fail(problems, where, "checkpoint " + k + " has a damaged length field");
                return;
            }
            String d = damage(all, at, 8 + len);
            if (d != null) {
                fail(problems, where, "checkpoint " + k + " " + d);
                out.add(null);
            } else {
                out.add(new String(all, at + 8, len, StandardCharsets.UTF_8));
            }
            at += 8 + len;
        }
        if (at != all.length) {
            fail(problems, where, "the checkpoint records do not end where the commit record says");
        }
    }

    private static void fail(List<LogVerification.Problem> problems, String where, String message) {
        if (problems == null) {
            throw new LogDamagedException(where, message + "; run 'gosplan log verify'");
        }
        problems.add(new LogVerification.Problem(where, message));
    }

    @Override
    public void scan(EntryVisitor visitor) throws IOException {
        Head h = head;
        final int chunk = 1 << 16;
        long prevEnd = 0;
        for (long first = 0; first < h.size; first += chunk) {
            int n = (int) Math.min(chunk, h.size - first);
            ByteBuffer offs = ByteBuffer.allocate(8 * n);
            readFully(index, offs, 8 * first);
            ByteBuffer lh = ByteBuffer.allocate(32 * n);
            readFully(hashes[0], lh, 32 * first);
            byte[] leaf = lh.array();
            long start = prevEnd;
            long last = offs.getLong(8 * (n - 1));
            // Read the chunk's records at once when the offsets are sane and the span is modest.
            byte[] span = null;
            if (last >= start && last <= h.dataEnd && last - start <= (64 << 20)) {
                ByteBuffer b = ByteBuffer.allocate((int) (last - start));
                readFully(entries, b, start);
                span = b.array();
            }
            long spanStart = start;
            for (int j = 0; j < n; j++) {
                long i = first + j;
                long end = offs.getLong(8 * j);
                byte[] stored = Arrays.copyOfRange(leaf, 32 * j, 32 * j + 32);
                if (end < start + 8 || end > h.dataEnd || end - start > Integer.MAX_VALUE) {
                    visitor.entry(i, null, stored, "its end offset in " + INDEX + " (" + end + ") is impossible after "
                            + start + " (the index was altered)");
                    // Resynchronise on the next offset that makes sense.
                    continue;
                }
                byte[] rec;
                int off;
                if (span != null && end <= spanStart + span.length && start >= spanStart) {
                    rec = span;
                    off = (int) (start - spanStart);
                } else {
                    ByteBuffer b = ByteBuffer.allocate((int) (end - start));
                    readFully(entries, b, start);
                    rec = b.array();
                    off = 0;
                }
                int len = (int) (end - start);
                String d = damage(rec, off, len);
                visitor.entry(i, Arrays.copyOfRange(rec, off + 8, off + len), stored, d == null ? null : "its record "
                        + d);
                start = end;
            }
            prevEnd = start;
        }
        if (prevEnd != h.dataEnd) {
            visitor.entry(h.size, null, null, "the entries end at byte " + prevEnd + " but the commit record says "
                    + h.dataEnd);
        }
    }

    @Override
    public List<LogVerification.Problem> checkStructure() throws IOException {
        List<LogVerification.Problem> problems = new ArrayList<>();
        Head.Both both = Head.read(headFile, dir.resolve(HEAD).toString());
        if (both.otherDamaged) {
            problems.add(new LogVerification.Problem(dir.resolve(HEAD).toString(), "a commit-record slot is damaged"
                    + " (an altered byte, or a crash while committing)"));
        }
        Head h = head;
        check(problems, ENTRIES, entries, h.dataEnd);
        check(problems, INDEX, index, 8 * h.size);
        check(problems, CHECKPOINTS, checkpointsFile, h.checkpointsEnd);
        for (int l = 0; l < Tiles.LEVELS; l++) {
            long want = 32 * Tiles.count(h.size, l);
            if (hashes[l] == null) {
                if (want > 0) {
                    problems.add(new LogVerification.Problem(hashFile(l).toString(), "missing"));
                }
            } else {
                check(problems, hashFile(l).getFileName().toString(), hashes[l], want);
            }
        }
        NoteVerifier v = null;
        try {
            v = NoteVerifier.parse(vkeyText);
        } catch (LedgerException e) {
            problems.add(new LogVerification.Problem(dir.resolve(VKEY).toString(), "damaged: " + e.getMessage()));
        }
        if (Files.exists(dir.resolve(KEY)) && Files.isReadable(dir.resolve(KEY))) {
            try {
                NoteSigner s = NoteSigner.parse(signerKey(), dir.resolve(KEY).toString());
                if (v != null && !s.verifier().equals(v)) {
                    problems.add(new LogVerification.Problem(dir.resolve(KEY).toString(), "the signing key does not"
                            + " belong to the verifier key in " + VKEY));
                }
            } catch (LedgerException e) {
                problems.add(new LogVerification.Problem(dir.resolve(KEY).toString(), "damaged: " + e.getMessage()));
            }
        }
        List<String> cps = new ArrayList<>();
        readCheckpoints(h, cps, problems);
        return problems;
    }

    private void check(List<LogVerification.Problem> problems, String name, FileChannel c, long want)
            throws IOException {
        if (c.size() < want) {
            problems.add(new LogVerification.Problem(dir.resolve(name).toString(), "is " + c.size() + " bytes but the"
                    + " commit record says " + want + ": it was cut short"));
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        if (appended) {
            // The last writer's record is written but perhaps not synced: sync it, so the
            // directory is left with nothing to recover.
            try {
                lock.lock();
                try {
                    headFile.force(false);
                } finally {
                    lock.unlock();
                }
            } catch (IOException e) {
                first = e;
            }
        }
        List<AutoCloseable> all = new ArrayList<>(List.of(headFile, entries, index, checkpointsFile));
        for (FileChannel c : hashes) {
            if (c != null) {
                all.add(c);
            }
        }
        if (lock != null) {
            all.add(lock::close);
        }
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof IOException ? (IOException) e : new IOException(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * The commit record: sequence number, committed entry count, the committed lengths of the
     * entries and checkpoints files, the checkpoint count, and a CRC-32C over all of it. Two slots
     * at offsets 0 and 512 (separate disk sectors); record {@code seq} goes to slot {@code seq % 2}
     * and the valid slot with the higher sequence number is current.
     */
    static final class Head {
        static final int SLOT = 512;
        private static final long MAGIC = 0x47534c4f47303031L; // "GSLOG001"
        final long seq;
        final long size;
        final long dataEnd;
        final long checkpointsEnd;
        final long checkpointCount;

        Head(long seq, long size, long dataEnd, long checkpointsEnd, long checkpointCount) {
            this.seq = seq;
            this.size = size;
            this.dataEnd = dataEnd;
            this.checkpointsEnd = checkpointsEnd;
            this.checkpointCount = checkpointCount;
        }

        void write(FileChannel c) throws IOException {
            put(c);
            c.force(false);
        }

        /** Writes the record into its slot without syncing. */
        void put(FileChannel c) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(52);
            b.putLong(MAGIC).putLong(seq).putLong(size).putLong(dataEnd).putLong(checkpointsEnd).putLong(checkpointCount);
            b.putInt(crc(b.array(), 0, 48));
            b.flip();
            writeFully(c, b, (seq & 1) * SLOT);
        }

        record Both(Head current, boolean otherDamaged) {}

        static Both read(FileChannel c, String where) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(2 * SLOT);
            long n = c.size();
            if (n < 52) {
                throw new LogDamagedException(where, "the commit record is missing (the file has " + n + " bytes)");
            }
            b.limit((int) Math.min(n, 2 * SLOT));
            readFully(c, b, 0);
            Head[] slots = new Head[2];
            boolean[] blank = new boolean[2];
            for (int s = 0; s < 2; s++) {
                int off = s * SLOT;
                if (off + 52 > b.limit()) {
                    blank[s] = true;
                    continue;
                }
                byte[] a = b.array();
                blank[s] = true;
                for (int i = off; i < off + 52; i++) {
                    blank[s] &= a[i] == 0;
                }
                ByteBuffer r = ByteBuffer.wrap(a, off, 52);
                // The rest of the slot is zeros: a byte altered there is damage too.
                boolean padding = true;
                for (int i = off + 52; i < Math.min(off + SLOT, b.limit()); i++) {
                    padding &= a[i] == 0;
                }
                if (padding && r.getLong(off) == MAGIC && r.getInt(off + 48) == crc(a, off, 48)) {
                    Head h = new Head(r.getLong(off + 8), r.getLong(off + 16), r.getLong(off + 24), r.getLong(off + 32),
                            r.getLong(off + 40));
                    if ((h.seq & 1) == s && h.size >= 0 && h.dataEnd >= 0 && h.checkpointsEnd >= 0) {
                        slots[s] = h;
                    }
                }
            }
            Head cur = slots[0] == null ? slots[1]
                    : slots[1] == null ? slots[0] : slots[0].seq > slots[1].seq ? slots[0] : slots[1];
            if (cur == null) {
                throw new LogDamagedException(where, "no valid commit record: both slots are damaged");
            }
            int other = (int) ((cur.seq + 1) & 1);
            return new Both(cur, slots[other] == null && !blank[other]);
        }
    }
}
