package org.gosplan.planner.lp;

import java.util.Arrays;
import org.gosplan.planner.leontief.KernelPool;

/**
 * The exact fast path where the non-substitution theorem applies: one scarce resource, every
 * technique makes one product, and no capacity binds. Then the optimal plan runs, for every
 * product, the technique that makes it at the least total (direct and indirect) use of the scarce
 * resource, whatever the targets; the valuations are those least total uses (Kantorovich's
 * objectively determined valuations, Marx's labour values when the resource is labour).
 *
 * <p>Policy iteration on the Bellman equation {@code v_p = min over techniques t making p of
 * (c_t + Σ_q I_qt v_q) / o_t} ({@code c_t} the scarce resource per unit level, {@code I_qt} the
 * inputs, {@code o_t} the net output of its product): a few sweeps of value iteration from zero
 * give the first policy; each step then solves the transposed Leontief system of the chosen
 * techniques {@code v = c_σ + A_σ^T v} and switches every product to a strictly cheaper technique
 * if there is one (ties keep the current one, then the lowest index). The values only fall from
 * step to step, so it ends, usually in one to three steps. The levels then solve
 * {@code (I - A_σ) x = d}; for fulfil they are scaled to use exactly the scarce resource
 * available.
 *
 * <p>Every sweep is a Jacobi step computed element by element over fixed ranges: the result does
 * not depend on the number of threads.
 */
final class PolicyIteration {
    private PolicyIteration() {}

    /**
     * Largest relative change of any element under which an iteration counts as converged: a few
     * units in the last place, so every element has settled, not only the largest.
     */
    static final double CONVERGED = 1e-15;
    /** A technique replaces the current one only when cheaper by this relative margin. */
    static final double MARGIN = 1e-12;
    static final int MAX_SWEEPS = 20_000;
    static final int MAX_STEPS = 100;

    /**
     * Why policy iteration does not apply, or null when it does (before the capacity check; for a cost vector
     * also before the check that its plan keeps within the limited resources).
     */
    static String whyNot(LpModel m) {
        int scarce = scarceResource(m);
        if (m.fulfil() && m.limited.length != 1) {
            return m.limited.length == 0 ? "no resource is limited" : m.limited.length + " resources are limited";
        }
        if (!m.fulfil() && !m.generalCost()) {
            for (int r : m.limited) {
                if (r != m.costResource) {
                    return "resource '" + m.economy.resourceId(r) + "' is limited besides the minimised one";
                }
            }
        }
        if (m.fulfil() && !(m.available[scarce] > 0)) {
            return "the only limited resource has none available";
        }
        int[] os = m.economy.outputs().columnStarts();
        for (int t = 0; t < m.nt; t++) {
            if (os[t + 1] - os[t] != 1) {
                return "technique '" + m.economy.techniqueId(t) + "' has joint production";
            }
        }
        return null;
    }

    static int scarceResource(LpModel m) {
        return m.fulfil() ? (m.limited.length == 1 ? m.limited[0] : -1) : m.costResource;
    }

