package org.gosplan.planner;

import com.google.ortools.modelbuilder.ModelBuilderHelper;
import com.google.ortools.modelbuilder.ModelSolverHelper;
import com.google.ortools.modelbuilder.SolveStatus;
import java.util.Arrays;

/**
 * An exact method for fulfil when every technique makes one product and a few resources are
 * limited (with capacities on the techniques): a partitioned basis, solved by a block dual method.
 *
 * <p>A basis of this LP has, for every product, one "main" technique (the one whose level
 * balances the product's row), and at most one more basic variable per limited resource. With the
 * main techniques fixed (a square Leontief matrix {@code B}, columns the main techniques' net
 * outputs), the levels of the main techniques are a linear function of λ and of the levels of all
 * the other ("side") techniques: {@code z_main = B^-1 (λ d - N_side z_side)}. Substituted into the
 * resource rows this leaves a small LP, one row per limited resource and one column per side
 * technique (its reduced resource use {@code R_o - V^T N_o}, with {@code V = B^-T R_main} the full
 * resource contents of the products, computed by Jacobi sweeps as in {@link PolicyIteration}),
 * bounds the capacities (or, without one, the bound the limited resources imply, which the full
 * LP implies too). GLOP solves that small LP exactly; its resource prices {@code w} give the
 * valuations {@code v = Σ w_r V_r}, which every main technique breaks even at and no side
 * technique beats beyond its capacity price: dual feasible for the full LP. What remains is the
 * sign of the main levels: a product whose main level comes out negative (its side technique
 * covers more than needed) or above the main technique's capacity changes its main technique, and
 * the step repeats (a dual method: the valuations stay feasible, the levels become so).
 *
 * <p><b>Experimental, not called by {@link Planner}:</b> on the hard benchmark economies (10,000
 * products) the steps come within 0.2% of the optimum and then cycle (one product switching back
 * and forth under the trust region that keeps the side techniques below their product's gross
 * output); the trust region is not an exact pivot rule. {@link #project} and
 * {@link #bellmanValues} (used by {@link CertificateRepair}) are the parts in use.
 *
 * <p>Single-threaded and deterministic. Returns NOT_APPLICABLE (with why) when the structure does
 * not hold or the steps do not settle, so that the caller can take another method.
 */
final class Crossover {
    private Crossover() {}

    static final int MAX_STEPS = 200;
    static final int MAX_SWEEPS = 5_000;
    static final int MAX_LIMITED = 50;
    /** Side techniques may make at most this share of their product's gross output of the last step. */
    static final double TRUST = 1.0;
    static final boolean DEBUG = Boolean.getBoolean("gosplan.crossover.debug");

    /** Why the method does not apply, or null. */
    static String whyNot(LpModel m) {
        if (!m.fulfil()) {
            return "only for fulfil";
        }
        if (m.limited.length == 0) {
            return "no resource is limited";
        }
        if (m.limited.length > MAX_LIMITED) {
            return m.limited.length + " resources are limited";
        }
        int[] os = m.economy.outputs().columnStarts();
        for (int t = 0; t < m.nt; t++) {
            if (os[t + 1] - os[t] != 1) {
                return "technique '" + m.economy.techniqueId(t) + "' has joint production";
            }
        }
        return null;
    }

    /** From scratch: the first main techniques are the cheapest at prices 1 / a_r. */
    static LpSolution solve(LpModel m) {
        return solve(m, null);
    }

    /**
     * @param start levels to take the first main techniques from (PDLP's), or null for the cheapest
     *              techniques at prices {@code 1 / a_r}
     */
    static LpSolution solve(LpModel m, double[] start) {
        long t0 = System.nanoTime();
        String why = whyNot(m);
        if (why != null) {
            return na(why, 0, t0);
        }
        return new Crossover.Run(m).run(start, t0);
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
        if (whyNot(m) != null) {
            return null;
        }
        Run r = new Run(m);
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
        if (!r.levels(main, d, y1)) {
            return null;
        }
        double[] y0 = new double[np];
        for (int round = 0; round < 20; round++) {
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
            for (int p = 0; p < np; p++) {
                double cap = m.capacity[main[p]];
                if (cap != Double.POSITIVE_INFINITY && y1[p] > 0) {
                    lam = Math.min(lam, (cap - y0[p]) / y1[p]);
                }
            }
            if (!(lam > 0) || lam == Double.POSITIVE_INFINITY) {
                return null;
            }
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
            if (cut == 0) {
                return z;
            }
        }
        return null;
    }

