package org.gosplan.planner.leontief;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.IoTable;
import org.junit.jupiter.api.Test;

/** Published tables and textbook examples: the answers their authors give. */
class LeontiefPublishedTest {
    private static final Path UK = LeontiefTestData.data().resolve("uk-ons-2010");

    private static final LeontiefMethod[] ITERATIVE = {
        LeontiefMethod.POWER, LeontiefMethod.GAUSS_SEIDEL, LeontiefMethod.BICGSTAB, LeontiefMethod.GMRES
    };

    @Test
    void ukInverseMatchesTheOnsPublication() {
        IoTable t = EconomyFiles.readTable(UK);
        Leontief l = Leontief.of(t);
        double[][] inv = l.inverse();
        List<String[]> pub = LeontiefTestData.csv(UK.resolve("published/L_leontief_inverse_pxp_wide.csv"));
        int n = t.sectors();
        assertEquals(127, n);
        String[] header = pub.get(0);
        for (int j = 0; j < n; j++) {
            assertEquals(t.sector(j), header[2 + j]);
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            String[] row = pub.get(2 + i);
            assertEquals(t.sector(i), row[0]);
            for (int j = 0; j < n; j++) {
                worst = Math.max(worst, Math.abs(Double.parseDouble(row[2 + j]) - inv[i][j]));
            }
        }
        assertTrue(worst <= 1e-9, "max |L - published| = " + worst);
        // the Total row: output multipliers, column sums of L
        String[] totals = pub.get(2 + n);
        assertEquals("Total", totals[0]);
        Multipliers m = Multipliers.of(t, LeontiefOptions.DEFAULT);
        for (int j = 0; j < n; j++) {
            assertEquals(Double.parseDouble(totals[2 + j]), m.output()[j], 1e-9, t.sector(j));
        }
    }

    @Test
    void ukMultipliersAndEmploymentCostEffectsMatchTheOnsPublication() {
        IoTable t = EconomyFiles.readTable(UK);
        List<String[]> pub = LeontiefTestData.csv(UK.resolve("published/multipliers_and_effects_product.csv"));
        List<String[]> labels = LeontiefTestData.csv(UK.resolve("sectors.csv"));
        String[] h = pub.get(0);
        int outCol = indexOf(h, "Output multiplier");
        int ecEffects = indexOf(h, "Employment cost effects");
        int ecMult = indexOf(h, "Employment cost multiplier");
        int gvaEffects = indexOf(h, "GVA effects");
        int gvaMult = indexOf(h, "GVA multiplier");
        int comp = t.factorIndex("compensation");
        int gos = t.factorIndex("gross-operating-surplus");
        int tax = t.factorIndex("taxes-on-production");
        for (LeontiefMethod method : new LeontiefMethod[] {LeontiefMethod.DENSE, LeontiefMethod.BICGSTAB,
                LeontiefMethod.GMRES, LeontiefMethod.POWER}) {
            Multipliers m = Multipliers.of(t, LeontiefOptions.DEFAULT.withMethod(method));
            assertTrue(m.residual() <= 1e-10, method + " residual " + m.residual());
            for (int j = 0; j < t.sectors(); j++) {
                String[] row = pub.get(1 + j);
                assertEquals(labels.get(1 + j)[1], row[0]);
                String where = method + " " + t.sector(j);
                assertEquals(Double.parseDouble(row[outCol]), m.output()[j], 1e-9, where);
                assertEquals(Double.parseDouble(row[ecEffects]), m.total(comp)[j], 1e-9, where);
                double typeI = m.typeI(comp, j);
                // ONS prints 0 where there is no direct employment cost (owner-occupiers' housing)
                assertEquals(Double.parseDouble(row[ecMult]), Double.isNaN(typeI) ? 0.0 : typeI, 1e-9, where);
                double gva = m.total(comp)[j] + m.total(gos)[j] + m.total(tax)[j];
                assertEquals(Double.parseDouble(row[gvaEffects]), gva, 1e-9, where);
                double gvaDirect = m.direct(comp)[j] + m.direct(gos)[j] + m.direct(tax)[j];
                assertEquals(Double.parseDouble(row[gvaMult]), gva / gvaDirect, 1e-9, where);
            }
        }
    }

