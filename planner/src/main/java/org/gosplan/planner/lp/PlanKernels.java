package org.gosplan.planner.lp;

import org.gosplan.planner.leontief.KernelPool;

/**
 * Parallel loops of the plan's kernels over fixed ranges: every element is computed by one
 * thread in a fixed order, so results never depend on the number of threads.
 */
final class PlanKernels {
    private PlanKernels() {}

    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    /** Runs {@code body} over {@code [0, n)} split into fixed chunks; {@code work} sizes the split. */
    static void forRange(int n, long work, Range body) {
        int parts = KernelPool.partsFor(work);
        if (parts <= 1 || n < 2 * KernelPool.CHUNK) {
            body.run(0, n);
            return;
        }
        int[] b = KernelPool.chunkBounds(n, parts);
        KernelPool.run(parts, s -> body.run(b[s], b[s + 1]));
    }

    /**
     * The largest of {@code f(i)} over {@code [0, n)}, computed per fixed chunk in parallel and
     * combined in chunk order (max is exact, so the order does not matter anyway).
     */
    static double max(int n, long work, RangeMax f) {
        int parts = KernelPool.partsFor(work);
        if (parts <= 1 || n < 2 * KernelPool.CHUNK) {
            return f.max(0, n);
        }
        int[] b = KernelPool.chunkBounds(n, parts);
        double[] out = new double[parts];
        KernelPool.run(parts, s -> out[s] = f.max(b[s], b[s + 1]));
        double m = out[0];
        for (int s = 1; s < parts; s++) {
            m = Math.max(m, out[s]);
        }
        return m;
    }

    @FunctionalInterface
    interface RangeMax {
        double max(int from, int to);
    }
}
