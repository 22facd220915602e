package org.gosplan.economy;

/**
 * One finding about input data: where it is (a file and line, or a file and JSON pointer), what
 * is wrong and what to do.
 *
 * @param where   for example {@code flows.csv:17} or {@code uk.economy.json:/techniques/3/inputs/tractr}
 * @param message what is wrong and how to fix it
 */
public record Problem(String where, String message) {
    @Override
    public String toString() {
        return where.isEmpty() ? message : where + ": " + message;
    }
}
