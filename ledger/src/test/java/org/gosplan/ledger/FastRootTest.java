package org.gosplan.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The root computed the fast way (each leaf hashed in one digest call where its record lies, the
 * nodes folded in place level by level) against the definition of RFC 9162 section 2.1.1 written
 * out here with its own digest, and against the ledger's {@link MerkleTree}.
 */
class FastRootTest {
    /** MTH(D[from:to]) exactly as RFC 9162 defines it: split at the largest power of two below n. */
    static byte[] definition(List<byte[]> d, int from, int to) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            int n = to - from;
            if (n == 0) {
                return sha.digest();
            }
            if (n == 1) {
                sha.update(new byte[] {0});
                return sha.digest(d.get(from));
            }
            int k = Integer.highestOneBit(n - 1);
            byte[] left = definition(d, from, from + k);
            byte[] right = definition(d, from + k, to);
            sha.update(new byte[] {1});
            sha.update(left);
            return sha.digest(right);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<byte[]> entries(Random r, int count, int maxLength) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] e = new byte[r.nextInt(maxLength + 1)];
            r.nextBytes(e);
            out.add(e);
        }
        return out;
    }

    /** The entries laid out one after another, each after a byte of junk (as records lie after their checksum). */
    static byte[] fastRoot(List<byte[]> d, Random r) {
        int total = 0;
        for (byte[] e : d) {
            total += 1 + e.length;
        }
        byte[] all = new byte[total];
        r.nextBytes(all);
        byte[] hashes = new byte[Merkle.HASH_SIZE * d.size()];
        int at = 0;
        for (int i = 0; i < d.size(); i++) {
            byte[] e = d.get(i);
            System.arraycopy(e, 0, all, at + 1, e.length);
            Merkle.leafHashAfterFreeByte(all, at + 1, e.length, hashes, Merkle.HASH_SIZE * i);
            at += 1 + e.length;
        }
        return Merkle.rootOfLeafHashes(hashes, d.size());
    }

    @Property(tries = 200)
    void theFastRootIsTheDefinition(@ForAll @IntRange(min = 0, max = 3000) int size,
            @ForAll @IntRange(min = 0, max = 700) int maxLength, @ForAll long seed) {
        Random r = new Random(seed);
        List<byte[]> d = entries(r, size, maxLength);
        byte[] want = definition(d, 0, size);
        assertArrayEquals(want, fastRoot(d, r), "size " + size);
        if (size > 0) {
            assertArrayEquals(want, MerkleTree.ofLeaves(d).root(size));
        }
    }

    /** Every size from 0 to 3,000 (every shape of the right border), against the ledger's in-memory tree. */
    @Test
    void everySizeUpTo3000() {
        Random r = new Random(11);
        List<byte[]> d = entries(r, 3000, 400);
        MerkleTree t = MerkleTree.ofLeaves(d);
        byte[] leaves = new byte[Merkle.HASH_SIZE * d.size()];
        for (int i = 0; i < d.size(); i++) {
            System.arraycopy(Merkle.leafHash(d.get(i)), 0, leaves, Merkle.HASH_SIZE * i, Merkle.HASH_SIZE);
        }
        assertArrayEquals(Merkle.emptyRoot(), Merkle.rootOfLeafHashes(new byte[0], 0));
        for (int n = 1; n <= d.size(); n++) {
            byte[] want = t.root(n);
            assertArrayEquals(want, Merkle.rootOfLeafHashes(Arrays.copyOf(leaves, Merkle.HASH_SIZE * n), n), "size " + n);
        }
        assertArrayEquals(definition(d, 0, d.size()), t.root(d.size()));
    }

    /** A data directory's rangeRoot, read from its files, for any range, against the definition. */
    @Property(tries = 25)
    void aFileLogsRangeRootIsTheDefinition(@ForAll @IntRange(min = 0, max = 3000) int size,
            @ForAll @IntRange(min = 0, max = 600) int maxLength, @ForAll long seed) throws IOException {
        Random r = new Random(seed);
        List<byte[]> d = entries(r, size, maxLength);
        Path dir = Files.createTempDirectory("fastroot");
        try (Log log = Log.init(dir.resolve("log"), LogContract.ORIGIN, null)) {
            if (size > 0) {
                log.append(d);
            }
            assertEquals(size, log.size());
            assertArrayEquals(definition(d, 0, size), log.rangeRoot(0, size));
            for (int k = 0; k < 5; k++) {
                int from = r.nextInt(size + 1);
                int to = from + r.nextInt(size - from + 1);
                assertArrayEquals(definition(d, from, to), log.rangeRoot(from, to - from), from + ".." + to);
            }
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
