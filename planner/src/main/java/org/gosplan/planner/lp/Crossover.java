package org.gosplan.planner.lp;

import java.util.Arrays;

/**
 * Two projections of an approximate solution (PDLP's iterate) for fulfil when every technique
 * makes one product, used by {@link CertificateRepair} to turn the iterate into a certificate:
 *
 * <ul>
 *   <li>{@link #bellmanValues}: the largest valuations that no technique beats at given resource
 *       (and capacity) prices, a dual feasible point;
 *   <li>{@link #project}: a primal feasible plan near given levels, with one "main" technique per
 *       product whose level solves the product balances exactly (the square Leontief system of the
 *       main techniques, by Jacobi sweeps as in {@link PolicyIteration}), and λ as large as the
 *       limited resources and capacities allow.
 * </ul>
 *
 * <p>Both are projections, not an exact method: they are only as good as the iterate's technique
 * choice and prices; {@link BasisFinish} is the exact step after them and shares {@link Makers}
 * (the techniques making each product, the main techniques' Leontief solve). Single-threaded and
 * deterministic.
 */
final class Crossover {
    private Crossover() {}

    static final int MAX_SWEEPS = 5_000;
    static final int MAX_LIMITED = 50;

    /** Whether {@link #project} applies: fulfil, 1 to {@link #MAX_LIMITED} limited resources, single outputs. */
    static boolean applies(LpModel m) {
        return m.fulfil() && m.limited.length > 0 && m.limited.length <= MAX_LIMITED && singleOutputs(m);
    }

