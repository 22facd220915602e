package org.gosplan.planner.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.gosplan.economy.Economy;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.PlanTestEconomies;
import org.gosplan.planner.Planner;
import org.junit.jupiter.api.Test;

/**
 * No method runs without bound on a small LP. The economies are two that PlanUnitsTest's random draws met
 * (found by drawing its inputs under a CPU limit per plan, 2026-12-07): on the first PDLP never reached its
 * tolerance (the hang of a CI run: over 1,000 s of CPU), on the second GLOP without presolve pivoted on a
 * least-use stage for as long as it was let. Each test fails by its timeout if a bound is lost, rather than hang.
 */
class PlanBoundTest {

    /** The units property's economy for these inputs, and its copy in other units. */
    static Economy[] economies(long seed, int n, boolean joint, boolean minResource) {
        Economy e = joint ? PlanTestEconomies.randomJoint(seed, n, minResource)
                : PlanTestEconomies.random(seed, n, 2, 4, 3, !minResource, !minResource, 0.4);
        Random rnd = new Random(seed);
        double[] kp = PlanUnitsTest.powersOfTen(rnd, e.products());
        double[] kr = PlanUnitsTest.powersOfTen(rnd, e.resources());
        double[] kt = PlanUnitsTest.powersOfTen(rnd, e.techniques());
        return new Economy[] {e, PlanUnitsTest.rescaled(e, kp, kr, kt)};
    }

    /**
     * A 24-product joint economy, fulfil: on its scaled LP of one pass of the least squares PDLP's iterate stopped at a
     * relative gap of -4.1e-8 from iteration 15,000 on (ε = 1e-8) and PDLP ran for ever; it stops after {@link
     * LpOrTools#stallIterations} and runs again without its own equilibration. On the LP of Scaling's two passes
     * (and PDLP's grid) it no longer stalls, so the bound is lowered here ({@code gosplan.pdlp.stall=0}: 100 per
     * row and column) to take that path: the plan, in either unit, is still optimal with the λ of the simplex method.
     */
    @Test
    void pdlpThatStallsIsStoppedAndSolvedAgain() {
        System.setProperty("gosplan.pdlp.stall", "0");
        try {
            Economy[] es = economies(2014823036402564350L, 24, true, false);
            PlanOptions o = PlanOptions.fulfil().withMethod(PlanMethod.PDLP);
            LpModel m = Scaling.of(LpPlanner.model(es[0], o)).model();
            double simplex = Planner.plan(es[0], PlanOptions.fulfil().withMethod(PlanMethod.SIMPLEX)).value();
            for (Economy e : es) {
                Plan p = assertTimeoutPreemptively(Duration.ofSeconds(300), () -> Planner.plan(e, o));
                assertEquals(PlanStatus.OPTIMAL, p.status(), p.solver().toString());
                assertTrue(p.solver().method().startsWith("pdlp"), p.solver().toString());
                assertTrue(p.solver().note().contains(String.format(java.util.Locale.ROOT, "PDLP stalled short of its"
                        + " tolerance in %,d iterations", LpOrTools.stallIterations(m))), p.solver().note());
                assertTrue(p.certificate().proves(o.tolerance()), p.certificate().toString());
                // λ has no unit: the same in the copy
                assertEquals(simplex, p.value(), 1e-9 * simplex, p.solver().toString());
            }
        } finally {
            System.clearProperty("gosplan.pdlp.stall");
        }
    }

    /**
     * A 15-product joint economy, min-resource, auto: GLOP's answer on the least-use stage of the unlimited
     * resources did not prove itself to 1e-9, and its second try, without presolve and scaling at tolerances near
     * rounding, pivoted for ever; now it stops at {@link LpOrTools#glopIterations} and the first answer stands.
     * Both units give the minimum of the simplex method on the original.
     */
    @Test
    void glopWithoutPresolveIsStoppedOnALeastUseStage() {
        Economy[] es = economies(7649676329090495332L, 15, true, true);
        PlanOptions o = PlanOptions.minResource("r0");
        Plan a = assertTimeoutPreemptively(Duration.ofSeconds(300), () -> Planner.plan(es[0], o));
        Plan b = assertTimeoutPreemptively(Duration.ofSeconds(300), () -> Planner.plan(es[1], o));
        for (Plan p : new Plan[] {a, b}) {
            assertEquals(PlanStatus.OPTIMAL, p.status(), p.solver().toString());
            assertEquals("glop", p.solver().method());
            assertTrue(p.certificate().proves(o.tolerance()), p.certificate().toString());
        }
        // r0 is in other units in the copy: its minimum, translated back, is the same
        Random rnd = new Random(7649676329090495332L);
        PlanUnitsTest.powersOfTen(rnd, es[0].products());
        double kr0 = PlanUnitsTest.powersOfTen(rnd, es[0].resources())[0];
        assertEquals(a.value(), b.value() / kr0, 1e-9 * a.value());
        // 19.5017883218513, the minimum of r0 (GLOP on the objective: policy iteration does not apply)
        assertEquals(19.5017883218513, a.value(), 1e-9 * a.value());
    }
}
