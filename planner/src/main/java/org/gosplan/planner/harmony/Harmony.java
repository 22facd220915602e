package org.gosplan.planner.harmony;

import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.lp.LpModel;
import org.gosplan.planner.lp.LpSolution;

/**
 * Cockshott's harmony planner (W. P. Cockshott, "Application of artificial intelligence
 * techniques to economic planning", Future Computing Systems 2(4), 1990; Cockshott and Cottrell,
 * "Towards a New Socialism", 1993, ch. 5), kept as the reference heuristic against the exact LP.
 *
 * <p><b>Harmony function.</b> For a product with target {@code t > 0} and net output {@code q},
 * with fulfilment ratio {@code u = (q - t) / t}:
 * <pre>
 *   H(u) = u - u^2 / 2     when u < 0   (shortfall: penalised more than linearly)
 *   H(u) = ln(1 + u)       when u >= 0  (over-fulfilment: diminishing returns)
 * </pre>
 * {@code H} is concave and continuous with continuous slope ({@code H'(0) = 1}). Untargeted
 * products must not run short: they get {@code H(min(0, q) / s)} with {@code s} the mean target,
 * a penalty only. The plan maximises {@code Σ weight_p H_p}.
 *
 * <p><b>Iteration.</b> From all techniques at one level scaled into the resources: compute each
 * product's marginal harmony {@code g_p = weight_p H'_p(q_p) / t_p}, each technique's marginal
 * harmony per unit of the limited resources it uses {@code γ_t = (N^T g)_t / (R^T ρ)_t} (ρ the
 * reciprocal availabilities), and move every level multiplicatively: {@code z_t *= exp(η (γ_t -
 * γ̄) / |γ̄|)} with γ̄ the level-weighted mean gain and a step η falling from 0.5 as {@code 1/√k};
 * then clip to capacities and scale every technique by the least ratio of available to used over
 * the limited resources it uses, so that every limited resource holds and none is left idle.
 * Finally shortfalls of untargeted products are made good by raising their best maker (a few
 * Jacobi rounds) and the levels are scaled into the resources again.
 *
 * <p>The result is a feasible plan (to the precision of the last rounds) that is not optimal in
 * general; its certificate, with valuations {@code g} scaled to {@code Σ d_p g_p = 1} and the
 * resource prices that make every technique break even at most, bounds how far it falls short.
 */
public final class Harmony {
    private Harmony() {}

    static final int ITERATIONS = 3000;

