package org.gosplan.economy;

/**
 * Checks for data that is readable but suspicious ({@link #warn}: never errors, the planner decides
 * what fails), and the range of magnitudes the planner computes in ({@link #requirePlannable}).
 */
public final class Validation {
    private Validation() {}

    /**
     * Largest magnitude of a quantity, availability, capacity, target or weight, and the reciprocal of
     * the smallest nonzero one. Within it a level (a target over a coefficient, at most 1e200) times any
     * coefficient stays below 1e300, so no flow, sum or certificate term overflows a double (1.8e308)
     * nor underflows, whatever the units; PDLP's norms square the numbers, and a square of 1e300 is
     * infinite. No economy in any unit people use comes near it: world output in grams is about 1e18.
     */
    static final double MAX_MAGNITUDE = 1e100;

    /**
     * Throws an {@link EconomyException} naming every quantity, availability, capacity, target and weight
     * of {@code e} beyond the planner's range (up to {@link EconomyException#MAX_ERRORS}), and what to
     * change. The planner calls it before any solver sees the numbers; the formats themselves hold any
     * finite number, so that every economy written can be read back.
     */
    public static void requirePlannable(Economy e) {
        Problems problems = new Problems();
        String[] kinds = {"output of product", "input of product", "input of resource"};
        SparseMatrix[] flows = {e.outputs(), e.productInputs(), e.resourceInputs()};
        for (int k = 0; k < 3 && !problems.full(); k++) {
            int[] s = flows[k].columnStarts();
            int[] row = flows[k].rowIndexes();
            double[] v = flows[k].values();
            for (int t = 0; t < e.techniques() && !problems.full(); t++) {
                for (int q = s[t]; q < s[t + 1]; q++) {
                    String item = k == 2 ? e.resourceId(row[q]) : e.productId(row[q]);
                    String bad = magnitude(v[q], "the quantity of the " + kinds[k] + " '" + item + "' of technique '"
                            + e.techniqueId(t) + "'");
                    if (bad != null) {
                        problems.error("technique '" + e.techniqueId(t) + "'", bad);
                    }
                }
            }
        }
        for (int r = 0; r < e.resources() && !problems.full(); r++) {
            String bad = magnitude(e.available(r), "'available' of resource '" + e.resourceId(r) + "'");
            if (bad != null) {
                problems.error("resource '" + e.resourceId(r) + "'", bad);
            }
        }
        for (int t = 0; t < e.techniques() && !problems.full(); t++) {
            String bad = magnitude(e.capacity(t), "'capacity' of technique '" + e.techniqueId(t) + "'");
            if (bad != null) {
                problems.error("technique '" + e.techniqueId(t) + "'", bad);
            }
        }
        for (int i = 0; i < e.targets() && !problems.full(); i++) {
            String product = e.productId(e.targetProduct(i));
            String bad = magnitude(e.targetQuantity(i), "the target 'quantity' of product '" + product + "'");
            if (bad == null) {
                bad = magnitude(e.targetWeight(i), "the target 'weight' of product '" + product + "'");
            }
            if (bad != null) {
                problems.error("target '" + product + "'", bad);
            }
        }
        problems.throwIfErrors();
    }

    /**
     * Null when {@code x} is 0, infinite or NaN (other checks judge those) or its magnitude is within
     * [1e-100, 1e100]; else what is wrong with it as {@code what} (e.g. "target of product 'bread'").
     */
    static String magnitude(double x, String what) {
        double a = Math.abs(x);
        if (a == 0 || !Double.isFinite(a) || (a <= MAX_MAGNITUDE && a >= 1 / MAX_MAGNITUDE)) {
            return null;
        }
        return what + " is " + x + ", beyond the range the planner computes in (magnitudes from 1e-100 to 1e100);"
                + (a > MAX_MAGNITUDE ? " measure it in a larger unit (millions rather than units, tonnes rather than"
                + " grams)" : " measure it in a smaller unit (units rather than millions, grams rather than tonnes)")
                + ", or check it for a typing error";
    }

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
