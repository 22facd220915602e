package org.gosplan.ledger;

import java.io.IOException;
import java.util.List;

/**
 * Where a log keeps its entries, its kept hashes (see {@link Tiles}), its signed checkpoints and
 * its key: a data directory ({@link FileStore}) or a PostgreSQL database ({@link PostgresStore}).
 * The tree logic, group commit and verification live in {@link Log}, once for both.
 *
 * <p>Appends go {@link #beginAppend} (take the writer's lock, learn the committed size, which
 * another writer may have grown), {@link #commitAppend} (durable before it returns), and always
 * {@link #endAppend} (let go of the lock). The lock is held for one group, so writers in any
 * number of processes take turns. Readers see only committed data.
 */
interface Store extends Tiles.HashReader, AutoCloseable {
    String origin();

    /** The log's verifier key as stored. */
    String verifierKey();

    /** The log's signing key (signer-key form). */
    String signerKey() throws IOException;

    /** The committed size as last seen. */
    long size();

    /** Entry {@code index} (below {@link #size}) as stored. */
    byte[] entry(long index) throws IOException;

    /**
     * Entries {@code [from, from + count)} (below {@link #size}), as {@link #entry} reads each; a
     * store may read them in one pass (a long log read from its start).
     */
    default byte[][] entries(long from, int count) throws IOException {
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            out[i] = entry(from + i);
        }
        return out;
    }

    /**
     * The RFC 9162 leaf hashes of entries {@code [from, from + count)}, as {@link #entries} reads
     * them; a store that reads them in one buffer hashes them there, without a copy of each.
     */
    default byte[][] leafHashes(long from, int count) throws IOException {
        byte[][] out = entries(from, count);
        for (int i = 0; i < count; i++) {
            out[i] = Merkle.leafHash(out[i]);
        }
        return out;
    }

    /**
     * MTH of entries {@code [from, from + count)} (RFC 9162 section 2.1.1, the range taken as a
     * tree of its own), computed from their bytes as {@link #entries} reads them; a store that
     * reads them in one buffer hashes them there. The stored hashes are not consulted.
     */
    default byte[] rangeRoot(long from, int count) throws IOException {
        byte[][] leaves = leafHashes(from, count);
        byte[] hashes = new byte[Merkle.HASH_SIZE * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(leaves[i], 0, hashes, Merkle.HASH_SIZE * i, Merkle.HASH_SIZE);
        }
        return Merkle.rootOfLeafHashes(hashes, count);
    }

    /**
     * Takes the writer's lock of the log (waiting while another thread or process holds it),
     * re-reads the committed state and returns the committed size.
     */
    long beginAppend() throws IOException;

    /**
     * Stores entries {@code [first, first + entries.length)} with their leaf hashes (concatenated)
     * and the new kept hashes of tile levels 1 and up ({@code upper[L]}, concatenated, the first
     * of them at index {@code first >>> 8L}); durable (fsync or commit) before it returns.
     */
    void commitAppend(long first, byte[][] entries, byte[] leafHashes, byte[][] upper) throws IOException;

    /** Ends an append begun, committed or not (what was not committed is given up), and lets go of the lock. */
    void endAppend();

    /**
     * Whether this store can hold its writer's lock over several groups and make them durable in
     * rounds that overlap the writing of the next group ({@link #writeAppend}, {@link #syncAppend}).
     * A store that cannot commits each group with {@link #commitAppend} under a lock of its own.
     */
    default boolean pipelines() {
        return false;
    }

    /**
     * Writes a group after every group written since {@link #beginAppend} (arguments as
     * {@link #commitAppend}): neither durable nor visible to readers until a {@link #syncAppend}
     * round that starts after it is done. Pipelining stores only.
     */
    default void writeAppend(long first, byte[][] entries, byte[] leafHashes, byte[][] upper) throws IOException {
        throw new UnsupportedOperationException("this store commits one group at a time");
    }

    /**
     * Starts making every group written so far durable (one round of syncs, in parallel) and
     * returns the round; at most one is in flight. When {@link Round#await} returns, those groups
     * are durable and readers see them. Pipelining stores only.
     */
    default Round syncAppend() throws IOException {
        throw new UnsupportedOperationException("this store commits one group at a time");
    }

    /** A round of syncs in flight. */
    interface Round {
        /** Waits for the round; throws when a sync failed (the groups of the round are then not known durable). */
        void await() throws IOException;

        /** Runs {@code r} (on any thread) once every sync of the round has returned, well or not. */
        void whenDone(Runnable r);

        /** Whether every sync of the round has returned, well or not ({@link #await} then does not wait). */
        boolean done();
    }

    /** Stores a signed checkpoint durably (after {@link #beginAppend}). */
    void addCheckpoint(Checkpoint checkpoint) throws IOException;

    /**
     * Stores {@code cosigned}, the latest stored checkpoint's note with more signature lines (a
     * witness's cosignatures), in its place durably (after {@link #beginAppend}). A store that only
     * appends may keep both records; {@link #checkpoints} then lists both, the cosigned one last.
     */
    void replaceLatestCheckpoint(Checkpoint cosigned) throws IOException;

    /** The stored checkpoints as text, oldest first. */
    List<String> checkpoints() throws IOException;

    /** Receives the entries of a scan. */
    interface EntryVisitor {
        /**
         * Entry {@code index} with its stored leaf hash; {@code damage} is null, or says how the
         * store found the entry's own record damaged (bad checksum, bad length).
         */
        void entry(long index, byte[] data, byte[] storedLeafHash, String damage) throws IOException;
    }

    /** Every committed entry in index order. */
    void scan(EntryVisitor visitor) throws IOException;

    /** Checks of the store's own structures (commit record, file lengths, key files), as problems found. */
    List<LogVerification.Problem> checkStructure() throws IOException;

    /** A short description for messages: the directory or the database. */
    String describe();

    @Override
    void close() throws IOException;
}
