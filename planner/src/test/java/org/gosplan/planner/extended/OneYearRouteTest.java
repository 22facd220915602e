package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.PartsBuilder;
import org.junit.jupiter.api.Test;

/**
 * The first leximin round solved as a one-year plan ({@link OneYear}) gives the plan GLOP gives
 * on the whole LP: the same λ of every republic in the union and alone, and a certificate
 * recomputed from the LP's own numbers.
 */
class OneYearRouteTest {
    static final ExtendedPlanner.Options ALWAYS = new ExtendedPlanner.Options(false, 1e-7, 0, 0);
    static final ExtendedPlanner.Options NEVER = new ExtendedPlanner.Options(false, 1e-7, 0, Integer.MAX_VALUE);

    /**
     * A random federation of one year: 2 to 4 republics with their own technology, labour and land,
     * some products carried between them (loss, a capacity, labour of the sender, sometimes a product
     * input), sometimes a capital good with its stock (with one year a fixed stock: a resource).
     */
    static Economy federation(long seed) {
        Random r = new Random(seed);
        int regions = 2 + r.nextInt(3);
        int n = 2 + r.nextInt(5);
        boolean capital = r.nextBoolean();
        EconomyBuilder b = new EconomyBuilder("federation " + seed);
        PartsBuilder parts = b.parts();
        for (int g = 0; g < regions; g++) {
            parts.addRegion("r" + g, null);
        }
        if (capital) {
            parts.years(1);
        }
        for (int p = 0; p < n; p++) {
            b.addProduct("p" + p, null, null);
        }
        if (capital) {
            parts.capital(0, 0.1, 1);
        }
        int[] labour = new int[regions];
        for (int g = 0; g < regions; g++) {
            labour[g] = b.addResource("labour" + g, "h", 50 + r.nextInt(100));
            int land = b.addResource("land" + g, "ha", 10 + r.nextInt(40));
            parts.resourceRegion(labour[g], g).resourceRegion(land, g);
            if (capital) {
                parts.stock(0, g, 5 + r.nextInt(20));
            }
            for (int p = 0; p < n; p++) {
                for (int j = 0; j < 1 + r.nextInt(2); j++) {
                    int t = b.addTechnique("t" + p + "-" + j + "-" + g,
                            r.nextInt(4) == 0 ? 5 + r.nextInt(20) : Double.POSITIVE_INFINITY);
                    b.output(t, p, 0.5 + r.nextDouble());
                    double left = 0.7;
                    for (int q = 0; q < n; q++) {
                        if (q != p && r.nextInt(3) == 0) {
                            double a = left * r.nextDouble() * 0.5;
                            left -= a;
                            b.productInput(t, q, a);
                        }
                    }
                    b.resourceInput(t, labour[g], 0.1 + r.nextDouble());
                    if (r.nextBoolean()) {
                        b.resourceInput(t, land, 0.1 + r.nextDouble());
                    }
                    if (capital && p != 0 && r.nextBoolean()) {
                        b.capitalInput(t, 0, 0.1 + r.nextDouble());
                    }
                    parts.techniqueRegion(t, g);
                }
            }
            for (int p = 0; p < n; p++) {
                if (p == 0 || r.nextBoolean()) {
                    b.target(p, 1 + r.nextInt(20), 1, g, 0);
                }
            }
        }
        int links = r.nextInt(2 * regions + 1);
        for (int l = 0; l < links; l++) {
            int from = r.nextInt(regions);
            int to = (from + 1 + r.nextInt(regions - 1)) % regions;
            int p = r.nextInt(n);
            int k = parts.addTransport("carry" + l, p, from, to, 0.2 * r.nextDouble(),
                    r.nextBoolean() ? Double.POSITIVE_INFINITY : 1 + r.nextInt(30));
            if (k < 0) {
                continue;
            }
            parts.transportInput(k, labour[from], true, 0.01 + 0.1 * r.nextDouble());
            if (r.nextInt(3) == 0) {
                parts.transportInput(k, r.nextInt(n), false, 0.05 * r.nextDouble() + 0.01);
            }
        }
        return b.build();
    }

    @Property(tries = 60)
    void theOneYearRouteGivesTheLeximinOfTheWholeLp(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Economy e = federation(seed);
        ExtendedPlan whole = ExtendedPlanner.plan(e, NEVER);
        ExtendedPlan oneYear = ExtendedPlanner.plan(e, ALWAYS);
        assertEquals(whole.status(), oneYear.status());
        if (!whole.status().equals("optimal")) {
            return;
        }
        double tol = 1e-7 * (1 + Math.abs(whole.value()));
        assertEquals(whole.value(), oneYear.value(), tol, "the smallest λ");
        int regions = e.parts().regions().size();
        for (int g = 0; g < regions; g++) {
            assertEquals(whole.regionLambda(g), oneYear.regionLambda(g), 1e-7 * (1 + Math.abs(whole.regionLambda(g))),
                    "republic " + g + " in the union");
            assertEquals(whole.alone(g), oneYear.alone(g), 1e-7 * (1 + Math.abs(whole.alone(g))),
                    "republic " + g + " alone");
        }
        assertTrue(oneYear.gap() <= 1e-7 && oneYear.primalInfeasibility() <= 1e-7
                && oneYear.dualInfeasibility() <= 1e-7, "certified from the LP's numbers");
    }

    @Test
    void theWorkedRepublicsPlanAsBefore() {
        for (Economy e : new Economy[] {RepublicsTest.identical(), RepublicsTest.complementary()}) {
            ExtendedPlan whole = ExtendedPlanner.plan(e, NEVER);
            ExtendedPlan oneYear = ExtendedPlanner.plan(e, ALWAYS);
            assertEquals("optimal", oneYear.status());
            assertTrue(oneYear.method().startsWith("one-year") || oneYear.rounds() > 1, oneYear.method());
            for (int g = 0; g < 2; g++) {
                assertEquals(whole.regionLambda(g), oneYear.regionLambda(g), 1e-9 * whole.regionLambda(g));
                assertEquals(whole.alone(g), oneYear.alone(g), 1e-9 * whole.alone(g));
            }
        }
    }
}
