package org.gosplan.planner.extended;

import java.util.Arrays;
import java.util.List;
import org.gosplan.economy.Economy;
import org.gosplan.economy.Parts;
import org.gosplan.economy.SparseMatrix;

/**
 * The LP of an economy with its optional parts, for all its republics or one alone: a block
 * staircase, one block a year, linked by the capital stocks.
 *
 * <pre>
 * for every year y, region g, product p:
 *   sum_t (out - in)[p,t] z[y,t] - inv[y,p,g] + sum_l into g (1 - loss_l) s[y,l] - sum_l from g s[y,l]
 *     - sum_l from g in_l[p] s[y,l] + imports[y,p,g] - exports[y,p,g] - λ[y,g] d[y,g,p] >= 0
 * for every year y, limited resource r:       sum_t R[r,t] z[y,t] + sum_l R_l[r] s[y,l] <= available[r,y]
 * for every year y, capital c, region g:      sum_t K[c,t] z[y,t] <= stock[y,c,g]
 * stock[1,c,g] = initial; stock[y,c,g] = (1 - δ_c) stock[y-1,c,g] + inv[y - lag_c,c,g]
 * for every year y:                           sum exportPrice exports - sum importPrice imports >= tradeBalance
 * leximin:                                    λ[y,g] >= t, maximise t (then fix the λ that bind and go on)
 * </pre>
 *
 * Years are 0-based inside ({@code y} here is the plan's year less one); a one-year economy has
 * one year and a non-regional one one region.
 */
final class SpaceModel {
    final Economy e;
    final Parts parts;
    final int years;
    final int regions;
    /** The region planned alone, or -1 for the union. */
    final int alone;
    final Lp lp = new Lp();

    final int[][] level;          // [y][t], -1: not in this model
    final int[][] sent;           // [y][link], -1
    final int[][] imports;        // [y][term], -1
    final int[][] exports;        // [y][term], -1
    final int[][][] stock;        // [y][capital][g], -1
    final int[][][] invest;       // [y][capital][g], -1
    final int[][][] productRow;   // [y][g][p], -1
    final int[] balanceRow;       // [y], -1
    /**
     * The balance of trade's rows are this times the balance in currency: 1 / the largest world price where
     * that is below 1e-6 (at 1e-12 a unit GLOP gave no answer), else 1. A row dual is the plan's worth of
     * this many units of currency.
     */
    final double balanceScale;
    final int[][] lambda;         // [y][g], -1 where (y, g) has no targets
    final int[][] lambdaRow;      // [y][g]: λ[y,g] - t >= 0
    final int least;              // t
    final int[][] resourceRow;    // [y][resource], -1: unlimited that year
    final int[][][] capitalRow;   // [y][capital][g], -1

