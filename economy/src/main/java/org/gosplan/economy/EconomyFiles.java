package org.gosplan.economy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading and writing economies and tables in the forms of formats.md. The form of a path is
 * told by its content: a {@code .csv} file is an OECD ICIO table, any other file economy JSON; a
 * folder holding {@code Z.csv}, pymrio's {@code file_parameters.json} or a {@code table.json}
 * is an IO table; a folder holding {@code economy.json} or {@code techniques.csv} is an economy
 * folder.
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
                TableFiles[] files = new TableFiles[1];
                IoTable t = readTable(path, problems, progress, files);
                problems.throwIfErrors();
                OutputBalance.warn(t, files[0], problems);
                Economy e = Tables.toEconomy(t, files[0], problems);
                Validation.warn(e, problems);
                ColumnSums.warn(e, true, problems);
                return new Source(path, form, e, t, problems.warnings());
            }
        }
    }

    /** Reads a table in any of its layouts ({@link TableLayout}); {@code files[0]} gets the names of its files. */
    private static IoTable readTable(Path path, Problems problems, Progress progress, TableFiles[] files) {
        TableLayout layout = TableLayout.of(path);
        if (layout == null) {
            layout = TableLayout.GOSPLAN; // reports the missing Z.csv
        }
        switch (layout) {
            case PYMRIO:
                files[0] = PymrioFolder.FILES;
                return PymrioFolder.read(path, problems, progress);
            case OECD_ICIO:
                return IcioFile.read(path, problems, progress, files);
            default:
                files[0] = TableFiles.GOSPLAN;
                return TableFolder.read(path, problems, progress);
        }
    }

    /** Reads an economy in any form (a table becomes an economy). */
    public static Economy readEconomy(Path path) {
        return read(path, Progress.NONE).economy();
    }

    /** Reads an input-output table in any layout (a Gosplan or pymrio folder, an OECD ICIO file). */
    public static IoTable readTable(Path path) {
        Problems problems = new Problems();
        IoTable t = readTable(path, problems, Progress.NONE, new TableFiles[1]);
        problems.throwIfErrors();
        return t;
    }

    /**
     * Reads a {@code targets.csv} (columns {@code product,quantity,weight}) for {@code economy}
     * and returns the economy with those targets in place of its own.
     */
    public static Economy readTargets(Path file, Economy economy) {
        if (!Files.isRegularFile(file)) {
            // Named by the user, not looked up in a folder: say what the file must hold and where one comes from.
            throw new EconomyException(file.toString(), "no such file; targets are a CSV with the header"
                    + " product,quantity,weight and one target a line, such as the targets.csv that 'gosplan convert'"
                    + " writes in an economy folder");
        }
        Problems problems = new Problems();
        int[][] product = {new int[16]};
        double[][] quantity = {new double[16]};
        double[][] weight = {new double[16]};
        int[] n = {0};
        boolean[] targeted = new boolean[economy.products()];
        int[] lines;
        try {
            lines = EconomyFolder.readTargets(file, true, economy::productIndex, id -> Ids.unknown("product", id,
                    EconomyFolder.TARGETS_NAME, economy.products(), economy::productId),
                    (p, q, w, region, year) -> {
                if (n[0] == product[0].length) {
                    product[0] = java.util.Arrays.copyOf(product[0], n[0] * 2);
                    quantity[0] = java.util.Arrays.copyOf(quantity[0], n[0] * 2);
                    weight[0] = java.util.Arrays.copyOf(weight[0], n[0] * 2);
                }
                product[0][n[0]] = p;
                quantity[0][n[0]] = q;
                weight[0][n[0]] = w;
                n[0]++;
            }, new PartsBuilder(), problems);
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
        if (TableLayout.of(path) != null) {
            return Source.Form.TABLE;
        }
        if (Files.isRegularFile(path)) {
            return Source.Form.ECONOMY_JSON;
        }
        if (Files.isRegularFile(path.resolve("economy.json")) || Files.isRegularFile(path.resolve("techniques.csv"))) {
            return Source.Form.ECONOMY_FOLDER;
        }
        throw new EconomyException(path.toString(), "this folder is neither an economy folder (economy.json,"
                + " products.csv, techniques.csv, flows.csv, ...) nor an input-output table (Z.csv, Y.csv, ...;"
                + " or pymrio's file_parameters.json, Z.txt, ...); see docs/spec/formats.md sections 2 and 3 and docs/tables.md");
    }

    /** Writes an economy as one JSON file (section 1). */
    public static void writeJson(Economy economy, Path file) {
        EconomyJson.write(economy, file);
    }

    /**
     * Writes an input-output table as a folder (section 3), creating the folder; {@code labels}
     * (sector id to label, may be null or empty) become its {@code sectors.csv}.
     */
    public static void writeTable(IoTable table, java.util.Map<String, String> labels, Path folder) {
        TableFolderWriter.write(table, labels, folder);
    }

    /** Writes an economy as a folder of CSV files (section 2), creating the folder. */
    public static void writeFolder(Economy economy, Path folder) {
        EconomyFolder.write(economy, folder);
    }
}
