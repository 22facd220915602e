package org.gosplan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.Progress;
import org.gosplan.inspection.Draws;
import org.gosplan.inspection.Inspections;
import org.gosplan.inspection.Reports;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.planner.PlanOptions;
import org.gosplan.record.Keys;
import org.gosplan.record.PlanRecords;
import org.gosplan.record.Record;
import org.gosplan.record.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inspection of the village's bakery, ordered, seeded by two councils' secrets, drawn, found and
 * answered, read through {@code GET /api/inspections/I}: the seed is recomputed here from its
 * inputs (the root at drawAt, the secrets in the order revealed, the index), and the probabilities
 * are the hand-worked ones of this pool (dan the only man: always drawn; eve and fay half each).
 */
class InspectionRoutesTest {
    @TempDir
    Path dir;

    @Test
    void anInspectionShowsItsDrawSeedInputsFindingsAndAnswers() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            Record r = f.record;
            Drawn o = ordered(f, dir);
            long inspection = o.inspection();
            long drawAt = o.drawAt();
            byte[] s1 = o.first();
            byte[] s2 = o.second();
            Map<String, NoteSigner> inspectors = o.inspectors();
            NoteSigner north = NoteSigner.fromSeed("north", Fixture.seed(11));
            NoteSigner bakery = o.bakery();
            JsonNode ordered = Fixture.json(f.get("/api/inspections/" + inspection));
            assertTrue(ordered.get("draw").isNull(), "not drawn yet: " + ordered);
            JsonNode list = Fixture.json(f.get("/api/inspections"));
            assertEquals(1, list.size());
            assertEquals(inspection, list.get(0).get("index").asLong());
            assertEquals("bakery", list.get(0).get("unit").asText());
            assertTrue(list.get(0).get("drawn").isNull());
            assertEquals(drawAt, ordered.get("drawAt").asLong());

            long drawn = Draws.record(r, inspection, north);
            JsonNode i = Fixture.json(f.get("/api/inspections/" + inspection));
            assertEquals(drawn, i.get("drawn").asLong());
            JsonNode d = i.get("draw");
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(HexFormat.of().parseHex(r.log().root(drawAt)));
            md.update(s2);
            md.update(s1);
            md.update(ByteBuffer.allocate(8).putLong(inspection).array());
            assertEquals(HexFormat.of().formatHex(md.digest()), d.get("seed").asText());
            assertEquals(r.log().root(drawAt), d.get("seedInputs").get("root").asText());
            assertEquals(2, d.get("seedInputs").get("secrets").asInt());
            assertTrue(d.get("recomputed").asBoolean(), d.toString());
            JsonNode p = d.get("probabilities").get("probabilities");
            assertEquals(3, p.size(), "bob shares the bakery's region: " + p);
            String dan = Keys.signerName(inspectors.values().toArray(new NoteSigner[0])[1].verifier());
            String eve = Keys.signerName(inspectors.values().toArray(new NoteSigner[0])[2].verifier());
            assertEquals(1.0, p.get(dan).asDouble(), 1e-9);
            assertEquals(0.5, p.get(eve).asDouble(), 1e-9);
            assertEquals(2, d.get("panel").size());

            NoteSigner inspector = inspectors.get(d.get("panel").get(0).asText());
            Path finding = Files.writeString(dir.resolve("finding.json"), "{\"format\": \"gosplan/finding@1\","
                    + " \"summary\": \"the ovens match the books\", \"findings\": [], \"verdict\": \"confirmed\"}");
            long filed = Inspections.file(r, finding, inspection, inspector).index();
            Path answer = Files.writeString(dir.resolve("answer.json"), "{\"format\": \"gosplan/answer@1\","
                    + " \"summary\": \"thank you\"}");
            long answered = Inspections.answer(r, answer, filed, bakery).index();
            JsonNode found = Fixture.json(f.get("/api/inspections/" + inspection)).get("findings");
            assertEquals(1, found.size());
            assertEquals(filed, found.get(0).get("index").asLong());
            assertEquals("confirmed", found.get(0).get("finding").get("verdict").asText());
            assertEquals(answered, found.get(0).get("answers").get(0).get("index").asLong());
            assertEquals("thank you", found.get(0).get("answers").get(0).get("answer").get("summary").asText());

