package org.gosplan.ledger;

import java.util.Arrays;
import java.util.List;

/**
 * Strict verification of RFC 9162 inclusion (section 2.1.3.2) and consistency (section 2.1.4.2)
 * proofs, with the semantics of transparency-dev/merkle's {@code proof} package:
 *
 * <ul>
 *   <li>the leaf hash must have 32 bytes and the index must be below the tree size;</li>
 *   <li>a proof must have exactly the number of elements the sizes call for, neither fewer nor
 *       more (so garbage prepended or appended to a valid proof fails);</li>
 *   <li>a consistency proof from size 0 fails, even from 0 to 0: the empty tree is consistent
 *       with everything, so such a proof proves nothing and accepting it would hide caller bugs;</li>
 *   <li>equal sizes verify exactly when the proof is empty and the two roots are the same bytes.</li>
 * </ul>
 *
 * <p>The algorithm is transparency-dev's decomposition of the proof into an "inner" part (the
 * path up to where the leaf's path and the tree's right border meet) and a "border" part (the
 * left siblings along the border), which computes the same as the RFC's bit-twiddling loop; the
 * tests check both against each other.
 */
public final class Proofs {
    private Proofs() {}

    /** Verifies that {@code leafHash} is at {@code index} in the tree of {@code size} with {@code root}. */
    public static void verifyInclusion(byte[] leafHash, long index, long size, byte[] root, List<byte[]> proof)
            throws ProofException {
        byte[] calculated = rootFromInclusionProof(leafHash, index, size, proof);
        if (!Arrays.equals(calculated, root)) {
            throw new ProofException("the proof leads to root " + Merkle.hex(calculated) + ", not the given root "
                    + Merkle.hex(root));
        }
    }

    /** The root that an inclusion proof leads to, after checking its shape. */
    public static byte[] rootFromInclusionProof(byte[] leafHash, long index, long size, List<byte[]> proof)
            throws ProofException {
        if (index < 0 || size < 0) {
            throw new ProofException("index and size must not be negative");
        }
        if (index >= size) {
            throw new ProofException("index " + index + " is beyond the tree of size " + size);
        }
        if (leafHash.length != Merkle.HASH_SIZE) {
            throw new ProofException("the leaf hash has " + leafHash.length + " bytes, not " + Merkle.HASH_SIZE);
        }
        int inner = innerProofSize(index, size);
        int border = Long.bitCount(index >>> inner);
        if (proof.size() != inner + border) {
            throw new ProofException("the proof has " + proof.size() + " hashes; leaf " + index + " of a tree of size "
                    + size + " needs exactly " + (inner + border));
        }
        byte[] h = chainInner(leafHash, proof.subList(0, inner), index);
        return chainBorderRight(h, proof.subList(inner, proof.size()));
    }

    /** Verifies that the tree of {@code size2} with {@code root2} extends the tree of {@code size1} with {@code root1}. */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
            throws ProofException {
        if (size1 < 0 || size2 < 0) {
            throw new ProofException("sizes must not be negative");
        }
        if (size2 < size1) {
            throw new ProofException("the new size " + size2 + " is smaller than the old size " + size1);
        }
        if (size1 == 0) {
            throw new ProofException("a consistency proof from the empty tree is meaningless (size 0 is consistent"
                    + " with every tree)");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("equal sizes need an empty proof, not " + proof.size() + " hashes");
            }
            if (!Arrays.equals(root1, root2)) {
                throw new ProofException("equal sizes but different roots");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("the proof is empty");
        }
        // The proof is the tail of the inclusion proof of leaf size1-1 in the tree of size2, less the
        // levels below the largest perfect subtree that ends at size1 (its root is the "seed").
        int inner = innerProofSize(size1 - 1, size2);
        int border = Long.bitCount((size1 - 1) >>> inner);
        int shift = Long.numberOfTrailingZeros(size1);
        inner -= shift;
        byte[] seed;
        int start;
        if (size1 == 1L << shift) {
            // The old tree is itself a perfect subtree: its root is the seed, not sent.
            seed = root1;
            start = 0;
        } else {
            seed = proof.get(0);
            start = 1;
        }
        if (proof.size() != start + inner + border) {
            throw new ProofException("the proof has " + proof.size() + " hashes; sizes " + size1 + " to " + size2
                    + " need exactly " + (start + inner + border));
        }
        List<byte[]> rest = proof.subList(start, proof.size());
        long mask = (size1 - 1) >>> shift;
        byte[] hash1 = chainInnerRight(seed, rest.subList(0, inner), mask);
        hash1 = chainBorderRight(hash1, rest.subList(inner, rest.size()));
        if (!Arrays.equals(hash1, root1)) {
            throw new ProofException("the proof leads to old root " + Merkle.hex(hash1) + ", not the given "
                    + Merkle.hex(root1));
        }
        byte[] hash2 = chainInner(seed, rest.subList(0, inner), mask);
        hash2 = chainBorderRight(hash2, rest.subList(inner, rest.size()));
        if (!Arrays.equals(hash2, root2)) {
            throw new ProofException("the proof leads to new root " + Merkle.hex(hash2) + ", not the given "
                    + Merkle.hex(root2));
        }
    }

    /** How many levels of the proof lie below the point where leaf index's path meets the right border. */
    static int innerProofSize(long index, long size) {
        return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    }

    private static byte[] chainInner(byte[] seed, List<byte[]> proof, long index) {
        for (int i = 0; i < proof.size(); i++) {
            seed = ((index >>> i) & 1) == 0 ? Merkle.nodeHash(seed, proof.get(i)) : Merkle.nodeHash(proof.get(i), seed);
        }
        return seed;
    }

    // Only the left siblings: the old tree has nothing to the right of its last leaf.
    private static byte[] chainInnerRight(byte[] seed, List<byte[]> proof, long index) {
        for (int i = 0; i < proof.size(); i++) {
            if (((index >>> i) & 1) == 1) {
                seed = Merkle.nodeHash(proof.get(i), seed);
            }
        }
        return seed;
    }

    private static byte[] chainBorderRight(byte[] seed, List<byte[]> proof) {
        for (byte[] h : proof) {
            seed = Merkle.nodeHash(h, seed);
        }
        return seed;
    }
}