    /** Whether every technique makes exactly one product. */
    static boolean singleOutputs(LpModel m) {
        int[] os = m.economy.outputs().columnStarts();
        for (int t = 0; t < m.nt; t++) {
            if (os[t + 1] - os[t] != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The largest valuations that no technique beats at resource prices w and capacity prices mu
     * (mu may be null): {@code v_p = min over techniques t making p of (R^T w + mu + I^T v)_t / o_t},
     * by Jacobi sweeps from zero. The sweeps only raise the values, so every iterate is dual feasible
     * (to rounding): the uncapped techniques then make no profit at all. Null when a technique makes
     * more than one product, a product has no maker, or the values do not converge.
     */
    static double[] bellmanValues(LpModel m, double[] w, double[] mu) {
        int np = m.np, nt = m.nt;
        int[] os = m.economy.outputs().columnStarts();
        int[] orow = m.economy.outputs().rowIndexes();
        int[] prod = new int[nt];
        int[] own = new int[nt];
        double[] cost = new double[nt];
        boolean[] made = new boolean[np];
        for (int t = 0; t < nt; t++) {
            if (os[t + 1] - os[t] != 1) {
                return null;
            }
            int p = orow[os[t]];
            int k = Arrays.binarySearch(m.nRow, m.nStart[t], m.nStart[t + 1], p);
            own[t] = k;
            prod[t] = k >= 0 && m.nVal[k] > 0 ? p : -1;
            if (prod[t] >= 0) {
                made[p] = true;
            }
            double c = mu == null ? 0.0 : Math.max(0.0, mu[t]);
            for (int q = m.rStart[t]; q < m.rStart[t + 1]; q++) {
                int r = m.rRow[q];
                if (m.isLimited(r)) {
                    c += m.rVal[q] * w[r];
                }
            }
            cost[t] = c;
        }
        for (int p = 0; p < np; p++) {
            if (!made[p]) {
                return null;
            }
        }
        double[] v = new double[np];
        double[] nv = new double[np];
        for (int it = 0; it < MAX_SWEEPS; it++) {
            Arrays.fill(nv, Double.POSITIVE_INFINITY);
            for (int t = 0; t < nt; t++) {
                int p = prod[t];
                if (p < 0) {
                    continue;
                }
                double s = cost[t];
                for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                    if (q != own[t]) {
                        s -= m.nVal[q] * v[m.nRow[q]];
                    }
                }
                s /= m.nVal[own[t]];
                if (s < nv[p]) {
                    nv[p] = s;
                }
            }
            boolean settled = true;
            for (int p = 0; p < np; p++) {
                if (!(nv[p] < 1e300)) {
                    return null;
                }
                if (settled && Math.abs(nv[p] - v[p]) > 1e-15 * Math.abs(nv[p])) {
                    settled = false;
                }
            }
            double[] tmp = v;
            v = nv;
            nv = tmp;
            if (settled) {
                break;
            }
        }
        return v;
    }

    /**
     * A feasible plan near the given levels (PDLP's): per product the technique making the most
     * of it is "main", the others keep their levels (within bounds); the main levels then solve the
     * product balances exactly for λ d, and λ is the largest the limited resources and the main
     * techniques' capacities allow. Where a main level would be negative (the others make more
     * than needed) the others are cut back and the step repeats. Null when it does not apply.
     */
    static double[] project(LpModel m, double[] z0) {
        if (!applies(m)) {
            return null;
        }
        Makers r = new Makers(m);
        int np = m.np, nt = m.nt;
        for (int p = 0; p < np; p++) {
            if (r.ms[p + 1] == r.ms[p]) {
                return null;
            }
        }
        int[] main = r.fromLevels(z0);
        boolean[] isMain = new boolean[nt];
        for (int p = 0; p < np; p++) {
            isMain[main[p]] = true;
        }
        double[] z = new double[nt];
        for (int t = 0; t < nt; t++) {
            double x = z0[t];
            z[t] = isMain[t] || !(x > 0) ? 0.0 : Math.min(x, m.capacity[t]);
        }
        double[] d = new double[np];
        for (int p : m.targeted) {
            d[p] = m.demand[p];
        }
        double[] y1 = new double[np];
        double[] y0 = new double[np];
        boolean mainChanged = true;
        // a few rounds swap capped main techniques, then each cuts back the products still overmade (a handful each
        // at 300,000 products)
        for (int round = 0; round < 60; round++) {
            if (mainChanged && !r.levels(main, d, y1)) {
                return null;
            }
            mainChanged = false;
            double[] b = new double[np];
            for (int t = 0; t < nt; t++) {
                if (!isMain[t] && z[t] != 0.0) {
                    for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                        b[m.nRow[q]] -= m.nVal[q] * z[t];
                    }
                }
            }
            if (!r.levels(main, b, y0)) {
                return null;
            }
            double lam = Double.POSITIVE_INFINITY;
            for (int l = 0; l < r.nl; l++) {
                double fixed = 0, per = 0;
                double[] u = r.use[l];
                for (int t = 0; t < nt; t++) {
                    if (!isMain[t]) {
                        fixed += u[t] * z[t];
                    }
                }
                for (int p = 0; p < np; p++) {
                    fixed += u[main[p]] * y0[p];
                    per += u[main[p]] * y1[p];
                }
                if (per > 0) {
                    lam = Math.min(lam, (m.available[m.limited[l]] - fixed) / per);
                }
            }
            // a capped main technique that would overrun its capacity at the λ the resources allow runs at its
            // capacity instead, and a technique with more room makes the rest: one nearly full main technique
            // otherwise held λ down for the whole economy (at 100,000 products the plan came out 0.5% short)
            int swaps = 0;
            for (int p = 0; p < np && lam != Double.POSITIVE_INFINITY; p++) {
                int t = main[p];
                double cap = m.capacity[t];
                if (cap == Double.POSITIVE_INFINITY || !(lam * y1[p] + y0[p] > cap)) {
                    continue;
                }
                int u = -1;
                for (int i = r.ms[p]; i < r.ms[p + 1]; i++) {
                    int x = r.mt[i];
                    if (x != t && m.capacity[x] > cap && (u < 0 || m.capacity[x] > m.capacity[u])) {
                        u = x;
                    }
                }
                if (u >= 0) {
                    isMain[t] = false;
                    z[t] = cap;
                    isMain[u] = true;
                    z[u] = 0.0;
                    main[p] = u;
                    swaps++;
                }
            }
            if (BasisFinish.TRACE) {
                System.err.printf("project: round %d, lambda by the resources %.12f, %d capped main techniques swapped%n",
                        round, lam, swaps);
            }
            if (swaps > 0) {
                mainChanged = true;
                continue;
            }
            for (int p = 0; p < np; p++) {
                double cap = m.capacity[main[p]];
                if (cap != Double.POSITIVE_INFINITY && y1[p] > 0) {
                    lam = Math.min(lam, (cap - y0[p]) / y1[p]);
                }
            }
            if (!(lam > 0) || lam == Double.POSITIVE_INFINITY) {
                return null;
            }
            // a hair inside the limits: at exactly the λ they allow, rounding in the sums left a resource 1e-16 over
            // its availability at 1,000,000 products, and the projected plan counted as infeasible
            lam *= 1 - 1e-12;
            int cut = 0;
            for (int p = 0; p < np; p++) {
                double x = lam * y1[p] + y0[p];
                int t = main[p];
                if (x < 0) {
                    // the other techniques make too much of p: cut them back by the excess
                    double made = 0;
                    for (int i = r.ms[p]; i < r.ms[p + 1]; i++) {
                        int u = r.mt[i];
                        if (u != t) {
                            made += r.out[u] * z[u];
                        }
                    }
                    double f = Math.max(0.0, 1.0 - (-x * r.out[t]) / made * (1 + 1e-9));
                    for (int i = r.ms[p]; i < r.ms[p + 1]; i++) {
                        int u = r.mt[i];
                        if (u != t) {
                            z[u] *= f;
                        }
                    }
                    cut++;
                }
                z[t] = Math.max(0.0, x);
            }
            if (BasisFinish.TRACE) {
                System.err.printf("project: round %d, lambda %.12f, %d products cut back%n", round, lam, cut);
            }
            if (cut == 0) {
                return z;
            }
        }
        return null;
    }

    /** The techniques making each product, and their use of the limited resources. */
    /** Products up to which a Leontief solve of the main techniques that Jacobi sweeps do not settle is done densely. */
    static final int DENSE_LIMIT = 1_000;

    /**
     * Solves {@code a y = y} in place (a overwritten) by Gaussian elimination with partial pivoting; false where a is
     * singular to rounding (a pivot below 1e-13 of its column's largest entry) or the solution is not finite.
     */
    static boolean solveDense(double[][] a, double[] y) {
        int n = y.length;
        double[] colMax = new double[n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                colMax[j] = Math.max(colMax[j], Math.abs(row[j]));
            }
        }
        for (int k = 0; k < n; k++) {
            int piv = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[piv][k])) {
                    piv = i;
                }
            }
            if (!(Math.abs(a[piv][k]) > 1e-13 * colMax[k])) {
                return false;
            }
            double[] tr = a[piv];
            a[piv] = a[k];
            a[k] = tr;
            double ty = y[piv];
            y[piv] = y[k];
            y[k] = ty;
            double[] rk = a[k];
            for (int i = k + 1; i < n; i++) {
                double f = a[i][k] / rk[k];
                if (f != 0.0) {
                    double[] ri = a[i];
                    for (int j = k + 1; j < n; j++) {
                        ri[j] -= f * rk[j];
                    }
                    y[i] -= f * y[k];
                }
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            double sum = y[k];
            for (int j = k + 1; j < n; j++) {
                sum -= a[k][j] * y[j];
            }
            y[k] = sum / a[k][k];
            if (!Double.isFinite(y[k])) {
                return false;
            }
        }
        return true;
    }

    static final class Makers {
        final LpModel m;
        final int np;
        final int nt;
        final int nl;
        final int[] prod;
        final int[] own; // index of the own-product entry in N's column
        final double[] out;
        final int[] ms;
        final int[] mt;
        /** Use of each limited resource (in m.limited order) per unit level, dense [l][t]. */
        final double[][] use;

        Makers(LpModel m) {
            this.m = m;
            np = m.np;
            nt = m.nt;
            nl = m.limited.length;
            prod = new int[nt];
            own = new int[nt];
            out = new double[nt];
            int[] os = m.economy.outputs().columnStarts();
            int[] orow = m.economy.outputs().rowIndexes();
            double[] oval = m.outputs().values();
            for (int t = 0; t < nt; t++) {
                // a technique with joint outputs is a maker of the product it makes most of; the others
                // are by-products, in B's columns like inputs with the other sign
                if (os[t] == os[t + 1]) {
                    own[t] = -1;
                    prod[t] = -1;
                    continue;
                }
                int best = os[t];
                for (int k = os[t] + 1; k < os[t + 1]; k++) {
                    if (oval[k] > oval[best]) {
                        best = k;
                    }
                }
                int p = orow[best];
                int k = Arrays.binarySearch(m.nRow, m.nStart[t], m.nStart[t + 1], p);
                own[t] = k;
                out[t] = k >= 0 ? m.nVal[k] : 0;
                prod[t] = out[t] > 0 ? p : -1;
            }
            ms = new int[np + 1];
            for (int t = 0; t < nt; t++) {
                if (prod[t] >= 0) {
                    ms[prod[t] + 1]++;
                }
            }
            for (int p = 0; p < np; p++) {
                ms[p + 1] += ms[p];
            }
            mt = new int[ms[np]];
            int[] next = Arrays.copyOf(ms, np);
            for (int t = 0; t < nt; t++) {
                if (prod[t] >= 0) {
                    mt[next[prod[t]]++] = t;
                }
            }
            use = new double[nl][nt];
            int[] li = new int[m.nr];
            Arrays.fill(li, -1);
            for (int l = 0; l < nl; l++) {
                li[m.limited[l]] = l;
            }
            for (int t = 0; t < nt; t++) {
                for (int q = m.rStart[t]; q < m.rStart[t + 1]; q++) {
                    int l = li[m.rRow[q]];
                    if (l >= 0) {
                        use[l][t] += m.rVal[q];
                    }
                }
            }
        }

        /** Main techniques: per product the one making the most of it in the given levels. */
        int[] fromLevels(double[] z0) {
            int[] main = new int[np];
            for (int p = 0; p < np; p++) {
                int best = mt[ms[p]];
                double bz = -1;
                for (int i = ms[p]; i < ms[p + 1]; i++) {
                    int t = mt[i];
                    double y = z0[t] * out[t];
                    // a technique at its capacity is better left a side technique
                    boolean atCap = z0[t] >= m.capacity[t] * (1 - 1e-6);
                    double score = atCap ? y * 1e-3 : y;
                    if (score > bz) {
                        bz = score;
                        best = t;
                    }
                }
                main[p] = best;
            }
            return main;
        }

        /**
         * B x = b (x: levels of the main techniques): Jacobi sweeps warm started from x; where they do not settle (joint
         * production: by-products of main techniques make B's off-diagonal part positive in places, and Jacobi can
         * cycle where B is regular), Gaussian elimination up to {@link #DENSE_LIMIT} products.
         */
        boolean levels(int[] main, double[] b, double[] x) {
            double[] start = x.clone();
            if (jacobiLevels(main, b, x)) {
                return true;
            }
            if (np > DENSE_LIMIT) {
                return false;
            }
            double[][] a = new double[np][np];
            for (int p = 0; p < np; p++) {
                int t = main[p];
                for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                    a[m.nRow[q]][p] += m.nVal[q];
                }
            }
            double[] y = b.clone();
            if (!solveDense(a, y)) {
                System.arraycopy(start, 0, x, 0, np);
                return false;
            }
            System.arraycopy(y, 0, x, 0, np);
            return true;
        }

        /** Jacobi sweeps for B x = b (x: levels of the main techniques), warm started from x. */
        private boolean jacobiLevels(int[] main, double[] b, double[] x) {
            double[] acc = new double[np];
            double[] gross = new double[np];
            for (int it = 0; it < MAX_SWEEPS; it++) {
                System.arraycopy(b, 0, acc, 0, np);
                for (int p = 0; p < np; p++) {
                    gross[p] = Math.abs(b[p]);
                }
                for (int p = 0; p < np; p++) {
                    int t = main[p];
                    double xt = x[p];
                    if (xt != 0.0) {
                        for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                            if (q != own[t]) {
                                double f = m.nVal[q] * xt;
                                acc[m.nRow[q]] -= f;
                                gross[m.nRow[q]] += Math.abs(f);
                            }
                        }
                    }
                }
                boolean settled = true;
                double size = 0;
                for (int p = 0; p < np; p++) {
                    double y = acc[p] / out[main[p]];
                    if (settled && Math.abs(y - x[p]) > 1e-15 * gross[p] / out[main[p]]) {
                        settled = false;
                    }
                    x[p] = y;
                    size = Math.max(size, Math.abs(y));
                }
                if (!(size < 1e300)) {
                    return false;
                }
                if (settled) {
                    return true;
                }
            }
            return false;
        }
    }
}
