package org.gosplan.planner;

/** The outcome of planning (cli.md {@code status}). */
public enum PlanStatus {
    /** The certificate proves the plan optimal to the tolerance. */
    OPTIMAL("optimal"),
    /** No plan meets the constraints; the plan carries a {@link Diagnosis}. */
    INFEASIBLE("infeasible"),
    /** The objective has no bound: no limited resource or capacity restrains the targets. */
    UNBOUNDED("unbounded"),
    /** A plan within the constraints (to the stated infeasibility) that is not proven optimal to the tolerance. */
    LIMIT("limit");

    private final String id;

    PlanStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
