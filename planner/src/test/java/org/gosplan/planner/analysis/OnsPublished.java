package org.gosplan.planner.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The ONS's published multipliers and effects of the UK 2010 table
 * ({@code examples/uk-ons-2010/published/multipliers_and_effects_product.csv}): rows in the order
 * of {@code sectors.csv}, a quoted label and then the figures.
 */
record OnsPublished(double[] outputMultiplier, double[] employmentCostMultiplier, double[] gvaMultiplier,
                    double[] employmentCostEffects, double[] gvaEffects) {

    static OnsPublished read() {
        Path uk = AnalysisTables.examples().resolve("uk-ons-2010");
        List<String> lines;
        try {
            lines = Files.readAllLines(uk.resolve("published/multipliers_and_effects_product.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = lines.size() - 1;
        double[][] c = new double[5][n];
        for (int i = 0; i < n; i++) {
            String line = lines.get(i + 1);
            String[] tail = line.substring(line.indexOf("\",") + 2).split(",");
            c[0][i] = Double.parseDouble(tail[0]);
            c[1][i] = Double.parseDouble(tail[2]);
            c[2][i] = Double.parseDouble(tail[4]);
            c[3][i] = Double.parseDouble(tail[6]);
            c[4][i] = Double.parseDouble(tail[8]);
        }
        return new OnsPublished(c[0], c[1], c[2], c[3], c[4]);
    }
}
