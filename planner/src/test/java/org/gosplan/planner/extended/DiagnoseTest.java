package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.planner.PlanOptions;
import org.junit.jupiter.api.Test;

/** The diagnosis of plans with no solution names the years, republics and trade limits at fault (hand-worked). */
class DiagnoseTest {
    private static final ExtendedPlanner.Options O = ExtendedPlanner.Options.DEFAULT;

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> d, String key) {
        return (List<String>) d.get(key);
    }

    @Test
    void aSurplusOutOfReachInOneYearNamesThatYearAndItsShortfall() {
        // TradeTest's cloth for food: 100 h make at most 100 t of food, 50 USD of exports; 60 asked: 10 short
        ExtendedPlan p = ExtendedPlanner.plan(TradeTest.cloth(-60), O);
        assertEquals("infeasible", p.status());
        Map<String, Object> d = p.diagnosis();
        assertEquals(List.of(1), d.get("years"));
        assertEquals(List.of("tradeBalance"), d.get("constraints"));
        assertTrue(strings(d, "explanation").get(0).contains("at most 50 USD, 10 USD short"), d.toString());
        assertTrue(strings(d, "trade").isEmpty(), "no limit binds: the labour does");
    }

    /**
     * Two republics over two years, a surplus of 40 USD a year: the north exports food (1 USD a
     * tonne, at most 60) made from its labour (1 h a tonne: 100 h in year 1, 10 in year 2), the
     * south cloth (2 USD a metre, at most 5) from its own 100 h. Year 1 earns 60 + 10 = 70; year 2
     * 10 + 10 = 20, 20 short, the south's cloth at its limit.
     */
    static Economy surplus() {
        return surplus(40, 1);
    }

    static Economy surplus(double balance, double clothTarget) {
        EconomyBuilder b = new EconomyBuilder("surplus");
        int food = b.addProduct("food", "t", null);
        int cloth = b.addProduct("cloth", "m", null);
        int north = b.parts().addRegion("north", null);
        int south = b.parts().addRegion("south", null);
        b.parts().years(2);
        int ln = b.addResource("labour-n", "h", 100);
        b.parts().resourceRegion(ln, north);
        b.parts().availability(ln, 2, 10);
        int ls = b.addResource("labour-s", "h", 100);
        b.parts().resourceRegion(ls, south);
        int farm = b.addTechnique("farm", Double.POSITIVE_INFINITY);
        b.output(farm, food, 1).resourceInput(farm, ln, 1);
        b.parts().techniqueRegion(farm, north);
        int mill = b.addTechnique("mill", Double.POSITIVE_INFINITY);
        b.output(mill, cloth, 1).resourceInput(mill, ls, 1);
        b.parts().techniqueRegion(mill, south);
        b.target(food, 1, 1, north, 0);
        b.target(cloth, clothTarget, 1, south, 0);
        b.parts().trade(food, north, Double.NaN, 1, Double.POSITIVE_INFINITY, 60);
        b.parts().trade(cloth, south, Double.NaN, 2, Double.POSITIVE_INFINITY, 5);
        b.parts().currency("USD").tradeBalance(balance);
        return b.build();
    }

    @Test
    void theYearRepublicAndExportLimitAtFaultAreNamed() {
        ExtendedPlan p = ExtendedPlanner.plan(surplus(), O);
        assertEquals("infeasible", p.status());
        Map<String, Object> d = p.diagnosis();
        assertEquals(List.of(2), d.get("years"), d.toString());
        assertEquals(List.of("south"), d.get("regions"));
        assertEquals(List.of("year 2: exports of cloth@south at their limit 5"), d.get("trade"));
        assertTrue(((String) d.get("summary")).contains("year 2 cannot earn it"), (String) d.get("summary"));
        assertTrue(strings(d, "explanation").get(0).startsWith("year 2: the exports earn at most 20 USD, 20 USD short"),
                d.toString());
        // and with 20 less asked the plan exists
        assertEquals("optimal", ExtendedPlanner.plan(surplus(20, 1), O).status());
    }

    @Test
    void minResourceWithTargetsOutOfReachNamesTheYearsAndHowFar() {
        // ExtendedObjectivesTest's bread with 150 t a year asked: land gives 100 and 120, λ 2/3 and 0.8
        Economy bread = ExtendedObjectivesTest.bread();
        Economy more = bread.withTargets(new int[] {0}, new double[] {150}, new double[] {1});
        ExtendedPlan p = ExtendedObjectives.plan(more, O, PlanOptions.minResource("labour"));
        assertEquals("infeasible", p.status());
        Map<String, Object> d = p.diagnosis();
        assertEquals(List.of(1, 2), d.get("years"), d.toString());
        assertEquals(List.of("targets"), d.get("constraints"));
        assertTrue(strings(d, "explanation").get(0).startsWith("year 1: its targets can be met to 66.66667%"),
                d.toString());
        assertTrue(strings(d, "explanation").get(1).startsWith("year 2: its targets can be met to 80%"), d.toString());
    }

    @Test
    void aRepublicsTargetsOutOfReachAreNamedByRepublic() {
        // no surplus asked, but 150 m of cloth a year from the south's 100 h: λ = 2/3 there, the north in full
        ExtendedPlan p = ExtendedObjectives.plan(surplus(0, 150), O, PlanOptions.minResource("labour-n"));
        assertEquals("infeasible", p.status());
        Map<String, Object> d = p.diagnosis();
        assertEquals(List.of("south"), d.get("regions"), d.toString());
        assertEquals(List.of(1, 2), d.get("years"), d.toString());
        assertTrue(strings(d, "explanation").get(0).startsWith("year 1 in south: its targets can be met to 66.66667%"),
                d.toString());
    }

    /**
     * Looms for cloth over three years: weaving needs 0.1 loom of stock per metre, 2 looms to
     * start (so at most 20 m in year 1), a loom from 10 h and 2 m of cloth serves from the next
     * year; 30 m asked every year, 1000 h a year. Year 1 alone falls short (20 of 30: 66.67%,
     * its loom stock binds); years 2 and 3 could be met in full with looms built in year 1,
     * though leximin holds every year as low as year 1 (65.37%, GLOP).
     */
    static Economy looms(double balance, boolean trade) {
        EconomyBuilder b = new EconomyBuilder("looms");
        int cloth = b.addProduct("cloth", "m", null);
        int loom = b.addProduct("loom", "pcs", null);
        int labour = b.addResource("labour", "h", 1000);
        b.parts().years(3);
        b.parts().capital(loom, 0.1, 1);
        b.parts().stock(loom, -1, 2);
        int weave = b.addTechnique("weave", Double.POSITIVE_INFINITY);
        b.output(weave, cloth, 1).resourceInput(weave, labour, 1).capitalInput(weave, loom, 0.1);
        int build = b.addTechnique("build", Double.POSITIVE_INFINITY);
        b.output(build, loom, 1).resourceInput(build, labour, 10).productInput(build, cloth, 2);
        b.target(cloth, 30, 1);
        if (trade) {
            b.parts().trade(cloth, -1, Double.NaN, 1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
            b.parts().currency("USD").tradeBalance(balance);
        }
        return b.build();
    }

    @Test
    void aFirstYearShortOfCapitalIsNamedWithItsStockNotTheYearsLeximinHoldsDown() {
        ExtendedPlan p = ExtendedObjectives.plan(looms(0, false), O, PlanOptions.minResource("labour"));
        assertEquals("infeasible", p.status());
        Map<String, Object> d = p.diagnosis();
        assertEquals(List.of(1), d.get("years"), d.toString());
        assertTrue(((String) d.get("summary")).endsWith("year 1 falls short"), (String) d.get("summary"));
        String first = strings(d, "explanation").get(0);
        assertTrue(first.startsWith("year 1: its targets can be met to 66.66667% at most, even with every other"),
                first);
        assertTrue(first.contains("the stock of loom in year 1 (2)"), first);
        assertTrue(!first.contains("labour"), "labour does not bind: " + first);
        assertTrue(strings(d, "explanation").get(1).startsWith("year 2: its targets can be met in full on its own"),
                d.toString());
    }

    @Test
    void aFirstYearThatCannotEarnTheSurplusIsNamedWithWhatBinds() {
        // 25 USD a year from cloth at 1 USD a metre: year 1 makes at most 20 m (its 2 looms), 5 short
        ExtendedPlan p = ExtendedPlanner.plan(looms(25, true), O);
        assertEquals("infeasible", p.status());
        Map<String, Object> d = p.diagnosis();
        assertEquals(List.of(1), d.get("years"), d.toString());
        String first = strings(d, "explanation").get(0);
        assertTrue(first.startsWith("year 1: the exports earn at most 20 USD, 5 USD short"), first);
        assertTrue(first.contains("the stock of loom in year 1 (2)"), first);
    }
}
