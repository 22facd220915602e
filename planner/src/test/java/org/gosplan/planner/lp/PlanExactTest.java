package org.gosplan.planner.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.planner.Diagnosis;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.PlanTestEconomies;
import org.gosplan.planner.Planner;
import org.junit.jupiter.api.Test;

/** Small economies with exact answers, through every method that applies. */
class PlanExactTest {

    static Plan plan(Economy e, PlanOptions o) {
        Plan p = Planner.plan(e, o);
        if (p.hasSolution()) {
            assertTrue(p.certificate().primalInfeasibility() <= 1e-9, p + " " + p.certificate());
        }
        return p;
    }

    @Test
    void kantorovichMachineAssignment() {
        Economy e = PlanTestEconomies.kantorovichMachines();
        for (PlanMethod m : new PlanMethod[] {PlanMethod.AUTO, PlanMethod.SIMPLEX, PlanMethod.EXACT}) {
            Plan p = plan(e, PlanOptions.fulfil().withMethod(m));
            assertEquals(PlanStatus.OPTIMAL, p.status(), p.toString());
            assertEquals(86.0 + 2.0 / 3, p.value(), 1e-9);
            assertEquals(2.0 / 3, p.valuation(0), 1e-9);
            assertEquals(1.0 / 3, p.valuation(1), 1e-9);
            assertEquals(20.0 / 3, p.resourcePrice(0), 1e-9);
            assertEquals(40.0 / 3, p.resourcePrice(1), 1e-9);
            assertEquals(80.0 / 3, p.resourcePrice(2), 1e-9);
            // turret lathes all on part 1, the automatic one on part 2, milling split 8/9 : 1/9
            assertEquals(3.0, p.level(e.techniqueIndex("turret-part-1")), 1e-9);
            assertEquals(1.0, p.level(e.techniqueIndex("automatic-part-2")), 1e-9);
            assertEquals(3.0 * 8 / 9, p.level(e.techniqueIndex("milling-part-1")), 1e-9);
            assertTrue(p.certificate().gap() <= 1e-12);
            assertEquals(List.of("milling", "turret", "automatic"), p.bindingResources());
        }
    }

    @Test
    void minLabourGivesLabourValuesOfMillerBlair() {
        Economy e = PlanTestEconomies.millerBlair(Double.NaN);
        for (PlanMethod m : new PlanMethod[] {PlanMethod.AUTO, PlanMethod.POLICY, PlanMethod.SIMPLEX}) {
            Plan p = plan(e, PlanOptions.minResource("labour").withMethod(m));
            assertEquals(PlanStatus.OPTIMAL, p.status(), p.toString());
            assertEquals(134.0 / 303, p.valuation(0), 1e-12, m.id());
            assertEquals(115.0 / 303, p.valuation(1), 1e-12, m.id());
            // gross output (1247.52, 1841.58) and labour 0.3 x1 + 0.25 x2 = 600 * v1 + 1500 * v2
            assertEquals(1247.5247524752475, p.level(0), 1e-8);
            assertEquals(1841.5841584158416, p.level(1), 1e-8);
            assertEquals(600 * 134.0 / 303 + 1500 * 115.0 / 303, p.value(), 1e-8);
            assertTrue(p.certificate().gap() <= 1e-12, p.certificate().toString());
        }
    }

    @Test
    void fulfilOnOneResourceScalesTheLeontiefSolution() {
        // labour 1000 h; unit demand needs 600 v1 + 1500 v2 h
        Economy e = PlanTestEconomies.millerBlair(1000);
        double need = 600 * 134.0 / 303 + 1500 * 115.0 / 303;
        for (PlanMethod m : new PlanMethod[] {PlanMethod.POLICY, PlanMethod.SIMPLEX, PlanMethod.PDLP}) {
            Plan p = plan(e, PlanOptions.fulfil().withMethod(m).withTolerance(1e-8));
            assertEquals(PlanStatus.OPTIMAL, p.status(), p + " " + p.certificate());
            assertEquals(1000 / need, p.value(), 1e-7 * 1000 / need, m.id());
            assertEquals(1 / need, p.resourcePrice(0), 1e-6 / need, m.id());
            assertEquals(134.0 / 303 / need, p.valuation(0), 1e-6, m.id());
        }
    }

    @Test
    void cheapestTechniqueIsChosen() {
        Economy e = PlanTestEconomies.corn(1000, 100, Double.POSITIVE_INFINITY);
        for (PlanMethod m : new PlanMethod[] {PlanMethod.POLICY, PlanMethod.SIMPLEX}) {
            Plan p = plan(e, PlanOptions.minResource("labour").withMethod(m));
            assertEquals(2.0, p.valuation(0), 1e-12);
            assertEquals(200.0, p.level(0), 1e-9);
            assertEquals(0.0, p.level(1), 0.0);
            assertEquals(200.0, p.value(), 1e-9);
            assertEquals(List.of("by-hand"), p.choices().get("corn"));
        }
        // fulfil: 1000 h make 500 corn net by hand: λ = 5
        Plan f = plan(e, PlanOptions.fulfil());
        assertEquals("policy-iteration", f.solver().method());
        assertEquals(5.0, f.value(), 1e-12);
        assertEquals(0.01, f.valuation(0), 1e-14); // one more corn: λ up by 1/100
        assertEquals(0.005, f.resourcePrice(0), 1e-14); // one more hour: half a corn, λ up by 1/200
    }

