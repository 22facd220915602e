package org.gosplan.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Signer names numbered in order of arrival, without an object per name: their UTF-8 bytes in
 * one array, found through an open-addressing table of their hashes. The roster keeps its keys
 * here and the cast votes their voters, so that a million of them are a few arrays, not a million
 * strings and map entries to build and collect on every opening.
 */
final class Signers {
    private byte[] names;
    private int namesEnd;
    private int[] start; // name k: names[start[k] .. start[k + 1])
    private int[] hash;
    private int size;
    private int[] table; // ordinals, -1 where empty; null until a look-up needs it (see #appendUnindexed)

    Signers() {
        this(8, 256);
        table = emptyTable(16);
    }

    /** Room for {@code n} names of {@code bytes} bytes in all, without growing, to be filled by {@link #appendUnindexed}. */
    Signers(int n, long bytes) {
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new RecordException("the signers' names pass 2 GB; a record of this many members is not supported");
        }
        names = new byte[(int) Math.max(16, bytes)];
        start = new int[Math.max(8, n) + 1];
        hash = new int[Math.max(8, n)];
        table = null; // filled by appendUnindexed, then indexed at the first look-up
    }

    /**
     * Appends the name in {@code b[from .. to)} as the next ordinal without looking it up: for
     * names known to be distinct (restoring saved state), which opening a record for a count never
     * looks up. The index is built at the first look-up.
     */
    void appendUnindexed(byte[] b, int from, int to) {
        table = null;
        append(b, from, to, 0);
    }

    private void index() {
        if (table == null) {
            table = emptyTable(Integer.highestOneBit(Math.max(8, size)) * 4);
            for (int k = 0; k < size; k++) {
                hash[k] = hashOf(names, start[k], start[k + 1]);
                place(k);
            }
        }
    }

    private Signers(Signers s) {
        names = Arrays.copyOf(s.names, s.namesEnd);
        namesEnd = s.namesEnd;
        start = Arrays.copyOf(s.start, s.size + 1);
        hash = Arrays.copyOf(s.hash, Math.max(1, s.size));
        size = s.size;
        table = s.table == null ? null : s.table.clone();
    }

    /** A copy that grows on its own. */
    Signers copy() {
        return new Signers(this);
    }

    int size() {
        return size;
    }

    /** The ordinal of {@code signer}, or -1. */
    int find(String signer) {
        byte[] b = signer.getBytes(StandardCharsets.UTF_8);
        return find(b, 0, b.length, hashOf(b, 0, b.length));
    }

    /** The ordinal of {@code signer}, added where new. */
    int add(String signer) {
        byte[] b = signer.getBytes(StandardCharsets.UTF_8);
        return add(b, 0, b.length);
    }

    /** The ordinal of the name in {@code b[from .. to)}, added where new. */
    int add(byte[] b, int from, int to) {
        int h = hashOf(b, from, to);
        int k = find(b, from, to, h);
        return k >= 0 ? k : append(b, from, to, h);
    }

    String name(int k) {
        return new String(names, start[k], start[k + 1] - start[k], StandardCharsets.UTF_8);
    }

    /** Name {@code k}'s bytes: {@link #bytes()} from {@link #from(int)} to {@link #from(int) from(k + 1)}. */
    byte[] bytes() {
        return names;
    }

    int from(int k) {
        return start[k];
    }

    int find(byte[] b, int from, int to, int h) {
        index();
        int mask = table.length - 1;
        for (int slot = mix(h) & mask; table[slot] >= 0; slot = (slot + 1) & mask) {
            int k = table[slot];
            if (hash[k] == h && Arrays.equals(names, start[k], start[k + 1], b, from, to)) {
                return k;
            }
        }
        return -1;
    }

    private int append(byte[] b, int from, int to, int h) {
        int n = to - from;
        if (namesEnd + (long) n > Integer.MAX_VALUE - 16) {
            throw new RecordException("the signers' names pass 2 GB; a record of this many members is not supported");
        }
        if (namesEnd + n > names.length) {
            names = Arrays.copyOf(names, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(namesEnd + n, 2L * names.length)));
        }
        if (size + 2 > start.length) {
            start = Arrays.copyOf(start, start.length * 2);
        }
        if (size + 1 > hash.length) {
            hash = Arrays.copyOf(hash, hash.length * 2);
        }
        System.arraycopy(b, from, names, namesEnd, n);
        int k = size++;
        start[k] = namesEnd;
        namesEnd += n;
        start[k + 1] = namesEnd;
        hash[k] = h;
        if (table == null) {
            return k;
        }
        if (size * 2 > table.length) {
            table = emptyTable(table.length * 2);
            for (int i = 0; i < size; i++) {
                place(i);
            }
        } else {
            place(k);
        }
        return k;
    }

    private void place(int k) {
        int mask = table.length - 1;
        int slot = mix(hash[k]) & mask;
        while (table[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = k;
    }

    static int hashOf(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int[] emptyTable(int n) {
        int[] t = new int[n];
        Arrays.fill(t, -1);
        return t;
    }
}
