package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.EconomyFiles;
import org.junit.jupiter.api.Test;

/**
 * Growth models, trade problems and federations the planner was not written against, read from
 * economy files (test resources {@code check/}, made by hand) and compared with closed forms or
 * with {@code bench/scripts/space_reference.py} (the LP written from the JSON alone, leximin the
 * long way by scipy's HiGHS), whose figures are copied here: run by hand as
 * {@code python3 bench/scripts/space_reference.py planner/src/test/resources/org/gosplan/planner/extended/check/NAME.economy.json}.
 */
class SpaceCheckTest {
    private static final ExtendedPlanner.Options O = ExtendedPlanner.Options.DEFAULT;

    private static Economy economy(String name) {
        try {
            return EconomyFiles.readEconomy(Path.of(SpaceCheckTest.class.getResource("check/" + name + ".economy.json")
                    .toURI()));
        } catch (URISyntaxException x) {
            throw new IllegalStateException(x);
        }
    }

    private static ExtendedPlan plan(String name) {
        ExtendedPlan p = ExtendedPlanner.plan(economy(name), O);
        assertEquals("optimal", p.status(), name);
        assertTrue(p.gap() < 1e-9 && p.primalInfeasibility() < 1e-9 && p.dualInfeasibility() < 1e-9,
                name + ": " + p.gap() + " " + p.primalInfeasibility() + " " + p.dualInfeasibility());
        return p;
    }

