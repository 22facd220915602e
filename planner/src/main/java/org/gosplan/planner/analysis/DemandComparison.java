package org.gosplan.planner.analysis;

import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.LeontiefSolution;
import org.gosplan.planner.leontief.Multipliers;

/**
 * Two final demands pushed through the same Leontief system: the gross output each needs,
 * {@code x = (I - A)^-1 y} (one solve with two right-hand sides), and the use of every factor or
 * resource, {@code u_f = s_f x}. The differences are the impact of changing the demand from the
 * first to the second (Miller and Blair 2009, section 2.3).
 *
 * @param sectors  sector (product) ids
 * @param demandA  the first final demand
 * @param demandB  the second
 * @param outputA  gross output for the first
 * @param outputB  gross output for the second
 * @param factors  factor or resource ids
 * @param useA     each factor's use for the first, {@code s_f x_A}
 * @param useB     each factor's use for the second
 * @param residual the worst relative residual of the solves
 */
public record DemandComparison(String[] sectors, double[] demandA, double[] demandB, double[] outputA,
                               double[] outputB, String[] factors, double[] useA, double[] useB, double residual) {

    /** {@code m} gives the system and the factors' direct intensities (its totals are not used). */
    public static DemandComparison of(Multipliers m, double[] demandA, double[] demandB, LeontiefOptions options) {
        LeontiefSolution[] s = m.leontief().solveAll(new double[][] {demandA, demandB}, options);
        int n = m.leontief().size();
        String[] sectors = new String[n];
        for (int i = 0; i < n; i++) {
            sectors[i] = m.leontief().sector(i);
        }
        String[] factors = new String[m.factors()];
        double[] useA = new double[m.factors()];
        double[] useB = new double[m.factors()];
        for (int f = 0; f < factors.length; f++) {
            factors[f] = m.factor(f);
            double[] d = m.direct(f);
            double a = 0;
            double b = 0;
            for (int j = 0; j < n; j++) {
                a += d[j] * s[0].x()[j];
                b += d[j] * s[1].x()[j];
            }
            useA[f] = a;
            useB[f] = b;
        }
        return new DemandComparison(sectors, demandA.clone(), demandB.clone(), s[0].x(), s[1].x(), factors, useA, useB,
                Math.max(s[0].residual(), s[1].residual()));
    }
}
