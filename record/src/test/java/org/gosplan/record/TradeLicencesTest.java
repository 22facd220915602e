package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Progress;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.extended.ExtendedPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans of examples/two-republics on the record: steel may be imported into the south (limit 50
 * a year in the file), but only as far as a trade.licensed event allows.
 */
class TradeLicencesTest {
    @TempDir
    Path dir;

    private final NoteSigner operator = NoteSigner.fromSeed("log", new byte[32]);
    private final NoteSigner council = NoteSigner.fromSeed("council", filled(7));

    private static byte[] filled(int b) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) b);
        return s;
    }

    private Record open(MemoryLog log) throws IOException {
        Record r = Record.open(log, dir);
        r.registerMember(council.verifier(), Role.COUNCIL, operator);
        r.publishEconomy(PartsOnTheRecordTest.two(), operator, Progress.NONE);
        Path targets = dir.resolve("t.csv");
        Files.writeString(targets, "product,quantity,weight,region\ngrain,150,,north\n");
        r.setTargets(targets, council);
        return r;
    }

    private static TradeLicences.Licence steel(double limit) {
        return new TradeLicences.Licence("steel", "south", true, limit);
    }

    @Test
    void withoutALicenceNothingIsTradedAsIfTheFileHadNoTrade() throws IOException {
        try (Record r = open(new MemoryLog(operator))) {
            PartPlans.Recorded p = PartPlans.computeAndRecord(r, PlanRecords.latest(r), PlanOptions.DEFAULT, council);
            assertTrue(p.recorded());
            JsonNode doc = PartPlans.document(p.plan(), false);
            assertEquals(0.0, doc.at("/trade/imports/steel@south").asDouble(), 0.0);
            // the reference: the same economy and targets with the trade member deleted from the file
            String text = Files.readString(PartsOnTheRecordTest.two());
            String noTrade = text.replaceAll("(?s)\"trade\": \\[.*?\\],", "").replace("\"tradeBalance\": -10,", "");
            Path file = dir.resolve("no-trade.economy.json");
            Files.writeString(file, noTrade);
            Economy closed = EconomyFiles.readEconomy(file);
            assertTrue(closed.parts().trade().isEmpty());
            Economy withTargets = r.withStoredTargets(closed, r.snapshot().targets().hash());
            assertEquals(ExtendedPlanner.plan(withTargets, ExtendedPlanner.Options.DEFAULT).value(),
                    p.plan().value(), 1e-9);
            Verification v = r.verify(PlanRecords.replayer());
            assertTrue(v.ok(), v.problems().toString());
            assertEquals(1, v.plansReplayed());
        }
    }

    /**
     * Hand-worked: a farm makes 1 grain from 1 hour and 0.5 steel, which only imports give (price
     * 1); grain exports (price 1) pay for them; 100 hours, target 100 grain. Farming x, importing
     * 0.5 x and exporting 0.5 x leaves 0.5 x grain: lambda = 0.5 with all 100 hours (imports 50),
     * x = 2 L and lambda = L / 100 under an import limit L below 50, and 0 with no licence.
     */
    static final String FARM = """
            {"format": "gosplan/economy@1", "name": "farm", "currency": "USD",
             "products": [{"id": "grain", "unit": "t"}, {"id": "steel", "unit": "t"}],
             "resources": [{"id": "labour", "unit": "h", "available": 100}],
             "techniques": [{"id": "farm", "outputs": {"grain": 1}, "inputs": {"labour": 1, "steel": 0.5}}],
             "targets": [{"product": "grain", "quantity": 100}],
             "trade": [{"product": "steel", "importPrice": 1}, {"product": "grain", "exportPrice": 1}]}
            """;

    private Record openFarm(MemoryLog log) throws IOException {
        Record r = Record.open(log, dir);
        r.registerMember(council.verifier(), Role.COUNCIL, operator);
        Path file = dir.resolve("farm.economy.json");
        Files.writeString(file, FARM);
        r.publishEconomy(file, operator, Progress.NONE);
        Path targets = dir.resolve("farm-targets.csv");
        Files.writeString(targets, "product,quantity,weight\ngrain,100,\n");
        r.setTargets(targets, council);
        return r;
    }

    private static TradeLicences.Licence licence(String product, boolean imports, double limit) {
        return new TradeLicences.Licence(product, null, imports, limit);
    }

    private static PartPlans.Recorded plan(Record r) throws IOException {
        PartPlans.Recorded p = PartPlans.computeAndRecord(r, PlanRecords.latest(r), PlanOptions.DEFAULT, r.log()
                .signingKey());
        assertTrue(p.recorded());
        return p;
    }

    @Test
    void aLicenceAllowsTradeUpToItsLimitAndReplayAgrees() throws IOException {
        try (Record r = openFarm(new MemoryLog(operator))) {
            assertEquals(0.0, plan(r).plan().value(), 1e-9, "no licence, no steel, no grain");
            r.append(EventTypes.TRADE_LICENSED, TradeLicences.body(licence("steel", true, 20)), council);
            assertEquals(0.0, plan(r).plan().value(), 1e-9, "steel may come in, but no grain may go out to pay");
            r.append(EventTypes.TRADE_LICENSED, TradeLicences.body(licence("grain", false, Double.POSITIVE_INFINITY)),
                    council);
            PartPlans.Recorded limited = plan(r);
            assertEquals(0.2, limited.plan().value(), 1e-9);
            JsonNode doc = PartPlans.document(limited.plan(), false);
            assertEquals(20, doc.at("/trade/imports/steel").asDouble(), 1e-9);
            assertEquals(20, doc.at("/trade/exports/grain").asDouble(), 1e-9);
            r.append(EventTypes.TRADE_LICENSED, TradeLicences.body(licence("steel", true, Double.POSITIVE_INFINITY)),
                    council);
            PartPlans.Recorded open = plan(r);
            assertEquals(0.5, open.plan().value(), 1e-9);
            assertEquals(2, open.licences().size(), "the later steel licence replaces the earlier");
            Verification v = r.verify(PlanRecords.replayer());
            assertTrue(v.ok(), v.problems().toString());
            assertEquals(4, v.plansReplayed());
        }
    }

    @Test
    void aForgedPlanTradingWithoutALicenceIsCaughtByReplay() throws IOException {
        try (Record r = open(new MemoryLog(operator))) {
            PartPlans.Recorded honest = PartPlans.computeAndRecord(r, PlanRecords.latest(r), PlanOptions.DEFAULT,
                    operator);
            ObjectNode forged = PartPlans.document(honest.plan(), false);
            ((ObjectNode) forged.at("/years/1/imports")).put("steel@south", 40);
            ((ObjectNode) forged.at("/trade/imports")).put("steel@south", 40);
            String hash = r.content().put(Canonical.bytes(forged));
            JsonNode event = r.event(r.log().size() - 1).body();
            ObjectNode body = event.deepCopy();
            body.put("plan", hash);
            r.append(EventTypes.PLAN_COMPUTED, body, council);
            Verification v = r.verify(PlanRecords.replayer());
            assertEquals(1, v.problems().size(), v.problems().toString());
            String why = v.problems().get(0);
            assertTrue(why.contains("imports 40") && why.contains("steel@south") && why.contains("year 1")
                    && why.contains("without a licence"), why);
        }
    }

    @Test
    void aForgedPlanTradingBeyondItsLicencesLimitIsCaughtByReplay() throws IOException {
        try (Record r = openFarm(new MemoryLog(operator))) {
            r.append(EventTypes.TRADE_LICENSED, TradeLicences.body(licence("steel", true, 20)), council);
            r.append(EventTypes.TRADE_LICENSED, TradeLicences.body(licence("grain", false, Double.POSITIVE_INFINITY)),
                    council);
            PartPlans.Recorded honest = plan(r);
            ObjectNode forged = PartPlans.document(honest.plan(), false);
            // the plan as it would be with the import limit stretched to 30: lambda 0.3
            ((ObjectNode) forged.at("/trade/imports")).put("steel", 30);
            ((ObjectNode) forged.at("/trade/exports")).put("grain", 30);
            forged.put("value", 0.3);
            ObjectNode body = r.event(r.log().size() - 1).body().deepCopy();
            body.put("plan", r.content().put(Canonical.bytes(forged)));
            body.put("value", 0.3);
            r.append(EventTypes.PLAN_COMPUTED, body, council);
            Verification v = r.verify(PlanRecords.replayer());
            assertEquals(1, v.problems().size(), v.problems().toString());
            String why = v.problems().get(0);
            assertTrue(why.contains("imports 30.0 of 'steel' beyond its licence's limit 20.0"), why);
            assertTrue(!why.contains("grain"), "the grain exports are licensed without a limit: " + why);
        }
    }

    @Test
    void malformedLicencesAreRefusedAndOnlyOperatorsAndCouncilsMayLicense() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = open(log)) {
            ObjectNode b = TradeLicences.body(steel(1));
            b.put("direction", "smuggle");
            assertThrows(RecordException.class, () -> r.append(EventTypes.TRADE_LICENSED, b, council));
            ObjectNode negative = TradeLicences.body(steel(1));
            negative.put("limit", -1);
            assertThrows(RecordException.class, () -> r.append(EventTypes.TRADE_LICENSED, negative, council));
            NoteSigner citizen = NoteSigner.fromSeed("citizen", filled(9));
            r.registerMember(citizen.verifier(), Role.CITIZEN, operator);
            long size = log.size();
            RecordException x = assertThrows(RecordException.class,
                    () -> r.append(EventTypes.TRADE_LICENSED, TradeLicences.body(steel(1)), citizen));
            assertTrue(x.getMessage().contains("may not record trade.licensed"), x.getMessage());
            assertEquals(size, log.size(), "nothing recorded");
            assertNull(TradeLicences.problem(TradeLicences.body(steel(Double.POSITIVE_INFINITY))));
        }
    }
}
