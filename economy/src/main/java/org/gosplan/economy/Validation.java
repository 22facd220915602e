package org.gosplan.economy;

/** Checks for data that is readable but suspicious. Never errors: the planner decides what fails. */
final class Validation {
    private Validation() {}

    static void warn(Economy e, Problems problems) {
        int np = e.products();
        int[] madeBy = new int[np];
        SparseMatrix out = e.outputs();
        int[] os = out.columnStarts();
        int[] or = out.rowIndexes();
        double[] ov = out.values();
        for (int k = 0; k < out.nonzeros(); k++) {
            madeBy[or[k]]++;
        }
        boolean[] targeted = new boolean[np];
        for (int i = 0; i < e.targets(); i++) {
            targeted[e.targetProduct(i)] = true;
        }
        for (int p = 0; p < np; p++) {
            if (madeBy[p] == 0 && targeted[p]) {
                problems.warn("product '" + e.productId(p) + "'", "product '" + e.productId(p)
                        + "' is targeted but no technique makes it; the target cannot be met");
            }
        }
        // A single-output technique whose product inputs per unit of output add up to 1 or more
        // cannot contribute net output on its own: the economy may not be productive.
        SparseMatrix in = e.productInputs();
        int[] is = in.columnStarts();
        double[] iv = in.values();
        int reported = 0;
        for (int t = 0; t < e.techniques(); t++) {
            if (os[t + 1] - os[t] != 1 || ov[os[t]] <= 0) {
                continue;
            }
            double sum = 0;
            for (int k = is[t]; k < is[t + 1]; k++) {
                sum += iv[k];
            }
            double perUnit = sum / ov[os[t]];
            if (perUnit >= 1.0 && reported++ < 20) {
                problems.warn("technique '" + e.techniqueId(t) + "'", "technique '" + e.techniqueId(t)
                        + "' uses " + perUnit + " units of products per unit of output (column sum of A >= 1);"
                        + " the economy may not be productive");
            }
        }
        if (reported > 20) {
            problems.warn("", (reported - 20) + " more techniques have column sums of A >= 1");
        }
    }
}
