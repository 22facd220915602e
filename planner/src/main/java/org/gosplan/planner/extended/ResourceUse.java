package org.gosplan.planner.extended;

import java.util.Arrays;
import org.gosplan.economy.Economy;
import org.gosplan.economy.Parts;
import org.gosplan.economy.SparseMatrix;

/**
 * The use of every resource in every year of a {@link SpaceModel}, as sparse rows over the LP's
 * variables (techniques' levels and units sent on transport links), and what is available of it
 * that year: what min-resource minimises and the least-use stages weigh. Built from the economy,
 * not from the LP's rows, so that an unlimited resource, which has no row, has its use too.
 */
final class ResourceUse {
    final int years;
    final int resources;
    /** [y][r]: the variables and coefficients of the use of r in year y. */
    final int[][][] var;
    final double[][][] coef;
    /** [y][r]: what is available (NaN: unlimited), 0 for a resource of a republic not planned. */
    final double[][] available;

    ResourceUse(SpaceModel m) {
        Economy e = m.e;
        Parts parts = m.parts;
        years = m.years;
        resources = e.resources();
        int[][] count = new int[years][resources];
        var = new int[years][resources][];
        coef = new double[years][resources][];
        available = new double[years][resources];
        for (int y = 0; y < years; y++) {
            for (int r = 0; r < resources; r++) {
                available[y][r] = e.available(r);
                var[y][r] = new int[4];
                coef[y][r] = new double[4];
            }
        }
        for (Parts.Availability a : parts.availability()) {
            if (a.year() <= years) {
                available[a.year() - 1][a.resource()] = a.available();
            }
        }
        for (int y = 0; y < years; y++) {
            for (int r = 0; r < resources; r++) {
                if (!m.included(Math.max(0, parts.resourceRegion(r)))) {
                    available[y][r] = 0; // a republic planned alone has none of the others' resources
                }
            }
        }
        SparseMatrix rin = e.resourceInputs();
        for (int y = 0; y < years; y++) {
            for (int t = 0; t < e.techniques(); t++) {
                int z = m.level[y][t];
                if (z < 0) {
                    continue;
                }
                for (int k = rin.columnStarts()[t]; k < rin.columnStarts()[t + 1]; k++) {
                    add(count, y, rin.rowIndexes()[k], z, rin.values()[k]);
                }
            }
            for (int l = 0; l < parts.transport().size(); l++) {
                int s = m.sent[y][l];
                if (s < 0) {
                    continue;
                }
                for (Parts.Input i : parts.transport().get(l).inputs()) {
                    if (i.resource()) {
                        add(count, y, i.item(), s, i.quantity());
                    }
                }
            }
            for (int r = 0; r < resources; r++) {
                var[y][r] = Arrays.copyOf(var[y][r], count[y][r]);
                coef[y][r] = Arrays.copyOf(coef[y][r], count[y][r]);
            }
        }
    }

    private void add(int[][] count, int y, int r, int v, double q) {
        int n = count[y][r];
        if (n == var[y][r].length) {
            var[y][r] = Arrays.copyOf(var[y][r], 2 * n);
            coef[y][r] = Arrays.copyOf(coef[y][r], 2 * n);
        }
        var[y][r][n] = v;
        coef[y][r][n] = q;
        count[y][r] = n + 1;
    }

    /** The use of resource {@code r} in year {@code y} by the values {@code x}. */
    double use(int y, int r, double[] x) {
        double u = 0;
        for (int k = 0; k < var[y][r].length; k++) {
            u += coef[y][r][k] * x[var[y][r][k]];
        }
        return u;
    }

    /** Adds {@code weight} times the use of r in year y to {@code cost} (indexed by variable). */
    void addTo(double[] cost, int y, int r, double weight) {
        for (int k = 0; k < var[y][r].length; k++) {
            cost[var[y][r][k]] += weight * coef[y][r][k];
        }
    }

    /** A row {@code use(y, r) <= most} in {@code lp}. */
    void hold(Lp lp, int y, int r, double most) {
        int row = lp.addRow(-Lp.INF, most);
        for (int k = 0; k < var[y][r].length; k++) {
            lp.add(row, var[y][r][k], coef[y][r][k]);
        }
    }
}
