package org.gosplan.inspection.lottery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every drawn panel has between {@code min} and {@code max} members whose {@code attribute} is
 * {@code value}. {@code where} is the file and line it came from, for messages ("" when made in code).
 */
public record Quota(String attribute, String value, int min, int max, String where) {
    public Quota {
        if (min < 0 || max < min) {
            throw new LotteryException(where, "the quota " + attribute + "=" + value + " has min " + min + " and max "
                    + max + "; give 0 <= min <= max");
        }
    }

    public Quota(String attribute, String value, int min, int max) {
        this(attribute, value, min, max, "");
    }

    /** {@code gender=female}. */
    public String feature() {
        return attribute + "=" + value;
    }

    /**
     * Reads a quotas file as the Sortition Foundation's: a header naming the columns, then one row
     * per attribute value. The attribute's column may be called {@code attr}, {@code category} or
     * {@code attribute}; the value's {@code value}, {@code feature} or {@code name}; then {@code min}
     * and {@code max}. Other columns ({@code min_flex}, ...) are ignored.
     */
    public static List<Quota> read(Path file) throws IOException {
        return parse(java.nio.file.Files.readString(file), file.getFileName().toString());
    }

    /** As {@link #read(Path)}, from the text of a file called {@code name} in messages. */
    public static List<Quota> parse(String text, String name) {
        List<Csv.Row> rows = Csv.parse(text, name);
        if (rows.isEmpty()) {
            throw new LotteryException(name, "the file is empty; give a header attr,value,min,max and one row per"
                    + " quota");
        }
        List<String> header = new ArrayList<>();
        for (String h : rows.get(0).fields()) {
            header.add(h.strip().toLowerCase(java.util.Locale.ROOT));
        }
        String top = name + ":" + rows.get(0).line();
        int attr = column(header, top, "attr", "category", "attribute");
        int value = column(header, top, "value", "feature", "name");
        int min = column(header, top, "min");
        int max = column(header, top, "max");
        List<Quota> quotas = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            Csv.Row row = rows.get(r);
            String where = row.where(name, header.size(), "give attr,value,min,max on every row");
            String a = row.fields().get(attr).strip();
            String v = row.fields().get(value).strip();
            if (a.isEmpty() || v.isEmpty()) {
                throw new LotteryException(where, "the attribute or its value is empty; name both");
            }
            Integer before = lineOf.putIfAbsent(a + "\u0000" + v, row.line());
            if (before != null) {
                throw new LotteryException(where, "a quota for " + a + "=" + v + " was already given on line " + before
                        + "; give each attribute value once");
            }
            quotas.add(new Quota(a, v, count(row, min, where, "min"), count(row, max, where, "max"), where));
        }
        return quotas;
    }

    private static int column(List<String> header, String where, String... names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        throw new LotteryException(where, "the header has no column '" + names[0] + "'; a quotas file has the columns"
                + " attr,value,min,max (or the Sortition Foundation's category,feature,min,max)");
    }

    private static int count(Csv.Row row, int column, String where, String what) {
        String s = row.fields().get(column).strip();
        try {
            int n = Integer.parseInt(s);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new LotteryException(where, what + " '" + s + "' is not a whole number of people; give 0 or more");
    }
}
