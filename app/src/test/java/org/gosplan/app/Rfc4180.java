package org.gosplan.app;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests, written apart from CsvOut so that it checks it. */
final class Rfc4180 {
    private Rfc4180() {}

    /** The records of a CSV text: quoted fields may hold commas, doubled quotes and line breaks; lines end in CRLF. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && f.length() == 0) {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quote");
                    }
                    char d = text.charAt(i++);
                    if (d == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            f.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        f.append(d);
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= n || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("CR without LF at " + i);
                }
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else if (c == '"' || c == '\n') {
                throw new IllegalArgumentException("bare " + (c == '"' ? "quote" : "LF") + " at " + i);
            } else {
                f.append(c);
                i++;
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            throw new IllegalArgumentException("the last line does not end in CRLF");
        }
        return rows;
    }
}
