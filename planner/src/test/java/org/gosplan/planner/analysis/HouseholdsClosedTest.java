package org.gosplan.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.gosplan.economy.IoTable;
import org.gosplan.planner.PlannerException;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.junit.jupiter.api.Test;

class HouseholdsClosedTest {
    private static final LeontiefOptions OPTIONS = LeontiefOptions.DEFAULT;

    @Test
    void millerBlairClosedModel() {
        // Miller and Blair (2009) section 2.5: table 2.3 closed with households, household row
        // (0.3, 0.25), household column (0.05, 0.4) and households' own purchases 0.05 per unit
        // of income. Its closed inverse to 4 decimals, as quoted for this example (recalled from the
        // book, not re-read from the page for this test):
        //   [[1.3651, 0.4253, 0.2509], [0.5273, 1.3481, 0.5954], [0.5698, 0.4890, 1.2885]].
        // The full digits below are numpy.linalg.inv(I - Ā), run once; they round to those.
        IoTable t = AnalysisTables.millerBlair();
        HouseholdsClosed.TypeII r = HouseholdsClosed.of(t, new double[] {0.3, 0.25}, new double[] {0.05, 0.4}, 0.05,
                t.factorIndex("labour"), OPTIONS);
        double[] lbar31 = {0.5698490325324261, 0.48904954284499264};
        assertArrayEquals(lbar31, r.householdIncome(), 1e-14);
        assertEquals(0.5698, Math.round(r.householdIncome()[0] * 1e4) / 1e4, 0);
        assertEquals(0.4890, Math.round(r.householdIncome()[1] * 1e4) / 1e4, 0);
        // Type II output multipliers, households' row left out: column sums of the book's L̄ over the sectors
        assertArrayEquals(new double[] {1.365086115245588 + 0.5273229853285138, 0.425260472039124 + 1.348075696364023},
                r.outputTypeII(), 1e-14);
        // Type I: column sums of L = (460, 440) / 303; income effects h L = (134, 115) / 303
        assertArrayEquals(new double[] {460.0 / 303, 440.0 / 303}, r.outputTypeI(), 1e-14);
        assertArrayEquals(new double[] {134.0 / 303, 115.0 / 303}, r.incomeTypeIEffects(), 1e-14);
        assertEquals(134.0 / 303 / 0.3, r.incomeTypeI(0), 1e-13);
        assertEquals(0.5698490325324261 / 0.3, r.incomeTypeII(0), 1e-13);
        // Miller and Blair section 6.2: Type II over Type I income multiplier is the same for every
        // sector, l̄(n+1, n+1) = 1.2885392302785457
        for (int j = 0; j < 2; j++) {
            assertEquals(1.2885392302785457, r.incomeTypeII(j) / r.incomeTypeI(j), 1e-13);
        }
        // labour is the household row: its Type II effect is row n+1 of L̄
        assertArrayEquals(lbar31, r.typeIIEffects()[t.factorIndex("labour")], 1e-14);
    }

    @Test
    void closedByNameFromTheTablesRowAndColumn() {
        // the same table closed by names: household column Y[households] / total labour income 800,
        // no purchases of households from households; second method: numpy.linalg.inv of
        // [[.15, .25, 50/800], [.2, .05, 400/800], [.3, .25, 0]], run once
        IoTable t = AnalysisTables.millerBlair();
        HouseholdsClosed.TypeII r = HouseholdsClosed.of(t, "labour", "households", Double.NaN, OPTIONS);
        double[][] expected = closed3(0.3, 0.25, 50.0 / 800, 400.0 / 800);
        assertEquals(expected[2][0], r.householdIncome()[0], 1e-13);
        assertEquals(expected[2][1], r.householdIncome()[1], 1e-13);
        assertEquals(expected[0][0] + expected[1][0], r.outputTypeII()[0], 1e-13);
        assertEquals(expected[0][1] + expected[1][1], r.outputTypeII()[1], 1e-13);
        // with the income given, the column is divided by it instead
        HouseholdsClosed.TypeII given = HouseholdsClosed.of(t, "labour", "households", 1000, OPTIONS);
        double[][] e2 = closed3(0.3, 0.25, 0.05, 0.4);
        assertEquals(e2[2][0], given.householdIncome()[0], 1e-13);
        PlannerException bad = assertThrows(PlannerException.class,
                () -> HouseholdsClosed.of(t, "wages", "households", Double.NaN, OPTIONS));
        assertTrue(bad.getMessage().contains("'labour'"), bad.getMessage());
        bad = assertThrows(PlannerException.class, () -> HouseholdsClosed.of(t, "labour", "hh", Double.NaN, OPTIONS));
        assertTrue(bad.getMessage().contains("'households', 'other'"), bad.getMessage());
    }

