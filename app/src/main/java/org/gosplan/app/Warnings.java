package org.gosplan.app;

import java.io.PrintStream;
import java.nio.file.Path;
import org.gosplan.economy.Problem;
import org.gosplan.economy.Source;

/**
 * Which of the reader's warnings concern a command. The reader warns about everything it sees;
 * a command prints only what bears on its answer: the plan (a linear program) does not care
 * whether columns of A sum to 1 or more, and the Leontief solves do not use the economy's
 * targets and resources that a table's conversion leaves out. {@code validate} and
 * {@code convert} print them all.
 */
enum Warnings {
    /** leontief and multipliers: the table's A, Y and F as they are. */
    LEONTIEF,
    /** plan: the economy the LP is built from. */
    PLAN;

    // Marks in the messages of economy's Validation and Tables (covered by WarningsTest on the UK table)
    private static final String COLUMN_SUMS = "column sum";
    private static final String[] CONVERSION_ONLY = {
        "does not become a resource", "gets no target", "left out of the economy's resources"};

    boolean concerns(Problem w) {
        String m = w.message();
        if (this == PLAN) {
            return !m.contains(COLUMN_SUMS);
        }
        for (String mark : CONVERSION_ONLY) {
            if (m.contains(mark)) {
                return false;
            }
        }
        return true;
    }

    /** Reads the ECONOMY or TABLE argument and prints, on {@code err}, the warnings that concern this command. */
    Source read(Path path, PrintStream err) {
        Source s = Inputs.read(path, err);
        for (Problem w : s.warnings()) {
            if (concerns(w)) {
                err.println("warning: " + w);
            }
        }
        return s;
    }
}
