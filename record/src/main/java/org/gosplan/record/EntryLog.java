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
