package org.gosplan.server;

import java.time.Duration;

/**
 * What one client may ask of the server.
 *
 * @param eventBytes the largest event a POST may carry (a log entry is at most 65,535 bytes, the
 *                   most a tlog-tiles entry bundle can frame)
 * @param contentBytes the largest content a PUT may store
 * @param readsPerSecond reads one client address may make a second, on average (0: no limit)
 * @param writesPerSecond writes one client address may make a second, on average (0: no limit)
 * @param concurrentWrites writes handled at once; more wait a moment, then are answered 429
 * @param keepUnnamed how long uploaded content that no event names is kept (from its upload);
 *                    {@link Duration#ZERO}: for ever
 */
public record Limits(int eventBytes, long contentBytes, double readsPerSecond, double writesPerSecond,
                     int concurrentWrites, Duration keepUnnamed) {
    public static final int MAX_ENTRY = 65_535;
    /** Uploads no event names within an hour are removed. */
    public static final Duration KEEP_UNNAMED = Duration.ofHours(1);

    /** Limits that keep unnamed content for {@link #KEEP_UNNAMED}. */
    public Limits(int eventBytes, long contentBytes, double readsPerSecond, double writesPerSecond,
                  int concurrentWrites) {
        this(eventBytes, contentBytes, readsPerSecond, writesPerSecond, concurrentWrites, KEEP_UNNAMED);
    }

    public Limits {
        if (eventBytes < 1 || eventBytes > MAX_ENTRY) {
            throw new IllegalArgumentException("the event size limit must be between 1 and " + MAX_ENTRY + " bytes");
        }
        if (contentBytes < 1 || readsPerSecond < 0 || writesPerSecond < 0 || concurrentWrites < 1) {
            throw new IllegalArgumentException("limits must be positive (rates may be 0: no limit)");
        }
        if (keepUnnamed == null || keepUnnamed.isNegative()) {
            throw new IllegalArgumentException("the time unnamed content is kept must be 0 (for ever) or more");
        }
    }

    /** For a public server: 64 KiB events, 256 MiB content, 200 reads and 10 writes a second per address. */
    public static Limits defaults() {
        return new Limits(MAX_ENTRY, 256L << 20, 200, 10, 64);
    }

    /** No rate limits (benchmarks, tests of other things). */
    public Limits unlimitedRates() {
        return new Limits(eventBytes, contentBytes, 0, 0, concurrentWrites, keepUnnamed);
    }

    /** These limits, keeping unnamed content for {@code keep} ({@link Duration#ZERO}: for ever). */
    public Limits keepingUnnamed(Duration keep) {
        return new Limits(eventBytes, contentBytes, readsPerSecond, writesPerSecond, concurrentWrites, keep);
    }
}
