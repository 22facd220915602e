package org.gosplan.economy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The OECD Inter-Country Input-Output tables (ICIO) as the OECD publishes them: one wide CSV
 * file per year (docs/tables.md). The header names the columns after a corner cell: the
 * {@code country_industry} codes, then the final-demand columns ({@code AUS_HFCE},
 * {@code AUS_GFCF}, ...) and a total ({@code OUT} or {@code TOTAL}); each row starts with its
 * label: the same {@code country_industry} codes, then rows of taxes less subsidies and value
 * added ({@code TLS}, {@code VA}; {@code AUS_TAXSUB}, {@code VALU} in earlier editions) and the
 * output row ({@code OUT} or {@code OUTPUT}).
 *
 * <p>The layout is told by the labels rather than by a list of codes, so that every edition
 * reads: a label that heads both a row and a column is a sector; any other row is a factor,
 * any other column a final-demand category, and {@code OUT}, {@code OUTPUT} and {@code TOTAL}
 * are totals. Total output is the output row (else the total column). Empty cells are zeros.
 * Multi-regional models come with issue 15: until then the table is one of
 * {@code country_industry} sectors.
 */
final class IcioFile {
    private IcioFile() {}

    private static final Set<String> TOTALS = Set.of("OUT", "OUTPUT", "TOTAL");

    static IoTable read(Path path, Problems problems, Progress progress, TableFiles[] files) {
        Path folder;
        String file;
        TableMeta meta;
        if (Files.isDirectory(path)) {
            folder = path;
            meta = TableMeta.read(path, TableLayout.OECD_ICIO, problems);
            file = meta.file() != null ? meta.file() : onlyCsv(path, problems);
            if (file == null) {
                return null;
            }
        } else {
            folder = path.toAbsolutePath().getParent();
            file = path.getFileName().toString();
            String name = file.replaceFirst("(?i)\\.csv$", "");
            meta = new TableMeta(TableLayout.OECD_ICIO, name, null, java.util.Map.of(), file);
        }
        files[0] = TableFiles.single(file);
        TableMeta given = meta;
        return CsvReader.reporting(path, problems, () -> {
            try (CsvReader csv = CsvReader.open(folder, file, problems, true, (byte) 0)) {
                return csv == null ? null : read(csv, given, problems, progress);
            }
        });
    }

