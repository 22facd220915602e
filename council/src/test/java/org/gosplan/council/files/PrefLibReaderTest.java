package org.gosplan.council.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gosplan.council.count.Elections;
import org.gosplan.council.count.RankedBallot;
import org.gosplan.council.count.Stv;
import org.gosplan.council.count.Tally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefLibReaderTest {
    static final String HEAD = "# FILE NAME: t\n# TITLE: A test\n# DATA TYPE: %s\n# NUMBER ALTERNATIVES: 3\n"
            + "# NUMBER VOTERS: %d\n# NUMBER UNIQUE ORDERS: %d\n# ALTERNATIVE NAME 1: Ann\n# ALTERNATIVE NAME 2: Bob\n"
            + "# ALTERNATIVE NAME 3: Cy\n";

    static String file(String type, int voters, int unique, String data) {
        return String.format(HEAD, type, voters, unique) + data;
    }

    @Test
    void readsAGlasgowWardAsPrefLibPublishesIt() {
        PrefLibElection e = Elections.preflib("00008-00000001.soi");
        assertEquals("2007 Glasgow Anderston-City (Scottish STV)", e.title());
        assertEquals("soi", e.dataType());
        assertEquals(9, e.options().size());
        assertEquals("Nina Baker", e.options().name(0));
        assertEquals("Peter Murray", e.options().name(8));
        assertEquals(2031, e.rankings().size());
        assertEquals(6900, e.rankings().stream().mapToLong(RankedBallot::count).sum());
        // the first line, 476: 7, is alternative 7 (Craig MacKay), option 6
        assertEquals(476, e.rankings().get(0).count());
        assertArrayEquals(new int[][] {{6}}, e.rankings().get(0).groups());
        assertEquals(List.of(), e.approvals());
    }

    /** PrefLib's .toc of a ward appends the unranked candidates as one tie: it counts as the .soi, but for one case. */
    @Test
    void aCompletedOrderCountsAsItsStrictOriginal() {
        String soi = Elections.text("00008-00000003.soi");
        PrefLibElection a0 = PrefLibReader.parse("calton.soi", soi);
        StringBuilder toc = new StringBuilder();
        for (String line : soi.split("\n")) {
            if (line.startsWith("#")) {
                toc.append(line.replace("DATA TYPE: soi", "DATA TYPE: toc")).append('\n');
                continue;
            }
            String[] parts = line.split(":");
            List<String> rest = new ArrayList<>();
            List<String> ranked = List.of(parts[1].strip().split(","));
            for (int a = 1; a <= a0.options().size(); a++) {
                if (!ranked.contains(String.valueOf(a))) {
                    rest.add(String.valueOf(a));
                }
            }
            toc.append(parts[0]).append(": ").append(String.join(",", ranked));
            if (rest.size() == 1) {
                toc.append(',').append(rest.get(0));
            } else if (!rest.isEmpty()) {
                toc.append(",{").append(String.join(",", rest)).append('}');
            }
            toc.append('\n');
        }
        PrefLibElection a = PrefLibReader.parse("calton.soi", soi);
        PrefLibElection b = PrefLibReader.parse("calton.toc", toc.toString());
        assertEquals(10, a.options().size());
        Tally ta = Stv.count(a.options(), a.rankings(), 3);
        Tally tb = Stv.count(b.options(), b.rankings(), 3);
        assertEquals(ta.winners(), tb.winners());
        assertEquals(10, ta.rounds().size());
        assertEquals(ta.rounds().subList(0, 9), tb.rounds().subList(0, 9));
        // the .toc writes a ranking of all candidates but one with the last as a plain preference,
        // not a tie: those papers then transfer to it (Ruth Simpson) where the .soi's exhaust
        assertEquals(new java.math.BigDecimal("1394.95575"), ((java.util.Map<?, ?>) tb.rounds().get(9).get("values"))
                .get("Ruth Simpson"));
        assertEquals(List.of("George Redmond", "Alison E Thewliss", "Ruth Simpson"), ta.winners());
    }

    @Test
    void readsTiesAndCategories() {
        PrefLibElection toi = PrefLibReader.parse("x.toi", file("toi", 5, 2, "3: 2,{1,3}\n2: { 3 , 1 }\n"));
        assertArrayEquals(new int[][] {{1}, {0, 2}}, toi.rankings().get(0).groups());
        assertArrayEquals(new int[][] {{2, 0}}, toi.rankings().get(1).groups());
        String cat = "# DATA TYPE: cat\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 4\n# NUMBER UNIQUE PREFERENCES: 3\n"
                + "# NUMBER CATEGORIES: 2\n# CATEGORY NAME 1: Yes\n# CATEGORY NAME 2: No\n"
                + "# ALTERNATIVE NAME 1: Ann\n# ALTERNATIVE NAME 2: Bob\n# ALTERNATIVE NAME 3: Cy\n"
                + "2: {1,3},2\n1: {},{1,2,3}\n1: 2,{}\n";
        PrefLibElection e = PrefLibReader.parse("v.cat", cat);
        assertEquals(List.of(), e.rankings());
        assertEquals(3, e.approvals().size());
        assertArrayEquals(new int[] {0, 2}, e.approvals().get(0).approved());
        assertEquals(2, e.approvals().get(0).count());
        assertArrayEquals(new int[] {}, e.approvals().get(1).approved());
        assertArrayEquals(new int[] {1}, e.approvals().get(2).approved());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "soi|3: 1,2\\n2: 1,{2,3}|t.soi:11|a tie {2, 3} in a strict-order .soi file",
        "soc|3: 1,2,3\\n2: 1,2|t.soc:11|ranks all 3 alternatives; this line ranks 2",
        "soi|3: 1,4|t.soi:10|alternative 4 is not among 1..3",
        "soi|3: 1,1|t.soi:10|alternative 1 appears twice",
        "soi|3 1,2|t.soi:10|has no ':'",
        "soi|x: 1,2|t.soi:10|the count before ':' 'x' is not a whole number",
        "soi|0: 1,2|t.soi:10|at least one voter",
        "soi|3: 1,,2|t.soi:10|column 6: expected an alternative's number, found ','",
        "soi|3: 1 2|t.soi:10|column 6: expected ',' between alternatives, found '2'",
        "soi|3: 1,2,|t.soi:10|ends with ','",
        "soi|3:|t.soi:10|ranks no alternative",
        "toi|3: {1,2|t.toi:10|expected ',' or '}' inside a group",
        "toi|3: {}|t.toi:10|an empty group {} ranks nothing",
        "soi|3: 1\\n# NOTE: late|t.soi:11|a # metadata line after the ballots began at line 10",
        "soi|2: 1|t.soi|# NUMBER VOTERS says 5 but the ballot lines count 2 voters"})
    void refusesMalformedLinesSayingWhereAndWhat(String type, String data, String where, String what) {
        String text = file(type, 5, 2, data.replace("\\n", "\n") + "\n");
        PrefLibException e = assertThrows(PrefLibException.class, () -> PrefLibReader.parse("t." + type, text));
        assertEquals(where, e.where());
        assertTrue(e.getMessage().contains(what), e.getMessage());
        assertTrue(e.getMessage().startsWith(where + ": "), e.getMessage());
    }

    @Test
    void refusesBadMetadata() {
        String noName = "# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: Ann\n1: 1\n";
        assertEquals("n.soi", assertThrows(PrefLibException.class, () -> PrefLibReader.parse("n.soi", noName)).where());
        assertThrows(PrefLibException.class, () -> PrefLibReader.parse("n.txt", "# NUMBER ALTERNATIVES: 1\n"
                + "# ALTERNATIVE NAME 1: Ann\n1: 1\n"));
        PrefLibException twice = assertThrows(PrefLibException.class, () -> PrefLibReader.parse("d.soi",
                "# NUMBER ALTERNATIVES: 1\n# ALTERNATIVE NAME 1: Ann\n# ALTERNATIVE NAME 1: Bo\n1: 1\n"));
        assertEquals("d.soi:3", twice.where());
        PrefLibException type = assertThrows(PrefLibException.class, () -> PrefLibReader.parse("d.soc",
                "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 1\n# ALTERNATIVE NAME 1: Ann\n1: 1\n"));
        assertEquals("d.soc:1", type.where());
        PrefLibException same = assertThrows(PrefLibException.class, () -> PrefLibReader.parse("d.soi",
                "# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: Ann\n# ALTERNATIVE NAME 2: Ann\n1: 1\n"));
        assertTrue(same.getMessage().contains("same name"), same.getMessage());
        PrefLibException cats = assertThrows(PrefLibException.class, () -> PrefLibReader.parse("c.cat",
                "# NUMBER ALTERNATIVES: 1\n# NUMBER CATEGORIES: 2\n# ALTERNATIVE NAME 1: Ann\n1: 1\n"));
        assertEquals("c.cat:4", cats.where());
    }

    @Test
    void refusesAFileThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.soi");
        Files.write(f, new byte[] {'#', ' ', (byte) 0xFF, '\n'});
        PrefLibException e = assertThrows(PrefLibException.class, () -> PrefLibReader.read(f));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertThrows(PrefLibException.class, () -> PrefLibReader.read(dir.resolve("missing.soi")));
    }
}
