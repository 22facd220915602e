package org.gosplan.economy;

import java.util.Arrays;

/**
 * Ids to dense indexes 0..n-1, in insertion order: an open-addressing hash table over the id
 * array, about 8 bytes per id beside the strings themselves (a {@code HashMap<String,Integer>}
 * costs some 50). Ids are the edge of the model; everything inside uses the indexes.
 */
public final class IdIndex {
    private String[] ids;
    private int[] slots; // index + 1, 0 = empty
    private int size;

    public IdIndex() {
        this(16);
    }

    public IdIndex(int expected) {
        ids = new String[Math.max(4, expected)];
        slots = new int[tableSize(expected)];
    }

    private static int tableSize(int n) {
        int cap = Integer.highestOneBit(Math.max(8, n * 2 - 1)) << 1;
        return cap;
    }

    /** The index of {@code id}, or -1. */
    public int indexOf(String id) {
        int mask = slots.length - 1;
        int h = mix(id.hashCode()) & mask;
        while (true) {
            int s = slots[h];
            if (s == 0) {
                return -1;
            }
            if (ids[s - 1].equals(id)) {
                return s - 1;
            }
            h = (h + 1) & mask;
        }
    }

    /** Adds {@code id} and returns its new index, or returns {@code -(existing index) - 1} if present. */
    public int add(String id) {
        if ((size + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        int mask = slots.length - 1;
        int h = mix(id.hashCode()) & mask;
        while (true) {
            int s = slots[h];
            if (s == 0) {
                break;
            }
            if (ids[s - 1].equals(id)) {
                return -s;
            }
            h = (h + 1) & mask;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, (int) Math.min(Integer.MAX_VALUE - 8, size * 2L));
        }
        ids[size] = id;
        slots[h] = ++size;
        return size - 1;
    }

    private void rehash(int capacity) {
        int[] t = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            int h = mix(ids[i].hashCode()) & mask;
            while (t[h] != 0) {
                h = (h + 1) & mask;
            }
            t[h] = i + 1;
        }
        slots = t;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    public int size() {
        return size;
    }

    public String id(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return ids[index];
    }

    /** The ids in index order (a copy). */
    public String[] ids() {
        return Arrays.copyOf(ids, size);
    }

    /** An index over the given ids, which must be distinct. */
    public static IdIndex of(String... ids) {
        IdIndex x = new IdIndex(ids.length);
        for (String id : ids) {
            if (x.add(id) < 0) {
                throw new IllegalArgumentException("duplicate id '" + id + "'");
            }
        }
        return x;
    }
}
