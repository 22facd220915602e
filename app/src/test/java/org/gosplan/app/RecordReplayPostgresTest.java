package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.gosplan.ledger.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same scenarios on a log kept in PostgreSQL ({@code --db}), each test in a fresh schema of
 * the database named by GOSPLAN_TEST_PG_URL (scripts/with-postgres.sh starts a throwaway cluster
 * and sets it), as the ledger's PostgresLogTest does. Without it these tests fail, so a build
 * never passes by silently skipping them, unless GOSPLAN_SKIP_PG=1 says so explicitly.
 *
 * <pre>scripts/with-postgres.sh mvn -B -o test -pl app -Dtest='RecordReplay*'</pre>
 */
class RecordReplayPostgresTest extends RecordReplayScenarios {
    private String url;

    static String setting(String name) {
        String v = System.getProperty(name);
        return v != null ? v : System.getenv(name);
    }

    static String baseUrl() {
        String u = setting("GOSPLAN_TEST_PG_URL");
        if (u == null || u.isBlank()) {
            if ("1".equals(setting("GOSPLAN_SKIP_PG"))) {
                Assumptions.abort("GOSPLAN_SKIP_PG=1: the PostgreSQL tests are skipped on purpose");
            }
            fail("GOSPLAN_TEST_PG_URL is not set: run the tests through scripts/with-postgres.sh (it starts a"
                    + " throwaway PostgreSQL), e.g. scripts/with-postgres.sh mvn -B -o test -pl app"
                    + " -Dtest='RecordReplay*'; or set GOSPLAN_SKIP_PG=1 to skip them explicitly");
        }
        return u;
    }

    @BeforeAll
    static void needsADatabase() {
        baseUrl();
    }

    /** A URL for a new empty schema: the ledger's gosplan_log* tables and the record's gosplan_content go there. */
    static String freshSchema() {
        String base = baseUrl();
        String schema = "r" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
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
    String[] at() {
        return new String[] {"--db", url};
    }

    @Override
    String[] planAt() {
        return new String[] {"--db", url};
    }

    @Override
    CliRun initLog(String origin) {
        url = freshSchema();
        return CliRun.of("log", "init", "--db", url, "--origin", origin);
    }

    @Override
    Log openLog() throws IOException {
        return Log.openDb(url);
    }

    private int update(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            return p.executeUpdate();
        }
    }

    @Test
    void theContentIsInTheSameSchemaAndNowhereElse() throws IOException, SQLException {
        ok(record("economy", village().toString()));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM gosplan_content")) {
            r.next();
            assertEquals(1, r.getInt(1));
        }
    }

    @Test
    void anAlteredEventInTheEntriesTableIsFound() throws IOException, SQLException {
        long[] plans = villageWithTwoPlans();
        assertEquals(0, ok(verify("--replay")).exit());
        assertEquals(1, update("UPDATE gosplan_log_entries SET data = set_byte(data, 40, get_byte(data, 40) # 1)"
                + " WHERE idx = ?", plans[1]));
        for (CliRun v : new CliRun[] {verify(), verify("--replay")}) {
            assertEquals(1, v.exit(), v.out() + v.err());
            assertTrue(v.noStackTrace(), v.err());
            assertTrue(v.out().contains("entry " + plans[1]), v.out());
        }
    }

    @Test
    void anAlteredOrMissingContentRowIsFound() throws IOException, SQLException {
        ok(record("economy", village().toString()));
        ok(record("targets", villageTargets().toString(), "--key", councilKey.toString()));
        long p = size();
        ok(plan());
        JsonNode body = json(ok(show(p))).get("body");
        for (String field : new String[] {"economy", "targets", "plan"}) {
            String hash = body.get(field).asText();
            assertEquals(1, update("UPDATE gosplan_content SET bytes = set_byte(bytes, 20, get_byte(bytes, 20) # 4)"
                    + " WHERE hash = ?", hash));
            for (CliRun v : new CliRun[] {verify(), verify("--replay")}) {
                assertEquals(1, v.exit(), field + ": " + v.out() + v.err());
                assertTrue(v.noStackTrace(), v.err());
                assertTrue(v.out().contains("content " + hash + " was altered"), v.out());
            }
            assertTrue(verify("--replay").out().contains("FAIL entry " + p + " (plan.computed"));
            assertEquals(1, update("UPDATE gosplan_content SET bytes = set_byte(bytes, 20, get_byte(bytes, 20) # 4)"
                    + " WHERE hash = ?", hash));
            assertEquals(0, ok(verify("--replay")).exit());
        }
        assertEquals(1, update("DELETE FROM gosplan_content WHERE hash = ?", body.get("economy").asText()));
        CliRun v = verify("--replay");
        assertEquals(1, v.exit(), v.out() + v.err());
        assertTrue(v.noStackTrace(), v.err());
        assertTrue(v.out().contains("is missing"), v.out());
    }

    @Test
    void anUnreachableOrEmptyDatabaseIsBadInput() {
        CliRun none = CliRun.of("verify", "--db", "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2");
        assertEquals(2, none.exit(), none.out() + none.err());
        assertTrue(none.noStackTrace(), none.err());
        String empty = freshSchema();
        CliRun e = CliRun.of("verify", "--db", empty);
        assertEquals(2, e.exit(), e.out() + e.err());
        assertTrue(e.noStackTrace(), e.err());
        CliRun s = CliRun.of("show", "--db", url, "0", "1");
        assertEquals(2, s.exit(), s.out() + s.err());
    }
}