    SpaceModel(Economy e, int alone) {
        this.e = e;
        this.parts = e.parts();
        this.years = Math.max(1, parts.years());
        this.regions = Math.max(1, parts.regions().size());
        this.alone = alone;
        int np = e.products();
        int nt = e.techniques();
        List<Parts.Capital> capital = parts.capital();
        int nc = capital.size();
        int[] capitalOf = new int[np];
        Arrays.fill(capitalOf, -1);
        for (int c = 0; c < nc; c++) {
            capitalOf[capital.get(c).product()] = c;
        }
        level = new int[years][nt];
        sent = new int[years][parts.transport().size()];
        imports = new int[years][parts.trade().size()];
        exports = new int[years][parts.trade().size()];
        stock = new int[years][nc][regions];
        invest = new int[years][nc][regions];
        productRow = new int[years][regions][np];
        balanceRow = new int[years];
        lambda = new int[years][regions];
        lambdaRow = new int[years][regions];
        least = lp.addVar(0, Lp.INF, 1);
        double largestPrice = 0;
        for (Parts.Trade term : parts.trade()) {
            largestPrice = Math.max(largestPrice, Math.max(term.imports() ? term.importPrice() : 0,
                    term.exports() ? term.exportPrice() : 0));
        }
        // only where every price is tiny: a row as written elsewhere keeps every plan (and every plan on the
        // record, which replay recomputes) bit for bit what it was; large prices plan well as written (1e15)
        balanceScale = largestPrice > 0 && largestPrice < 1e-6 ? 1 / largestPrice : 1;
        double[][][] demand = demand();
        for (int y = 0; y < years; y++) {
            for (int g = 0; g < regions; g++) {
                Arrays.fill(productRow[y][g], -1);
                lambda[y][g] = -1;
                lambdaRow[y][g] = -1;
                if (!included(g)) {
                    continue;
                }
                for (int p = 0; p < np; p++) {
                    productRow[y][g][p] = lp.addRow(0, Lp.INF);
                }
                boolean targeted = false;
                for (int p = 0; p < np && !targeted; p++) {
                    targeted = demand[y][g][p] > 0;
                }
                if (targeted) {
                    lambda[y][g] = lp.addVar(0, Lp.INF, 0);
                    for (int p = 0; p < np; p++) {
                        lp.add(productRow[y][g][p], lambda[y][g], -demand[y][g][p]);
                    }
                    lambdaRow[y][g] = lp.addRow(0, Lp.INF);
                    lp.add(lambdaRow[y][g], lambda[y][g], 1);
                    lp.add(lambdaRow[y][g], least, -1);
                }
            }
        }
        resourceRow = resourceRows();
        capitalRow = new int[years][nc][regions];
        for (int y = 0; y < years; y++) {
            for (int c = 0; c < nc; c++) {
                Parts.Capital k = capital.get(c);
                for (int g = 0; g < regions; g++) {
                    stock[y][c][g] = -1;
                    invest[y][c][g] = -1;
                    capitalRow[y][c][g] = -1;
                    if (!included(g)) {
                        continue;
                    }
                    double initial = y == 0 ? initialStock(k.product(), g) : 0;
                    stock[y][c][g] = y == 0 ? lp.addVar(initial, initial, 0) : lp.addVar(0, Lp.INF, 0);
                    if (y + k.lag() < years) {
                        // made for stock in year y, it serves from year y + lag; later it would serve no year planned
                        invest[y][c][g] = lp.addVar(0, Lp.INF, 0);
                        lp.add(productRow[y][g][k.product()], invest[y][c][g], -1);
                    }
                    capitalRow[y][c][g] = lp.addRow(-Lp.INF, 0);
                    lp.add(capitalRow[y][c][g], stock[y][c][g], -1);
                }
            }
            for (int c = 0; c < nc && y > 0; c++) {
                Parts.Capital k = capital.get(c);
                for (int g = 0; g < regions; g++) {
                    if (!included(g)) {
                        continue;
                    }
                    int row = lp.addRow(0, 0);
                    lp.add(row, stock[y][c][g], 1);
                    lp.add(row, stock[y - 1][c][g], -(1 - k.depreciation()));
                    if (y - k.lag() >= 0) {
                        lp.add(row, invest[y - k.lag()][c][g], -1);
                    }
                }
            }
        }
        SparseMatrix out = e.outputs(), pin = e.productInputs(), rin = e.resourceInputs();
        SparseMatrix need = parts.capitalInputs();
        for (int y = 0; y < years; y++) {
            for (int t = 0; t < nt; t++) {
                int g = Math.max(0, parts.techniqueRegion(t));
                level[y][t] = -1;
                if (!included(g)) {
                    continue;
                }
                int z = lp.addVar(0, e.capacity(t), 0);
                level[y][t] = z;
                column(out, t, productRow[y][g], z, 1);
                column(pin, t, productRow[y][g], z, -1);
                column(rin, t, resourceRow[y], z, 1);
                if (need != null) {
                    for (int k = need.columnStarts()[t]; k < need.columnStarts()[t + 1]; k++) {
                        int c = capitalOf[need.rowIndexes()[k]];
                        lp.add(capitalRow[y][c][g], z, need.values()[k]);
                    }
                }
            }
            List<Parts.Transport> links = parts.transport();
            for (int l = 0; l < links.size(); l++) {
                Parts.Transport link = links.get(l);
                sent[y][l] = -1;
                if (alone >= 0) {
                    continue;
                }
                int s = lp.addVar(0, link.capacity(), 0);
                sent[y][l] = s;
                lp.add(productRow[y][link.from()][link.product()], s, -1);
                lp.add(productRow[y][link.to()][link.product()], s, 1 - link.loss());
                for (Parts.Input i : link.inputs()) {
                    if (i.resource()) {
                        if (resourceRow[y][i.item()] >= 0) {
                            lp.add(resourceRow[y][i.item()], s, i.quantity());
                        }
                    } else {
                        lp.add(productRow[y][link.from()][i.item()], s, -i.quantity());
                    }
                }
            }
            List<Parts.Trade> terms = parts.trade();
            balanceRow[y] = -1;
            for (int k = 0; k < terms.size(); k++) {
                Parts.Trade term = terms.get(k);
                int g = Math.max(0, term.region());
                imports[y][k] = -1;
                exports[y][k] = -1;
                if (!included(g)) {
                    continue;
                }
                if (balanceRow[y] < 0) {
                    balanceRow[y] = lp.addRow(parts.tradeBalance() * balanceScale, Lp.INF);
                }
                if (term.imports()) {
                    imports[y][k] = lp.addVar(0, term.importLimit(), 0);
                    lp.add(productRow[y][g][term.product()], imports[y][k], 1);
                    lp.add(balanceRow[y], imports[y][k], -term.importPrice() * balanceScale);
                }
                if (term.exports()) {
                    exports[y][k] = lp.addVar(0, term.exportLimit(), 0);
                    lp.add(productRow[y][g][term.product()], exports[y][k], -1);
                    lp.add(balanceRow[y], exports[y][k], term.exportPrice() * balanceScale);
                }
            }
        }
    }

