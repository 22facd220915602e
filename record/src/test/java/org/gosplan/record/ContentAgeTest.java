package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When content was stored, for removing uploads no event names (the server's sweep): both stores
 * list what is older than a cutoff, remove it only while it is still that old, and date content
 * stored again anew. The PostgreSQL half runs on GOSPLAN_TEST_PG_URL (scripts/with-postgres.sh);
 * without it it fails, unless GOSPLAN_SKIP_PG=1 skips it on purpose.
 */
class ContentAgeTest {
    @TempDir
    Path dir;

    private interface Ager {
        void age(String hash, Duration by) throws Exception;
    }

    private static void contract(ContentStore store, Ager ager) throws Exception {
        String old = store.put("old".getBytes(StandardCharsets.UTF_8));
        String renewed = store.put("renewed".getBytes(StandardCharsets.UTF_8));
        String young = store.put("young".getBytes(StandardCharsets.UTF_8));
        ager.age(old, Duration.ofHours(2));
        ager.age(renewed, Duration.ofHours(2));
        Instant cutoff = Instant.now().minus(Duration.ofHours(1));
        List<String> listed = store.storedBefore(cutoff).stream().map(ContentStore.Stored::hash).sorted().toList();
        assertEquals(java.util.stream.Stream.of(old, renewed).sorted().toList(), listed);
        ContentStore.Stored s = store.storedBefore(cutoff).stream().filter(x -> x.hash().equals(old)).findFirst()
                .orElseThrow();
        assertEquals(3, s.bytes());
        assertTrue(s.at().isBefore(cutoff));
        store.put("renewed".getBytes(StandardCharsets.UTF_8)); // stored again: young
        assertEquals(List.of(old), store.storedBefore(cutoff).stream().map(ContentStore.Stored::hash).toList());
        assertFalse(store.removeIfStoredBefore(renewed, cutoff), "content stored again is not removed");
        assertFalse(store.removeIfStoredBefore(young, cutoff), "young content is not removed");
        assertTrue(store.removeIfStoredBefore(old, cutoff));
        assertFalse(store.contains(old));
        assertFalse(store.removeIfStoredBefore(old, cutoff), "nothing left to remove");
        assertTrue(store.contains(renewed) && store.contains(young));
        assertTrue(store.storedBefore(cutoff).isEmpty());
    }

    @Test
    void aFolderStoreDatesContentByItsFile() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (FileContentStore store = new FileContentStore(data)) {
            contract(store, (hash, by) -> Files.setLastModifiedTime(
                    data.resolve("content").resolve(hash.substring(0, 2)).resolve(hash),
                    FileTime.from(Instant.now().minus(by))));
            // a file that is not content (a put cut short) is never listed
            Files.writeString(data.resolve("content").resolve(".put-1.tmp"), "half");
            assertTrue(store.storedBefore(Instant.now().plusSeconds(60)).stream()
                    .allMatch(x -> x.hash().matches("[0-9a-f]{64}")));
        }
    }

    @Test
    void aPostgresStoreDatesContentInItsTableAndDatesAnOlderTablesRowsNow() throws Exception {
        String base = System.getProperty("GOSPLAN_TEST_PG_URL", System.getenv("GOSPLAN_TEST_PG_URL"));
        if (base == null || base.isBlank()) {
            if ("1".equals(System.getProperty("GOSPLAN_SKIP_PG", System.getenv("GOSPLAN_SKIP_PG")))) {
                Assumptions.abort("GOSPLAN_SKIP_PG=1: the PostgreSQL tests are skipped on purpose");
            }
            fail("GOSPLAN_TEST_PG_URL is not set: run the tests through scripts/with-postgres.sh, or set"
                    + " GOSPLAN_SKIP_PG=1 to skip them explicitly");
        }
        String schema = "c" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (Connection db = DriverManager.getConnection(url)) {
            // a table as stores before this one made it: no 'stored' column
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE gosplan_content (hash text PRIMARY KEY, bytes bytea NOT NULL)");
                s.execute("INSERT INTO gosplan_content VALUES ('" + "ab".repeat(32) + "', 'x')");
            }
            try (PostgresContentStore store = new PostgresContentStore(url)) {
                assertTrue(store.storedBefore(Instant.now().minus(Duration.ofMinutes(1))).isEmpty(),
                        "an older table's rows are dated when the store first opens it");
                assertTrue(store.contains("ab".repeat(32)));
                contract(store, (hash, by) -> {
                    try (PreparedStatement p = db.prepareStatement(
                            "UPDATE gosplan_content SET stored = now() - make_interval(secs => ?) WHERE hash = ?")) {
                        p.setDouble(1, by.toSeconds());
                        p.setString(2, hash);
                        assertEquals(1, p.executeUpdate());
                    }
                });
            }
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
