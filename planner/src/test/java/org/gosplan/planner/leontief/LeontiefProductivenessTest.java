package org.gosplan.planner.leontief;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.EconomyGenerator;
import org.gosplan.planner.PlannerException;
import org.junit.jupiter.api.Test;

/** Economies that are not productive stop early, name the sectors, and never hang or give NaN. */
class LeontiefProductivenessTest {

    private static Economy twoSectors(double[][] a) {
        EconomyBuilder b = new EconomyBuilder("two");
        b.addProduct("steel", null, null);
        b.addProduct("coal", null, null);
        int t0 = b.addTechnique("make-steel", Double.POSITIVE_INFINITY);
        int t1 = b.addTechnique("make-coal", Double.POSITIVE_INFINITY);
        b.output(t0, 0, 1).output(t1, 1, 1);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                if (a[i][j] != 0) {
                    b.productInput(j == 0 ? t0 : t1, i, a[i][j]);
                }
            }
        }
        b.target(0, 10, 1).target(1, 5, 1);
        return b.build();
    }

    @Test
    void aColumnSummingAboveOneIsNamed() {
        Leontief l = Leontief.of(twoSectors(new double[][] {{0.5, 0.9}, {0.7, 0.4}})); // spectral radius 1.25
        for (LeontiefMethod m : LeontiefMethod.values()) {
            LeontiefOptions o = LeontiefOptions.DEFAULT.withMethod(m);
            PlannerException e = assertThrows(PlannerException.class,
                    () -> Leontief.of(twoSectors(new double[][] {{0.5, 0.9}, {0.7, 0.4}})).solve(new double[] {1, 1}, o));
            assertTrue(e.getMessage().contains("not productive"), e.getMessage());
            assertTrue(e.getMessage().contains("'make-steel'") || e.getMessage().contains("'steel'"), e.getMessage());
            assertTrue(e.getMessage().contains("'coal'"), e.getMessage());
            assertFalse(e.getMessage().contains("NaN"), e.getMessage());
        }
        Leontief.Productiveness p = l.productiveness();
        assertFalse(p.productive());
        assertEquals(2, p.sectors().length);
        assertEquals(1, p.sectors()[0]); // coal: 1.3, the larger sum, first (steel 1.2)
    }

    @Test
    void aClosedEconomyWithSpectralRadiusOneStopsEarly() {
        // columns sum to exactly 1: I - A is singular
        double[][] a = {{0.5, 0.5}, {0.5, 0.5}};
        assertTimeoutPreemptively(() -> {
            for (LeontiefMethod m : LeontiefMethod.values()) {
                LeontiefOptions o = LeontiefOptions.DEFAULT.withMethod(m);
                PlannerException e = assertThrows(PlannerException.class,
                        () -> Leontief.of(twoSectors(a)).solve(new double[] {1, 1}, o));
                assertTrue(e.getMessage().contains("not productive"), m + ": " + e.getMessage());
            }
        });
    }

    @Test
    void productiveDespiteAColumnAboveOneIsCertified() {
        // physical units: 3 t of coal per t of steel, but little steel per t of coal: radius sqrt(3 * 0.1) < 1
        Economy e = twoSectors(new double[][] {{0, 0.1}, {3, 0}});
        Leontief l = Leontief.of(e);
        Leontief.Productiveness p = l.productiveness();
        assertTrue(p.productive(), p.explanation());
        assertTrue(p.bound() < 1 && p.bound() >= Math.sqrt(0.3) - 1e-12, "bound " + p.bound());
        for (LeontiefMethod m : LeontiefMethod.values()) {
            LeontiefSolution s = l.solve(new double[] {10, 5}, LeontiefOptions.DEFAULT.withMethod(m));
            // x = L y with L = [[1, .1], [3, 1]] / 0.7
            assertEquals((10 + 0.5) / 0.7, s.x()[0], 1e-8, m.toString());
            assertEquals((30 + 5) / 0.7, s.x()[1], 1e-8, m.toString());
        }
    }

    @Test
    void largeUnproductiveEconomyStopsQuicklyNamingTheSectors() {
        int n = 200_000;
        SparseMatrix a = new EconomyGenerator(n, 5, 5, 0.3, 0.6).coefficients();
        double[] v = a.values().clone();
        int[] cs = a.columnStarts();
        // a closed loop of three sectors each needing 0.6 of the next and 0.6 of the one after
        int[] loop = {10, 20, 30};
        SparseMatrix.Builder b = new SparseMatrix.Builder(n, n);
        for (int j = 0; j < n; j++) {
            for (int k = cs[j]; k < cs[j + 1]; k++) {
                b.add(a.rowIndexes()[k], j, v[k]);
            }
        }
        for (int i = 0; i < 3; i++) {
            b.add(loop[(i + 1) % 3], loop[i], 0.6);
            b.add(loop[(i + 2) % 3], loop[i], 0.6);
        }
        SparseMatrix bad = b.build((r, c, at) -> { });
        Leontief l = Leontief.ofCoefficients(bad, null);
        double[] y = new double[n];
        java.util.Arrays.fill(y, 1);
        assertTimeoutPreemptively(() -> {
            PlannerException e = assertThrows(PlannerException.class, () -> l.solve(y));
            assertTrue(e.getMessage().contains("'10'") && e.getMessage().contains("'20'")
                    && e.getMessage().contains("'30'"), e.getMessage());
        });
    }

    @Test
    void notSquareNamesTheFirstOffender() {
        EconomyBuilder b = new EconomyBuilder("joint");
        b.addProduct("wool", null, null);
        b.addProduct("mutton", null, null);
        int t = b.addTechnique("sheep", Double.POSITIVE_INFINITY);
        b.output(t, 0, 1).output(t, 1, 2);
        PlannerException e = assertThrows(PlannerException.class, () -> Leontief.of(b.build()));
        assertTrue(e.getMessage().contains("'sheep'") && e.getMessage().contains("2 products"), e.getMessage());

        EconomyBuilder c = new EconomyBuilder("two ways");
        c.addProduct("bread", null, null);
        c.addProduct("flour", null, null);
        c.output(c.addTechnique("bake", Double.POSITIVE_INFINITY), 0, 1);
        c.output(c.addTechnique("bake-better", Double.POSITIVE_INFINITY), 0, 1);
        e = assertThrows(PlannerException.class, () -> Leontief.of(c.build()));
        assertTrue(e.getMessage().contains("'bread'") && e.getMessage().contains("'bake-better'"), e.getMessage());

        EconomyBuilder d = new EconomyBuilder("missing");
        d.addProduct("bread", null, null);
        d.addProduct("flour", null, null);
        d.output(d.addTechnique("bake", Double.POSITIVE_INFINITY), 0, 1);
        e = assertThrows(PlannerException.class, () -> Leontief.of(d.build()));
        assertTrue(e.getMessage().contains("'flour'") && e.getMessage().contains("no technique"), e.getMessage());
    }

    private static void assertTimeoutPreemptively(org.junit.jupiter.api.function.Executable body) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), body);
    }
}