    static double h(double u) {
        return u < 0 ? u - 0.5 * u * u : Math.log1p(u);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static double dh(double u) {
        return u < 0 ? 1 - u : 1 / (1 + u);
    }

    public static LpSolution solve(LpModel m, PlanOptions o) {
        if (m.fulfil()) {
            return fulfil(m, o);
        }
        if (m.generalCost()) {
            // LeastUse does not run its stages with harmony (see there)
            throw new IllegalStateException("harmony minimises one resource, not a cost vector");
        }
        // min-resource: harmony on a budget of the minimised resource (what all techniques at level
        // one would use), then every level scaled up until every target is met; the valuations in
        // units of the resource are the fulfil valuations divided by the resource's price
        int r0 = m.costResource;
        double[] a = m.available.clone();
        double budget = 0;
        for (int t = 0; t < m.nt; t++) {
            budget += m.cost(t) * Math.min(1.0, m.capacity[t]);
        }
        double cap = a[r0];
        LpSolution s = null;
        double[] z = null;
        long iterations = 0;
        for (int round = 0; round < 8; round++) {
            // the budget that harmony's plan needed, scaled up to meet every target, until it settles
            a[r0] = Double.isNaN(cap) ? budget : Math.min(cap, budget);
            LpModel f = m.with(PlanObjective.FULFIL, -1, m.demand, a, m.capacity);
            s = fulfil(f, o);
            iterations += s.iterations();
            z = s.z();
            double[] q = m.net(z);
            double scale = 0;
            for (int p : m.targeted) {
                scale = Math.max(scale, q[p] > 0 ? m.demand[p] / q[p] : 1e3);
            }
            scale = Math.min(scale, 1e3);
            for (int t = 0; t < m.nt; t++) {
                z[t] = Math.min(m.capacity[t], z[t] * scale);
            }
            double use = 0;
            for (int t = 0; t < m.nt; t++) {
                use += m.cost(t) * z[t];
            }
            boolean settled = Math.abs(scale - 1) < 1e-3;
            budget = use;
            if (settled) {
                break;
            }
        }
        double w0 = s.w()[r0];
        double[] v = s.v().clone();
        double[] w = s.w().clone();
        for (int p = 0; p < v.length; p++) {
            v[p] = w0 > 0 ? v[p] / w0 : 0;
        }
        for (int r = 0; r < w.length; r++) {
            w[r] = w0 > 0 && r != r0 ? w[r] / w0 : 0;
        }
        return new LpSolution(s.outcome(), z, Double.NaN, v, w, s.method(), iterations, s.seconds(),
                s.deterministic(), s.note());
    }

    private static LpSolution fulfil(LpModel m, PlanOptions o) {
        long t0 = System.nanoTime();
        int nt = m.nt, np = m.np;
        double[] target = m.demand;
        double meanTarget = 0;
        for (int p : m.targeted) {
            meanTarget += target[p];
        }
        meanTarget /= Math.max(1, m.targeted.length);
        double[] weight = new double[np];
        for (int i = 0; i < m.economy.targets(); i++) {
            weight[m.economy.targetProduct(i)] = m.economy.targetWeight(i);
        }
        // limited rows: resources (and, for min-resource, nothing else: its cost resource is minimised
        // by treating it as limited at the use of the first feasible plan)
        double[] z = new double[nt];
        java.util.Arrays.fill(z, 1.0);
        for (int t = 0; t < nt; t++) {
            z[t] = Math.min(z[t], m.capacity[t]);
        }
        scaleIntoResources(m, z);
        double[] g = new double[np];
        double[] gain = new double[nt];
        long iterations = 0;
        boolean cut = false;
        double deadline = o.timeLimitSeconds() > 0 ? o.timeLimitSeconds() : Double.POSITIVE_INFINITY;
        for (int k = 1; k <= ITERATIONS; k++) {
            iterations = k;
            double[] q = m.net(z);
            gradient(m, q, target, weight, meanTarget, g);
            double mean = 0, mass = 0;
            for (int t = 0; t < nt; t++) {
                double s = 0;
                for (int j = m.nStart[t]; j < m.nStart[t + 1]; j++) {
                    s += m.nVal[j] * g[m.nRow[j]];
                }
                double c = m.cost(t);
                for (int j = m.rStart[t]; j < m.rStart[t + 1]; j++) {
                    int r = m.rRow[j];
                    if (m.isLimited(r) && m.available[r] > 0) {
                        c += m.rVal[j] / m.available[r];
                    }
                }
                gain[t] = c > 0 ? s / c : s;
                mean += gain[t] * z[t];
                mass += z[t];
            }
            mean = mass > 0 ? mean / mass : 0;
            double scale = Math.abs(mean) > 1e-300 ? Math.abs(mean) : 1;
            double eta = 0.5 / Math.sqrt(k);
            for (int t = 0; t < nt; t++) {
                double x = eta * (gain[t] - mean) / scale;
                z[t] = Math.min(m.capacity[t], Math.max(1e-300, z[t] * Math.exp(Math.max(-5, Math.min(5, x)))));
            }
            scaleIntoResources(m, z);
            if ((k & 63) == 0 && seconds(t0) > deadline) {
                cut = true; // where the clock stops it depends on the machine's speed
                break;
            }
        }
        // the last step keeps signs: raise the makers of products in shortfall, then scale all levels
        // down together (a common factor keeps every net output non-negative)
        repairShortfalls(m, z);
        cutConsumers(m, z);
        scaleDownTogether(m, z);
        double[] q = m.net(z);
        gradient(m, q, target, weight, meanTarget, g);
        // resource prices: the least that keeps every technique using limited resources from a profit
        double[] w = new double[m.nr];
        for (int t = 0; t < nt; t++) {
            double s = -m.cost(t);
            for (int j = m.nStart[t]; j < m.nStart[t + 1]; j++) {
                s += m.nVal[j] * g[m.nRow[j]];
            }
            if (s <= 0) {
                continue;
            }
            double used = 0;
            for (int j = m.rStart[t]; j < m.rStart[t + 1]; j++) {
                if (m.isLimited(m.rRow[j])) {
                    used += m.rVal[j];
                }
            }
            if (used > 0) {
                double price = s / used;
                for (int j = m.rStart[t]; j < m.rStart[t + 1]; j++) {
                    if (m.isLimited(m.rRow[j])) {
                        w[m.rRow[j]] = Math.max(w[m.rRow[j]], price);
                    }
                }
            }
        }
        return new LpSolution(LpSolution.Outcome.SOLVED, z, Double.NaN, g, w, "harmony", iterations,
                seconds(t0), !cut, "Cockshott's harmony heuristic: not optimal in general;"
                + " the certificate bounds how far it falls short" + (cut ? "; stopped after " + iterations
                + " iterations by the time limit: not bit-for-bit reproducible" : ""));
    }

    private static void gradient(LpModel m, double[] q, double[] target, double[] weight, double meanTarget,
                                 double[] g) {
        for (int p = 0; p < m.np; p++) {
            if (target[p] > 0) {
                double u = (q[p] - target[p]) / target[p];
                g[p] = weight[p] * dh(u) / target[p];
            } else {
                double u = Math.min(0, q[p]) / meanTarget;
                g[p] = dh(u) / meanTarget * (q[p] < 0 ? 1 : 0.0);
            }
        }
    }

    /**
     * Scales each technique by the least ratio {@code a_r / use_r} over the limited resources it
     * uses (up or down), then clips to capacities: afterwards every limited resource holds, and a
     * resource in slack lets its techniques grow.
     */
    static void scaleIntoResources(LpModel m, double[] z) {
        double[] use = m.resourceUse(z);
        for (int t = 0; t < z.length; t++) {
            double f = Double.POSITIVE_INFINITY;
            for (int j = m.rStart[t]; j < m.rStart[t + 1]; j++) {
                int r = m.rRow[j];
                if (m.isLimited(r) && m.rVal[j] > 0) {
                    f = Math.min(f, use[r] > 0 ? m.available[r] / use[r] : Double.POSITIVE_INFINITY);
                }
            }
            if (f != Double.POSITIVE_INFINITY) {
                z[t] = Math.min(m.capacity[t], z[t] * f);
            }
        }
    }

    /**
     * Where a product is still short (its makers at capacity), scales down the techniques that use
     * it to what is made, repeatedly; this only lowers levels, so it ends with every net output at
     * least zero (all levels zero at worst).
     */
    public static void cutConsumers(LpModel m, double[] z) {
        for (int round = 0; round < 10_000; round++) {
            double[] made = new double[m.np];
            double[] used = new double[m.np];
            for (int t = 0; t < m.nt; t++) {
                for (int j = m.nStart[t]; j < m.nStart[t + 1]; j++) {
                    double x = m.nVal[j] * z[t];
                    if (x > 0) {
                        made[m.nRow[j]] += x;
                    } else {
                        used[m.nRow[j]] -= x;
                    }
                }
            }
            double[] f = new double[m.np];
            boolean any = false;
            for (int p = 0; p < m.np; p++) {
                f[p] = 1;
                if (used[p] > made[p]) {
                    f[p] = made[p] / used[p] * (1 - 1e-12);
                    any = true;
                }
            }
            if (!any) {
                return;
            }
            for (int t = 0; t < m.nt; t++) {
                double g = 1;
                for (int j = m.nStart[t]; j < m.nStart[t + 1]; j++) {
                    if (m.nVal[j] < 0) {
                        g = Math.min(g, f[m.nRow[j]]);
                    }
                }
                z[t] *= g;
            }
        }
    }

    /** Scales all levels down by one factor so that every limited resource holds. */
    public static void scaleDownTogether(LpModel m, double[] z) {
        double[] use = m.resourceUse(z);
        double f = 1;
        for (int r : m.limited) {
            if (use[r] > m.available[r]) {
                f = Math.min(f, m.available[r] / use[r]);
            }
        }
        for (int t = 0; t < z.length && f < 1; t++) {
            z[t] *= f;
        }
    }

    /** Raises the makers of products in shortfall (untargeted ones must not be negative). */
    public static void repairShortfalls(LpModel m, double[] z) {
        int[][] makers = m.makers();
        for (int round = 0; round < 1000; round++) {
            double[] q = m.net(z);
            boolean any = false;
            for (int p = 0; p < m.np; p++) {
                double need = -q[p]; // targeted products count through λ, only negatives are short
                if (need <= 0) {
                    continue;
                }
                // the running maker with most room, else the first maker
                int best = -1;
                double room = -1;
                for (int j = makers[0][p]; j < makers[0][p + 1]; j++) {
                    int t = makers[1][j];
                    double r = m.capacity[t] - z[t];
                    if (r > room) {
                        room = r;
                        best = t;
                    }
                }
                if (best < 0) {
                    continue;
                }
                int k = java.util.Arrays.binarySearch(m.nRow, m.nStart[best], m.nStart[best + 1], p);
                z[best] = Math.min(m.capacity[best], z[best] + need * (1 + 1e-9) / m.nVal[k]);
                any = true;
            }
            if (!any) {
                return;
            }
        }
    }
}
