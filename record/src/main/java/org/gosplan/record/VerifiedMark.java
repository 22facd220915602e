package org.gosplan.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.gosplan.ledger.Merkle;

/**
 * How far a record was verified, kept beside an embedded log ({@code DIR/record.verified}) so that
 * opening it need not check every signature again: the tree size, the Merkle root (RFC 9162) of
 * the entries that were verified, and which of them the fold refused. Opening trusts the verdicts
 * below the mark only after recomputing that root from the entries it reads, so an entry changed
 * before the mark gives another root and the whole log is verified again; entries after the mark
 * are verified as always. Losing or damaging the file costs a full verification, nothing more;
 * {@code gosplan verify} ignores it.
 *
 * <pre>
 * gosplan-record-verified 1
 * log ORIGIN+KEYID+KEY
 * size N
 * root HEX
 * refused I,J,...
 * </pre>
 */
record VerifiedMark(String logKey, long size, String root, Set<Long> refused) {
    static final String FILE = "record.verified";
    private static final String FIRST = "gosplan-record-verified 1";

    /** The mark in {@code dir} for the log with key {@code logKey}, or null when there is none that reads. */
    static VerifiedMark read(Path dir, String logKey) {
        try {
            String[] lines = Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8).split("\n", -1);
            if (lines.length < 5 || !lines[0].equals(FIRST) || !lines[1].equals("log " + logKey)
                    || !lines[2].startsWith("size ") || !lines[3].startsWith("root ") || !lines[4].startsWith("refused ")) {
                return null;
            }
            long size = Long.parseLong(lines[2].substring(5));
            String root = lines[3].substring(5);
            HexFormat.of().parseHex(root);
            Set<Long> refused = new TreeSet<>();
            String list = lines[4].substring(8);
            if (!list.isEmpty()) {
                for (String i : list.split(",")) {
                    long index = Long.parseLong(i);
                    if (index < 0 || index >= size) {
                        return null;
                    }
                    refused.add(index);
                }
            }
            return size < 0 || root.length() != 64 ? null : new VerifiedMark(logKey, size, root, refused);
        } catch (IOException | RuntimeException e) {
            return null; // absent, torn or edited: verify everything
        }
    }

    /**
     * Writes the mark atomically (a new file moved over the old), without waiting for the disk: a
     * mark lost in a crash only means verifying again. A directory that cannot be written (a
     * read-only copy of someone's log) keeps no mark.
     */
    void write(Path dir) {
        StringBuilder b = new StringBuilder(FIRST).append('\n');
        b.append("log ").append(logKey).append('\n');
        b.append("size ").append(size).append('\n');
        b.append("root ").append(root).append('\n');
        b.append("refused ");
        String sep = "";
        for (long i : new TreeSet<>(refused)) {
            b.append(sep).append(i);
            sep = ",";
        }
        b.append('\n');
        CacheFile.replace(dir, FILE, tmp -> Files.writeString(tmp, b, StandardCharsets.UTF_8));
    }

    /**
     * The Merkle tree hash of entries appended one by one (RFC 9162): the right border of the tree,
     * one perfect subtree per set bit of the size, merged as a binary counter carries.
     */
    static final class Tree {
        private final byte[][] border = new byte[64][];
        private long size;

        long size() {
            return size;
        }

        /** Appends the leaf hash of the next entry. */
        void add(byte[] leafHash) {
            byte[] h = leafHash;
            int level = 0;
            for (long s = size; (s & 1) == 1; s >>>= 1) {
                h = Merkle.nodeHash(border[level], h);
                border[level] = null;
                level++;
            }
            border[level] = h;
            size++;
        }

        /**
         * Appends the next {@code 2^level} entries at once, given the root of their perfect subtree;
         * the size must be a multiple of {@code 2^level} (so the border below it is empty).
         */
        void addSubtree(byte[] subtreeRoot, int level) {
            if ((size & ((1L << level) - 1)) != 0) {
                throw new IllegalStateException("a subtree of 2^" + level + " entries after " + size + " entries");
            }
            byte[] h = subtreeRoot;
            int l = level;
            for (long s = size >>> level; (s & 1) == 1; s >>>= 1) {
                h = Merkle.nodeHash(border[l], h);
                border[l] = null;
                l++;
            }
            border[l] = h;
            size += 1L << level;
        }

        /** The root of the entries added so far, lowercase hex. */
        String root() {
            return HexFormat.of().formatHex(rootBytes());
        }

        byte[] rootBytes() {
            byte[] h = null;
            for (int level = 0; level < 64; level++) {
                if (((size >>> level) & 1) == 1) {
                    h = h == null ? border[level] : Merkle.nodeHash(border[level], h);
                }
            }
            return h == null ? Merkle.emptyRoot() : h;
        }
    }
}
