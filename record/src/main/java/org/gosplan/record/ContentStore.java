package org.gosplan.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Content beside the log, addressed by the lowercase hex SHA-256 of its bytes: economies,
 * targets, plans. The log holds only the hashes, so entries stay small and the content can be
 * checked against them. Writes are durable before they return.
 */
public interface ContentStore extends AutoCloseable {
    /** Stores the file's bytes, streaming (never the whole file in memory); returns the hash. */
    String put(Path file) throws IOException;

    /** Stores bytes; returns the hash. */
    String put(byte[] bytes) throws IOException;

    /** Whether content with this hash is stored. */
    boolean contains(String hash) throws IOException;

    /** Opens stored content; a {@link RecordException} when it is absent. */
    InputStream open(String hash) throws IOException;

    /** The stored content's size in bytes, or -1 when absent. */
    long size(String hash) throws IOException;

    /**
     * One stored content: its hash, its size, and when it was stored (or last stored again: a
     * {@code put} of content already held renews its time, so a writer that stores content and
     * then names it in an event has a fresh time whatever was stored before).
     */
    record Stored(String hash, long bytes, java.time.Instant at) {}

    /** The content stored (or last stored again) before {@code cutoff}. */
    java.util.List<Stored> storedBefore(java.time.Instant cutoff) throws IOException;

    /**
     * Removes content {@code hash} if it was stored (or last stored again) before {@code cutoff},
     * checked as it is removed, so a put that renews it meanwhile keeps it; whether it was removed.
     * Only for content no event names: the caller must know that.
     */
    boolean removeIfStoredBefore(String hash, java.time.Instant cutoff) throws IOException;

    /** Recomputes the hash of stored content (for verification). */
    default String rehash(String hash) throws IOException {
        java.security.MessageDigest d = Canonical.digest();
        try (InputStream in = new java.security.DigestInputStream(open(hash), d)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return java.util.HexFormat.of().formatHex(d.digest());
    }

    @Override
    void close() throws IOException;
}
