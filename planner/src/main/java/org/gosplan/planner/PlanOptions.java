package org.gosplan.planner;

/**
 * Options of {@link Planner#plan}.
 *
 * @param objective        fulfil or min-resource
 * @param resource         the resource min-resource minimises (null: the first resource); ignored by fulfil
 * @param method           how to compute the plan
 * @param tolerance        the plan is {@code optimal} when the certificate's primal infeasibility, dual
 *                         infeasibility and relative gap are all at most this; first-order methods stop there
 * @param timeLimitSeconds limit for iterative solvers (PDLP, harmony), 0 for none
 * @param threads          threads for PDLP, 0 (the default) for a count chosen by the size of the problem alone
 *                         (1 below {@value #TWO_THREADS_FROM} techniques, 2 from there); the same count gives the
 *                         same plan bit for bit on any machine (PDLP shards its work by this count, not by the
 *                         cores), unless a time limit cuts it off
 * @param leastUse         after the objective, plan the least use of the resources with the objective held at its
 *                         optimum ({@code LeastUse}); true by default, false for the first optimum a method finds
 *                         (for benchmarking, and for replaying plans recorded before the stage existed)
 * @param atLeastAlone     for an economy with republics (fulfil): every republic's λ in the union at least its λ
 *                         planned alone, before the union's leximin (false by default: the plain leximin of
 *                         formats.md section 5); ignored by plans without republics
 */
public record PlanOptions(PlanObjective objective, String resource, PlanMethod method, double tolerance,
                          double timeLimitSeconds, int threads, boolean leastUse, boolean atLeastAlone) {
    public static final double DEFAULT_TOLERANCE = 1e-7;
    /**
     * From this many techniques PDLP runs on 2 threads when no count is asked for: 8,000 iterations at 200,000
     * techniques took 38 s on 2, 53 s on 1; at 40,000 two were no faster, and below they only add overhead.
     */
    public static final int TWO_THREADS_FROM = 100_000;

    public static final PlanOptions DEFAULT =
            new PlanOptions(PlanObjective.FULFIL, null, PlanMethod.AUTO, DEFAULT_TOLERANCE, 0, 0, true, false);

    /** The options without the floors of {@code atLeastAlone}. */
    public PlanOptions(PlanObjective objective, String resource, PlanMethod method, double tolerance,
                       double timeLimitSeconds, int threads, boolean leastUse) {
        this(objective, resource, method, tolerance, timeLimitSeconds, threads, leastUse, false);
    }

    /** The options with the least-use stage on. */
    public PlanOptions(PlanObjective objective, String resource, PlanMethod method, double tolerance,
                       double timeLimitSeconds, int threads) {
        this(objective, resource, method, tolerance, timeLimitSeconds, threads, true);
    }

    public PlanOptions {
        if (objective == null || method == null) {
            throw new IllegalArgumentException("objective and method are required");
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new PlannerException("tolerance",
                    "the tolerance must be between 0 and 1 (exclusive), not " + tolerance);
        }
        if (!(timeLimitSeconds >= 0) || Double.isInfinite(timeLimitSeconds)) {
            throw new PlannerException("timeLimitSeconds", "the time limit must be a non-negative number of seconds");
        }
        if (threads < 0) {
            throw new PlannerException("threads", "threads must be >= 0");
        }
    }

    /** PDLP's thread count for a problem of this many techniques: the one asked for, else by size alone. */
    public int threadsFor(int techniques) {
        return threads > 0 ? threads : techniques >= TWO_THREADS_FROM ? 2 : 1;
    }

    public static PlanOptions fulfil() {
        return DEFAULT;
    }

    public static PlanOptions minResource(String resource) {
        return DEFAULT.withObjective(PlanObjective.MIN_RESOURCE).withResource(resource);
    }

    public PlanOptions withObjective(PlanObjective o) {
        return new PlanOptions(o, resource, method, tolerance, timeLimitSeconds, threads, leastUse, atLeastAlone);
    }

    public PlanOptions withResource(String r) {
        return new PlanOptions(objective, r, method, tolerance, timeLimitSeconds, threads, leastUse, atLeastAlone);
    }

    public PlanOptions withMethod(PlanMethod m) {
        return new PlanOptions(objective, resource, m, tolerance, timeLimitSeconds, threads, leastUse, atLeastAlone);
    }

    public PlanOptions withTolerance(double t) {
        return new PlanOptions(objective, resource, method, t, timeLimitSeconds, threads, leastUse, atLeastAlone);
    }

    public PlanOptions withTimeLimit(double seconds) {
        return new PlanOptions(objective, resource, method, tolerance, seconds, threads, leastUse, atLeastAlone);
    }

    public PlanOptions withThreads(int n) {
        return new PlanOptions(objective, resource, method, tolerance, timeLimitSeconds, n, leastUse, atLeastAlone);
    }

    public PlanOptions withLeastUse(boolean on) {
        return new PlanOptions(objective, resource, method, tolerance, timeLimitSeconds, threads, on, atLeastAlone);
    }

    public PlanOptions withAtLeastAlone(boolean on) {
        return new PlanOptions(objective, resource, method, tolerance, timeLimitSeconds, threads, leastUse, on);
    }
}
