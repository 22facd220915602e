package org.gosplan.council.proposal;

import java.util.Arrays;
import org.gosplan.economy.Economy;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.record.RecordException;

/**
 * The Leontief system of one chosen technique per product: column {@code p} of {@code A} is what
 * technique {@code t = technique[p]} uses per unit of {@code p} it makes, less (as a credit) the
 * other products it makes alongside, so that {@code (I - A) x = d} gives the output {@code x_p} of
 * each product's own technique (its level is {@code x_p / o_pt}) with net output exactly {@code d}.
 * An economy that is square already is solved on its own columns, with no copy.
 */
final class SquareSystem {
    final int[] technique; // by product
    final double[] ownOutput; // o_pt of each product's technique, by product
    final Leontief leontief;

    private SquareSystem(int[] technique, double[] ownOutput, Leontief leontief) {
        this.technique = technique;
        this.ownOutput = ownOutput;
        this.leontief = leontief;
    }

    static SquareSystem of(Economy e, int[] technique) {
        int n = e.products();
        double[] own = new double[n];
        SparseMatrix out = e.outputs();
        int[] os = out.columnStarts();
        int[] or = out.rowIndexes();
        double[] ov = out.values();
        boolean[] used = new boolean[e.techniques()];
        int[] productOf = new int[e.techniques()];
        for (int p = 0; p < n; p++) {
            int t = technique[p];
            if (t == TechniqueChoice.JOINT) {
                own[p] = 1; // no technique: x_p is what is needed beyond what others make alongside
                continue;
            }
            if (used[t]) {
                throw new RecordException("technique '" + e.techniqueId(t) + "' is the technique of both product '"
                        + e.productId(productOf[t]) + "' and product '" + e.productId(p) + "' (joint production); the"
                        + " cost of a proposal needs a technique of its own for each product");
            }
            used[t] = true;
            productOf[t] = p;
            for (int k = os[t]; k < os[t + 1]; k++) {
                if (or[k] == p) {
                    own[p] = ov[k];
                }
            }
        }
        if (e.isSquare()) {
            return new SquareSystem(technique, own, Leontief.of(e));
        }
        SparseMatrix in = e.productInputs();
        int[] is = in.columnStarts();
        int[] ir = in.rowIndexes();
        double[] iv = in.values();
        int[] starts = new int[n + 1];
        int[] rows = new int[16];
        double[] values = new double[16];
        double[] acc = new double[n];
        boolean[] touched = new boolean[n];
        int[] list = new int[16];
        int nnz = 0;
        for (int p = 0; p < n; p++) {
            int t = technique[p];
            if (t == TechniqueChoice.JOINT) {
                starts[p + 1] = nnz;
                continue;
            }
            double scale = 1.0 / own[p];
            int m = 0;
            for (int k = is[t]; k < is[t + 1]; k++) {
                if (!touched[ir[k]]) {
                    touched[ir[k]] = true;
                    list = grow(list, m);
                    list[m++] = ir[k];
                }
                acc[ir[k]] += iv[k] * scale;
            }
            for (int k = os[t]; k < os[t + 1]; k++) {
                if (or[k] != p) {
                    if (!touched[or[k]]) {
                        touched[or[k]] = true;
                        list = grow(list, m);
                        list[m++] = or[k];
                    }
                    acc[or[k]] -= ov[k] * scale;
                }
            }
            Arrays.sort(list, 0, m);
            if (nnz + m > rows.length) {
                int cap = Math.max(nnz + m, rows.length * 2);
                rows = Arrays.copyOf(rows, cap);
                values = Arrays.copyOf(values, cap);
            }
            for (int i = 0; i < m; i++) {
                int q = list[i];
                rows[nnz] = q;
                values[nnz] = acc[q];
                nnz++;
                acc[q] = 0;
                touched[q] = false;
            }
            starts[p + 1] = nnz;
        }
        String[] ids = new String[n];
        for (int p = 0; p < n; p++) {
            ids[p] = e.productId(p);
        }
        SparseMatrix a = SparseMatrix.wrap(n, n, starts, rows, values);
        return new SquareSystem(technique, own, Leontief.ofCoefficients(a, ids));
    }

    private static int[] grow(int[] list, int m) {
        return m < list.length ? list : Arrays.copyOf(list, m * 2);
    }
}
