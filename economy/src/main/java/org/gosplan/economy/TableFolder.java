package org.gosplan.economy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Input-output table folders (formats.md section 3). Rows of Y, x and F's columns are matched
 * to Z's sectors by id; every sector must appear exactly once in each file.
 */
final class TableFolder {
    private TableFolder() {}

    static IoTable read(Path folder, Problems problems, Progress progress) {
        TableMeta meta = TableMeta.read(folder, TableLayout.GOSPLAN, problems);
        return CsvReader.reporting(folder, problems, () -> read(folder, meta, problems, progress));
    }

    private static IoTable read(Path folder, TableMeta meta, Problems problems, Progress progress)
            throws IOException {
        ZResult z = readZ(folder, problems, progress);
        if (z == null) {
            return null;
        }
        int n = z.sectors.length;
        String[][] catNames = new String[1][];
        double[][] y = readColumns(folder, "Y.csv", "final-demand category", z.index, n, problems, catNames, true,
                false);
        String[][] xNames = new String[1][];
        double[][] xs = readColumns(folder, "x.csv", "output column", z.index, n, problems, xNames, false, true);
        double[] x = null;
        if (xs != null) {
            if (xs.length != 1 || !"output".equals(xNames[0][0])) {
                problems.error("x.csv:1", "x.csv has the header sector,output and one value per sector");
            } else {
                x = xs[0]; // negative outputs are reported by readColumns with their line
            }
        }
        String[][] factorNames = new String[1][];
        double[][] f = readRows(folder, "F.csv", z.index, n, problems, factorNames);
        if (problems.hasErrors() || y == null) {
            return null;
        }
        if (f == null) {
            f = new double[0][];
            factorNames[0] = new String[0];
        }
        return SectorLabels.attach(folder, new IoTable(meta.name(), meta.unit(), z.sectors, z.matrix, catNames[0], y, x,
                factorNames[0], f, meta.factorUnits()), problems);
}

    private static final class ZResult {
        String[] sectors;
        IdIndex index;
        SparseMatrix matrix;
    }

