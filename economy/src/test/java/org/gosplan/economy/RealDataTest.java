package org.gosplan.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data sets in shared/data read, and their derived figures checked against published ones. */
class RealDataTest {

    static Path uk() {
        return TestFiles.data("uk-ons-2010");
    }

    static Path usa() {
        return TestFiles.data("usa-wiod-2014");
    }

    static Path millerBlair() {
        return TestFiles.data("textbook", "miller-blair-2-3");
    }

    static Path leontief() {
        return TestFiles.data("textbook", "leontief-1958.economy.json");
    }

    /** An independent, deliberately simple RFC 4180 parser (whole file in memory). */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        if (text.startsWith("\uFEFF")) {
            i = 1;
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }

    @Test
    void ukTableIsRead() {
        Source s = EconomyFiles.read(uk(), Progress.NONE);
        assertEquals(Source.Form.TABLE, s.form());
        IoTable t = s.table();
        assertNotNull(t);
        assertEquals(127, t.sectors());
        assertEquals("01", t.sector(0));
        assertEquals("NPISH_96", t.sector(126));
        assertEquals(9, t.categories());
        assertEquals("households", t.category(0));
        assertEquals(5, t.factors());
        assertTrue(t.outputGiven());
        assertEquals("GBP million", t.unit());
        assertEquals(21182.0, t.output(0));
        assertEquals(715.0, t.output(1));
        assertEquals("United Kingdom 2010, domestic use, product by product, basic prices", t.name());
        // Y row of 01: 6066,0,0,0,1063,0,36,1755,122
        assertEquals(6066.0, t.finalDemand(0, 0));
        assertEquals(122.0, t.finalDemand(8, 0));
        assertEquals(6066.0 + 1063 + 36 + 1755 + 122, t.finalDemand()[0], 1e-9);
        assertEquals(127, s.economy().products());
        assertEquals(127, s.economy().techniques());
        assertTrue(s.economy().isSquare());
    }

    @Test
    void ukCoefficientsMatchPublishedA() {
        IoTable t = EconomyFiles.readTable(uk());
        List<List<String>> csv = parseCsv(TestFiles.read(uk().resolve("published/A_coefficients_pxp_wide.csv")));
        // layout: header "code,label,<ids>", a second row of labels, then one row per product (code, label,
        // values), then totals rows ("Total consumption", ...).
        List<String> header = csv.get(0);
        assertEquals("code", header.get(0));
        assertEquals("label", header.get(1));
        List<String> columnIds = header.subList(2, header.size());
        assertEquals(127, columnIds.size());
        Map<String, List<String>> rowOf = new HashMap<>();
        for (List<String> r : csv.subList(2, csv.size())) {
            assertEquals(header.size(), r.size(), "row " + r.get(0));
            rowOf.put(r.get(0), r);
        }
        SparseMatrix a = t.coefficients();
        assertEquals(127, a.rows());
        int compared = 0;
        int nonzero = 0;
        double worst = 0;
        for (String rowId : columnIds) {
            List<String> r = rowOf.get(rowId);
            assertNotNull(r, "published A has no row " + rowId);
            int i = t.sectorIndex(rowId);
            assertTrue(i >= 0, rowId);
            for (int c = 0; c < columnIds.size(); c++) {
                int j = t.sectorIndex(columnIds.get(c));
                double expected = Double.parseDouble(r.get(c + 2));
                double actual = a.get(i, j);
                worst = Math.max(worst, Math.abs(expected - actual));
                assertEquals(expected, actual, 1e-12, "A[" + rowId + "," + columnIds.get(c) + "]");
                compared++;
                if (expected != 0) {
                    nonzero++;
                }
            }
        }
        assertEquals(127 * 127, compared);
        // README: 60.6% of A is nonzero
        assertEquals(0.606, (double) nonzero / compared, 0.001);
        assertEquals(nonzero, a.nonzeros(), "stored coefficients are exactly the nonzeros");
        assertTrue(worst < 1e-12, "worst " + worst);
    }

