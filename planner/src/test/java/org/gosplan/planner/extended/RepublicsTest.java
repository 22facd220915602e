package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.junit.jupiter.api.Test;

/** A federation of republics: the union plan leximin, against each republic planned alone. */
class RepublicsTest {
    /**
     * Two republics with the same technology, labour and targets (bread from grain and labour,
     * grain from labour and land), grain carried either way with a tenth lost: neither has
     * anything to gain from the other.
     */
    static Economy identical() {
        EconomyBuilder b = new EconomyBuilder("twins");
        int ra = b.parts().addRegion("east", null);
        int rb = b.parts().addRegion("west", null);
        int grain = b.addProduct("grain", "t", null);
        int bread = b.addProduct("bread", "t", null);
        for (int g : new int[] {ra, rb}) {
            String s = g == ra ? "-e" : "-w";
            int labour = b.addResource("labour" + s, "h", 1000);
            int land = b.addResource("land" + s, "ha", 50);
            b.parts().resourceRegion(labour, g).resourceRegion(land, g);
            int farm = b.addTechnique("farm" + s, Double.POSITIVE_INFINITY);
            b.output(farm, grain, 2).resourceInput(farm, labour, 3).resourceInput(farm, land, 0.5);
            int bake = b.addTechnique("bakery" + s, Double.POSITIVE_INFINITY);
            b.output(bake, bread, 1).productInput(bake, grain, 1.2).resourceInput(bake, labour, 4);
            b.parts().techniqueRegion(farm, g).techniqueRegion(bake, g);
            b.target(bread, 10, 1, g, 0);
            b.target(grain, 5, 1, g, 0);
        }
        b.parts().addTransport("east-west", grain, ra, rb, 0.1, Double.POSITIVE_INFINITY);
        b.parts().addTransport("west-east", grain, rb, ra, 0.1, Double.POSITIVE_INFINITY);
        return b.build();
    }

    @Test
    void identicalRepublicsGainNothing() {
        ExtendedPlan p = ExtendedPlanner.plan(identical(), ExtendedPlanner.Options.DEFAULT);
        assertEquals("optimal", p.status());
        for (int g = 0; g < 2; g++) {
            assertEquals(p.alone(g), p.regionLambda(g), 1e-9 * p.alone(g), "republic " + g);
        }
        assertEquals(p.alone(0), p.alone(1), 1e-12, "the twins alone are alike");
        // by hand: 50 ha give 200 t of grain, which 5λ + 12λ exhaust at λ = 200/17 (labour is left over)
        assertEquals(200.0 / 17, p.alone(0), 1e-9);
        assertTrue(p.gap() < 1e-9);
    }

    /**
     * The north has land but little labour, the south labour but little land; both want bread.
     * Grain moves south and bread north, a twentieth lost on the way.
     */
    static Economy complementary() {
        EconomyBuilder b = new EconomyBuilder("north and south");
        int north = b.parts().addRegion("north", "Land-rich");
        int south = b.parts().addRegion("south", "Labour-rich");
        int grain = b.addProduct("grain", "t", null);
        int bread = b.addProduct("bread", "t", null);
        double[] labour = {200, 2000};
        double[] land = {500, 10};
        int[] region = {north, south};
        for (int i = 0; i < 2; i++) {
            String s = i == 0 ? "-n" : "-s";
            int l = b.addResource("labour" + s, "h", labour[i]);
            int a = b.addResource("land" + s, "ha", land[i]);
            b.parts().resourceRegion(l, region[i]).resourceRegion(a, region[i]);
            int farm = b.addTechnique("farm" + s, Double.POSITIVE_INFINITY);
            b.output(farm, grain, 2).resourceInput(farm, l, 1).resourceInput(farm, a, 0.5);
            int bake = b.addTechnique("bakery" + s, Double.POSITIVE_INFINITY);
            b.output(bake, bread, 1).productInput(bake, grain, 1.2).resourceInput(bake, l, 4);
            b.parts().techniqueRegion(farm, region[i]).techniqueRegion(bake, region[i]);
            b.target(bread, 10, 1, region[i], 0);
        }
        int toSouth = b.parts().addTransport("grain-south", grain, north, south, 0.05, Double.POSITIVE_INFINITY);
        int toNorth = b.parts().addTransport("bread-north", bread, south, north, 0.05, Double.POSITIVE_INFINITY);
        b.parts().transportInput(toSouth, b.resourceIndex("labour-s"), true, 0.1);
        b.parts().transportInput(toNorth, b.resourceIndex("labour-s"), true, 0.1);
        return b.build();
    }

    @Test
    void complementaryRepublicsEachGetAtLeastTheirLambdaAlone() {
        ExtendedPlan p = ExtendedPlanner.plan(complementary(), ExtendedPlanner.Options.DEFAULT);
        assertEquals("optimal", p.status());
        for (int g = 0; g < 2; g++) {
            assertTrue(p.regionLambda(g) >= p.alone(g) - 1e-9, "republic " + g + ": union " + p.regionLambda(g)
                    + " alone " + p.alone(g));
            assertTrue(p.regionLambda(g) > 1.5 * p.alone(g), "the federation gives each much more");
        }
        // alone, by hand: the north has 200 h for 12λ t of grain (6λ h) and 10λ t of bread (40λ h)
        assertEquals(200.0 / 46, p.alone(0), 1e-9);
        // the south has 10 ha: 40 t of grain make 40/12 of the target
        assertEquals(40.0 / 12, p.alone(1), 1e-9);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> regions = (Map<String, Map<String, Object>>) p.toMap().get("regions");
        assertEquals(p.alone(1), (Double) regions.get("south").get("alone"), 0);
        assertEquals(p.regionLambda(0), (Double) regions.get("north").get("lambda"), 0);
        assertTrue(p.gap() < 1e-9);
    }
}
