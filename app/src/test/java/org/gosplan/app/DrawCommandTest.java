package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.gosplan.ledger.Log;
import org.gosplan.record.Keys;
import org.gosplan.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gosplan draw} on files and on the record, {@code record draw} and {@code verify}'s recomputation. */
class DrawCommandTest {
    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static void ok(CliRun r) {
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    /** Alternate(200, 20) of Flanigan et al. (Nature 2021, SI S6): everyone 10%, the lone conservative woman too. */
    private Path alternate() throws IOException {
        StringBuilder b = new StringBuilder("id,gender,leaning\n");
        for (int i = 1; i <= 200; i++) {
            b.append("p").append(i).append(',').append(i <= 100 ? "female" : "male").append(',')
                    .append(i == 1 || i > 100 ? "conservative" : "liberal").append('\n');
        }
        return file("people.csv", b.toString());
    }

    @Test
    void onFilesTheProbabilitiesAndThePanelOfTheSeed() throws IOException {
        Path quotas = file("categories.csv", "category,feature,min,max\ngender,female,9,20\ngender,male,9,20\n"
                + "leaning,liberal,9,20\nleaning,conservative,9,20\n");
        CliRun r = CliRun.of("draw", "--pool", alternate().toString(), "--panel", "20", "--quotas", quotas.toString(),
                "--seed", "03e9", "--json");
        ok(r);
        JsonNode o = JsonOutputTest.oneDocument(r);
        assertEquals(200, o.get("pool").asInt());
        assertEquals(0.1, o.get("minProbability").asDouble(), 1e-9);
        assertEquals(0.1, o.get("probabilities").get("p1").asDouble(), 1e-9);
        assertEquals(1000, o.get("panels").asInt());
        assertEquals(1, o.get("index").asInt(), "0x03e9 = 1001, mod 1000 = 1");
        assertEquals(20, o.get("panel").size());
        CliRun again = CliRun.of("draw", "--pool", alternate().toString(), "--panel", "20", "--quotas",
                quotas.toString(), "--seed", "03e9", "--json");
        assertEquals(o.get("panel"), JsonOutputTest.oneDocument(again).get("panel"), "the same input, the same panel");
    }

    @Test
    void infeasibleQuotasExitTwoNamingThem() throws IOException {
        Path quotas = file("q.csv", "attr,value,min,max\ngender,female,12,20\ngender,male,9,20\n"
                + "leaning,liberal,0,20\n");
        CliRun r = CliRun.of("draw", "--pool", alternate().toString(), "--panel", "20", "--quotas", quotas.toString(),
                "--json");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.noStackTrace(), r.err());
        JsonNode e = JsonOutputTest.oneDocument(r).get("errors").get(0);
        assertEquals("q.csv", e.get("where").asText());
        assertTrue(e.get("message").asText().contains("gender=female at least 12"), e.toString());
        assertTrue(e.get("message").asText().contains("gender=male at least 9"), e.toString());
        assertTrue(!e.get("message").asText().contains("liberal"), "a quota not in the conflict is not named");
        assertEquals(2, CliRun.of("draw", "--pool", alternate().toString(), "--panel", "201").exit());
        assertEquals(2, CliRun.of("draw", "--pool", alternate().toString(), "--panel", "2", "--seed", "xyz").exit());
    }

    private String key(String name) throws IOException {
        Path f = tmp.resolve(name + ".key");
        ok(CliRun.of("key", "new", f.toString(), "--name", name));
        return f.toString();
    }

    private static String vkey(String keyFile) {
        return CliRun.of("key", "show", keyFile).out().strip();
    }

    private static String signer(String keyFile) throws IOException {
        return Keys.signerName(Keys.read(Path.of(keyFile)).verifier());
    }

    private long size(String dir) throws IOException {
        try (Log log = Log.open(Path.of(dir))) {
            return log.size();
        }
    }

