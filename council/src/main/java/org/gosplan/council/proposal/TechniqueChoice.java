package org.gosplan.council.proposal;

import org.gosplan.economy.Economy;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.record.RecordException;

/** One technique per product, for the square system of a cost. */
final class TechniqueChoice {
    private TechniqueChoice() {}

    /**
     * The technique the plan runs for each product: among the techniques whose main product (the
     * output they make most of) it is, the one at the largest level; on a tie (products the plan
     * does not make, say), the one using least labour per unit directly, then the lower index. A
     * product that is no technique's main product (straw beside grain) has no technique of its own
     * ({@link #JOINT}): it is made only alongside others, and what is not needed of it is left over
     * (forcing its balance with a technique of another product would need negative levels).
     */
    static int[] largestLevel(Economy e, double[] levels, int labour) {
        return choose(e, levels, labour);
    }

    /** The same, choosing by least labour per unit directly, then the lower index. */
    static int[] cheapestDirect(Economy e, int labour) {
        return choose(e, null, labour);
    }

    /** A product made only jointly with others: no technique of its own. */
    static final int JOINT = -1;

    private static int[] choose(Economy e, double[] levels, int labour) {
        int n = e.products();
        int nt = e.techniques();
        SparseMatrix out = e.outputs();
        int[] os = out.columnStarts();
        int[] or = out.rowIndexes();
        double[] ov = out.values();
        SparseMatrix res = e.resourceInputs();
        int[] main = new int[nt];
        double[] labourPerUnit = new double[nt];
        for (int t = 0; t < nt; t++) {
            main[t] = -1;
            double most = 0;
            for (int k = os[t]; k < os[t + 1]; k++) {
                if (ov[k] > most) {
                    most = ov[k];
                    main[t] = or[k];
                }
            }
            labourPerUnit[t] = labour < 0 || main[t] < 0 ? 0 : res.get(labour, t) / most;
        }
        int[] best = new int[n];
        java.util.Arrays.fill(best, JOINT);
        for (int t = 0; t < nt; t++) {
            int p = main[t];
            if (p >= 0 && (best[p] == JOINT || better(t, best[p], levels, labourPerUnit))) {
                best[p] = t;
            }
        }
        boolean[] made = new boolean[n];
        for (int t = 0; t < nt; t++) {
            for (int k = os[t]; k < os[t + 1]; k++) {
                made[or[k]] |= ov[k] > 0;
            }
        }
        for (int p = 0; p < n; p++) {
            if (!made[p]) {
                throw new RecordException("product '" + e.productId(p) + "' is made by no technique, so no proposal's"
                        + " cost can be computed in this economy; add a technique that makes it");
            }
        }
        return best;
    }

    /** Whether technique {@code t} is to be preferred to {@code u}: higher level, then less labour per unit, then lower index. */
    private static boolean better(int t, int u, double[] levels, double[] labourPerUnit) {
        if (levels != null && levels[t] != levels[u]) {
            return levels[t] > levels[u];
        }
        if (labourPerUnit[t] != labourPerUnit[u]) {
            return labourPerUnit[t] < labourPerUnit[u];
        }
        return t < u;
    }

    /**
     * One step of policy iteration: switches each product to a technique that makes it at a lower
     * total labour cost {@code (c_t + Σ_q in_qt v_q - Σ_{q≠p} out_qt v_q) / out_pt} than its current
     * one ({@code v_p}), by more than the relative {@code margin}. Returns whether any switched.
     */
    static boolean improve(Economy e, int[] technique, double[] v, int labour, double margin) {
        SparseMatrix out = e.outputs();
        SparseMatrix in = e.productInputs();
        SparseMatrix res = e.resourceInputs();
        int n = e.products();
        double[] bestCost = new double[n];
        int[] candidate = new int[n];
        boolean[] taken = new boolean[e.techniques()];
        for (int t : technique) {
            if (t != JOINT) {
                taken[t] = true;
            }
        }
        for (int p = 0; p < n; p++) {
            bestCost[p] = v[p] - margin * Math.abs(v[p]);
            candidate[p] = -1;
        }
        for (int t = 0; t < e.techniques(); t++) {
            double spent = res.get(labour, t);
            for (int k = in.columnStarts()[t]; k < in.columnStarts()[t + 1]; k++) {
                spent += in.values()[k] * v[in.rowIndexes()[k]];
            }
            double made = 0;
            for (int k = out.columnStarts()[t]; k < out.columnStarts()[t + 1]; k++) {
                made += out.values()[k] * v[out.rowIndexes()[k]];
            }
            // a technique stands for its main product only (see choose)
            int main = -1;
            double most = 0;
            for (int k = out.columnStarts()[t]; k < out.columnStarts()[t + 1]; k++) {
                if (out.values()[k] > most) {
                    most = out.values()[k];
                    main = k;
                }
            }
            for (int k = main; k >= 0 && k == main; k = -1) {
                int p = out.rowIndexes()[k];
                double o = out.values()[k];
                if (taken[t] || technique[p] == JOINT) {
                    continue;
                }
                double cost = (spent - (made - o * v[p])) / o;
                if (cost < bestCost[p]) {
                    bestCost[p] = cost;
                    candidate[p] = t;
                }
            }
        }
        boolean changed = false;
        for (int p = 0; p < n; p++) {
            int t = candidate[p];
            // two products may want one free technique: the first takes it
            if (t >= 0 && !taken[t]) {
                taken[technique[p]] = false;
                taken[t] = true;
                technique[p] = t;
                changed = true;
            }
        }
        return changed;
    }
}
