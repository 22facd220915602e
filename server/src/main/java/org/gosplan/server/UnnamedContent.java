package org.gosplan.server;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gosplan.record.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes uploads that no event names: content is uploaded before the event that names it (PUT
 * then POST), so content whose event never came would stay for ever. Content stored more than
 * {@link Limits#keepUnnamed} ago that no entry of the log names is removed, when the server starts
 * and then every quarter of that time (at most every 15 minutes).
 *
 * <p>An entry names content when it holds the content's hash: every run of exactly 64 lowercase
 * hex digits in an entry's bytes counts, whatever its field, so no event type's content (nor a
 * type added later) can be missed. Removal holds every write slot of this server, after reading
 * the entries appended meanwhile, so no event this server takes can name content as it goes; and
 * a store renews content's time when it is stored again, which every writer (the command line
 * too) does before naming it, so what another process is about to name is young, not removed.
 */
final class UnnamedContent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UnnamedContent.class);
    private static final int BATCH = 256;

    private final Served served;
    private final Duration keep;
    private final ScheduledExecutorService timer;
    // the hashes the log's first `read` entries name
    private final Set<String> named = new HashSet<>();
    private long read;

    private UnnamedContent(Served served, Duration keep) {
        this.served = served;
        this.keep = keep;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gosplan-unnamed-content");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts sweeping now and periodically; null when unnamed content is kept for ever. */
    static UnnamedContent start(Served served) {
        Duration keep = served.limits().keepUnnamed();
        if (keep.isZero()) {
            return null;
        }
        UnnamedContent u = new UnnamedContent(served, keep);
        long every = Math.max(1_000, Math.min(keep.toMillis() / 4, Duration.ofMinutes(15).toMillis()));
        u.timer.scheduleWithFixedDelay(u::sweepLogged, 0, every, TimeUnit.MILLISECONDS);
        return u;
    }

    private void sweepLogged() {
        try {
            int removed = sweep();
            if (removed > 0) {
                LOG.info("removed {} uploads that no event named within {}", removed, keep);
            }
        } catch (Exception e) {
            LOG.warn("could not remove unnamed content (will try again): {}", e.toString());
        }
    }

    /** One sweep: removes content older than the time kept that no entry names; how many. */
    int sweep() throws Exception {
        Instant cutoff = Instant.now().minus(keep);
        ContentStore content = served.record().content();
        List<ContentStore.Stored> old = content.storedBefore(cutoff);
        if (old.isEmpty()) {
            return 0;
        }
        readNames();
        List<String> unnamed = new ArrayList<>();
        for (ContentStore.Stored s : old) {
            if (!isNamed(s.hash())) {
                unnamed.add(s.hash());
            }
        }
        int removed = 0;
        for (int from = 0; from < unnamed.size(); from += BATCH) {
            List<String> batch = unnamed.subList(from, Math.min(unnamed.size(), from + BATCH));
            removed += served.exclusive(() -> {
                readNames(); // what was appended since, this server's writes now held off
                int n = 0;
                for (String h : batch) {
                    if (!isNamed(h) && content.removeIfStoredBefore(h, cutoff)) {
                        n++;
                    }
                }
                return n;
            });
        }
        return removed;
    }

    private synchronized boolean isNamed(String hash) {
        return named.contains(hash);
    }

    /** Reads the names in the entries appended since the last read (the log's head read again). */
    private synchronized void readNames() throws IOException {
        served.checkpoint(); // reads the log's head again (another process may have appended)
        long size = served.log().size();
        for (; read < size; read++) {
            names(served.log().entry(read), named);
        }
    }

    /** Adds every run of exactly 64 lowercase hex digits in {@code entry} to {@code to}. */
    static void names(byte[] entry, Set<String> to) {
        int run = 0;
        for (int i = 0; i <= entry.length; i++) {
            byte b = i < entry.length ? entry[i] : 0;
            if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'f')) {
                run++;
                continue;
            }
            if (run == 64) {
                to.add(new String(entry, i - 64, 64, java.nio.charset.StandardCharsets.US_ASCII));
            }
            run = 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
