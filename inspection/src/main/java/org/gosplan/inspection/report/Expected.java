package org.gosplan.inspection.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.record.Unit;

/**
 * The reports a plan expects: each unit running its techniques at their planned levels, using
 * the resources its techniques' coefficients say, receiving every input it does not make from
 * the unit that makes most of it, and that unit delivering it. A template for units to fill in
 * with what was done, and honest books for demonstrations. Exact where each product is made by one
 * unit (a square economy split into units); elsewhere the largest maker is named for all of it.
 * Figures are at least 0, as a report's must be: negative levels are 0, and resources whose use sums
 * to less than nothing (subsidies among a table's value added) are left out.
 */
public final class Expected {
    private Expected() {}

    /** The expected report of every unit in {@code units}, in that order, for plan {@code plan} and {@code period}. */
    public static List<Report> reports(Economy e, double[] levels, List<Unit> units, String plan, String period) {
        int nu = units.size();
        int[] owner = new int[e.techniques()];
        java.util.Arrays.fill(owner, -1);
        for (int u = 0; u < nu; u++) {
            for (String t : units.get(u).techniques()) {
                int i = e.techniqueIndex(t);
                if (i >= 0 && owner[i] < 0) {
                    owner[i] = u;
                }
            }
        }
        // the unit making most of each product
        int[] maker = new int[e.products()];
        double[] most = new double[e.products()];
        java.util.Arrays.fill(maker, -1);
        SparseMatrix out = e.outputs();
        for (int t = 0; t < e.techniques(); t++) {
            if (owner[t] < 0) {
                continue;
            }
            for (int k = out.columnStarts()[t]; k < out.columnStarts()[t + 1]; k++) {
                int p = out.rowIndexes()[k];
                double made = out.values()[k] * levels[t];
                if (made > most[p]) {
                    most[p] = made;
                    maker[p] = owner[t];
                }
            }
        }
        List<Map<String, Double>> lv = new ArrayList<>();
        List<Map<String, Double>> res = new ArrayList<>();
        List<List<Flow>> delivered = new ArrayList<>();
        List<List<Flow>> received = new ArrayList<>();
        for (int u = 0; u < nu; u++) {
            lv.add(new LinkedHashMap<>());
            res.add(new LinkedHashMap<>());
            delivered.add(new ArrayList<>());
            received.add(new ArrayList<>());
        }
        SparseMatrix in = e.productInputs();
        SparseMatrix r = e.resourceInputs();
        for (int t = 0; t < e.techniques(); t++) {
            int u = owner[t];
            if (u < 0) {
                continue;
            }
            // a report's figures are at least 0: a level a solver left at -1e-12 is 0, and a resource
            // with negative coefficients (a subsidy in a table's value added) is left out where it sums
            // to less than nothing
            lv.get(u).put(e.techniqueId(t), Math.max(0, levels[t]));
            for (int k = r.columnStarts()[t]; k < r.columnStarts()[t + 1]; k++) {
                res.get(u).merge(e.resourceId(r.rowIndexes()[k]), r.values()[k] * levels[t], Double::sum);
            }
            for (int k = in.columnStarts()[t]; k < in.columnStarts()[t + 1]; k++) {
                int p = in.rowIndexes()[k];
                double q = in.values()[k] * levels[t];
                int s = maker[p];
                if (s >= 0 && s != u && q > 0) {
                    delivered.get(s).add(new Flow(e.productId(p), units.get(u).id(), q));
                    received.get(u).add(new Flow(e.productId(p), units.get(s).id(), q));
                }
            }
        }
        List<Report> reports = new ArrayList<>();
        for (int u = 0; u < nu; u++) {
            res.get(u).values().removeIf(v -> !(v > 0));
            reports.add(new Report(units.get(u).id(), plan, period, lv.get(u), delivered.get(u), received.get(u),
                    res.get(u)));
        }
        return reports;
    }
}
