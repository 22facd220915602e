package org.gosplan.planner.lp;

import org.gosplan.planner.Certificate;
import org.gosplan.planner.harmony.Harmony;

/**
 * Makes an approximate solution (PDLP's, harmony's) prove what it can: a primal plan that meets
 * every constraint exactly and valuations that no technique can beat, so that the certificate's
 * gap is a true bound on the distance to the optimum.
 *
 * <ul>
 *   <li>Primal: levels clipped to [0, capacity]; a product in shortfall has a maker with room
 *       raised to cover it (repeatedly, as the raise uses other products); where that is not
 *       enough, its users are scaled down (only lowering levels, so this ends); then all levels are scaled down
 *       by one factor until every limited resource holds (a common factor keeps every net output
 *       at least zero). λ then follows from the levels.</li>
 *   <li>Dual: valuations and prices clipped at zero; for fulfil scaled to {@code Σ d_p v_p = 1}.
 *       A technique that still makes a profit at these prices has it counted, times the bound on
 *       its level, into the dual bound (see {@link Certificate}).</li>
 * </ul>
 */
final class CertificateRepair {
    private CertificateRepair() {}

    /** Whether valuations a prove a lower fulfil bound than b at prices w (capacity profits counted). */
    private static boolean better(LpModel m, double[] a, double[] w, double[] mu, double[] b) {
        return bound(m, a, w) < bound(m, b, w);
    }

    /** The fulfil dual bound of valuations v and prices w, as {@link PlanAssembly} computes it. */
    static double bound(LpModel m, double[] v, double[] w) {
        double dv = 0;
        for (int p : m.targeted) {
            dv += m.demand[p] * v[p];
        }
        if (!(dv > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int r : m.limited) {
            sum += m.available[r] * w[r];
        }
        for (int t = 0; t < m.nt; t++) {
            double profit = 0;
            for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                profit += m.nVal[q] * v[m.nRow[q]];
            }
            for (int q = m.rStart[t]; q < m.rStart[t + 1]; q++) {
                profit -= m.rVal[q] * w[m.rRow[q]];
            }
            if (profit > 0) {
                double u = m.capacity[t] != Double.POSITIVE_INFINITY ? m.capacity[t] : m.levelBound(t);
                sum += profit * u;
            }
        }
        return sum / dv;
    }

    /** λ of levels: the worst ratio of net output to target; -inf where a resource is overrun. */
    static double lambdaOf(LpModel m, double[] z) {
        double[] use = m.resourceUse(z);
        for (int r : m.limited) {
            if (use[r] > m.available[r]) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        double[] net = m.net(z);
        double lam = Double.POSITIVE_INFINITY;
        for (int p : m.targeted) {
            lam = Math.min(lam, net[p] / m.demand[p]);
        }
        return lam;
    }

    static LpSolution repair(LpModel m, LpSolution s) {
        if (s.z() == null) {
            return s;
        }
        int nt = m.nt, np = m.np;
        double[] z = new double[nt];
        for (int t = 0; t < nt; t++) {
            double x = s.z()[t];
            z[t] = x > 0 ? Math.min(x, m.capacity[t]) : 0.0;
        }
        Harmony.repairShortfalls(m, z);
        Harmony.cutConsumers(m, z);
        Harmony.scaleDownTogether(m, z);
        if (m.fulfil()) {
            // the balances solved exactly around the iterate's technique choice: often a much larger λ
            double[] zp = Crossover.project(m, s.z());
            if (zp != null && lambdaOf(m, zp) > lambdaOf(m, z)) {
                z = zp;
            }
        }

        double[] v = new double[np];
        double[] w = new double[m.nr];
        for (int p = 0; p < np; p++) {
            double x = s.v() == null ? 0 : s.v()[p];
            v[p] = x > 0 ? x : 0;
        }
        for (int r : m.limited) {
            double x = s.w() == null ? 0 : s.w()[r];
            w[r] = x > 0 ? x : 0;
        }
        if (m.fulfil() && m.limited.length > 0) {
            // the valuations no technique beats at these resource prices (and the capacity prices the
            // iterate implies): no uncapped technique then makes a profit, which would count times
            // its resource-implied level bound into the dual bound
            double[] mu = new double[nt];
            for (int t = 0; t < nt; t++) {
                if (m.capacity[t] != Double.POSITIVE_INFINITY) {
                    double profit = 0;
                    for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                        profit += m.nVal[q] * v[m.nRow[q]];
                    }
                    for (int q = m.rStart[t]; q < m.rStart[t + 1]; q++) {
                        profit -= m.rVal[q] * w[m.rRow[q]];
                    }
                    mu[t] = Math.max(0.0, profit);
                }
            }
            double[] vb = Crossover.bellmanValues(m, w, mu);
            if (vb != null && better(m, vb, w, mu, v)) {
                v = vb;
            }
        }
        if (m.fulfil()) {
            double dv = 0;
            for (int p : m.targeted) {
                dv += m.demand[p] * v[p];
            }
            if (dv > 0) {
                for (int p = 0; p < np; p++) {
                    v[p] /= dv;
                }
                for (int r = 0; r < m.nr; r++) {
                    w[r] /= dv;
                }
            }
        }
        return new LpSolution(s.outcome(), z, Double.NaN, v, w, s.method(), s.iterations(), s.seconds(),
                s.deterministic(), s.note());
    }
}
