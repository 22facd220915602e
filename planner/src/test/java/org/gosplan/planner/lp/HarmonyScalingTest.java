package org.gosplan.planner.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Progress;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.Planner;
import org.gosplan.planner.harmony.Harmony;
import org.junit.jupiter.api.Test;

/**
 * Harmony plans the scaled model, as every method does, but measures net output against the targets themselves:
 * fulfil's scaled model holds the targets times the multiplier of λ's column ({@link Scaling}), and harmony
 * aimed at that multiple (on the village, 2e-37 of an optimum of 2.41: the bakery starved).
 */
class HarmonyScalingTest {

    /**
     * Bread (weight 1) and straw (weight 0.5), each made by its own technique from one hour of labour a unit, targets
     * 100 each, 160 hours: too little for both. Harmony's optimum spends all the labour with the marginal harmony
     * per hour equal for both, {@code w H'(u) / t}; with {@code x, y} the ratios of output to target ({@code x + y
     * = 1.6}), bread over its target ({@code H' = 1 / x}) and straw short ({@code H' = 2 - y}): {@code 1 / x = (2 -
     * y) / 2}, so {@code y = 1.8 - √2.04 = 0.3717} and {@code x = 1.2283} (the LP's optimum is 0.8 for both).
     * The same in any units: straw in kilograms, labour in minutes.
     */
    @Test
    void harmonyOnTheScaledModelReachesItsClosedFormOptimumInAnyUnits() {
        double y = 1.8 - Math.sqrt(2.04);
        double x = 1.6 - y;
        assertEquals(1 / x, (2 - y) / 2, 1e-15);
        for (double[] unit : new double[][] {{1, 1}, {1000, 60}}) {
            double kg = unit[0];
            double minutes = unit[1];
            EconomyBuilder b = new EconomyBuilder("bread and straw");
            int bread = b.addProduct("bread", "t", null);
            int straw = b.addProduct("straw", kg == 1 ? "t" : "kg", null);
            int labour = b.addResource("labour", minutes == 1 ? "h" : "min", 160 * minutes);
            int bake = b.addTechnique("bake", Double.POSITIVE_INFINITY);
            b.output(bake, bread, 1).resourceInput(bake, labour, minutes);
            int bale = b.addTechnique("bale", Double.POSITIVE_INFINITY);
            b.output(bale, straw, kg).resourceInput(bale, labour, minutes);
            b.target(bread, 100, 1).target(straw, 100 * kg, 0.5);
            PlanOptions o = PlanOptions.fulfil().withMethod(PlanMethod.HARMONY);
            Scaling scaling = Scaling.of(LpPlanner.model(b.build(), o));
            // harmony's own plan, before CertificateRepair projects it onto the LP's better one
            LpSolution h = scaling.unscale(Harmony.solve(scaling.forHarmony(), o));
            String what = "straw in " + (kg == 1 ? "t" : "kg") + ", labour in " + (minutes == 1 ? "h" : "min");
            assertEquals(100 * x, h.z()[bake], 1e-6 * 100 * x, what);
            assertEquals(100 * y, h.z()[bale], 1e-6 * 100 * y, what);
        }
    }

    @Test
    void harmonyOnTheVillageFallsAsShortWithScalingAsWithout() {
        Economy village = EconomyFiles.read(Paths.get(System.getProperty("gosplan.root", ".."))
                .resolve("examples/village.economy.json"), Progress.NONE).economy();
        PlanOptions o = PlanOptions.fulfil().withMethod(PlanMethod.HARMONY);
        double optimum = Planner.plan(village, o.withMethod(PlanMethod.SIMPLEX)).value();
        assertEquals(2.4139, optimum, 1e-4);
        Plan scaled = Planner.plan(village, o);
        Plan unscaled;
        System.setProperty("gosplan.scaling", "false");
        try {
            unscaled = Planner.plan(village, o);
        } finally {
            System.clearProperty("gosplan.scaling");
        }
        // a heuristic: its start and its mean gain depend on the units, so the two differ a little (1.213 and
        // 1.241), but both are about half the optimum
        assertEquals(unscaled.value(), scaled.value(), 0.05 * unscaled.value());
        assertTrue(scaled.value() > 0.4 * optimum && scaled.value() <= optimum, scaled.value() + " of " + optimum);
        System.out.printf("harmony on the village: λ %.4f with scaling, %.4f without, of an optimum of %.4f%n",
                scaled.value(), unscaled.value(), optimum);
    }
}
