package org.gosplan.planner;

import org.gosplan.economy.Economy;
import org.gosplan.economy.Progress;
import org.gosplan.planner.lp.LpPlanner;

/**
 * The optimal plan: Kantorovich's problem with technique choice, valuations and diagnosis
 * (cli.md {@code gosplan plan}). A pure, deterministic function of the economy and the options
 * (PDLP on several threads excepted, which the plan says).
 *
 * <p>Methods ({@link PlanMethod}): {@code auto} takes policy iteration where the non-substitution
 * theorem applies (one scarce resource, single outputs, no binding capacity: exact, any size),
 * else the simplex method (GLOP) up to {@link #SIMPLEX_LIMIT} techniques and PDLP beyond. Every
 * plan carries a {@link Certificate} computed from its own figures. Among the optimal plans it publishes the one
 * that uses least of the resources ({@code lp.LeastUse}).
 */
public final class Planner {
    private Planner() {}

    /** Above this many techniques {@code auto} takes PDLP rather than the simplex method. */
    public static final int SIMPLEX_LIMIT = 5_000;

    public static Plan plan(Economy e, PlanOptions o) {
        return plan(e, o, Progress.NONE);
    }

    /**
     * As {@link #plan(Economy, PlanOptions)}, telling {@code progress} which step is running (method,
     * iterations asked for, rounds of the exact finish). A solver call itself gives no updates while it
     * runs: a front end that wants a heartbeat repeats the last one.
     */
    public static Plan plan(Economy e, PlanOptions o, Progress progress) {
        return LpPlanner.plan(e, o, progress);
    }

    /**
     * Writes the LP of the economy and options in free MPS format (see {@code LpMps}); a
     * {@link java.io.UncheckedIOException} when the file cannot be written.
     */
    public static void exportMps(Economy e, PlanOptions o, java.nio.file.Path file) {
        LpPlanner.exportMps(e, o, file);
    }
}
