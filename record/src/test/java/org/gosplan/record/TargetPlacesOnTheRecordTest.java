package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyException;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Progress;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.extended.ExtendedObjectives;
import org.gosplan.planner.extended.ExtendedPlan;
import org.gosplan.planner.extended.ExtendedPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Targets of a federation planned over years, set on the record with their republic and year
 * (targets.csv's {@code region} and {@code year} columns, formats.md section 5): the recorded plan
 * is the plan of the same targets written inside the economy file, replay gives the same hash, and
 * a plan forged with the targets moved to another republic is caught.
 */
class TargetPlacesOnTheRecordTest {
    @TempDir
    Path dir;

    private final NoteSigner operator = NoteSigner.fromSeed("log", new byte[32]);
    private final NoteSigner council = NoteSigner.fromSeed("council", filled(7));

    private static byte[] filled(int b) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) b);
        return s;
    }

    static final String TARGETS = "product,quantity,weight,region,year\n"
            + "grain,100,,north,\ngrain,90,,south,1\ngrain,130,,south,2\n";

    /** examples/two-republics with the same targets written in its JSON, and its trade closed as on a log without licences. */
    private Economy reference() throws IOException {
        String text = Files.readString(PartsOnTheRecordTest.two());
        String targets = "\"targets\": [{\"product\": \"grain\", \"quantity\": 100, \"region\": \"north\"},"
                + " {\"product\": \"grain\", \"quantity\": 90, \"region\": \"south\", \"year\": 1},"
                + " {\"product\": \"grain\", \"quantity\": 130, \"region\": \"south\", \"year\": 2}],";
        String changed = text.replaceAll("(?s)\"targets\": \\[.*?\\],", targets);
        assertNotEquals(text, changed);
        Path file = dir.resolve("reference.economy.json");
        Files.writeString(file, changed);
        return TradeLicences.apply(EconomyFiles.readEconomy(file), List.of());
    }

    private Record open(MemoryLog log) throws IOException {
        Record r = Record.open(log, dir);
        r.registerMember(council.verifier(), Role.COUNCIL, operator);
        r.publishEconomy(PartsOnTheRecordTest.two(), operator, Progress.NONE);
        Path targets = dir.resolve("t.csv");
        Files.writeString(targets, TARGETS);
        r.setTargets(targets, council);
        return r;
    }

    @Test
    void aTwoRepublicTwoYearPlanKeepsItsTargetsPlacesAndReplays() throws IOException {
        try (Record r = open(new MemoryLog(operator))) {
            String stored = new String(r.content().open(r.snapshot().targets().hash()).readAllBytes());
            assertTrue(stored.startsWith("product,quantity,weight,region,year\n") && stored.contains("grain,90,1,south,1"),
                    stored);
            PartPlans.Recorded p = PartPlans.computeAndRecord(r, PlanRecords.latest(r), PlanOptions.DEFAULT, council);
            assertTrue(p.recorded());
            ExtendedPlan direct = ExtendedObjectives.plan(reference(), ExtendedPlanner.Options.DEFAULT,
                    PlanOptions.DEFAULT);
            assertEquals("optimal", direct.status());
            assertEquals(Canonical.sha256(Canonical.bytes(PartPlans.document(direct, false))), p.hash(),
                    "the plan on the record is that of the targets inside the economy file");
            JsonNode doc = PartPlans.document(p.plan(), false);
            // each republic has its own λ from its own targets (before, every target fell to the first republic)
            assertTrue(doc.at("/regions/south/lambda").isNumber(), doc.at("/regions").toString());
            assertTrue(doc.at("/regions/north/lambda").isNumber(), doc.at("/regions").toString());
            Verification v = r.verify(PlanRecords.replayer());
            assertTrue(v.ok(), v.problems().toString());
            assertEquals(1, v.plansReplayed());
        }
    }

    @Test
    void aPlanForgedWithTheTargetsInAnotherRepublicIsCaughtByReplay() throws IOException {
        try (Record r = open(new MemoryLog(operator))) {
            PartPlans.Recorded honest = PartPlans.computeAndRecord(r, PlanRecords.latest(r), PlanOptions.DEFAULT,
                    council);
            Economy e = PlanRecords.latest(r).economy();
            int[] product = new int[e.targets()];
            double[] quantity = new double[e.targets()];
            double[] weight = new double[e.targets()];
            int[] region = new int[e.targets()];
            int[] year = new int[e.targets()];
            for (int i = 0; i < e.targets(); i++) {
                product[i] = e.targetProduct(i);
                quantity[i] = e.targetQuantity(i);
                weight[i] = e.targetWeight(i);
                year[i] = e.parts().targetYear(i);
                region[i] = 0; // every target claimed for the north
            }
            Economy moved = TradeLicences.apply(e.withTargets(product, quantity, weight, region, year), List.of());
            ExtendedPlan forgedPlan = ExtendedPlanner.plan(moved, ExtendedPlanner.Options.DEFAULT);
            ObjectNode forged = PartPlans.document(forgedPlan, false);
            String hash = r.content().put(Canonical.bytes(forged));
            assertNotEquals(honest.hash(), hash);
            ObjectNode body = r.event(r.log().size() - 1).body().deepCopy();
            body.put("plan", hash);
            body.put("value", forgedPlan.value());
            r.append(EventTypes.PLAN_COMPUTED, body, council);
            Verification v = r.verify(PlanRecords.replayer());
            assertEquals(1, v.problems().size(), v.problems().toString());
            assertTrue(v.problems().get(0).contains("instead of the recorded " + hash), v.problems().get(0));
        }
    }

    @Test
    void aPlanRecordedBeforeTheStagesReplaysWithoutThemAndMinResourceReplays() throws IOException {
        try (Record r = open(new MemoryLog(operator))) {
            PartPlans.Recorded staged = PartPlans.computeAndRecord(r, PlanRecords.latest(r), PlanOptions.DEFAULT,
                    council);
            assertTrue(PartPlans.document(staged.plan(), false).has("leastUse"));
            // as the previous session recorded it: leastUse among the options (one-year plans had the stages),
            // no partsLeastUse, and a plan without stages
            ExtendedPlan old = ExtendedPlanner.plan(TradeLicences.apply(PlanRecords.latest(r).economy(), List.of()),
                    ExtendedPlanner.Options.DEFAULT);
            ObjectNode body = r.event(r.log().size() - 1).body().deepCopy();
            ((ObjectNode) body.get("options")).remove(PartPlans.STAGES);
            assertTrue(body.get("options").get("leastUse").asBoolean());
            body.put("plan", r.content().put(Canonical.bytes(PartPlans.document(old, false))));
            r.append(EventTypes.PLAN_COMPUTED, body, council);
            PartPlans.Recorded least = PartPlans.computeAndRecord(r, PlanRecords.latest(r),
                    PlanOptions.minResource("labour-s"), council);
            assertTrue(least.recorded());
            assertEquals("min-resource", PartPlans.document(least.plan(), false).get("objective").asText());
            Verification v = r.verify(PlanRecords.replayer());
            assertTrue(v.ok(), v.problems().toString());
            assertEquals(3, v.plansReplayed());
        }
    }

    @Test
    void targetsWithoutTheirRepublicAreRefusedAndNothingIsRecorded() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            r.publishEconomy(PartsOnTheRecordTest.two(), operator, Progress.NONE);
            Path targets = dir.resolve("bad.csv");
            Files.writeString(targets, "product,quantity,weight,region\ngrain,100,,north\ngrain,100,,sout\n");
            long size = log.size();
            EconomyException x = assertThrows(EconomyException.class, () -> r.setTargets(targets, operator));
            assertTrue(x.getMessage().contains("bad.csv:3") && x.getMessage().contains("south"), x.getMessage());
            assertEquals(size, log.size(), "nothing recorded");
        }
    }
}