    boolean included(int g) {
        return alone < 0 || g == alone;
    }

    private void column(SparseMatrix m, int t, int[] rowOf, int var, double sign) {
        int[] start = m.columnStarts();
        for (int k = start[t]; k < start[t + 1]; k++) {
            int row = rowOf[m.rowIndexes()[k]];
            if (row >= 0) {
                lp.add(row, var, sign * m.values()[k]);
            }
        }
    }

    /** The targets by year, region and product: a target without a year holds in every year. */
    double[][][] demand() {
        double[][][] d = new double[years][regions][e.products()];
        for (int i = 0; i < e.targets(); i++) {
            int g = Math.max(0, parts.targetRegion(i));
            int year = parts.targetYear(i);
            for (int y = 0; y < years; y++) {
                if (year == 0 || year == y + 1) {
                    d[y][g][e.targetProduct(i)] += e.targetQuantity(i);
                }
            }
        }
        return d;
    }

    /** The rows of the limited resources of the regions planned, by year (-1: unlimited that year, or elsewhere). */
    private int[][] resourceRows() {
        int nr = e.resources();
        double[][] available = new double[years][nr];
        for (int y = 0; y < years; y++) {
            for (int r = 0; r < nr; r++) {
                available[y][r] = e.available(r);
            }
        }
        for (Parts.Availability a : parts.availability()) {
            if (a.year() <= years) {
                available[a.year() - 1][a.resource()] = a.available();
            }
        }
        int[][] rows = new int[years][nr];
        for (int y = 0; y < years; y++) {
            for (int r = 0; r < nr; r++) {
                // a republic planned alone has none of the others' resources
                boolean here = included(Math.max(0, parts.resourceRegion(r)));
                rows[y][r] = !here ? lp.addRow(-Lp.INF, 0)
                        : !Double.isNaN(available[y][r]) ? lp.addRow(-Lp.INF, available[y][r]) : -1;
            }
        }
        return rows;
    }

    private double initialStock(int product, int g) {
        double q = 0;
        for (Parts.Stock s : parts.stocks()) {
            if (s.product() == product && Math.max(0, s.region()) == g) {
                q += s.quantity();
            }
        }
        return q;
    }
}
