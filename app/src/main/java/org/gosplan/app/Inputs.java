package org.gosplan.app;

import java.io.PrintStream;
import java.nio.file.Path;
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

    /** Reads and prints the warnings on standard error. */
    static Source readWarning(Path path, PrintStream err) {
        Source s = read(path, err);
        for (Problem w : s.warnings()) {
            err.println("warning: " + w);
        }
        return s;
    }
}
