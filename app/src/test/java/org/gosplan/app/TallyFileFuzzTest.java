package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code gosplan tally FILE} on corrupted PrefLib ({@code .soc .soi .toc .toi .cat}) and Pabulib
 * ({@code .pb}) files, as a user meets them: characters replaced, inserted or deleted, lines
 * dropped, repeated or cut, invalid UTF-8 bytes, a NUL, line endings changed. The command either
 * counts (exit 0) or exits 2 naming the file and, where a line is at fault, a line that exists,
 * on standard error and in {@code --json}; never a stack trace, never another exit code.
 */
class TallyFileFuzzTest {
    private static final String NAMES = "# ALTERNATIVE NAME 1: Ann\n# ALTERNATIVE NAME 2: Bob\n# ALTERNATIVE NAME 3: Cy\n";
    /** {extension, method, text} */
    private static final String[][] FILES = {
        {"soc", "schulze", "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 4\n" + NAMES + "3: 1,2,3\n1: 3,2,1\n"},
        {"soi", "stv", "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n" + NAMES + "3: 2,1\n2: 3\n1: 1,3,2\n"},
        {"toc", "schulze", "# DATA TYPE: toc\n# NUMBER ALTERNATIVES: 3\n" + NAMES + "2: {1,2},3\n1: 3,{1,2}\n"},
        {"toi", "schulze", "# DATA TYPE: toi\n# NUMBER ALTERNATIVES: 3\n" + NAMES + "3: 2,{1,3}\n2: 3,1\n1: {1,2}\n"},
        {"cat", "approval", "# DATA TYPE: cat\n# NUMBER ALTERNATIVES: 3\n# NUMBER CATEGORIES: 2\n" + NAMES
                + "2: {1,3},2\n1: {},{1,2,3}\n"},
        {"pb", "equal-shares", "META\nkey;value\nnum_projects;3\nnum_votes;3\nbudget;100\nvote_type;approval\n"
                + "PROJECTS\nproject_id;cost;name\na;60;\"first; with a semicolon\"\nb;50;second\nc;30;third\n"
                + "VOTES\nvoter_id;vote\n1;a,b\n2;b\n3;c,a\n"},
    };
    private static final char[] NOISE = {',', '{', '}', ':', ';', '#', '"', '\n', '\r', ' ', '0', '1', '9', '-', '.',
        'x', '\uFEFF', '\t', '\u00e9', '\u0000'};
    private static final Pattern WHERE = Pattern.compile("t\\.[a-z]+:(\\d+)");

    static byte[] corrupt(String text, long seed, int edits) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder(text);
        for (int k = 0; k < edits && s.length() > 0; k++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(7)) {
                case 0 -> s.setCharAt(at, NOISE[r.nextInt(NOISE.length)]);
                case 1 -> s.insert(at, NOISE[r.nextInt(NOISE.length)]);
                case 2 -> s.deleteCharAt(at);
                case 3 -> { // a line repeated elsewhere
                    int start = s.lastIndexOf("\n", at) + 1;
                    int end = s.indexOf("\n", at);
                    String line = s.substring(start, end < 0 ? s.length() : end + 1);
                    s.insert(r.nextInt(s.length() + 1), line);
                }
                case 4 -> { // a line dropped
                    int start = s.lastIndexOf("\n", at) + 1;
                    int end = s.indexOf("\n", at);
                    s.delete(start, end < 0 ? s.length() : end + 1);
                }
                case 5 -> s.setLength(at); // cut short
                default -> { // Windows line endings
                    String crlf = s.toString().replace("\n", "\r\n");
                    s.setLength(0);
                    s.append(crlf);
                }
            }
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(8) == 0 && bytes.length > 0) { // a byte that is not UTF-8
            bytes[r.nextInt(bytes.length)] = (byte) (0x80 + r.nextInt(0x80));
        }
        return bytes;
    }

    @Property(tries = 120)
    void aCorruptedFileIsCountedOrRefusedWithItsNameAndLine(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 5) int which, @ForAll @IntRange(min = 1, max = 5) int edits)
            throws IOException {
        String[] f = FILES[which];
        Path dir = Files.createTempDirectory("gosplan-fuzz-");
        try {
            Path file = dir.resolve("t." + f[0]);
            byte[] bytes = corrupt(f[2], seed, edits);
            Files.write(file, bytes);
            int lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1).length;
            CliRun r = CliRun.of("tally", file.toString(), "--method", f[1]);
            assertTrue(r.exit() == 0 || r.exit() == 2, "exit " + r.exit() + "\n" + r.out() + r.err());
            assertTrue(r.noStackTrace(), r.err());
            if (r.exit() == 2) {
                assertTrue(r.err().contains("t." + f[0]), r.err());
                Matcher m = WHERE.matcher(r.err());
                if (m.find()) {
                    int line = Integer.parseInt(m.group(1));
                    assertTrue(line >= 1 && line <= lines, "line " + line + " of " + lines + ": " + r.err());
                }
                CliRun j = CliRun.of("tally", file.toString(), "--method", f[1], "--json");
                assertEquals(2, j.exit(), j.out() + j.err());
                JsonNode error = JsonOutputTest.oneDocument(j).get("errors").get(0);
                assertTrue(error.get("message").asText().length() > 0, j.out());
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
