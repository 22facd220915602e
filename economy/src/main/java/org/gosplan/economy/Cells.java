package org.gosplan.economy;

import java.util.regex.Pattern;

/**
 * Numbers in the cells of one table file, read as the spreadsheets people download them from
 * write them, each liberty reported in one warning per file rather than refused:
 * <ul>
 * <li>an empty cell is 0 (where the caller allows it: flows, final demand, factor inputs);</li>
 * <li>in a comma-separated file, a quoted number with commas between groups of three digits,
 *     {@code "1,700"}, is 1700;</li>
 * <li>in a semicolon-separated file (European style) the comma is the decimal separator and a
 *     point between groups of three digits a thousands separator: {@code 1.234,5} is 1234.5 and
 *     {@code 0,25} is 0.25; a number with a point and no comma keeps the point as its decimal
 *     separator, unless the same file also writes decimal commas and the point stands between
 *     groups of three ({@code 1.700}): that could be either, and is an error.</li>
 * </ul>
 */
final class Cells {
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL_COMMA =
            Pattern.compile("[+-]?(\\d{1,3}(\\.\\d{3})+|\\d*),\\d+([eE][+-]?\\d+)?");
    private static final Pattern POINT_GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+");

    private final String file;
    private final boolean decimalComma;
    private long empty;
    private String firstEmpty;
    private long grouped;
    private String firstGrouped;
    private long commas;
    private String firstComma;
    private String ambiguous;
    private String ambiguousText;

    Cells(CsvReader csv) {
        this.file = csv.fileName();
        this.decimalComma = csv.separator() == ';';
    }

    /**
     * Field {@code i} of the current record as a number; NaN when it is none (the caller says so,
     * naming the cell). An empty field is 0 when {@code emptyIsZero}, else NaN.
     */
    double value(CsvReader csv, int i, String column, boolean emptyIsZero) {
        if (csv.isEmpty(i)) {
            if (!emptyIsZero) {
                return Double.NaN;
            }
            if (empty++ == 0) {
                firstEmpty = csv.where() + ", column '" + column + "'";
            }
            return 0.0;
        }
        if (!decimalComma) {
            double v = csv.number(i);
            if (!Double.isNaN(v)) {
                return v;
            }
            String t = csv.text(i);
            if (!GROUPED.matcher(t).matches()) {
                return Double.NaN;
            }
            if (grouped++ == 0) {
                firstGrouped = csv.where() + ", column '" + column + "' ('" + t + "')";
            }
            return Numbers.parse(t.replace(",", ""));
        }
        String t = csv.text(i);
        if (t.indexOf(',') >= 0) {
            if (!DECIMAL_COMMA.matcher(t).matches()) {
                return Double.NaN;
            }
            if (commas++ == 0) {
                firstComma = csv.where() + ", column '" + column + "' ('" + t + "')";
            }
            return Numbers.parse(t.replace(".", "").replace(',', '.'));
        }
        if (ambiguous == null && POINT_GROUPED.matcher(t).matches()) {
            ambiguous = csv.where() + ", column '" + column + "'";
            ambiguousText = t;
        }
        return csv.number(i);
    }

    /** The warnings (and the one error) of the file, once each. */
    void report(Problems problems) {
        if (decimalComma) {
            String seen = commas == 0 ? "" : " (" + commas + " number" + (commas == 1 ? "" : "s") + ", the first at "
                    + firstComma + ")";
            problems.warn(file, "fields are separated by ';' (European style): a comma in a number is read as its"
                    + " decimal separator" + seen + " and a point between groups of three digits as a thousands"
                    + " separator");
        }
        if (decimalComma && commas > 0 && ambiguous != null) {
            problems.error(ambiguous, "'" + ambiguousText + "' could be a thousand times itself: this file writes"
                    + " decimals with a comma (as at " + firstComma + "), so the point may separate thousands;"
                    + " write it without the point (" + ambiguousText.replace(".", "") + ") or with a decimal comma");
        }
        if (grouped > 0) {
            problems.warn(file, grouped + " number" + (grouped == 1 ? "" : "s") + " written with commas between"
                    + " thousands read without them (the first at " + firstGrouped + ")");
        }
        if (empty > 0) {
            problems.warn(file, empty + " empty cell" + (empty == 1 ? "" : "s") + " read as 0 (the first at "
                    + firstEmpty + ")");
        }
    }
}
