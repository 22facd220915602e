package org.gosplan.server;

/**
 * What one client may ask of the server.
 *
 * @param eventBytes the largest event a POST may carry (a log entry is at most 65,535 bytes, the
 *                   most a tlog-tiles entry bundle can frame)
 * @param contentBytes the largest content a PUT may store
 * @param readsPerSecond reads one client address may make a second, on average (0: no limit)
 * @param writesPerSecond writes one client address may make a second, on average (0: no limit)
 * @param concurrentWrites writes handled at once; more wait a moment, then are answered 429
 */
public record Limits(int eventBytes, long contentBytes, double readsPerSecond, double writesPerSecond,
                     int concurrentWrites) {
    public static final int MAX_ENTRY = 65_535;

    public Limits {
        if (eventBytes < 1 || eventBytes > MAX_ENTRY) {
            throw new IllegalArgumentException("the event size limit must be between 1 and " + MAX_ENTRY + " bytes");
        }
        if (contentBytes < 1 || readsPerSecond < 0 || writesPerSecond < 0 || concurrentWrites < 1) {
            throw new IllegalArgumentException("limits must be positive (rates may be 0: no limit)");
        }
    }

    /** For a public server: 64 KiB events, 256 MiB content, 200 reads and 10 writes a second per address. */
    public static Limits defaults() {
        return new Limits(MAX_ENTRY, 256L << 20, 200, 10, 64);
    }

    /** No rate limits (benchmarks, tests of other things). */
    public Limits unlimitedRates() {
        return new Limits(eventBytes, contentBytes, 0, 0, concurrentWrites);
    }
}
