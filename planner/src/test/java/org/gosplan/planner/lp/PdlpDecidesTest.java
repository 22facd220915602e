package org.gosplan.planner.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Progress;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.Planner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, tried as a new user: PDLP detects an unbounded or infeasible problem only through a ray it may never
 * converge to. Where it ends unproven, the planner decides the question with the simplex method and reports it as
 * GLOP does, with GLOP's diagnosis.
 */
class PdlpDecidesTest {
    @TempDir
    Path tmp;

    static Economy example(String name) throws IOException {
        return EconomyFiles.read(Paths.get(System.getProperty("gosplan.root", "..")).resolve("examples/" + name),
                Progress.NONE).economy();
    }

    static void sameAnswer(Plan glop, Plan pdlp) {
        assertEquals(glop.status(), pdlp.status(), pdlp.solver().note());
        assertEquals("pdlp", pdlp.solver().method());
        assertEquals(glop.diagnosis(), pdlp.diagnosis());
    }

    /**
     * The Leontief 1958 economy: targets, no resource, no capacity, so λ has no bound. PDLP's λ grew past 6e5 and it
     * stopped at its iteration limit (twice: with and without its own equilibration), and the plan said limit.
     */
    @Test
    void leontief1958IsUnboundedUnderPdlpAsUnderGlop() throws IOException {
        Economy e = example("leontief-1958.economy.json");
        Plan glop = Planner.plan(e, PlanOptions.fulfil().withMethod(PlanMethod.SIMPLEX));
        assertEquals(PlanStatus.UNBOUNDED, glop.status());
        Plan pdlp = Planner.plan(e, PlanOptions.fulfil().withMethod(PlanMethod.PDLP));
        sameAnswer(glop, pdlp);
        assertTrue(pdlp.solver().note().contains("finds the problem unbounded")
                || !pdlp.solver().note().contains("iterate"), pdlp.solver().note());
    }

    /**
     * Min-resource on the same technology with a limited resource that cannot make the targets: infeasible under
     * either method, with the same irreducible set of targets and limits.
     */
    @Test
    void anInfeasibleMinResourcePlanIsInfeasibleUnderPdlpAsUnderGlop() throws IOException {
        String json = Files.readString(Paths.get(System.getProperty("gosplan.root", ".."))
                .resolve("examples/leontief-1958.economy.json"));
        // every technique needs labour (1 a unit of output); 100,000 is less than the 1958 gross output needs
        json = json.replace("\"resources\": [],", "\"resources\": [{\"id\": \"labour\", \"unit\": \"hours\","
                + " \"available\": 100000}],");
        json = json.replace("\"inputs\": {", "\"inputs\": {\"labour\": 1.0,");
        Path file = tmp.resolve("leontief-labour.economy.json");
        Files.writeString(file, json);
        Economy e = EconomyFiles.read(file, Progress.NONE).economy();
        PlanOptions o = PlanOptions.minResource("labour");
        Plan glop = Planner.plan(e, o.withMethod(PlanMethod.SIMPLEX));
        assertEquals(PlanStatus.INFEASIBLE, glop.status());
        sameAnswer(glop, Planner.plan(e, o.withMethod(PlanMethod.PDLP)));
    }
}
