package org.gosplan.ledger;

import java.io.IOException;

/**
 * Which hashes a store keeps, and how any node is found from them: the layout of C2SP
 * tlog-tiles with tiles of height 8. The store keeps the hashes of tree levels 0, 8, 16, ...
 * ("tile levels" 0, 1, 2, ...), in index order, one flat array per kept level: leaf hashes, then
 * the roots of each full 256-leaf subtree, and so on. A node at tree level {@code 8L + r} is the
 * root of {@code 2^r} consecutive hashes at tile level L, rehashed r times (at most 255 hashes of
 * 64 bytes, some microseconds). So a stored tree costs 32 bytes per leaf plus 1/256 of that per
 * level above, every proof reads O(log n) short runs, and a C2SP tile is a byte range of a
 * level's array that an HTTP server can hand out as it is.
 */
final class Tiles {
    private Tiles() {}

    static final int HEIGHT = 8;
    /** Tree levels 0, 8, ..., 56: enough for 2^63 leaves. */
    static final int LEVELS = 8;

    /** Reads runs of kept hashes. */
    interface HashReader {
        /**
         * For each run i, {@code counts[i]} hashes of tile level {@code tileLevels[i]} from index
         * {@code from[i]}, concatenated (32 bytes each).
         */
        byte[][] runs(int[] tileLevels, long[] from, int[] counts) throws IOException;
    }

    /** A node reader over the kept levels. */
    static NodeReader reader(HashReader hashes) {
        return (levels, indices) -> {
            int n = levels.length;
            int[] tileLevels = new int[n];
            long[] from = new long[n];
            int[] counts = new int[n];
            for (int i = 0; i < n; i++) {
                int r = levels[i] % HEIGHT;
                tileLevels[i] = levels[i] / HEIGHT;
                from[i] = indices[i] << r;
                counts[i] = 1 << r;
            }
            byte[][] runs = hashes.runs(tileLevels, from, counts);
            byte[][] out = new byte[n][];
            for (int i = 0; i < n; i++) {
                out[i] = reduce(runs[i], counts[i]);
            }
            return out;
        };
    }

    /** The root of {@code count} (a power of two) consecutive hashes, rehashed in place pairwise. */
    static byte[] reduce(byte[] run, int count) {
        int width = count;
        while (width > 1) {
            for (int i = 0; i < width / 2; i++) {
                Merkle.nodeHashInPlace(run, 64 * i, 64 * i + 32, 32 * i);
            }
            width /= 2;
        }
        byte[] out = new byte[Merkle.HASH_SIZE];
        System.arraycopy(run, 0, out, 0, Merkle.HASH_SIZE);
        return out;
    }

    /** How many hashes of tile level {@code tileLevel} a tree of {@code size} keeps. */
    static long count(long size, int tileLevel) {
        return tileLevel * HEIGHT >= 63 ? 0 : size >>> (tileLevel * HEIGHT);
    }
}
