package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.PartsBuilder;
import org.junit.jupiter.api.Test;

/**
 * A plan over years of one technique a product solved with the levels eliminated ({@link LeontiefYears})
 * is the plan GLOP gives on the whole LP: the same λ in every year and round, and a certificate recomputed
 * from the whole LP's own numbers.
 */
class LeontiefYearsTest {
    static final ExtendedPlanner.Options ALWAYS = new ExtendedPlanner.Options(false, 1e-7, 0, 0);
    static final ExtendedPlanner.Options NEVER = new ExtendedPlanner.Options(false, 1e-7, 0, Integer.MAX_VALUE);

    /**
     * 3 to 15 products of one technique each (inputs at most 0.7 of the output), 2 to 5 years, every third
     * product a capital good (depreciation, lag 1 or 2) with a random stock, labour and sometimes land
     * limited, labour changing by year, targets in every year or in one year only (so that later leximin
     * rounds are needed).
     */
    static Economy economy(long seed) {
        Random r = new Random(seed);
        int n = 3 + r.nextInt(13);
        int years = 2 + r.nextInt(4);
        EconomyBuilder b = new EconomyBuilder("years " + seed);
        PartsBuilder parts = b.parts();
        parts.years(years);
        for (int p = 0; p < n; p++) {
            b.addProduct("p" + p, null, null);
        }
        int labour = b.addResource("labour", "h", 50 + r.nextInt(100));
        int land = r.nextBoolean() ? b.addResource("land", "ha", 20 + r.nextInt(60)) : -1;
        for (int p = 0; p < n; p += 3) {
            parts.capital(p, 0.05 + 0.2 * r.nextDouble(), 1 + r.nextInt(2));
            parts.stock(p, -1, 5 + 30 * r.nextDouble());
        }
        for (int p = 0; p < n; p++) {
            int t = b.addTechnique("t" + p, Double.POSITIVE_INFINITY);
            double out = 0.5 + r.nextDouble();
            b.output(t, p, out);
            double total = out * 0.7 * r.nextDouble();
            int q1 = r.nextInt(n);
            int q2 = r.nextInt(n);
            if (q1 != p) {
                b.productInput(t, q1, total / 2);
            }
            if (q2 != p && q2 != q1) {
                b.productInput(t, q2, total / 2);
            }
            b.resourceInput(t, labour, 0.1 + 2 * r.nextDouble());
            if (land >= 0 && r.nextBoolean()) {
                b.resourceInput(t, land, 0.1 + r.nextDouble());
            }
            int c = 3 * r.nextInt((n + 2) / 3);
            b.capitalInput(t, c, 0.1 + 0.5 * r.nextDouble());
        }
        for (int y = 2; y <= years; y++) {
            parts.availability(labour, y, (50 + r.nextInt(100)) * 1.0);
        }
        boolean oneYear = r.nextBoolean();
        for (int p = oneYear ? 1 : 0; p < n; p++) {
            if (r.nextInt(3) > 0) {
                b.target(p, 1 + 9 * r.nextDouble(), 1);
            }
        }
        if (oneYear) {
            // a target of one year only: the other years' λ of other products differ, more leximin rounds
            b.target(0, 5, 1, -1, 1 + r.nextInt(years));
        }
        return b.build();
    }

    @Test
    void sameLambdasAsGlopOnTheWholeLp() {
        int eliminated = 0;
        int rounds = 0;
        for (long seed = 1; seed <= 60; seed++) {
            Economy e = economy(seed);
            ExtendedPlan whole = ExtendedPlanner.plan(e, NEVER);
            ExtendedPlan fast = ExtendedPlanner.plan(e, ALWAYS);
            assertEquals(whole.status(), fast.status(), "seed " + seed);
            if (!whole.status().equals("optimal")) {
                continue;
            }
            eliminated += fast.method().equals(LeontiefYears.METHOD) ? 1 : 0;
            rounds = Math.max(rounds, fast.rounds());
            assertEquals(whole.value(), fast.value(), 1e-7 * (1 + Math.abs(whole.value())), "seed " + seed);
            for (int y = 0; y < e.parts().years(); y++) {
                double a = whole.lambda(y, 0);
                double b = fast.lambda(y, 0);
                if (!Double.isNaN(a)) {
                    assertEquals(a, b, 1e-6 * (1 + Math.abs(a)), "seed " + seed + " year " + (y + 1));
                }
            }
            assertTrue(fast.gap() <= 1e-7 && fast.primalInfeasibility() <= 1e-7, "seed " + seed);
        }
        assertTrue(eliminated >= 40, "the elimination planned only " + eliminated + " of 60");
        assertTrue(rounds >= 2, "no plan needed a second round");
    }
}