            assertEquals(404, f.get("/api/inspections/" + drawn).statusCode());
            assertEquals(400, f.get("/api/inspections/-1").statusCode());
            assertEquals(200, f.get("/inspections/" + inspection).statusCode());
            assertEquals(200, f.get("/assets/inspections/inspection.js").statusCode());
            assertEquals(404, f.get("/assets/inspections/..%2Fballots%2Fballot.js").statusCode());
        }
    }

    @Test
    void reconcileAnswersAsTheCliWithNoReportsYet() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            Record r = f.record;
            Record.Recorded economy = r.publishEconomy(BrowserTest.village(), f.operator, Progress.NONE);
            ObjectNode targets = Served.object();
            targets.put("hash", r.storeTargets(r.economy(economy.hash())));
            targets.put("economy", economy.hash());
            r.append("targets.set", targets, f.council);
            PlanRecords.computeAndRecord(r, PlanOptions.fulfil(), f.operator);
            Reports.registerUnit(r, "bakery", List.of("bakery"), Map.of(), f.operator);
            JsonNode j = Fixture.json(f.get("/api/reconcile"));
            assertEquals(r.snapshot().plan().hash(), j.get("plan").asText());
            assertEquals(1, j.get("units").asInt(), j.toString());
            assertEquals(0, j.get("reported").asInt());
            assertTrue(j.get("period").isNull(), "no report names a period yet");
            var bad = f.get("/api/reconcile?plan=0000");
            assertEquals(400, bad.statusCode());
            String error = Fixture.json(bad).get("error").asText();
            assertTrue(error.contains("no plan"), error);
            // the API's words: its query parameter, not the command line's --plan
            assertTrue(error.startsWith("query parameter plan: "), error);
            assertTrue(!error.contains("--plan"), error);
            assertEquals(400, f.get("/api/reconcile?tolerance=much").statusCode());
            String tolerance = Fixture.json(f.get("/api/reconcile?tolerance=2")).get("error").asText();
            assertTrue(tolerance.startsWith("query parameter tolerance: 2.0 is not a relative tolerance"), tolerance);
            assertEquals(200, f.get("/fulfilment").statusCode());

            // the plans to choose from, each with the periods units reported on against it
            JsonNode plans = Fixture.json(f.get("/api/plans"));
            assertEquals(1, plans.size(), plans.toString());
            assertEquals(r.snapshot().plan().index(), plans.get(0).get("index").asLong());
            assertEquals(r.snapshot().plan().hash(), plans.get(0).get("plan").asText());
            assertEquals("{}", plans.get(0).get("reports").toString());
            NoteSigner bakery = NoteSigner.fromSeed("bakery", Fixture.seed(30));
            r.registerMember(bakery.verifier(), Role.ENTERPRISE, List.of(), Map.of("unit", "bakery"), f.operator);
            Path report = Files.writeString(dir.resolve("report.json"), "{\"format\": \"gosplan/report@1\","
                    + " \"unit\": \"bakery\", \"plan\": \"" + r.snapshot().plan().hash() + "\", \"period\": \"2027-Q1\","
                    + " \"levels\": {\"bakery\": 1}}");
            Reports.record(r, report, bakery);
            // a unit reporting again (another report: the same one within a second would be a replay) counts once
            Reports.record(r, Files.writeString(report, Files.readString(report).replace("\"bakery\": 1", "\"bakery\": 2")),
                    bakery);
            assertEquals("{\"2027-Q1\":1}", Fixture.json(f.get("/api/plans")).get(0).get("reports").toString());
        }
    }

    /** A drawn inspection and what went into it. */
    record Drawn(long inspection, long drawAt, byte[] first, byte[] second, Map<String, NoteSigner> inspectors,
            NoteSigner bakery) {}

    /**
     * Orders an inspection of the bakery on {@code f}'s record (publishing the village's economy when
     * none is recorded), commits and reveals two councils' secrets (the second revealed first), and
     * leaves it ready to draw.
     */
    static Drawn ordered(Fixture f, Path dir) throws Exception {
        Record r = f.record;
        NoteSigner north = NoteSigner.fromSeed("north", Fixture.seed(11));
        NoteSigner south = NoteSigner.fromSeed("south", Fixture.seed(12));
        r.registerMember(north.verifier(), Role.COUNCIL, List.of("north"), Map.of(), f.operator);
        r.registerMember(south.verifier(), Role.COUNCIL, List.of("south"), Map.of(), f.operator);
        Map<String, NoteSigner> inspectors = new LinkedHashMap<>();
        String[][] people = {{"bob", "north", "m"}, {"dan", "south", "m"}, {"eve", "south", "f"},
            {"fay", "east", "f"}};
        for (int i = 0; i < people.length; i++) {
            NoteSigner k = NoteSigner.fromSeed(people[i][0], Fixture.seed(20 + i));
            r.registerMember(k.verifier(), Role.INSPECTOR, List.of(),
                    Map.of("region", people[i][1], "gender", people[i][2]), f.operator);
            inspectors.put(Keys.signerName(k.verifier()), k);
        }
        NoteSigner bakery = NoteSigner.fromSeed("bakery", Fixture.seed(30));
        r.registerMember(bakery.verifier(), Role.ENTERPRISE, List.of(), Map.of("unit", "bakery"), f.operator);
        if (r.snapshot().economy() == null) {
            r.publishEconomy(BrowserTest.village(), f.operator, Progress.NONE);
        }
        Reports.registerUnit(r, "bakery", List.of("bakery"), Map.of("region", "north"), f.operator);
        Path quotas = Files.writeString(dir.resolve("quotas.csv"), "attr,value,min,max\ngender,m,1,1\n"
                + "gender,f,1,1\n");
        long drawAt = r.log().size() + 3;
        long inspection = Inspections.order(r, "bakery", 2, quotas, List.of("region"), drawAt, north);
        byte[] s1 = HexFormat.of().parseHex("11".repeat(32));
        byte[] s2 = HexFormat.of().parseHex("22".repeat(32));
        Inspections.commit(r, inspection, sha256(s1), north);
        Inspections.commit(r, inspection, sha256(s2), south);
        Inspections.reveal(r, inspection, HexFormat.of().formatHex(s2), south);
        Inspections.reveal(r, inspection, HexFormat.of().formatHex(s1), north);
        return new Drawn(inspection, drawAt, s1, s2, inspectors, bakery);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
