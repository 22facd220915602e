package org.gosplan.planner.leontief;

/**
 * Vector work for the Leontief solvers on interleaved blocks of {@code k} vectors (element
 * {@code i} of vector {@code c} at {@code [i * k + c]}), parallel over fixed chunks of rows.
 * Reductions are summed per chunk and the chunk sums added in chunk order, so they give the same
 * bits whatever the number of threads.
 */
final class KernelVectors {
    private KernelVectors() {}

    /** Work on the rows {@code [from, to)}, adding per-vector partial results into {@code acc}. */
    @FunctionalInterface
    interface Chunk {
        void run(int from, int to, double[] acc);
    }

    /**
     * Runs {@code body} over the rows {@code 0..rows-1} in chunks of {@link KernelPool#CHUNK},
     * each chunk getting a zeroed accumulator of {@code width} values; returns the accumulators
     * summed in chunk order (for {@code width == 0}, an empty array).
     */
    static double[] reduce(int rows, int k, int width, Chunk body) {
        return reduce(rows, k, width, width, body);
    }

    /**
     * As {@link #reduce(int, int, int, Chunk)}, but the accumulator values from {@code maxFrom}
     * on are combined by maximum (NaN wins) instead of sum: for max norms next to dot products.
     */
    static double[] reduce(int rows, int k, int width, int maxFrom, Chunk body) {
        int chunk = KernelPool.CHUNK;
        int chunks = (rows + chunk - 1) / chunk;
        double[] partial = new double[Math.max(1, chunks) * width];
        int parts = Math.min(KernelPool.partsFor((long) rows * k), Math.max(1, chunks));
        KernelPool.run(parts, s -> {
            int c0 = (int) ((long) chunks * s / parts), c1 = (int) ((long) chunks * (s + 1) / parts);
            double[] acc = new double[width];
            for (int c = c0; c < c1; c++) {
                java.util.Arrays.fill(acc, 0.0);
                int from = c * chunk, to = Math.min(rows, from + chunk);
                body.run(from, to, acc);
                System.arraycopy(acc, 0, partial, c * width, width);
            }
        });
        return combine(partial, chunks, width, maxFrom);
    }

    /**
     * The per-chunk partial results added up in chunk order (sums in the first {@code maxFrom} slots,
     * maxima after; NaN wins), so that the result does not depend on how many threads ran the chunks.
     */
    static double[] combine(double[] partial, int chunks, int width, int maxFrom) {
        double[] total = new double[width];
        for (int c = 0; c < chunks; c++) {
            for (int w = 0; w < width; w++) {
                double v = partial[c * width + w];
                if (w < maxFrom) {
                    total[w] += v;
                } else if (v > total[w] || v != v) {
                    total[w] = v;
                }
            }
        }
        return total;
    }

    /** Maximum absolute value of each of the k vectors. */
    static double[] normInf(double[] a, int rows, int k) {
        int chunk = KernelPool.CHUNK;
        int chunks = (rows + chunk - 1) / chunk;
        double[] partial = new double[Math.max(1, chunks) * k];
        int parts = Math.min(KernelPool.partsFor((long) rows * k), Math.max(1, chunks));
        KernelPool.run(parts, s -> {
            int c0 = (int) ((long) chunks * s / parts), c1 = (int) ((long) chunks * (s + 1) / parts);
            for (int c = c0; c < c1; c++) {
                int from = c * chunk, to = Math.min(rows, from + chunk);
                for (int i = from; i < to; i++) {
                    for (int j = 0; j < k; j++) {
                        double v = Math.abs(a[i * k + j]);
                        if (v > partial[c * k + j] || v != v) {
                            partial[c * k + j] = v;
                        }
                    }
                }
            }
        });
        double[] m = new double[k];
        for (int c = 0; c < chunks; c++) {
            for (int j = 0; j < k; j++) {
                double v = partial[c * k + j];
                if (v > m[j] || v != v) {
                    m[j] = v;
                }
            }
        }
        return m;
    }

    /** Runs {@code body} over row ranges in parallel, no result. */
    static void each(int rows, int k, LeontiefOperator.RangeTask body) {
        int chunk = KernelPool.CHUNK;
        int chunks = (rows + chunk - 1) / chunk;
        int parts = Math.min(KernelPool.partsFor((long) rows * k), Math.max(1, chunks));
        KernelPool.run(parts, s -> {
            int c0 = (int) ((long) chunks * s / parts), c1 = (int) ((long) chunks * (s + 1) / parts);
            body.run(Math.min(rows, c0 * chunk), Math.min(rows, c1 * chunk));
        });
    }
}
