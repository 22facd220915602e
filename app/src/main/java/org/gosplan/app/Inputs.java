package org.gosplan.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Problem;
import org.gosplan.economy.Source;

/** Reading the ECONOMY or TABLE argument of a command, with progress and warnings on standard error. */
final class Inputs {
    private Inputs() {}

    static Source read(Path path, PrintStream err) {
        StderrProgress progress = new StderrProgress(err);
        try {
            return EconomyFiles.read(path, progress);
        } finally {
            progress.done();
        }
    }

    /**
     * Reads and prints on standard error the warnings of the given concerns (all of them when none
     * is given): a command prints only the warnings that say something about its own answer.
     */
    static Source readWarning(Path path, PrintStream err, Problem.Concern... concerns) {
        Source s = read(path, err);
        List<Problem> shown = concerns.length == 0 ? s.warnings()
                : s.warnings(EnumSet.of(concerns[0], concerns));
        for (Problem w : shown) {
            err.println("warning: " + w);
        }
        return s;
    }
}
