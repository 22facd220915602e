package org.gosplan.economy;

import static org.gosplan.economy.TestFiles.error;
import static org.gosplan.economy.TestFiles.readFails;
import static org.gosplan.economy.TestFiles.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables as spreadsheets write them: empty cells, "1,700", semicolons and decimal commas read
 * (with one warning per file) to the same table as the plain file.
 */
class DownloadedCellsTest {
    @TempDir
    Path tmp;

    Path tableWith(String file, String content) {
        Path t = Fixtures.table(tmp);
        TestFiles.write(t.resolve(file), content);
        return t;
    }

    static long count(List<Problem> warnings, String where) {
        return warnings.stream().filter(w -> w.where().equals(where)).count();
    }

    /** The fixture table's values, read from the plain files. */
    static IoTable plain(Path dir) {
        return EconomyFiles.readTable(Fixtures.table(dir.resolve("plain")));
    }

    static void assertSameTable(IoTable expected, IoTable actual) {
        assertEquals(expected.sectors(), actual.sectors());
        for (int i = 0; i < expected.sectors(); i++) {
            assertEquals(expected.output(i), actual.output(i), "x of " + expected.sector(i));
            for (int j = 0; j < expected.sectors(); j++) {
                assertEquals(expected.flows().get(i, j), actual.flows().get(i, j), "Z " + i + "," + j);
            }
            for (int c = 0; c < expected.categories(); c++) {
                assertEquals(expected.finalDemand(c, i), actual.finalDemand(c, i), "Y " + c + "," + i);
            }
            for (int r = 0; r < expected.factors(); r++) {
                assertEquals(expected.factorInput(r, i), actual.factorInput(r, i), "F " + r + "," + i);
            }
        }
    }

    @Test
    void emptyCellsInZYAndFAreZerosWithOneWarningPerFile() {
        Path t = tableWith("Z.csv", "sector,a,b,c\na,10,20,\nb,5,,30\nc,,1.5,2\n");
        TestFiles.write(t.resolve("Y.csv"), "sector,households,exports\na,70,\nb,40,25\nc,-3,1\n");
        TestFiles.write(t.resolve("F.csv"), "factor,a,b,c\nhours,10,20,30\ntaxes,1,-2,\n");
        Source s = EconomyFiles.read(t, Progress.NONE);
        assertSameTable(plain(tmp), s.table());
        warning(s.warnings(), "Z.csv", "3 empty cells read as 0", "Z.csv:2, column 'c'");
        warning(s.warnings(), "Y.csv", "1 empty cell read as 0", "Y.csv:2, column 'exports'");
        warning(s.warnings(), "F.csv", "1 empty cell read as 0", "F.csv:3, column 'c'");
        assertEquals(1, count(s.warnings(), "Z.csv"), TestFiles.dump(s.warnings()));
    }

    @Test
    void anEmptyTotalOutputIsStillAnError() {
        error(readFails(tableWith("x.csv", Fixtures.X.replace("b,100", "b,"))), "x.csv:3", "'output'", "not a number");
    }

    @Test
    void quotedThousandsSeparatorsAreRead() {
        Path t = tableWith("x.csv", "sector,output\na,100\nb,\"1,000\"\nc,200\n");
        TestFiles.write(t.resolve("Z.csv"), "sector,a,b,c\na,10,20,0\nb,5,0,30\nc,0,1.5,2\n");
        TestFiles.write(t.resolve("Y.csv"), "sector,households,exports\na,\"1,070.5\",0\nb,40,25\nc,-3,1\n");
        Source s = EconomyFiles.read(t, Progress.NONE);
        assertEquals(1000, s.table().output(1));
        assertEquals(1070.5, s.table().finalDemand(0, 0));
        warning(s.warnings(), "x.csv", "1 number written with commas between thousands", "x.csv:3", "'1,000'");
        warning(s.warnings(), "Y.csv", "commas between thousands", "Y.csv:2, column 'households'", "'1,070.5'");
    }

    @Test
    void unquotedThousandsSaySoInTheError() {
        error(readFails(tableWith("x.csv", "sector,output\na,100\nb,1,000\nc,200\n")), "x.csv:3",
                "3 fields", "header has 2", "quoted (\"1,700\")");
    }

    @Test
    void aMisplacedCommaIsNoThousandsSeparator() {
        error(readFails(tableWith("Y.csv", "sector,households,exports\na,\"70,0\",0\nb,40,25\nc,-3,1\n")),
                "Y.csv:2", "'70,0'", "not a number");
    }

    @Test
    void semicolonFilesWithDecimalCommasRead() {
        Path t = tableWith("Z.csv", "sector;a;b;c\na;10;20;0\nb;5;0;30\nc;0;1,5;2\n");
        TestFiles.write(t.resolve("Y.csv"), "sector;households;exports\na;70;0\nb;40;25\nc;-3;1\n");
        TestFiles.write(t.resolve("x.csv"), "sector;output\na;100\nb;100,0\nc;200\n");
        TestFiles.write(t.resolve("F.csv"), "factor;a;b;c\nhours;10;20;30\ntaxes;1;-2;0\n");
        Source s = EconomyFiles.read(t, Progress.NONE);
        assertSameTable(plain(tmp), s.table());
        warning(s.warnings(), "Z.csv", "separated by ';'", "decimal separator", "1 number,", "Z.csv:4", "'1,5'");
        warning(s.warnings(), "Y.csv", "separated by ';'");
        assertEquals(1, count(s.warnings(), "Z.csv"), TestFiles.dump(s.warnings()));
    }

    @Test
    void semicolonFilesTakePointsBetweenThousands() {
        Path t = tableWith("x.csv", "sector;output\na;100\nb;1.000,5\nc;200\n");
        assertEquals(1000.5, EconomyFiles.readTable(t).output(1));
    }

    @Test
    void aPointBetweenThousandsInAFileOfDecimalCommasIsAmbiguous() {
        Path t = tableWith("Y.csv", "sector;households;exports\na;1.700;0\nb;40,5;25\nc;-3;1\n");
        error(readFails(t), "Y.csv:2, column 'households'", "'1.700'", "1700", "decimal comma");
    }

    @Test
    void semicolonFilesWithDecimalPointsRead() {
        Path t = tableWith("Y.csv", "sector;households;exports\na;1.700;0\nb;40.5;25\nc;-3;1\n");
        assertEquals(1.7, EconomyFiles.readTable(t).finalDemand(0, 0));
    }
}
