package org.gosplan.app;

import java.io.PrintStream;
import org.gosplan.economy.Progress;

/**
 * Progress on standard error for work that takes longer than two seconds: silent before that,
 * then a line at most twice a second, overwritten in place on a terminal.
 */
final class StderrProgress implements Progress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long INTERVAL_NANOS = 500_000_000L;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private final boolean terminal = System.console() != null;
    private long lastPrinted;
    private boolean printed;

    StderrProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        long now = System.nanoTime();
        if (now - started < QUIET_NANOS || now - lastPrinted < INTERVAL_NANOS) {
            return;
        }
        lastPrinted = now;
        printed = true;
        String line = total > 0
                ? String.format("%s: %.0f%% (%.1f s)", task, 100.0 * done / total, (now - started) / 1e9)
                : String.format("%s: %,d (%.1f s)", task, done, (now - started) / 1e9);
        if (terminal) {
            err.print("\r" + line + "   ");
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the progress line, if one was printed on a terminal. */
    synchronized void done() {
        if (printed && terminal) {
            err.println();
        }
    }
}
