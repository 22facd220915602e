package org.gosplan.spark;

import java.util.Arrays;

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

    static Outcome bicgstab(Operator m, int n, double[] b, int k, double tol, int maxIt) {
        int len = n * k;
        double[] bNorm = normInf(b, n, k);
        double[] x = new double[len];
        double[] r = b.clone();
        double[] rhat = b.clone();
        double[] p = new double[len];
        double[] v = new double[len];
        double[] s = new double[len];
        double[] rho = fill(k, 1), alpha = fill(k, 1), omega = fill(k, 1), beta = new double[k];
        double[] rhoNew = dots(rhat, r, k);
        boolean[] active = new boolean[k];
        boolean[] restart = new boolean[k];
        int activeCount = 0;
        for (int c = 0; c < k; c++) {
            active[c] = bNorm[c] > 0;
            restart[c] = true;
            activeCount += active[c] ? 1 : 0;
        }
        double[] best = fill(k, Double.POSITIVE_INFINITY);
        int[] sinceBest = new int[k];
        double[] lastTrue = activeCount == 0 ? new double[k] : null;
        int it = 0, products = 0;
        String failure = null;
        while (activeCount > 0 && it < maxIt) {
            it++;
            lastTrue = null;
            for (int c = 0; c < k; c++) {
                beta[c] = restart[c] || !active[c] ? 0.0 : (rhoNew[c] / rho[c]) * (alpha[c] / omega[c]);
                rho[c] = rhoNew[c];
                restart[c] = false;
            }
            for (int i = 0; i < len; i++) {
                int c = i % k;
                p[i] = r[i] + (beta[c] == 0.0 ? 0.0 : beta[c] * (p[i] - omega[c] * v[i]));
            }
            double[] mp = m.apply(p, k);
            products++;
            for (int i = 0; i < len; i++) {
                v[i] = p[i] - mp[i];
            }
            double[] rv = dots(rhat, v, k);
            for (int c = 0; c < k; c++) {
                alpha[c] = active[c] && rv[c] != 0 ? rho[c] / rv[c] : 0.0;
            }
            for (int i = 0; i < len; i++) {
                s[i] = r[i] - alpha[i % k] * v[i];
            }
            double[] t = m.apply(s, k);
            products++;
            for (int i = 0; i < len; i++) {
                t[i] = s[i] - t[i];
            }
            double[] ts = dots(t, s, k), tt = dots(t, t, k);
            for (int c = 0; c < k; c++) {
                omega[c] = active[c] && tt[c] > 0 ? ts[c] / tt[c] : 0.0;
            }
            double[] rInf = new double[k];
            for (int i = 0; i < len; i++) {
                int c = i % k;
                if (!active[c]) {
                    continue;
                }
                x[i] += alpha[c] * p[i] + omega[c] * s[i];
                double ri = s[i] - omega[c] * t[i];
                r[i] = ri;
                double a = Math.abs(ri);
                if (a > rInf[c] || a != a) {
                    rInf[c] = a;
                }
            }
            rhoNew = dots(rhat, r, k);
            boolean check = false;
            for (int c = 0; c < k; c++) {
                if (!active[c]) {
                    continue;
                }
                double rel = rInf[c] / bNorm[c];
                if (!Double.isFinite(rel) || rel > 1e30) {
                    return new Outcome(x, it, products, fill(k, Double.POSITIVE_INFINITY), false, "bicgstab",
                            "BiCGSTAB diverges (I - A is singular or nearly so)");
                }
                if (rel < best[c] * 0.5) {
                    best[c] = rel;
                    sinceBest[c] = 0;
                } else if (++sinceBest[c] > 60) {
                    failure = "BiCGSTAB stagnates (I - A is singular or nearly so)";
                }
                if (rel <= tol * 0.25 || omega[c] == 0.0 || rhoNew[c] == 0.0 || !Double.isFinite(rhoNew[c])) {
                    check = true;
                }
            }
            if (failure != null) {
                break;
            }
            if (check) {
                double[] mx = m.apply(x, k);
                products++;
                double[] tr = residual(x, mx, b, n, k, bNorm);
                lastTrue = tr;
                for (int c = 0; c < k; c++) {
                    if (!active[c]) {
                        continue;
                    }
                    if (tr[c] <= tol) {
                        active[c] = false;
                        activeCount--;
                        continue;
                    }
                    double rel = rInf[c] / bNorm[c];
                    if (rel <= tol * 0.25 || omega[c] == 0.0 || rhoNew[c] == 0.0 || !Double.isFinite(rhoNew[c])) {
                        // restart this column from its true residual
                        double dd = 0;
                        for (int i = c; i < len; i += k) {
                            double ri = b[i] - x[i] + mx[i];
                            r[i] = ri;
                            rhat[i] = ri;
                            p[i] = 0;
                            v[i] = 0;
                            dd += ri * ri;
                        }
                        rho[c] = 1;
                        alpha[c] = 1;
                        omega[c] = 1;
                        rhoNew[c] = dd;
                        restart[c] = true;
                    }
                }
            }
        }
        for (double xi : x) {
            if (!Double.isFinite(xi)) {
                return new Outcome(x, it, products, fill(k, Double.POSITIVE_INFINITY), false, "bicgstab",
                        "BiCGSTAB broke down (non-finite values)");
            }
        }
        double[] res = lastTrue;
        if (res == null) {
            res = residual(x, m.apply(x, k), b, n, k, bNorm);
            products++;
        }
        boolean ok = allAtMost(res, tol);
        return new Outcome(x, it, products, res, ok, "bicgstab", ok ? null
                : failure != null ? failure : "BiCGSTAB did not converge in " + it + " iterations");
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

    static double[] dots(double[] u, double[] w, int k) {
        double[] d = new double[k];
        for (int i = 0; i < u.length; i++) {
            d[i % k] += u[i] * w[i];
        }
        return d;
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
