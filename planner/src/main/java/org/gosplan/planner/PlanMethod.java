package org.gosplan.planner;

/** How the plan is computed (cli.md, {@code gosplan plan --method}). */
public enum PlanMethod {
    /**
     * Policy iteration where the non-substitution theorem applies, else the simplex method (GLOP)
     * for small problems and PDLP for large ones.
     */
    AUTO("auto"),
    /** An exact method: policy iteration where it applies, else the simplex method (GLOP). */
    EXACT("exact"),
    /**
     * Policy iteration only (one scarce resource, single outputs); an error where it does not apply to the
     * objective. A least-use stage it does not apply to is solved as {@code auto} solves it ({@code LeastUse}).
     */
    POLICY("policy"),
    /** The simplex method (OR-Tools GLOP) whatever the size. */
    SIMPLEX("simplex"),
    /** First-order primal-dual method (OR-Tools PDLP), with the gap reported. */
    PDLP("pdlp"),
    /** Cockshott's harmony planner: a heuristic, reported with how far it falls short. */
    HARMONY("harmony");

    private final String id;

    PlanMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static PlanMethod of(String id) {
        for (PlanMethod m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new PlannerException("method",
                "unknown method '" + id + "'; use auto, exact, policy, simplex, pdlp or harmony");
    }
}
