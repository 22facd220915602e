package org.gosplan.app;

import java.io.PrintStream;
import org.gosplan.economy.Progress;

/**
 * Progress on standard error for work that takes longer than two seconds: silent before that,
 * then a line at most twice a second, overwritten in place on a terminal (into a log, a line every
 * five seconds at most).
 */
final class StderrProgress implements Progress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long INTERVAL_NANOS = 500_000_000L;
    /** Into a file or pipe (a log): a line every 5 s at most, not one per half second. */
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private final boolean terminal;
    private final boolean silent;
    private long lastPrinted;
    private boolean printed;
    private volatile boolean finished;
    private volatile Update latest;

    private record Update(String task, long done, long total) {}

    StderrProgress(PrintStream err) {
        this(err, System.console() != null, false);
    }

    private StderrProgress(PrintStream err, boolean terminal, boolean silent) {
        this.err = err;
        this.terminal = terminal;
        this.silent = silent;
    }

    /**
     * Progress for reading a log (list, verify): shown where standard error is a terminal, whatever
     * standard output is ({@code log list DIR > file} is watched on the terminal), or where
     * {@code asked} ({@code --progress}); silent otherwise, so scripts' standard error stays as it was.
     */
    static StderrProgress forReading(PrintStream err, boolean asked) {
        boolean terminal = err == System.err && NativeStdout.isTerminal(2);
        return new StderrProgress(err, terminal, !terminal && !asked);
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        latest = new Update(task, done, total);
        if (silent || finished) {
            return;
        }
        long now = System.nanoTime();
        if (now - started < QUIET_NANOS || now - lastPrinted < (terminal ? INTERVAL_NANOS : LOG_INTERVAL_NANOS)) {
            return;
        }
        lastPrinted = now;
        printed = true;
        double seconds = (now - started) / 1e9;
        String line = total > 0 ? String.format("%s: %.0f%% (%s)", task, 100.0 * done / total, Durations.format(seconds))
                : done >= 0 ? String.format("%s: %,d (%s)", task, done, Durations.format(seconds))
                : String.format("%s (%s)", task, Durations.format(seconds));
        if (terminal) {
            err.print("\r" + line + "   ");
        } else {
            err.println(line);
        }
        err.flush();
    }

    /**
     * Repeats the latest update every second until {@link #done()}, for steps (a solver call) that give
     * none while they run: the elapsed time keeps moving.
     */
    StderrProgress withHeartbeat() {
        Thread beat = new Thread(() -> {
            try {
                while (!finished) {
                    Thread.sleep(1000);
                    Update last = latest;
                    if (last != null && !finished) {
                        update(last.task(), last.done(), last.total());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "progress-heartbeat");
        beat.setDaemon(true);
        beat.start();
        return this;
    }

    /**
     * Runs {@code work} with progress on {@code err} (first {@code task}, if given), repeated every second
     * while the work gives no updates of its own, and ends the line afterwards.
     */
    static <T> T during(PrintStream err, String task, java.util.function.Function<Progress, T> work) {
        StderrProgress progress = new StderrProgress(err).withHeartbeat();
        if (task != null) {
            progress.update(task, -1, -1);
        }
        try {
            return work.apply(progress);
        } finally {
            progress.done();
        }
    }

    /** Ends the progress line, if one was printed on a terminal. */
    synchronized void done() {
        boolean was = finished;
        finished = true;
        if (!was && printed && terminal) {
            err.println();
        }
    }
}
