package org.gosplan.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A readable table for standard output: the first {@code textColumns} columns left-aligned (ids,
 * labels, clipped to 40 characters), the rest right-aligned numbers.
 */
final class TextTable {
    private static final int MAX_TEXT = 40;
    private final int textColumns;
    private final List<String[]> rows = new ArrayList<>();
    private final java.util.Map<String, String> labels;

    TextTable(int textColumns, String... header) {
        this.textColumns = textColumns;
        this.labels = java.util.Map.of();
        rows.add(header);
    }

    private TextTable(java.util.Map<String, String> labels, String[] header) {
        this.textColumns = labels.isEmpty() ? 1 : 2;
        this.labels = labels;
        rows.add(labels.isEmpty() ? concat(new String[] {"sector"}, header)
                : concat(new String[] {"sector", "label"}, header));
    }

    /** A table of one row per sector: its id, its label where the table has labels, then the numbers. */
    static TextTable bySector(java.util.Map<String, String> labels, String... numberHeaders) {
        return new TextTable(labels, numberHeaders);
    }

    /** A row of a {@link #bySector} table. */
    TextTable sector(String id, String... numbers) {
        rows.add(labels.isEmpty() ? concat(new String[] {id}, numbers)
                : concat(new String[] {id, labels.getOrDefault(id, "")}, numbers));
        return this;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    /** A number to 4 decimals, or '-' for NaN. */
    static String f4(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** A number with thousands separators and 2 decimals. */
    static String money(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.2f", v);
    }

    /** A relative change as a signed percentage, or '-' when undefined. */
    static String percent(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%+.2f%%", 100 * v);
    }

    void print(BufferedWriter w) throws IOException {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], clip(r[c], c).length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String cell = clip(r[c], c);
                if (c > 0) {
                    line.append("  ");
                }
                if (c < textColumns) {
                    line.append(cell).append(" ".repeat(width[c] - cell.length()));
                } else {
                    line.append(" ".repeat(width[c] - cell.length())).append(cell);
                }
            }
            w.write(line.toString().stripTrailing());
            w.newLine();
        }
    }

    private String clip(String s, int column) {
        String t = s == null ? "" : s;
        return column < textColumns && t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT - 1) + "~" : t;
    }
}
