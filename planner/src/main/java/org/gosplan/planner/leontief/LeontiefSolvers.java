package org.gosplan.planner.leontief;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The solvers of {@code (I - A) x = b} and {@code (I - A)^T x = b} on a {@link LeontiefOperator},
 * for {@code k} right-hand sides stored interleaved. Each returns when every column's true
 * relative residual is at most the tolerance, or after the iteration limit, or as soon as the
 * iteration diverges (non-finite or exploding values); the caller checks {@link Outcome#converged}.
 */
final class LeontiefSolvers {
    private LeontiefSolvers() {}

    /** What a solve produced. */
    static final class Outcome {
        final double[] x;
        final int iterations;
        final double[] residual;
        final boolean converged;
        final String failure;

        Outcome(double[] x, int iterations, double[] residual, boolean converged, String failure) {
            this.x = x;
            this.iterations = iterations;
            this.residual = residual;
            this.converged = converged;
            this.failure = failure;
        }
    }

    /** A linear map: {@code out = add + sign * A in} (or with A^T). */
    @FunctionalInterface
    interface Map {
        void apply(double[] in, double[] out, int k, double[] add, double sign);
    }

    static Map map(LeontiefOperator op, boolean transposed) {
        if (transposed) {
            return op::multiplyTransposed;
        }
        return (in, out, k, add, sign) -> op.multiply(in, out, k, add, sign, null);
    }

    // ----------------------------------------------------------------------------- residual

    /** True relative residual per column: ‖b - x + A x‖∞ / ‖b‖∞ (absolute where b = 0). */
    static double[] residual(Map a, int n, double[] x, double[] b, int k, double[] bNorm, double[] work) {
        a.apply(x, work, k, b, 1.0); // b + A x
        double[] m = new double[k];
        double[] exact = maxAbsDiff(work, x, n, k);
        for (int c = 0; c < k; c++) {
            m[c] = bNorm[c] > 0 ? exact[c] / bNorm[c] : exact[c];
        }
        return m;
    }

    private static double[] maxAbsDiff(double[] u, double[] v, int n, int k) {
        int chunk = KernelPool.CHUNK;
        int chunks = (n + chunk - 1) / chunk;
        double[] partial = new double[Math.max(1, chunks) * k];
        int parts = Math.min(KernelPool.partsFor((long) n * k), Math.max(1, chunks));
        KernelPool.run(parts, s -> {
            int c0 = (int) ((long) chunks * s / parts), c1 = (int) ((long) chunks * (s + 1) / parts);
            for (int c = c0; c < c1; c++) {
                int from = c * chunk * k, to = Math.min(n, (c + 1) * chunk) * k;
                for (int i = from; i < to; i++) {
                    double d = Math.abs(u[i] - v[i]);
                    int j = c * k + i % k;
                    if (d > partial[j] || d != d) {
                        partial[j] = d;
                    }
                }
            }
        });
        double[] m = new double[k];
        for (int c = 0; c < chunks; c++) {
            for (int j = 0; j < k; j++) {
                double d = partial[c * k + j];
                if (d > m[j] || d != d) {
                    m[j] = d;
                }
            }
        }
        return m;
    }

    private static boolean allAtMost(double[] r, double tol) {
        for (double v : r) {
            if (!(v <= tol)) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(double[] r) {
        for (double v : r) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    // ----------------------------------------------------------------------------- dense LU

    static Outcome dense(LeontiefOperator op, boolean transposed, double[] b, int k) {
        int n = op.n;
        double[] a = op.dense();
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double aij = transposed ? a[j * n + i] : a[i * n + j];
                m.data[i * n + j] = (i == j ? 1.0 : 0.0) - aij;
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
        if (!solver.setA(m) || !(solver.quality() > 1e-14)) {
            return new Outcome(new double[n * k], 0, fill(k, Double.POSITIVE_INFINITY), false,
                    "I - A is singular");
        }
        DMatrixRMaj rhs = new DMatrixRMaj(n, k);
        System.arraycopy(b, 0, rhs.data, 0, n * k);
        DMatrixRMaj sol = new DMatrixRMaj(n, k);
        solver.solve(rhs, sol);
        double[] x = Arrays.copyOf(sol.data, n * k);
        double[] res = residual(map(op, transposed), n, x, b, k, KernelVectors.normInf(b, n, k), new double[n * k]);
        return new Outcome(x, 0, res, finite(x), finite(x) ? null : "the LU solution is not finite");
    }

    /** The dense inverse {@code (I - A)^-1}, row-major, or null when singular. */
    static double[] inverse(LeontiefOperator op) {
        int n = op.n;
        double[] a = op.dense();
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            m.data[i] = -a[i];
        }
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] += 1.0;
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
        if (!solver.setA(m) || !(solver.quality() > 1e-14)) {
            return null;
        }
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        solver.invert(inv);
        return inv.data;
    }

    static double[] fill(int k, double v) {
        double[] a = new double[k];
        Arrays.fill(a, v);
        return a;
    }

    // ----------------------------------------------------------------------------- power / Jacobi

    static Outcome power(LeontiefOperator op, boolean transposed, double[] b, int k, double tol, int maxIt) {
        int n = op.n;
        Map a = map(op, transposed);
        double[] bNorm = KernelVectors.normInf(b, n, k);
        double[] d = op.diagonal;
        boolean jacobi = false;
        for (int i = 0; i < n && !jacobi; i++) {
            jacobi = d[i] != 0.0;
        }
        final boolean useJacobi = jacobi;
        double[] x = b.clone();
        if (useJacobi) {
            for (int i = 0; i < n * k; i++) {
                x[i] = b[i] / (1 - d[i / k]);
            }
        }
        double[] next = new double[n * k];
        double[] best = fill(k, Double.POSITIVE_INFINITY);
        int sinceBest = 0;
        int it = 0;
        while (it < maxIt) {
            it++;
            final double[] cur = x;
            final double[] nx = next;
            // next = b + A x (the residual of x is next - x), then Jacobi's division, in one pass
            double[] res = op.multiplyReduce(transposed, x, next, k, b, 1.0, k, 0, (from, to, acc) -> {
                for (int i = from; i < to; i++) {
                    for (int c = 0; c < k; c++) {
                        int j = i * k + c;
                        double r = nx[j] - cur[j];
                        double ar = Math.abs(r);
                        if (ar > acc[c] || ar != ar) {
                            acc[c] = ar;
                        }
                        if (useJacobi) {
                            nx[j] = cur[j] + r / (1 - d[i]);
                        }
                    }
                }
            });
            double[] tmp = x;
            x = next;
            next = tmp;
            boolean improved = false;
            boolean done = true;
            for (int c = 0; c < k; c++) {
                double rel = bNorm[c] > 0 ? res[c] / bNorm[c] : res[c];
                if (!Double.isFinite(rel) || rel > 1e30) {
                    return new Outcome(x, it, fill(k, Double.POSITIVE_INFINITY), false,
                            "the power series diverges (the spectral radius of A is at least 1)");
                }
                if (rel < best[c] * 0.999) {
                    best[c] = rel;
                    improved = true;
                }
                done &= rel <= tol * 0.25;
            }
            sinceBest = improved ? 0 : sinceBest + 1;
            if (done) {
                double[] r = residual(a, n, x, b, k, bNorm, next);
                if (allAtMost(r, tol)) {
                    return new Outcome(x, it, r, true, null);
                }
            }
            if (sinceBest > 50) {
                break;
            }
        }
        double[] r = residual(a, n, x, b, k, bNorm, next);
        boolean ok = allAtMost(r, tol);
        return new Outcome(x, it, r, ok, ok ? null : "the power series did not converge in " + it
                + " iterations (the spectral radius of A is close to or above 1)");
    }

    // ----------------------------------------------------------------------------- Gauss-Seidel

    static Outcome gaussSeidel(LeontiefOperator op, boolean transposed, double[] b, double tol, int maxIt) {
        int n = op.n;
        Map a = map(op, transposed);
        double[] bNorm = KernelVectors.normInf(b, n, 1);
        double[] x = b.clone();
        double[] acc = new double[n];
        double[] work = new double[n];
        double[] d = op.diagonal;
        int[] cs = op.colStart, ri = op.rowIndex, perm = op.productOf, techOf = op.techniqueOf;
        double[] v = op.value, iq = op.invQ;
        double best = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        int it = 0;
        while (it < maxIt) {
            it++;
            double change = 0;
            if (transposed) {
                for (int t = 0; t < n; t++) {
                    int p = perm == null ? t : perm[t];
                    double s = 0;
                    for (int q = cs[t]; q < cs[t + 1]; q++) {
                        s += v[q] * x[ri[q]];
                    }
                    if (iq != null) {
                        s *= iq[t];
                    }
                    double nx = (b[p] + s - d[p] * x[p]) / (1 - d[p]);
                    change = Math.max(change, Math.abs(nx - x[p]));
                    x[p] = nx;
                }
            } else {
                // acc = b + (strictly upper part) x_old, then sweep rows in order with fresh values
                System.arraycopy(b, 0, acc, 0, n);
                for (int j = 0; j < n; j++) {
                    int t = techOf == null ? j : techOf[j];
                    double xj = x[j] * (iq == null ? 1.0 : iq[t]);
                    for (int q = cs[t]; q < cs[t + 1] && ri[q] < j; q++) {
                        acc[ri[q]] += v[q] * xj;
                    }
                }
                for (int j = 0; j < n; j++) {
                    int t = techOf == null ? j : techOf[j];
                    double nx = acc[j] / (1 - d[j]);
                    change = Math.max(change, Math.abs(nx - x[j]));
                    x[j] = nx;
                    double xj = nx * (iq == null ? 1.0 : iq[t]);
                    for (int q = cs[t + 1] - 1; q >= cs[t] && ri[q] > j; q--) {
                        acc[ri[q]] += v[q] * xj;
                    }
                }
            }
            double rel = bNorm[0] > 0 ? change / bNorm[0] : change;
            if (!Double.isFinite(rel) || rel > 1e30) {
                return new Outcome(x, it, fill(1, Double.POSITIVE_INFINITY), false,
                        "Gauss-Seidel diverges (the spectral radius of A is at least 1)");
            }
            if (rel < best * 0.999) {
                best = rel;
                sinceBest = 0;
            } else if (++sinceBest > 50) {
                break;
            }
            if (rel <= tol * 0.1) {
                double[] r = residual(a, n, x, b, 1, bNorm, work);
                if (allAtMost(r, tol)) {
                    return new Outcome(x, it, r, true, null);
                }
            }
        }
        double[] r = residual(a, n, x, b, 1, bNorm, work);
        boolean ok = allAtMost(r, tol);
        return new Outcome(x, it, r, ok, ok ? null : "Gauss-Seidel did not converge in " + it + " iterations");
    }

    // ----------------------------------------------------------------------------- BiCGSTAB

    /**
     * BiCGSTAB on {@code M = I - A} (or its transpose) for k columns at once: each column has its
     * own scalars; the two matrix products of a step serve all columns in one pass.
     */
    static Outcome bicgstab(LeontiefOperator op, boolean transposed, double[] b, int k, double tol, int maxIt) {
        Map m = map(op, transposed);
        return bicgstab(op.n, new Fused() {
            @Override
            public void apply(double[] in, double[] out, int kk, double[] add, double sign) {
                m.apply(in, out, kk, add, sign);
            }

            @Override
            public double[] applyReduce(double[] in, double[] out, int kk, double[] add, double sign, int width,
                                        int maxFrom, KernelVectors.Chunk post) {
                return op.multiplyReduce(transposed, in, out, kk, add, sign, width, maxFrom, post);
            }
        }, b, k, tol, maxIt);
    }

    /** BiCGSTAB on {@code I - M} for an operator known only by its products (another engine's). */
    static Outcome bicgstab(KrylovOperator op, double[] b, int k, double tol, int maxIt) {
        return bicgstab(op.size(), new Fused() {
            @Override
            public void apply(double[] in, double[] out, int kk, double[] add, double sign) {
                op.apply(in, out, kk, add, sign);
            }

            @Override
            public double[] applyReduce(double[] in, double[] out, int kk, double[] add, double sign, int width,
                                        int maxFrom, KernelVectors.Chunk post) {
                op.apply(in, out, kk, add, sign);
                return KernelVectors.reduce(op.size(), kk, width, maxFrom, post);
            }
        }, b, k, tol, maxIt);
    }

    /** A product followed by a reduction over its result, fused into one pass where the operator can. */
    interface Fused extends Map {
        double[] applyReduce(double[] in, double[] out, int k, double[] add, double sign, int width, int maxFrom,
                             KernelVectors.Chunk post);
    }

    private static Outcome bicgstab(int n, Fused a, double[] b, int k, double tol, int maxIt) {
        int len = n * k;
        double[] bNorm = KernelVectors.normInf(b, n, k);
        double[] x = new double[len];
        double[] r = b.clone();
        double[] rhat = b.clone();
        double[] p = new double[len];
        double[] v = new double[len];
        double[] s = new double[len];
        double[] t = new double[len];
        double[] rho = fill(k, 1), alpha = fill(k, 1), omega = fill(k, 1), beta = new double[k];
        boolean[] active = new boolean[k];
        boolean[] restart = new boolean[k];
        int activeCount = 0;
        for (int c = 0; c < k; c++) {
            active[c] = bNorm[c] > 0;
            restart[c] = true;
            if (active[c]) {
                activeCount++;
            }
        }
        double[] rhoNew = dots(rhat, r, n, k);
        double[] best = fill(k, Double.POSITIVE_INFINITY);
        int[] sinceBest = new int[k];
        int it = 0;
        String failure = null;
        double[] lastTrue = null; // the true residual of x, when x has not moved since
        while (activeCount > 0 && it < maxIt) {
            it++;
            lastTrue = null;
            for (int c = 0; c < k; c++) {
                beta[c] = restart[c] || !active[c] ? 0.0 : (rhoNew[c] / rho[c]) * (alpha[c] / omega[c]);
                rho[c] = rhoNew[c];
                restart[c] = false;
            }
            final double[] bt = beta.clone(), om = omega.clone();
            for (int c = 0; c < k; c++) {
                if (bt[c] == 0.0) {
                    om[c] = 0.0;
                }
            }
            // p = r + beta (p - omega v)
            KernelVectors.each(n, k, (from, to) -> {
                if (k == 1) {
                    double b0 = bt[0], o0 = om[0];
                    for (int i = from; i < to; i++) {
                        p[i] = r[i] + b0 * (p[i] - o0 * v[i]);
                    }
                } else {
                    for (int i = from * k; i < to * k; i++) {
                        int c = i % k;
                        p[i] = r[i] + bt[c] * (p[i] - om[c] * v[i]);
                    }
                }
            });
            // v = M p, and (rhat, v) while v is in cache
            double[] rv = a.applyReduce(p, v, k, p, -1.0, k, k, (from, to, acc) -> {
                if (k == 1) {
                    double d = 0;
                    for (int i = from; i < to; i++) {
                        d += rhat[i] * v[i];
                    }
                    acc[0] = d;
                } else {
                    for (int i = from * k; i < to * k; i++) {
                        acc[i % k] += rhat[i] * v[i];
                    }
                }
            });
            for (int c = 0; c < k; c++) {
                alpha[c] = active[c] && rv[c] != 0 ? rho[c] / rv[c] : 0.0;
            }
            final double[] al = alpha.clone();
            // s = r - alpha v
            KernelVectors.each(n, k, (from, to) -> {
                if (k == 1) {
                    double a0 = al[0];
                    for (int i = from; i < to; i++) {
                        s[i] = r[i] - a0 * v[i];
                    }
                } else {
                    for (int i = from * k; i < to * k; i++) {
                        s[i] = r[i] - al[i % k] * v[i];
                    }
                }
            });
            // t = M s, and (t, s), (t, t)
            double[] tsTt = a.applyReduce(s, t, k, s, -1.0, 2 * k, 2 * k, (from, to, acc) -> {
                if (k == 1) {
                    double ts = 0, tt = 0;
                    for (int i = from; i < to; i++) {
                        ts += t[i] * s[i];
                        tt += t[i] * t[i];
                    }
                    acc[0] = ts;
                    acc[1] = tt;
                } else {
                    for (int i = from * k; i < to * k; i++) {
                        int c = i % k;
                        acc[c] += t[i] * s[i];
                        acc[k + c] += t[i] * t[i];
                    }
                }
            });
            for (int c = 0; c < k; c++) {
                omega[c] = active[c] && tsTt[k + c] > 0 ? tsTt[c] / tsTt[k + c] : 0.0;
            }
            final double[] om2 = omega.clone();
            final double[] al2 = alpha.clone();
            // x += alpha p + omega s; r = s - omega t; (rhat, r) and max |r|
            double[] red = KernelVectors.reduce(n, k, 2 * k, k, (from, to, acc) -> {
                if (k == 1) {
                    double a0 = al2[0], o0 = om2[0], d = 0, m = 0;
                    for (int i = from; i < to; i++) {
                        x[i] += a0 * p[i] + o0 * s[i];
                        double ri = s[i] - o0 * t[i];
                        r[i] = ri;
                        d += rhat[i] * ri;
                        double ar = Math.abs(ri);
                        if (ar > m || ar != ar) {
                            m = ar;
                        }
                    }
                    acc[0] = d;
                    acc[1] = m;
                } else {
                    for (int i = from * k; i < to * k; i++) {
                        int c = i % k;
                        x[i] += al2[c] * p[i] + om2[c] * s[i];
                        double ri = s[i] - om2[c] * t[i];
                        r[i] = ri;
                        acc[c] += rhat[i] * ri;
                        double ar = Math.abs(ri);
                        if (ar > acc[k + c] || ar != ar) {
                            acc[k + c] = ar;
                        }
                    }
                }
            });
            double[] rInf = Arrays.copyOfRange(red, k, 2 * k);
            boolean check = false;
            for (int c = 0; c < k; c++) {
                rhoNew[c] = red[c];
                if (!active[c]) {
                    continue;
                }
                double rel = rInf[c] / bNorm[c];
                if (!Double.isFinite(rel) || rel > 1e30) {
                    return new Outcome(x, it, fill(k, Double.POSITIVE_INFINITY), false,
                            "BiCGSTAB diverges (I - A is singular or nearly so)");
                }
                if (rel < best[c] * 0.5) {
                    best[c] = rel;
                    sinceBest[c] = 0;
                } else if (++sinceBest[c] > 60) {
                    failure = "BiCGSTAB stagnates (I - A is singular or nearly so)";
                }
                if (rel <= tol * 0.25 || omega[c] == 0.0 || rhoNew[c] == 0.0 || !Double.isFinite(rhoNew[c])) {
                    check = true; // converged by the recursion, or a breakdown: look at the true residual
                }
            }
            if (failure != null) {
                break;
            }
            if (check) {
                double[] tr = residual(a, n, x, b, k, bNorm, t); // t = b + A x afterwards
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
                        for (int i = 0; i < n; i++) {
                            int j = i * k + c;
                            double ri = t[j] - x[j];
                            r[j] = ri;
                            rhat[j] = ri;
                            p[j] = 0;
                            v[j] = 0;
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
        if (!finite(x)) {
            return new Outcome(x, it, fill(k, Double.POSITIVE_INFINITY), false, "BiCGSTAB broke down (non-finite values)");
        }
        double[] res = lastTrue != null ? lastTrue : residual(a, n, x, b, k, bNorm, t);
        boolean ok = allAtMost(res, tol);
        return new Outcome(x, it, res, ok, ok ? null : failure != null ? failure
                : "BiCGSTAB did not converge in " + it + " iterations");
    }

    /** Per-column dot products of interleaved blocks. */
    static double[] dots(double[] u, double[] w, int n, int k) {
        return KernelVectors.reduce(n, k, k, (from, to, acc) -> {
            for (int i = from * k; i < to * k; i++) {
                acc[i % k] += u[i] * w[i];
            }
        });
    }

    // ----------------------------------------------------------------------------- GMRES

    static Outcome gmres(LeontiefOperator op, boolean transposed, double[] b, double tol, int maxIt, int restart) {
        int n = op.n;
        Map a = map(op, transposed);
        double[] bNorm = KernelVectors.normInf(b, n, 1);
        double[] x = new double[n];
        double[] work = new double[n];
        if (bNorm[0] == 0) {
            return new Outcome(x, 0, new double[1], true, null);
        }
        int m = Math.max(2, restart);
        double[][] vs = new double[m + 1][];
        double[][] h = new double[m + 1][m];
        double[] cs = new double[m], sn = new double[m], g = new double[m + 1];
        int it = 0;
        double[] r = new double[n];
        double lastTrue = Double.POSITIVE_INFINITY;
        int stalls = 0;
        while (it < maxIt) {
            // r = b - M x = b - x + A x
            a.apply(x, work, 1, b, 1.0);
            final double[] wk = work;
            KernelVectors.each(n, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    r[i] = wk[i] - x[i];
                }
            });
            double trueRel = KernelVectors.normInf(r, n, 1)[0] / bNorm[0];
            if (!Double.isFinite(trueRel)) {
                return new Outcome(x, it, fill(1, Double.POSITIVE_INFINITY), false, "GMRES broke down (non-finite values)");
            }
            if (trueRel <= tol) {
                return new Outcome(x, it, new double[] {trueRel}, true, null);
            }
            if (trueRel > lastTrue * 0.9) {
                if (++stalls > 5) {
                    return new Outcome(x, it, new double[] {trueRel}, false,
                            "GMRES stagnates (I - A is singular or nearly so)");
                }
            } else {
                stalls = 0;
            }
            lastTrue = trueRel;
            double beta = Math.sqrt(dots(r, r, n, 1)[0]);
            if (vs[0] == null) {
                vs[0] = new double[n];
            }
            final double inv = 1 / beta;
            final double[] v0 = vs[0];
            KernelVectors.each(n, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    v0[i] = r[i] * inv;
                }
            });
            Arrays.fill(g, 0);
            g[0] = beta;
            double target = tol * 0.25 * bNorm[0];
            int j = 0;
            for (; j < m && it < maxIt; j++) {
                it++;
                if (vs[j + 1] == null) {
                    vs[j + 1] = new double[n];
                }
                double[] w = vs[j + 1];
                a.apply(vs[j], w, 1, vs[j], -1.0);
                for (int i = 0; i <= j; i++) { // modified Gram-Schmidt
                    double hij = dots(w, vs[i], n, 1)[0];
                    h[i][j] = hij;
                    final double[] vi = vs[i];
                    KernelVectors.each(n, 1, (from, to) -> {
                        for (int q = from; q < to; q++) {
                            w[q] -= hij * vi[q];
                        }
                    });
                }
                double hn = Math.sqrt(dots(w, w, n, 1)[0]);
                h[j + 1][j] = hn;
                if (hn > 0) {
                    final double iv = 1 / hn;
                    KernelVectors.each(n, 1, (from, to) -> {
                        for (int q = from; q < to; q++) {
                            w[q] *= iv;
                        }
                    });
                }
                for (int i = 0; i < j; i++) {
                    double tmp = cs[i] * h[i][j] + sn[i] * h[i + 1][j];
                    h[i + 1][j] = -sn[i] * h[i][j] + cs[i] * h[i + 1][j];
                    h[i][j] = tmp;
                }
                double den = Math.hypot(h[j][j], h[j + 1][j]);
                cs[j] = den == 0 ? 1 : h[j][j] / den;
                sn[j] = den == 0 ? 0 : h[j + 1][j] / den;
                h[j][j] = den;
                h[j + 1][j] = 0;
                g[j + 1] = -sn[j] * g[j];
                g[j] = cs[j] * g[j];
                // 2-norm estimate bounds the max norm
                if (Math.abs(g[j + 1]) <= target || hn == 0) {
                    j++;
                    break;
                }
            }
            // solve the triangular system and update x
            double[] yv = new double[j];
            for (int i = j - 1; i >= 0; i--) {
                double sum = g[i];
                for (int q = i + 1; q < j; q++) {
                    sum -= h[i][q] * yv[q];
                }
                yv[i] = h[i][i] == 0 ? 0 : sum / h[i][i];
            }
            for (int i = 0; i < j; i++) {
                final double yi = yv[i];
                final double[] vi = vs[i];
                KernelVectors.each(n, 1, (from, to) -> {
                    for (int q = from; q < to; q++) {
                        x[q] += yi * vi[q];
                    }
                });
            }
        }
        double[] res = residual(a, n, x, b, 1, bNorm, work);
        boolean ok = allAtMost(res, tol);
        return new Outcome(x, it, res, ok, ok ? null : "GMRES did not converge in " + it + " iterations");
    }
}
