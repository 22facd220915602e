package org.gosplan.planner.extended;

import java.util.Arrays;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.Parts;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.Planner;

/**
 * The first leximin round of a plan of one year without foreign trade, solved as a one-year plan
 * by the one-year planner's own methods (planning.md: policy iteration where one resource is
 * scarce, else PDLP with the certificate repaired and the exact finish), which reach sizes GLOP
 * on the whole LP does not.
 *
 * <p>Why it is the same LP: the first round maximises {@code t} with {@code λ[g] >= t}, and
 * {@code λ[g]} appears elsewhere only as {@code λ[g] d[g,p]} (d >= 0) on the demand side of its
 * republic's product rows, so lowering every λ to {@code t} keeps a plan feasible: the round's
 * optimum is the one-year fulfil problem with one λ for every republic. Its products are the
 * products of each republic ({@code p@g}); its resources the limited resources and, with one
 * year, the capital stocks (fixed at the initial stock, so a capital need is a resource use);
 * its techniques the techniques and the transport links (one output: {@code 1 - loss} units of
 * the product at the receiver from one unit at the sender).
 *
 * <p>The answer comes back as values of the LP's own variables and row duals (product rows minus
 * the valuations, resource and capital rows their prices, the row {@code λ[g] >= t} minus the
 * value of republic g's targets, all divided by the value of every target so that the duals of
 * the λ rows add up to the objective's coefficient), and {@link Lp#certify} recomputes the
 * certificate from the LP's numbers, as for any other solver: the one-year planner's word is not
 * taken for it.
 */
final class OneYear {
    private OneYear() {}

