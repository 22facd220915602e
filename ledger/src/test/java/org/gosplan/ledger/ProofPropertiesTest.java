package org.gosplan.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random trees: every generated proof verifies (with our verifier and with a second one written
 * straight from the RFC text), every mutated proof fails, and the roots agree with the RFC's
 * recursive definition.
 */
class ProofPropertiesTest {
    static List<byte[]> leaves(int n, long seed) {
        Random r = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Distinct leaves (the index up front): equal leaves would make some "mutations" true.
            byte[] b = new byte[4 + r.nextInt(40)];
            r.nextBytes(b);
            b[0] = (byte) (i >>> 24);
            b[1] = (byte) (i >>> 16);
            b[2] = (byte) (i >>> 8);
            b[3] = (byte) i;
            out.add(b);
        }
        return out;
    }

    /** MTH straight from RFC 9162 section 2.1.1. */
    static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            return Merkle.emptyRoot();
        }
        if (d.size() == 1) {
            return Merkle.leafHash(d.get(0));
        }
        int k = Integer.highestOneBit(d.size() - 1);
        return Merkle.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    /** RFC 9162 section 2.1.3.2, literally. */
    static boolean rfcVerifyInclusion(byte[] leafHash, long index, long size, byte[] root, List<byte[]> proof) {
        if (index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Merkle.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = Merkle.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 section 2.1.4.2, literally (for 0 < first < second). */
    static boolean rfcVerifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> proof) {
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstHash);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = first - 1;
        long sn = second - 1;
        if ((fn & 1) == 1) {
            while ((fn & 1) == 1) {
                fn >>= 1;
                sn >>= 1;
            }
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Merkle.nodeHash(c, fr);
                sr = Merkle.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = Merkle.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash) && sn == 0;
    }

    static boolean verifiesInclusion(byte[] leaf, long index, long size, byte[] root, List<byte[]> proof) {
        try {
            Proofs.verifyInclusion(leaf, index, size, root, proof);
            return true;
        } catch (ProofException e) {
            return false;
        }
    }

    static boolean verifiesConsistency(long m, long n, byte[] r1, byte[] r2, List<byte[]> proof) {
        try {
            Proofs.verifyConsistency(m, n, r1, r2, proof);
            return true;
        } catch (ProofException e) {
            return false;
        }
    }

    /** The proofs one changed thing away from {@code proof}: each bit of each element flipped, removed, added, swapped. */
    static List<List<byte[]>> mutations(List<byte[]> proof, Random r) {
        List<List<byte[]>> out = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> m = copy(proof);
            byte[] e = m.get(i).clone();
            e[r.nextInt(e.length)] ^= (byte) (1 << r.nextInt(8));
            m.set(i, e);
            out.add(m);
            List<byte[]> removed = copy(proof);
            removed.remove(i);
            out.add(removed);
            if (i + 1 < proof.size() && !Arrays.equals(proof.get(i), proof.get(i + 1))) {
                List<byte[]> swapped = copy(proof);
                swapped.set(i, proof.get(i + 1));
                swapped.set(i + 1, proof.get(i));
                out.add(swapped);
            }
        }
        byte[] junk = new byte[32];
        r.nextBytes(junk);
        for (int at : new int[] {0, proof.size() / 2, proof.size()}) {
            List<byte[]> added = copy(proof);
            added.add(at, junk);
            out.add(added);
        }
        return out;
    }

    private static List<byte[]> copy(List<byte[]> p) {
        return new ArrayList<>(p);
    }

    @Property(tries = 300)
    void rootsFollowTheDefinition(@ForAll @IntRange(min = 0, max = 300) int n, @ForAll long seed) {
        List<byte[]> d = leaves(n, seed);
        MerkleTree t = MerkleTree.ofLeaves(d);
        Random r = new Random(seed);
        for (int k = 0; k < 5; k++) {
            int m = n == 0 ? 0 : r.nextInt(n + 1);
            assertArrayEquals(mth(d.subList(0, m)), t.root(m), "size " + m);
        }
        CompactRange c = new CompactRange();
        for (byte[] e : d) {
            c.append(Merkle.leafHash(e), null);
        }
        assertArrayEquals(t.root(n), c.root());
    }

    @Property(tries = 300)
    void inclusionProofsVerifyAndMutationsFail(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
        List<byte[]> d = leaves(n + 2, seed);
        MerkleTree t = MerkleTree.ofLeaves(d);
        Random r = new Random(seed);
        for (int k = 0; k < 8; k++) {
            long i = r.nextInt(n);
            byte[] leaf = t.leafHash(i);
            byte[] root = t.root(n);
            List<byte[]> proof = t.inclusionProof(i, n);
            assertEquals(true, verifiesInclusion(leaf, i, n, root, proof), "leaf " + i + " of " + n);
            assertEquals(true, rfcVerifyInclusion(leaf, i, n, root, proof));
            for (List<byte[]> m : mutations(proof, r)) {
                assertEquals(false, verifiesInclusion(leaf, i, n, root, m), "mutated proof verified");
                assertEquals(false, rfcVerifyInclusion(leaf, i, n, root, m), "mutated proof verified (RFC)");
            }
            // Another index, size (with its own root), leaf or root.
            for (long j : new long[] {i - 1, i + 1, i ^ 2}) {
                if (j >= 0 && j != i) {
                    assertEquals(false, verifiesInclusion(leaf, j, n, root, proof));
                    if (j < n) {
                        assertEquals(false, verifiesInclusion(t.leafHash(j), j, n, root, proof));
                    }
                }
            }
            for (long s : new long[] {n - 1, n + 1, 2L * n, n / 2}) {
                if (s > i && s != n && s <= n + 2) {
                    assertEquals(false, verifiesInclusion(leaf, i, s, t.root(s), proof), "size " + s);
                    assertEquals(false, rfcVerifyInclusion(leaf, i, s, t.root(s), proof));
                }
            }
            byte[] otherRoot = root.clone();
            otherRoot[r.nextInt(32)] ^= 1;
            assertEquals(false, verifiesInclusion(leaf, i, n, otherRoot, proof));
            byte[] otherLeaf = leaf.clone();
            otherLeaf[r.nextInt(32)] ^= 1;
            assertEquals(false, verifiesInclusion(otherLeaf, i, n, root, proof));
        }
    }

    @Property(tries = 300)
    void consistencyProofsVerifyAndMutationsFail(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
        List<byte[]> d = leaves(n + 2, seed);
        MerkleTree t = MerkleTree.ofLeaves(d);
        Random r = new Random(seed);
        for (int k = 0; k < 8; k++) {
            long m = 1 + r.nextInt(n);
            byte[] r1 = t.root(m);
            byte[] r2 = t.root(n);
            List<byte[]> proof = t.consistencyProof(m, n);
            assertEquals(true, verifiesConsistency(m, n, r1, r2, proof), m + " -> " + n);
            if (m < n) {
                assertEquals(true, rfcVerifyConsistency(m, n, r1, r2, proof), m + " -> " + n + " (RFC)");
            }
            for (List<byte[]> mut : mutations(proof, r)) {
                assertEquals(false, verifiesConsistency(m, n, r1, r2, mut), "mutated proof verified");
                if (m < n) {
                    assertEquals(false, rfcVerifyConsistency(m, n, r1, r2, mut), "mutated proof verified (RFC)");
                }
            }
            if (m < n) {
                assertEquals(false, verifiesConsistency(m, n, r2, r1, proof), "swapped roots");
            }
            for (long s : new long[] {m - 1, m + 1}) {
                if (s >= 1 && s <= n && s != m) {
                    assertEquals(false, verifiesConsistency(s, n, t.root(s), r2, proof), "size1 " + s);
                }
            }
            for (long s : new long[] {n - 1, n + 1}) {
                if (s >= m && s != n) {
                    assertEquals(false, verifiesConsistency(m, s, r1, t.root(s), proof), "size2 " + s);
                }
            }
        }
        // From the empty tree: always refused.
        assertEquals(false, verifiesConsistency(0, n, Merkle.emptyRoot(), t.root(n), List.of()));
        assertThrows(LedgerException.class, () -> t.inclusionProof(n, n));
    }
}
