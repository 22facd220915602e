package org.gosplan.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming CSV reader: line ends, BOM, quoting, blank lines, line numbers. */
class CsvReaderTest {
    @TempDir
    Path tmp;

    /** Every record as (line, fields). */
    static List<String> records(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvReader csv = new CsvReader(file)) {
            while (csv.next()) {
                StringBuilder b = new StringBuilder().append(csv.line()).append(':');
                for (int i = 0; i < csv.fields(); i++) {
                    b.append(i == 0 ? "" : "|").append(csv.text(i));
                }
                out.add(b.toString());
                assertEquals(file.getFileName() + ":" + csv.line(), csv.where());
            }
            assertFalse(csv.next(), "stays at the end");
        }
        return out;
    }

    List<String> records(String content) throws IOException {
        return records(TestFiles.write(tmp.resolve("t.csv"), content));
    }

    @Test
    void lfAndCrlfAndLoneCr() throws IOException {
        List<String> expected = List.of("1:a|b", "2:c|d", "3:e|");
        assertEquals(expected, records("a,b\nc,d\ne,\n"));
        assertEquals(expected, records("a,b\r\nc,d\r\ne,\r\n"));
        assertEquals(expected, records("a,b\rc,d\re,"));
        assertEquals(expected, records("a,b\r\nc,d\ne,"));
    }

    @Test
    void byteOrderMark() throws IOException {
        assertEquals(List.of("1:id|unit", "2:x|y"), records("\uFEFFid,unit\nx,y\n"));
        // a BOM-like text later in the file is data
        assertEquals(List.of("1:a", "2:\uFEFFb"), records("a\n\uFEFFb\n"));
        assertEquals(List.of(), records("\uFEFF"));
        assertEquals(List.of(), records(""));
    }

    @Test
    void quotedFields() throws IOException {
        assertEquals(List.of("1:a,b|c\"d|", "2:x|"), records("\"a,b\",\"c\"\"d\",\"\"\nx,\n"));
        assertEquals(List.of("1:multi\nline|z", "3:next|1"), records("\"multi\nline\",z\nnext,1\n"));
        assertEquals(List.of("1:a\r\nb\r\nc|z", "4:next|"), records("\"a\r\nb\r\nc\",z\r\nnext,\r\n"));
        // a quoted empty line is a record with one empty field, not a blank line
        assertEquals(List.of("1:", "2:a"), records("\"\"\na\n"));
        // a quote inside an unquoted field is kept as text
        assertEquals(List.of("1:5\" pipe|x"), records("5\" pipe,x\n"));
        // a quoted field at the very end, with no line end
        assertEquals(List.of("1:a|b,c"), records("a,\"b,c\""));
    }

    @Test
    void blankLinesAreSkippedAndCounted() throws IOException {
        assertEquals(List.of("2:a", "5:b", "7:c"), records("\na\n\r\n\nb\n\nc\n\n"));
    }

    @Test
    void lineNumbersAfterQuotedNewlines() throws IOException {
        Path f = TestFiles.write(tmp.resolve("p.csv"), "h1,h2\n\"x\ny\nz\",1\n\"\n\",2\nlast,3\n");
        assertEquals(List.of("1:h1|h2", "2:x\ny\nz|1", "5:\n|2", "7:last|3"), records(f));
    }

    @Test
    void unterminatedQuote() throws IOException {
        Path f = TestFiles.write(tmp.resolve("u.csv"), "a,b\n\nc,\"d\ne,f\n");
        try (CsvReader csv = new CsvReader(f)) {
            assertTrue(csv.next());
            CsvReader.CsvSyntaxException e = assertThrows(CsvReader.CsvSyntaxException.class, csv::next);
            assertEquals("u.csv:3", e.where);
            assertTrue(e.getMessage().contains("not closed"), e.getMessage());
        }
    }

    @Test
    void textAfterClosingQuote() throws IOException {
        Path f = TestFiles.write(tmp.resolve("q.csv"), "a,b\n\"x\"\n\"c\"d,e\n");
        try (CsvReader csv = new CsvReader(f)) {
            assertTrue(csv.next());
            assertTrue(csv.next());
            assertEquals("x", csv.text(0));
            CsvReader.CsvSyntaxException e = assertThrows(CsvReader.CsvSyntaxException.class, csv::next);
            assertEquals("q.csv:3", e.where);
            assertTrue(e.getMessage().contains("field 1"), e.getMessage());
        }
    }

    @Test
    void numbersAndLookupsFromBytes() throws IOException {
        Path f = TestFiles.write(tmp.resolve("n.csv"), "2.5,\"-1e3\",abc,,é\n");
        IdIndex index = IdIndex.of("abc", "é");
        try (CsvReader csv = new CsvReader(f)) {
            assertTrue(csv.next());
            assertEquals(5, csv.fields());
            assertEquals(2.5, csv.number(0));
            assertEquals(-1000.0, csv.number(1));
            assertTrue(Double.isNaN(csv.number(2)));
            assertTrue(Double.isNaN(csv.number(3)));
            assertTrue(csv.isEmpty(3));
            assertEquals(0, csv.lookup(index, 2));
            assertEquals(1, csv.lookup(index, 4));
            assertEquals(-1, csv.lookup(index, 0));
            csv.remember(2);
            assertTrue(csv.sameAsRemembered(2));
            assertFalse(csv.sameAsRemembered(4));
        }
    }

    @Test
    void missingFileIsAProblem() {
        Problems problems = new Problems();
        assertNull(CsvReader.open(tmp, "absent.csv", problems, true));
        assertEquals(1, problems.errors().size());
        assertTrue(problems.errors().get(0).where().endsWith("absent.csv"));
        Problems none = new Problems();
        assertNull(CsvReader.open(tmp, "absent.csv", none, false));
        assertFalse(none.hasErrors());
    }

    /** Records longer than the 1 MiB buffer and fields straddling buffer ends. */
    @Test
    void acrossBufferBoundaries() throws IOException {
        StringBuilder b = new StringBuilder();
        List<String> expected = new ArrayList<>();
        int line = 1;
        Random r = new Random(3);
        while (b.length() < 3 << 20) {
            String big = "x".repeat(r.nextInt(3000));
            b.append('"').append(big).append("\"\"\n\",").append(line).append("\r\n");
            expected.add(line + ":" + big + "\"\n|" + line);
            line += 2;
        }
        String huge = "y".repeat(1 << 21);
        b.append(huge).append(",end\n");
        expected.add(line + ":" + huge + "|end");
        assertEquals(expected, records(b.toString()));
    }

    /** Writing fields with EconomyFolder.field and reading them back gives the same fields and line numbers. */
    @Property(tries = 300)
    void writtenFieldsReadBack(@ForAll Random r) throws IOException {
        String[] pieces = {"a", "", " ", ",", "\"", "\n", "\r\n", "é", "😀", "1e5", "\"\"", "x,y"};
        List<List<String>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder(r.nextBoolean() ? "\uFEFF" : "");
        String end = r.nextBoolean() ? "\n" : "\r\n";
        List<Long> lines = new ArrayList<>();
        long line = 1;
        int n = 1 + r.nextInt(20);
        for (int k = 0; k < n; k++) {
            List<String> row = new ArrayList<>();
            int width = 1 + r.nextInt(4);
            for (int i = 0; i < width; i++) {
                StringBuilder f = new StringBuilder();
                for (int j = r.nextInt(4); j > 0; j--) {
                    f.append(pieces[r.nextInt(pieces.length)]);
                }
                row.add(f.toString());
            }
            if (row.size() == 1 && row.get(0).isEmpty()) {
                row.set(0, "z"); // a lone unquoted empty field would be a blank line
            }
            rows.add(row);
            lines.add(line);
            for (int i = 0; i < row.size(); i++) {
                String f = EconomyFolder.field(row.get(i));
                text.append(i == 0 ? "" : ",").append(f);
                line += f.chars().filter(c -> c == '\n').count();
            }
            text.append(end);
            line++;
            if (r.nextInt(4) == 0) {
                text.append(end); // a blank line
                line++;
            }
        }
        Path dir = TestFiles.tempDir(); // jqwik does not inject @TempDir
        Path f = dir.resolve("w.csv");
        TestFiles.writeBytes(f, text.toString().getBytes(StandardCharsets.UTF_8));
        try (CsvReader csv = new CsvReader(f)) {
            for (int k = 0; k < rows.size(); k++) {
                assertTrue(csv.next());
                assertEquals((long) lines.get(k), csv.line(), "line of record " + k);
                List<String> got = new ArrayList<>();
                for (int i = 0; i < csv.fields(); i++) {
                    got.add(csv.text(i));
                }
                assertEquals(rows.get(k), got);
            }
            assertFalse(csv.next());
        } finally {
            TestFiles.deleteTree(dir);
        }
    }
}
