package org.gosplan.planner.analysis;

import org.gosplan.economy.IoTable;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefOptions;

/**
 * Backward and forward linkages of every sector, as Miller and Blair (2009) define them in
 * section 12.2: backward from the demand side (column sums of A, direct, and of L, total: the
 * output multipliers), forward from the supply side (row sums of the allocation coefficients B,
 * direct, and of the Ghosh inverse G, total). Each is also given normalised by its average over
 * the sectors (eq. 12.6 and 12.9): the normalised total backward linkage is Rasmussen's power of
 * dispersion, and the normalised total forward linkage the sensitivity of dispersion taken from
 * G as Miller and Blair (and the Eurostat manual, section 15.4) recommend. A sector whose
 * normalised total linkages both exceed 1 is a key sector (Hirschman's sense).
 *
 * @param sectors         sector ids, in table order
 * @param backwardDirect  column sums of A
 * @param backwardTotal   column sums of L = (I - A)^-1
 * @param forwardDirect   row sums of B = diag(x)^-1 Z
 * @param forwardTotal    row sums of G = (I - B)^-1
 */
public record Linkages(String[] sectors, double[] backwardDirect, double[] backwardTotal, double[] forwardDirect,
                       double[] forwardTotal) {

    /** The four linkages of a table: two solves, one on A transposed and one on B; no inverse is formed. */
    public static Linkages of(IoTable t, LeontiefOptions options) {
        Leontief a = Leontief.of(t);
        Ghosh g = Ghosh.of(t);
        double[] backwardTotal = a.solveTransposed(TableVectors.ones(t.sectors()), options).x();
        return new Linkages(TableVectors.sectorIds(t), a.columnSums(), backwardTotal, g.allocationRowSums(),
                g.rowSums(options));
    }

    /** {@code v_j / ((1/n) sum_k v_k)}: above 1 is above the average sector. */
    public static double[] normalised(double[] v) {
        double mean = TableVectors.mean(v);
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = mean == 0 ? 0 : v[j] / mean;
        }
        return out;
    }

    /** Whether sector j's normalised total backward and forward linkages both exceed 1. */
    public boolean keySector(int j) {
        return backwardTotal[j] > TableVectors.mean(backwardTotal) && forwardTotal[j] > TableVectors.mean(forwardTotal);
    }
}
