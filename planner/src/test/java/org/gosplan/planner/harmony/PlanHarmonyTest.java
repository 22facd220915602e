package org.gosplan.planner.harmony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gosplan.economy.Economy;
import org.gosplan.planner.Certificate;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.PlanTestEconomies;
import org.gosplan.planner.Planner;
import org.junit.jupiter.api.Test;

/**
 * Harmony against the exact LP on every test economy: its plan must be feasible, at most the
 * optimum, and its certificate must bound the optimum; how far it falls short is printed.
 */
class PlanHarmonyTest {

    static double shortfall(Economy e, PlanOptions o) {
        Plan exact = Planner.plan(e, o.withMethod(PlanMethod.SIMPLEX));
        Plan h = Planner.plan(e, o.withMethod(PlanMethod.HARMONY));
        assertEquals(PlanStatus.OPTIMAL, exact.status());
        assertEquals("harmony", h.solver().method());
        Certificate c = h.certificate();
        assertTrue(c.primalInfeasibility() <= 1e-9, e.name() + " " + c);
        if (o.objective() == PlanObjective.FULFIL) {
            assertTrue(h.value() <= exact.value() * (1 + 1e-9), e.name());
            assertTrue(c.dualValue() >= exact.value() * (1 - 1e-9) || c.dualInfeasibility() > 0, e.name() + " " + c);
            return 1 - h.value() / exact.value();
        }
        assertTrue(h.value() >= exact.value() * (1 - 1e-9), e.name());
        return h.value() / exact.value() - 1;
    }

    @Test
    void harmonyFallsShortOfTheOptimumAndSaysByHowMuch() {
        List<String> report = new ArrayList<>();
        double k = shortfall(PlanTestEconomies.kantorovichMachines(), PlanOptions.fulfil());
        report.add(String.format("kantorovich machines: %.2f%% short", 100 * k));
        assertTrue(k < 0.5, "harmony reaches at least half the optimum on Kantorovich's problem: " + k);
        double mb = shortfall(PlanTestEconomies.millerBlair(1000), PlanOptions.fulfil());
        report.add(String.format("miller-blair fulfil: %.2f%% short", 100 * mb));
        double corn = shortfall(PlanTestEconomies.corn(1000, 100, Double.POSITIVE_INFINITY), PlanOptions.fulfil());
        report.add(String.format("corn fulfil: %.2f%% short", 100 * corn));
        double mr = shortfall(PlanTestEconomies.millerBlair(Double.NaN), PlanOptions.minResource("labour"));
        report.add(String.format("miller-blair min-labour: %.2f%% more labour", 100 * mr));
        for (long seed = 1; seed <= 5; seed++) {
            Economy e = PlanTestEconomies.random(seed, 30, 2, 4, 3, true, true, 0.4);
            double r = shortfall(e, PlanOptions.fulfil());
            report.add(String.format("random %d fulfil (capacities, 3 resources): %.2f%% short", seed, 100 * r));
        }
        System.out.println("harmony against the exact LP:\n  " + String.join("\n  ", report));
    }

    @Test
    void harmonyCutOffByItsTimeLimitSaysItIsNotReproducible() {
        Economy e = PlanTestEconomies.random(5, 300, 2, 4, 3, true, true, 0.5);
        Plan whole = Planner.plan(e, PlanOptions.fulfil().withMethod(PlanMethod.HARMONY));
        assertTrue(whole.solver().deterministic(), whole.solver().note());
        // a limit far below one block of 64 iterations: stopped at the first look at the clock
        Plan cut = Planner.plan(e, PlanOptions.fulfil().withMethod(PlanMethod.HARMONY).withTimeLimit(1e-9));
        assertEquals(64, cut.solver().iterations(), cut.solver().note());
        assertFalse(cut.solver().deterministic(), cut.solver().note());
        assertTrue(cut.solver().note().contains("time limit"), cut.solver().note());
    }
}
