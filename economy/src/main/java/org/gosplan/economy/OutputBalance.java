package org.gosplan.economy;

import java.util.Arrays;

/**
 * The check that a given total output agrees with what the table says is used: x = Z 1 + Y 1
 * for every sector. Rounding in published tables leaves differences far below a part in a
 * thousand; more than that means the files disagree (a final-demand category left out, a
 * different year, a different price basis), and A = Z diag(x)^-1 is then built on the x given.
 */
final class OutputBalance {
    private OutputBalance() {}

    /** A relative difference beyond this is more than rounding. */
    static final double TOLERANCE = 1e-3;
    private static final int LISTED = 5;

    static void warn(IoTable t, TableFiles files, Problems problems) {
        if (!t.outputGiven()) {
            return;
        }
        int n = t.sectors();
        double[] used = t.finalDemand();
        SparseMatrix z = t.flows();
        int[] rows = z.rowIndexes();
        double[] v = z.values();
        for (int k = 0; k < z.nonzeros(); k++) {
            used[rows[k]] += v[k];
        }
        double[] diff = new double[n];
        Integer[] off = new Integer[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double x = t.output(i);
            double scale = Math.max(Math.abs(x), Math.abs(used[i]));
            diff[i] = scale == 0 ? 0 : Math.abs(x - used[i]) / scale;
            if (diff[i] > TOLERANCE) {
                off[count++] = i;
            }
        }
        if (count == 0) {
            return;
        }
        Integer[] worst = Arrays.copyOf(off, count);
        Arrays.sort(worst, (a, b) -> Double.compare(diff[b], diff[a]));
        for (int k = 0; k < Math.min(count, LISTED); k++) {
            int i = worst[k];
            problems.warn(files.x(), "sector '" + t.sector(i) + "': the total output given is "
                    + readable(t.output(i)) + " but its row of Z plus its row of Y add up to " + readable(used[i])
                    + String.format(java.util.Locale.ROOT, " (%.3g%% apart)", 100 * diff[i])
                    + "; A is built on the output given");
        }
        if (count > LISTED) {
            problems.warn(files.x(), (count - LISTED) + " more sectors have an output that differs from Z + Y by"
                    + " more than " + (100 * TOLERANCE) + "%; if Y holds only part of final demand, this is expected");
        }
    }

    /** Nine significant digits at most: enough to see the difference, not the noise of the sum. */
    static String readable(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Numbers.format(x);
        }
        return String.format(java.util.Locale.ROOT, "%.9g", x).replaceFirst("\\.?0+(e|$)", "$1");
    }
}
