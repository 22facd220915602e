package org.gosplan.economy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One table of a pymrio text folder as pandas writes it: tab-separated, {@code headers} lines
 * of column labels (one per level of the columns' index, the level's name first), then a line
 * naming the index levels when there are several header lines, then one row per entry whose
 * first {@code indexCols} fields are its labels. Labels of several levels are joined with
 * {@code _} (region {@code reg1}, sector {@code food}: {@code reg1_food}); a comma in a label,
 * which ids may not hold, becomes {@code ;} (one warning per file).
 */
final class PymrioFrame implements Closeable {
    private final CsvReader csv;
    private final Cells cells;
    private final int indexCols;
    private final String[] columns;
    private final String where;
    private boolean pending;
    private long commas;
    private String firstComma;

    private PymrioFrame(CsvReader csv, int indexCols, String[] columns, boolean pending, String where) {
        this.csv = csv;
        this.cells = new Cells(csv);
        this.indexCols = indexCols;
        this.columns = columns;
        this.pending = pending;
        this.where = where;
    }

    /** Opens {@code folder/file} and reads its header; null when it is missing or unusable (problems reported). */
    static PymrioFrame open(Path folder, String file, String shown, int indexCols, int headers, boolean required,
                            Problems problems) throws IOException {
        CsvReader csv = CsvReader.open(folder, file, problems, required, (byte) '\t');
        if (csv == null) {
            return null;
        }
        String[][] levels = new String[headers][];
        int width = -1;
        for (int k = 0; k < headers; k++) {
            if (!csv.next()) {
                problems.error(shown + ":" + (k + 1), "the file ends within its " + headers + " header lines");
                csv.close();
                return null;
            }
            if (width < 0) {
                width = csv.fields();
            }
            if (csv.fields() != width || width <= indexCols) {
                problems.error(csv.where(), "header line " + (k + 1) + " has " + csv.fields() + " fields; pymrio"
                        + " writes " + indexCols + " label fields and then one per column on each of its " + headers
                        + " header lines (file_parameters.json gives nr_index_col and nr_header)");
                csv.close();
                return null;
            }
            levels[k] = new String[width - indexCols];
            for (int c = 0; c < levels[k].length; c++) {
                levels[k][c] = csv.text(indexCols + c);
            }
        }
        PymrioFrame f = new PymrioFrame(csv, indexCols, null, false, shown);
        String[] columns = new String[width - indexCols];
        for (int c = 0; c < columns.length; c++) {
            String[] parts = new String[headers];
            for (int k = 0; k < headers; k++) {
                parts[k] = levels[k][c];
            }
            columns[c] = f.label(parts, csv.where());
        }
        boolean pending = false;
        if (headers > 1 && csv.next()) {
            // pandas names the index levels on a line of their own when the columns have several levels
            boolean names = true;
            for (int c = indexCols; c < csv.fields() && names; c++) {
                names = csv.isEmpty(c);
            }
            pending = !names;
        }
        PymrioFrame frame = new PymrioFrame(csv, indexCols, columns, pending, shown);
        frame.commas = f.commas;
        frame.firstComma = f.firstComma;
        return frame;
    }

    private String label(String[] parts, String at) {
        String s = String.join("_", parts);
        if (s.indexOf(',') >= 0) {
            if (commas++ == 0) {
                firstComma = at + " ('" + s + "')";
            }
            s = s.replace(',', ';');
        }
        return s;
    }

    /** The column labels. */
    String[] columns() {
        return columns.clone();
    }

    int width() {
        return columns.length;
    }

    /** Advances to the next data row; false at the end. */
    boolean next() throws IOException {
        if (pending) {
            pending = false;
            return true;
        }
        return csv.next();
    }

    /** Whether the current row has a field for every column; reports it when not. */
    boolean complete(Problems problems) {
        if (csv.fields() == indexCols + columns.length) {
            return true;
        }
        problems.error(csv.where(), "this row has " + csv.fields() + " fields but the header has "
                + (indexCols + columns.length));
        return false;
    }

    /** The current row's label. */
    String row() {
        String[] parts = new String[indexCols];
        for (int k = 0; k < indexCols; k++) {
            parts[k] = csv.text(k);
        }
        return label(parts, csv.where());
    }

    /** Column {@code c} of the current row as a number; NaN when it is none. */
    double value(int c, boolean emptyIsZero) {
        return cells.value(csv, indexCols + c, columns[c], emptyIsZero);
    }

    /** Column {@code c} of the current row as text. */
    String text(int c) {
        return csv.text(indexCols + c);
    }

    /** {@code file:line} of the current row. */
    String where() {
        return csv.where();
    }

    long bytesRead() {
        return csv.bytesRead();
    }

    long size() {
        return csv.size();
    }

    /** Reports the file's warnings (empty cells, separators, commas in labels), once each. */
    void report(Problems problems) {
        cells.report(problems);
        if (commas > 0) {
            problems.warn(where, commas + " label" + (commas == 1 ? "" : "s") + " with a comma, which ids may not"
                    + " hold, read with ';' in its place (the first at " + firstComma + ")");
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
