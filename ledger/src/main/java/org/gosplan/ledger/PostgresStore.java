package org.gosplan.ledger;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A log in PostgreSQL (one log per database, or per schema with {@code currentSchema=} in the URL):
 *
 * <pre>
 *   gosplan_log              one row: format, origin, verifier key, committed size
 *   gosplan_log_key          one row: the signing key (restrict this table to the log's writer)
 *   gosplan_log_entries      idx, data, leaf_hash
 *   gosplan_log_hashes       (level, idx) -> hash: the kept hashes of tile levels 1 and up (see {@link Tiles})
 *   gosplan_log_checkpoints  size -> the signed checkpoint note
 * </pre>
 *
 * <p>An append is one transaction: it locks the {@code gosplan_log} row ({@code FOR UPDATE}, so
 * writers in several processes take turns and each learns the size the last one committed),
 * inserts the whole group of entries and hashes with one statement each (arrays unnested
 * server-side), moves the size, and commits; PostgreSQL's commit waits for its WAL fsync
 * ({@code synchronous_commit} on, the default). Readers use a second connection and see only
 * committed rows, so no partial group is ever visible.
 */
final class PostgresStore implements Store {
    static final int FORMAT = 1;
    private final String url;
    private final Connection read;
    private final Connection write;
    private final String origin;
    private final String vkey;
    private volatile long size;

    private PostgresStore(String url) throws IOException {
        this.url = url;
        read = connect(url);
        Connection w = null;
        try {
            w = connect(url);
            w.setAutoCommit(false);
            try (Statement s = read.createStatement();
                 ResultSet r = s.executeQuery("SELECT format, origin, vkey, size FROM gosplan_log WHERE id = 1")) {
                if (!r.next()) {
                    throw new LedgerException(describe(url) + " holds no log; make one with 'gosplan log init --db URL"
                            + " --origin NAME'");
                }
                if (r.getInt(1) != FORMAT) {
                    throw new LedgerException(describe(url) + " holds a log of format " + r.getInt(1) + ", not "
                            + FORMAT);
                }
                origin = r.getString(2);
                vkey = r.getString(3);
                size = r.getLong(4);
            }
        } catch (SQLException e) {
            close(read);
            close(w);
            if ("42P01".equals(e.getSQLState())) {
                throw new LedgerException(describe(url) + " holds no log; make one with 'gosplan log init --db URL"
                        + " --origin NAME'");
            }
            throw io("cannot read the log", e);
        } catch (RuntimeException e) {
            close(read);
            close(w);
            throw e;
        }
        write = w;
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing after a failure; the first error is the one reported
            }
        }
    }

    static Connection connect(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new LedgerException("--db '" + url + "' is not a PostgreSQL JDBC URL; write it as"
                    + " jdbc:postgresql://HOST:PORT/DATABASE?user=NAME");
        }
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new LedgerException("cannot connect to the database " + describe(url) + ": " + e.getMessage(), e);
        }
    }

    /** The URL without its parameters (which may hold a password). */
    static String describe(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private IOException io(String what, SQLException e) {
        return new IOException(what + " in " + describe(url) + ": " + e.getMessage(), e);
    }

    static PostgresStore open(String url) throws IOException {
        return new PostgresStore(url);
    }

    static PostgresStore create(String url, NoteSigner signer, Checkpoint empty) throws IOException {
        try (Connection c = connect(url)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS gosplan_log (id smallint PRIMARY KEY CHECK (id = 1),"
                        + " format int NOT NULL, origin text NOT NULL, vkey text NOT NULL, size bigint NOT NULL)");
                try (ResultSet r = s.executeQuery("SELECT origin FROM gosplan_log")) {
                    if (r.next()) {
                        throw new LedgerException(describe(url) + " already holds the log '" + r.getString(1)
                                + "'; use another database, or another schema with currentSchema= in the URL");
                    }
                }
                s.execute("CREATE TABLE IF NOT EXISTS gosplan_log_key (id smallint PRIMARY KEY CHECK (id = 1),"
                        + " skey text NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS gosplan_log_entries (idx bigint PRIMARY KEY,"
                        + " data bytea NOT NULL, leaf_hash bytea NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS gosplan_log_hashes (level smallint NOT NULL, idx bigint NOT NULL,"
                        + " hash bytea NOT NULL, PRIMARY KEY (level, idx))");
                s.execute("CREATE TABLE IF NOT EXISTS gosplan_log_checkpoints (size bigint PRIMARY KEY,"
                        + " note text NOT NULL)");
                s.execute("DELETE FROM gosplan_log_key");
                s.execute("DELETE FROM gosplan_log_entries");
                s.execute("DELETE FROM gosplan_log_hashes");
                s.execute("DELETE FROM gosplan_log_checkpoints");
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO gosplan_log (id, format, origin, vkey, size) VALUES (1, ?, ?, ?, 0)")) {
                p.setInt(1, FORMAT);
                p.setString(2, empty.origin());
                p.setString(3, signer.verifier().toString());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gosplan_log_key (id, skey) VALUES (1, ?)")) {
                p.setString(1, signer.toString());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gosplan_log_checkpoints (size, note) VALUES (0, ?)")) {
                p.setString(1, empty.toString());
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IOException("cannot make the log in " + describe(url) + ": " + e.getMessage(), e);
        }
        return new PostgresStore(url);
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String verifierKey() {
        return vkey;
    }

    @Override
    public synchronized String signerKey() throws IOException {
        try (Statement s = read.createStatement(); ResultSet r = s.executeQuery("SELECT skey FROM gosplan_log_key")) {
            if (!r.next()) {
                throw new LedgerException(describe(url) + ": the log's signing key is missing; it cannot sign");
            }
            return r.getString(1);
        } catch (SQLException e) {
            throw io("cannot read the signing key", e);
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String describe() {
        return describe(url);
    }

    @Override
    public synchronized byte[] entry(long index) throws IOException {
        long n = size;
        if (index < 0 || index >= n) {
            throw new LedgerException("entry " + index + " does not exist: the log has " + n + " entries");
        }
        try (PreparedStatement p = read.prepareStatement("SELECT data FROM gosplan_log_entries WHERE idx = ?")) {
            p.setLong(1, index);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new LogDamagedException(describe(), "entry " + index + " is missing; run 'gosplan log verify'");
                }
                return r.getBytes(1);
            }
        } catch (SQLException e) {
            throw io("cannot read entry " + index, e);
        }
    }

    @Override
    public synchronized byte[][] runs(int[] tileLevels, long[] from, int[] counts) throws IOException {
        // All runs in one statement: one round trip per proof.
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < tileLevels.length; i++) {
            if (i > 0) {
                sql.append(" UNION ALL ");
            }
            if (tileLevels[i] == 0) {
                sql.append("(SELECT ").append(i).append(" AS run, idx, leaf_hash FROM gosplan_log_entries"
                        + " WHERE idx >= ? AND idx < ?)");
            } else {
                sql.append("(SELECT ").append(i).append(" AS run, idx, hash FROM gosplan_log_hashes WHERE level = ")
                        .append(tileLevels[i]).append(" AND idx >= ? AND idx < ?)");
            }
        }
        byte[][] out = new byte[tileLevels.length][];
        int[] found = new int[tileLevels.length];
        try (PreparedStatement p = read.prepareStatement(sql.toString())) {
            for (int i = 0; i < tileLevels.length; i++) {
                out[i] = new byte[32 * counts[i]];
                p.setLong(2 * i + 1, from[i]);
                p.setLong(2 * i + 2, from[i] + counts[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    int run = r.getInt(1);
                    long idx = r.getLong(2);
                    byte[] h = r.getBytes(3);
                    if (h.length != 32) {
                        throw new LogDamagedException(describe(), "the hash at tile level " + tileLevels[run] + " index "
                                + idx + " has " + h.length + " bytes; run 'gosplan log verify'");
                    }
                    System.arraycopy(h, 0, out[run], (int) (32 * (idx - from[run])), 32);
                    found[run]++;
                }
            }
        } catch (SQLException e) {
            throw io("cannot read hashes", e);
        }
        for (int i = 0; i < tileLevels.length; i++) {
            if (found[i] != counts[i]) {
                throw new LogDamagedException(describe(), (counts[i] - found[i]) + " hashes of tile level " + tileLevels[i]
                        + " from index " + from[i] + " are missing; run 'gosplan log verify'");
            }
        }
        return out;
    }

    @Override
    public long beginAppend() throws IOException {
        try (Statement s = write.createStatement();
             ResultSet r = s.executeQuery("SELECT size FROM gosplan_log WHERE id = 1 FOR UPDATE")) {
            if (!r.next()) {
                throw new LogDamagedException(describe(), "the gosplan_log row is gone");
            }
            size = r.getLong(1);
            return size;
        } catch (SQLException e) {
            endAppend();
            throw io("cannot lock the log for appending", e);
        }
    }

    @Override
    public void commitAppend(long first, byte[][] entries, byte[] leafHashes, byte[][] upper) throws IOException {
        int n = entries.length;
        try {
            Long[] idx = new Long[n];
            byte[][] hashes = new byte[n][];
            for (int i = 0; i < n; i++) {
                idx[i] = first + i;
                hashes[i] = java.util.Arrays.copyOfRange(leafHashes, 32 * i, 32 * i + 32);
            }
            try (PreparedStatement p = write.prepareStatement("INSERT INTO gosplan_log_entries (idx, data, leaf_hash)"
                    + " SELECT * FROM unnest(?::bigint[], ?::bytea[], ?::bytea[])")) {
                Array a = write.createArrayOf("bigint", idx);
                Array b = write.createArrayOf("bytea", entries);
                Array c = write.createArrayOf("bytea", hashes);
                p.setArray(1, a);
                p.setArray(2, b);
                p.setArray(3, c);
                p.executeUpdate();
            }
            List<Short> levels = new ArrayList<>();
            List<Long> indices = new ArrayList<>();
            List<byte[]> values = new ArrayList<>();
            for (int l = 1; l < upper.length; l++) {
                if (upper[l] == null) {
                    continue;
                }
                long base = first >>> (Tiles.HEIGHT * l);
                for (int j = 0; j < upper[l].length / 32; j++) {
                    levels.add((short) l);
                    indices.add(base + j);
                    values.add(java.util.Arrays.copyOfRange(upper[l], 32 * j, 32 * j + 32));
                }
            }
            if (!levels.isEmpty()) {
                try (PreparedStatement p = write.prepareStatement("INSERT INTO gosplan_log_hashes (level, idx, hash)"
                        + " SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::bytea[])")) {
                    p.setArray(1, write.createArrayOf("smallint", levels.toArray(new Short[0])));
                    p.setArray(2, write.createArrayOf("bigint", indices.toArray(new Long[0])));
                    p.setArray(3, write.createArrayOf("bytea", values.toArray(new byte[0][])));
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = write.prepareStatement("UPDATE gosplan_log SET size = ? WHERE id = 1")) {
                p.setLong(1, first + n);
                p.executeUpdate();
            }
            write.commit();
            size = first + n;
        } catch (SQLException e) {
            endAppend();
            throw io("cannot append", e);
        }
    }

    /** Rolls back what is uncommitted (a no-op after a commit), which lets go of the row lock. */
    @Override
    public void endAppend() {
        try {
            write.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the transaction is gone with it
        }
    }

    @Override
    public void addCheckpoint(Checkpoint checkpoint) throws IOException {
        try (PreparedStatement p = write.prepareStatement(
                "INSERT INTO gosplan_log_checkpoints (size, note) VALUES (?, ?) ON CONFLICT (size) DO NOTHING")) {
            p.setLong(1, checkpoint.size());
            p.setString(2, checkpoint.toString());
            p.executeUpdate();
            write.commit();
        } catch (SQLException e) {
            endAppend();
            throw io("cannot store the checkpoint", e);
        }
    }

    @Override
    public void replaceLatestCheckpoint(Checkpoint cosigned) throws IOException {
        try (PreparedStatement p = write.prepareStatement(
                "UPDATE gosplan_log_checkpoints SET note = ? WHERE size = ?")) {
            p.setString(1, cosigned.toString());
            p.setLong(2, cosigned.size());
            p.executeUpdate();
            write.commit();
        } catch (SQLException e) {
            endAppend();
            throw io("cannot store the cosigned checkpoint", e);
        }
    }

    @Override
    public synchronized List<String> checkpoints() throws IOException {
        List<String> out = new ArrayList<>();
        try (Statement s = read.createStatement();
             ResultSet r = s.executeQuery("SELECT note FROM gosplan_log_checkpoints ORDER BY size")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw io("cannot read the checkpoints", e);
        }
        return out;
    }

    @Override
    public void scan(EntryVisitor visitor) throws IOException {
        long n = size;
        final int chunk = 10_000;
        long expect = 0;
        for (long lo = 0; lo < n; lo += chunk) {
            List<Object[]> rows = new ArrayList<>(chunk);
            synchronized (this) {
                try (PreparedStatement p = read.prepareStatement("SELECT idx, data, leaf_hash FROM gosplan_log_entries"
                        + " WHERE idx >= ? AND idx < ? ORDER BY idx")) {
                    p.setLong(1, lo);
                    p.setLong(2, Math.min(n, lo + chunk));
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            rows.add(new Object[] {r.getLong(1), r.getBytes(2), r.getBytes(3)});
                        }
                    }
                } catch (SQLException e) {
                    throw io("cannot read the entries", e);
                }
            }
            for (Object[] row : rows) {
                long idx = (Long) row[0];
                while (expect < idx) {
                    visitor.entry(expect, null, null, "is missing from gosplan_log_entries");
                    expect++;
                }
                byte[] stored = (byte[]) row[2];
                visitor.entry(idx, (byte[]) row[1], stored, stored.length == 32 ? null
                        : "its stored leaf hash has " + stored.length + " bytes, not 32");
                expect++;
            }
            while (expect < Math.min(n, lo + chunk)) {
                visitor.entry(expect, null, null, "is missing from gosplan_log_entries");
                expect++;
            }
        }
    }

    @Override
    public synchronized List<LogVerification.Problem> checkStructure() throws IOException {
        List<LogVerification.Problem> problems = new ArrayList<>();
        NoteVerifier v = null;
        try {
            v = NoteVerifier.parse(vkey);
            if (!v.name().equals(origin)) {
                problems.add(new LogVerification.Problem("gosplan_log", "the verifier key's name is not the origin '"
                        + origin + "'"));
            }
        } catch (LedgerException e) {
            problems.add(new LogVerification.Problem("gosplan_log.vkey", "damaged: " + e.getMessage()));
        }
        try {
            NoteSigner s = NoteSigner.parse(signerKey(), "gosplan_log_key");
            if (v != null && !s.verifier().equals(v)) {
                problems.add(new LogVerification.Problem("gosplan_log_key", "the signing key does not belong to the"
                        + " verifier key"));
            }
        } catch (LedgerException e) {
            problems.add(new LogVerification.Problem("gosplan_log_key", "damaged: " + e.getMessage()));
        }
        try (Statement s = read.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT count(*), coalesce(max(idx), -1) FROM gosplan_log_entries")) {
                r.next();
                if (r.getLong(1) != size || r.getLong(2) != size - 1) {
                    problems.add(new LogVerification.Problem("gosplan_log_entries", "holds " + r.getLong(1)
                            + " entries up to index " + r.getLong(2) + " but the log's size is " + size));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT level, count(*), max(idx) FROM gosplan_log_hashes GROUP BY level"
                    + " ORDER BY level")) {
                while (r.next()) {
                    int l = r.getInt(1);
                    long want = l >= 1 && l < Tiles.LEVELS ? Tiles.count(size, l) : 0;
                    if (r.getLong(2) != want || r.getLong(3) != want - 1) {
                        problems.add(new LogVerification.Problem("gosplan_log_hashes", "tile level " + l + " holds "
                                + r.getLong(2) + " hashes up to index " + r.getLong(3) + " where the size gives " + want));
                    }
                }
            }
        } catch (SQLException e) {
            throw io("cannot check the tables", e);
        }
        return problems;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            write.rollback();
        } catch (SQLException ignored) {
            // nothing was pending
        }
        close(write);
        close(read);
    }
}