    /** Whether the first round of {@code m} is a one-year plan: one year, no trade, something targeted. */
    static boolean applies(SpaceModel m) {
        if (m.years != 1) {
            return false;
        }
        for (int k = 0; k < m.imports[0].length; k++) {
            if (m.imports[0][k] >= 0 || m.exports[0][k] >= 0) {
                return false;
            }
        }
        for (int g = 0; g < m.regions; g++) {
            if (m.lambda[0][g] >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The LP's size in techniques and links: what decides whether the one-year methods pay. */
    static int columns(SpaceModel m) {
        int n = 0;
        for (int z : m.level[0]) {
            n += z >= 0 ? 1 : 0;
        }
        for (int s : m.sent[0]) {
            n += s >= 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Solves the first round of {@code m} (which {@link #applies}), certified from the LP's own
     * numbers; null when the one-year planner gives no optimal plan (the caller then solves the
     * LP itself, which also tells infeasible from unbounded in its own terms).
     */
    static Lp.Solution solve(SpaceModel m, double tolerance, double timeLimitSeconds) {
        long t0 = System.nanoTime();
        Built b = build(m);
        if (b == null) {
            return null;
        }
        Plan plan = Planner.plan(b.economy, new PlanOptions(PlanObjective.FULFIL, null, PlanMethod.AUTO,
                Math.min(tolerance, PlanOptions.DEFAULT_TOLERANCE), timeLimitSeconds, 0, false));
        if (plan.status() != PlanStatus.OPTIMAL || !plan.hasSolution()) {
            return null;
        }
        double[] v = plan.valuations();
        double[] w = plan.resourcePrices();
        double[] z = plan.levels();
        double lambda = plan.value();
        double total = 0;
        for (int q = 0; q < b.demand.length; q++) {
            total += b.demand[q] * v[q];
        }
        if (!(total > 0)) {
            return null;
        }
        Lp lp = m.lp;
        double[] x = new double[lp.vars()];
        double[] y = new double[lp.rows()];
        x[m.least] = lambda;
        for (int g = 0; g < m.regions; g++) {
            if (m.lambda[0][g] >= 0) {
                x[m.lambda[0][g]] = lambda;
            }
        }
        for (int t = 0; t < b.techniqueOf.length; t++) {
            x[b.techniqueOf[t]] = z[t];
        }
        for (int[] byRegion : m.stock[0]) {
            for (int s : byRegion) {
                if (s >= 0) {
                    x[s] = lp.upper(s); // fixed at the initial stock
                }
            }
        }
        double[] worth = new double[m.regions]; // Σ_p d[g,p] v[p@g]
        for (int q = 0; q < b.rowOf.length; q++) {
            y[b.rowOf[q]] = -v[q] / total;
            worth[b.regionOf[q]] += b.demand[q] * v[q];
        }
        for (int r = 0; r < b.resourceRowOf.length; r++) {
            y[b.resourceRowOf[r]] = w[r] / total;
        }
        for (int g = 0; g < m.regions; g++) {
            if (m.lambdaRow[0][g] >= 0) {
                y[m.lambdaRow[0][g]] = -worth[g] / total;
            }
        }
        return lp.certify(x, y, "one-year " + plan.solver().method(), (System.nanoTime() - t0) / 1e9, tolerance);
    }

    /** The one-year economy of a model's first round, and where each of its items sits in the LP. */
    private record Built(Economy economy, int[] rowOf, int[] regionOf, double[] demand, int[] resourceRowOf,
                         int[] techniqueOf) {}

    private static Built build(SpaceModel m) {
        Economy e = m.e;
        Lp lp = m.lp;
        Parts parts = m.parts;
        int np = e.products();
        EconomyBuilder b = new EconomyBuilder("first round of " + e.name(), lp.vars());
        // products: one per product row, in the LP's row order
        int[][] product = new int[m.regions][np];
        int count = 0;
        for (int g = 0; g < m.regions; g++) {
            for (int p = 0; p < np; p++) {
                product[g][p] = m.productRow[0][g][p] >= 0 ? count++ : -1;
            }
        }
        int[] rowOf = new int[count];
        int[] regionOf = new int[count];
        double[] demand = new double[count];
        double[][][] d = m.demand();
        for (int g = 0; g < m.regions; g++) {
            for (int p = 0; p < np; p++) {
                int q = product[g][p];
                if (q >= 0) {
                    b.addProduct("p" + q, null, null);
                    rowOf[q] = m.productRow[0][g][p];
                    regionOf[q] = g;
                    demand[q] = m.lambda[0][g] >= 0 ? d[0][g][p] : 0;
                }
            }
        }
        // resources: the limited ones, then the capital stocks; only those a technique or link here uses, so that
        // a republic alone, whose LP keeps the others' resources as empty rows, has only its own (policy iteration
        // applies where one of them is scarce, not where nine more are listed at zero)
        boolean[] used = new boolean[e.resources()];
        SparseMatrix rin = e.resourceInputs();
        for (int t = 0; t < e.techniques(); t++) {
            for (int k = rin.columnStarts()[t]; k < rin.columnStarts()[t + 1] && m.level[0][t] >= 0; k++) {
                used[rin.rowIndexes()[k]] = true;
            }
        }
        for (int l = 0; l < m.sent[0].length; l++) {
            for (Parts.Input i : parts.transport().get(l).inputs()) {
                if (i.resource() && m.sent[0][l] >= 0) {
                    used[i.item()] = true;
                }
            }
        }
        int[] resource = new int[e.resources()];
        int nRes = 0;
        int[] resourceRowOf = new int[e.resources() + m.capitalRow[0].length * m.regions];
        for (int r = 0; r < e.resources(); r++) {
            int row = m.resourceRow[0][r];
            resource[r] = -1;
            if (row >= 0 && used[r]) {
                resource[r] = b.addResource("r" + nRes, null, lp.rowUpper(row));
                resourceRowOf[nRes++] = row;
            }
        }
        int[] capitalOf = new int[np];
        Arrays.fill(capitalOf, -1);
        for (int c = 0; c < parts.capital().size(); c++) {
            capitalOf[parts.capital().get(c).product()] = c;
        }
        SparseMatrix need = parts.capitalInputs();
        boolean[][] needed = new boolean[m.capitalRow[0].length][m.regions];
        for (int t = 0; t < e.techniques() && need != null; t++) {
            for (int k = need.columnStarts()[t]; k < need.columnStarts()[t + 1] && m.level[0][t] >= 0; k++) {
                needed[capitalOf[need.rowIndexes()[k]]][Math.max(0, parts.techniqueRegion(t))] = true;
            }
        }
        int[][] capital = new int[m.capitalRow[0].length][m.regions];
        for (int c = 0; c < capital.length; c++) {
            for (int g = 0; g < m.regions; g++) {
                int row = m.capitalRow[0][c][g];
                capital[c][g] = -1;
                if (row >= 0 && needed[c][g]) {
                    capital[c][g] = b.addResource("r" + nRes, null, lp.upper(m.stock[0][c][g]));
                    resourceRowOf[nRes++] = row;
                }
            }
        }
        resourceRowOf = Arrays.copyOf(resourceRowOf, nRes);
        // techniques and links, each column's entries added up by item (as the LP adds them up)
        Column col = new Column(count, nRes);
        int[] techniqueOf = new int[columns(m)];
        int nt = 0;
        SparseMatrix out = e.outputs(), pin = e.productInputs();
        for (int t = 0; t < e.techniques(); t++) {
            int var = m.level[0][t];
            if (var < 0) {
                continue;
            }
            int g = Math.max(0, parts.techniqueRegion(t));
            for (int k = out.columnStarts()[t]; k < out.columnStarts()[t + 1]; k++) {
                col.product(product[g][out.rowIndexes()[k]], out.values()[k]);
            }
            for (int k = pin.columnStarts()[t]; k < pin.columnStarts()[t + 1]; k++) {
                col.product(product[g][pin.rowIndexes()[k]], -pin.values()[k]);
            }
            for (int k = rin.columnStarts()[t]; k < rin.columnStarts()[t + 1]; k++) {
                col.resource(resource[rin.rowIndexes()[k]], rin.values()[k]);
            }
            if (need != null) {
                for (int k = need.columnStarts()[t]; k < need.columnStarts()[t + 1]; k++) {
                    col.resource(capital[capitalOf[need.rowIndexes()[k]]][g], need.values()[k]);
                }
            }
            if (!col.emit(b, b.addTechnique("t" + nt, lp.upper(var)))) {
                return null;
            }
            techniqueOf[nt++] = var;
        }
        for (int l = 0; l < m.sent[0].length; l++) {
            int var = m.sent[0][l];
            if (var < 0) {
                continue;
            }
            Parts.Transport link = parts.transport().get(l);
            col.product(product[link.from()][link.product()], -1);
            col.product(product[link.to()][link.product()], 1 - link.loss());
            for (Parts.Input i : link.inputs()) {
                if (i.resource()) {
                    col.resource(resource[i.item()], i.quantity());
                } else {
                    col.product(product[link.from()][i.item()], -i.quantity());
                }
            }
            if (!col.emit(b, b.addTechnique("t" + nt, lp.upper(var)))) {
                return null;
            }
            techniqueOf[nt++] = var;
        }
        for (int q = 0; q < count; q++) {
            if (demand[q] > 0) {
                b.target(q, demand[q], 1);
            }
        }
        try {
            return new Built(b.build(), rowOf, regionOf, demand, resourceRowOf, techniqueOf);
        } catch (RuntimeException invalid) {
            return null; // an item the one-year form cannot hold: the LP is solved as it is
        }
    }

    /** One technique's entries, added up by product and resource before they go into the economy. */
    private static final class Column {
        final double[] product;
        final double[] resource;
        final int[] touched;
        int n;
        final int[] touchedResources;
        int nr;

        Column(int products, int resources) {
            product = new double[products];
            resource = new double[resources];
            touched = new int[products];
            touchedResources = new int[resources];
        }

        void product(int q, double a) {
            if (q < 0) {
                return;
            }
            if (product[q] == 0) {
                touched[n++] = q;
            }
            product[q] += a;
            if (product[q] == 0) {
                product[q] = Double.MIN_VALUE; // stays listed; emitted as nothing
            }
        }

        void resource(int r, double a) {
            if (r < 0) {
                return; // unlimited: no row in the LP either
            }
            if (resource[r] == 0) {
                touchedResources[nr++] = r;
            }
            resource[r] += a;
        }

        /** Adds the entries to technique {@code t}; false when it makes nothing (the one-year form needs an output). */
        boolean emit(EconomyBuilder b, int t) {
            boolean makes = false;
            for (int i = 0; i < n; i++) {
                int q = touched[i];
                double a = product[q];
                if (a > Double.MIN_VALUE) {
                    b.output(t, q, a);
                    makes = true;
                } else if (a < 0) {
                    b.productInput(t, q, -a);
                }
                product[q] = 0;
            }
            for (int i = 0; i < nr; i++) {
                int r = touchedResources[i];
                if (resource[r] > 0) {
                    b.resourceInput(t, r, resource[r]);
                }
                resource[r] = 0;
            }
            n = 0;
            nr = 0;
            return makes;
        }
    }
}
