package org.gosplan.ledger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract on PostgreSQL, each log in a fresh schema of the database named by
 * GOSPLAN_TEST_PG_URL (scripts/with-postgres.sh starts a throwaway cluster and sets it). Without
 * it these tests fail, so a build never passes by silently skipping them, unless GOSPLAN_SKIP_PG=1
 * says so explicitly.
 */
class PostgresLogTest extends LogContract {
    private String url;

    static String baseUrl() {
        String u = setting("GOSPLAN_TEST_PG_URL");
        if (u == null || u.isBlank()) {
            if ("1".equals(setting("GOSPLAN_SKIP_PG"))) {
                Assumptions.abort("GOSPLAN_SKIP_PG=1: the PostgreSQL tests are skipped on purpose");
            }
            fail("GOSPLAN_TEST_PG_URL is not set: run the tests through scripts/with-postgres.sh (it starts a"
                    + " throwaway PostgreSQL), e.g. scripts/with-postgres.sh mvn -B -o install -pl ledger;"
                    + " or set GOSPLAN_SKIP_PG=1 to skip them explicitly");
        }
        return u;
    }

    static String setting(String name) {
        String v = System.getProperty(name);
        return v != null ? v : System.getenv(name);
    }

    @BeforeAll
    static void needsADatabase() {
        baseUrl();
    }

    /** A URL for a new empty schema. */
    static String freshSchema() {
        String base = baseUrl();
        String schema = "t" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make a schema in " + base + ": " + e.getMessage(), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterEach
    void dropSchema() {
        if (url == null) {
            return;
        }
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            // left for the throwaway cluster to take away
        }
    }

    @Override
    Log create() throws IOException {
        url = freshSchema();
        return Log.initDb(url, ORIGIN, null);
    }

    @Override
    Log reopen(Log log) throws IOException {
        if (log != null) {
            log.close();
        }
        return Log.openDb(url);
    }

    @Override
    String crashTarget(Log log) {
        return "db:" + url;
    }

    @Override
    Log openAnother() throws IOException {
        return Log.openDb(url);
    }

    @Test
    void initRefusesADatabaseThatHoldsALog() throws IOException {
        try (Log log = create()) {
            assertThrows(LedgerException.class, () -> Log.initDb(url, ORIGIN, null));
        }
        assertThrows(LedgerException.class, () -> Log.openDb(freshSchema()));
        assertThrows(LedgerException.class, () -> Log.openDb("jdbc:mysql://nowhere/x"));
    }

    /** An altered byte in any table is found and named. */
    @Test
    void verifyFindsAByteFlippedInEveryTable() throws IOException, SQLException {
        String[][] cases = {
            {"UPDATE gosplan_log_entries SET data = set_byte(data, 0, get_byte(data, 0) # 4) WHERE idx = 123", "entry 123"},
            {"UPDATE gosplan_log_entries SET leaf_hash = set_byte(leaf_hash, 31, get_byte(leaf_hash, 31) # 1)"
                    + " WHERE idx = 377", "entry 377"},
            {"UPDATE gosplan_log_hashes SET hash = set_byte(hash, 5, get_byte(hash, 5) # 128) WHERE level = 1 AND idx = 1",
                    "hash at tree level 8 index 1"},
            {"UPDATE gosplan_log_checkpoints SET note = overlay(note placing (CASE WHEN substr(note, 30, 1) = 'A'"
                    + " THEN 'B' ELSE 'A' END) from 30 for 1) WHERE size = 400", "checkpoint 2 (size 400)"},
            {"UPDATE gosplan_log SET size = size - 1", "gosplan_log_entries"},
            {"UPDATE gosplan_log_key SET skey = overlay(skey placing 'x' from 40 for 1)", "gosplan_log_key"},
            {"DELETE FROM gosplan_log_entries WHERE idx = 10", "gosplan_log_entries"},
        };
        for (String[] c : cases) {
            try (Log log = create()) {
                for (int k = 0; k < 3; k++) {
                    fill(log, 200, k);
                    log.checkpoint();
                }
                assertTrue(log.verify().valid());
            }
            try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement()) {
                s.execute(c[0]);
            }
            try (Log log = Log.openDb(url)) {
                LogVerification v = log.verify();
                assertFalse(v.valid(), c[0] + ": verify passed");
                assertTrue(v.problems().get(0).toString().contains(c[1]), c[0] + ": " + v.problems());
            }
            dropSchema();
        }
    }
}
