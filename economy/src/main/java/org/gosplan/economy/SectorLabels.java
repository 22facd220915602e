package org.gosplan.economy;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The optional {@code sectors.csv} of a table folder: a readable name for each sector, header
 * {@code sector,label} (or {@code sector,name}), one row per sector in any order; sectors left
 * out have no label. Labels become the product names of the table's economy, so every output
 * and every conversion carries them.
 */
final class SectorLabels {
    private SectorLabels() {}

    static final String FILE = "sectors.csv";

    /** The table with the labels of {@code folder/sectors.csv}, or the table itself when there is none. */
    static IoTable attach(Path folder, IoTable table, Problems problems) throws IOException {
        if (table == null) {
            return null;
        }
        try (CsvReader csv = CsvReader.open(folder, FILE, problems, false)) {
            if (csv == null || !csv.next()) {
                return table;
            }
            if (csv.fields() != 2 || !csv.text(0).equals("sector")
                    || !(csv.text(1).equals("label") || csv.text(1).equals("name"))) {
                problems.error(csv.where(), "the header must be sector,label (a readable name for each sector of Z.csv)");
                return table;
            }
            String[] labels = new String[table.sectors()];
            while (csv.next() && !problems.full()) {
                if (csv.fields() != 2) {
                    problems.error(csv.where(), "this row has " + csv.fields() + " fields; write sector,label and quote"
                            + " a label that holds a comma (\"Products of agriculture, hunting\")");
                    continue;
                }
                String id = csv.text(0);
                int i = table.sectorIndex(id);
                if (i < 0) {
                    problems.error(csv.where(), "unknown sector '" + id + "'; the sectors are those of Z.csv");
                } else if (labels[i] != null) {
                    problems.error(csv.where(), "sector '" + id + "' has two labels; give each sector one row");
                } else if (!csv.isEmpty(1)) {
                    labels[i] = csv.text(1);
                }
            }
            return table.withLabels(labels);
        }
    }
}
