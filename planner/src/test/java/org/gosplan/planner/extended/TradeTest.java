package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.junit.jupiter.api.Test;

/** Foreign trade in a plan of one year and one republic, against a hand-worked example. */
class TradeTest {
    /**
     * Food from labour (1 h a tonne), cloth from labour (2 h a metre), 100 h; targets 10 of each.
     * Cloth imports at 0.25 a metre, at most 40; food exports at 0.5 a tonne. By hand, with a
     * deficit D allowed: the 40 metres imported are paid by 20 - 2D tonnes exported, the rest of
     * the cloth is made, and 10λ + (20 - 2D) + 2 (10λ - 40) = 100 gives λ = (160 + 2D) / 30: a
     * unit of deficit is worth 1/15 of λ.
     */
    static Economy cloth(double deficit) {
        EconomyBuilder b = new EconomyBuilder("cloth for food");
        int food = b.addProduct("food", "t", null);
        int cloth = b.addProduct("cloth", "m", null);
        int labour = b.addResource("labour", "h", 100);
        int farm = b.addTechnique("farm", Double.POSITIVE_INFINITY);
        b.output(farm, food, 1).resourceInput(farm, labour, 1);
        int mill = b.addTechnique("mill", Double.POSITIVE_INFINITY);
        b.output(mill, cloth, 1).resourceInput(mill, labour, 2);
        b.target(food, 10, 1).target(cloth, 10, 1);
        b.parts().trade(cloth, -1, 0.25, Double.NaN, 40, Double.POSITIVE_INFINITY);
        b.parts().trade(food, -1, Double.NaN, 0.5, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        b.parts().currency("USD").tradeBalance(-deficit);
        return b.build();
    }

    @Test
    void tradeAtWorldPricesWithinLimits() {
        ExtendedPlan p = ExtendedPlanner.plan(cloth(0), ExtendedPlanner.Options.DEFAULT);
        assertEquals("optimal", p.status());
        assertEquals(160.0 / 30, p.value(), 1e-9);
        assertEquals(40, p.imports(0, 0), 1e-9, "the import limit binds");
        assertEquals(20, p.exports(0, 1), 1e-9);
        assertEquals(0, p.balance(0), 1e-9);
        assertEquals(1.0 / 15, p.tradePrice(), 1e-9);
        assertTrue(p.gap() < 1e-9 && p.primalInfeasibility() < 1e-9 && p.dualInfeasibility() < 1e-9);
    }

    @Test
    void theShadowPriceIsTheChangeOfLambdaPerUnitOfDeficit() {
        double h = 0.5;
        for (double deficit : new double[] {0, 3, 7}) {
            ExtendedPlan at = ExtendedPlanner.plan(cloth(deficit), ExtendedPlanner.Options.DEFAULT);
            ExtendedPlan more = ExtendedPlanner.plan(cloth(deficit + h), ExtendedPlanner.Options.DEFAULT);
            assertEquals((more.value() - at.value()) / h, at.tradePrice(), 1e-8, "deficit " + deficit);
            assertTrue(at.balance(0) >= -deficit - 1e-9, "the balance holds: " + at.balance(0));
        }
    }

    @Test
    void thePlanJsonHasTheTradeMember() {
        Map<String, Object> doc = ExtendedPlanner.plan(cloth(0), ExtendedPlanner.Options.DEFAULT).toMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> trade = (Map<String, Object>) doc.get("trade");
        assertEquals(40.0, (Double) ((Map<?, ?>) trade.get("imports")).get("cloth"), 1e-9);
        assertEquals(20.0, (Double) ((Map<?, ?>) trade.get("exports")).get("food"), 1e-9);
        assertEquals(0.0, (Double) trade.get("balance"), 1e-9);
        assertEquals(1.0 / 15, (Double) trade.get("price"), 1e-9);
        assertEquals("USD", trade.get("currency"));
        assertEquals(160.0 / 30, (Double) doc.get("value"), 1e-9);
    }

    @Test
    void aSurplusTheExportsCannotEarnIsDiagnosed() {
        // at most 100 h of labour: 100 t of food, 50 USD of exports; a surplus of 60 is out of reach
        ExtendedPlan p = ExtendedPlanner.plan(cloth(-60), ExtendedPlanner.Options.DEFAULT);
        assertEquals("infeasible", p.status());
        Map<String, Object> doc = p.toMap();
        assertEquals(java.util.List.of("tradeBalance"), ((Map<?, ?>) doc.get("diagnosis")).get("constraints"));
        // and 49 is within reach (food 98 t exported, 2 h left for the targets): feasible
        assertEquals("optimal", ExtendedPlanner.plan(cloth(-49), ExtendedPlanner.Options.DEFAULT).status());
    }
}
