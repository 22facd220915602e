package org.gosplan.economy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The layouts in which an input-output table is read (docs/tables.md). */
enum TableLayout {
    /** Gosplan's own folder of Z.csv, Y.csv, x.csv, F.csv (formats.md section 3). */
    GOSPLAN(IoTable.FORMAT),
    /** A folder written by pymrio's {@code save_all} in its text format. */
    PYMRIO("pymrio"),
    /** The OECD Inter-Country Input-Output tables: one wide CSV file. */
    OECD_ICIO("oecd-icio");

    /** The value of table.json's {@code format} that names the layout. */
    final String format;

    TableLayout(String format) {
        this.format = format;
    }

    static TableLayout ofFormat(String format) {
        for (TableLayout l : values()) {
            if (l.format.equals(format)) {
                return l;
            }
        }
        return null;
    }

    static String formats() {
        StringBuilder b = new StringBuilder();
        for (TableLayout l : values()) {
            b.append(b.length() == 0 ? "\"" : ", \"").append(l.format).append('"');
        }
        return b.toString();
    }

    /**
     * The layout of a path, or null when it holds no table: a {@code .csv} file is an OECD ICIO
     * table; a folder is what its table.json's {@code format} says, else Gosplan's when it holds
     * Z.csv, else pymrio's when it holds pymrio's {@code file_parameters.json}.
     */
    static TableLayout of(Path path) {
        if (Files.isRegularFile(path)) {
            return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? OECD_ICIO : null;
        }
        if (!Files.isDirectory(path)) {
            return null;
        }
        TableLayout declared = TableMeta.declaredLayout(path);
        if (declared != null) {
            return declared;
        }
        if (Files.isRegularFile(path.resolve("Z.csv"))) {
            return GOSPLAN;
        }
        if (Files.isRegularFile(path.resolve(PymrioFolder.PARAMETERS))) {
            return PYMRIO;
        }
        return null;
    }
}
