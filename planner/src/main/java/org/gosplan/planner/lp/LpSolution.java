package org.gosplan.planner.lp;

/**
 * What a method hands back before the plan is assembled and certified: levels {@code z} (per
 * technique), λ (fulfil), product valuations {@code v}, resource prices {@code w} (per resource,
 * as marginal values: non-negative in exact arithmetic), and how it went.
 */
public record LpSolution(Outcome outcome, double[] z, double lambda, double[] v, double[] w, String method,
                  long iterations, double seconds, boolean deterministic, String note) {

    public enum Outcome { SOLVED, INFEASIBLE, UNBOUNDED, LIMIT, NOT_APPLICABLE }

    static LpSolution without(Outcome outcome, String method, long iterations, double seconds, String note) {
        return new LpSolution(outcome, null, Double.NaN, null, null, method, iterations, seconds, true, note);
    }

    LpSolution withNote(String more) {
        String n = note == null ? more : note + "; " + more;
        return new LpSolution(outcome, z, lambda, v, w, method, iterations, seconds, deterministic, n);
    }

    LpSolution withSeconds(double s) {
        return new LpSolution(outcome, z, lambda, v, w, method, iterations, s, deterministic, note);
    }
}
