package org.gosplan.ledger.witness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
     */
    static Journal open(Path dir, java.util.function.Consumer<Checkpoint> sink) throws IOException {
        Path file = dir.resolve(FILE);
        byte[] all = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        int good = 0;
        int line = 0;
        for (int at = 0; at < all.length; ) {
            int nl = at;
            while (nl < all.length && all[nl] != '\n') {
                nl++;
            }
            if (nl == all.length) {
                break; // torn tail
            }
            line++;
            sink.accept(parse(new String(all, at, nl - at, StandardCharsets.US_ASCII), file, line));
            at = nl + 1;
            good = at;
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (good < all.length) {
            ch.truncate(good);
            ch.force(true);
        }
        ch.position(good);
        return new Journal(ch);
    }

    /** Every checkpoint of the journal in {@code dir}, oldest first, without opening it for writing. */
    static List<Checkpoint> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        List<Checkpoint> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        String all = Files.readString(file, StandardCharsets.US_ASCII);
        int line = 0;
        for (int at = 0, nl; (nl = all.indexOf('\n', at)) >= 0; at = nl + 1) {
            out.add(parse(all.substring(at, nl), file, ++line));
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
