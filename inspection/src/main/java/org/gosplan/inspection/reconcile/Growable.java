package org.gosplan.inspection.reconcile;

import java.util.Arrays;

/** Growable primitive columns, so that a million report lines are a few arrays, not a million objects. */
final class Growable {
    private Growable() {}

    static final class Ints {
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    static final class Doubles {
        double[] a = new double[16];
        int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    /**
     * A counting sort of {@code n} items by {@code key[i]} in {@code 0..keys-1}: returns the items'
     * order (stable) in {@code order} and the start of each key's run in the result ({@code keys + 1}).
     */
    static int[] group(int[] key, int n, int keys, int[] order) {
        int[] start = new int[keys + 1];
        for (int i = 0; i < n; i++) {
            start[key[i] + 1]++;
        }
        for (int k = 0; k < keys; k++) {
            start[k + 1] += start[k];
        }
        int[] next = Arrays.copyOf(start, keys);
        for (int i = 0; i < n; i++) {
            order[next[key[i]]++] = i;
        }
        return start;
    }
}
