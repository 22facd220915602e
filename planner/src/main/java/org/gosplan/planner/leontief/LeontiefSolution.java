package org.gosplan.planner.leontief;

/**
 * The answer of one Leontief solve.
 *
 * @param x          the solution ({@code x} of {@code (I - A) x = y}, or {@code v} of
 *                   {@code (I - A)^T v = s}), in sector (product) order
 * @param iterations iterations the method took (0 for the dense LU)
 * @param residual   the true relative residual {@code ‖y - (I - A) x‖∞ / ‖y‖∞} recomputed from
 *                   {@code x} (the absolute residual when {@code y = 0})
 * @param method     the method that solved it (never AUTO)
 */
public record LeontiefSolution(double[] x, int iterations, double residual, LeontiefMethod method) {}
