package org.gosplan.economy;

/** Input-output tables as economies. */
public final class Tables {
    private Tables() {}

    /**
     * The economy of a table: one technique {@code make-<sector>} per sector producing one unit
     * of its own output from column {@code j} of A; each factor row of S with no negative entry
     * becomes a resource (unlimited); the targets are the row sums of Y where positive; sector
 * labels become product names.
     * Warnings go to {@code problems}: sectors with negative final demand (drawn from stocks),
     * factor rows with negative entries (taxes less subsidies: they count in multipliers but are
     * no resource), sectors with zero output.
     */
    public static Economy toEconomy(IoTable table, Problems problems) {
        return toEconomy(table, TableFiles.GOSPLAN, problems);
    }

    /** As {@link #toEconomy(IoTable, Problems)}, naming in warnings the files the table was read from. */
    static Economy toEconomy(IoTable table, TableFiles files, Problems problems) {
        int n = table.sectors();
        EconomyBuilder b = new EconomyBuilder(table.name(), n);
        for (int i = 0; i < n; i++) {
            b.addProduct(table.sector(i), table.unit(), table.label(i));
        }
        double[][] s = table.factorIntensities();
        int[] resourceOf = new int[table.factors()];
        for (int r = 0; r < table.factors(); r++) {
            String id = table.factor(r);
            boolean negative = false;
            for (int i = 0; i < n && !negative; i++) {
                negative = table.factorInput(r, i) < 0;
            }
            if (negative) {
                resourceOf[r] = -1;
                problems.warn(Problem.Concern.PLANNING, files.f(), "factor '" + id + "' has negative entries (such"
                        + " as taxes less subsidies); it counts in multipliers but does not become a resource of the"
                        + " economy");
                continue;
            }
            resourceOf[r] = b.addResource(id, table.factorUnit(id), Double.NaN);
            if (resourceOf[r] < 0) {
                problems.warn(Problem.Concern.PLANNING, files.f(), "factor '" + id + "' has the id of a sector;"
                        + " it is left out of the economy's resources; rename it");
            }
        }
        SparseMatrix a = table.coefficients();
        int[] start = a.columnStarts();
        int[] rows = a.rowIndexes();
        double[] v = a.values();
        for (int j = 0; j < n; j++) {
            int t = b.addTechnique("make-" + table.sector(j), Double.POSITIVE_INFINITY);
            b.output(t, j, 1.0);
            for (int k = start[j]; k < start[j + 1]; k++) {
                b.productInput(t, rows[k], v[k]);
            }
            for (int r = 0; r < resourceOf.length; r++) {
                if (resourceOf[r] >= 0 && s[r][j] != 0.0) {
                    b.resourceInput(t, resourceOf[r], s[r][j]);
                }
            }
        }
        double[] y = table.finalDemand();
        for (int i = 0; i < n; i++) {
            if (y[i] > 0) {
                b.target(i, y[i], 1.0);
            } else if (y[i] < 0) {
                problems.warn(Problem.Concern.PLANNING, files.y(), "final demand of sector '" + table.sector(i)
                        + "' is negative (" + y[i] + ", drawn from stocks); it gets no target");
            }
        }
        for (int i : table.zeroOutputSectors()) {
            problems.warn(Problem.Concern.COEFFICIENTS, files.x(), "sector '" + table.sector(i)
                    + "' has zero total output; its column of A is zero (it is not divided by)");
        }
        Economy e = b.build(problems, null, null);
        problems.throwIfErrors();
        return e;
    }
}
