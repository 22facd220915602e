package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code gosplan log} commands of cli.md, run in-process. */
class LogCommandTest {
    @TempDir
    Path tmp;

    private static JsonNode json(CliRun r) throws IOException {
        return Json.MAPPER.readTree(r.out());
    }

    private static CliRun withStdin(byte[] in, String... args) {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(in));
            return CliRun.of(args);
        } finally {
            System.setIn(old);
        }
    }

    private static String join(List<String> hashes) {
        return String.join(",", hashes);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theRecordCommandsEndToEnd() throws IOException {
        String dir = tmp.resolve("log").toString();
        CliRun init = CliRun.of("log", "init", dir, "--origin", "example.org/test", "--json");
        assertEquals(0, init.exit(), init.err());
        String vkey = json(init).get("key").asText();
        assertTrue(vkey.startsWith("example.org/test+"), vkey);

        CliRun a = withStdin("alpha\nbeta\n\ngamma".getBytes(StandardCharsets.UTF_8), "log", "append", dir, "--json");
        assertEquals(0, a.exit(), a.err());
        JsonNode doc = json(a);
        assertEquals(0, doc.get("first").asLong());
        assertEquals(4, doc.get("count").asLong());
        assertEquals(4, doc.get("size").asLong());
        String root4 = doc.get("root").asText();
        assertEquals(64, root4.length());

        Path hex = tmp.resolve("entries.hex");
        Files.writeString(hex, "00ff\nDEADBEEF\n");
        CliRun b = CliRun.of("log", "append", dir, "--hex", hex.toString(), "--json");
        assertEquals(0, b.exit(), b.err());
        assertEquals(4, json(b).get("first").asLong());
        assertEquals(6, json(b).get("size").asLong());

        CliRun key = CliRun.of("log", "key", dir);
        assertEquals(vkey + "\n", key.out());

        CliRun cp = CliRun.of("log", "checkpoint", dir);
        assertEquals(0, cp.exit(), cp.err());
        String[] lines = cp.out().split("\n", -1);
        assertEquals("example.org/test", lines[0]);
        assertEquals("6", lines[1]);
        assertEquals(json(b).get("root").asText(), HexFormat.of().formatHex(Base64.getDecoder().decode(lines[2])));
        assertEquals("", lines[3]);
        assertTrue(lines[4].startsWith("\u2014 example.org/test "), lines[4]);

        // Proofs from the store check out with the verify commands.
        JsonNode inc = json(CliRun.of("log", "prove", dir, "--index", "2", "--size", "4"));
        assertEquals(root4, inc.get("root").asText());
        assertEquals(HexFormat.of().formatHex(org.gosplan.ledger.Merkle.leafHash(new byte[0])), inc.get("leafHash").asText());
        CliRun vi = CliRun.of("log", "verify-inclusion", "--leaf-hash", inc.get("leafHash").asText(), "--index", "2",
                "--size", "4", "--root", root4, "--proof", join(strings(inc.get("proof"))));
        assertEquals(0, vi.exit(), vi.out() + vi.err());
        JsonNode con = json(CliRun.of("log", "prove", dir, "--from", "4"));
        assertEquals(6, con.get("to").asLong());
        CliRun vc = CliRun.of("log", "verify-consistency", "--from", "4", "--to", "6", "--old-root", root4,
                "--new-root", con.get("newRoot").asText(), "--proof", join(strings(con.get("proof"))));
        assertEquals(0, vc.exit(), vc.out() + vc.err());

        CliRun v = CliRun.of("log", "verify", dir, "--json");
        assertEquals(0, v.exit(), v.out() + v.err());
        assertTrue(json(v).get("valid").asBoolean());
        assertEquals(6, json(v).get("entries").asLong());

        // One altered byte in an entry: exit 1, named.
        try (FileChannel c = FileChannel.open(Path.of(dir, "entries"), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            c.read(one, 8 + 5 + 8 + 2); // inside entry 1 ("beta")
            one.put(0, (byte) (one.get(0) ^ 1)).rewind();
            c.write(one, 8 + 5 + 8 + 2);
        }
        CliRun bad = CliRun.of("log", "verify", dir, "--json");
        assertEquals(1, bad.exit(), bad.out() + bad.err());
        JsonNode problems = json(bad).get("problems");
        assertEquals("entry 1", problems.get(0).get("where").asText(), problems.toString());
        CliRun badText = CliRun.of("log", "verify", dir);
        assertEquals(1, badText.exit());
        assertTrue(badText.out().contains("entry 1:"), badText.out());
        assertTrue(badText.noStackTrace());
    }

    @Test
    void usageMistakesExitTwoWithoutATrace() {
        String dir = tmp.resolve("log").toString();
        assertEquals(0, CliRun.of("log", "init", dir, "--origin", "example.org/x").exit());
        for (String[] args : new String[][] {
            {"log", "init", dir, "--origin", "example.org/x"},
            {"log", "init", tmp.resolve("o").toString(), "--origin", "has space"},
            {"log", "prove", dir, "--index", "0"},
            {"log", "prove", tmp.resolve("missing").toString(), "--index", "0"},
            {"log", "prove", dir},
            {"log", "verify"},
            {"log", "checkpoint", dir, "--db", "jdbc:postgresql://x/y"},
            {"log", "key", "--db", "not-a-url"},
            {"log", "verify-inclusion", "--leaf-hash", "xyz", "--index", "0", "--size", "1", "--root", "00", "--proof", ""},
        }) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.out() + r.err());
            assertTrue(r.noStackTrace(), r.err());
            assertFalse(r.err().isBlank());
        }
    }

    /** The raw-leaf commands against the published RFC 6962 vectors. */
    @Test
    void rawLeavesMatchThePublishedVectors() throws IOException {
        JsonNode v = Json.MAPPER.readTree(CliRun.sharedData().resolve("transparency/rfc6962_published_vectors.json").toFile());
        StringBuilder leaves = new StringBuilder();
        v.get("leaves_hex").forEach(l -> leaves.append(l.asText()).append('\n'));
        Path file = tmp.resolve("leaves.txt");
        Files.writeString(file, leaves);
        var roots = v.get("root_by_tree_size").fields();
        while (roots.hasNext()) {
            var e = roots.next();
            CliRun r = CliRun.of("log", "root", file.toString(), "--size", e.getKey());
            assertEquals(0, r.exit(), r.err());
            assertEquals(e.getValue().asText() + "\n", r.out());
        }
        for (JsonNode p : v.get("inclusion_proofs")) {
            CliRun r = CliRun.of("log", "inclusion", file.toString(), "--index", p.get("leafIndex").asText(), "--size",
                    p.get("treeSize").asText());
            assertEquals(0, r.exit(), r.err());
            assertEquals(strings(p.get("proof")), strings(json(r).get("proof")));
            assertEquals(p.get("root").asText(), json(r).get("root").asText());
            CliRun ok = CliRun.of("log", "verify-inclusion", "--leaf-hash", p.get("leafHash").asText(), "--index",
                    p.get("leafIndex").asText(), "--size", p.get("treeSize").asText(), "--root", p.get("root").asText(),
                    "--proof", join(strings(p.get("proof"))));
            assertEquals(0, ok.exit(), ok.out());
            List<String> longer = new ArrayList<>(strings(p.get("proof")));
            longer.add(p.get("root").asText());
            CliRun no = CliRun.of("log", "verify-inclusion", "--leaf-hash", p.get("leafHash").asText(), "--index",
                    p.get("leafIndex").asText(), "--size", p.get("treeSize").asText(), "--root", p.get("root").asText(),
                    "--proof", join(longer), "--json");
            assertEquals(1, no.exit(), no.out());
            assertFalse(json(no).get("valid").asBoolean());
        }
        for (JsonNode p : v.get("consistency_proofs")) {
            CliRun r = CliRun.of("log", "consistency", file.toString(), "--from", p.get("size1").asText(), "--to",
                    p.get("size2").asText());
            assertEquals(0, r.exit(), r.err());
            assertEquals(strings(p.get("proof")), strings(json(r).get("proof")));
            assertEquals(p.get("root1").asText(), json(r).get("oldRoot").asText());
            assertEquals(p.get("root2").asText(), json(r).get("newRoot").asText());
            CliRun ok = CliRun.of("log", "verify-consistency", "--from", p.get("size1").asText(), "--to",
                    p.get("size2").asText(), "--old-root", p.get("root1").asText(), "--new-root", p.get("root2").asText(),
                    "--proof", join(strings(p.get("proof"))));
            assertEquals(0, ok.exit(), ok.out());
        }
        // From size 0: refused (exit 1), even 0 -> 0.
        String empty = v.get("root_by_tree_size").get("0").asText();
        assertEquals(1, CliRun.of("log", "verify-consistency", "--from", "0", "--to", "0", "--old-root", empty,
                "--new-root", empty, "--proof", "").exit());
        // An empty line is the empty leaf.
        Files.writeString(file, "\n");
        assertEquals(v.get("root_by_tree_size").get("1").asText() + "\n", CliRun.of("log", "root", file.toString()).out());
    }

    /** The same commands on PostgreSQL (--db), when scripts/with-postgres.sh provides one. */
    @Test
    void theSameOnPostgres() throws Exception {
        String base = System.getProperty("GOSPLAN_TEST_PG_URL", System.getenv("GOSPLAN_TEST_PG_URL"));
        if (base == null || base.isBlank()) {
            if ("1".equals(System.getProperty("GOSPLAN_SKIP_PG", System.getenv("GOSPLAN_SKIP_PG")))) {
                org.junit.jupiter.api.Assumptions.abort("GOSPLAN_SKIP_PG=1");
            }
            org.junit.jupiter.api.Assertions.fail("GOSPLAN_TEST_PG_URL is not set: run the tests through"
                    + " scripts/with-postgres.sh, or set GOSPLAN_SKIP_PG=1 to skip them explicitly");
        }
        String schema = "cli" + Long.toHexString(System.nanoTime());
        try (var c = java.sql.DriverManager.getConnection(base); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        assertEquals(0, CliRun.of("log", "init", "--db", url, "--origin", "example.org/pg").exit());
        Path in = tmp.resolve("in.txt");
        Files.writeString(in, "one\ntwo\nthree\n");
        CliRun a = CliRun.of("log", "append", "--db", url, in.toString(), "--json");
        assertEquals(0, a.exit(), a.err());
        assertEquals(3, json(a).get("size").asLong());
        assertEquals(0, CliRun.of("log", "verify", "--db", url).exit());
        CliRun cp = CliRun.of("log", "checkpoint", "--db", url);
        assertTrue(cp.out().startsWith("example.org/pg\n3\n"), cp.out());
        assertEquals(3, json(CliRun.of("log", "prove", "--db", url, "--index", "1")).get("size").asLong());
        try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("UPDATE gosplan_log_entries SET data = 'tw0'::bytea WHERE idx = 1");
        }
        CliRun bad = CliRun.of("log", "verify", "--db", url, "--json");
        assertEquals(1, bad.exit());
        assertEquals("entry 1", json(bad).get("problems").get(0).get("where").asText());
    }
}
