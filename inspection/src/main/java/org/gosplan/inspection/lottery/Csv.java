package org.gosplan.inspection.lottery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records of a small file (a pool, a quotas table), with the line each starts on. Pools
 * are thousands of rows, so the whole file is read at once; strict quoting, as the economy's
 * reader, so that a stray quote is an error naming its line rather than a silently merged field.
 */
final class Csv {
    private Csv() {}

    record Row(int line, List<String> fields) {
        /** {@code file:line}, after checking the row has one field per column of the header. */
        String where(String file, int columns, String hint) {
            String where = file + ":" + line;
            if (fields.size() != columns) {
                throw new LotteryException(where, "the row has " + fields.size() + " fields but the header has "
                        + columns + "; " + hint);
            }
            return where;
        }
    }

    static List<Row> read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return parse(text, file.getFileName().toString());
    }

    static List<Row> parse(String text, String name) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean wasQuoted = false;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (quoted) {
                if (i == n) {
                    throw new LotteryException(name + ":" + start, "a quoted field is not closed before the end of the"
                            + " file; add the closing \"");
                }
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                boolean blank = fields.size() == 1 && fields.get(0).isEmpty() && !wasQuoted;
                if (!blank) {
                    rows.add(new Row(start, List.copyOf(fields)));
                }
                fields.clear();
                wasQuoted = false;
                line++;
                start = line;
            } else if (afterQuote) {
                throw new LotteryException(name + ":" + line, "text after a closing quote; quote the whole field and"
                        + " double any quote inside it");
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
