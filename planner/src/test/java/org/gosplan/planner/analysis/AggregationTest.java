package org.gosplan.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.gosplan.economy.IoTable;
import org.gosplan.planner.PlannerException;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.junit.jupiter.api.Test;

class AggregationTest {

    @Test
    void eurostatTableInGoodsAndServices() {
        // agriculture, manufacturing, construction -> goods; the three service groups -> services;
        // the sums by hand from the manual's table (pp. 481-482)
        IoTable t = AnalysisTables.read("eurostat-manual-germany");
        IoTable g = Aggregation.of(t, new int[] {0, 0, 0, 1, 1, 1}, new String[] {"goods", "services"}, "two");
        assertEquals(1131 + 25480 + 1 + 7930 + 304584 + 64167 + 426 + 7334 + 3875, g.flows().get(0, 0), 0);
        assertEquals(607 + 710 + 762 + 41082 + 11981 + 30360 + 5296 + 23457 + 9155, g.flows().get(0, 1), 0);
        assertEquals(3559 + 72717 + 14190 + 3637 + 96115 + 31027 + 1552 + 14986 + 1747, g.flows().get(1, 0), 0);
        assertEquals(43910 + 1079446 + 245606, g.output(0), 0);
        assertEquals(540063 + 692487 + 508918, g.output(1), 0);
        assertEquals(8500 + 197792 + 3457, g.finalDemand(0, 0), 0);
        assertEquals(9382 + 296464 + 78819, g.factorInput(t.factorIndex("compensation"), 0), 0);
        assertEquals(t.categories(), g.categories());
        assertEquals(t.factors(), g.factors());
        // the aggregated table still balances: Z x* = x* - y*
        double[] x = Leontief.of(g).solve(g.finalDemand(), LeontiefOptions.DEFAULT).x();
        assertArrayEquals(g.output(), x, 1e-9 * g.output(1));
    }

    @Test
    void everySectorMustBeInAGroupAndEveryGroupUsed() {
        IoTable t = AnalysisTables.millerBlair();
        PlannerException e = assertThrows(PlannerException.class,
                () -> Aggregation.of(t, new int[] {0, -1}, new String[] {"all"}, "all"));
        assertEquals("sector 'manufacturing' is in no group; map every sector", e.getMessage());
        e = assertThrows(PlannerException.class,
                () -> Aggregation.of(t, new int[] {0, 0}, new String[] {"a", "b"}, "ab"));
        assertEquals("group 'b' has no sector", e.getMessage());
    }

    @Property(tries = 80)
    void aggregationKeepsEveryTotal(@ForAll @IntRange(min = 1, max = 40) int n,
                                    @ForAll @IntRange(min = 1, max = 40) int groups,
                                    @ForAll @LongRange(min = 0, max = 1 << 40) long seed) {
        IoTable t = AnalysisTables.random(n, seed);
        int g = Math.min(groups, n);
        int[] groupOf = new int[n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int j = 0; j < n; j++) {
            groupOf[j] = j < g ? j : rnd.nextInt(g); // every group gets a sector
        }
        String[] ids = new String[g];
        for (int k = 0; k < g; k++) {
            ids[k] = "g" + k;
        }
        IoTable a = Aggregation.of(t, groupOf, ids, "aggregated");
        // block sums of Z, by a dense second method
        double[][] expected = new double[g][g];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                expected[groupOf[i]][groupOf[j]] += t.flows().get(i, j);
            }
        }
        double totalZ = 0;
        double totalA = 0;
        for (int r = 0; r < g; r++) {
            for (int c = 0; c < g; c++) {
                assertEquals(expected[r][c], a.flows().get(r, c), 1e-9 * (1 + expected[r][c]));
                totalA += a.flows().get(r, c);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                totalZ += t.flows().get(i, j);
            }
        }
        assertEquals(totalZ, totalA, 1e-9 * (1 + totalZ));
        assertEquals(sum(t.output()), sum(a.output()), 1e-9 * sum(t.output()));
        for (int c = 0; c < t.categories(); c++) {
            double st = 0;
            double sa = 0;
            for (int i = 0; i < n; i++) {
                st += t.finalDemand(c, i);
            }
            for (int i = 0; i < g; i++) {
                sa += a.finalDemand(c, i);
            }
            assertEquals(st, sa, 1e-9 * (1 + Math.abs(st)));
        }
        for (int f = 0; f < t.factors(); f++) {
            double st = 0;
            double sa = 0;
            for (int j = 0; j < n; j++) {
                st += t.factorInput(f, j);
            }
            for (int j = 0; j < g; j++) {
                sa += a.factorInput(f, j);
            }
            assertEquals(st, sa, 1e-9 * (1 + Math.abs(st)));
        }
        // each group's row still balances: intermediate sales + final demand = output
        double[] sales = TableVectors.intermediateSales(a);
        double[] y = a.finalDemand();
        for (int i = 0; i < g; i++) {
            assertEquals(a.output(i), sales[i] + y[i], 1e-9 * a.output(i));
        }
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }
}
