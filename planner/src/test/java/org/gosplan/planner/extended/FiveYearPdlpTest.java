package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Paths;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Progress;
import org.gosplan.planner.PlanOptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, tried as a new user: the bundled five-year plan under {@code --method pdlp} left its least-use stage
 * unproven ({@code limit}). PDLP's plan must be optimal with every stage proven, and λ of every year the same as
 * GLOP's to 1e-9.
 */
class FiveYearPdlpTest {
    @Test
    void theFiveYearPlanUnderPdlpIsOptimalWithTheLambdaOfGlop() throws IOException {
        Economy e = EconomyFiles.read(Paths.get(System.getProperty("gosplan.root", ".."))
                .resolve("examples/five-year-plan.economy.json"), Progress.NONE).economy();
        ExtendedPlan glop = ExtendedObjectives.plan(e, ExtendedPlanner.Options.DEFAULT, PlanOptions.fulfil());
        ExtendedPlan pdlp = ExtendedObjectives.plan(e, new ExtendedPlanner.Options(true, 1e-7, 0),
                PlanOptions.fulfil());
        assertEquals("optimal", glop.status());
        assertEquals("optimal", pdlp.status(), pdlp.note());
        assertNull(pdlp.note(), "every stage proven");
        assertEquals(glop.stages().size(), pdlp.stages().size());
        assertEquals(glop.years(), pdlp.years());
        for (int y = 0; y < glop.years(); y++) {
            assertEquals(glop.yearLambda(y), pdlp.yearLambda(y), 1e-9 * glop.yearLambda(y), "year " + (y + 1));
        }
        assertEquals(6.581465070379, pdlp.value(), 1e-9);
    }
}
