package org.gosplan.planner;

/**
 * A problem the planner cannot solve as posed because of its input: an economy that is not
 * productive, a table with the wrong shape for the command. The message names the sectors or
 * techniques responsible and what to do.
 */
public class PlannerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public PlannerException(String message) {
        this("", message);
    }

    /** A problem with one field of the {@link PlanOptions} ({@code "resource"}, ...): a front end names it its way. */
    public PlannerException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The {@link PlanOptions} field the problem is about, or empty. */
    public String field() {
        return field;
    }
}
