package org.gosplan.economy;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A streaming RFC 4180 reader over UTF-8 bytes, made for files of tens of millions of rows:
 * one reused byte buffer per record, numbers parsed straight from the bytes, strings made only
 * when asked for. Strict: an unterminated quote or text after a closing quote is an error naming
 * the line. Handles CRLF and LF line ends and a leading byte-order mark.
 */
final class CsvReader implements Closeable {
    private static final int BUFFER = 1 << 20;

    private final String fileName;
    private final byte separator;
    private final InputStream in;
    private final long size;
    private final byte[] buf;
    private int pos;
    private int limit;
    private long consumed;
    private boolean eof;

    private byte[] rec = new byte[256];
    private int recLen;
    private int[] fieldStart = new int[8];
    private int[] fieldEnd = new int[8];
    private int fields;
    private long line; // the line the current record starts on, 1-based
    private long nextLine = 1;

    CsvReader(Path file) throws IOException {
        this(file, (byte) ',');
    }

    /** A reader whose fields are separated by {@code separator} (a comma, semicolon or tab); 0 sniffs it. */
    CsvReader(Path file, byte separator) throws IOException {
        this(file, separator, file.getFileName().toString());
    }

    /** As {@link #CsvReader(Path, byte)}, naming the file {@code shown} in messages ({@code emissions/F.txt}). */
    CsvReader(Path file, byte separator, String shown) throws IOException {
        this.fileName = shown;
        this.size = Files.size(file);
        // a file smaller than the buffer is read whole into a buffer of its size (a megabyte each for
        // a ballot's thousand small targets files was mostly zeroing memory); a size of 0 may be a pipe
        this.buf = new byte[size > 0 ? (int) Math.min(BUFFER, Math.max(8192, size + 1)) : BUFFER];
        this.in = Files.newInputStream(file);
        fill();
        if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
        }
        this.separator = separator != 0 ? separator : sniff();
    }

    /**
     * The separator of the first line: a semicolon (European spreadsheets, whose decimal separator
     * is the comma) or a tab when the line holds more of them than commas, else the comma.
     */
    private byte sniff() {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = pos; i < limit && (quoted || (buf[i] != '\n' && buf[i] != '\r')); i++) {
            byte b = buf[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += b == ',' ? 1 : 0;
                semicolons += b == ';' ? 1 : 0;
                tabs += b == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? (byte) '\t' : (byte) ',';
    }

    /** The byte that separates fields. */
    byte separator() {
        return separator;
    }

    /** Opens {@code folder/name}, or reports a missing file as a problem naming it and returns null. */
    static CsvReader open(Path folder, String name, Problems problems, boolean required) {
        return open(folder, name, problems, required, (byte) ',');
    }

    /** As {@link #open(Path, String, Problems, boolean)} with a separator; 0 sniffs it from the first line. */
    static CsvReader open(Path folder, String name, Problems problems, boolean required, byte separator) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            if (required) {
                problems.error(file.toString(), "missing file " + name + "; see docs/spec/formats.md for what it holds");
            }
            return null;
        }
        try {
            return new CsvReader(file, separator, name);
        } catch (NoSuchFileException e) {
            problems.error(file.toString(), "missing file " + name);
            return null;
        } catch (IOException e) {
            problems.error(file.toString(), "cannot read: " + e.getMessage());
            return null;
        }
    }

    private void fill() throws IOException {
        consumed += limit;
        pos = 0;
        limit = 0;
        while (limit == 0) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return;
            }
            limit = n;
        }
    }

    /** Bytes read so far, for progress. */
    long bytesRead() {
        return consumed + pos;
    }

    long size() {
        return size;
    }

    String fileName() {
        return fileName;
    }

    /** The line on which the current record starts. */
    long line() {
        return line;
    }

    /** {@code file:line} of the current record. */
    String where() {
        return fileName + ":" + line;
    }

    /**
     * Reads the next record. Returns false at the end of the file. Blank lines are skipped.
     *
     * @throws CsvSyntaxException on malformed quoting
     */
    boolean next() throws IOException {
        while (true) {
            if (pos >= limit) {
                if (eof) {
                    return false;
                }
                fill();
                if (eof) {
                    return false;
                }
            }
            line = nextLine;
            readRecord();
            if (!(fields == 1 && fieldStart[0] == fieldEnd[0] && !lastWasQuoted)) {
                return true;
            }
        }
    }

    private boolean lastWasQuoted;

    private void readRecord() throws IOException {
        recLen = 0;
        fields = 0;
        lastWasQuoted = false;
        int start = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (pos >= limit) {
                fill();
                if (eof) {
                    if (quoted) {
                        throw new CsvSyntaxException(fileName + ":" + line,
                                "a quoted field is not closed before the end of the file; add the closing \"");
                    }
                    endField(start);
                    return;
                }
            }
            byte b = buf[pos++];
            if (quoted) {
                if (b == '"') {
                    if (pos >= limit) {
                        fill();
                        if (eof) {
                            endField(start);
                            return;
                        }
                    }
                    if (buf[pos] == '"') {
                        pos++;
                        put(b);
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (b == '\n') {
                        nextLine++;
                    }
                    put(b);
                }
                continue;
            }
            if (b == separator) {
                endField(start);
                start = recLen;
                afterQuote = false;
            } else if (b == '\n') {
                nextLine++;
                endField(start);
                return;
            } else if (b == '\r') {
                // CR before LF ends the line; a lone CR is taken as a line end too
                if (pos >= limit) {
                    fill();
                }
                if (!eof && pos < limit && buf[pos] == '\n') {
                    pos++;
                }
                nextLine++;
                endField(start);
                return;
            } else if (b == '"' && recLen == start && !afterQuote) {
                quoted = true;
                lastWasQuoted = true;
            } else if (afterQuote) {
                throw new CsvSyntaxException(fileName + ":" + line, "text after the closing quote of field "
                        + (fields + 1) + "; quote the whole field and double any quote inside it (\"\")");
            } else {
                put(b);
            }
        }
    }

    private void put(byte b) {
        if (recLen == rec.length) {
            rec = Arrays.copyOf(rec, rec.length * 2);
        }
        rec[recLen++] = b;
    }

    private void endField(int start) {
        if (fields == fieldStart.length) {
            fieldStart = Arrays.copyOf(fieldStart, fields * 2);
            fieldEnd = Arrays.copyOf(fieldEnd, fields * 2);
        }
        fieldStart[fields] = start;
        fieldEnd[fields] = recLen;
        fields++;
    }

    int fields() {
        return fields;
    }

    boolean isEmpty(int i) {
        return fieldStart[i] == fieldEnd[i];
    }

    String text(int i) {
        return new String(rec, fieldStart[i], fieldEnd[i] - fieldStart[i], StandardCharsets.UTF_8);
    }

    /** Looks field {@code i} up in {@code index} without making a String: its index, or -1. */
    int lookup(IdIndex index, int i) {
        return index.indexOf(rec, fieldStart[i], fieldEnd[i]);
    }

    /** Whether field {@code i} holds the same bytes as field {@code i} of the record before (see {@link #remember}). */
    boolean sameAsRemembered(int i) {
        int len = fieldEnd[i] - fieldStart[i];
        return len == rememberedLen && Arrays.equals(rec, fieldStart[i], fieldEnd[i], remembered, 0, len);
    }

    private byte[] remembered = new byte[64];
    private int rememberedLen = -1;

    void remember(int i) {
        int len = fieldEnd[i] - fieldStart[i];
        if (remembered.length < len) {
            remembered = new byte[len * 2];
        }
        System.arraycopy(rec, fieldStart[i], remembered, 0, len);
        rememberedLen = len;
    }

    /** Field {@code i} as a number, or NaN when it is not a decimal number (see {@link Numbers#parse}). */
    double number(int i) {
        return Numbers.parse(rec, fieldStart[i], fieldEnd[i]);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A reading of files that may fail on input or on malformed quoting. */
    interface Reading<T> {
        T read() throws IOException;
    }

    /**
     * Runs a reading; malformed quoting is reported at its place, any other failure to read at
     * {@code path}, and the result is then null.
     */
    static <T> T reporting(Path path, Problems problems, Reading<T> reading) {
        try {
            return reading.read();
        } catch (CsvSyntaxException e) {
            problems.error(e.where, e.getMessage());
            return null;
        } catch (IOException e) {
            problems.error(path.toString(), "cannot read: " + e.getMessage());
            return null;
        }
    }

    /** Malformed CSV quoting: where and what. */
    static final class CsvSyntaxException extends IOException {
        private static final long serialVersionUID = 1L;
        final String where;

        CsvSyntaxException(String where, String message) {
            super(message);
            this.where = where;
        }
    }
}
