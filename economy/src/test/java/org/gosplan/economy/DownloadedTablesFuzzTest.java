package org.gosplan.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * The lenient parser paths, by property: a random table written the ways downloads write it
 * (empty cells for zeros, "1,234.5" quoted, semicolons with "1.234,5", pymrio's tab-separated
 * multi-line headers, the ICIO wide layout) reads back to exactly the numbers written.
 */
class DownloadedTablesFuzzTest {

    /** A random table: n sectors, k categories, m factors; values with two decimals. */
    static final class Table {
        final int n;
        final double[][] z;
        final double[][] y;
        final double[][] f;

        Table(Random r) {
            n = 1 + r.nextInt(5);
            int k = 1 + r.nextInt(3);
            int m = r.nextInt(3);
            z = new double[n][n];
            y = new double[k][n];
            f = new double[m][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    z[i][j] = r.nextInt(3) == 0 ? 0 : value(r, false);
                }
                for (int c = 0; c < k; c++) {
                    // final demand large enough to keep the table productive, still in cents
                    y[c][i] = (100 + (long) r.nextInt(100_000_000) * (2 + n)) / 100.0;
                }
                for (int q = 0; q < m; q++) {
                    f[q][i] = r.nextInt(4) == 0 ? 0 : value(r, true);
                }
            }
        }

