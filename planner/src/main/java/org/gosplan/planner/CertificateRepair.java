package org.gosplan.planner;

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
