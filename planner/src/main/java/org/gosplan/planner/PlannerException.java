package org.gosplan.planner;

/**
 * A problem the planner cannot solve as posed because of its input: an economy that is not
 * productive, a table with the wrong shape for the command. The message names the sectors or
 * techniques responsible and what to do.
 */
public class PlannerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlannerException(String message) {
        super(message);
    }
}
