package org.gosplan.inspection.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.inspection.report.Flow;
import org.gosplan.inspection.report.Report;
import org.gosplan.planner.EconomyGenerator;
import org.gosplan.record.Unit;

/**
 * A generated economy (planner's {@link EconomyGenerator}: product p made by technique p from
 * {@code inputs} others, with labour), its Leontief plan x = (I - A)^-1 d, and honest reports: unit
 * {@code u<i>} runs one or two consecutive techniques at their planned levels, delivers each input
 * to the unit that uses it (A[p][j] x[j] of product p to the owner of j), receives the same, and
 * uses l x hours of labour. Tests then make some units dishonest.
 */
final class GeneratedBooks {
    final Economy economy;
    final double[] levels;
    final double[] net;
    final List<Unit> units = new ArrayList<>();
    final int[] owner; // technique -> unit
    final List<Mutable> reports = new ArrayList<>();

    /** A report being written: the same fields as {@link Report}, changeable. */
    static final class Mutable {
        final String unit;
        final Map<String, Double> levels = new LinkedHashMap<>();
        final List<Flow> delivered = new ArrayList<>();
        final List<Flow> received = new ArrayList<>();
        final Map<String, Double> resources = new LinkedHashMap<>();

        Mutable(String unit) {
            this.unit = unit;
        }

        Report report() {
            return new Report(unit, "plan", "2027-Q1", levels, delivered, received, resources);
        }
    }

    GeneratedBooks(int products, int inputs, long seed) {
        EconomyGenerator g = new EconomyGenerator(products, inputs, seed);
        economy = g.economy();
        SparseMatrix a = economy.productInputs();
        int[] start = a.columnStarts();
        int[] row = a.rowIndexes();
        double[] v = a.values();
        double[] d = economy.finalDemand();
        // x = d + A x by fixed-point iteration: the column sums are at most 0.8, so 200 rounds leave < 1e-19
        double[] x = d.clone();
        for (int round = 0; round < 200; round++) {
            double[] next = d.clone();
            for (int j = 0; j < products; j++) {
                for (int k = start[j]; k < start[j + 1]; k++) {
                    next[row[k]] += v[k] * x[j];
                }
            }
            x = next;
        }
        levels = x;
        net = x.clone();
        for (int j = 0; j < products; j++) {
            for (int k = start[j]; k < start[j + 1]; k++) {
                net[row[k]] -= v[k] * x[j];
            }
        }
        // units: every third unit runs two techniques
        owner = new int[products];
        for (int t = 0; t < products; ) {
            int u = units.size();
            int n = (u % 3 == 2 && t + 1 < products) ? 2 : 1;
            List<String> ts = new ArrayList<>();
            Mutable m = new Mutable("u" + u);
            for (int k = 0; k < n; k++, t++) {
                owner[t] = u;
                ts.add(economy.techniqueId(t));
                m.levels.put(economy.techniqueId(t), x[t]);
            }
            units.add(new Unit("u" + u, ts, Map.of(), u));
            reports.add(m);
        }
        SparseMatrix labour = economy.resourceInputs();
        for (int t = 0; t < products; t++) {
            Mutable m = reports.get(owner[t]);
            m.resources.merge("labour", labour.get(0, t) * x[t], Double::sum);
        }
        for (int j = 0; j < products; j++) {
            for (int k = start[j]; k < start[j + 1]; k++) {
                int s = owner[row[k]];
                int r = owner[j];
                if (s != r) {
                    String p = economy.productId(row[k]);
                    double q = v[k] * x[j];
                    reports.get(s).delivered.add(new Flow(p, "u" + r, q));
                    reports.get(r).received.add(new Flow(p, "u" + s, q));
                }
            }
        }
    }

    /** The books of every report still in {@code reports} (a null entry: that unit did not report). */
    Books books() {
        Books b = new Books(economy, units);
        for (Mutable m : reports) {
            if (m != null) {
                b.add(m.report(), m.unit + ".json");
            }
        }
        return b;
    }

    Reconciliation reconcile() {
        return Reconciler.reconcile(books(), levels, net, 1e-6);
    }
}
