package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.gosplan.economy.Economy;

/**
 * PDLP on the reduced LP ({@link LeontiefYears} with {@code pdlpEps > 0}: the levels eliminated, PDLP in GLOP's
 * place) gives the optimum GLOP finds on the whole LP, within the certificate's tolerance, and its answer is
 * certified on the whole LP: the certificate is recomputed here from the whole LP's own numbers.
 */
class ReducedPdlpTest {
    static final double TOLERANCE = 1e-6;

    @Property(tries = 60)
    void sameOptimumAsGlopOnTheWholeLp(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        check(seed, 1e-8);
    }

    /**
     * PDLP stopped early (1e-5): where its answer holds the rows beyond the tolerance it is repaired (stocks from the
     * investments, each year scaled down to its rows), and whatever comes back is certified and GLOP's optimum.
     */
    @Property(tries = 60)
    void looseAnswersRepairedOrRefused(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        check(seed, 1e-5);
        double[] repair = LeontiefYears.lastRepair;
        Statistics.label("repaired").collect(repair != null);
        if (repair != null) {
            assertTrue(repair[1] <= 1e-9, "seed " + seed + ": primal " + repair[0] + " repaired to " + repair[1]);
        }
    }

    /**
     * Draws that failed before: at 53744 the loose answer was certified (gap 2.8e-7) with t 1.4e-5 below GLOP's, the
     * reduced costs of 8e-7 on stocks of 13 to 16 hiding the rest from the gap (now charged at the stocks' implied
     * bounds by Lp#certify, gap 1.0e-4: CertificateBoundTest); at 42430 PDLP's duals are 2.3e-6 off
     * (refused, so GLOP plans it).
     */
    @Example
    void dualInfeasibilityDoesNotHideTheGap() {
        check(53744, 1e-5);
        check(42430, 1e-8);
    }

    /** PDLP at 1e-8 is certified on most of the economies (refused ones go to GLOP on the whole LP). */
    @Test
    void answeredOnMostEconomies() {
        int optimal = 0;
        int answered = 0;
        for (long seed = 1; seed <= 60; seed++) {
            Economy e = LeontiefYearsTest.economy(seed);
            SpaceModel whole = new SpaceModel(e, -1);
            if (LeontiefYears.applies(whole) && whole.lp.solve(false, 1e-9, 0).status() == Lp.Status.OPTIMAL) {
                optimal++;
                answered += LeontiefYears.solve(new SpaceModel(e, -1), TOLERANCE, 0, false, false, 1e-8) != null ? 1 : 0;
            }
        }
        assertTrue(optimal >= 40 && answered >= optimal * 9 / 10, answered + " of " + optimal + " answered");
    }

    private static void check(long seed, double eps) {
        Economy e = LeontiefYearsTest.economy(seed);
        SpaceModel whole = new SpaceModel(e, -1);
        if (!LeontiefYears.applies(whole)) {
            return;
        }
        Lp.Solution glop = whole.lp.solve(false, 1e-9, 0);
        Lp.Solution pdlp = LeontiefYears.solve(new SpaceModel(e, -1), TOLERANCE, 0, false, false, eps);
        if (glop.status() != Lp.Status.OPTIMAL) {
            assertNull(pdlp, "seed " + seed + ": no optimum, yet an answer");
            return;
        }
        Statistics.label("answers").collect(pdlp == null ? "refused" : "certified");
        if (pdlp == null) {
            return; // not proven: the planner solves the whole LP (how often: answeredOnMostEconomies)
        }
        Lp.Solution again = whole.lp.certify(pdlp.x(), pdlp.dual(), "check", 0, TOLERANCE);
        assertEquals(Lp.Status.OPTIMAL, again.status(), "seed " + seed + ": " + again);
        assertTrue(again.primalInfeasibility() <= TOLERANCE && again.dualInfeasibility() <= TOLERANCE
                && again.gap() <= TOLERANCE, "seed " + seed + ": " + again);
        // t, the least λ: GLOP's optimum within what the two certificates allow
        assertEquals(glop.objective(), pdlp.objective(), 2 * TOLERANCE * (1 + Math.abs(glop.objective())),
                "seed " + seed);
    }
}
