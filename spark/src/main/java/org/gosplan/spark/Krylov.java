package org.gosplan.spark;

import java.util.Arrays;
import org.gosplan.planner.leontief.KrylovOperator;
import org.gosplan.planner.leontief.Leontief;

/**
 * Solves {@code (I - M) x = b} for {@code k} right-hand sides at once (interleaved:
 * {@code x[i * k + c]}), where each product {@code M x} is one distributed pass over the matrix
 * and the vectors stay on the driver.
 *
 * <p>The method is the single-machine engine's for large systems, BiCGSTAB (van der Vorst), with
 * its stopping rule: a column stops when its true relative residual
 * {@code ‖b - x + M x‖∞ / ‖b‖∞} (absolute where {@code b = 0}), recomputed from {@code x}, is at most
 * the tolerance. Why BiCGSTAB and not the power series: on a cluster every product is a Spark job
 * (a broadcast and a collect, tens of milliseconds at least), so the count of products decides the
 * time, and BiCGSTAB needs far fewer of them where the spectral radius of {@code M} is near 1
 * (two products a step, with the error falling about as the square of the power series' rate);
 * GMRES would keep a basis of 30 vectors of length n on the driver. Where BiCGSTAB breaks down or
 * stagnates, the power series {@code x <- b + M x} (which converges whenever the economy is
 * productive) takes over, as on one machine.
 */
final class Krylov {
    private Krylov() {}

    /** {@code M x} for {@code width} interleaved vectors. */
    @FunctionalInterface
    interface Operator {
        double[] apply(double[] x, int width);
    }

    /** What a solve produced. */
    record Outcome(double[] x, int iterations, int products, double[] residual, boolean converged, String method,
                   String failure) {}

    static Outcome solve(Operator m, int n, double[] b, int k, double tol, int maxIt) {
        Outcome o = bicgstab(m, n, b, k, tol, maxIt);
        if (o.converged) {
            return o;
        }
        Outcome p = power(m, n, b, k, tol, maxIt);
        if (p.converged) {
            return new Outcome(p.x, o.iterations + p.iterations, o.products + p.products, p.residual, true, "power",
                    null);
        }
        return new Outcome(p.x, o.iterations + p.iterations, o.products + p.products, p.residual, false, "power",
                o.failure + "; then " + p.failure);
    }

    static double[] normInf(double[] b, int n, int k) {
        double[] m = new double[k];
        for (int i = 0; i < n * k; i++) {
            double a = Math.abs(b[i]);
            if (a > m[i % k]) {
                m[i % k] = a;
            }
        }
        return m;
    }

    /** True relative residual per column; {@code mx} = M x. */
    static double[] residual(double[] x, double[] mx, double[] b, int n, int k, double[] bNorm) {
        double[] r = new double[k];
        for (int i = 0; i < n * k; i++) {
            double d = Math.abs(b[i] - x[i] + mx[i]);
            int c = i % k;
            if (d > r[c] || d != d) {
                r[c] = d;
            }
        }
        for (int c = 0; c < k; c++) {
            if (bNorm[c] > 0) {
                r[c] /= bNorm[c];
            }
        }
        return r;
    }

    /**
     * The planner's own BiCGSTAB ({@link Leontief#bicgstab}: the same steps, restarts and stopping
     * rule as on one machine), each product of M one distributed pass.
     */
    static Outcome bicgstab(Operator m, int n, double[] b, int k, double tol, int maxIt) {
        int[] products = new int[1];
        KrylovOperator op = new KrylovOperator() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public void apply(double[] in, double[] out, int width, double[] add, double sign) {
                double[] mx = m.apply(in, width);
                products[0]++;
                for (int i = 0; i < n * width; i++) {
                    out[i] = (add == null ? 0.0 : add[i]) + sign * mx[i];
                }
            }
        };
        KrylovOperator.Result r = Leontief.bicgstab(op, b, k, tol, maxIt);
        return new Outcome(r.x(), r.iterations(), products[0], r.residual(), r.converged(), "bicgstab", r.failure());
    }

    /** The power series {@code x <- b + M x}: converges whenever the spectral radius of M is below 1. */
    static Outcome power(Operator m, int n, double[] b, int k, double tol, int maxIt) {
        double[] bNorm = normInf(b, n, k);
        double[] x = b.clone();
        double[] best = fill(k, Double.POSITIVE_INFINITY);
        int sinceBest = 0;
        int it = 0;
        double[] res = fill(k, Double.POSITIVE_INFINITY);
        while (it < maxIt) {
            it++;
            double[] mx = m.apply(x, k);
            // the residual of x is (b + M x) - x
            res = residual(x, mx, b, n, k, bNorm);
            if (allAtMost(res, tol)) {
                return new Outcome(x, it, it, res, true, "power", null);
            }
            boolean improved = false;
            for (int c = 0; c < k; c++) {
                if (!Double.isFinite(res[c]) || res[c] > 1e30) {
                    return new Outcome(x, it, it, fill(k, Double.POSITIVE_INFINITY), false, "power",
                            "the power series diverges (the spectral radius of A is at least 1)");
                }
                if (res[c] < best[c] * 0.999) {
                    best[c] = res[c];
                    improved = true;
                }
            }
            sinceBest = improved ? 0 : sinceBest + 1;
            if (sinceBest > 50) {
                break;
            }
            for (int i = 0; i < n * k; i++) {
                x[i] = b[i] + mx[i];
            }
        }
        return new Outcome(x, it, it, res, false, "power", "the power series did not converge in " + it
                + " iterations (the spectral radius of A is close to or above 1)");
    }

    static double[] fill(int k, double v) {
        double[] a = new double[k];
        Arrays.fill(a, v);
        return a;
    }

    static boolean allAtMost(double[] r, double tol) {
        for (double v : r) {
            if (!(v <= tol)) {
                return false;
            }
        }
        return true;
    }
}
