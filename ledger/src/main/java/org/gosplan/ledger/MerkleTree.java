package org.gosplan.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A Merkle tree held in memory, for raw leaves (the {@code gosplan log root/inclusion/consistency}
 * commands and tests): every level is kept as one flat array, so any node is one array read.
 * 64 bytes per leaf; up to 2^26 leaves.
 */
public final class MerkleTree {
    private final long size;
    // levels[l] holds the complete nodes of level l, 32 bytes each.
    private final byte[][] levels;

    private MerkleTree(byte[] leafHashes, long size) {
        this.size = size;
        int depth = size <= 1 ? 1 : 65 - Long.numberOfLeadingZeros(size - 1);
        levels = new byte[depth][];
        levels[0] = leafHashes;
        for (int l = 1; l < depth; l++) {
            byte[] below = levels[l - 1];
            int count = below.length / 64;
            byte[] here = new byte[32 * count];
            for (int i = 0; i < count; i++) {
                System.arraycopy(Merkle.nodeHash(slice(below, 2 * i), slice(below, 2 * i + 1)), 0, here, 32 * i, 32);
            }
            levels[l] = here;
        }
    }

    /** The tree of the given leaves (their data, not their hashes). */
    public static MerkleTree ofLeaves(List<byte[]> leaves) {
        if (leaves.size() > (1 << 26)) {
            throw new LedgerException("at most 2^26 leaves fit an in-memory tree, not " + leaves.size());
        }
        byte[] hashes = new byte[32 * leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            System.arraycopy(Merkle.leafHash(leaves.get(i)), 0, hashes, 32 * i, 32);
        }
        return new MerkleTree(hashes, leaves.size());
    }

    public long size() {
        return size;
    }

    /** The leaf hash at {@code index}. */
    public byte[] leafHash(long index) {
        checkSize(index + 1);
        return slice(levels[0], (int) index);
    }

    /** MTH(D[0:n]) of RFC 9162 section 2.1.1. */
    public byte[] root(long n) {
        checkSize(n);
        if (n == 0) {
            return Merkle.emptyRoot();
        }
        return hashes(ProofPlan.root(n)).get(0);
    }

    /** MTH(D[begin:end]) for a range that starts at a multiple of a power of two at least its length. */
    public byte[] rangeHash(long begin, long end) {
        checkSize(end);
        if (begin < 0 || begin > end) {
            throw new LedgerException("bad range [" + begin + ", " + end + ")");
        }
        return begin == end ? Merkle.emptyRoot() : hashes(ProofPlan.range(begin, end)).get(0);
    }

    /** PATH(index, D[0:n]), leaf to root. */
    public List<byte[]> inclusionProof(long index, long n) {
        checkSize(n);
        return hashes(ProofPlan.inclusion(index, n));
    }

    /** PROOF(m, D[0:n]); empty when m is 0 or n. */
    public List<byte[]> consistencyProof(long m, long n) {
        checkSize(n);
        return hashes(ProofPlan.consistency(m, n));
    }

    private List<byte[]> hashes(ProofPlan plan) {
        try {
            return plan.hashes((lv, idx) -> {
                byte[][] out = new byte[lv.length][];
                for (int i = 0; i < lv.length; i++) {
                    out[i] = slice(levels[lv[i]], (int) idx[i]);
                }
                return out;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkSize(long n) {
        if (n < 0 || n > size) {
            throw new LedgerException("size " + n + " is beyond the " + size + " leaves given");
        }
    }

    private static byte[] slice(byte[] level, int index) {
        byte[] h = new byte[32];
        System.arraycopy(level, 32 * index, h, 0, 32);
        return h;
    }
}
