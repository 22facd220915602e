package org.gosplan.record;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Appends events from many threads at once, each acknowledged only once it is durable, with one
 * commit (one fsync) for all the events that arrived while the previous commit was being made:
 * group commit at the record's level, where every event must still be checked against those
 * before it. What a server casting votes for many voters uses; a refusal reaches only the caller
 * whose event it was.
 */
public final class GroupAppender implements AutoCloseable {
    /** Events in one commit at most. */
    static final int BATCH = 4096;

    private record Pending(Event event, CompletableFuture<Long> done) {}

    private final Record record;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean closed;

    public GroupAppender(Record record) {
        this.record = record;
        this.committer = new Thread(this::loop, "gosplan-record-group-append");
        committer.setDaemon(true);
        committer.start();
    }

    /** Appends {@code e}; returns its index once durable, or throws the record's refusal. */
    public long append(Event e) throws IOException {
        if (closed) {
            throw new IllegalStateException("the appender is closed");
        }
        Pending p = new Pending(e, new CompletableFuture<>());
        queue.add(p);
        try {
            return p.done.get();
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the commit");
        } catch (ExecutionException x) {
            Throwable t = x.getCause();
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof IOException) {
                throw (IOException) t;
            }
            throw new IOException(t);
        }
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            List<Event> events = new ArrayList<>(batch.size());
            for (Pending p : batch) {
                events.add(p.event);
            }
            String[] refusals = new String[events.size()];
            try {
                long[] index = record.appendAll(events, refusals);
                for (int k = 0; k < index.length; k++) {
                    if (index[k] >= 0) {
                        batch.get(k).done.complete(index[k]);
                    } else {
                        batch.get(k).done.completeExceptionally(new RecordException(refusals[k]));
                    }
                }
            } catch (IOException | RuntimeException e) {
                for (Pending p : batch) {
                    p.done.completeExceptionally(e);
                }
            }
        }
    }

    /** Stops after the events already queued are committed. */
    @Override
    public void close() {
        closed = true;
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