    @Test
    void onTheRecordTheSeedIsTheRootTheSecretsAndTheIndexAndVerifyRecomputesIt() throws Exception {
        String dir = tmp.resolve("log").toString();
        ok(CliRun.of("log", "init", dir, "--origin", "example.org/draw"));
        String north = key("north");
        String south = key("south");
        ok(CliRun.of("record", dir, "member", vkey(north), "--role", "council", "--council", "north"));
        ok(CliRun.of("record", dir, "member", vkey(south), "--role", "council", "--council", "south"));
        // six inspectors: one of the bakery (never its inspector), two of its region (excluded), three who may go
        String[][] inspectors = {{"ann", "unit=bakery", "gender=f"}, {"bob", "region=north", "gender=m"},
            {"cat", "region=north", "gender=f"}, {"dan", "region=south", "gender=m"}, {"eve", "region=south",
                "gender=f"}, {"fay", "region=east", "gender=f"}};
        List<String> keys = new ArrayList<>();
        for (String[] i : inspectors) {
            keys.add(key(i[0]));
            ok(CliRun.of("record", dir, "member", vkey(keys.get(keys.size() - 1)), "--role", "inspector", "--attr",
                    i[1], "--attr", i[2]));
        }
        ok(CliRun.of("record", dir, "economy", CliRun.examples().resolve("village.economy.json").toString()));
        ok(CliRun.of("record", dir, "unit", "bakery", "--techniques", "bakery", "--attr", "region=north"));
        Path quotas = file("quotas.csv", "attr,value,min,max\ngender,m,1,1\ngender,f,1,1\n");
        long drawAt = size(dir) + 3;
        CliRun ordered = CliRun.of("record", dir, "inspection", "--unit", "bakery", "--panel", "2", "--quotas",
                quotas.toString(), "--exclude-attr", "region", "--draw-at", Long.toString(drawAt), "--key", north,
                "--json");
        ok(ordered);
        long inspection = JsonOutputTest.oneDocument(ordered).get("index").asLong();
        byte[] s1 = HexFormat.of().parseHex("11".repeat(32));
        byte[] s2 = HexFormat.of().parseHex("22".repeat(32));
        ok(CliRun.of("record", dir, "commit", "--inspection", Long.toString(inspection), "--hash", sha256hex(s1),
                "--key", north));
        ok(CliRun.of("record", dir, "commit", "--inspection", Long.toString(inspection), "--hash", sha256hex(s2),
                "--key", south));
        assertEquals(drawAt, size(dir));
        CliRun early = CliRun.of("draw", dir, Long.toString(inspection));
        assertEquals(2, early.exit(), early.out() + early.err());
        assertTrue(early.err().contains("waits for the reveals of"), early.err());
        ok(CliRun.of("record", dir, "reveal", "--inspection", Long.toString(inspection), "--secret",
                HexFormat.of().formatHex(s2), "--key", south));
        ok(CliRun.of("record", dir, "reveal", "--inspection", Long.toString(inspection), "--secret",
                HexFormat.of().formatHex(s1), "--key", north));
        CliRun drawn = CliRun.of("draw", dir, Long.toString(inspection), "--json");
        ok(drawn);
        JsonNode d = JsonOutputTest.oneDocument(drawn);
        assertEquals(3, d.get("pool").asInt(), "dan, eve and fay: ann is the bakery's, bob and cat share its region");
        assertEquals(2, d.get("secrets").asInt());
        // the seed, computed here: the root at drawAt, the secrets in log order (south revealed first), the index
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Record r = Record.open(Log.open(Path.of(dir)))) {
            md.update(HexFormat.of().parseHex(r.log().root(drawAt)));
        }
        md.update(s2);
        md.update(s1);
        md.update(ByteBuffer.allocate(8).putLong(inspection).array());
        assertEquals(HexFormat.of().formatHex(md.digest()), d.get("seed").asText());
        // dan is the only man: on every panel; eve and fay share the woman's seat, each half the time
        assertEquals(1.0, d.get("probabilities").get(signer(keys.get(3))).asDouble(), 1e-9);
        assertEquals(0.5, d.get("probabilities").get(signer(keys.get(4))).asDouble(), 1e-9);
        assertEquals(0.5, d.get("minProbability").asDouble(), 1e-9);
        assertTrue(d.get("panel").toString().contains(signer(keys.get(3))), d.toString());
        ok(CliRun.of("record", dir, "draw", Long.toString(inspection), "--key", north));
        CliRun verified = CliRun.of("verify", dir, "--json");
        ok(verified);
        assertEquals(1, JsonOutputTest.oneDocument(verified).get("drawsRecomputed").asInt());

        // a second inspection of the bakery, whose draw.made is made by hand: verify finds it false
        long drawAt2 = size(dir) + 3;
        CliRun second = CliRun.of("record", dir, "inspection", "--unit", "bakery", "--panel", "1", "--exclude-attr",
                "region", "--draw-at", Long.toString(drawAt2), "--key", south, "--json");
        ok(second);
        long inspection2 = JsonOutputTest.oneDocument(second).get("index").asLong();
        ok(CliRun.of("record", dir, "commit", "--inspection", Long.toString(inspection2), "--hash", sha256hex(s1),
                "--key", north));
        ok(CliRun.of("record", dir, "commit", "--inspection", Long.toString(inspection2), "--hash", sha256hex(s2),
                "--key", south));
        ok(CliRun.of("record", dir, "reveal", "--inspection", Long.toString(inspection2), "--secret",
                HexFormat.of().formatHex(s1), "--key", north));
        ok(CliRun.of("record", dir, "reveal", "--inspection", Long.toString(inspection2), "--secret",
                HexFormat.of().formatHex(s2), "--key", south));
        JsonNode d2 = JsonOutputTest.oneDocument(CliRun.of("draw", dir, Long.toString(inspection2), "--json"));
        assertNotEquals(d.get("seed"), d2.get("seed"));
        String truth = d2.get("panel").get(0).asText();
        // the last panel to inspect the bakery does not inspect it again: of dan, eve and fay only the woman not
        // drawn the first time remains
        assertEquals(1, d2.get("pool").asInt(), d2.toString());
        assertTrue(!d.get("panel").toString().contains(truth), "not twice in a row on the same unit");
        String liar = truth.equals(signer(keys.get(5))) ? signer(keys.get(4)) : signer(keys.get(5));
        String probabilities;
        try (Record r = Record.open(Log.open(Path.of(dir)))) {
            probabilities = r.content().put("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path forged = file("forged.json", "{\"type\": \"draw.made\", \"body\": {\"inspection\": " + inspection2
                + ", \"seed\": \"" + d2.get("seed").asText() + "\", \"panel\": [\"" + liar + "\"],"
                + " \"probabilities\": \""
                + probabilities + "\"}}");
        ok(CliRun.of("record", dir, "event", forged.toString(), "--key", south));
        CliRun caught = CliRun.of("verify", dir);
        assertEquals(1, caught.exit(), caught.out() + caught.err());
        assertTrue(caught.out().contains("is not the one the seed draws"), caught.out());
        assertTrue(caught.out().contains("are not the recomputed ones"), caught.out());
    }

    private static String sha256hex(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
