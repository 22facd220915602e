package org.gosplan.planner;

/** What the optimal plan optimises (cli.md, {@code gosplan plan --objective}). */
public enum PlanObjective {
    /** Kantorovich: maximise the fulfilment level λ of all targets together. */
    FULFIL("fulfil"),
    /** Minimise the use of one resource while meeting every target. */
    MIN_RESOURCE("min-resource");

    private final String id;

    PlanObjective(String id) {
        this.id = id;
    }

    /** The name used on the command line and in the plan's JSON. */
    public String id() {
        return id;
    }

    /** The objective with this name; a {@link PlannerException} naming the choices otherwise. */
    public static PlanObjective of(String id) {
        for (PlanObjective o : values()) {
            if (o.id.equals(id)) {
                return o;
            }
        }
        throw new PlannerException("objective", "unknown objective '" + id + "'; use fulfil or min-resource");
    }
}
