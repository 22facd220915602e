package org.gosplan.economy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Ids to dense indexes 0..n-1, in insertion order. The ids are kept as UTF-8 bytes in one
 * arena with an open-addressing hash table beside it: about 12 bytes per id plus the id's own
 * bytes (a {@code HashMap<String,Integer>} costs some 80), and a lookup straight from a reader's
 * byte buffer touches three arrays and makes no String. Ids are the edge of the model; everything
 * inside uses the indexes.
 */
public final class IdIndex {
    private byte[] arena;
    private int arenaLength;
    private int[] start; // id i is arena[start[i] .. start[i+1])
    private int[] hash;  // hash of id i, compared before the bytes
    private int[] slots; // index + 1, 0 = empty
    private int size;

    public IdIndex() {
        this(16);
    }

    public IdIndex(int expected) {
        int n = Math.max(4, expected);
        arena = new byte[n * 8];
        start = new int[n + 1];
        hash = new int[n];
        slots = new int[tableSize(n)];
    }

    private static int tableSize(int n) {
        return Integer.highestOneBit(Math.max(8, n * 2 - 1)) << 1;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        // murmur3's finaliser: ids that differ in their last characters spread over the table
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** The index of {@code id}, or -1. */
    public int indexOf(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        return indexOf(b, 0, b.length);
    }

    /** The index of the id whose UTF-8 bytes are {@code b[from..to)}, or -1. */
    public int indexOf(byte[] b, int from, int to) {
        int h = hash(b, from, to);
        int mask = slots.length - 1;
        int s = h & mask;
        while (true) {
            int e = slots[s];
            if (e == 0) {
                return -1;
            }
            int i = e - 1;
            if (hash[i] == h && Arrays.equals(arena, start[i], start[i + 1], b, from, to)) {
                return i;
            }
            s = (s + 1) & mask;
        }
    }

    /** Adds {@code id} and returns its new index, or returns {@code -(existing index) - 1} if present. */
    public int add(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        return add(b, 0, b.length);
    }

    /** Adds the id whose UTF-8 bytes are {@code b[from..to)}; as {@link #add(String)}. */
    public int add(byte[] b, int from, int to) {
        if ((size + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        int h = hash(b, from, to);
        int mask = slots.length - 1;
        int s = h & mask;
        while (true) {
            int e = slots[s];
            if (e == 0) {
                break;
            }
            int i = e - 1;
            if (hash[i] == h && Arrays.equals(arena, start[i], start[i + 1], b, from, to)) {
                return -e;
            }
            s = (s + 1) & mask;
        }
        int len = to - from;
        if (size == hash.length) {
            int n = (int) Math.min(Integer.MAX_VALUE - 8, size * 2L);
            hash = Arrays.copyOf(hash, n);
            start = Arrays.copyOf(start, n + 1);
        }
        if (arenaLength + len > arena.length) {
            long n = Math.max(arena.length * 2L, (long) arenaLength + len);
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2 GB of ids");
            }
            arena = Arrays.copyOf(arena, (int) n);
        }
        System.arraycopy(b, from, arena, arenaLength, len);
        arenaLength += len;
        hash[size] = h;
        start[size + 1] = arenaLength;
        slots[s] = ++size;
        return size - 1;
    }

    private void rehash(int capacity) {
        int[] t = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            int s = hash[i] & mask;
            while (t[s] != 0) {
                s = (s + 1) & mask;
            }
            t[s] = i + 1;
        }
        slots = t;
    }

    public int size() {
        return size;
    }

    /** The id at {@code index} (decoded from the arena on each call: for the edges, not for loops). */
    public String id(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return new String(arena, start[index], start[index + 1] - start[index], StandardCharsets.UTF_8);
    }

    /** The ids in index order. */
    public String[] ids() {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = id(i);
        }
        return out;
    }

    /** Whether both hold the same ids in the same order. */
    public boolean sameIds(IdIndex other) {
        return size == other.size
                && Arrays.equals(start, 0, size + 1, other.start, 0, size + 1)
                && Arrays.equals(arena, 0, arenaLength, other.arena, 0, other.arenaLength);
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
