package org.gosplan.planner.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.SplittableRandom;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.IoTable;
import org.gosplan.economy.SparseMatrix;

/** The bundled tables the analyses are checked on, and random tables for properties. */
final class AnalysisTables {
    private AnalysisTables() {}

    static Path examples() {
        String prop = System.getProperty("gosplan.root");
        Path root = prop != null ? Paths.get(prop) : Paths.get("..");
        Path p = root.resolve("examples");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("examples not found at " + p.toAbsolutePath() + "; set -Dgosplan.root");
        }
        return p;
    }

    static IoTable read(String name) {
        return EconomyFiles.readTable(examples().resolve(name));
    }

    /**
     * Miller and Blair (2009) table 2.3: Z = [[150, 500], [200, 100]], x = (1000, 2000), with
     * final demand split into household consumption (50, 400, from their section 2.5 closed
     * example) and the rest, and labour income (300, 500).
     */
    static IoTable millerBlair() {
        SparseMatrix z = SparseMatrix.fromDense(new double[][] {{150, 500}, {200, 100}}, 2, 2);
        return new IoTable("Miller and Blair table 2.3", null, new String[] {"agriculture", "manufacturing"}, z,
                new String[] {"households", "other"}, new double[][] {{50, 400}, {300, 1300}},
                new double[] {1000, 2000}, new String[] {"labour", "other-value-added"},
                new double[][] {{300, 500}, {350, 900}}, Map.of());
    }

    /**
     * A random balanced table: Z sparse and positive, final demand in two categories, two factors
     * that make up exactly the primary inputs, so rows and columns both sum to x.
     */
    static IoTable random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] z = new double[n][n];
        double[][] y = new double[2][n];
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = 10 + 1000 * rnd.nextDouble();
        }
        double[] rowUse = new double[n];
        for (int j = 0; j < n; j++) {
            double budget = x[j] * 0.8 * rnd.nextDouble();
            for (int i = 0; i < n; i++) {
                if (rnd.nextInt(3) == 0) {
                    z[i][j] = budget * rnd.nextDouble() / n;
                }
            }
        }
        // keep every row's sales below its output, so final demand is positive
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += z[i][j];
            }
            if (s > 0.9 * x[i]) {
                for (int j = 0; j < n; j++) {
                    z[i][j] *= 0.9 * x[i] / s;
                }
                s = 0.9 * x[i];
            }
            rowUse[i] = s;
            double share = rnd.nextDouble();
            y[0][i] = (x[i] - s) * share;
            y[1][i] = (x[i] - s) - y[0][i];
        }
        double[][] f = new double[2][n];
        for (int j = 0; j < n; j++) {
            double bought = 0;
            for (int i = 0; i < n; i++) {
                bought += z[i][j];
            }
            double primary = x[j] - bought;
            double share = rnd.nextDouble();
            f[0][j] = primary * share;
            f[1][j] = primary - f[0][j];
        }
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "s" + i;
        }
        return new IoTable("random", null, ids, SparseMatrix.fromDense(z, n, n), new String[] {"households", "other"},
                y, x, new String[] {"compensation", "surplus"}, f, Map.of());
    }
}
