package org.gosplan.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Ids;
import org.gosplan.economy.IoTable;
import org.gosplan.economy.Source;

/**
 * What the analysis commands read besides the table: the table itself (an economy will not do),
 * its sector labels, small CSV files of {@code sector,value} and {@code ID=VALUE} options.
 */
final class AnalysisInputs {
    private AnalysisInputs() {}

    /**
     * The table at {@code path}; an economy is refused, naming the command. The table is not
     * turned into an economy, so the warnings of that conversion (factors that cannot be
     * resources, demand drawn from stocks) are not printed: they do not concern the analyses.
     */
    static IoTable table(Path path, String command) {
        if (EconomyFiles.formOf(path) != Source.Form.TABLE) {
            throw new UsageException(path + ": '" + command + "' needs an input-output table folder (Z.csv, Y.csv,"
                    + " x.csv, F.csv): its money flows are what it divides; an economy has techniques, not flows");
        }
        return EconomyFiles.readTable(path);
    }

    /** The table's sector labels (its sectors.csv), by sector id; sectors without one are left out. */
    static Map<String, String> labels(IoTable t) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < t.sectors(); i++) {
            String l = t.label(i);
            if (l != null && !l.isEmpty()) {
                labels.put(t.sector(i), l);
            }
        }
        return labels;
    }

    /**
     * A CSV file of {@code sector,<column>} rows: the values by sector index, NaN where the file
     * has no row. Exit 2 naming the line for an unknown sector, a repeat or a bad number.
     */
    static double[] sectorValues(Path file, String column, IoTable t) {
        List<String[]> rows = csv(file);
        if (rows.isEmpty() || rows.get(0).length != 2 || !rows.get(0)[0].equals("sector")
                || !rows.get(0)[1].equals(column)) {
            throw new UsageException(file + ":1: the header must be sector," + column);
        }
        double[] v = new double[t.sectors()];
        java.util.Arrays.fill(v, Double.NaN);
        for (int line = 1; line < rows.size(); line++) {
            String[] r = rows.get(line);
            String where = file + ":" + (line + 1);
            if (r.length == 1 && r[0].isBlank()) {
                continue;
            }
            if (r.length != 2) {
                throw new UsageException(where + ": expected sector," + column);
            }
            int i = sector(t, r[0], where);
            if (!Double.isNaN(v[i])) {
                throw new UsageException(where + ": sector '" + r[0] + "' is given twice; give each sector once");
            }
            v[i] = number(r[1], where + ": " + column);
        }
        return v;
    }

    /** The index of sector {@code id}, or exit 2 naming {@code where}. */
    static int sector(IoTable t, String id, String where) {
        int i = t.sectorIndex(id);
        if (i < 0) {
            String near = Ids.didYouMean(id, t.sectors(), t::sector);
            throw new UsageException(where + ": no sector '" + id + "' in the table"
                    + (near.isEmpty() ? "; check the id (the first column of Z.csv)" : near));
        }
        return i;
    }

    /** The first {@code count} ids, and "..." after twelve: enough to see what was meant. */
    static List<String> ids(int count, java.util.function.IntFunction<String> idAt) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < Math.min(count, 12); i++) {
            ids.add("'" + idAt.apply(i) + "'");
        }
        if (count > 12) {
            ids.add("...");
        }
        return ids;
    }

    /** {@code ID=VALUE} of an option; a value ending in % is a percentage. */
    static Map.Entry<String, Double> assignment(String option, String text) {
        int eq = text.lastIndexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new UsageException(option + " " + text + ": write ID=VALUE, such as " + option
                    + (option.equals("--factor") ? " compensation=10%" : " 01=1.1"));
        }
        return Map.entry(text.substring(0, eq), number(text.substring(eq + 1), option + " " + text));
    }

    static double number(String text, String where) {
        String s = text.trim();
        double scale = 1;
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).trim();
            scale = 0.01;
        }
        try {
            double d = Double.parseDouble(s) * scale;
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(where + ": '" + text + "' is not a finite number");
    }

    /** All records of a small RFC 4180 CSV file. */
    static List<String[]> csv(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file; check the path");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String[]> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row.toArray(new String[0]));
                row.clear();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row.toArray(new String[0]));
        }
        return rows;
    }
}
