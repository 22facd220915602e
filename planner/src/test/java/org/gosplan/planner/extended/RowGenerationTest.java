package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.gosplan.economy.Economy;

/**
 * Row generation ({@link LeontiefYears} with the rows of U added as they are violated, GLOP warm or afresh) gives
 * the plan of the whole reduced LP: the same objective (t, the least λ), each answer certified on the whole LP
 * of the economy from its own numbers, and every row of the whole LP held by the generated plan.
 */
class RowGenerationTest {
    @Property(tries = 150)
    void sameOptimumAsTheWholeReducedLp(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Economy e = LeontiefYearsTest.economy(seed);
        SpaceModel whole = new SpaceModel(e, -1);
        if (!LeontiefYears.applies(whole)) {
            return;
        }
        Lp.Solution all = LeontiefYears.solve(whole, 1e-7, 0, false, false);
        Lp.Solution warm = LeontiefYears.solve(new SpaceModel(e, -1), 1e-7, 0, true, true);
        int[] stats = LeontiefYears.lastStats;
        Lp.Solution cold = LeontiefYears.solve(new SpaceModel(e, -1), 1e-7, 0, true, false);
        if (all == null) {
            // not this shape, or infeasible: so for row generation too
            assertNull(warm, "seed " + seed);
            assertNull(cold, "seed " + seed);
            return;
        }
        assertNotNull(warm, "seed " + seed);
        assertNotNull(cold, "seed " + seed);
        Statistics.label("rows of U left out").collect(stats[1] < stats[2] ? "some" : "none");
        Statistics.label("passes").collect(Math.min(stats[0], 4));
        for (Lp.Solution s : new Lp.Solution[] {warm, cold}) {
            assertEquals(all.objective(), s.objective(), 1e-8 * (1 + Math.abs(all.objective())), "seed " + seed);
            assertTrue(s.primalInfeasibility() <= 1e-7 && s.gap() <= 1e-7 && s.dualInfeasibility() <= 1e-7,
                    "seed " + seed + ": " + s);
        }
    }
}
