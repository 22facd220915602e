package org.gosplan.planner;

import java.util.Locale;

/**
 * What to tell a person whose plan ended with status {@code limit}, neither proven optimal nor proven
 * infeasible or unbounded: what happened, and what to try. Plain words: the solver's own status text
 * stays out of it (see {@code LpOrTools.inWords}).
 */
public final class LimitAdvice {
    private LimitAdvice() {}

    /** The advice for a plan of status limit, planned with options {@code o}; null for any other status. */
    public static String of(Plan p, PlanOptions o) {
        if (p.status() != PlanStatus.LIMIT) {
            return null;
        }
        String method = p.solver().method();
        boolean timed = o.timeLimitSeconds() > 0;
        StringBuilder b = new StringBuilder();
        if (!p.hasSolution()) {
            // the note says which method stopped and why, in words (LpOrTools.inWords)
            b.append("no plan: ").append(p.solver().note() == null ? describe(method) + " stopped without an answer"
                    : p.solver().note()).append(". Try ");
            b.append(method.startsWith("pdlp") ? "--method simplex (exact, for up to some thousands of techniques)"
                    + (timed ? " or a longer --time-limit" : "")
                    : "--method pdlp (with a --time-limit it gives a plan and a certificate of how near the optimum"
                    + " that plan is)");
            b.append("; if the data mix very large and very small numbers, measure them in units that keep them"
                    + " nearer 1.");
            return b.toString();
        }
        Certificate c = p.certificate();
        if (method.equals("harmony")) {
            b.append("harmony is a heuristic: this plan is within the constraints but not proven optimal (its"
                    + " certificate leaves a gap of ").append(sci(c.gap()))
                    .append("). For the optimal plan use --method auto.");
            return b.toString();
        }
        b.append("the plan is not proven optimal to the tolerance ").append(o.tolerance())
                .append(": its certificate shows a primal infeasibility of ").append(sci(c.primalInfeasibility()))
                .append(", a dual infeasibility of ").append(sci(c.dualInfeasibility())).append(" and a gap of ")
                .append(sci(c.gap())).append(timed ? ", after the --time-limit of " + o.timeLimitSeconds() + " s" : "")
                .append(". Try ");
        b.append(timed ? "a longer --time-limit or none" : method.startsWith("pdlp") ? "--method exact"
                : "--method pdlp");
        b.append(", a looser --tolerance if this gap is good enough, or, if the data mix very large and very small"
                + " numbers, units that keep them nearer 1.");
        return b.toString();
    }

    private static String describe(String method) {
        switch (method) {
            case "glop":
                return "the simplex method (GLOP)";
            case "pdlp":
                return "PDLP";
            case "policy-iteration":
                return "policy iteration";
            default:
                return method;
        }
    }

    private static String sci(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1e", x) : "unknown";
    }
}
