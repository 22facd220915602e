package org.gosplan.ledger;

/**
 * The right border of a tree being appended to: for each set bit {@code l} of the size, the hash
 * of the perfect subtree of {@code 2^l} leaves that bit stands for. Appending a leaf merges the
 * border's low subtrees exactly as a binary counter carries, so the whole tree is built with
 * n - 1 node hashes, and every perfect node appears once, the moment it is complete: that is
 * when the store keeps the ones it keeps (see {@link Tiles}).
 */
final class CompactRange {
    /** Receives each perfect node as it is completed. */
    interface NodeSink {
        void node(int level, long index, byte[] hash);
    }

    private long size;
    private final byte[][] border = new byte[64][];

    long size() {
        return size;
    }

    /** A range for a tree of {@code size} whose border nodes are given (see {@link #borderNodes}). */
    static CompactRange of(long size, byte[][] borderHashes) {
        CompactRange r = new CompactRange();
        r.size = size;
        int at = 0;
        for (int l = 63; l >= 0; l--) {
            if (((size >>> l) & 1) == 1) {
                r.border[l] = borderHashes[at++];
            }
        }
        return r;
    }

    /** The nodes on the border of a tree of {@code size}, biggest (leftmost) first, as levels and indices. */
    static int borderNodes(long size, int[] levels, long[] indices) {
        int at = 0;
        for (int l = 63; l >= 0; l--) {
            if (((size >>> l) & 1) == 1) {
                levels[at] = l;
                indices[at] = (size >>> l) - 1;
                at++;
            }
        }
        return at;
    }

    CompactRange copy() {
        CompactRange r = new CompactRange();
        r.size = size;
        System.arraycopy(border, 0, r.border, 0, 64);
        return r;
    }

    /** Appends one leaf hash; {@code sink} (may be null) gets the leaf and every node it completes. */
    void append(byte[] leafHash, NodeSink sink) {
        long index = size;
        byte[] h = leafHash;
        int level = 0;
        if (sink != null) {
            sink.node(0, index, h);
        }
        // The trailing one bits of the index are the border subtrees the new leaf completes.
        while (((index >>> level) & 1) == 1) {
            h = Merkle.nodeHash(border[level], h);
            border[level] = null;
            level++;
            if (sink != null) {
                sink.node(level, index >>> level, h);
            }
        }
        border[level] = h;
        size++;
    }

    /** The root hash of the tree so far. */
    byte[] root() {
        byte[] h = null;
        for (int l = 0; l < 64; l++) {
            if (border[l] != null) {
                h = h == null ? border[l] : Merkle.nodeHash(border[l], h);
            }
        }
        return h == null ? Merkle.emptyRoot() : h;
    }
}
