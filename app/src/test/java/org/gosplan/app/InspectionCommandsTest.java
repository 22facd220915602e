package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gosplan.ledger.Log;
import org.gosplan.record.Keys;
import org.gosplan.record.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Units, reports, reconciliation, inspections, findings and answers through the command line
 * (inspection.md), on the village: a farm (grain by hand and by tractor), a tractor plant and a
 * bakery, reporting the recorded plan's levels and the flows between them.
 */
class InspectionCommandsTest {
    @TempDir
    Path tmp;

    private String dir;
    private String farmKey;
    private String bakeryKey;
    private String plantKey;
    private String councilKey;
    private String idaKey;
    private String ivoKey;
    private String plan;
    private JsonNode levels;

    private String key(String name) throws IOException {
        Path f = tmp.resolve(name + ".key");
        ok(CliRun.of("key", "new", f.toString(), "--name", name));
        return f.toString();
    }

    private static String vkey(String keyFile) {
        return CliRun.of("key", "show", keyFile).out().strip();
    }

    private static void ok(CliRun r) {
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    private long size() throws IOException {
        try (Log log = Log.open(Path.of(dir))) {
            return log.size();
        }
    }

    /** Exit 2, {@code what} on standard error, no stack trace, nothing recorded. */
    private void refused(String what, String... args) throws IOException {
        long before = size();
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(what), r.err());
        assertTrue(r.noStackTrace(), r.err());
        assertEquals(before, size(), "nothing recorded");
    }

