package org.gosplan.planner;

/**
 * How the plan was computed (cli.md {@code solver}).
 *
 * @param method        the method that produced the plan: {@code policy-iteration}, {@code glop},
 *                      {@code pdlp}, {@code harmony}
 * @param seconds       wall time of the solve (of the plan: its least-use stages included)
 * @param iterations    iterations of that method (simplex pivots, PDLP iterations, policy steps, ...)
 * @param gap           the relative gap of the plan's certificate
 * @param deterministic whether the same inputs and options give bit-for-bit the same plan
 * @param note          what else a reader should know (fallbacks, limits reached), or null
 */
public record PlanSolverInfo(String method, double seconds, long iterations, double gap, boolean deterministic,
                             String note) {}
