package org.gosplan.planner.leontief;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.gosplan.economy.Economy;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.EconomyGenerator;

/**
 * The cache-blocked kernels of large systems (segments of rows swept one at a time), forced onto
 * small systems with a small block, against the plain kernels and through whole solves.
 */
class KernelBlockedTest {
    private static LeontiefOperator blocked(Economy e, int parts, int block) {
        LeontiefOperator plain = Leontief.of(e).operator();
        return new LeontiefOperator(plain.n, plain.colStart, plain.rowIndex, plain.value, plain.productOf,
                plain.invQ, parts, block);
    }

    @Property(tries = 25)
    void blockedProductsAgreeWithPlainOnes(@ForAll @IntRange(min = 1, max = 20_000) int n,
                                           @ForAll @IntRange(min = 1, max = 4) int k,
                                           @ForAll @LongRange(min = 0, max = 100_000) long seed) {
        Economy e = LeontiefPropertiesTest.shuffled(n, 5, seed, 0.9, 0);
        LeontiefOperator plain = Leontief.of(e).operator();
        LeontiefOperator one = blocked(e, 1, KernelPool.CHUNK);
        LeontiefOperator two = blocked(e, 2, KernelPool.CHUNK);
        double[] x = LeontiefPropertiesTest.randomVector(n * k, seed);
        double[] add = LeontiefPropertiesTest.randomVector(n * k, seed + 1);
        double[] f0 = new double[n * k], f1 = new double[n * k], f2 = new double[n * k];
        plain.multiply(x, f0, k, add, -1, null);
        one.multiply(x, f1, k, add, -1, null);
        two.multiply(x, f2, k, add, -1, null);
        assertArrayEquals(f0, f1, 0); // the scatter sums every row in column order, however it is split
        assertArrayEquals(f0, f2, 0);
        double[] t0 = new double[n * k], t1 = new double[n * k], t2 = new double[n * k];
        plain.multiplyTransposed(x, t0, k, add, -1);
        one.multiplyTransposed(x, t1, k, add, -1);
        two.multiplyTransposed(x, t2, k, add, -1);
        assertArrayEquals(t1, t2, 0); // segment sums in a fixed order: the same bits for any threads
        for (int i = 0; i < n * k; i++) {
            assertEquals(t0[i], t1[i], 1e-12 * (1 + Math.abs(t0[i])));
        }
        double[] r1 = two.multiplyReduce(true, x, t2, k, add, -1, 1, 0, (from, to, acc) -> {
            for (int i = from * k; i < to * k; i++) {
                acc[0] = Math.max(acc[0], Math.abs(t2[i]));
            }
        });
        double m = 0;
        for (double v : t1) {
            m = Math.max(m, Math.abs(v));
        }
        assertEquals(m, r1[0], 0);
        assertArrayEquals(t1, t2, 0);
    }

    @Property(tries = 4)
    void solvesOnBlockedKernelsAgreeWithPlainOnes(@ForAll @IntRange(min = 9000, max = 20_000) int n,
                                                  @ForAll @LongRange(min = 0, max = 100_000) long seed) {
        SparseMatrix a = new EconomyGenerator(n, 4, seed).coefficients();
        LeontiefOperator plain = new LeontiefOperator(n, a.columnStarts(), a.rowIndexes(), a.values(), null, null, 1);
        LeontiefOperator op = new LeontiefOperator(n, a.columnStarts(), a.rowIndexes(), a.values(), null, null, 2,
                KernelPool.CHUNK);
        double[] y = LeontiefPropertiesTest.randomVector(n, seed);
        for (boolean transposed : new boolean[] {false, true}) {
            LeontiefSolvers.Outcome d = LeontiefSolvers.bicgstab(plain, transposed, y, 1, 1e-12, 1000);
            LeontiefSolvers.Outcome b = LeontiefSolvers.bicgstab(op, transposed, y, 1, 1e-10, 1000);
            LeontiefSolvers.Outcome p = LeontiefSolvers.power(op, transposed, y, 1, 1e-10, 1000);
            assertTrue(d.converged && b.converged && p.converged);
            assertTrue(b.residual[0] <= 1e-10 && p.residual[0] <= 1e-10);
            double scale = 0;
            for (double v : d.x) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < n; i++) {
                assertEquals(d.x[i], b.x[i], 1e-8 * (1 + scale));
                assertEquals(d.x[i], p.x[i], 1e-8 * (1 + scale));
            }
        }
    }
}
