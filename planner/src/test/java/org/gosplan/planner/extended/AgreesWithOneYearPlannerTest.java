package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.Planner;

/**
 * Parts that change nothing plan as the one-year planner plans the economy without them: a
 * currency alone, one republic holding everything, years without capital (each year the same
 * plan), and two identical republics without transport (each alone as in the union).
 */
class AgreesWithOneYearPlannerTest {
    /** A random productive economy, with the parts asked for: 0 none, 1 currency, 2 one region, 3 years, 4 twins. */
    static Economy economy(long seed, int parts) {
        Random r = new Random(seed);
        int n = 2 + r.nextInt(5);
        EconomyBuilder b = new EconomyBuilder("random " + seed);
        int copies = parts == 4 ? 2 : 1;
        for (int g = 0; g < copies && parts >= 2; g++) {
            b.parts().addRegion("r" + g, null);
        }
        if (parts == 1) {
            b.parts().currency("XDR");
        }
        if (parts == 3) {
            b.parts().years(3);
        }
        for (int p = 0; p < n; p++) {
            b.addProduct("p" + p, null, null);
        }
        for (int g = 0; g < copies; g++) {
            Random same = new Random(seed * 31 + 7); // the twins get the same technology
            int labour = b.addResource("labour" + g, "h", 50 + same.nextInt(100));
            int land = b.addResource("land" + g, "ha", 10 + same.nextInt(40));
            if (parts >= 2) {
                b.parts().resourceRegion(labour, g).resourceRegion(land, g);
            }
            for (int p = 0; p < n; p++) {
                int alternatives = 1 + same.nextInt(2);
                for (int j = 0; j < alternatives; j++) {
                    int t = b.addTechnique("t" + p + "-" + j + "-" + g,
                            same.nextInt(4) == 0 ? 5 + same.nextInt(20) : Double.POSITIVE_INFINITY);
                    b.output(t, p, 0.5 + same.nextDouble());
                    double left = 0.7;
                    for (int q = 0; q < n; q++) {
                        if (q != p && same.nextInt(3) == 0) {
                            double a = left * same.nextDouble() * 0.5;
                            left -= a;
                            b.productInput(t, q, a);
                        }
                    }
                    b.resourceInput(t, labour, 0.1 + same.nextDouble());
                    if (same.nextBoolean()) {
                        b.resourceInput(t, land, 0.1 + same.nextDouble());
                    }
                    if (parts >= 2) {
                        b.parts().techniqueRegion(t, g);
                    }
                }
            }
            Random targets = new Random(seed * 17 + 3);
            for (int p = 0; p < n; p++) {
                if (p == 0 || targets.nextBoolean()) {
                    b.target(p, 1 + targets.nextInt(20), 1, parts >= 2 ? g : -1, 0);
                }
            }
        }
        return b.build();
    }

    @Property(tries = 40)
    void partsThatChangeNothingPlanAsBefore(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int parts) {
        // most of the random economies must have an optimal plan, or the comparison tests little
        Statistics.coverage(c -> c.check(PlanStatus.OPTIMAL).percentage(pc -> pc >= 80));
        Plan before = Planner.plan(economy(seed, 0), PlanOptions.fulfil());
        Statistics.collect(before.status());
        ExtendedPlan now = ExtendedPlanner.plan(economy(seed, parts), ExtendedPlanner.Options.DEFAULT);
        if (before.status() != PlanStatus.OPTIMAL) {
            return;
        }
        assertEquals("optimal", now.status(), "parts " + parts);
        double lambda = before.value();
        assertEquals(lambda, now.value(), 1e-7 * (1 + lambda), "parts " + parts);
        for (int y = 0; y < now.years(); y++) {
            assertEquals(lambda, now.yearLambda(y), 1e-7 * (1 + lambda), "year " + (y + 1));
        }
        if (parts == 4) {
            for (int g = 0; g < 2; g++) {
                assertEquals(lambda, now.regionLambda(g), 1e-7 * (1 + lambda), "twin " + g + " in the union");
                assertEquals(lambda, now.alone(g), 1e-7 * (1 + lambda), "twin " + g + " alone");
            }
        }
    }
}
