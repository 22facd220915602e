package org.gosplan.planner.lp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.Planner;
import org.junit.jupiter.api.Test;

class BasisFinishNoteTest {
    @Test
    void aByProductOnlyIsNamedNotCalledUnmade() throws IOException {
        // The village with every quantity times 1e5 but labour and land as before: PDLP stops short, and the
        // finish cannot start because straw is only ever a by-product. The note said "a product has no technique
        // making it", false of straw, which two techniques make.
        Economy e = EconomyFiles.readEconomy(Path.of("../examples/village.economy.json"));
        Economy odd = PlanUnitsTest.rescaled(e, PlanUnitsTest.filled(e.products(), 1e5),
                PlanUnitsTest.filled(e.resources(), 1e5), PlanUnitsTest.filled(e.techniques(), 1),
                new double[] {e.available(0) / 1e5, e.available(1) / 1e5});
        Plan p = Planner.plan(odd, PlanOptions.fulfil().withMethod(PlanMethod.PDLP));
        String note = p.solver().note();
        assertTrue(note.contains("basis finish gave up"), note);
        assertFalse(note.contains("no technique making it"), note);
        assertTrue(note.contains("'straw'") && note.contains("by-product"), note);
    }
}