        static double value(Random r, boolean signed) {
            long cents = r.nextInt(4) == 0 ? r.nextInt(100_000_000) : r.nextInt(100_000);
            double v = cents / 100.0;
            return signed && r.nextBoolean() ? -v : v;
        }
    }

    /** How one file writes its numbers. */
    static final class Style {
        final char sep;
        final boolean empties;
        final boolean grouping;

        Style(Random r) {
            sep = r.nextInt(3) == 0 ? ';' : ',';
            empties = r.nextBoolean();
            grouping = r.nextBoolean();
        }

        String cell(double v, Random r) {
            if (v == 0 && empties && r.nextBoolean()) {
                return "";
            }
            String plain = Numbers.format(v);
            if (sep == ',') {
                if (!grouping || Math.abs(v) < 1000 || r.nextBoolean()) {
                    return plain;
                }
                return "\"" + String.format(Locale.ROOT, "%,.2f", v) + "\"";
            }
            // semicolons: decimal commas; points between thousands only where a decimal comma follows
            String decimal = String.format(Locale.ROOT, "%.2f", v).replace('.', ',');
            if (v != Math.rint(v) || r.nextBoolean()) {
                if (grouping && Math.abs(v) >= 1000) {
                    return String.format(Locale.ROOT, "%,.2f", v).replace(',', ' ').replace('.', ',').replace(' ', '.');
                }
                return decimal;
            }
            return plain;
        }
    }

    static String gosplanFile(String corner, String[] cols, String[] rows, double[][] byRow, Style s, Random r) {
        StringBuilder b = new StringBuilder(corner);
        for (String c : cols) {
            b.append(s.sep).append(c);
        }
        b.append('\n');
        for (int i = 0; i < rows.length; i++) {
            b.append(rows[i]);
            for (int c = 0; c < cols.length; c++) {
                b.append(s.sep).append(s.cell(byRow[i][c], r));
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String[] names(String prefix, int count) {
        String[] s = new String[count];
        for (int i = 0; i < count; i++) {
            s[i] = prefix + i;
        }
        return s;
    }

    static double[][] transpose(double[][] a, int n) {
        double[][] t = new double[n][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static void assertReads(Table t, IoTable read) {
        assertEquals(t.n, read.sectors());
        for (int i = 0; i < t.n; i++) {
            for (int j = 0; j < t.n; j++) {
                assertEquals(t.z[i][j], read.flows().get(i, j), "Z " + i + "," + j);
            }
            for (int c = 0; c < t.y.length; c++) {
                assertEquals(t.y[c][i], read.finalDemand(c, i), "Y " + c + "," + i);
            }
            for (int q = 0; q < t.f.length; q++) {
                assertEquals(t.f[q][i], read.factorInput(q, i), "F " + q + "," + i);
            }
        }
    }

    @Property(tries = 300)
    void gosplanTablesWrittenAsSpreadsheetsDoReadBack(@ForAll Random r) {
        Table t = new Table(r);
        Path dir = TestFiles.tempDir();
        try {
            String[] sectors = names("s", t.n);
            Style zs = new Style(r);
            TestFiles.write(dir.resolve("Z.csv"), gosplanFile("sector", sectors, sectors, t.z, zs, r));
            TestFiles.write(dir.resolve("Y.csv"), gosplanFile("sector", names("c", t.y.length), sectors,
                    transpose(t.y, t.n), new Style(r), r));
            if (t.f.length > 0) {
                TestFiles.write(dir.resolve("F.csv"), gosplanFile("factor", sectors, names("f", t.f.length), t.f,
                        new Style(r), r));
            }
            Source s = EconomyFiles.read(dir, Progress.NONE);
            assertReads(t, s.table());
            // most tries must take a liberty somewhere, in both kinds of file, or the property tests little
            Statistics.coverage(c -> {
                c.check("semicolons", "warned").percentage(pc -> pc >= 10);
                c.check("commas", "warned").percentage(pc -> pc >= 20);
            });
            Statistics.collect(zs.sep == ';' ? "semicolons" : "commas", s.warnings().isEmpty() ? "plain" : "warned");
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    /** pymrio's text format: region and sector label columns, two header lines and a names line. */
    static String pymrioFile(String[] regions, String[] labels, String level, String[] rowRegions, String[] rowLabels,
                             double[][] byRow, boolean twoIndexCols, Style s, Random r) {
        StringBuilder b = new StringBuilder();
        String pad = twoIndexCols ? "\t" : "";
        b.append("region").append(pad);
        for (String g : regions) {
            b.append('\t').append(g);
        }
        b.append('\n').append(level).append(pad);
        for (String l : labels) {
            b.append('\t').append(l);
        }
        b.append('\n').append(twoIndexCols ? "region\tsector" : "stressor");
        b.append("\t".repeat(labels.length)).append('\n');
        for (int i = 0; i < rowLabels.length; i++) {
            b.append(twoIndexCols ? rowRegions[i] + "\t" : "").append(rowLabels[i]);
            for (int c = 0; c < labels.length; c++) {
                boolean empty = s.empties && byRow[i][c] == 0 && r.nextBoolean();
                b.append('\t').append(empty ? "" : Numbers.format(byRow[i][c]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Property(tries = 200)
    void pymrioFoldersReadBack(@ForAll Random r) {
        Table t = new Table(r);
        Path dir = TestFiles.tempDir();
        try {
            // sector i is in region r(i % 2), named w(i / 2): ids r0_w0, r1_w0, r0_w1, ...
            String[] regions = new String[t.n];
            String[] sectors = new String[t.n];
            for (int i = 0; i < t.n; i++) {
                regions[i] = "r" + (i % 2);
                sectors[i] = "w" + (i / 2);
            }
            String[] catRegions = new String[t.y.length];
            java.util.Arrays.fill(catRegions, "r0");
            TestFiles.write(dir.resolve("Z.txt"), pymrioFile(regions, sectors, "sector", regions, sectors, t.z, true,
                    new Style(r), r));
            TestFiles.write(dir.resolve("Y.txt"), pymrioFile(catRegions, names("c", t.y.length), "category", regions,
                    sectors, transpose(t.y, t.n), true, new Style(r), r));
            String spec = "\"nr_index_col\": \"2\", \"nr_header\": \"2\"}";
            TestFiles.write(dir.resolve(PymrioFolder.PARAMETERS), "{\"files\": {\"Z\": {\"name\": \"Z.txt\", " + spec
                    + ", \"Y\": {\"name\": \"Y.txt\", " + spec + "}, \"systemtype\": \"IOSystem\"}");
            if (t.f.length > 0) {
                TestFiles.write(dir.resolve("ext/F.txt"), pymrioFile(regions, sectors, "sector", null,
                        names("f", t.f.length), t.f, false, new Style(r), r));
                TestFiles.write(dir.resolve("ext").resolve(PymrioFolder.PARAMETERS), "{\"files\": {\"F\":"
                        + " {\"name\": \"F.txt\", \"nr_index_col\": \"1\", \"nr_header\": \"2\"}},"
                        + " \"systemtype\": \"Extension\", \"name\": \"ext\"}");
            }
            IoTable read = EconomyFiles.readTable(dir);
            for (int i = 0; i < t.n; i++) {
                assertEquals(regions[i] + "_" + sectors[i], read.sector(i));
            }
            assertReads(t, read);
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    @Property(tries = 200)
    void icioFilesReadBack(@ForAll Random r) {
        Table t = new Table(r);
        Path dir = TestFiles.tempDir();
        try {
            String[] sectors = names("AUS_", t.n);
            int k = t.y.length;
            int m = t.f.length;
            String[] cols = new String[t.n + k + 1];
            String[] rows = new String[t.n + m + 1];
            double[][] cells = new double[rows.length][cols.length];
            for (int i = 0; i < t.n; i++) {
                cols[i] = sectors[i];
                rows[i] = sectors[i];
                long cents = 0; // the total in cents, so that it too is written exactly
                for (int j = 0; j < t.n; j++) {
                    cells[i][j] = t.z[i][j];
                    cents += Math.round(t.z[i][j] * 100);
                }
                for (int c = 0; c < k; c++) {
                    cells[i][t.n + c] = t.y[c][i];
                    cents += Math.round(t.y[c][i] * 100);
                }
                cells[i][t.n + k] = cents / 100.0;
            }
            for (int c = 0; c < k; c++) {
                cols[t.n + c] = "AUS_FD" + c;
            }
            cols[t.n + k] = "OUT";
            for (int q = 0; q < m; q++) {
                rows[t.n + q] = "F" + q;
                System.arraycopy(t.f[q], 0, cells[t.n + q], 0, t.n);
            }
            rows[t.n + m] = "OUT";
            for (int j = 0; j < t.n; j++) {
                cells[t.n + m][j] = cells[j][t.n + k];
            }
            TestFiles.write(dir.resolve("icio.csv"), gosplanFile("V1", cols, rows, cells, new Style(r), r));
            IoTable read = EconomyFiles.readTable(dir.resolve("icio.csv"));
            assertReads(t, read);
            for (int i = 0; i < t.n; i++) {
                assertEquals(cells[i][t.n + k], read.output(i));
            }
        } finally {
            TestFiles.deleteTree(dir);
        }
    }
}
