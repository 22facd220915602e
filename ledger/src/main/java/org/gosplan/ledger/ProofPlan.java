package org.gosplan.ledger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaf ranges whose Merkle tree hashes make up a proof, in the order RFC 9162 lists them
 * (section 2.1.3.1 PATH for inclusion, 2.1.4.1 SUBPROOF for consistency): the proof's i-th hash is
 * MTH(D[begin[i]:end[i]]).
 *
 * <p>Every range in such a proof starts at a multiple of a power of two at least its length, so
 * it splits into at most 64 perfect subtrees, biggest first; only the one range on the right
 * border of the tree is not itself perfect. Turning a plan into hashes therefore reads
 * O(log n) stored nodes, never the leaves.
 */
final class ProofPlan {
    final long[] begin;
    final long[] end;

    private ProofPlan(List<long[]> ranges) {
        begin = new long[ranges.size()];
        end = new long[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            begin[i] = ranges.get(i)[0];
            end[i] = ranges.get(i)[1];
        }
    }

    int length() {
        return begin.length;
    }

    /** PATH(index, D[0:size]) of RFC 9162 section 2.1.3.1. */
    static ProofPlan inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new LedgerException("index " + index + " is outside the tree of size " + size
                    + " (indices run from 0 to size - 1)");
        }
        List<long[]> out = new ArrayList<>();
        path(index, 0, size, out);
        return new ProofPlan(out);
    }

    private static void path(long m, long lo, long hi, List<long[]> out) {
        if (hi - lo <= 1) {
            return;
        }
        long k = Merkle.splitPoint(hi - lo);
        if (m < lo + k) {
            path(m, lo, lo + k, out);
            out.add(new long[] {lo + k, hi});
        } else {
            path(m, lo + k, hi, out);
            out.add(new long[] {lo, lo + k});
        }
    }

    /**
     * PROOF(from, D[0:to]) of RFC 9162 section 2.1.4.1. From 0 or between equal sizes the proof
     * is empty (there is nothing to prove; verifiers reject size 0 anyway).
     */
    static ProofPlan consistency(long from, long to) {
        if (from < 0 || to < from) {
            throw new LedgerException("a consistency proof needs 0 <= from <= to, not from " + from + " to " + to);
        }
        List<long[]> out = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, out);
        }
        return new ProofPlan(out);
    }

    private static void subproof(long m, long lo, long hi, boolean whole, List<long[]> out) {
        if (m == hi) {
            // The old tree's subtree is a node of the new tree: the verifier knows it already
            // when it is the whole old tree, else it needs its hash.
            if (!whole) {
                out.add(new long[] {lo, hi});
            }
            return;
        }
        long k = Merkle.splitPoint(hi - lo);
        if (m <= lo + k) {
            subproof(m, lo, lo + k, whole, out);
            out.add(new long[] {lo + k, hi});
        } else {
            subproof(m, lo + k, hi, false, out);
            out.add(new long[] {lo, lo + k});
        }
    }

    /** One range, the whole tree: its hash is the root. */
    static ProofPlan root(long size) {
        return range(0, size);
    }

    /** One range {@code [begin, end)}; begin must be a multiple of a power of two at least its length. */
    static ProofPlan range(long begin, long end) {
        List<long[]> out = new ArrayList<>();
        out.add(new long[] {begin, end});
        return new ProofPlan(out);
    }

    /** The hashes of the plan's ranges, all nodes fetched in one call. */
    List<byte[]> hashes(NodeReader reader) throws IOException {
        return hashesOf(reader, this).get(0);
    }

    /** The hashes of several plans' ranges, all their nodes fetched in one call (one round trip). */
    static List<List<byte[]>> hashesOf(NodeReader reader, ProofPlan... plans) throws IOException {
        int count = 0;
        for (ProofPlan p : plans) {
            for (int i = 0; i < p.begin.length; i++) {
                count += nodeCount(p.begin[i], p.end[i]);
            }
        }
        int[] levels = new int[count];
        long[] indices = new long[count];
        int at = 0;
        for (ProofPlan p : plans) {
            for (int i = 0; i < p.begin.length; i++) {
                at = decompose(p.begin[i], p.end[i], levels, indices, at);
            }
        }
        byte[][] nodes = count == 0 ? new byte[0][] : reader.nodes(levels, indices);
        List<List<byte[]>> all = new ArrayList<>();
        at = 0;
        for (ProofPlan p : plans) {
            List<byte[]> out = new ArrayList<>(p.begin.length);
            for (int i = 0; i < p.begin.length; i++) {
                int c = nodeCount(p.begin[i], p.end[i]);
                if (c == 0) {
                    out.add(Merkle.emptyRoot());
                    continue;
                }
                // MTH of a range that is not perfect: the right part is hashed first, so fold from
                // the smallest (rightmost) subtree leftwards.
                byte[] h = nodes[at + c - 1];
                for (int j = c - 2; j >= 0; j--) {
                    h = Merkle.nodeHash(nodes[at + j], h);
                }
                out.add(h);
                at += c;
            }
            all.add(out);
        }
        return all;
    }

    private static int nodeCount(long begin, long end) {
        int c = 0;
        long a = begin;
        while (a < end) {
            a += 1L << nodeLevel(a, end);
            c++;
        }
        return c;
    }

    private static int decompose(long begin, long end, int[] levels, long[] indices, int at) {
        long a = begin;
        while (a < end) {
            int level = nodeLevel(a, end);
            levels[at] = level;
            indices[at] = a >>> level;
            at++;
            a += 1L << level;
        }
        return at;
    }

    // The biggest aligned perfect subtree starting at a and ending at or before end.
    private static int nodeLevel(long a, long end) {
        int bySize = 63 - Long.numberOfLeadingZeros(end - a);
        int byAlignment = a == 0 ? 63 : Long.numberOfTrailingZeros(a);
        return Math.min(bySize, byAlignment);
    }
}
