package org.gosplan.planner.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.modelbuilder.ModelBuilderHelper;
import com.google.ortools.modelbuilder.ModelSolverHelper;
import com.google.ortools.modelbuilder.SolveStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanTestEconomies;
import org.gosplan.planner.Planner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported MPS, read back by another reader (OR-Tools' own) and solved, gives the plan's optimum. */
class LpMpsTest {
    @TempDir
    Path tmp;

    static double solveMps(Path file) {
        LpOrTools.load();
        ModelBuilderHelper h = new ModelBuilderHelper();
        assertTrue(h.importFromMpsFile(file.toString()));
        ModelSolverHelper s = new ModelSolverHelper("glop");
        s.solve(h);
        assertEquals(SolveStatus.OPTIMAL, s.getStatus());
        double v = s.getObjectiveValue();
        s.delete();
        h.delete();
        return v;
    }

    @Test
    void fulfilAndMinResourceRoundTrip() throws IOException {
        Economy k = PlanTestEconomies.kantorovichMachines();
        Path f = tmp.resolve("k.mps");
        Planner.exportMps(k, PlanOptions.fulfil(), f);
        assertEquals(-(86 + 2.0 / 3), solveMps(f), 1e-9);
        Economy mb = PlanTestEconomies.millerBlair(Double.NaN);
        Path g = tmp.resolve("mb.mps");
        Planner.exportMps(mb, PlanOptions.minResource("labour"), g);
        assertEquals(600 * 134.0 / 303 + 1500 * 115.0 / 303, solveMps(g), 1e-9);
        Economy r = PlanTestEconomies.random(7, 30, 2, 4, 3, true, true, 0.4);
        Path h = tmp.resolve("r.mps");
        Planner.exportMps(r, PlanOptions.fulfil(), h);
        assertEquals(-Planner.plan(r, PlanOptions.fulfil()).value(), solveMps(h), 1e-9);
        assertTrue(Files.readString(h).contains(" UP BND T"));
    }
}
