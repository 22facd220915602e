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
                return new Source(path, form, e, null, problems.warnings());
            }
            case ECONOMY_FOLDER: {
                Problems problems = new Problems();
                Economy e = EconomyFolder.read(path, problems, progress);
                problems.throwIfErrors();
                Validation.warn(e, problems);
                return new Source(path, form, e, null, problems.warnings());
            }
            default: {
                Problems problems = new Problems();
                IoTable t = TableFolder.read(path, problems, progress);
                problems.throwIfErrors();
                Economy e = Tables.toEconomy(t, problems);
                Validation.warn(e, problems);
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