    /** The inverse of I - Ā for the 2-sector table with households, by Cramer's rule (a second method). */
    private static double[][] closed3(double h1, double h2, double c1, double c2) {
        double[][] m = {{0.85, -0.25, -c1}, {-0.2, 0.95, -c2}, {-h1, -h2, 1}};
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double[][] inv = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1x = (i + 2) % 3;
                inv[i][j] = (m[r0][c0] * m[r1][c1x] - m[r0][c1x] * m[r1][c0]) / det;
            }
        }
        return inv;
    }

    @Test
    void ukTypeIMultipliersAreTheOnsPublished() {
        // ONS, UK Input-Output Analytical Tables 2010: Type I employment-cost and GVA multipliers
        // (effect over direct coefficient), to the published digits; GVA = compensation + gross
        // operating surplus + taxes less subsidies on production
        IoTable t = AnalysisTables.read("uk-ons-2010");
        HouseholdsClosed.TypeII r = HouseholdsClosed.of(t, "compensation", "households", Double.NaN, OPTIONS);
        OnsPublished ons = OnsPublished.read();
        int comp = t.factorIndex("compensation");
        int gos = t.factorIndex("gross-operating-surplus");
        int tax = t.factorIndex("taxes-on-production");
        for (int j = 0; j < t.sectors(); j++) {
            String where = t.sector(j);
            assertEquals(ons.outputMultiplier()[j], r.outputTypeI()[j], 1e-9, where);
            assertEquals(ons.employmentCostEffects()[j], r.typeIEffects()[comp][j], 1e-9, where);
            double typeI = r.typeI(comp, j);
            // ONS prints 0 where no compensation is paid (owner-occupiers' housing)
            assertEquals(ons.employmentCostMultiplier()[j], Double.isNaN(typeI) ? 0.0 : typeI, 1e-9, where);
            assertEquals(typeI, r.incomeTypeI(j), 1e-12, where);
            double gvaEffect = r.typeIEffects()[comp][j] + r.typeIEffects()[gos][j] + r.typeIEffects()[tax][j];
            double gvaDirect = r.direct()[comp][j] + r.direct()[gos][j] + r.direct()[tax][j];
            assertEquals(ons.gvaEffects()[j], gvaEffect, 1e-9, where);
            assertEquals(ons.gvaMultiplier()[j], gvaEffect / gvaDirect, 1e-9, where);
            // Type II exceeds Type I: spending the income adds output
            assertTrue(r.outputTypeII()[j] > r.outputTypeI()[j], where);
        }
    }

    @Test
    void eurostatManualTable1516TypeIEffects() {
        // Eurostat Manual (2008), Table 15.16 (p. 501): gross value added and employment per unit of
        // final demand, direct and indirect (the iotables package checks the same figures,
        // tests/testthat/test-multiplier_create.R); GVA = compensation + other net taxes on
        // production + consumption of fixed capital + net operating surplus
        IoTable t = AnalysisTables.read("eurostat-manual-germany");
        HouseholdsClosed.TypeII r = HouseholdsClosed.of(t, "compensation", "households", Double.NaN, OPTIONS);
        double[] gva = {0.8450, 0.7647, 0.8615, 0.9019, 0.9393, 0.9199};
        double[] employment = {0.0326, 0.0162, 0.0207, 0.0237, 0.0112, 0.0242};
        String[] parts = {"compensation", "other-taxes-on-production", "consumption-of-fixed-capital",
            "net-operating-surplus"};
        for (int j = 0; j < 6; j++) {
            double effect = 0;
            for (String p : parts) {
                effect += r.typeIEffects()[t.factorIndex(p)][j];
            }
            assertEquals(gva[j], Math.round(effect * 1e4) / 1e4, 0, t.sector(j));
            assertEquals(employment[j], Math.round(r.typeIEffects()[t.factorIndex("employment")][j] * 1e4) / 1e4, 0,
                    t.sector(j));
            // induced spending adds employment
            int e = t.factorIndex("employment");
            assertTrue(r.typeIIEffects()[e][j] > r.typeIEffects()[e][j], t.sector(j));
        }
    }

    @Property(tries = 40)
    void typeIIOverTypeIIncomeMultiplierIsOneConstant(@ForAll @IntRange(min = 1, max = 30) int n,
                                                       @ForAll @LongRange(min = 0, max = 1 << 40) long seed) {
        IoTable t = AnalysisTables.random(n, seed);
        HouseholdsClosed.TypeII r = HouseholdsClosed.of(t, "compensation", "households", Double.NaN, OPTIONS);
        double ratio = Double.NaN;
        for (int j = 0; j < n; j++) {
            if (Double.isNaN(r.incomeTypeI(j))) {
                continue;
            }
            double q = r.incomeTypeII(j) / r.incomeTypeI(j);
            assertTrue(q >= 1, "ratio " + q);
            if (Double.isNaN(ratio)) {
                ratio = q;
            }
            assertEquals(ratio, q, 1e-9 * ratio, "sector " + j);
        }
    }
}