    static LpSolution solve(LpModel m) {
        long t0 = System.nanoTime();
        String why = whyNot(m);
        if (why != null) {
            return LpSolution.without(LpSolution.Outcome.NOT_APPLICABLE, "policy-iteration", 0, 0, why);
        }
        int scarce = scarceResource(m);
        int np = m.np, nt = m.nt;
        // ---- each technique's product, net own output, cost
        int[] os = m.economy.outputs().columnStarts();
        int[] orow = m.economy.outputs().rowIndexes();
        int[] prod = new int[nt];
        double[] out = new double[nt];
        double[] cost = new double[nt];
        for (int t = 0; t < nt; t++) {
            int p = orow[os[t]];
            int k = Arrays.binarySearch(m.nRow, m.nStart[t], m.nStart[t + 1], p);
            double o = m.nVal[k];
            prod[t] = o > 0 ? p : -1; // a technique using more of its product than it makes is never run
            out[t] = o;
            if (m.generalCost()) {
                cost[t] = m.cost[t];
            }
            for (int q = m.rStart[t]; q < m.rStart[t + 1]; q++) {
                if (m.rRow[q] == scarce) {
                    cost[t] = m.rVal[q];
                }
            }
        }
        // ---- makers of each product (CSR, techniques ascending)
        int[] ms = new int[np + 1];
        for (int t = 0; t < nt; t++) {
            if (prod[t] >= 0) {
                ms[prod[t] + 1]++;
            }
        }
        for (int p = 0; p < np; p++) {
            ms[p + 1] += ms[p];
        }
        int[] mt = new int[ms[np]];
        int[] next = Arrays.copyOf(ms, np);
        for (int t = 0; t < nt; t++) {
            if (prod[t] >= 0) {
                mt[next[prod[t]]++] = t;
            }
        }
        for (int p = 0; p < np; p++) {
            if (ms[p + 1] == ms[p]) {
                return LpSolution.without(LpSolution.Outcome.NOT_APPLICABLE, "policy-iteration", 0, 0,
                        "no technique makes product '" + m.economy.productId(p) + "'");
            }
        }
        // input matrix (products x techniques) without the own-product entries
        int[] is = m.inputs().columnStarts();
        int[] ir = m.inputs().rowIndexes();
        double[] iv = m.inputs().values();
        long work = (long) is[nt] + nt;
        Kernels k = new Kernels(np, prod, out, cost, ms, mt, is, ir, iv, work);

        // ---- first policy: value iteration from zero until the values settle roughly
        double[] v = new double[np];
        double[] w = new double[np];
        int[] policy = new int[np];
        long sweeps = 0;
        for (int it = 0; it < 200; it++) {
            double change = k.bellman(v, w, policy);
            sweeps++;
            double[] tmp = v;
            v = w;
            w = tmp;
            if (!(change <= 1e-3 * k.maxAbs(v)) ) {
                if (Double.isNaN(change) || Double.isInfinite(change)) {
                    return nonProductive(m, sweeps, t0);
                }
                continue;
            }
            break;
        }
        // ---- policy iteration
        int steps = 0;
        while (true) {
            steps++;
            // evaluate: v = c_σ + A_σ^T v by Jacobi sweeps from the current values
            int evalSweeps = 0;
            while (true) {
                double change = k.evaluate(v, w, policy);
                sweeps++;
                evalSweeps++;
                double[] tmp = v;
                v = w;
                w = tmp;
                double size = k.maxAbs(v);
                if (!(size < 1e300) || Double.isNaN(change)) {
                    return nonProductive(m, sweeps, t0);
                }
                if (change <= CONVERGED) {
                    break;
                }
                if (evalSweeps >= MAX_SWEEPS) {
                    return nonProductive(m, sweeps, t0);
                }
            }
            int switched = k.improve(v, policy);
            sweeps++;
            if (switched == 0) {
                break;
            }
            if (steps >= MAX_STEPS) {
                return LpSolution.without(LpSolution.Outcome.NOT_APPLICABLE, "policy-iteration", sweeps,
                        seconds(t0), "policy iteration did not settle in " + MAX_STEPS + " steps");
            }
        }
        // ---- levels for the demand: x = d + A_σ x
        double[] x = k.levels(m.demand, policy);
        if (x == null) {
            return nonProductive(m, sweeps, t0);
        }
        double[] z = new double[nt];
        for (int p = 0; p < np; p++) {
            int t = policy[p];
            z[t] = x[p] / out[t];
        }
        double lambda = Double.NaN;
        double[] wr = new double[m.nr];
        if (m.fulfil()) {
            double use = 0;
            double dv = 0;
            for (int t = 0; t < nt; t++) {
                use += cost[t] * z[t];
            }
            for (int p : m.targeted) {
                dv += m.demand[p] * v[p];
            }
            if (!(use > 0) || !(dv > 0)) {
                for (int t = 0; t < nt; t++) {
                    if (m.capacity[t] != Double.POSITIVE_INFINITY) {
                        return LpSolution.without(LpSolution.Outcome.NOT_APPLICABLE, "policy-iteration", sweeps,
                                seconds(t0), "the targets need none of the scarce resource; capacities decide");
                    }
                }
                return LpSolution.without(LpSolution.Outcome.UNBOUNDED, "policy-iteration", sweeps, seconds(t0),
                        "the targets can be made without any of the scarce resource");
            }
            lambda = m.available[scarce] / use;
            for (int t = 0; t < nt; t++) {
                z[t] *= lambda;
            }
            double[] vs = new double[np];
            for (int p = 0; p < np; p++) {
                vs[p] = v[p] / dv;
            }
            v = vs;
            wr[scarce] = 1.0 / dv;
        } else if (m.generalCost()) {
            // a cost vector (LeastUse) with limited resources besides: the least-cost plan ignoring them is optimal
            // when it keeps within every one of them (the relaxation's optimum is feasible), with prices 0
            double[] use = m.resourceUse(z);
            for (int r : m.limited) {
                // strictly: a held resource already has its slack (LeastUse.SLACK); more would be another plan
                if (use[r] > m.available[r]) {
                    return LpSolution.without(LpSolution.Outcome.NOT_APPLICABLE, "policy-iteration", sweeps,
                            seconds(t0), "the least-cost plan needs more of resource '" + m.economy.resourceId(r)
                                    + "' than is available");
                }
            }
        } else if (m.isLimited(scarce)) {
            double use = 0;
            for (int t = 0; t < nt; t++) {
                use += cost[t] * z[t];
            }
            if (use > m.available[scarce] * (1 + 1e-12)) {
                return LpSolution.without(LpSolution.Outcome.INFEASIBLE, "policy-iteration", sweeps, seconds(t0),
                        // as a ratio: the model may be in Scaling's units, not the economy's
                        "meeting the targets needs at least " + DiagnosisFinder.num(use / m.available[scarce])
                                + " times the '" + m.economy.resourceId(scarce) + "' available");
            }
        }
        for (int t = 0; t < nt; t++) {
            if (z[t] > m.capacity[t] * (1 + 1e-12)) {
                return LpSolution.without(LpSolution.Outcome.NOT_APPLICABLE, "policy-iteration", sweeps, seconds(t0),
                        "the capacity of technique '" + m.economy.techniqueId(t) + "' binds");
            }
        }
        return new LpSolution(LpSolution.Outcome.SOLVED, z, lambda, v, wr, "policy-iteration", steps, seconds(t0),
                true, steps + " policy step" + (steps == 1 ? "" : "s") + ", " + sweeps + " sweeps");
    }

