package org.gosplan.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writer's lock of one log directory, shared by everything in this JVM that opens it: a
 * lock in the JVM (threads, and several {@link Log}s on one directory, take turns) and an fcntl
 * lock on the directory's {@code lock} file (processes take turns). Held for one group commit or
 * one checkpoint at a time, so any number of writers interleave.
 *
 * <p>There is one channel on the lock file per directory and JVM, closed only when the last
 * store of the directory closes: Linux drops all of a process's fcntl locks on a file when it
 * closes any descriptor of it, so a second channel opened and closed here would silently let go
 * of a lock held through the first.
 */
final class DirLock {
    private static final Map<Path, DirLock> OPEN = new HashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final ReentrantLock inProcess = new ReentrantLock(true);
    private int users;
    private FileLock held;

    private DirLock(Path key, FileChannel channel) {
        this.key = key;
        this.channel = channel;
    }

    /** The lock of the directory whose real path is {@code key}; give it back with {@link #close}. */
    static DirLock of(Path key, Path lockFile) throws IOException {
        synchronized (OPEN) {
            DirLock d = OPEN.get(key);
            if (d == null) {
                d = new DirLock(key, FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
                OPEN.put(key, d);
            }
            d.users++;
            return d;
        }
    }

    /** Waits for the lock: first the other threads of this JVM, then the other processes. */
    void lock() throws IOException {
        inProcess.lock();
        try {
            held = channel.lock();
        } catch (IOException | RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
    }

    /** Takes the lock if no thread or process holds it; true when taken. */
    boolean tryLock() throws IOException {
        if (!inProcess.tryLock()) {
            return false;
        }
        try {
            held = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
        if (held == null) {
            inProcess.unlock();
            return false;
        }
        return true;
    }

    void unlock() throws IOException {
        try {
            held.release();
        } finally {
            held = null;
            inProcess.unlock();
        }
    }

    /** Whether the calling thread holds the lock. */
    boolean heldHere() {
        return inProcess.isHeldByCurrentThread();
    }

    /** Gives back one user's reference; the last one closes the channel. */
    void close() throws IOException {
        synchronized (OPEN) {
            if (--users == 0) {
                OPEN.remove(key);
                channel.close();
            }
        }
    }
}
