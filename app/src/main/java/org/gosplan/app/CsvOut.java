package org.gosplan.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The tidy CSV of {@code --csv FILE} (docs/csv-export.md): a header line, then one row per
 * (item, quantity), fields quoted by RFC 4180 where they hold a comma, quote or line break,
 * numbers in Java's shortest round-trip form, lines ended by CRLF as RFC 4180 has them. Written
 * to a temporary file beside FILE and moved into place by {@link #finish()}, so a reader never
 * sees half a file and a failed run leaves the old one.
 */
final class CsvOut implements AutoCloseable {
    private final Path file;
    private final Path temp;
    private final BufferedWriter w;
    private final int columns;
    private long rows;

    private CsvOut(Path file, Path temp, BufferedWriter w, int columns) {
        this.file = file;
        this.temp = temp;
        this.w = w;
        this.columns = columns;
    }

    /** Opens FILE for writing with the given header; a usage error when FILE is a folder or cannot be written. */
    static CsvOut open(Path file, String... header) {
        if (Files.isDirectory(file)) {
            throw new UsageException(file + " is a folder; --csv needs a file name such as out.csv");
        }
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            CsvOut out = new CsvOut(file, temp, Files.newBufferedWriter(temp, StandardCharsets.UTF_8), header.length);
            out.line(header);
            out.rows = 0;
            return out;
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** One row of text fields (null is an empty field). */
    void line(String... fields) throws IOException {
        if (fields.length != columns) {
            throw new IllegalArgumentException(fields.length + " fields for " + columns + " columns");
        }
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(field(fields[i]));
        }
        w.write("\r\n");
        rows++;
    }

    /** One row whose last field is a number; skipped when the number is not finite (no figure to give). */
    void row(double value, String... fields) throws IOException {
        if (!Double.isFinite(value)) {
            return;
        }
        String[] all = java.util.Arrays.copyOf(fields, fields.length + 1);
        all[fields.length] = number(value);
        line(all);
    }

    long rows() {
        return rows;
    }

    /** Moves the finished file into place and says so on standard error. */
    void finish() throws IOException {
        w.close();
        Files.move(temp, file.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.err.printf("wrote %s (%,d rows)%n", file, rows);
    }

    /** Without {@link #finish()} (a failure on the way), the half-written file is removed. */
    @Override
    public void close() throws IOException {
        try {
            w.close();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
        }
        return s;
    }

    static String number(double x) {
        // integral values without ".0", so spreadsheets and people read 1000 as 1000
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
