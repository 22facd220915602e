package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.Planner;
import org.junit.jupiter.api.Test;

/** The least-use stages on the record (issue 16): replay stays what was recorded, and deterministic. */
class PlanRecordsLeastUseTest {

    @Test
    void optionsNameTheStageAndOldEventsReplayWithoutIt() throws IOException {
        assertTrue(PlanRecords.options(PlanOptions.fulfil()).get("leastUse").asBoolean());
        assertTrue(PlanRecords.options(PlanRecords.options(PlanOptions.fulfil())).leastUse());
        assertFalse(PlanRecords.options(PlanRecords.options(PlanOptions.fulfil().withLeastUse(false))).leastUse());
        // a plan.computed event recorded before the stages existed: replayed as it was planned, without them
        JsonNode old = Canonical.MAPPER.readTree("{\"objective\":\"fulfil\",\"method\":\"auto\",\"tolerance\":1e-7,"
                + "\"timeLimit\":0,\"threads\":0}");
        assertFalse(PlanRecords.options(old).leastUse());
    }

    @Test
    void theHashLeavesOutEveryStagesSecondsAndNothingElse() {
        // land binds, labour does not (the planner's farm): one least-use stage
        EconomyBuilder b = new EconomyBuilder("farm");
        int grain = b.addProduct("grain", "t", null);
        int tractor = b.addProduct("tractor", "pcs", null);
        int bread = b.addProduct("bread", "t", null);
        int labour = b.addResource("labour", "h", 2e6);
        int land = b.addResource("land", "ha", 5e4);
        int tr = b.addTechnique("grain-by-tractor", Double.POSITIVE_INFINITY);
        b.output(tr, grain, 1).productInput(tr, tractor, 0.001).resourceInput(tr, labour, 3).resourceInput(tr, land, 0.2);
        int plant = b.addTechnique("tractor-plant", Double.POSITIVE_INFINITY);
        b.output(plant, tractor, 1).resourceInput(plant, labour, 400);
        int bakery = b.addTechnique("bakery", Double.POSITIVE_INFINITY);
        b.output(bakery, bread, 1).productInput(bakery, grain, 0.8).resourceInput(bakery, labour, 2);
        b.target(bread, 8e4, 1).target(tractor, 53, 1);
        Economy e = b.build();
        Plan p = Planner.plan(e, PlanOptions.fulfil());
        Plan q = Planner.plan(e, PlanOptions.fulfil());
        assertEquals(1, p.leastUse().size());
        ObjectNode withSeconds = PlanRecords.document(p, true);
        ObjectNode without = PlanRecords.document(p, false);
        assertTrue(withSeconds.path("leastUse").path("stages").get(0).has("seconds"));
        assertFalse(without.path("leastUse").path("stages").get(0).has("seconds"));
        assertTrue(without.path("leastUse").path("stages").get(0).has("certificate"));
        assertEquals(PlanRecords.hash(p), PlanRecords.hash(q));
    }
}
