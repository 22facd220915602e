package org.gosplan.app;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How every readable output prints a duration: {@code 0.81 s}, {@code 12.3 s}, {@code 40 min 58 s}, {@code 2 h 05 min}. */
final class Durations {
    private Durations() {}

    static String format(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "-";
        }
        if (seconds < 0.1) {
            // two significant digits: 0.0042 s, not 0.00 s
            return new BigDecimal(seconds).round(new MathContext(2)).stripTrailingZeros().toPlainString() + " s";
        }
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.2f s", seconds);
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        long m = Math.round(seconds / 60);
        return String.format(Locale.ROOT, "%d h %02d min", m / 60, m % 60);
    }

    /** Seconds since a {@link System#nanoTime()} reading. */
    static double since(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }
}
