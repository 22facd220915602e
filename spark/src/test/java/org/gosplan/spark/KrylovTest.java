package org.gosplan.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The driver's BiCGSTAB and power series against Gaussian elimination, on small dense systems. */
class KrylovTest {
    /** A random A (n x n) with column sums at most {@code rho}, rows of the dense form. */
    static double[][] matrix(int n, long seed, double rho) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                a[i][j] = r.nextDouble() < 0.3 ? r.nextDouble() : 0;
                s += a[i][j];
            }
            double target = rho * r.nextDouble();
            for (int i = 0; i < n && s > 0; i++) {
                a[i][j] *= target / s;
            }
        }
        return a;
    }

    /** x with (I - A) x = b (or the transpose), by Gaussian elimination with partial pivoting. */
    static double[] gauss(double[][] a, double[] b, boolean transposed) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = (i == j ? 1 : 0) - (transposed ? a[j][i] : a[i][j]);
            }
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int i = c + 1; i < n; i++) {
                if (Math.abs(m[i][c]) > Math.abs(m[p][c])) {
                    p = i;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            for (int i = c + 1; i < n; i++) {
                double f = m[i][c] / m[c][c];
                for (int j = c; j <= n; j++) {
                    m[i][j] -= f * m[c][j];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }

    static Krylov.Operator operator(double[][] a, boolean transposed) {
        int n = a.length;
        return (x, k) -> {
            double[] out = new double[n * k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double aij = transposed ? a[j][i] : a[i][j];
                    for (int c = 0; c < k; c++) {
                        out[i * k + c] += aij * x[j * k + c];
                    }
                }
            }
            return out;
        };
    }

    @Property(tries = 60)
    void bicgstabMeetsTheToleranceAndAgreesWithElimination(@ForAll @IntRange(min = 1, max = 40) int n,
                                                           @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                           @ForAll @IntRange(min = 1, max = 3) int k,
                                                           @ForAll boolean transposed) {
        double[][] a = matrix(n, seed, 0.97);
        SplittableRandom r = new SplittableRandom(seed + 1);
        double[] b = new double[n * k];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextDouble() < 0.1 ? 0 : r.nextDouble() * 100;
        }
        Krylov.Outcome o = Krylov.solve(operator(a, transposed), n, b, k, 1e-10, 2000);
        assertTrue(o.converged(), o.failure());
        for (int c = 0; c < k; c++) {
            assertTrue(o.residual()[c] <= 1e-10, "residual " + o.residual()[c]);
            double[] bc = new double[n];
            for (int i = 0; i < n; i++) {
                bc[i] = b[i * k + c];
            }
            double[] exact = gauss(a, bc, transposed);
            double[] got = new double[n];
            for (int i = 0; i < n; i++) {
                got[i] = o.x()[i * k + c];
            }
            // column sums below 0.97: ‖(I - A)^-1‖ at most 1 / 0.03 in the 1-norm
            assertTrue(Compare.relative(got, exact) <= 1e-7, "differs by " + Compare.relative(got, exact));
        }
    }

    @Property(tries = 30)
    void thePowerSeriesAgreesToo(@ForAll @IntRange(min = 1, max = 30) int n,
                                 @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        double[][] a = matrix(n, seed, 0.8);
        double[] b = new double[n];
        java.util.Arrays.fill(b, 1.0);
        Krylov.Outcome o = Krylov.power(operator(a, true), n, b, 1, 1e-10, 2000);
        assertTrue(o.converged(), o.failure());
        assertTrue(Compare.relative(o.x(), gauss(a, b, true)) <= 1e-8);
    }

    @Property(tries = 10)
    void aMatrixWithSpectralRadiusAboveOneIsNotSolved(@ForAll @IntRange(min = 2, max = 20) int n,
                                                      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 1.2 / n; // every column sums to 1.2: spectral radius 1.2
            }
        }
        double[] b = new double[n];
        java.util.Arrays.fill(b, 1.0 + seed % 7);
        Krylov.Outcome o = Krylov.power(operator(a, false), n, b, 1, 1e-10, 2000);
        assertFalse(o.converged());
    }
}
