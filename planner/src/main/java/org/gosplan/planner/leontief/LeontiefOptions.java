package org.gosplan.planner.leontief;

import org.gosplan.planner.PlannerException;

/**
 * Options of a Leontief solve.
 *
 * @param method        the method, {@link LeontiefMethod#AUTO} to let the planner choose
 * @param tolerance     the largest acceptable relative residual {@code ‖(I-A)x - y‖∞ / ‖y‖∞}
 * @param maxIterations iterations (matrix passes for POWER and GAUSS_SEIDEL, BiCGSTAB steps,
 *                      GMRES inner steps) before giving up; a solve never runs longer
 * @param denseLimit    the largest number of sectors for which AUTO uses the dense LU
 */
public record LeontiefOptions(LeontiefMethod method, double tolerance, int maxIterations, int denseLimit) {
    /** Tolerance of every command: 1e-10. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    /** AUTO, 1e-10, 2000 iterations, dense up to 1500 sectors. */
    public static final LeontiefOptions DEFAULT = new LeontiefOptions(LeontiefMethod.AUTO, DEFAULT_TOLERANCE, 2000, 1500);

    public LeontiefOptions {
        if (method == null) {
            throw new IllegalArgumentException("method is null");
        }
        if (!(tolerance > 0) || tolerance >= 1 || Double.isNaN(tolerance)) {
            throw new PlannerException("the tolerance must be a number between 0 and 1 (exclusive), such as 1e-10;"
                    + " got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1");
        }
    }

    public LeontiefOptions withMethod(LeontiefMethod m) {
        return new LeontiefOptions(m, tolerance, maxIterations, denseLimit);
    }

    public LeontiefOptions withTolerance(double t) {
        return new LeontiefOptions(method, t, maxIterations, denseLimit);
    }

    public LeontiefOptions withMaxIterations(int k) {
        return new LeontiefOptions(method, tolerance, k, denseLimit);
    }
}
