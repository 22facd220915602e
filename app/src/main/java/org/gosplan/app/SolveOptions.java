package org.gosplan.app;

import org.gosplan.planner.leontief.LeontiefOptions;
import picocli.CommandLine.Option;

/** The {@code --tolerance} and {@code --method} options of the analysis commands, which all solve Leontief systems. */
final class SolveOptions {
    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-10",
            description = "largest relative residual of each solve (default ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "auto",
            description = "auto, dense, power, gauss-seidel, bicgstab or gmres (default ${DEFAULT-VALUE})")
    String method;

    LeontiefOptions options() {
        return LeontiefCommand.options(method, tolerance);
    }
}
