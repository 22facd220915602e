package org.gosplan.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.gosplan.economy.IoTable;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.Multipliers;
import org.junit.jupiter.api.Test;

class DemandComparisonTest {

    @Test
    void millerBlairSection23NewFinalDemand() {
        // Miller and Blair (2009) section 2.3: table 2.3 with final demand (600, 1500) instead of
        // (350, 1700) needs gross output (1247.52, 1841.58); exactly L y = (380*600 + 100*1500,
        // 80*600 + 340*1500) / 303
        IoTable t = AnalysisTables.millerBlair();
        Multipliers m = Multipliers.of(t, LeontiefOptions.DEFAULT);
        DemandComparison c = DemandComparison.of(m, t.finalDemand(), new double[] {600, 1500}, LeontiefOptions.DEFAULT);
        assertArrayEquals(new double[] {1000, 2000}, c.outputA(), 1e-9);
        assertArrayEquals(new double[] {378000.0 / 303, 558000.0 / 303}, c.outputB(), 1e-9);
        assertEquals(1247.52, Math.round(c.outputB()[0] * 100) / 100.0, 0);
        assertEquals(1841.58, Math.round(c.outputB()[1] * 100) / 100.0, 0);
        // labour: 0.3 x1 + 0.25 x2; the change is also the labour multipliers times the change in demand
        assertEquals(300 + 500, c.useA()[0], 1e-9);
        assertEquals(0.3 * 378000 / 303 + 0.25 * 558000 / 303, c.useB()[0], 1e-9);
        double viaMultipliers = m.total(0)[0] * 250 + m.total(0)[1] * -200;
        assertEquals(viaMultipliers, c.useB()[0] - c.useA()[0], 1e-9);
    }

    @Test
    void differencesKeepEveryIdOfEitherSide() {
        List<Differences.Row> rows = Differences.of(Map.of("a", 1.0), Map.of("b", 2.0));
        assertEquals(2, rows.size());
        assertEquals("a", rows.get(0).id());
        assertEquals(-1.0, rows.get(0).change(), 0);
        assertEquals(false, rows.get(0).inB());
        assertEquals(2.0, rows.get(1).change(), 0);
        assertEquals(Double.NaN, rows.get(1).relativeChange(), 0);
    }
}
