package org.gosplan.economy;

import java.util.Set;

/**
 * One finding about input data: where it is (a file and line, or a file and JSON pointer), what
 * is wrong and what to do, and which kind of use of the data it concerns.
 *
 * @param where   for example {@code flows.csv:17} or {@code uk.economy.json:/techniques/3/inputs/tractr}
 * @param message what is wrong and how to fix it
 * @param concern what the finding matters to, so that a command can leave out warnings that say
 *                nothing about its own answer
 */
public record Problem(String where, String message, Concern concern) {
    /** A finding about the data as read ({@link Concern#READING}), which concerns every use of it. */
    public Problem(String where, String message) {
        this(where, message, Concern.READING);
    }

    public Problem {
        if (concern == null) {
            concern = Concern.READING;
        }
    }

    /** Whether the finding matters to a use that cares about {@code concerns}. */
    public boolean concerns(Set<Concern> concerns) {
        return concerns.contains(concern);
    }

    @Override
    public String toString() {
        return where.isEmpty() ? message : where + ": " + message;
    }

    /**
     * What a warning matters to. A command prints those of the concerns its answer depends on:
     * every command the {@code READING} ones; the Leontief model and multipliers also
     * {@code COEFFICIENTS}; converting a table to an economy also {@code PLANNING}; planning and
     * validating all three.
     */
    public enum Concern {
        /** How the files were read: cells read as zero, separators, totals that disagree. */
        READING,
        /** The technical coefficients A and the Leontief inverse: sectors with zero output, column sums of A >= 1. */
        COEFFICIENTS,
        /** The economy as planned: its targets and resources (demand from stocks, factors that are no resource). */
        PLANNING
    }
}
