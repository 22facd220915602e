package org.gosplan.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Content in a PostgreSQL table {@code gosplan_content(hash, bytes)} beside the log's tables.
 * A put commits before it returns. The hash is computed in a first streaming pass so the
 * content is never held whole in memory.
 */
final class PostgresContentStore implements ContentStore {
    private final Connection db;

    PostgresContentStore(String jdbcUrl) throws IOException {
        try {
            db = DriverManager.getConnection(jdbcUrl);
            try (var s = db.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS gosplan_content (hash text PRIMARY KEY, bytes bytea NOT NULL)");
                // when each was stored (or stored again); a table made before this column has its rows dated now
                s.execute("ALTER TABLE gosplan_content ADD COLUMN IF NOT EXISTS stored timestamptz NOT NULL DEFAULT now()");
            }
        } catch (SQLException e) {
            throw new IOException("cannot open the content table at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized String put(Path file) throws IOException {
        MessageDigest d = Canonical.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String hash = HexFormat.of().formatHex(d.digest());
        try (InputStream in = Files.newInputStream(file)) {
            insert(hash, in, Files.size(file));
        }
        return hash;
    }

    @Override
    public synchronized String put(byte[] bytes) throws IOException {
        String hash = Canonical.sha256(bytes);
        insert(hash, new ByteArrayInputStream(bytes), bytes.length);
        return hash;
    }

    private void insert(String hash, InputStream in, long length) throws IOException {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT INTO gosplan_content (hash, bytes) VALUES (?, ?) ON CONFLICT (hash) DO UPDATE SET stored = now()")) {
            p.setString(1, hash);
            p.setBinaryStream(2, in, length);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot store content " + hash + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean contains(String hash) throws IOException {
        return size(hash) >= 0;
    }

    @Override
    public synchronized InputStream open(String hash) throws IOException {
        try (PreparedStatement p = db.prepareStatement("SELECT bytes FROM gosplan_content WHERE hash = ?")) {
            p.setString(1, hash);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new RecordException("content " + hash + " is missing from the database");
                }
                return new ByteArrayInputStream(r.getBytes(1));
            }
        } catch (SQLException e) {
            throw new IOException("cannot read content " + hash + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long size(String hash) throws IOException {
        try (PreparedStatement p = db.prepareStatement("SELECT length(bytes) FROM gosplan_content WHERE hash = ?")) {
            p.setString(1, hash);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IOException("cannot read content " + hash + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized java.util.List<Stored> storedBefore(java.time.Instant cutoff) throws IOException {
        java.util.List<Stored> out = new java.util.ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT hash, length(bytes), stored FROM gosplan_content WHERE stored < ?")) {
            p.setObject(1, java.time.OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Stored(r.getString(1), r.getLong(2),
                            r.getObject(3, java.time.OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot list stored content: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public synchronized boolean removeIfStoredBefore(String hash, java.time.Instant cutoff) throws IOException {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM gosplan_content WHERE hash = ? AND stored < ?")) {
            p.setString(1, hash);
            p.setObject(2, java.time.OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC));
            return p.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IOException("cannot remove content " + hash + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
