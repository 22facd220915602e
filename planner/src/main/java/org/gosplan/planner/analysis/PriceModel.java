package org.gosplan.planner.analysis;

import java.util.Arrays;
import org.gosplan.economy.IoTable;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.LeontiefSolution;

/**
 * The Leontief price model (Miller and Blair 2009, section 2.6): unit prices that cover the
 * inputs bought from other sectors and the primary inputs (value added) per unit of output,
 * {@code p' = p' A + v'}, so {@code p' = v' (I - A)^-1}. With the table's own primary inputs every
 * price is 1 (the table is in values); a change of value added per unit, such as a wage rise in
 * one sector or in all, is pushed through the economy as a cost.
 *
 * <p>The fixed-price variant holds the prices of some sectors at given values (set abroad, or
 * by decision) and solves for the others: with E the sectors whose price is computed and F those
 * held, {@code p_E' = (p_F' A_FE + v_E') (I - A_EE)^-1} (Miller and Blair section 2.6.3).
 * Every solve is a transposed Leontief solve; {@code (I - A)^-1} is never formed.
 */
public final class PriceModel {
    private final IoTable table;
    private final SparseMatrix a;
    private final Leontief system;

    private PriceModel(IoTable table, SparseMatrix a, Leontief system) {
        this.table = table;
        this.a = a;
        this.system = system;
    }

    public static PriceModel of(IoTable t) {
        SparseMatrix a = t.coefficients();
        return new PriceModel(t, a, Leontief.ofCoefficients(a, TableVectors.sectorIds(t)));
    }

    /**
     * The table's value added (primary inputs) per unit of output, {@code v_j = 1 - sum_i a_ij}.
     * A sector with zero output is given 1: it buys nothing from other sectors in A, so its price
     * is all value added and stays 1.
     */
    public double[] valueAdded() {
        double[] v = TableVectors.primaryInputs(table);
        for (int j = 0; j < v.length; j++) {
            double x = table.output(j);
            v[j] = x == 0.0 ? 1.0 : v[j] / x;
        }
        return v;
    }

    /** Unit prices {@code p' = v' (I - A)^-1} for value added per unit {@code v}. */
    public Prices prices(double[] valueAdded, LeontiefOptions options) {
        return prices(valueAdded, new int[0], new double[0], options);
    }

    /**
     * Unit prices with the prices of sectors {@code fixed} held at {@code fixedPrices}; the value
     * added of a held sector plays no part (its price is given, not built up from costs).
     */
    public Prices prices(double[] valueAdded, int[] fixed, double[] fixedPrices, LeontiefOptions options) {
        int n = table.sectors();
        if (valueAdded.length != n || fixed.length != fixedPrices.length) {
            throw new IllegalArgumentException("value added for " + valueAdded.length + " of " + n + " sectors, "
                    + fixed.length + " held sectors for " + fixedPrices.length + " prices");
        }
        if (fixed.length == 0) {
            LeontiefSolution s = system.solveTransposed(valueAdded, options);
            return new Prices(s.x(), s.residual());
        }
        double[] price = new double[n];
        boolean[] held = new boolean[n];
        for (int k = 0; k < fixed.length; k++) {
            if (held[fixed[k]]) {
                throw new IllegalArgumentException("sector " + table.sector(fixed[k]) + " is held twice");
            }
            held[fixed[k]] = true;
            price[fixed[k]] = fixedPrices[k];
        }
        int[] local = new int[n]; // sector -> index among the computed sectors, or -1
        String[] ids = new String[n - fixed.length];
        int m = 0;
        for (int j = 0; j < n; j++) {
            local[j] = held[j] ? -1 : m;
            if (!held[j]) {
                ids[m++] = table.sector(j);
            }
        }
        // A_EE (CSC over the computed sectors) and the right-hand side v_E + A_FE^T p_F
        int[] start = a.columnStarts();
        int[] rows = a.rowIndexes();
        double[] val = a.values();
        int[] ns = new int[m + 1];
        int[] ri = new int[a.nonzeros()];
        double[] av = new double[a.nonzeros()];
        double[] rhs = new double[m];
        int w = 0;
        for (int j = 0; j < n; j++) {
            int c = local[j];
            if (c < 0) {
                continue;
            }
            ns[c] = w;
            double r = valueAdded[j];
            for (int k = start[j]; k < start[j + 1]; k++) {
                int i = rows[k];
                if (held[i]) {
                    r += price[i] * val[k];
                } else {
                    ri[w] = local[i];
                    av[w++] = val[k];
                }
            }
            rhs[c] = r;
        }
        ns[m] = w;
        double residual = 0;
        if (m > 0) {
            SparseMatrix aee = SparseMatrix.wrap(m, m, ns, Arrays.copyOf(ri, w), Arrays.copyOf(av, w));
            LeontiefSolution s = Leontief.ofCoefficients(aee, ids).solveTransposed(rhs, options);
            for (int j = 0; j < n; j++) {
                if (local[j] >= 0) {
                    price[j] = s.x()[local[j]];
                }
            }
            residual = s.residual();
        }
        return new Prices(price, residual);
    }

    /**
     * Unit prices.
     *
     * @param price    per sector
     * @param residual relative residual of the solve
     */
    public record Prices(double[] price, double residual) {
        /** The price level weighted by {@code weights} (such as final demand): {@code sum p_i w_i / sum w_i}. */
        public double level(double[] weights) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < price.length; i++) {
                num += price[i] * weights[i];
                den += weights[i];
            }
            return den == 0 ? Double.NaN : num / den;
        }
    }
}
