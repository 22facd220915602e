package org.gosplan.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * RFC 9162 section 2.1.1 hashing with SHA-256: the leaf hash {@code SHA-256(0x00 || d)}, the
 * interior node hash {@code SHA-256(0x01 || left || right)} and the empty tree's hash
 * {@code SHA-256()}. The two prefixes keep a leaf from ever being taken for a node (second
 * preimage resistance).
 */
public final class Merkle {
    private Merkle() {}

    /** The length of every hash in the tree, in bytes. */
    public static final int HASH_SIZE = 32;

    private static final byte[] EMPTY_ROOT = sha256().digest();

    // MessageDigest is not thread-safe and costs about a microsecond to create: one per thread.
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Merkle::sha256);

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The root hash of the empty tree, {@code SHA-256()} (not a leaf hash). */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** {@code SHA-256(0x00 || data)}. */
    public static byte[] leafHash(byte[] data) {
        return leafHash(data, 0, data.length);
    }

    /** The leaf hash of {@code data[offset, offset + length)}. */
    public static byte[] leafHash(byte[] data, int offset, int length) {
        MessageDigest d = DIGEST.get();
        d.update((byte) 0);
        d.update(data, offset, length);
        return d.digest();
    }

    /**
     * {@code SHA-256(0x01 || left || right)}. The inputs are normally 32-byte hashes, but any
     * bytes are hashed as given (a verifier fed a short proof element must simply fail to match).
     */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = DIGEST.get();
        d.update((byte) 1);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    /** The node hash of two 32-byte hashes stored side by side in {@code buf} at {@code offset}, written back there. */
    static void nodeHashInPlace(byte[] buf, int leftOffset, int rightOffset, int outOffset) {
        MessageDigest d = DIGEST.get();
        d.update((byte) 1);
        d.update(buf, leftOffset, HASH_SIZE);
        d.update(buf, rightOffset, HASH_SIZE);
        try {
            d.digest(buf, outOffset, HASH_SIZE);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The leaf hash of {@code data[offset, offset + length)} written at {@code out[outOffset]}, where
     * {@code data[offset - 1]} is free to be overwritten: it is set to 0x00 and the prefix and the
     * entry are hashed as one update into {@code out}, with no array made. On 300-byte entries
     * about 0.55-0.6 of the cost of {@link #leafHash}'s one-byte update, update and fresh array
     * ({@code Sha256Bench} in module bench): each call into the JDK's digest has a fixed cost.
     */
    static void leafHashAfterFreeByte(byte[] data, int offset, int length, byte[] out, int outOffset) {
        MessageDigest d = DIGEST.get();
        data[offset - 1] = 0;
        d.update(data, offset - 1, length + 1);
        try {
            d.digest(out, outOffset, HASH_SIZE);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * MTH (RFC 9162 section 2.1.1) of the {@code count} leaves whose hashes lie one after another
     * at {@code hashes[0, 32 * count)}; the array is overwritten. Level by level, each pair is
     * hashed into the place of its left node and the last node of an odd level goes up alone: the
     * tree RFC 9162 builds by splitting at the largest power of two below the size, since every
     * left subtree it makes is perfect. Each node is hashed from one reused 65-byte buffer.
     */
    static byte[] rootOfLeafHashes(byte[] hashes, int count) {
        if (count == 0) {
            return emptyRoot();
        }
        MessageDigest d = DIGEST.get();
        byte[] node = new byte[1 + 2 * HASH_SIZE];
        node[0] = 1;
        try {
            for (int n = count; n > 1; n = (n + 1) >>> 1) {
                int pairs = n >>> 1;
                for (int i = 0; i < pairs; i++) {
                    System.arraycopy(hashes, 2 * HASH_SIZE * i, node, 1, 2 * HASH_SIZE);
                    d.update(node, 0, node.length);
                    d.digest(hashes, HASH_SIZE * i, HASH_SIZE);
                }
                if ((n & 1) == 1) {
                    System.arraycopy(hashes, HASH_SIZE * (n - 1), hashes, HASH_SIZE * pairs, HASH_SIZE);
                }
            }
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        return java.util.Arrays.copyOf(hashes, HASH_SIZE);
    }

    /** The largest power of two strictly less than {@code n}, for {@code n >= 2} (RFC 9162's {@code k}). */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** Lowercase hex. */
    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
