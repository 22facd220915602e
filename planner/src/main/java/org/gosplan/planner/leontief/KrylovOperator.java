package org.gosplan.planner.leontief;

/**
 * A square linear map {@code M} known only by its products, for the BiCGSTAB of
 * {@link Leontief#bicgstab}: the engine's own {@code A} (or {@code A^T}) on one machine, or a matrix
 * spread over a cluster (the spark module), so both run the same iteration.
 */
public interface KrylovOperator {
    /** The order n of M. */
    int size();

    /**
     * {@code out = add + sign * M in} for {@code k} vectors interleaved ({@code in[i * k + c]} is
     * entry i of vector c); {@code add} has the same layout as {@code out}.
     */
    void apply(double[] in, double[] out, int k, double[] add, double sign);

    /**
     * What a solve of {@code (I - M) x = b} produced: {@code x} interleaved as {@code b}, the steps,
     * each column's true relative residual, and why it failed where it did.
     */
    record Result(double[] x, int iterations, double[] residual, boolean converged, String failure) {}
}