    @Test
    void singleProductClosedForm() {
        EconomyBuilder b = new EconomyBuilder("one");
        int a = b.addProduct("a", null, null);
        int l = b.addResource("labour", "h", 100);
        int t = b.addTechnique("t", Double.POSITIVE_INFINITY);
        b.output(t, a, 1).productInput(t, a, 0.2).resourceInput(t, l, 2);
        b.target(a, 10, 1);
        Economy e = b.build();
        for (PlanMethod m : new PlanMethod[] {PlanMethod.AUTO, PlanMethod.SIMPLEX}) {
            Plan p = plan(e, PlanOptions.fulfil().withMethod(m));
            assertEquals(4.0, p.value(), 1e-12);
            assertEquals(50.0, p.level(0), 1e-12);
            assertEquals(0.1, p.valuation(0), 1e-12);
            assertEquals(0.04, p.resourcePrice(0), 1e-12);
            assertEquals(40.0, p.netOutput(0), 1e-12);
            assertEquals(100.0, p.resourceUse(0), 1e-12);
        }
    }

    @Test
    void bindingCapacityMovesWorkToTheDearerTechnique() {
        // machine capped at 50: the LP must use the machine's rest by hand -- here the hand is cheaper, so
        // make the machine cheaper instead by a capacity on the hand technique: swap roles via min-labour
        Economy e = PlanTestEconomies.corn(Double.NaN, 100, Double.POSITIVE_INFINITY);
        Plan p = plan(e, PlanOptions.minResource("labour"));
        assertEquals(200.0, p.value(), 1e-9);
        // capacity on by-hand at 100: by-hand gives 50 net corn, the rest (50) by machine at 10/3 h:
        EconomyBuilder b = new EconomyBuilder("corn-capped");
        int c = b.addProduct("corn", "t", null);
        int l = b.addResource("labour", "h", Double.NaN);
        int hand = b.addTechnique("by-hand", 100);
        b.output(hand, c, 1).productInput(hand, c, 0.5).resourceInput(hand, l, 1);
        int mach = b.addTechnique("by-machine", Double.POSITIVE_INFINITY);
        b.output(mach, c, 1).productInput(mach, c, 0.1).resourceInput(mach, l, 3);
        b.target(c, 100, 1);
        Economy capped = b.build();
        Plan q = plan(capped, PlanOptions.minResource("labour"));
        assertEquals(PlanStatus.OPTIMAL, q.status());
        assertEquals("glop", q.solver().method());
        // hand at 100 -> 50 net; machine z with 0.9 z = 50 -> z = 500/9; labour 100 + 3 * 500 / 9
        assertEquals(100.0, q.level(0), 1e-9);
        assertEquals(500.0 / 9, q.level(1), 1e-9);
        assertEquals(100 + 1500.0 / 9, q.value(), 1e-9);
        assertEquals(10.0 / 3, q.valuation(0), 1e-9);
        // capacity price: one more unit of hand capacity saves 3*(0.5/0.9) - 1 = 2/3 h
        assertEquals(2.0 / 3, q.capacityPrice(0), 1e-9);
        assertEquals(List.of("by-hand"), q.bindingCapacities());
    }

    @Test
    void targetsBeyondACapacityAreInfeasibleWithADiagnosis() {
        EconomyBuilder b = new EconomyBuilder("capped");
        int steel = b.addProduct("steel", "t", null);
        int coal = b.addProduct("coal", "t", null);
        int bread = b.addProduct("bread", "t", null);
        int l = b.addResource("labour", "h", Double.NaN);
        int mine = b.addTechnique("coal-mine", 40);
        b.output(mine, coal, 1).resourceInput(mine, l, 2);
        int mill = b.addTechnique("steel-mill", Double.POSITIVE_INFINITY);
        b.output(mill, steel, 1).productInput(mill, coal, 0.5).resourceInput(mill, l, 3);
        int bake = b.addTechnique("bakery", Double.POSITIVE_INFINITY);
        b.output(bake, bread, 1).resourceInput(bake, l, 1);
        b.target(steel, 100, 1).target(bread, 10, 1);
        Economy e = b.build();
        for (PlanMethod m : new PlanMethod[] {PlanMethod.AUTO, PlanMethod.SIMPLEX}) {
            Plan p = Planner.plan(e, PlanOptions.minResource("labour").withMethod(m));
            assertEquals(PlanStatus.INFEASIBLE, p.status());
            Diagnosis d = p.diagnosis();
            assertNotNull(d);
            assertEquals(List.of("steel"), d.products());
            assertEquals(List.of("coal-mine"), d.capacities());
            assertEquals(List.of(), d.resources());
            assertEquals(0.8, d.maxFulfilment(), 1e-9); // 40 coal make 80 steel
            assertTrue(d.summary().contains("80%"), d.summary());
        }
    }

