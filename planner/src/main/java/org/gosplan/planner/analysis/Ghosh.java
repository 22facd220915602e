package org.gosplan.planner.analysis;

import org.gosplan.economy.IoTable;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.PlannerException;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.LeontiefSolution;

/**
 * The Ghosh supply-side model (Miller and Blair 2009, section 12.1): allocation coefficients
 * {@code B = diag(x)^-1 Z} (the share of sector i's output sold to sector j), the output inverse
 * {@code G = (I - B)^-1}, and gross output driven by primary inputs, {@code x' = v' G}.
 *
 * <p>G is never formed: {@code x' = v' G} is the transposed solve {@code (I - B)^T x = v} and
 * the row sums {@code G 1} (total forward linkages) the solve {@code (I - B) g = 1}, both by the
 * {@link Leontief} solvers on B. A sector with zero output sells nothing in B (a zero row).
 */
public final class Ghosh {
    private final IoTable table;
    private final SparseMatrix allocation;
    private final Leontief system;

    private Ghosh(IoTable table, SparseMatrix allocation, Leontief system) {
        this.table = table;
        this.allocation = allocation;
        this.system = system;
    }

    public static Ghosh of(IoTable t) {
        int n = t.sectors();
        SparseMatrix z = t.flows();
        int[] start = z.columnStarts();
        int[] rows = z.rowIndexes();
        double[] v = z.values();
        int[] ns = new int[n + 1];
        int nnz = 0;
        for (int j = 0; j < n; j++) {
            ns[j] = nnz;
            for (int k = start[j]; k < start[j + 1]; k++) {
                if (v[k] != 0.0 && t.output(rows[k]) != 0.0) {
                    nnz++;
                }
            }
        }
        ns[n] = nnz;
        int[] ri = new int[nnz];
        double[] b = new double[nnz];
        int w = 0;
        for (int j = 0; j < n; j++) {
            for (int k = start[j]; k < start[j + 1]; k++) {
                double xi = t.output(rows[k]);
                if (v[k] != 0.0 && xi != 0.0) {
                    ri[w] = rows[k];
                    b[w++] = v[k] / xi;
                }
            }
        }
        SparseMatrix bm = SparseMatrix.wrap(n, n, ns, ri, b);
        return new Ghosh(t, bm, Leontief.ofCoefficients(bm, TableVectors.sectorIds(t)));
    }

    /** The allocation coefficients {@code B = diag(x)^-1 Z}. Shared, do not modify. */
    public SparseMatrix allocation() {
        return allocation;
    }

    /** {@code B} as a Leontief system, for solves with {@code (I - B)} and its transpose. */
    public Leontief system() {
        return system;
    }

    /** The table's own primary inputs, {@code v_j = x_j - sum_i z_ij}. */
    public double[] primaryInputs() {
        return TableVectors.primaryInputs(table);
    }

    /**
     * Gross output from primary inputs: {@code x' = v' G}. With the table's own primary inputs
     * it gives back the table's output (when its rows and columns balance).
     */
    public Supply supply(double[] primaryInputs, LeontiefOptions options) {
        if (primaryInputs.length != table.sectors()) {
            throw new IllegalArgumentException(primaryInputs.length + " primary inputs for " + table.sectors()
                    + " sectors");
        }
        LeontiefSolution s = system.solveTransposed(primaryInputs, options);
        return new Supply(primaryInputs.clone(), s.x(), s.residual());
    }

    /** Row sums of G: the total forward linkages (Miller and Blair eq. 12.8). */
    public double[] rowSums(LeontiefOptions options) {
        return system.solve(TableVectors.ones(table.sectors()), options).x();
    }

    /** Row sums of B: the direct forward linkages. */
    public double[] allocationRowSums() {
        double[] out = new double[table.sectors()];
        int[] rows = allocation.rowIndexes();
        double[] v = allocation.values();
        for (int k = 0; k < allocation.nonzeros(); k++) {
            out[rows[k]] += v[k];
        }
        return out;
    }

    /**
     * The answer of the supply-side model.
     *
     * @param primaryInputs {@code v}, per sector
     * @param output        {@code x' = v' G}, per sector
     * @param residual      relative residual of the solve
     */
    public record Supply(double[] primaryInputs, double[] output, double residual) {}

    static void requireTable(IoTable t, String analysis) {
        if (t == null) {
            throw new PlannerException(analysis + " needs an input-output table folder (Z.csv, Y.csv, ...);"
                    + " an economy has no flows in money to divide");
        }
    }
}
