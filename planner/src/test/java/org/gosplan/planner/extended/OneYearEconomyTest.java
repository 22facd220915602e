package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.Parts;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.Planner;
import org.junit.jupiter.api.Test;

/** Parts that describe one year of one closed economy give it to the one-year planner; the others do not. */
class OneYearEconomyTest {
    /** Bread and tractors in one republic, one year, labour 900 h that year (1,000 in the resource's own row). */
    static Economy oneYear(boolean capitalNeed, int years) {
        EconomyBuilder b = new EconomyBuilder("one year");
        int bread = b.addProduct("bread", "t", null);
        int tractor = b.addProduct("tractor", "pcs", null);
        int only = b.parts().addRegion("only", null);
        b.parts().years(years);
        int labour = b.addResource("labour", "h", 1000);
        b.parts().resourceRegion(labour, only);
        b.parts().availability(labour, 1, 900);
        b.parts().capital(tractor, 0.1, 1);
        b.parts().stock(tractor, only, 5);
        int farm = b.addTechnique("farm", Double.POSITIVE_INFINITY);
        b.output(farm, bread, 1).resourceInput(farm, labour, 2).productInput(farm, tractor, 0.01);
        if (capitalNeed) {
            b.capitalInput(farm, tractor, 0.05);
        }
        b.parts().techniqueRegion(farm, only);
        int plant = b.addTechnique("plant", Double.POSITIVE_INFINITY);
        b.output(plant, tractor, 1).resourceInput(plant, labour, 10);
        b.parts().techniqueRegion(plant, only);
        b.target(bread, 100, 1, only, 0);
        return b.build();
    }

    /** The same economy written without parts, by hand: labour 900, the rest as it is. */
    static Economy plain() {
        EconomyBuilder b = new EconomyBuilder("one year");
        int bread = b.addProduct("bread", "t", null);
        int tractor = b.addProduct("tractor", "pcs", null);
        int labour = b.addResource("labour", "h", 900);
        int farm = b.addTechnique("farm", Double.POSITIVE_INFINITY);
        b.output(farm, bread, 1).resourceInput(farm, labour, 2).productInput(farm, tractor, 0.01);
        int plant = b.addTechnique("plant", Double.POSITIVE_INFINITY);
        b.output(plant, tractor, 1).resourceInput(plant, labour, 10);
        b.target(bread, 100, 1);
        return b.build();
    }

    @Test
    void oneYearOfOneRepublicIsTheOneYearEconomy() {
        Economy e = OneYearEconomy.of(oneYear(false, 1));
        assertEquals(plain(), e);
        assertEquals(Parts.NONE, e.parts());
        // and so the one-year planner's plan, by its own method (policy iteration: one scarce resource)
        Plan p = Planner.plan(e, PlanOptions.DEFAULT);
        Plan q = Planner.plan(plain(), PlanOptions.DEFAULT);
        assertEquals(q.toMap().get("levels"), p.toMap().get("levels"));
        assertEquals(q.solver().method(), p.solver().method());
        // the staircase agrees on λ: 900 h make 900 / 2.1 t of bread (2 h and a hundredth of a tractor each)
        assertEquals(p.value(), ExtendedPlanner.plan(oneYear(false, 1), ExtendedPlanner.Options.DEFAULT).value(), 1e-9);
        assertEquals(900 / 2.1 / 100, p.value(), 1e-12);
    }

    @Test
    void partsThatChangeThePlanStayWithTheStaircase() {
        assertNull(OneYearEconomy.of(oneYear(true, 1)), "a capital need limits the farm");
        assertNull(OneYearEconomy.of(oneYear(false, 2)), "two years");
        Economy none = plain();
        assertSame(none, OneYearEconomy.of(none), "no parts: itself");
    }
}