    @Test
    void ukGrossOutputFromFinalDemandIsTheTablesOutput() {
        IoTable t = EconomyFiles.readTable(UK);
        Leontief l = Leontief.of(t);
        double[] y = t.finalDemand();
        double[] x = t.output();
        for (LeontiefMethod method : LeontiefMethod.values()) {
            LeontiefSolution s = l.solve(y, LeontiefOptions.DEFAULT.withMethod(method));
            assertTrue(s.residual() <= 1e-10, method + " " + s.residual());
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], s.x()[i], 1e-9 * Math.abs(x[i]), method + " " + t.sector(i));
            }
        }
    }

    @Test
    void ukIsProductiveAndTheBoundHolds() {
        Leontief l = Leontief.of(EconomyFiles.readTable(UK));
        Leontief.Productiveness p = l.productiveness();
        assertTrue(p.productive());
        assertTrue(p.bound() < 1 && p.bound() >= 0.425, "bound " + p.bound()); // spectral radius 0.425
    }

    @Test
    void millerBlairTable23() {
        Path mb = LeontiefTestData.data().resolve("textbook/miller-blair-2-3");
        IoTable t = EconomyFiles.readTable(mb);
        Leontief l = Leontief.of(t);
        double[][] inv = l.inverse();
        double[][] expected = {{380.0 / 303, 100.0 / 303}, {80.0 / 303, 340.0 / 303}};
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(expected[i], inv[i], 1e-14);
        }
        for (LeontiefMethod method : LeontiefMethod.values()) {
            LeontiefSolution s = l.solve(new double[] {600, 1500}, LeontiefOptions.DEFAULT.withMethod(method));
            assertEquals(1247.52, Math.round(s.x()[0] * 100) / 100.0, 0, method.toString());
            assertEquals(1841.58, Math.round(s.x()[1] * 100) / 100.0, 0, method.toString());
            assertEquals((380.0 * 600 + 100.0 * 1500) / 303, s.x()[0], 1e-9 * 1247.52, method.toString());
            // the table's own final demand gives back its output (1000, 2000)
            LeontiefSolution own = l.solve(t.finalDemand(), LeontiefOptions.DEFAULT.withMethod(method));
            assertArrayEquals(new double[] {1000, 2000}, own.x(), 1e-7, method.toString());
        }
        Multipliers m = Multipliers.of(t, LeontiefOptions.DEFAULT);
        assertArrayEquals(new double[] {0.3, 0.25}, m.direct(0), 1e-15);
        // labour values v = s L
        assertEquals((0.3 * 380 + 0.25 * 80) / 303, m.total(0)[0], 1e-14);
        assertEquals((0.3 * 100 + 0.25 * 340) / 303, m.total(0)[1], 1e-14);
        assertEquals(460.0 / 303, m.output()[0], 1e-14);
        assertEquals(440.0 / 303, m.output()[1], 1e-14);
    }

    @Test
    void leontief1958GrossOutputToTheCent() {
        Economy e = EconomyFiles.readEconomy(LeontiefTestData.data().resolve("textbook/leontief-1958.economy.json"));
        Leontief l = Leontief.of(e);
        double[] expected = {99575.65, 97703.02, 51230.52, 131569.92, 49488.49, 329554.45, 13835.34};
        for (LeontiefMethod method : LeontiefMethod.values()) {
            LeontiefSolution s = l.solve(e.finalDemand(), LeontiefOptions.DEFAULT.withMethod(method));
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], Math.round(s.x()[i] * 100) / 100.0, 0, method + " " + e.productId(i));
            }
        }
    }

    @Test
    void usaWiodZeroOutputIndustryHasUnitMultiplierAndLabourValuesAddUp() {
        IoTable t = EconomyFiles.readTable(LeontiefTestData.data().resolve("usa-wiod-2014"));
        int u = t.sectorIndex("U");
        assertEquals(0.0, t.output(u));
        Multipliers m = Multipliers.of(t, LeontiefOptions.DEFAULT);
        assertEquals(1.0, m.output()[u], 0);
        for (int f = 0; f < m.factors(); f++) {
            assertEquals(0.0, m.total(f)[u], 0);
            for (double v : m.total(f)) {
                assertTrue(Double.isFinite(v));
            }
        }
        for (LeontiefMethod method : ITERATIVE) {
            Multipliers mi = Multipliers.of(t, LeontiefOptions.DEFAULT.withMethod(method));
            for (int f = 0; f < m.factors(); f++) {
                for (int j = 0; j < t.sectors(); j++) {
                    assertEquals(m.total(f)[j], mi.total(f)[j], 1e-9 * Math.max(1, Math.abs(m.total(f)[j])),
                            method + " " + m.factor(f) + " " + t.sector(j));
                }
            }
        }
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }
}