    private static String onlyCsv(Path folder, Problems problems) {
        List<String> csvs = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted().forEach(csvs::add);
        } catch (IOException e) {
            problems.error(folder.toString(), "cannot read: " + e.getMessage());
            return null;
        }
        if (csvs.size() != 1) {
            problems.error("table.json:/file", "the folder holds " + csvs.size() + " CSV files; name the ICIO file"
                    + " in table.json, as \"file\": \"2020_SML.csv\"");
            return null;
        }
        return csvs.get(0);
    }

    private static IoTable read(CsvReader csv, TableMeta meta, Problems problems, Progress progress)
            throws IOException {
        if (!csv.next()) {
            problems.error(csv.fileName() + ":1", "the file is empty; an ICIO table has a header of column codes");
            return null;
        }
        int width = csv.fields() - 1;
        String[] columns = new String[Math.max(0, width)];
        IdIndex columnIndex = new IdIndex(Math.max(1, width));
        for (int c = 0; c < width; c++) {
            columns[c] = csv.text(c + 1);
            if (columns[c].isEmpty()) {
                problems.error(csv.where(), "column " + (c + 2) + " has no code in the header");
                return null;
            }
            if (columnIndex.add(columns[c]) < 0) {
                problems.error(csv.where(), "column '" + columns[c] + "' appears twice in the header");
                return null;
            }
        }
        Cells cells = new Cells(csv);
        List<String> rowLabels = new ArrayList<>();
        List<String> rowWhere = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        int before = problems.errors().size();
        while (csv.next() && !problems.full()) {
            if ((rows.size() & 63) == 0) {
                progress.update("reading " + csv.fileName(), csv.bytesRead(), csv.size());
            }
            if (csv.fields() != width + 1) {
                problems.error(csv.where(), TableFolder.fieldCount(csv, width + 1));
                continue;
            }
            double[] v = new double[width];
            for (int c = 0; c < width; c++) {
                v[c] = cells.value(csv, c + 1, columns[c], true);
                if (Double.isNaN(v[c]) || Double.isInfinite(v[c])) {
                    problems.error(csv.where(), "column '" + columns[c] + "': '" + csv.text(c + 1)
                            + "' is not a number");
                }
            }
            rowLabels.add(csv.text(0));
            rowWhere.add(csv.where());
            rows.add(v);
        }
        cells.report(problems);
        if (problems.errors().size() > before) {
            return null;
        }
        return assemble(csv.fileName(), meta, columns, columnIndex, rowLabels, rowWhere, rows, problems);
    }

    private static IoTable assemble(String file, TableMeta meta, String[] columns, IdIndex columnIndex,
                                    List<String> rowLabels, List<String> rowWhere, List<double[]> rows,
                                    Problems problems) {
        int width = columns.length;
        // which row each column's label heads, if any
        int[] rowOfColumn = new int[width];
        java.util.Arrays.fill(rowOfColumn, -1);
        int outputRow = -1;
        List<Integer> factorRows = new ArrayList<>();
        IdIndex factorIndex = new IdIndex();
        for (int r = 0; r < rows.size(); r++) {
            String label = rowLabels.get(r);
            if (TOTALS.contains(label)) {
                outputRow = r;
                continue;
            }
            int c = columnIndex.indexOf(label);
            if (c >= 0) {
                if (rowOfColumn[c] >= 0) {
                    problems.error(rowWhere.get(r), "sector '" + label + "' has two rows");
                }
                rowOfColumn[c] = r;
            } else {
                String p = Ids.problem(label);
                if (p != null) {
                    problems.error(rowWhere.get(r), p);
                } else if (factorIndex.add(label) < 0) {
                    problems.error(rowWhere.get(r), "row '" + label + "' appears twice");
                }
                factorRows.add(r);
            }
        }
        int outputColumn = -1;
        List<Integer> sectorColumns = new ArrayList<>();
        List<Integer> demandColumns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (TOTALS.contains(columns[c])) {
                outputColumn = c;
            } else if (rowOfColumn[c] >= 0) {
                String p = Ids.problem(columns[c]);
                if (p != null) {
                    problems.error(file + ":1", p);
                }
                sectorColumns.add(c);
            } else {
                demandColumns.add(c);
            }
        }
        if (sectorColumns.isEmpty()) {
            problems.error(file + ":1", "no column code heads a row as well; an ICIO table has the same"
                    + " country_industry codes (such as AUS_A01_02) as rows and as columns");
        }
        if (problems.hasErrors()) {
            return null;
        }
        int n = sectorColumns.size();
        String[] sectors = new String[n];
        SparseMatrix.Builder z = new SparseMatrix.Builder(n, n);
        double[][] y = new double[demandColumns.size()][n];
        double[] x = outputRow >= 0 || outputColumn >= 0 ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            int ci = sectorColumns.get(i);
            sectors[i] = columns[ci];
            double[] row = rows.get(rowOfColumn[ci]);
            for (int j = 0; j < n; j++) {
                double v = row[sectorColumns.get(j)];
                if (v < 0) {
                    problems.error(rowWhere.get(rowOfColumn[ci]), "column '" + columns[sectorColumns.get(j)]
                            + "': intermediate flow " + v + " is negative; flows are >= 0");
                } else if (v != 0) {
                    z.add(i, j, v);
                }
            }
            for (int k = 0; k < y.length; k++) {
                y[k][i] = row[demandColumns.get(k)];
            }
            if (outputRow >= 0) {
                x[i] = rows.get(outputRow)[ci];
            } else if (outputColumn >= 0) {
                x[i] = row[outputColumn];
            }
            if (x != null && x[i] < 0) {
                problems.error(outputRow >= 0 ? rowWhere.get(outputRow) : rowWhere.get(rowOfColumn[ci]),
                        "total output of sector '" + sectors[i] + "' is negative (" + x[i] + "); output is >= 0");
            }
        }
        String[] categories = new String[demandColumns.size()];
        for (int k = 0; k < categories.length; k++) {
            categories[k] = columns[demandColumns.get(k)];
        }
        String[] factors = new String[factorRows.size()];
        double[][] f = new double[factors.length][n];
        for (int r = 0; r < factors.length; r++) {
            factors[r] = rowLabels.get(factorRows.get(r));
            double[] row = rows.get(factorRows.get(r));
            for (int j = 0; j < n; j++) {
                f[r][j] = row[sectorColumns.get(j)];
            }
        }
        if (problems.hasErrors()) {
            return null;
        }
        return new IoTable(meta.name(), meta.unit(), sectors, z.build((row, col, at) -> { }), categories, y, x,
                factors, f, meta.factorUnits());
    }
}
