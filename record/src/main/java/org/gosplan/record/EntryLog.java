package org.gosplan.record;

import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.NoteVerifier;

import java.io.IOException;

/**
 * What the record needs of the transparency log it writes its events to: durable appends of
 * byte entries and reads back by index. The ledger's logs (embedded directory or PostgreSQL)
 * are adapted to it.
 */
public interface EntryLog extends AutoCloseable {
    /** The number of entries. */
    long size() throws IOException;

    /** Entry {@code index} as stored. */
    byte[] entry(long index) throws IOException;

    /** Entries {@code [from, from + count)} as stored; a ledger log reads them in one pass. */
    default byte[][] entries(long from, int count) throws IOException {
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            out[i] = entry(from + i);
        }
        return out;
    }

    /** The RFC 9162 leaf hashes of entries {@code [from, from + count)}; a ledger log hashes them where it reads them. */
    default byte[][] leafHashes(long from, int count) throws IOException {
        byte[][] out = entries(from, count);
        for (int i = 0; i < count; i++) {
            out[i] = org.gosplan.ledger.Merkle.leafHash(out[i]);
        }
        return out;
    }

    /**
     * MTH (RFC 9162) of entries {@code [from, from + count)} taken as a tree of their own, from
     * their bytes; a ledger log hashes them where it reads them.
     */
    default byte[] rangeRoot(long from, int count) throws IOException {
        VerifiedMark.Tree t = new VerifiedMark.Tree();
        for (byte[] leaf : leafHashes(from, count)) {
            t.add(leaf);
        }
        return t.rootBytes();
    }

    /** Appends one entry, returning only when it is durable; returns its index. */
    default long append(byte[] entry) throws IOException {
        return append(entry, size -> { });
    }

    /**
     * Appends one entry if {@code condition} holds against the log as it is at the append: it is
     * called with the size the entry would be appended at, with every writer (in any process)
     * held off until the entry is appended or refused, so what it reads of the entries before
     * is what the entry follows. It throws to refuse; nothing is appended then.
     */
    long append(byte[] entry, Condition condition) throws IOException;

    /**
     * Appends entries in order, as {@link #append(byte[], Condition)} appends one, with
     * {@code condition} checked once, before the first; returns the first's index once all are
     * durable. This default appends them one by one, each refused unless it follows the one
     * before; a ledger log appends them as one group, all or none, in one commit.
     */
    default long appendAll(java.util.List<byte[]> entries, Condition condition) throws IOException {
        long first = append(entries.get(0), condition);
        for (int i = 1; i < entries.size(); i++) {
            long want = first + i;
            append(entries.get(i), size -> {
                if (size != want) {
                    throw new IOException("another writer appended between the entries of one group");
                }
            });
        }
        return first;
    }

    /**
     * Appends one entry if {@code condition} holds, checked in order with the appends before it:
     * conditions run one after another, with the size the entry would follow, which counts the
     * entries of earlier appends of this log whose conditions passed, durable or not yet (so a
     * caller advances its own state in the condition and reads from the log only what other
     * writers appended). Returns the entry's index once it is durable. This default appends one
     * at a time under the log's own order ({@link #append(byte[], Condition)}); a ledger log
     * groups such appends and checks the next group while the one before is made durable.
     */
    default long appendInOrder(byte[] entry, Condition condition) throws IOException {
        return append(entry, condition);
    }

    /**
     * Changes whenever the log gave up appends whose {@link #appendInOrder} conditions had passed
     * (a failed commit), before any later condition runs: state a caller advanced in conditions
     * since must then be dropped.
     */
    default long epoch() {
        return 0;
    }

    /** A condition on the log an entry is appended to (see {@link #append(byte[], Condition)}). */
    @FunctionalInterface
    interface Condition {
        void check(long size) throws IOException;
    }

    /** The Merkle tree hash (RFC 9162) of the first {@code size} entries, lowercase hex. */
    String root(long size) throws IOException;

    /** The log's own verifier key: the first operator of the record. */
    NoteVerifier key() throws IOException;

    /** The log's own signing key, used where no other key is given. */
    NoteSigner signingKey() throws IOException;

    @Override
    void close() throws IOException;
}
