package org.gosplan.planner.analysis;

import org.gosplan.economy.IoTable;
import org.gosplan.economy.SparseMatrix;

/** Vectors of a table that several analyses need. */
final class TableVectors {
    private TableVectors() {}

    static String[] sectorIds(IoTable t) {
        String[] ids = new String[t.sectors()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = t.sector(i);
        }
        return ids;
    }

    /** Column sums of Z: what each sector buys from the other sectors. */
    static double[] intermediateInputs(IoTable t) {
        SparseMatrix z = t.flows();
        int[] start = z.columnStarts();
        double[] v = z.values();
        double[] out = new double[t.sectors()];
        for (int j = 0; j < out.length; j++) {
            double s = 0;
            for (int k = start[j]; k < start[j + 1]; k++) {
                s += v[k];
            }
            out[j] = s;
        }
        return out;
    }

    /** Row sums of Z: what each sector sells to the other sectors. */
    static double[] intermediateSales(IoTable t) {
        SparseMatrix z = t.flows();
        int[] rows = z.rowIndexes();
        double[] v = z.values();
        double[] out = new double[t.sectors()];
        for (int k = 0; k < z.nonzeros(); k++) {
            out[rows[k]] += v[k];
        }
        return out;
    }

    /**
     * Primary inputs {@code v_j = x_j - sum_i z_ij}: everything a sector pays besides other
     * sectors' products (compensation, surplus, taxes, imports), the value-added row of Miller
     * and Blair's Ghosh and price models.
     */
    static double[] primaryInputs(IoTable t) {
        double[] v = intermediateInputs(t);
        for (int j = 0; j < v.length; j++) {
            v[j] = t.output(j) - v[j];
        }
        return v;
    }

    static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1.0);
        return o;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
