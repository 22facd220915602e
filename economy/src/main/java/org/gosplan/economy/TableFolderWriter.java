package org.gosplan.economy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes an input-output table as the folder of formats.md section 3 ({@code Z.csv}, {@code Y.csv},
 * {@code x.csv}, {@code F.csv}, {@code table.json}), so that {@link TableFolder} reads it back to
 * the same numbers: values are written in the shortest form that round-trips.
 */
final class TableFolderWriter {
    private TableFolderWriter() {}

    static void write(IoTable t, Map<String, String> labels, Path folder) {
        int n = t.sectors();
        try {
            Files.createDirectories(folder);
            try (Writer w = writer(folder, "Z.csv")) {
                w.write("sector");
                for (int j = 0; j < n; j++) {
                    w.write(',');
                    w.write(EconomyFolder.field(t.sector(j)));
                }
                w.write('\n');
                double[][] z = dense(t.flows());
                for (int i = 0; i < n; i++) {
                    w.write(EconomyFolder.field(t.sector(i)));
                    for (int j = 0; j < n; j++) {
                        w.write(',');
                        w.write(Numbers.format(z[i][j]));
                    }
                    w.write('\n');
                }
            }
            try (Writer w = writer(folder, "Y.csv")) {
                w.write("sector");
                for (int c = 0; c < t.categories(); c++) {
                    w.write(',');
                    w.write(EconomyFolder.field(t.category(c)));
                }
                w.write('\n');
                for (int i = 0; i < n; i++) {
                    w.write(EconomyFolder.field(t.sector(i)));
                    for (int c = 0; c < t.categories(); c++) {
                        w.write(',');
                        w.write(Numbers.format(t.finalDemand(c, i)));
                    }
                    w.write('\n');
                }
            }
            try (Writer w = writer(folder, "x.csv")) {
                w.write("sector,output\n");
                for (int i = 0; i < n; i++) {
                    w.write(EconomyFolder.field(t.sector(i)));
                    w.write(',');
                    w.write(Numbers.format(t.output(i)));
                    w.write('\n');
                }
            }
            if (t.factors() > 0) {
                try (Writer w = writer(folder, "F.csv")) {
                    w.write("factor");
                    for (int j = 0; j < n; j++) {
                        w.write(',');
                        w.write(EconomyFolder.field(t.sector(j)));
                    }
                    w.write('\n');
                    for (int r = 0; r < t.factors(); r++) {
                        w.write(EconomyFolder.field(t.factor(r)));
                        for (int j = 0; j < n; j++) {
                            w.write(',');
                            w.write(Numbers.format(t.factorInput(r, j)));
                        }
                        w.write('\n');
                    }
                }
            }
            if (labels != null && !labels.isEmpty()) {
                try (Writer w = writer(folder, "sectors.csv")) {
                    w.write("sector,label\n");
                    for (int i = 0; i < n; i++) {
                        String label = labels.get(t.sector(i));
                        w.write(EconomyFolder.field(t.sector(i)));
                        w.write(',');
                        w.write(label == null ? "" : EconomyFolder.field(label));
                        w.write('\n');
                    }
                }
            }
            StringBuilder json = new StringBuilder("{\n  \"format\": ").append(EconomyJson.quote(IoTable.FORMAT))
                    .append(",\n  \"name\": ").append(EconomyJson.quote(t.name()));
            if (t.unit() != null) {
                json.append(",\n  \"unit\": ").append(EconomyJson.quote(t.unit()));
            }
            if (!t.factorUnits().isEmpty()) {
                json.append(",\n  \"factorUnits\": {");
                boolean first = true;
                for (Map.Entry<String, String> e : t.factorUnits().entrySet()) {
                    json.append(first ? "\n" : ",\n").append("    ").append(EconomyJson.quote(e.getKey()))
                            .append(": ").append(EconomyJson.quote(e.getValue()));
                    first = false;
                }
                json.append("\n  }");
            }
            json.append("\n}\n");
            Files.writeString(folder.resolve("table.json"), json.toString(), StandardCharsets.UTF_8);
        } catch (IOException x) {
            throw new EconomyException(folder.toString(), "cannot write: " + x.getMessage());
        }
    }

    private static double[][] dense(SparseMatrix m) {
        double[][] d = new double[m.rows()][m.cols()];
        int[] start = m.columnStarts();
        int[] rows = m.rowIndexes();
        double[] v = m.values();
        for (int j = 0; j < m.cols(); j++) {
            for (int k = start[j]; k < start[j + 1]; k++) {
                d[rows[k]][j] += v[k];
            }
        }
        return d;
    }

    private static Writer writer(Path folder, String name) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8), 1 << 16);
    }
}
