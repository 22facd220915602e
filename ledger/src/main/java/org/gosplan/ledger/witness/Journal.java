package org.gosplan.ledger.witness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.LedgerException;

/**
 * The witness's state: an append-only file with one line per cosigned checkpoint, the base64 of
 * the whole cosigned note. The last line of an origin is its state; the earlier ones are the
 * history that {@code witness evidence} compares refused checkpoints with.
 *
 * <p>Appends are group-committed: the first thread to find no flush under way writes every line
 * queued so far and forces the file once, the others wait for it, so 32 concurrent requests cost
 * about one fsync, not 32. {@link #append} returns only once its line is on disk.
 */
final class Journal implements AutoCloseable {
    static final String FILE = "cosigned";
    static final String HISTORY = "history";
    /** Rotated above this size when the witness starts: about 160,000 cosignatures. */
    static final long ROTATE_BYTES = 64L << 20;

    private final FileChannel channel;
    private final Object lock = new Object();
    private ByteArrayOutputStream queued = new ByteArrayOutputStream();
    private long queuedSeq;
    private long durableSeq;
    private boolean flushing;
    private IOException failure;
    private long flushes;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens the journal in {@code dir}, handing each complete line's checkpoint to {@code sink} in
     * order. A last line without its newline was never acknowledged (the answer waits for the
     * fsync): it is cut off. A line that does not parse anywhere else means the file is damaged.
     * A journal above {@code rotateBytes} is rotated: its lines move to {@code history/} and the new
     * one starts with the last line of each origin, so that starting stays quick.
     */
    static Journal open(Path dir, java.util.function.Consumer<Checkpoint> sink, long rotateBytes)
            throws IOException {
        Path file = dir.resolve(FILE);
        Path fresh = dir.resolve(FILE + ".new");
        if (!Files.exists(file) && Files.exists(fresh)) {
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE); // a rotation stopped between its renames
        } else {
            Files.deleteIfExists(fresh); // a rotation stopped before them: the old journal still holds all
        }
        byte[] all = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        int good = 0;
        int line = 0;
        Map<String, String> last = new LinkedHashMap<>();
        for (int at = 0; at < all.length; ) {
            int nl = at;
            while (nl < all.length && all[nl] != '\n') {
                nl++;
            }
            if (nl == all.length) {
                break; // torn tail
            }
            line++;
            String text = new String(all, at, nl - at, StandardCharsets.US_ASCII);
            Checkpoint c = parse(text, file, line);
            sink.accept(c);
            last.remove(c.origin());
            last.put(c.origin(), text);
            at = nl + 1;
            good = at;
        }
        if (good > rotateBytes) {
            rotate(dir, last.values(), good);
            good = (int) Files.size(file);
            all = new byte[good];
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (good < all.length) {
            ch.truncate(good);
            ch.force(true);
        }
        ch.position(good);
        return new Journal(ch);
    }

    /** Moves the journal's first {@code length} bytes to history/ and starts it again from {@code latest}. */
    private static void rotate(Path dir, Collection<String> latest, int length) throws IOException {
        Path file = dir.resolve(FILE);
        Path fresh = dir.resolve(FILE + ".new");
        Path history = dir.resolve(HISTORY);
        Files.createDirectories(history);
        try (FileChannel ch = FileChannel.open(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            StringBuilder b = new StringBuilder();
            for (String l : latest) {
                b.append(l).append('\n');
            }
            ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.US_ASCII));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(length); // without a torn tail
            ch.force(true);
        }
        Path old = history.resolve(String.format("%s-%020d", FILE, System.currentTimeMillis()));
        Files.move(file, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    /**
     * Every checkpoint the witness cosigned, oldest first: the rotated journals in {@code history/}
     * (whose last lines the current journal repeats), then the current one. Read-only.
     */
    static List<Checkpoint> read(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Path history = dir.resolve(HISTORY);
        if (Files.isDirectory(history)) {
            try (Stream<Path> s = Files.list(history)) {
                files.addAll(s.filter(p -> p.getFileName().toString().startsWith(FILE + "-")).sorted().toList());
            }
        }
        files.add(dir.resolve(FILE));
        List<Checkpoint> out = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            String all = Files.readString(file, StandardCharsets.US_ASCII);
            int line = 0;
            for (int at = 0, nl; (nl = all.indexOf('\n', at)) >= 0; at = nl + 1) {
                out.add(parse(all.substring(at, nl), file, ++line));
            }
        }
        return out;
    }

    private static Checkpoint parse(String line, Path file, int number) {
        try {
            return Checkpoint.parse(new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new LedgerException(file + " line " + number + ": not a cosigned checkpoint (" + e.getMessage()
                    + "); the witness's state is damaged: restore it from a backup");
        }
    }

    /** Appends the cosigned note and returns once it is durable. */
    void append(String note) throws IOException {
        byte[] line = (Base64.getEncoder().encodeToString(note.getBytes(StandardCharsets.UTF_8)) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        long mine;
        synchronized (lock) {
            queued.write(line, 0, line.length);
            mine = ++queuedSeq;
        }
        while (true) {
            ByteArrayOutputStream batch;
            long upTo;
            synchronized (lock) {
                while (flushing && durableSeq < mine && failure == null) {
                    waitQuietly();
                }
                if (failure != null) {
                    throw new IOException("the witness's state could not be written", failure);
                }
                if (durableSeq >= mine) {
                    return;
                }
                flushing = true;
                batch = queued;
                upTo = queuedSeq;
                queued = new ByteArrayOutputStream();
            }
            try {
                ByteBuffer b = ByteBuffer.wrap(batch.toByteArray());
                while (b.hasRemaining()) {
                    channel.write(b);
                }
                channel.force(false);
            } catch (IOException | RuntimeException e) {
                synchronized (lock) {
                    // the file may now end in part of a batch: no later line could be trusted behind it
                    failure = e instanceof IOException ? (IOException) e : new IOException(e);
                    flushing = false;
                    lock.notifyAll();
                }
                throw e instanceof IOException ? (IOException) e : new IOException(e);
            }
            synchronized (lock) {
                durableSeq = upTo;
                flushes++;
                flushing = false;
                lock.notifyAll();
            }
        }
    }

    /** How many fsyncs it took so far: with {@link #lines} the mean group size of the group commit. */
    long flushes() {
        synchronized (lock) {
            return flushes;
        }
    }

    /** How many lines were made durable so far (since it was opened). */
    long lines() {
        synchronized (lock) {
            return durableSeq;
        }
    }

    private void waitQuietly() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while the witness's state was being written");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