    private static LpSolution na(String why, long steps, long t0) {
        return LpSolution.without(LpSolution.Outcome.NOT_APPLICABLE, "crossover", steps,
                PolicyIteration.seconds(t0), why);
    }

    private static final class Run {
        final LpModel m;
        final int np;
        final int nt;
        final int nl;
        final int[] prod;
        final int[] own; // index of the own-product entry in N's column
        final double[] out;
        final int[] ms;
        final int[] mt;
        /** Upper bound of each level in the full LP: the capacity or the bound the limited resources imply. */
        final double[] ub;
        /** Use of each limited resource (in m.limited order) per unit level, dense [l][t]. */
        final double[][] use;
        long sweeps;

        Run(LpModel m) {
            this.m = m;
            np = m.np;
            nt = m.nt;
            nl = m.limited.length;
            prod = new int[nt];
            own = new int[nt];
            out = new double[nt];
            int[] os = m.economy.outputs().columnStarts();
            int[] orow = m.economy.outputs().rowIndexes();
            for (int t = 0; t < nt; t++) {
                int p = orow[os[t]];
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
            ub = new double[nt];
            for (int t = 0; t < nt; t++) {
                ub[t] = m.levelBound(t);
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

        LpSolution run(double[] start, long t0) {
            for (int p = 0; p < np; p++) {
                if (ms[p + 1] == ms[p]) {
                    return na("no technique makes product '" + m.economy.productId(p) + "'", 0, t0);
                }
            }
            for (int t = 0; t < nt; t++) {
                if (prod[t] < 0 && m.nStart[t + 1] > m.nStart[t]) {
                    return na("technique '" + m.economy.techniqueId(t) + "' uses more of its product than it makes",
                            0, t0);
                }
                if (ub[t] == Double.POSITIVE_INFINITY) {
                    return na("technique '" + m.economy.techniqueId(t) + "' has no capacity and uses no limited"
                            + " resource", 0, t0);
                }
            }
            int[] main = start == null ? cheapest() : fromLevels(start);
            if (main == null) {
                return na("the cheapest techniques do not form a productive economy", 0, t0);
            }
            double[][] val = new double[nl][np];
            double[] x = new double[np];
            double[] z = new double[nt];
            double lambda = 0;
            double[] w = new double[nl];
            // gross output of every product, for the trust region of the side techniques: at first the
            // main techniques alone, meeting the targets scaled into the limited resources
            double[] grossOut = new double[np];
            {
                double[] b = new double[np];
                for (int p : m.targeted) {
                    b[p] = m.demand[p];
                }
                if (!levels(main, b, x)) {
                    return na("the first main techniques do not form a productive economy", 0, t0);
                }
                double s0 = Double.POSITIVE_INFINITY;
                for (int l = 0; l < nl; l++) {
                    double u = 0;
                    for (int p = 0; p < np; p++) {
                        u += use[l][main[p]] * Math.max(0.0, x[p]);
                    }
                    if (u > 0) {
                        s0 = Math.min(s0, m.available[m.limited[l]] / u);
                    }
                }
                if (s0 == Double.POSITIVE_INFINITY) {
                    s0 = 1;
                }
                for (int p = 0; p < np; p++) {
                    x[p] *= s0;
                    grossOut[p] = out[main[p]] * Math.max(0.0, x[p]);
                }
                if (start != null) {
                    for (int p = 0; p < np; p++) {
                        double g = 0;
                        for (int i = ms[p]; i < ms[p + 1]; i++) {
                            g += out[mt[i]] * Math.max(0.0, Math.min(start[mt[i]], m.capacity[mt[i]]));
                        }
                        grossOut[p] = Math.max(grossOut[p], g);
                    }
                }
            }
            int step = 0;
            int limit = Integer.MAX_VALUE;
            int lastCount1 = Integer.MAX_VALUE, lastCount2 = Integer.MAX_VALUE;
            boolean[] isMain = new boolean[nt];
            while (true) {
                step++;
                Arrays.fill(isMain, false);
                for (int p = 0; p < np; p++) {
                    isMain[main[p]] = true;
                }
                // ---- full resource contents of the products under the main techniques: B^T V_l = R_l,main
                if (!contents(main, val)) {
                    return na("the main techniques do not form a productive economy", step, t0);
                }
                // ---- the small LP over λ and the side techniques
                double[] g = new double[nl];
                for (int l = 0; l < nl; l++) {
                    double s = 0;
                    for (int p : m.targeted) {
                        s += m.demand[p] * val[l][p];
                    }
                    g[l] = s;
                }
                int nside = nt - np;
                int[] side = new int[nside];
                int k = 0;
                for (int t = 0; t < nt; t++) {
                    if (!isMain[t]) {
                        side[k++] = t;
                    }
                }
                double[][] rho = new double[nl][nside];
                for (int j = 0; j < nside; j++) {
                    int t = side[j];
                    for (int l = 0; l < nl; l++) {
                        double s = use[l][t];
                        double[] vl = val[l];
                        for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                            s -= m.nVal[q] * vl[m.nRow[q]];
                        }
                        rho[l][j] = s;
                    }
                }
                double[] zs = new double[nside];
                double[] sb = new double[nside];
                for (int j = 0; j < nside; j++) {
                    int t = side[j];
                    double tr = prod[t] >= 0 ? TRUST * grossOut[prod[t]] / out[t] : 0.0;
                    sb[j] = Math.min(ub[t], tr);
                }
                double lam = smallLp(g, side, sb, rho, zs, w);
                if (Double.isNaN(lam)) {
                    return na("the reduced LP was not solved", step, t0);
                }
                if (lam == Double.POSITIVE_INFINITY) {
                    return LpSolution.without(LpSolution.Outcome.UNBOUNDED, "crossover", step,
                            PolicyIteration.seconds(t0), "the targets can be met without the limited resources");
                }
                lambda = lam;
                // ---- main levels: B z_main = λ d - N_side z_side
                double[] b = new double[np];
                for (int p : m.targeted) {
                    b[p] = lambda * m.demand[p];
                }
                Arrays.fill(z, 0.0);
                for (int j = 0; j < nside; j++) {
                    int t = side[j];
                    double zt = zs[j];
                    z[t] = zt;
                    if (zt != 0.0) {
                        for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                            b[m.nRow[q]] -= m.nVal[q] * zt;
                        }
                    }
                }
                if (!levels(main, b, x)) {
                    return na("the main techniques do not form a productive economy", step, t0);
                }
                double scale = 0;
                for (int p = 0; p < np; p++) {
                    scale = Math.max(scale, Math.abs(x[p]));
                }
                double eps = 1e-11 * scale;
                int[] old = main.clone();
                // candidates for a change of main technique: product, new main, score (larger first)
                int[] candP = new int[np];
                int[] candT = new int[np];
                double[] score = new double[np];
                int nc = 0;
                boolean[] listed = new boolean[np];
                for (int j = 0; j < nside; j++) {
                    int t = side[j];
                    int p = prod[t];
                    if (p >= 0 && !listed[p] && sb[j] < ub[t] && zs[j] >= sb[j] * (1 - 1e-9)) {
                        // at its trust bound: it would replace the main technique, so it becomes main
                        double profit = 0, gross = 0;
                        for (int l = 0; l < nl; l++) {
                            profit -= w[l] * rho[l][j];
                            gross += w[l] * use[l][t];
                        }
                        listed[p] = true;
                        candP[nc] = p;
                        candT[nc] = t;
                        score[nc++] = gross > 0 ? profit / gross : 1.0;
                    }
                }
                for (int p = 0; p < np; p++) {
                    int t = main[p];
                    double zt = x[p];
                    if (listed[p]) {
                        continue;
                    }
                    if (zt < -eps) {
                        // the side techniques make more than needed: the largest of them becomes main
                        int best = -1;
                        double made = 0;
                        for (int i = ms[p]; i < ms[p + 1]; i++) {
                            int u = mt[i];
                            if (u != t && z[u] > 0 && (best < 0 || z[u] > z[best])) {
                                best = u;
                            }
                            if (u != t) {
                                made += out[u] * z[u];
                            }
                        }
                        if (best >= 0) {
                            candP[nc] = p;
                            candT[nc] = best;
                            score[nc++] = -zt * out[t] / made;
                        }
                    } else if (zt > m.capacity[t] * (1 + 1e-12)) {
                        // over capacity: the side technique with the most room becomes main
                        int best = -1;
                        double room = 0;
                        for (int i = ms[p]; i < ms[p + 1]; i++) {
                            int u = mt[i];
                            double r = m.capacity[u] - z[u];
                            if (u != t && r > room) {
                                best = u;
                                room = r;
                            }
                        }
                        if (best >= 0) {
                            candP[nc] = p;
                            candT[nc] = best;
                            score[nc++] = (zt - m.capacity[t]) / zt;
                        }
                    }
                }
                // damping: when the count of changes stops falling, change only the strongest candidates
                if (nc >= lastCount2 && step > 2) {
                    limit = Math.max(1, Math.min(limit, nc) / 2);
                }
                lastCount2 = lastCount1;
                lastCount1 = nc;
                Integer[] order = new Integer[nc];
                for (int i = 0; i < nc; i++) {
                    order[i] = i;
                }
                final double[] sc = score;
                Arrays.sort(order, (a, b2) -> {
                    int c = Double.compare(sc[b2], sc[a]);
                    return c != 0 ? c : Integer.compare(candP[a], candP[b2]);
                });
                int changed = 0;
                for (int i = 0; i < nc && changed < limit; i++) {
                    int c = order[i];
                    main[candP[c]] = candT[c];
                    changed++;
                }
                for (int p = 0; p < np; p++) {
                    int t = old[p];
                    z[t] = Math.max(0.0, Math.min(x[p], m.capacity[t]));
                }
                for (int p = 0; p < np; p++) {
                    double gsum = 0;
                    for (int i = ms[p]; i < ms[p + 1]; i++) {
                        gsum += out[mt[i]] * z[mt[i]];
                    }
                    grossOut[p] = gsum;
                }
                if (DEBUG) {
                    System.err.printf("step %d lambda %.12g w %s changed %d of %d sweeps %d %.2fs%n", step, lambda,
                            Arrays.toString(w), changed, nc, sweeps, PolicyIteration.seconds(t0));
                }
                if (changed == 0 || step >= MAX_STEPS) {
                    // the levels at the old main techniques (a change means they were not feasible)
                    break;
                }
            }

            double[] v = new double[np];
            double[] wr = new double[m.nr];
            for (int l = 0; l < nl; l++) {
                wr[m.limited[l]] = w[l];
                double[] vl = val[l];
                double wl = w[l];
                if (wl != 0.0) {
                    for (int p = 0; p < np; p++) {
                        v[p] += wl * vl[p];
                    }
                }
            }
            LpSolution.Outcome outcome = step < MAX_STEPS ? LpSolution.Outcome.SOLVED : LpSolution.Outcome.LIMIT;
            return new LpSolution(outcome, z, lambda, v, wr, "crossover", step, PolicyIteration.seconds(t0), true,
                    step + " basis step" + (step == 1 ? "" : "s") + ", " + sweeps + " sweeps");
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

        /** Main techniques: the cheapest at prices 1 / a_r (value iteration, capacities ignored). */
        int[] cheapest() {
            double[] c = new double[nt];
            for (int l = 0; l < nl; l++) {
                double a = m.available[m.limited[l]];
                double pw = a > 0 ? 1.0 / a : 1.0;
                for (int t = 0; t < nt; t++) {
                    c[t] += pw * use[l][t];
                }
            }
            double[] v = new double[np];
            double[] nv = new double[np];
            int[] main = new int[np];
            for (int it = 0; it < 300; it++) {
                double change = 0, size = 0;
                for (int p = 0; p < np; p++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int i = ms[p]; i < ms[p + 1]; i++) {
                        int t = mt[i];
                        double s = c[t];
                        for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                            if (q != own[t]) {
                                s -= m.nVal[q] * v[m.nRow[q]];
                            }
                        }
                        s /= out[t];
                        if (s < best) {
                            best = s;
                            main[p] = t;
                        }
                    }
                    nv[p] = best;
                    change = Math.max(change, Math.abs(best - v[p]));
                    size = Math.max(size, Math.abs(best));
                }
                sweeps++;
                double[] tmp = v;
                v = nv;
                nv = tmp;
                if (!(size < 1e300)) {
                    return null;
                }
                if (change <= 1e-9 * size) {
                    break;
                }
            }
            return main;
        }