    private static LpSolution nonProductive(LpModel m, long sweeps, long t0) {
        return LpSolution.without(LpSolution.Outcome.NOT_APPLICABLE, "policy-iteration", sweeps, seconds(t0),
                "the cheapest techniques do not form a productive economy (the values do not converge)");
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The sweeps, over fixed product ranges. */
    private static final class Kernels {
        final int np;
        final int[] prod;
        final double[] out;
        final double[] cost;
        final int[] ms;
        final int[] mt;
        final int[] is;
        final int[] ir;
        final double[] iv;
        final long work;

        Kernels(int np, int[] prod, double[] out, double[] cost, int[] ms, int[] mt, int[] is, int[] ir, double[] iv,
                long work) {
            this.np = np;
            this.prod = prod;
            this.out = out;
            this.cost = cost;
            this.ms = ms;
            this.mt = mt;
            this.is = is;
            this.ir = ir;
            this.iv = iv;
            this.work = work;
        }

        /** Unit cost of technique t at values v: (c_t + Σ_{q != its product} I_qt v_q) / o_t. */
        double unitCost(int t, double[] v) {
            int p = prod[t];
            double s = cost[t];
            for (int q = is[t]; q < is[t + 1]; q++) {
                int r = ir[q];
                if (r != p) {
                    s += iv[q] * v[r];
                }
            }
            return s / out[t];
        }

        /** One value-iteration sweep: w = min over makers; the argmin goes to policy; returns max |w - v|. */
        double bellman(double[] v, double[] w, int[] policy) {
            return PlanKernels.max(np, work, (from, to) -> {
                double change = 0;
                for (int p = from; p < to; p++) {
                    double best = Double.POSITIVE_INFINITY;
                    int bt = -1;
                    for (int j = ms[p]; j < ms[p + 1]; j++) {
                        int t = mt[j];
                        double c = unitCost(t, v);
                        if (c < best) {
                            best = c;
                            bt = t;
                        }
                    }
                    w[p] = best;
                    policy[p] = bt;
                    double d = Math.abs(best - v[p]);
                    if (!(d <= change)) {
                        change = d; // NaN propagates
                    }
                }
                return change;
            });
        }

        /** One Jacobi sweep of the policy's values; returns max |w - v|. */
        double evaluate(double[] v, double[] w, int[] policy) {
            return PlanKernels.max(np, work, (from, to) -> {
                double change = 0;
                for (int p = from; p < to; p++) {
                    double c = unitCost(policy[p], v);
                    w[p] = c;
                    double d = relative(c, v[p]);
                    if (!(d <= change)) {
                        change = d;
                    }
                }
                return change;
            });
        }

        /** Switches products to strictly cheaper techniques; returns how many switched. */
        int improve(double[] v, int[] policy) {
            int[] switched = new int[1];
            int parts = KernelPool.partsFor(work);
            if (parts <= 1 || np < 2 * KernelPool.CHUNK) {
                return improveRange(v, policy, 0, np);
            }
            int[] b = KernelPool.chunkBounds(np, parts);
            int[] n = new int[parts];
            KernelPool.run(parts, s -> n[s] = improveRange(v, policy, b[s], b[s + 1]));
            for (int s = 0; s < parts; s++) {
                switched[0] += n[s];
            }
            return switched[0];
        }

        private int improveRange(double[] v, int[] policy, int from, int to) {
            int n = 0;
            for (int p = from; p < to; p++) {
                int cur = policy[p];
                double best = unitCost(cur, v);
                double bar = best - MARGIN * Math.abs(best);
                int bt = cur;
                for (int j = ms[p]; j < ms[p + 1]; j++) {
                    int t = mt[j];
                    if (t == cur) {
                        continue;
                    }
                    double c = unitCost(t, v);
                    if (c < bar && c < best) {
                        best = c;
                        bt = t;
                    }
                }
                if (bt != cur) {
                    policy[p] = bt;
                    n++;
                }
            }
            return n;
        }

        /** |a - b| relative to the larger of the two; 0 when both are 0; NaN propagates. */
        static double relative(double a, double b) {
            double d = Math.abs(a - b);
            if (d == 0) {
                return 0;
            }
            return d / Math.max(Math.abs(a), Math.abs(b));
        }

        double maxAbs(double[] v) {
            return PlanKernels.max(np, np, (from, to) -> {
                double m = 0;
                for (int p = from; p < to; p++) {
                    double a = Math.abs(v[p]);
                    if (!(a <= m)) {
                        m = a;
                    }
                }
                return m;
            });
        }

        /**
         * Gross outputs {@code x = d + A_σ x} by Jacobi sweeps over the inputs gathered by row
         * (own-product use excluded: it is netted into the outputs); null when they diverge.
         */
        double[] levels(double[] d, int[] policy) {
            // CSR of A_σ: row p, column q (product), coefficient I_{p,σ(q)} / o_σ(q)
            int[] rs = new int[np + 1];
            for (int q = 0; q < np; q++) {
                int t = policy[q];
                for (int k = is[t]; k < is[t + 1]; k++) {
                    if (ir[k] != q) {
                        rs[ir[k] + 1]++;
                    }
                }
            }
            for (int p = 0; p < np; p++) {
                rs[p + 1] += rs[p];
            }
            int[] col = new int[rs[np]];
            double[] a = new double[rs[np]];
            int[] nx = Arrays.copyOf(rs, np);
            for (int q = 0; q < np; q++) {
                int t = policy[q];
                double inv = 1.0 / out[t];
                for (int k = is[t]; k < is[t + 1]; k++) {
                    int p = ir[k];
                    if (p != q) {
                        col[nx[p]] = q;
                        a[nx[p]++] = iv[k] * inv;
                    }
                }
            }
            double[] x = d.clone();
            double[] y = new double[np];
            long wk = (long) rs[np] + np;
            for (int it = 0; it < MAX_SWEEPS; it++) {
                final double[] cur = x;
                final double[] nxt = y;
                double change = PlanKernels.max(np, wk, (from, to) -> {
                    double ch = 0;
                    for (int p = from; p < to; p++) {
                        double s = d[p];
                        for (int k = rs[p]; k < rs[p + 1]; k++) {
                            s += a[k] * cur[col[k]];
                        }
                        nxt[p] = s;
                        double dd = relative(s, cur[p]);
                        if (!(dd <= ch)) {
                            ch = dd;
                        }
                    }
                    return ch;
                });
                x = nxt;
                y = cur;
                double size = maxAbs(x);
                if (!(size < 1e300) || Double.isNaN(change)) {
                    return null;
                }
                if (change <= CONVERGED) {
                    return x;
                }
            }
            return null;
        }
    }
}
