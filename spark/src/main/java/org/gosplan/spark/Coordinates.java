package org.gosplan.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Coordinates of a sparse table (two indexes and a number each) in primitive arrays that grow by
 * doubling: no object per coefficient while a partition of flows is parsed or cut into pieces.
 */
final class Coordinates implements Serializable {
    private static final long serialVersionUID = 1L;

    int[] first;
    int[] second;
    double[] value;
    int size;

    Coordinates(int capacity) {
        first = new int[capacity];
        second = new int[capacity];
        value = new double[capacity];
    }

    void add(int a, int b, double v) {
        if (size == first.length) {
            int grown = Math.max(1, 2 * size);
            first = Arrays.copyOf(first, grown);
            second = Arrays.copyOf(second, grown);
            value = Arrays.copyOf(value, grown);
        }
        first[size] = a;
        second[size] = b;
        value[size++] = v;
    }

    /** The same coordinates in arrays of their exact length. */
    Coordinates trimmed() {
        Coordinates c = new Coordinates(0);
        c.first = Arrays.copyOf(first, size);
        c.second = Arrays.copyOf(second, size);
        c.value = Arrays.copyOf(value, size);
        c.size = size;
        return c;
    }
}
