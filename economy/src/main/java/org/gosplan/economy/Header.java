package org.gosplan.economy;

import java.io.IOException;

/** The column positions of a CSV file's header, checked against the columns formats.md names. */
final class Header {
    private final int[] position;
    final int width;

    private Header(int[] position, int width) {
        this.position = position;
        this.width = width;
    }

    /**
     * Reads the header line and finds each of {@code columns}; those in {@code required} must be
     * there. An unknown column is an error (a misspelt column would otherwise be lost silently).
     * Returns null when the header is unusable (problems reported).
     */
    static Header read(CsvReader csv, String[] columns, boolean[] required, Problems problems) throws IOException {
        if (!csv.next()) {
            problems.error(csv.fileName() + ":1", "the file is empty; it needs the header line "
                    + String.join(",", columns));
            return null;
        }
        int[] position = new int[columns.length];
        java.util.Arrays.fill(position, -1);
        boolean ok = true;
        for (int f = 0; f < csv.fields(); f++) {
            String name = csv.text(f).trim();
            int c = indexOf(columns, name);
            if (c < 0) {
                problems.error(csv.where(), "unknown column '" + name + "' in the header; the columns are "
                        + String.join(",", columns));
                ok = false;
            } else if (position[c] >= 0) {
                problems.error(csv.where(), "column '" + name + "' appears twice in the header");
                ok = false;
            } else {
                position[c] = f;
            }
        }
        for (int c = 0; c < columns.length; c++) {
            if (required[c] && position[c] < 0) {
                problems.error(csv.where(), "the header lacks the column '" + columns[c] + "'; it should read "
                        + String.join(",", columns));
                ok = false;
            }
        }
        return ok ? new Header(position, csv.fields()) : null;
    }

    private static int indexOf(String[] a, String s) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(s)) {
                return i;
            }
        }
        return -1;
    }

    /** The field index of column {@code c}, or -1 when the file lacks that optional column. */
    int at(int c) {
        return position[c];
    }
}