    private static int technique(Economy e, String id) {
        for (int t = 0; t < e.techniques(); t++) {
            if (e.techniqueId(t).equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /**
     * One sector (a share 0.2 of its own good in, 2 of it as capital per unit, 100 to start, 10
     * asked in year 5 only) with a lag of 2 or 3 years: the stock follows
     * {@code K[y] = (1 - δ) K[y-1] + 0.4 K[y-lag]} while all net output is invested, and λ is
     * {@code 0.4 K[5] / 10}. δ = 0, lag 2: 100, 100, 140, 180, 236; λ = 9.44. δ = 1 (nothing lasts a
     * year), lag 2: 100, 0, 40, 0, 16; λ = 0.64. δ = 0.1, lag 3: 100, 90, 81, 112.9, 137.61; λ = 5.5044.
     */
    @Test
    void oneSectorGrowthWithLagsAndDepreciationOfNoneAndAll() {
        for (Object[] c : new Object[][] {
                {"growth-d0-lag2", new double[] {100, 100, 140, 180, 236}, 9.44},
                {"growth-d1-lag2", new double[] {100, 0, 40, 0, 16}, 0.64},
                {"growth-d0.1-lag3", new double[] {100, 90, 81, 112.9, 137.61}, 5.5044}}) {
            ExtendedPlan p = plan((String) c[0]);
            double[] stock = (double[]) c[1];
            for (int y = 0; y < 5; y++) {
                assertEquals(stock[y], p.stock(y, 0, 0), 1e-9 * 236, c[0] + " stock in year " + (y + 1));
            }
            assertEquals((Double) c[2], p.value(), 1e-9, (String) c[0]);
            assertEquals((Double) c[2], p.lambda(4, 0), 1e-9, (String) c[0]);
            assertTrue(Double.isNaN(p.lambda(0, 0)), "no target in year 1, no λ");
        }
    }

    /**
     * A dynamic Leontief (von Neumann) economy of two goods, A = [[0.2, 0.1], [0.3, 0.2]] used up, B =
     * [[1, 0.5], [0.2, 0.8]] held as stock (δ = 0, lag 1), nothing else scarce. Its largest balanced
     * growth rate is g = 1 / ρ((I - A)^-1 B) = 1 / 2.0903819015 = 0.4783814858. With the initial stocks
     * B x* and the target (I - A) x* in the last year T = 4 (x* the Perron vector, scaled to add up to
     * 100), von Neumann's prices p (p (I - A) = g p B) bound p·stock by (1 + g) a year, reached on the ray:
     * λ = (1 + g)^(T - 1) = 3.2311680464.
     */
    @Test
    void vonNeumannBalancedGrowthAtOneOverThePerronRoot() {
        ExtendedPlan p = plan("von-neumann");
        double g = 0.4783814858333426;
        assertEquals(Math.pow(1 + g, 3), p.value(), 1e-9);
        for (int y = 1; y < 4; y++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(1 + g, p.stock(y, c, 0) / p.stock(y - 1, c, 0), 1e-8, "the stocks grow on the ray");
            }
        }
    }

    /** Capital declared but needed by no technique: each year is its own one-year plan (27 h per λ; 100, 60, 130 h). */
    @Test
    void capitalNotNeededGivesTheOneYearPlans() {
        ExtendedPlan p = plan("capital-not-needed");
        double[] hours = {100, 60, 130};
        for (int y = 0; y < 3; y++) {
            assertEquals(hours[y] / 27, p.lambda(y, 0), 2e-9 * hours[y] / 27, "year " + (y + 1));
        }
        for (int y = 0; y < 2; y++) {
            assertEquals(0, p.investment(y, 0, 0), 1e-9, "nothing to invest in");
        }
    }

    /**
     * Ricardo's England (cloth 100 h, wine 120 h) and Portugal (cloth 90, wine 80), 1000 h each, one
     * cloth and one wine per λ in each, free transport. Alone 1000/220 and 1000/170. The union's
     * leximin: England only weaves, Portugal presses all the wine and weaves with what is left:
     * (2λ - c) 100 = 1000, 160λ + 90c = 1000, λ = 1900/340 (HiGHS: 5.588235294117647). Leximin
     * does not promise a republic its λ alone: Portugal gets less than alone here.
     */
    @Test
    void ricardoSpecialisesByComparativeAdvantage() {
        Economy e = economy("ricardo-union");
        ExtendedPlan p = plan("ricardo-union");
        assertEquals(1900.0 / 340, p.value(), 1e-9);
        assertEquals(0, p.level(0, technique(e, "press-e")), 1e-9, "England makes no wine");
        assertEquals(10, p.level(0, technique(e, "weave-e")), 1e-9, "England weaves with all its labour");
        assertEquals(2 * 1900.0 / 340, p.level(0, technique(e, "press-p")), 1e-9, "Portugal makes all the wine");
        assertEquals(1000.0 / 220, p.alone(0), 1e-9);
        assertEquals(1000.0 / 170, p.alone(1), 1e-9);
    }

    /** Ricardo's England alone, trading at world prices of 1 for either good: it only weaves, λ = 1000/200. */
    @Test
    void aSmallOpenEconomySpecialisesAtWorldPrices() {
        EconomyBuilder b = new EconomyBuilder("england");
        int cloth = b.addProduct("cloth", null, null);
        int wine = b.addProduct("wine", null, null);
        int labour = b.addResource("labour", "h", 1000);
        int weave = b.addTechnique("weave", Double.POSITIVE_INFINITY);
        b.output(weave, cloth, 1).resourceInput(weave, labour, 100);
        int press = b.addTechnique("press", Double.POSITIVE_INFINITY);
        b.output(press, wine, 1).resourceInput(press, labour, 120);
        b.target(cloth, 1, 1).target(wine, 1, 1);
        b.parts().trade(cloth, -1, 1, 1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        b.parts().trade(wine, -1, 1, 1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        ExtendedPlan p = ExtendedPlanner.plan(b.build(), O);
        assertEquals("optimal", p.status());
        assertEquals(5, p.value(), 1e-9);
        assertEquals(0, p.level(0, press), 1e-9);
        assertEquals(10, p.level(0, weave), 1e-9);
        assertEquals(5, p.imports(0, 1) - p.exports(0, 1), 1e-9, "wine imported");
        assertEquals(5, p.exports(0, 0) - p.imports(0, 0), 1e-9, "cloth exported");
    }

    /**
     * TradeTest's cloth for food with every world price (and the deficit) multiplied by a scale:
     * the plan is the same, and the balance's shadow price is divided by the scale. At 1e-12 GLOP
     * gave no answer at all (status limit) before the balance row was scaled.
     */
    @Test
    void worldPricesFarFromOnePlanTheSame() {
        ExtendedPlan base = ExtendedPlanner.plan(TradeTest.cloth(3), O);
        for (double scale : new double[] {1e-12, 1e-6, 1e6, 1e12}) {
            EconomyBuilder b = new EconomyBuilder("cloth for food at " + scale);
            int food = b.addProduct("food", "t", null);
            int cloth = b.addProduct("cloth", "m", null);
            int labour = b.addResource("labour", "h", 100);
            int farm = b.addTechnique("farm", Double.POSITIVE_INFINITY);
            b.output(farm, food, 1).resourceInput(farm, labour, 1);
            int mill = b.addTechnique("mill", Double.POSITIVE_INFINITY);
            b.output(mill, cloth, 1).resourceInput(mill, labour, 2);
            b.target(food, 10, 1).target(cloth, 10, 1);
            b.parts().trade(cloth, -1, 0.25 * scale, Double.NaN, 40, Double.POSITIVE_INFINITY);
            b.parts().trade(food, -1, Double.NaN, 0.5 * scale, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
            b.parts().currency("USD").tradeBalance(-3 * scale);
            ExtendedPlan p = ExtendedPlanner.plan(b.build(), O);
            assertEquals("optimal", p.status(), "scale " + scale);
            assertEquals((160 + 6) / 30.0, p.value(), 1e-9, "scale " + scale);
            assertEquals(base.tradePrice() / scale, p.tradePrice(), 1e-9 / scale, "scale " + scale);
            assertEquals(40, p.imports(0, 0), 1e-9);
        }
    }

    /** Identical republics: nothing to gain, each λ in the union its λ alone (10/3: 30 h of labour per λ). */
    @Test
    void identicalRepublicsGainNothing() {
        ExtendedPlan p = plan("fed-identical");
        for (int g = 0; g < 2; g++) {
            assertEquals(10.0 / 3, p.regionLambda(g), 1e-9);
            assertEquals(10.0 / 3, p.alone(g), 1e-9);
        }
    }

    /**
     * A land-rich north (200 ha, 100 h) and a landless south (300 h): flour from grain (1 ha, 1 h) and
     * 2 h of milling. Alone 10/3 and 0; together the north farms for both (20λ h) and the south mills
     * (40λ h): λ = 5, each at least alone, in every one of three years. With a loss of 0.999999 on
     * every link: HiGHS 9.999970000377557e-06 (the union as good as its poorer member alone gets nothing).
     * A south with no resources at all: the north works for both, λ = 100/60.
     */
    @Test
    void complementaryLossyAndEmptyRepublics() {
        ExtendedPlan p = plan("fed-complementary-3y");
        for (int y = 0; y < 3; y++) {
            for (int g = 0; g < 2; g++) {
                assertEquals(5, p.lambda(y, g), 1e-8);
                assertTrue(p.lambda(y, g) >= p.alone(g) - 1e-9);
            }
        }
        assertEquals(10.0 / 3, p.alone(0), 1e-9);
        assertEquals(0, p.alone(1), 1e-9);
        ExtendedPlan lossy = plan("fed-complementary-loss0.999999");
        assertEquals(9.999970000377557e-06, lossy.value(), 1e-12);
        ExtendedPlan empty = plan("fed-no-resources");
        assertEquals(100.0 / 60, empty.value(), 1e-9);
        assertEquals(0, empty.alone(1), 1e-9);
        // the south leaving: planned alone from the same file, nothing to make flour with
        ExtendedPlan left = ExtendedPlanner.planAlone(economy("fed-no-resources"), 1, O);
        assertEquals("optimal", left.status());
        assertEquals(0, left.value(), 1e-12);
    }

    /**
     * Cloth asked for, importable at a world price of 0 without a limit: λ grows without end. GLOP called
     * this LP infeasible, and the plan was "infeasible" with a diagnosis blaming the balance of trade.
     */
    @Test
    void freeImportsWithoutALimitAreUnboundedNotInfeasible() {
        EconomyBuilder b = new EconomyBuilder("free cloth");
        int cloth = b.addProduct("cloth", null, null);
        int labour = b.addResource("labour", "h", 100);
        int mill = b.addTechnique("mill", Double.POSITIVE_INFINITY);
        b.output(mill, cloth, 1).resourceInput(mill, labour, 5);
        b.target(cloth, 5, 1);
        b.parts().trade(cloth, -1, 0, Double.NaN, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        ExtendedPlan p = ExtendedPlanner.plan(b.build(), O);
        assertEquals("unbounded", p.status());
        assertEquals(null, p.diagnosis());
        // with a limit of 50 it is bounded: 50 imported and 20 made, λ = 14
        EconomyBuilder c = new EconomyBuilder("cloth, 50 free");
        int cl = c.addProduct("cloth", null, null);
        int lab = c.addResource("labour", "h", 100);
        int m = c.addTechnique("mill", Double.POSITIVE_INFINITY);
        c.output(m, cl, 1).resourceInput(m, lab, 5);
        c.target(cl, 5, 1);
        c.parts().trade(cl, -1, 0, Double.NaN, 50, Double.POSITIVE_INFINITY);
        assertEquals(14, ExtendedPlanner.plan(c.build(), O).value(), 1e-9);
    }

    /**
     * TradeTest's cloth for food over two years, 100 h in year 1 and 70 in year 2: year 2 is the worst,
     * λ = (160 + 2D) / 30 with 70 h: 10λ + (20 - 2D) + 2 (10λ - 40) = 70, λ = (130 + 2D) / 30. The price
     * is the change of the smallest λ per unit of deficit allowed in every year, 1/15, by finite difference.
     */
    @Test
    void theBalancesPriceOverYearsIsTheFiniteDifferenceOfTheWorstYear() {
        double h = 0.5;
        for (double deficit : new double[] {0, 4}) {
            ExtendedPlan at = ExtendedPlanner.plan(twoYears(deficit), O);
            ExtendedPlan more = ExtendedPlanner.plan(twoYears(deficit + h), O);
            assertEquals((130 + 2 * deficit) / 30, at.value(), 1e-9);
            assertEquals((more.value() - at.value()) / h, at.tradePrice(), 1e-8, "deficit " + deficit);
            assertEquals(1.0 / 15, at.tradePrice(), 1e-9);
            for (int y = 0; y < 2; y++) {
                assertTrue(at.balance(y) >= -deficit - 1e-9, "the balance holds in year " + (y + 1));
            }
        }
    }

    private static Economy twoYears(double deficit) {
        EconomyBuilder b = new EconomyBuilder("cloth for food, two years");
        int food = b.addProduct("food", "t", null);
        int cloth = b.addProduct("cloth", "m", null);
        int labour = b.addResource("labour", "h", 100);
        b.parts().years(2);
        b.parts().availability(labour, 2, 70);
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
}
