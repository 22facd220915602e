package org.gosplan.planner.leontief;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The shared data folder and a small CSV reader for the published reference files. */
public final class LeontiefTestData {
    private LeontiefTestData() {}

    /** The repository's copy of the shared data ({@code testdata/data}, see its README). */
    public static Path data() {
        String prop = System.getProperty("gosplan.shared");
        Path d = (prop != null ? Paths.get(prop) : Paths.get("../testdata")).resolve("data");
        if (!Files.isDirectory(d)) {
            throw new IllegalStateException("the test data is not at " + d.toAbsolutePath() + "; set -Dgosplan.shared");
        }
        return d;
    }

    /** All records of an RFC 4180 CSV file. */
    public static List<String[]> csv(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String[]> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
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