    private Path file(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private double level(String technique) {
        return levels.get(technique).asDouble();
    }

    @BeforeEach
    void village() throws IOException {
        dir = tmp.resolve("log").toString();
        ok(CliRun.of("log", "init", dir, "--origin", "example.org/inspection"));
        farmKey = key("farm");
        bakeryKey = key("bakery");
        plantKey = key("plant");
        councilKey = key("council");
        idaKey = key("ida");
        ivoKey = key("ivo");
        ok(CliRun.of("record", dir, "member", vkey(farmKey), "--role", "enterprise", "--attr", "unit=farm"));
        ok(CliRun.of("record", dir, "member", vkey(bakeryKey), "--role", "enterprise", "--attr", "unit=bakery"));
        ok(CliRun.of("record", dir, "member", vkey(plantKey), "--role", "enterprise", "--attr", "unit=tractors"));
        ok(CliRun.of("record", dir, "member", vkey(councilKey), "--role", "council", "--council", "north"));
        ok(CliRun.of("record", dir, "member", vkey(idaKey), "--role", "inspector", "--attr", "region=south"));
        ok(CliRun.of("record", dir, "member", vkey(ivoKey), "--role", "inspector", "--attr", "region=south"));
        refused("no economy is recorded yet", "record", dir, "unit", "farm", "--techniques", "grain-by-hand");
        ok(CliRun.of("record", dir, "economy", CliRun.examples().resolve("village.economy.json").toString()));
        ok(CliRun.of("record", dir, "targets", file("targets.csv", "product,quantity,weight\nbread,80000,\n"
                + "straw,20000,0.5\ntractor,50,\n").toString()));
        ok(CliRun.of("plan", "--record", dir));
        ok(CliRun.of("record", dir, "unit", "farm", "--techniques", "grain-by-hand,grain-by-tractor",
                "--attr", "region=north"));
        ok(CliRun.of("record", dir, "unit", "tractors", "--techniques", "tractor-plant"));
        ok(CliRun.of("record", dir, "unit", "bakery", "--techniques", "bakery"));
        try (Record r = Record.open(Log.open(Path.of(dir)))) {
            plan = r.snapshot().plan().hash();
            try (InputStream in = r.content().open(plan)) {
                levels = Json.MAPPER.readTree(in).get("levels");
            }
        }
    }

    /** The unit's honest report at the plan's levels; {@code breadScale} scales the bakery's reported level. */
    private Path report(String unit, double breadScale) throws IOException {
        double hand = level("grain-by-hand");
        double tractor = level("grain-by-tractor");
        double plant = level("tractor-plant");
        double bake = level("bakery");
        ObjectNode o = Json.object();
        o.put("format", "gosplan/report@1").put("unit", unit).put("plan", plan).put("period", "2027-Q1");
        ObjectNode lv = o.putObject("levels");
        ArrayNode out = o.putArray("delivered");
        ArrayNode in = o.putArray("received");
        ObjectNode res = o.putObject("resources");
        switch (unit) {
            case "farm" -> {
                lv.put("grain-by-hand", hand).put("grain-by-tractor", tractor);
                out.addObject().put("product", "grain").put("to", "tractors").put("quantity", 0.5 * plant);
                out.addObject().put("product", "grain").put("to", "bakery").put("quantity", 0.8 * bake);
                in.addObject().put("product", "tractor").put("from", "tractors").put("quantity", 0.001 * tractor);
                res.put("labour", 12 * hand + 3 * tractor).put("land", 0.25 * hand + 0.2 * tractor);
            }
            case "tractors" -> {
                lv.put("tractor-plant", plant);
                out.addObject().put("product", "tractor").put("to", "farm").put("quantity", 0.001 * tractor);
                in.addObject().put("product", "grain").put("from", "farm").put("quantity", 0.5 * plant);
                res.put("labour", 400 * plant);
            }
            default -> {
                lv.put("bakery", bake * breadScale);
                in.addObject().put("product", "grain").put("from", "farm").put("quantity", 0.8 * bake);
                res.put("labour", 2 * bake * breadScale);
            }
        }
        return file(unit + ".report.json", Json.MAPPER.writeValueAsString(o));
    }

    @Test
    void honestReportsReconcileAndAPaperBakeryIsFound() throws IOException {
        CliRun none = CliRun.of("reconcile", dir, "--json");
        assertEquals(1, none.exit(), none.err());
        JsonNode missing = JsonOutputTest.oneDocument(none);
        assertEquals(3, missing.get("units").asInt());
        assertEquals(0, missing.get("reported").asInt());
        assertEquals("missing-report", missing.get("findings").get(0).get("kind").asText());

        ok(CliRun.of("record", dir, "report", report("farm", 1).toString(), "--key", farmKey));
        ok(CliRun.of("record", dir, "report", report("tractors", 1).toString(), "--key", plantKey));
        ok(CliRun.of("record", dir, "report", report("bakery", 1).toString(), "--key", bakeryKey));
        CliRun honest = CliRun.of("reconcile", dir, "--json");
        ok(honest);
        JsonNode doc = JsonOutputTest.oneDocument(honest);
        assertEquals(plan, doc.get("plan").asText());
        assertEquals("2027-Q1", doc.get("period").asText());
        assertEquals(3, doc.get("reported").asInt());
        assertEquals(0, doc.get("findings").size(), doc.toString());
        assertEquals(1.0, doc.get("fulfilment").get("bread").asDouble(), 1e-9);

        // the bakery reports half as much bread again, from the same grain: output on paper
        ok(CliRun.of("record", dir, "report", report("bakery", 1.5).toString(), "--key", bakeryKey));
        CliRun paper = CliRun.of("reconcile", dir, "--json");
        assertEquals(1, paper.exit(), paper.err());
        JsonNode f = JsonOutputTest.oneDocument(paper).get("findings");
        assertEquals(1, f.size(), f.toString());
        assertEquals("inputs-short", f.get(0).get("kind").asText());
        assertEquals("[\"bakery\"]", f.get(0).get("units").toString());
        assertEquals("grain", f.get(0).get("product").asText());
        double bake = level("bakery");
        assertEquals(1.2 * bake, f.get(0).get("expected").asDouble(), 1e-9 * bake);
        assertEquals(0.8 * bake, f.get(0).get("reported").asDouble(), 1e-9 * bake);
        CliRun text = CliRun.of("reconcile", dir);
        assertEquals(1, text.exit());
        assertTrue(text.out().contains("inputs-short: unit bakery reports levels that need"), text.out());
        // an earlier period is still there to reconcile
        assertEquals(0, CliRun.of("reconcile", dir, "--period", "2027-Q1", "--plan", plan, "--tolerance", "0.9")
                .exit());
    }

    @Test
    void everyRefusalOfAUnitOrAReportExitsTwoAndRecordsNothing() throws IOException {
        refused("may not record unit.registered", "record", dir, "unit", "mill", "--techniques", "bakery",
                "--key", councilKey);
        refused("no technique 'baking'", "record", dir, "unit", "mill", "--techniques", "baking");
        String farm = report("farm", 1).toString();
        refused("not of unit 'farm'", "record", dir, "report", farm, "--key", bakeryKey);
        refused("may not record fulfilment.reported", "record", dir, "report", farm, "--key", councilKey);
        Path wrongTechnique = file("w.json", Files.readString(report("bakery", 1)).replaceAll("\"bakery\"\\s*:",
                "\"tractor-plant\":"));
        CliRun j = CliRun.of("record", dir, "report", wrongTechnique.toString(), "--key", bakeryKey, "--json");
        assertEquals(2, j.exit());
        assertEquals("w.json levels.tractor-plant", JsonOutputTest.oneDocument(j).get("errors").get(0).get("where")
                .asText());
        refused("not one of unit 'bakery''s", "record", dir, "report", wrongTechnique.toString(), "--key", bakeryKey);
        refused("no plan " + "ab".repeat(32), "record", dir, "report", file("p.json", Files.readString(report("bakery",
                1)).replace(plan, "ab".repeat(32))).toString(), "--key", bakeryKey);
        refused("unit 'mill' is not registered", "record", dir, "report", file("m.json", Files.readString(
                report("bakery", 1)).replaceAll("\"from\"\\s*:\\s*\"farm\"", "\"from\":\"mill\"")).toString(),
                "--key", bakeryKey);
        refused("no product 'cake'", "record", dir, "report", file("c.json", Files.readString(report("bakery", 1))
                .replaceAll("\"product\"\\s*:\\s*\"grain\"", "\"product\":\"cake\"")).toString(), "--key", bakeryKey);
        refused("b.json:1:", "record", dir, "report", file("b.json", "{\"format\": \"gosplan/report@1\", \"unit\": ")
                .toString(), "--key", bakeryKey);
    }

    @Test
    void anInspectionItsSecretsAFindingFromThePanelOnlyAndTheUnitsAnswer() throws Exception {
        long size = size();
        refused("--draw-at", "record", dir, "inspection", "--unit", "bakery", "--panel", "1", "--draw-at",
                Long.toString(size + 1), "--key", councilKey);
        refused("unit 'mill' is not registered", "record", dir, "inspection", "--unit", "mill", "--panel", "1",
                "--draw-at", Long.toString(size + 10), "--key", councilKey);
        refused("may not record inspection.ordered", "record", dir, "inspection", "--unit", "bakery", "--panel", "1",
                "--draw-at", Long.toString(size + 10), "--key", idaKey);
        CliRun ordered = CliRun.of("record", dir, "inspection", "--unit", "bakery", "--panel", "1", "--exclude-attr",
                "region", "--draw-at", Long.toString(size + 3), "--key", councilKey, "--json");
        ok(ordered);
        long inspection = JsonOutputTest.oneDocument(ordered).get("index").asLong();
        String secret = "5e".repeat(32);
        String hash = java.util.HexFormat.of().formatHex(sha256(java.util.HexFormat.of().parseHex(secret)));
        refused("--hash", "record", dir, "commit", "--inspection", Long.toString(inspection), "--hash", "12",
                "--key", councilKey);
        refused("may not record secret.committed", "record", dir, "commit", "--inspection", Long.toString(inspection),
                "--hash", hash, "--key", idaKey);
        ok(CliRun.of("record", dir, "commit", "--inspection", Long.toString(inspection), "--hash", hash,
                "--key", councilKey));
        refused("revealed once the log has", "record", dir, "reveal", "--inspection", Long.toString(inspection),
                "--secret", secret, "--key", councilKey);
        // the same commitment again, to bring the log to drawAt: signed a second later, or it would be the same
        // event, refused as a replay (event times have one-second precision)
        Thread.sleep(1100);
        ok(CliRun.of("record", dir, "commit", "--inspection", Long.toString(inspection), "--hash", hash,
                "--key", councilKey));
        ok(CliRun.of("record", dir, "reveal", "--inspection", Long.toString(inspection), "--secret", secret,
                "--key", councilKey));
        // the lottery's draw: here a draw.made event as the lottery records it
        String ida;
        String probabilities;
        try (Record r = Record.open(Log.open(Path.of(dir)))) {
            ida = Keys.signerName(Keys.read(Path.of(idaKey)).verifier());
            probabilities = r.content().put("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path draw = file("draw.json", "{\"type\": \"draw.made\", \"body\": {\"inspection\": " + inspection
                + ", \"seed\": \"" + "00".repeat(32) + "\", \"panel\": [\"" + ida + "\"], \"probabilities\": \""
                + probabilities + "\"}}");
        Path finding = file("finding.json", "{\"format\": \"gosplan/finding@1\", \"summary\": \"the bakery's bread"
                + " is on paper\", \"findings\": [], \"verdict\": \"fraud\"}");
        refused("not drawn yet", "record", dir, "finding", finding.toString(), "--inspection",
                Long.toString(inspection), "--key", idaKey);
        ok(CliRun.of("record", dir, "event", draw.toString(), "--key", councilKey));
        refused("is not on inspection " + inspection + "'s drawn panel", "record", dir, "finding", finding.toString(),
                "--inspection", Long.toString(inspection), "--key", ivoKey);
        refused("verdict", "record", dir, "finding", file("bad.json", Files.readString(finding).replace("fraud",
                "guilty")).toString(), "--inspection", Long.toString(inspection), "--key", idaKey);
        CliRun filed = CliRun.of("record", dir, "finding", finding.toString(), "--inspection",
                Long.toString(inspection), "--key", idaKey, "--json");
        ok(filed);
        long f = JsonOutputTest.oneDocument(filed).get("index").asLong();
        Path answer = file("answer.json", "{\"format\": \"gosplan/answer@1\", \"summary\": \"the oven was fixed\"}");
        refused("not of unit 'bakery'", "record", dir, "answer", answer.toString(), "--finding", Long.toString(f),
                "--key", farmKey);
        ok(CliRun.of("record", dir, "answer", answer.toString(), "--finding", Long.toString(f), "--key", bakeryKey));
        // the hand-made draw.made above is not the lottery's (one council's secret, a seed of zeros): verify,
        // which recomputes every draw, says so
        CliRun v = CliRun.of("verify", dir);
        assertEquals(1, v.exit(), v.out() + v.err());
        assertTrue(v.out().contains("the draw cannot be recomputed"), v.out());
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