    @Test
    void scarceLabourUnderMinResourceIsInfeasible() {
        Economy e = PlanTestEconomies.millerBlair(500); // needs 977.2 h
        Plan p = Planner.plan(e, PlanOptions.minResource("labour"));
        assertEquals(PlanStatus.INFEASIBLE, p.status());
        assertEquals(List.of("labour"), p.diagnosis().resources());
        assertTrue(p.diagnosis().products().size() >= 1);
        assertTrue(p.toMap().get("value") == null);
    }

    @Test
    void aDiagnosisOfManyTargetsNamesTheFirstInWordsAndAllInItsLists() {
        // 100 products of one hour each, 10 hours available: every target is in the certificate (11 would do,
        // but the deletion filter that finds such a set runs only up to DiagnosisFinder.FILTER_ELEMENTS)
        EconomyBuilder b = new EconomyBuilder("hundred");
        int l = b.addResource("labour", "h", 10);
        for (int i = 0; i < 100; i++) {
            int p = b.addProduct("q" + i, null, null);
            int t = b.addTechnique("make-q" + i, Double.POSITIVE_INFINITY);
            b.output(t, p, 1).resourceInput(t, l, 1);
            b.target(p, 1, 1);
        }
        Plan p = Planner.plan(b.build(), PlanOptions.minResource("labour"));
        assertEquals(PlanStatus.INFEASIBLE, p.status());
        Diagnosis d = p.diagnosis();
        assertEquals(100, d.products().size());
        assertEquals(0.1, d.maxFulfilment(), 1e-9);
        String first = d.explanation().get(0);
        assertTrue(first.contains("'q0' (1)") && first.contains("'q11' (1)") && !first.contains("'q12'"), first);
        assertTrue(first.contains("and 88 more products (all in the JSON output)"), first);
    }

    @Test
    void productWithoutTechniqueIsNamed() {
        EconomyBuilder b = new EconomyBuilder("missing");
        int a = b.addProduct("a", null, null);
        int x = b.addProduct("unobtainium", "kg", null);
        int l = b.addResource("labour", "h", Double.NaN);
        int t = b.addTechnique("make-a", Double.POSITIVE_INFINITY);
        b.output(t, a, 1).resourceInput(t, l, 1);
        b.target(a, 1, 1).target(x, 2, 1);
        Plan p = Planner.plan(b.build(), PlanOptions.minResource(null));
        assertEquals(PlanStatus.INFEASIBLE, p.status());
        assertEquals(List.of("unobtainium"), p.diagnosis().products());
        assertEquals(0.0, p.diagnosis().maxFulfilment(), 1e-12);
        assertTrue(String.join(" ", p.diagnosis().explanation()).contains("No technique makes 'unobtainium'"));
    }

    @Test
    void nothingLimitedIsUnbounded() {
        Economy e = PlanTestEconomies.millerBlair(Double.NaN);
        Plan p = Planner.plan(e, PlanOptions.fulfil());
        assertEquals(PlanStatus.UNBOUNDED, p.status());
        assertNotNull(p.diagnosis());
    }

    @Test
    void villageJointProductionAndTwoResources() {
        // the bundled example: joint production (straw), two limited resources, a capacity
        EconomyBuilder b = new EconomyBuilder("village");
        int grain = b.addProduct("grain", "t", null);
        int straw = b.addProduct("straw", "t", null);
        int tractor = b.addProduct("tractor", "pcs", null);
        int bread = b.addProduct("bread", "t", null);
        int labour = b.addResource("labour", "h", 1e6);
        int land = b.addResource("land", "ha", 5e4);
        int hand = b.addTechnique("grain-by-hand", Double.POSITIVE_INFINITY);
        b.output(hand, grain, 1).output(hand, straw, 0.5).resourceInput(hand, labour, 12).resourceInput(hand, land, 0.25);
        int tr = b.addTechnique("grain-by-tractor", 1.5e5);
        b.output(tr, grain, 1).output(tr, straw, 0.4).productInput(tr, tractor, 0.001).resourceInput(tr, labour, 3)
                .resourceInput(tr, land, 0.2);
        int plant = b.addTechnique("tractor-plant", Double.POSITIVE_INFINITY);
        b.output(plant, tractor, 1).resourceInput(plant, labour, 400).productInput(plant, grain, 0.5);
        int bakery = b.addTechnique("bakery", Double.POSITIVE_INFINITY);
        b.output(bakery, bread, 1).productInput(bakery, grain, 0.8).resourceInput(bakery, labour, 2);
        b.target(bread, 8e4, 1).target(straw, 2e4, 0.5).target(tractor, 50, 1);
        Economy e = b.build();
        Plan p = plan(e, PlanOptions.fulfil());
        assertEquals(PlanStatus.OPTIMAL, p.status());
        assertEquals("glop", p.solver().method());
        assertTrue(p.solver().note().contains("2 resources are limited"), p.solver().note());
        Plan q = plan(e, PlanOptions.fulfil().withMethod(PlanMethod.PDLP).withTolerance(1e-9));
        assertEquals(p.value(), q.value(), 1e-6 * p.value());
        assertTrue(p.certificate().gap() <= 1e-9);
    }
}
