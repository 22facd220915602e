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
     * Appends entries in order (contiguous indexes) if {@code condition} holds, as one durable
     * commit; returns the first one's index. A log that cannot append several at once appends a
     * single entry and refuses more.
     */
    default long appendAll(java.util.List<byte[]> entries, Condition condition) throws IOException {
        if (entries.size() != 1) {
            throw new UnsupportedOperationException("this log appends one entry at a time");
        }
        return append(entries.get(0), condition);
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
