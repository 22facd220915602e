package org.gosplan.economy;

/** Checks for data that is readable but suspicious. Never errors: the planner decides what fails. */
final class Validation {
    private Validation() {}

    static void warn(Economy e, Problems problems) {
        int np = e.products();
        int[] madeBy = new int[np];
        SparseMatrix out = e.outputs();
        int[] or = out.rowIndexes();
        for (int k = 0; k < out.nonzeros(); k++) {
            madeBy[or[k]]++;
        }
        boolean[] targeted = new boolean[np];
        for (int i = 0; i < e.targets(); i++) {
            targeted[e.targetProduct(i)] = true;
        }
        for (int p = 0; p < np; p++) {
            if (madeBy[p] == 0 && targeted[p]) {
                problems.warn(Problem.Concern.PLANNING, "product '" + e.productId(p) + "'", "product '"
                        + e.productId(p) + "' is targeted but no technique makes it; the target cannot be met");
            }
        }
    }
}
