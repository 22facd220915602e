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
     * Reads a {@code targets.csv} (columns {@code product,quantity,weight}, and {@code region} and
     * {@code year} for an economy with republics or years, formats.md section 5) for {@code
     * economy} and returns the economy with those targets in place of its own, each in its region
     * and year. In an economy with republics every target names its republic.
     */
    public static Economy readTargets(Path file, Economy economy) {
        return readTargets(file, economy, false);
    }

    /**
     * Reads targets Gosplan stored beside a log ({@link #writeTargets}). Before targets kept their
     * place, a targets file of an economy with republics was stored with its {@code region} column
     * empty, and planned so; such a target is read again without a region, so that the plans
     * recorded from it replay as they were computed. Otherwise as {@link #readTargets(Path, Economy)}.
     */
    public static Economy readStoredTargets(Path file, Economy economy) {
        return readTargets(file, economy, true);
    }

    private static Economy readTargets(Path file, Economy economy, boolean regionOptional) {
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
        int[][] region = {new int[16]};
        int[][] year = {new int[16]};
        int[] n = {0};
        // the economy's republics and years, so that the file's region and year columns name them
        Parts parts = economy.parts();
        PartsBuilder places = new PartsBuilder();
        parts.regions().forEach(r -> places.addRegion(r.id(), r.name()));
        places.years(parts.years());
        int[] lines;
        try {
            lines = EconomyFolder.readTargets(file, true, economy::productIndex, id -> Ids.unknown("product", id,
                    EconomyFolder.TARGETS_NAME, economy.products(), economy::productId),
                    (p, q, w, g, y) -> {
                if (n[0] == product[0].length) {
                    product[0] = java.util.Arrays.copyOf(product[0], n[0] * 2);
                    quantity[0] = java.util.Arrays.copyOf(quantity[0], n[0] * 2);
                    weight[0] = java.util.Arrays.copyOf(weight[0], n[0] * 2);
                    region[0] = java.util.Arrays.copyOf(region[0], n[0] * 2);
                    year[0] = java.util.Arrays.copyOf(year[0], n[0] * 2);
                }
                product[0][n[0]] = p;
                quantity[0][n[0]] = q;
                weight[0][n[0]] = w;
                region[0][n[0]] = g;
                year[0][n[0]] = y;
                n[0]++;
            }, places, regionOptional, problems);
        } catch (CsvReader.CsvSyntaxException e) {
            throw new EconomyException(e.where, e.getMessage());
        } catch (java.io.IOException e) {
            throw new EconomyException(file.toString(), "cannot read: " + e.getMessage());
        }
        int[] p = java.util.Arrays.copyOf(product[0], n[0]);
        int[] g = java.util.Arrays.copyOf(region[0], n[0]);
        int[] y = java.util.Arrays.copyOf(year[0], n[0]);
        int[] at = lines;
        EconomyBuilder.checkTargetsOnce(p, g, y, economy::productId, places.regionIds(), problems,
                i -> file.getFileName() + ":" + at[i]);
        problems.throwIfErrors();
        double[] q = java.util.Arrays.copyOf(quantity[0], n[0]);
        double[] w = java.util.Arrays.copyOf(weight[0], n[0]);
        return parts.isEmpty() ? economy.withTargets(p, q, w) : economy.withTargets(p, q, w, g, y);
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