        /** Jacobi sweeps for V_l = (R_l,t + Σ_q I_qt V_l,q) / o_t, t the main technique of p, all l at once. */
        boolean contents(int[] main, double[][] val) {
            double[][] nv = new double[nl][np];
            for (int it = 0; it < MAX_SWEEPS; it++) {
                boolean settled = true;
                double size = 0;
                for (int l = 0; l < nl; l++) {
                    double[] vl = val[l];
                    double[] nl2 = nv[l];
                    double[] ul = use[l];
                    for (int p = 0; p < np; p++) {
                        int t = main[p];
                        double s = ul[t];
                        for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                            if (q != own[t]) {
                                s -= m.nVal[q] * vl[m.nRow[q]];
                            }
                        }
                        s /= out[t];
                        if (settled && Math.abs(s - vl[p]) > 1e-15 * Math.abs(s)) {
                            settled = false;
                        }
                        nl2[p] = s;
                        size = Math.max(size, Math.abs(s));
                    }
                }
                sweeps++;
                for (int l = 0; l < nl; l++) {
                    double[] tmp = val[l];
                    System.arraycopy(nv[l], 0, tmp, 0, np);
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

        /** Jacobi sweeps for B x = b (x: levels of the main techniques), warm started from x. */
        boolean levels(int[] main, double[] b, double[] x) {
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
                sweeps++;
                if (!(size < 1e300)) {
                    return false;
                }
                if (settled) {
                    return true;
                }
            }
            return false;
        }

        /**
         * max λ s.t. λ g_l + Σ_j ρ_lj z_j <= a_l, 0 <= z_j <= ub; the side levels into zs, the prices
         * into w; NaN when GLOP fails, +inf when unbounded.
         */
        double smallLp(double[] g, int[] side, double[] sb, double[][] rho, double[] zs, double[] w) {
            LpOrTools.load();
            ModelBuilderHelper s = new ModelBuilderHelper();
            ModelSolverHelper solver = new ModelSolverHelper("glop");
            try {
                int lam = s.addVar();
                s.setVarLowerBound(lam, 0.0);
                s.setVarUpperBound(lam, Double.POSITIVE_INFINITY);
                s.setVarObjectiveCoefficient(lam, 1.0);
                int base = lam + 1;
                for (int j = 0; j < side.length; j++) {
                    int v = s.addVar();
                    s.setVarLowerBound(v, 0.0);
                    s.setVarUpperBound(v, sb[j]);
                }
                int[] row = new int[nl];
                for (int l = 0; l < nl; l++) {
                    row[l] = s.addLinearConstraint();
                    s.setConstraintLowerBound(row[l], Double.NEGATIVE_INFINITY);
                    s.setConstraintUpperBound(row[l], m.available[m.limited[l]]);
                    if (g[l] != 0.0) {
                        s.addConstraintTerm(row[l], lam, g[l]);
                    }
                    double[] rl = rho[l];
                    for (int j = 0; j < side.length; j++) {
                        if (rl[j] != 0.0) {
                            s.addConstraintTerm(row[l], base + j, rl[j]);
                        }
                    }
                }
                s.setMaximize(true);
                solver.setSolverSpecificParameters(
                        "primal_feasibility_tolerance: 1e-12 dual_feasibility_tolerance: 1e-12");
                solver.enableOutput(false);
                solver.solve(s);
                SolveStatus st = solver.getStatus();
                if (st == SolveStatus.UNBOUNDED) {
                    return Double.POSITIVE_INFINITY;
                }
                if (st != SolveStatus.OPTIMAL) {
                    return Double.NaN;
                }
                for (int j = 0; j < side.length; j++) {
                    double v = solver.getVariableValue(base + j);
                    zs[j] = Math.max(0.0, Math.min(v, sb[j]));
                }
                for (int l = 0; l < nl; l++) {
                    w[l] = Math.max(0.0, solver.getDualValue(row[l]));
                }
                return Math.max(0.0, solver.getVariableValue(lam));
            } finally {
                solver.delete();
                s.delete();
            }
        }
    }
}
