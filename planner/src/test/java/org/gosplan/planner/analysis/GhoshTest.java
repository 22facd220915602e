package org.gosplan.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.gosplan.economy.IoTable;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.junit.jupiter.api.Test;

class GhoshTest {
    private static final LeontiefOptions OPTIONS = LeontiefOptions.DEFAULT;

    /** Column j of G = (I - B)^-1, by one solve. */
    private static double[] column(Ghosh g, int j, int n) {
        double[] e = new double[n];
        e[j] = 1;
        return g.system().solve(e, OPTIONS).x();
    }

    @Test
    void eurostatManualGhoshInverseAgricultureColumn() {
        // Eurostat Manual of Supply, Use and Input-Output Tables (2008), chapter 15: the
        // agriculture column of the output (Ghosh) inverse, to the 4 decimals printed, as the
        // iotables package checks it (tests/testthat/test-ghosh_inverse_create.R)
        IoTable t = AnalysisTables.read("eurostat-manual-germany");
        double[] published = {1.0339, 0.0118, 0.0037, 0.0103, 0.0117, 0.0043};
        double[] g0 = column(Ghosh.of(t), 0, 6);
        for (int i = 0; i < 6; i++) {
            assertEquals(published[i], Math.round(g0[i] * 1e4) / 1e4, 0, t.sector(i));
        }
    }

    @Test
    void millerBlairTable23ClosedForm() {
        // B = diag(x)^-1 Z = [[0.15, 0.5], [0.1, 0.05]]; det(I - B) = 0.85 * 0.95 - 0.5 * 0.1 = 0.7575
        // G = [[0.95, 0.5], [0.1, 0.85]] / 0.7575 (the 2x2 inverse by hand); G = diag(x)^-1 L diag(x)
        // with L = [[380, 100], [80, 340]] / 303 gives the same, e.g. g12 = (100 / 303) * 2000 / 1000.
        Ghosh g = Ghosh.of(AnalysisTables.millerBlair());
        assertEquals(0.15, g.allocation().get(0, 0), 1e-15);
        assertEquals(0.5, g.allocation().get(0, 1), 1e-15);
        assertEquals(0.1, g.allocation().get(1, 0), 1e-15);
        assertEquals(0.05, g.allocation().get(1, 1), 1e-15);
        assertArrayEquals(new double[] {0.95 / 0.7575, 0.1 / 0.7575}, column(g, 0, 2), 1e-14);
        assertArrayEquals(new double[] {0.5 / 0.7575, 0.85 / 0.7575}, column(g, 1, 2), 1e-14);
        assertEquals(200.0 / 303, 0.5 / 0.7575, 1e-15);
        // primary inputs v = x - column sums of Z = (650, 1400); x' = v' G gives back x
        assertArrayEquals(new double[] {650, 1400}, g.primaryInputs(), 0);
        Ghosh.Supply s = g.supply(g.primaryInputs(), OPTIONS);
        assertArrayEquals(new double[] {1000, 2000}, s.output(), 1e-9);
        // a cut of 100 in agriculture's primary inputs: dx' = dv' G = -100 * row 1 of G
        Ghosh.Supply cut = g.supply(new double[] {550, 1400}, OPTIONS);
        assertArrayEquals(new double[] {1000 - 100 * 0.95 / 0.7575, 2000 - 100 * 0.5 / 0.7575}, cut.output(), 1e-9);
    }

    @Property(tries = 60)
    void supplySideAndDemandSideAgreeOnTheTablesOwnOutput(@ForAll @IntRange(min = 1, max = 40) int n,
                                                         @ForAll @LongRange(min = 0, max = 1 << 40) long seed) {
        IoTable t = AnalysisTables.random(n, seed);
        Ghosh g = Ghosh.of(t);
        // v' = x'(I - B) are the table's primary inputs; the Ghosh model returns x, as Leontief's does from y
        double[] xGhosh = g.supply(g.primaryInputs(), OPTIONS).output();
        double[] xLeontief = Leontief.of(t).solve(t.finalDemand(), OPTIONS).x();
        for (int i = 0; i < n; i++) {
            assertEquals(t.output(i), xGhosh[i], 1e-9 * t.output(i), "ghosh " + i);
            assertEquals(t.output(i), xLeontief[i], 1e-9 * t.output(i), "leontief " + i);
        }
        // second method for G's row sums: G = diag(x)^-1 L diag(x), so G 1 = (L x) / x
        double[] lx = Leontief.of(t).solve(t.output(), OPTIONS).x();
        double[] rowSums = g.rowSums(OPTIONS);
        for (int i = 0; i < n; i++) {
            assertEquals(lx[i] / t.output(i), rowSums[i], 1e-9 * rowSums[i], "row sum " + i);
        }
    }
}