    private static ZResult readZ(Path folder, Problems problems, Progress progress) throws IOException {
        try (CsvReader csv = CsvReader.open(folder, "Z.csv", problems, true, (byte) 0)) {
            if (csv == null) {
                return null;
            }
            if (!csv.next()) {
                problems.error("Z.csv:1", "Z.csv is empty; it needs the header sector,<id1>,...,<idn>");
                return null;
            }
            int errorsBefore = problems.errors().size();
            int n = csv.fields() - 1;
            if (n < 1) {
                problems.error(csv.where(), "the header names no sectors; write sector,<id1>,...,<idn>");
                return null;
            }
            IdIndex index = new IdIndex(n);
            for (int j = 0; j < n; j++) {
                String id = csv.text(j + 1);
                String p = Ids.problem(id);
                if (p != null) {
                    problems.error(csv.where(), "column " + (j + 2) + ": " + p);
                } else if (index.add(id) < 0) {
                    problems.error(csv.where(), "sector '" + id + "' appears twice in the header; ids must be unique");
                }
            }
            // only Z's own errors stop here: an error in table.json must not hide those of Z.csv
            if (problems.errors().size() > errorsBefore) {
                return null;
            }
            String[] sectors = index.ids();
            Cells cells = new Cells(csv);
            SparseMatrix.Builder b = new SparseMatrix.Builder(n, n);
            boolean[] seen = new boolean[n];
            int rowsRead = 0;
            while (csv.next() && !problems.full()) {
                if ((++rowsRead & 63) == 0) {
                    progress.update("reading " + folder.getFileName() + "/Z.csv", csv.bytesRead(), csv.size());
                }
                if (csv.fields() != n + 1) {
                    problems.error(csv.where(), fieldCount(csv, n + 1) + "; Z is square: one row per sector, one"
                            + " value per sector");
                    // the sector has a row, a malformed one: not also "has no row" below
                    int named = index.indexOf(csv.text(0));
                    if (named >= 0) {
                        seen[named] = true;
                    }
                    continue;
                }
                String id = csv.text(0);
                int i = index.indexOf(id);
                if (i < 0) {
                    problems.error(csv.where(), "row sector '" + id + "' is not among the column sectors of the"
                            + " header; Z has the same sectors as rows and columns");
                    continue;
                }
                if (seen[i]) {
                    problems.error(csv.where(), "sector '" + id + "' has two rows");
                    continue;
                }
                seen[i] = true;
                for (int j = 0; j < n; j++) {
                    double v = cells.value(csv, j + 1, sectors[j], true);
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        problems.error(csv.where(), "column '" + sectors[j] + "': '" + csv.text(j + 1)
                                + "' is not a number; write a decimal number (0 for no flow)");
                    } else if (v < 0) {
                        problems.error(csv.where(), "column '" + sectors[j] + "': intermediate flow " + csv.text(j + 1)
                                + " is negative; flows in Z are >= 0");
                    } else if (v != 0) {
                        b.add(i, j, v);
                    }
                }
            }
            cells.report(problems);
            for (int i = 0; i < n && !problems.full(); i++) {
                if (!seen[i]) {
                    problems.error("Z.csv", "sector '" + sectors[i] + "' has no row; add one (zeros if it buys nothing"
                            + " from others)");
                }
            }
            if (problems.errors().size() > errorsBefore) {
                return null;
            }
            ZResult r = new ZResult();
            r.sectors = sectors;
            r.index = index;
            r.matrix = b.build((row, col, at) -> { });
            return r;
        }
    }

    /** A file with one row per sector and named value columns: returns {@code values[column][sector]}. */
    private static double[][] readColumns(Path folder, String file, String what, IdIndex index, int n,
                                          Problems problems, String[][] names, boolean required,
                                          boolean nonNegative) throws IOException {
        try (CsvReader csv = CsvReader.open(folder, file, problems, required, (byte) 0)) {
            if (csv == null) {
                return null;
            }
            if (!csv.next()) {
                problems.error(file + ":1", file + " is empty; it needs a header line");
                return null;
            }
            int k = csv.fields() - 1;
            names[0] = new String[Math.max(0, k)];
            for (int c = 0; c < k; c++) {
                names[0][c] = csv.text(c + 1);
            }
            double[][] values = new double[k][n];
            boolean[] seen = new boolean[n];
            Cells cells = new Cells(csv);
            while (csv.next() && !problems.full()) {
                if (csv.fields() != k + 1) {
                    problems.error(csv.where(), fieldCount(csv, k + 1));
                    continue;
                }
                String id = csv.text(0);
                int i = index.indexOf(id);
                if (i < 0) {
                    problems.error(csv.where(), Ids.unknown("sector", id, "the sectors are those of Z.csv", index));
                    continue;
                }
                if (seen[i]) {
                    problems.error(csv.where(), "sector '" + id + "' has two rows");
                    continue;
                }
                seen[i] = true;
                for (int c = 0; c < k; c++) {
                    // an empty total output is a mistake, an empty cell of final demand a zero
                    double v = cells.value(csv, c + 1, names[0][c], !nonNegative);
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        problems.error(csv.where(), what + " '" + names[0][c] + "': '" + csv.text(c + 1)
                                + "' is not a number; write a decimal number");
                    } else if (nonNegative && v < 0) {
                        problems.error(csv.where(), "total output of sector '" + id + "' is negative (" + csv.text(c + 1)
                                + "); output is >= 0");
                    } else {
                        values[c][i] = v;
                    }
                }
            }
            cells.report(problems);
            for (int i = 0; i < n && !problems.full(); i++) {
                if (!seen[i]) {
                    problems.error(file, "sector '" + index.id(i) + "' has no row; every sector of Z.csv needs one");
                }
            }
            return values;
        }
    }

    /** F.csv: one row per factor, one column per sector (in any order). */
    private static double[][] readRows(Path folder, String file, IdIndex index, int n, Problems problems,
                                       String[][] names) throws IOException {
        try (CsvReader csv = CsvReader.open(folder, file, problems, false, (byte) 0)) {
            if (csv == null) {
                return null;
            }
            if (!csv.next()) {
                problems.error(file + ":1", file + " is empty; it needs the header factor,<id1>,...,<idn>");
                return null;
            }
            int errorsBefore = problems.errors().size();
            int m = csv.fields() - 1;
            int[] sectorOf = new int[m];
            boolean[] seen = new boolean[n];
            for (int c = 0; c < m; c++) {
                String id = csv.text(c + 1);
                sectorOf[c] = index.indexOf(id);
                if (sectorOf[c] < 0) {
                    problems.error(csv.where(), "column " + (c + 2) + ": "
                            + Ids.unknown("sector", id, "the sectors are those of Z.csv", index));
                } else if (seen[sectorOf[c]]) {
                    problems.error(csv.where(), "sector '" + id + "' appears twice in the header");
                } else {
                    seen[sectorOf[c]] = true;
                }
            }
            for (int i = 0; i < n && !problems.full(); i++) {
                if (!seen[i]) {
                    problems.error(file + ":1", "sector '" + index.id(i) + "' has no column; every sector of Z.csv needs one");
                }
            }
            // only F's own header errors stop here: errors in Y.csv or x.csv must not hide those of F.csv
            if (problems.errors().size() > errorsBefore) {
                return null;
            }
            double[][] rows = new double[4][];
            String[] factorNames = new String[4];
            int count = 0;
            IdIndex factors = new IdIndex();
            Cells cells = new Cells(csv);
            while (csv.next() && !problems.full()) {
                if (csv.fields() != m + 1) {
                    problems.error(csv.where(), fieldCount(csv, m + 1));
                    continue;
                }
                String f = csv.text(0);
                String p = Ids.problem(f);
                if (p != null) {
                    problems.error(csv.where(), p);
                    continue;
                }
                if (factors.add(f) < 0) {
                    problems.error(csv.where(), "factor '" + f + "' has two rows");
                    continue;
                }
                double[] row = new double[n];
                for (int c = 0; c < m; c++) {
                    double v = cells.value(csv, c + 1, index.id(sectorOf[c]), true);
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        problems.error(csv.where(), "factor '" + f + "', sector '" + index.id(sectorOf[c]) + "': '"
                                + csv.text(c + 1) + "' is not a number; write a decimal number");
                    } else {
                        row[sectorOf[c]] = v;
                    }
                }
                if (count == rows.length) {
                    rows = Arrays.copyOf(rows, count * 2);
                    factorNames = Arrays.copyOf(factorNames, count * 2);
                }
                rows[count] = row;
                factorNames[count++] = f;
            }
            cells.report(problems);
            names[0] = Arrays.copyOf(factorNames, count);
            return Arrays.copyOf(rows, count);
        }
    }

    /** What is wrong with a row's number of fields, with the likely cause when it has too many. */
    static String fieldCount(CsvReader csv, int expected) {
        String m = "this row has " + csv.fields() + " fields but the header has " + expected;
        if (csv.fields() > expected && csv.separator() == ',') {
            m += "; a number with commas between thousands must be quoted (\"1,700\") or written without them";
        }
        return m;
    }
}
