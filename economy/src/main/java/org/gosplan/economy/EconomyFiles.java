package org.gosplan.economy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading and writing economies and tables in the forms of formats.md. The form of a path is
 * told by its content: a file is economy JSON; a folder holding {@code Z.csv} is an IO table; a
 * folder holding {@code economy.json} or {@code techniques.csv} is an economy folder.
 */
public final class EconomyFiles {
    private EconomyFiles() {}

    /** Reads any form. Errors (all of them, up to a limit) come as one {@link EconomyException}. */
    public static Source read(Path path, Progress progress) {
        Source.Form form = formOf(path);
        switch (form) {
            case ECONOMY_JSON: {
                Problems problems = new Problems();
                Economy e = EconomyJson.read(path, problems);
                problems.throwIfErrors();
                Validation.warn(e, problems);
                ColumnSums.warn(e, false, problems);
                return new Source(path, form, e, null, problems.warnings());
            }
            case ECONOMY_FOLDER: {
                Problems problems = new Problems();
                Economy e = EconomyFolder.read(path, problems, progress);
                problems.throwIfErrors();
                Validation.warn(e, problems);
                ColumnSums.warn(e, false, problems);
                return new Source(path, form, e, null, problems.warnings());
            }
            default: {
                Problems problems = new Problems();
                IoTable t = TableFolder.read(path, problems, progress);
                problems.throwIfErrors();
                OutputBalance.warn(t, TableFiles.GOSPLAN, problems);
                Economy e = Tables.toEconomy(t, TableFiles.GOSPLAN, problems);
                Validation.warn(e, problems);
                ColumnSums.warn(e, true, problems);
                return new Source(path, form, e, t, problems.warnings());
            }
        }
    }

    /** Reads an economy in any form (a table becomes an economy). */
    public static Economy readEconomy(Path path) {
        return read(path, Progress.NONE).economy();
    }

    /** Reads an input-output table folder. */
    public static IoTable readTable(Path path) {
        Problems problems = new Problems();
        IoTable t = TableFolder.read(path, problems, Progress.NONE);
        problems.throwIfErrors();
        return t;
    }

    /**
     * Reads a {@code targets.csv} (columns {@code product,quantity,weight}) for {@code economy}
     * and returns the economy with those targets in place of its own.
     */
    public static Economy readTargets(Path file, Economy economy) {
        Problems problems = new Problems();
        int[][] product = {new int[16]};
        double[][] quantity = {new double[16]};
        double[][] weight = {new double[16]};
        int[] n = {0};
        boolean[] targeted = new boolean[economy.products()];
        int[] lines;
        try {
            lines = EconomyFolder.readTargets(file, true, economy::productIndex, (p, q, w) -> {
                if (n[0] == product[0].length) {
                    product[0] = java.util.Arrays.copyOf(product[0], n[0] * 2);
                    quantity[0] = java.util.Arrays.copyOf(quantity[0], n[0] * 2);
                    weight[0] = java.util.Arrays.copyOf(weight[0], n[0] * 2);
                }
                product[0][n[0]] = p;
                quantity[0][n[0]] = q;
                weight[0][n[0]] = w;
                n[0]++;
            }, problems);
        } catch (CsvReader.CsvSyntaxException e) {
            throw new EconomyException(e.where, e.getMessage());
        } catch (java.io.IOException e) {
            throw new EconomyException(file.toString(), "cannot read: " + e.getMessage());
        }
        for (int i = 0; i < n[0]; i++) {
            int p = product[0][i];
            if (targeted[p]) {
                problems.error(file.getFileName() + ":" + lines[i], "product '" + economy.productId(p)
                        + "' is targeted twice; give one target per product");
            }
            targeted[p] = true;
        }
        problems.throwIfErrors();
        return economy.withTargets(java.util.Arrays.copyOf(product[0], n[0]), java.util.Arrays.copyOf(quantity[0], n[0]),
                java.util.Arrays.copyOf(weight[0], n[0]));
    }

    /** Writes the economy's targets as a {@code targets.csv}. */
    public static void writeTargets(Economy economy, Path file) {
        EconomyFolder.writeTargets(economy, file);
    }

    /** Which form a path holds; an {@link EconomyException} when it is none of them. */
    public static Source.Form formOf(Path path) {
        if (!Files.exists(path)) {
            throw new EconomyException(path.toString(), "no such file or folder; check the path");
        }
        if (Files.isRegularFile(path)) {
            return Source.Form.ECONOMY_JSON;
        }
        if (Files.isRegularFile(path.resolve("Z.csv"))) {
            return Source.Form.TABLE;
        }
        if (Files.isRegularFile(path.resolve("economy.json")) || Files.isRegularFile(path.resolve("techniques.csv"))) {
            return Source.Form.ECONOMY_FOLDER;
        }
        throw new EconomyException(path.toString(), "this folder is neither an economy folder (economy.json,"
                + " products.csv, techniques.csv, flows.csv, ...) nor an input-output table (Z.csv, Y.csv, ...);"
                + " see formats.md sections 2 and 3");
    }

    /** Writes an economy as one JSON file (section 1). */
    public static void writeJson(Economy economy, Path file) {
        EconomyJson.write(economy, file);
    }

    /** Writes an economy as a folder of CSV files (section 2), creating the folder. */
    public static void writeFolder(Economy economy, Path folder) {
        EconomyFolder.write(economy, folder);
    }
}
