package org.gosplan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vectors equal to a relative tolerance: max |a - b| / max |b|. */
final class Compare {
    private Compare() {}

    static double relative(double[] a, double[] b) {
        assertEquals(b.length, a.length, "lengths");
        double d = 0, m = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
            m = Math.max(m, Math.abs(b[i]));
        }
        return m == 0 ? d : d / m;
    }

    static void close(double[] spark, double[] single, double tol, String what) {
        double r = relative(spark, single);
        assertTrue(r <= tol, what + ": Spark and the single machine differ by " + r + " (relative), more than " + tol);
    }
}
