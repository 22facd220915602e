package org.gosplan.planner.leontief;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.EconomyGenerator;
import org.junit.jupiter.api.Test;

/**
 * The iterative solvers against the dense LU on random productive economies, the kernels against
 * dense products, and the identities that must hold.
 */
class LeontiefPropertiesTest {

    /**
     * A random square economy in a shuffled order: technique {@code t} makes product
     * {@code perm[t]} at a random quantity {@code q}, so both the permutation and the scaling of
     * the operator are exercised. Column sums of A are below {@code maxColSum}.
     */
    static Economy shuffled(int n, int inputs, long seed, double maxColSum, int resources) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        EconomyBuilder b = new EconomyBuilder("shuffled");
        for (int p = 0; p < n; p++) {
            b.addProduct("p" + p, null, null);
        }
        for (int r = 0; r < resources; r++) {
            b.addResource("r" + r, null, Double.NaN);
        }
        for (int t = 0; t < n; t++) {
            int tech = b.addTechnique("t" + t, Double.POSITIVE_INFINITY);
            int made = perm[t];
            double q = rnd.nextBoolean() ? 1.0 : 0.25 + 4 * rnd.nextDouble();
            b.output(tech, made, q);
            int k = Math.min(inputs, n);
            boolean[] used = new boolean[n];
            double[] w = new double[k];
            int[] rows = new int[k];
            double sum = 0;
            for (int c = 0; c < k; c++) {
                int r;
                do {
                    r = rnd.nextInt(n);
                } while (used[r]);
                used[r] = true; // may be the product itself: own use, a diagonal entry
                rows[c] = r;
                w[c] = 0.01 + rnd.nextDouble();
                sum += w[c];
            }
            double colSum = maxColSum * rnd.nextDouble();
            for (int c = 0; c < k; c++) {
                b.productInput(tech, rows[c], w[c] / sum * colSum * q);
            }
            for (int r = 0; r < resources; r++) {
                if (rnd.nextInt(4) > 0) {
                    b.resourceInput(tech, r, rnd.nextDouble() * q);
                }
            }
        }
        for (int p = 0; p < n; p++) {
            if (rnd.nextInt(3) > 0) {
                b.target(p, 1 + 100 * rnd.nextDouble(), 1.0);
            }
        }
        return b.build();
    }

    static double[] randomVector(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble() * 10 - 2;
        }
        return v;
    }

    /** Dense A from the economy's definition, independently of the operator. */
    static double[][] denseA(Economy e) {
        int n = e.products();
        double[][] a = new double[n][n];
        SparseMatrix out = e.outputs();
        SparseMatrix in = e.productInputs();
        for (int t = 0; t < n; t++) {
            int p = out.rowIndexes()[out.columnStarts()[t]];
            double q = out.values()[out.columnStarts()[t]];
            for (int k = in.columnStarts()[t]; k < in.columnStarts()[t + 1]; k++) {
                a[in.rowIndexes()[k]][p] += in.values()[k] / q;
            }
        }
        return a;
    }

    @Property(tries = 60)
    void kernelsAgreeWithDenseProducts(@ForAll @IntRange(min = 1, max = 70) int n,
                                       @ForAll @IntRange(min = 0, max = 6) int inputs,
                                       @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Economy e = shuffled(n, inputs, seed, 0.95, 0);
        Leontief l = Leontief.of(e);
        double[][] a = denseA(e);
        double[] x = randomVector(n, seed + 1);
        double[] ax = l.multiply(x);
        double[] atx = l.multiplyTransposed(x);
        for (int i = 0; i < n; i++) {
            double s = 0, st = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j] * x[j];
                st += a[j][i] * x[j];
            }
            assertEquals(s, ax[i], 1e-12 * (1 + Math.abs(s)));
            assertEquals(st, atx[i], 1e-12 * (1 + Math.abs(st)));
        }
    }

    @Property(tries = 40)
    void multiVectorKernelsEqualSingleOnesBitForBit(@ForAll @IntRange(min = 1, max = 60) int n,
                                                    @ForAll @IntRange(min = 2, max = 5) int k,
                                                    @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Economy e = shuffled(n, 4, seed, 0.9, 0);
        LeontiefOperator op = Leontief.of(e).operator();
        double[] block = new double[n * k];
        double[][] cols = new double[k][];
        for (int c = 0; c < k; c++) {
            cols[c] = randomVector(n, seed * 31 + c);
            for (int i = 0; i < n; i++) {
                block[i * k + c] = cols[c][i];
            }
        }
        double[] f = new double[n * k], t = new double[n * k];
        op.multiply(block, f, k, null, 1.0, null);
        op.multiplyTransposed(block, t, k, null, 1.0);
        for (int c = 0; c < k; c++) {
            double[] f1 = new double[n], t1 = new double[n];
            op.multiply(cols[c], f1, 1, null, 1.0, null);
            op.multiplyTransposed(cols[c], t1, 1, null, 1.0);
            for (int i = 0; i < n; i++) {
                assertEquals(f1[i], f[i * k + c], 0);
                // the single-vector gather adds in two interleaved sums; allow rounding
                assertEquals(t1[i], t[i * k + c], 1e-13 * (1 + Math.abs(t1[i])));
            }
        }
    }

    @Property(tries = 50)
    void iterativeSolversAgreeWithDenseLu(@ForAll @IntRange(min = 1, max = 80) int n,
                                          @ForAll @IntRange(min = 0, max = 8) int inputs,
                                          @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Economy e = shuffled(n, inputs, seed, 0.9, 2);
        Leontief l = Leontief.of(e);
        double[] y = randomVector(n, seed + 7);
        LeontiefOptions base = LeontiefOptions.DEFAULT;
        LeontiefSolution dense = l.solve(y, base.withMethod(LeontiefMethod.DENSE));
        LeontiefSolution denseT = l.solveTransposed(y, base.withMethod(LeontiefMethod.DENSE));
        double scale = norm(dense.x()) + norm(y);
        double scaleT = norm(denseT.x()) + norm(y);
        for (LeontiefMethod m : new LeontiefMethod[] {LeontiefMethod.POWER, LeontiefMethod.GAUSS_SEIDEL,
                LeontiefMethod.BICGSTAB, LeontiefMethod.GMRES}) {
            LeontiefSolution s = l.solve(y, base.withMethod(m));
            LeontiefSolution st = l.solveTransposed(y, base.withMethod(m));
            assertTrue(s.residual() <= 1e-10 && st.residual() <= 1e-10, m + " " + s.residual() + " " + st.residual());
            assertEquals(m, s.method());
            for (int i = 0; i < n; i++) {
                // cond(I - A) <= 1 / (1 - 0.9) in the 1-norm: the error is within 10x the residual
                assertEquals(dense.x()[i], s.x()[i], 1e-8 * scale, m + " x[" + i + "]");
                assertEquals(denseT.x()[i], st.x()[i], 1e-8 * scaleT, m + " v[" + i + "]");
            }
        }
    }

    @Property(tries = 30)
    void severalRightHandSidesAtOnceEqualOneByOne(@ForAll @IntRange(min = 2, max = 60) int n,
                                                  @ForAll @IntRange(min = 2, max = 4) int k,
                                                  @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Economy e = shuffled(n, 5, seed, 0.85, 0);
        Leontief l = Leontief.of(e);
        double[][] ys = new double[k][];
        for (int c = 0; c < k; c++) {
            ys[c] = randomVector(n, seed + 100 + c);
        }
        ys[k - 1] = new double[n]; // a zero right-hand side has the zero solution
        for (LeontiefMethod m : new LeontiefMethod[] {LeontiefMethod.POWER, LeontiefMethod.BICGSTAB}) {
            LeontiefOptions o = LeontiefOptions.DEFAULT.withMethod(m);
            LeontiefSolution[] all = l.solveAll(ys, o);
            LeontiefSolution[] allT = l.solveTransposedAll(ys, o);
            for (int c = 0; c < k; c++) {
                double[] one = l.solve(ys[c], LeontiefOptions.DEFAULT.withMethod(LeontiefMethod.DENSE)).x();
                double[] oneT = l.solveTransposed(ys[c], LeontiefOptions.DEFAULT.withMethod(LeontiefMethod.DENSE)).x();
                double sc = norm(one) + norm(ys[c]) + 1e-300;
                double scT = norm(oneT) + norm(ys[c]) + 1e-300;
                for (int i = 0; i < n; i++) {
                    assertEquals(one[i], all[c].x()[i], 1e-8 * sc, m + " column " + c);
                    assertEquals(oneT[i], allT[c].x()[i], 1e-8 * scT, m + " column " + c);
                }
                assertTrue(all[c].residual() <= 1e-10 && allT[c].residual() <= 1e-10);
            }
            assertArrayEquals(new double[n], all[k - 1].x(), 0);
        }
    }

    /** Labour values times final demand is the labour the gross output uses: v.y = s.x. */
    @Property(tries = 40)
    void labourValuesTimesFinalDemandIsTotalLabour(@ForAll @IntRange(min = 1, max = 80) int n,
                                                   @ForAll @IntRange(min = 0, max = 8) int inputs,
                                                   @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Economy e = shuffled(n, inputs, seed, 0.9, 1);
        double[] y = e.finalDemand();
        for (LeontiefMethod m : new LeontiefMethod[] {LeontiefMethod.DENSE, LeontiefMethod.BICGSTAB}) {
            LeontiefOptions o = LeontiefOptions.DEFAULT.withMethod(m);
            Multipliers mult = Multipliers.of(e, o);
            double[] x = Leontief.of(e).solve(y, o).x();
            double valueOfDemand = 0, labourUsed = 0, scale = 0;
            for (int i = 0; i < n; i++) {
                valueOfDemand += mult.total(0)[i] * y[i];
                labourUsed += mult.direct(0)[i] * x[i];
                scale += Math.abs(mult.total(0)[i] * y[i]);
            }
            assertEquals(labourUsed, valueOfDemand, 1e-9 * (1 + scale), m.toString());
            // output multipliers: 1 . x = m . y
            double outputSum = 0, multSum = 0, ms = 0;
            for (int i = 0; i < n; i++) {
                outputSum += x[i];
                multSum += mult.output()[i] * y[i];
                ms += Math.abs(mult.output()[i] * y[i]);
            }
            assertEquals(outputSum, multSum, 1e-9 * (1 + ms));
            for (int i = 0; i < n; i++) {
                assertTrue(mult.output()[i] >= 1 - 1e-12, "multiplier below 1");
            }
        }
    }

    @Property(tries = 20)
    void resultsDoNotDependOnTheNumberOfThreads(@ForAll @IntRange(min = 1, max = 20_000) int n,
                                                @ForAll @LongRange(min = 0, max = 1000) long seed) {
        SparseMatrix a = new EconomyGenerator(n, 5, seed).coefficients();
        LeontiefOperator one = new LeontiefOperator(n, a.columnStarts(), a.rowIndexes(), a.values(), null, null, 1);
        LeontiefOperator two = new LeontiefOperator(n, a.columnStarts(), a.rowIndexes(), a.values(), null, null, 2);
        double[] x = randomVector(n, seed);
        double[] f1 = new double[n], f2 = new double[n], t1 = new double[n], t2 = new double[n];
        one.multiply(x, f1, 1, x, -1, null);
        two.multiply(x, f2, 1, x, -1, null);
        one.multiplyTransposed(x, t1, 1, x, -1);
        two.multiplyTransposed(x, t2, 1, x, -1);
        assertArrayEquals(f1, f2, 0);
        assertArrayEquals(t1, t2, 0);
        double[] d1 = KernelVectors.reduce(n, 1, 1, (from, to, acc) -> {
            for (int i = from; i < to; i++) {
                acc[0] += x[i] * f1[i];
            }
        });
        double[] d2 = KernelVectors.reduce(n, 1, 1, (from, to, acc) -> {
            for (int i = from; i < to; i++) {
                acc[0] += x[i] * f1[i];
            }
        });
        assertEquals(d1[0], d2[0], 0);
    }

    @Test
    void solvesAreReproducibleBitForBit() {
        EconomyGenerator g = new EconomyGenerator(300_000, 6, 11);
        Leontief l = Leontief.ofCoefficients(g.coefficients(), null);
        double[] y = g.finalDemand();
        LeontiefSolution a = l.solve(y, LeontiefOptions.DEFAULT.withMethod(LeontiefMethod.BICGSTAB));
        LeontiefSolution b = l.solve(y, LeontiefOptions.DEFAULT.withMethod(LeontiefMethod.BICGSTAB));
        assertArrayEquals(a.x(), b.x(), 0);
        assertTrue(a.residual() <= 1e-10);
        LeontiefSolution p = l.solve(y, LeontiefOptions.DEFAULT.withMethod(LeontiefMethod.POWER));
        for (int i = 0; i < y.length; i += 997) {
            assertEquals(p.x()[i], a.x()[i], 1e-8 * Math.abs(p.x()[i]));
        }
    }

    @Test
    void generatedEconomyAndItsMatrixAgree() {
        EconomyGenerator g = new EconomyGenerator(500, 7, 3);
        Economy e = g.economy();
        SparseMatrix a = g.coefficients();
        assertEquals(e.productInputs(), a);
        assertTrue(Leontief.of(e).productiveness().productive());
        double max = 0;
        for (double s : Leontief.of(e).columnSums()) {
            max = Math.max(max, s);
        }
        assertTrue(max <= 0.8 + 1e-12);
        assertArrayEquals(e.finalDemand(), g.finalDemand(), 0);
    }

    private static double norm(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
