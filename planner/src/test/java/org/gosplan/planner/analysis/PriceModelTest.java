package org.gosplan.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.gosplan.economy.IoTable;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.junit.jupiter.api.Test;

class PriceModelTest {
    private static final LeontiefOptions OPTIONS = LeontiefOptions.DEFAULT;

    @Test
    void millerBlairTable23CostPushAndHeldPrice() {
        // Miller and Blair (2009) section 2.6 on table 2.3: value added per unit v = (0.65, 0.70)
        // and p' = v' L = (1, 1). A rise of 0.1 in agriculture's value added per unit pushes
        // dp' = dv' L = 0.1 * row 1 of L = 0.1 * (380, 100) / 303 (L by hand, see the table's README).
        PriceModel m = PriceModel.of(AnalysisTables.millerBlair());
        assertArrayEquals(new double[] {0.65, 0.70}, m.valueAdded(), 1e-15);
        assertArrayEquals(new double[] {1, 1}, m.prices(m.valueAdded(), OPTIONS).price(), 1e-14);
        PriceModel.Prices pushed = m.prices(new double[] {0.75, 0.70}, OPTIONS);
        assertArrayEquals(new double[] {1 + 38.0 / 303, 1 + 10.0 / 303}, pushed.price(), 1e-14);
        // the fixed-price variant: agriculture's price held at 1.1 (set abroad); manufacturing's
        // covers its costs, p2 = (p1 a12 + v2) / (1 - a22) = (1.1 * 0.25 + 0.7) / 0.95
        PriceModel.Prices held = m.prices(m.valueAdded(), new int[] {0}, new double[] {1.1}, OPTIONS);
        assertArrayEquals(new double[] {1.1, (1.1 * 0.25 + 0.7) / 0.95}, held.price(), 1e-14);
        // held at its own price, nothing moves
        assertArrayEquals(new double[] {1, 1},
                m.prices(m.valueAdded(), new int[] {1}, new double[] {1.0}, OPTIONS).price(), 1e-14);
    }

    @Test
    void ukWageRiseOfTenPercentRaisesEachPriceByATenthOfItsPublishedEmploymentCostEffect() {
        // a 10% rise of compensation per unit of output in every sector: dv = 0.1 s_comp, so
        // dp' = 0.1 s_comp L = 0.1 x (the employment-cost effects the ONS publishes)
        IoTable t = AnalysisTables.read("uk-ons-2010");
        PriceModel m = PriceModel.of(t);
        double[] v = m.valueAdded();
        int comp = t.factorIndex("compensation");
        double[] pushed = v.clone();
        for (int j = 0; j < v.length; j++) {
            pushed[j] += 0.1 * t.factorInput(comp, j) / t.output(j);
        }
        double[] p = m.prices(pushed, OPTIONS).price();
        double[] base = m.prices(v, OPTIONS).price();
        OnsPublished ons = OnsPublished.read();
        for (int j = 0; j < v.length; j++) {
            assertEquals(1.0, base[j], 1e-12, t.sector(j));
            assertEquals(0.1 * ons.employmentCostEffects()[j], p[j] - 1.0, 1e-10, t.sector(j));
        }
    }

    @Property(tries = 60)
    void theTablesOwnValueAddedGivesUnitPrices(@ForAll @IntRange(min = 1, max = 40) int n,
                                               @ForAll @LongRange(min = 0, max = 1 << 40) long seed,
                                               @ForAll @IntRange(min = 0, max = 39) int held) {
        IoTable t = AnalysisTables.random(n, seed);
        PriceModel m = PriceModel.of(t);
        double[] p = m.prices(m.valueAdded(), OPTIONS).price();
        for (int j = 0; j < n; j++) {
            assertEquals(1.0, p[j], 1e-12, "sector " + j);
        }
        // holding a price at 1 changes nothing; holding it at 2 raises every price that uses it, none above 2
        int h = held % n;
        double[] same = m.prices(m.valueAdded(), new int[] {h}, new double[] {1.0}, OPTIONS).price();
        double[] up = m.prices(m.valueAdded(), new int[] {h}, new double[] {2.0}, OPTIONS).price();
        for (int j = 0; j < n; j++) {
            assertEquals(1.0, same[j], 1e-12, "held at 1, sector " + j);
            assertEquals(j == h ? 2.0 : Math.min(Math.max(up[j], 1.0), 2.0), up[j], 1e-12, "held at 2, sector " + j);
        }
    }
}