    @Test
    void ukEconomyFromTable() {
        Source s = EconomyFiles.read(uk(), Progress.NONE);
        IoTable t = s.table();
        Economy e = s.economy();
        // factors with negative entries (taxes less subsidies) are not resources, and are warned about
        assertEquals(3, e.resources());
        assertEquals(List.of("compensation", "gross-operating-surplus", "imports"),
                List.of(e.resourceId(0), e.resourceId(1), e.resourceId(2)));
        assertEquals(-1, e.resourceIndex("taxes-on-production"));
        assertEquals(-1, e.resourceIndex("taxes-on-products"));
        for (String f : new String[] {"taxes-on-production", "taxes-on-products"}) {
            assertTrue(s.warnings().stream().anyMatch(w -> (w.where() + w.message()).contains(f)
                    && w.message().contains("negative")), "no warning on " + f + ":\n" + TestFiles.dump(s.warnings()));
        }
        for (int r = 0; r < e.resources(); r++) {
            assertFalse(e.isLimited(r));
            assertEquals("GBP million", e.resourceUnit(r));
        }
        // negative final demand: 05 and 33OTHER are warned about and get no target
        double[] y = new double[127];
        for (List<String> row : parseCsv(TestFiles.read(uk().resolve("Y.csv"))).subList(1, 128)) {
            double sum = 0;
            for (String v : row.subList(1, row.size())) {
                sum += Double.parseDouble(v);
            }
            y[t.sectorIndex(row.get(0))] = sum;
        }
        List<String> negative = new ArrayList<>();
        int positive = 0;
        for (int i = 0; i < 127; i++) {
            if (y[i] < 0) {
                negative.add(t.sector(i));
            } else if (y[i] > 0) {
                positive++;
            }
        }
        assertEquals(List.of("05", "33OTHER"), negative);
        for (String sector : negative) {
            assertTrue(s.warnings().stream().anyMatch(w -> (w.where() + w.message()).contains("'" + sector + "'")
                    && w.message().contains("negative")), "no warning on " + sector);
        }
        // targets: the positive row sums of Y, in sector order
        assertEquals(positive, e.targets());
        double[] demand = e.finalDemand();
        for (int i = 0; i < 127; i++) {
            int p = e.productIndex(t.sector(i));
            assertEquals(i, p);
            assertEquals(y[i] > 0 ? y[i] : 0.0, demand[p], 1e-9 * Math.max(1, Math.abs(y[i])), t.sector(i));
        }
        for (int k = 0; k < e.targets(); k++) {
            assertEquals(1.0, e.targetWeight(k));
            assertTrue(e.targetQuantity(k) > 0);
        }
        // techniques: make-<id>, one unit of output, column j of A as product inputs, S as resource inputs
        SparseMatrix a = t.coefficients();
        double[][] sIntensity = t.factorIntensities();
        int comp = t.factorIndex("compensation");
        for (int j = 0; j < 127; j++) {
            int tech = e.techniqueIndex("make-" + t.sector(j));
            assertEquals(j, tech);
            assertEquals(1.0, e.outputs().get(j, tech));
            assertEquals(1, e.outputs().columnSum(tech), 0.0);
            for (int i = 0; i < 127; i++) {
                assertEquals(a.get(i, j), e.productInputs().get(i, tech));
            }
            assertEquals(t.factorInput(comp, j) / t.output(j), e.resourceInputs().get(0, tech), 1e-15);
            assertEquals(sIntensity[comp][j], e.resourceInputs().get(0, tech));
        }
    }

    @Test
    void usaTableReadWithZeroOutputWarning() {
        Source s = EconomyFiles.read(usa(), Progress.NONE);
        assertEquals(56, s.table().sectors());
        assertEquals(56, s.economy().products());
        assertEquals(5, s.economy().resources(), "all five factor rows are non-negative");
        int u = s.table().sectorIndex("U");
        assertTrue(u >= 0);
        assertEquals(0.0, s.table().output(u));
        assertTrue(s.warnings().stream().anyMatch(w -> (w.where() + w.message()).contains("'U'")
                && w.message().contains("zero")), "no warning naming U:\n" + TestFiles.dump(s.warnings()));
        // its column of A is zero, not NaN or infinite
        SparseMatrix a = s.table().coefficients();
        assertEquals(a.columnStarts()[u], a.columnStarts()[u + 1]);
        for (double v : a.values()) {
            assertTrue(Double.isFinite(v));
        }
        for (double[] row : s.table().factorIntensities()) {
            assertEquals(0.0, row[u]);
        }
        // U has no final demand: no target; its technique makes U from nothing
        assertEquals(-1, indexOfTarget(s.economy(), u));
        assertEquals(0, s.economy().productInputs().columnSum(u));
        assertArrayEquals(new int[] {u}, s.table().zeroOutputSectors());
    }

    private static void assertArrayEquals(int[] expected, int[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }

    private static int indexOfTarget(Economy e, int p) {
        for (int k = 0; k < e.targets(); k++) {
            if (e.targetProduct(k) == p) {
                return k;
            }
        }
        return -1;
    }

    @Test
    void millerBlairExact() {
        Source s = EconomyFiles.read(millerBlair(), Progress.NONE);
        IoTable t = s.table();
        assertFalse(t.outputGiven());
        assertEquals(1000.0, t.output(0));
        assertEquals(2000.0, t.output(1));
        SparseMatrix a = t.coefficients();
        double[][] expected = {{0.15, 0.25}, {0.20, 0.05}};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(expected[i][j], a.get(i, j), 1e-15);
            }
        }
        Economy e = s.economy();
        assertEquals(2, e.products());
        assertEquals(1, e.resources());
        assertEquals("labour", e.resourceId(0));
        int ag = e.techniqueIndex("make-agriculture");
        int mf = e.techniqueIndex("make-manufacturing");
        assertEquals(0.3, e.resourceInputs().get(0, ag), 1e-15);
        assertEquals(0.25, e.resourceInputs().get(0, mf), 1e-15);
        assertEquals(0.15, e.productInputs().get(0, ag), 1e-15);
        assertEquals(0.20, e.productInputs().get(1, ag), 1e-15);
        assertEquals(0.25, e.productInputs().get(0, mf), 1e-15);
        assertEquals(0.05, e.productInputs().get(1, mf), 1e-15);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {350, 1700}, e.finalDemand());
        assertTrue(s.warnings().isEmpty(), TestFiles.dump(s.warnings()));
    }

    @Test
    void leontief1958() {
        Source s = EconomyFiles.read(leontief(), Progress.NONE);
        assertEquals(Source.Form.ECONOMY_JSON, s.form());
        assertNull(s.table());
        Economy e = s.economy();
        assertEquals(7, e.products());
        assertEquals(7, e.techniques());
        assertEquals(0, e.resources());
        assertTrue(e.isSquare());
        assertEquals("United States 1958 in 7 sectors (Leontief)", e.name());
        int p = e.productIndex("nonmetal_household_personal");
        int t = e.techniqueIndex("make-nonmetal_household_personal");
        assertEquals(0.1588, e.productInputs().get(p, t));
        assertEquals(0.0057, e.productInputs().get(e.productIndex("final_metal"), t));
        assertEquals(74000.0, e.finalDemand()[p]);
        assertEquals("million USD", e.productUnit(p));
    }
}
