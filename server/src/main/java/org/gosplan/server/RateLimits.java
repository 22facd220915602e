package org.gosplan.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client address: each address may make {@code rate} requests a second on
 * average, in bursts of up to {@code 2 * rate}.
 */
final class RateLimits {
    // Past this many addresses the table starts afresh, so that a flood of addresses cannot
    // exhaust memory; it costs at most one burst per address.
    private static final int MAX_ADDRESSES = 100_000;

    private final double rate;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(double rate) {
        this.rate = rate;
        this.burst = Math.max(1, 2 * rate);
    }

    private final class Bucket {
        private double tokens = burst;
        private long last = System.nanoTime();

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) * 1e-9 * rate);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }

    /** Whether {@code address} may make one more request now (always, when the rate is 0). */
    boolean allow(String address) {
        if (rate == 0) {
            return true;
        }
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(address, a -> new Bucket()).take();
    }
}
