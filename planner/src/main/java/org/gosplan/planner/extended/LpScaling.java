package org.gosplan.planner.extended;

/**
 * Row and column multipliers that bring an {@link Lp}'s matrix near 1, so that the solver does not
 * care what units the data are in (issue 16 item 1: the five-year plan with every quantity times 1e9
 * ended {@code limit}). A few passes of geometric-mean scaling, rows then columns: a row's multiplier
 * is {@code 1 / sqrt(min |a| max |a|)} over its entries, likewise a column's. Every multiplier is a
 * power of two, so scaling and unscaling are exact in binary floating point: the scaled LP is the
 * same LP, and the answer comes back with no rounding added.
 *
 * <p>With row multipliers {@code r} and column multipliers {@code s}: {@code A' = r A s},
 * {@code lo' = r lo}, {@code l' = l / s}, {@code c' = s c}; the answer {@code x = s x'} and the row
 * duals {@code y = r y'} (the objective is not scaled, so a dual, the objective's derivative by a
 * row bound, takes the row's multiplier); the reduced costs follow, {@code d = d' / s}.
 */
final class LpScaling {
    private static final int PASSES = 4;

    final double[] row;
    final double[] column;

    private LpScaling(double[] row, double[] column) {
        this.row = row;
        this.column = column;
    }

    static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("gosplan.extended.scaling", "true"));
    }

    /** Multipliers for the matrix of {@code rows} by {@code vars} given by its (merged) entries. */
    static LpScaling of(int rows, int vars, int[] entryRow, int[] entryVar, double[] entryValue, int entries) {
        double[] r = new double[rows];
        double[] s = new double[vars];
        java.util.Arrays.fill(r, 1);
        java.util.Arrays.fill(s, 1);
        if (!enabled()) {
            return new LpScaling(r, s);
        }
        double[] min = new double[Math.max(rows, vars)];
        double[] max = new double[min.length];
        for (int pass = 0; pass < PASSES; pass++) {
            boolean changed = false;
            for (int side = 0; side < 2; side++) {
                boolean rowSide = side == 0;
                int n = rowSide ? rows : vars;
                java.util.Arrays.fill(min, 0, n, Double.POSITIVE_INFINITY);
                java.util.Arrays.fill(max, 0, n, 0);
                for (int k = 0; k < entries; k++) {
                    double a = Math.abs(entryValue[k] * r[entryRow[k]] * s[entryVar[k]]);
                    if (a == 0 || !Double.isFinite(a)) {
                        continue;
                    }
                    int i = rowSide ? entryRow[k] : entryVar[k];
                    min[i] = Math.min(min[i], a);
                    max[i] = Math.max(max[i], a);
                }
                double[] m = rowSide ? r : s;
                for (int i = 0; i < n; i++) {
                    if (max[i] == 0) {
                        continue;
                    }
                    // the power of two nearest 1 / sqrt(min max): exponents of the two added, halved, rounded
                    long e = Math.round((Math.log(min[i]) + Math.log(max[i])) / (2 * Math.log(2)));
                    if (e != 0) {
                        m[i] = Math.scalb(m[i], (int) -e);
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return new LpScaling(r, s);
    }
}
