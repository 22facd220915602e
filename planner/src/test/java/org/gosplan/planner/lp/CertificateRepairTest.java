package org.gosplan.planner.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.Planner;
import org.junit.jupiter.api.Test;

/** The projection of an approximate plan (PDLP's iterate) onto a feasible one, on cases worked by hand. */
class CertificateRepairTest {

    /**
     * One product, target 1, 100 h of labour: a cheap technique (1 h per unit) capped at 10 units and a dear
     * one (2 h) without a cap. The optimum runs the cheap one full and the dear one on the rest:
     * 10 + 2 (λ - 10) = 100, λ = 55. An iterate that has the cheap technique just short of its capacity made it
     * the main one, and its capacity then held λ at 15 (10 + 5 from the dear one's iterate level).
     */
    @Test
    void aNearlyFullCappedTechniqueRunsAtItsCapacityAndTheOtherMakesTheRest() {
        EconomyBuilder b = new EconomyBuilder("capped");
        int a = b.addProduct("a", null, null);
        int labour = b.addResource("labour", "h", 100);
        int cheap = b.addTechnique("cheap", 10);
        b.output(cheap, a, 1).resourceInput(cheap, labour, 1);
        int dear = b.addTechnique("dear", Double.POSITIVE_INFINITY);
        b.output(dear, a, 1).resourceInput(dear, labour, 2);
        b.target(a, 1, 1);
        Economy e = b.build();
        LpModel m = LpPlanner.model(e, PlanOptions.fulfil());
        double[] iterate = new double[m.nt];
        iterate[cheap] = 9.99;
        iterate[dear] = 5.0;
        double[] z = Crossover.project(m, iterate);
        assertNotNull(z);
        // to the projection's margin of 1e-12 of λ inside the limits
        assertEquals(10.0, z[cheap], 1e-12);
        assertEquals(45.0, z[dear], 1e-9);
        assertEquals(55.0, CertificateRepair.lambdaOf(m, z), 1e-9);
        // and the LP agrees
        assertEquals(55.0, Planner.plan(e, PlanOptions.fulfil().withMethod(PlanMethod.SIMPLEX)).value(), 1e-9);
    }
}
