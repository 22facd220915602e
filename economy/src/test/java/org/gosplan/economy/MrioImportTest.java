package org.gosplan.economy;

import static org.gosplan.economy.TestFiles.error;
import static org.gosplan.economy.TestFiles.readFails;
import static org.gosplan.economy.TestFiles.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-regional tables as people download them: pymrio's saved folders and the OECD ICIO
 * layout, checked cell by cell against the files split by hand (tabs, commas), and the two
 * layouts of pymrio's test system against each other.
 */
class MrioImportTest {
    @TempDir
    Path tmp;

    static Path pymrio() {
        return TestFiles.examples().resolve("pymrio-test-mrio");
    }

    static Path icio() {
        return pymrio().resolve("reference").resolve("testmrio-icio.csv");
    }

    /** A file's lines split at {@code sep}, nothing else: the independent reading. */
    static List<String[]> split(Path file, String sep) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(line.split(sep, -1));
        }
        return rows;
    }

    @Test
    void pymrioFolderReadsCellByCell() throws IOException {
        Source s = EconomyFiles.read(pymrio(), Progress.NONE);
        assertEquals(Source.Form.TABLE, s.form());
        IoTable t = s.table();
        assertEquals("testmrio", t.name());
        assertEquals("Mill USD", t.unit());
        assertEquals(48, t.sectors());
        assertEquals("reg1_food", t.sector(0));
        assertEquals("reg6_other", t.sector(47));
        // Z.txt: two header lines, a line naming the index levels, then region, sector, 48 values
        List<String[]> z = split(pymrio().resolve("Z.txt"), "\t");
        assertEquals(3 + 48, z.size());
        for (int i = 0; i < 48; i++) {
            String[] row = z.get(3 + i);
            assertEquals(t.sector(i), row[0] + "_" + row[1]);
            for (int j = 0; j < 48; j++) {
                assertEquals(Double.parseDouble(row[2 + j]), t.flows().get(i, j), row[0] + row[1] + " col " + j);
            }
        }
        List<String[]> y = split(pymrio().resolve("Y.txt"), "\t");
        assertEquals(42, t.categories());
        assertEquals("reg1_Final consumption expenditure by households", t.category(0));
        for (int i = 0; i < 48; i++) {
            for (int c = 0; c < 42; c++) {
                assertEquals(Double.parseDouble(y.get(3 + i)[2 + c]), t.finalDemand(c, i));
            }
        }
        List<String[]> x = split(pymrio().resolve("x.txt"), "\t");
        assertTrue(t.outputGiven());
        for (int i = 0; i < 48; i++) {
            assertEquals(Double.parseDouble(x.get(1 + i)[2]), t.output(i));
        }
        // extensions in folder order: emissions (stressor, compartment), then factor_inputs
        assertEquals(List.of("emission_type1_air", "emission_type2_water", "Value Added"), factors(t));
        assertEquals("kg", t.factorUnit("emission_type2_water"));
        assertEquals("Mill USD", t.factorUnit("Value Added"));
        List<String[]> f = split(pymrio().resolve("emissions/F.txt"), "\t");
        List<String[]> va = split(pymrio().resolve("factor_inputs/F.txt"), "\t");
        for (int j = 0; j < 48; j++) {
            assertEquals(Double.parseDouble(f.get(3)[2 + j]), t.factorInput(0, j));
            assertEquals(Double.parseDouble(f.get(4)[2 + j]), t.factorInput(1, j));
            assertEquals(Double.parseDouble(va.get(3)[1 + j]), t.factorInput(2, j));
        }
        warning(s.warnings(), "emissions/F_Y.txt", "not read");
        assertEquals(1, s.warnings().size(), TestFiles.dump(s.warnings()));
    }

    static List<String> factors(IoTable t) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < t.factors(); r++) {
            out.add(t.factor(r));
        }
        return out;
    }

    @Test
    void icioLayoutOfTheSameSystemReadsTheSameTable() throws IOException {
        Source s = EconomyFiles.read(icio(), Progress.NONE);
        IoTable icio = s.table();
        IoTable mrio = EconomyFiles.readTable(pymrio());
        assertEquals("testmrio-icio", icio.name());
        assertNull(icio.unit());
        assertEquals(mrio.sectors(), icio.sectors());
        for (int i = 0; i < mrio.sectors(); i++) {
            assertEquals(mrio.sector(i), icio.sector(i));
            assertEquals(mrio.output(i), icio.output(i), 1e-12 * mrio.output(i));
            for (int j = 0; j < mrio.sectors(); j++) {
                assertEquals(mrio.flows().get(i, j), icio.flows().get(i, j));
            }
            for (int c = 0; c < mrio.categories(); c++) {
                assertEquals(mrio.finalDemand(c, i), icio.finalDemand(c, i));
            }
            assertEquals(mrio.factorInput(2, i), icio.factorInput(icio.factorIndex("VA"), i));
            assertEquals(0.0, icio.factorInput(icio.factorIndex("TLS"), i));
        }
        assertEquals(List.of("TLS", "VA"), factors(icio));
        assertEquals("reg1_HFCE", icio.category(0));
        // the OUT column is a total, not final demand
        assertEquals(-1, Arrays.asList(categories(icio)).indexOf("OUT"));
        assertTrue(s.warnings().isEmpty(), TestFiles.dump(s.warnings()));
    }

    static String[] categories(IoTable t) {
        String[] c = new String[t.categories()];
        for (int k = 0; k < c.length; k++) {
            c[k] = t.category(k);
        }
        return c;
    }

    /** The 2018 edition's names: TAXSUB rows per country, VALU, OUTPUT, a TOTAL column; empty cells are zeros. */
    static final String ICIO_2018 = ",AUS_01T03,AUS_05T06,BEL_01T03,AUS_HFCE,BEL_HFCE,BEL_P33,TOTAL\n"
            + "AUS_01T03,10,5,,30,5,0,50\n"
            + "AUS_05T06,5,20,5,10,,0,40\n"
            + "BEL_01T03,0,4,6,0,8,2,20\n"
            + "AUS_TAXSUB,1,1,0,2,0,0,4\n"
            + "BEL_TAXSUB,0,0,1,0,1,0,2\n"
            + "VALU,34,10,8,0,0,0,52\n"
            + "OUTPUT,50,40,20,0,0,0,110\n";

    @Test
    void icio2018EditionReadsByItsLabels() {
        Path file = TestFiles.write(tmp.resolve("ICIO2018_2010.CSV"), ICIO_2018);
        Source s = EconomyFiles.read(file, Progress.NONE);
        IoTable t = s.table();
        assertEquals(3, t.sectors());
        assertEquals("BEL_01T03", t.sector(2));
        assertEquals(List.of("AUS_HFCE", "BEL_HFCE", "BEL_P33"), Arrays.asList(categories(t)));
        assertEquals(List.of("AUS_TAXSUB", "BEL_TAXSUB", "VALU"), factors(t));
        assertEquals(0.0, t.flows().get(0, 2));
        assertEquals(4.0, t.flows().get(2, 1));
        assertEquals(40.0, t.output(1));
        assertEquals(5.0, t.finalDemand(1, 0));
        assertEquals(8.0, t.factorInput(2, 2));
        // the coefficients: A = Z diag(x)^-1, column 1 is (5, 20, 4) / 40
        assertEquals(0.1, t.coefficients().get(2, 1), 1e-15);
        warning(s.warnings(), "ICIO2018_2010.CSV", "2 empty cells read as 0",
                "ICIO2018_2010.CSV:2, column 'BEL_01T03'");
    }

    @Test
    void icioFolderNamesItsFileInTableJson() {
        Path dir = tmp.resolve("icio");
        TestFiles.write(dir.resolve("2010.csv"), ICIO_2018);
        TestFiles.write(dir.resolve("notes.csv"), "not a table\n");
        TestFiles.write(dir.resolve("table.json"), "{\"format\": \"oecd-icio\", \"name\": \"ICIO 2010\","
                + " \"unit\": \"USD million\", \"file\": \"2010.csv\"}");
        IoTable t = EconomyFiles.readTable(dir);
        assertEquals("ICIO 2010", t.name());
        assertEquals("USD million", t.unit());
        assertEquals(3, t.sectors());
        TestFiles.write(dir.resolve("table.json"), "{\"format\": \"oecd-icio\"}");
        error(readFails(dir), "table.json:/file", "2 CSV files", "\"file\"");
    }

    @Test
    void icioWithoutSquareCodesSaysWhatItLooksFor() {
        Path file = TestFiles.write(tmp.resolve("wide.csv"), ",a,b\nc,1,2\nd,3,4\n");
        error(readFails(file), "wide.csv:1", "country_industry codes", "rows and as columns");
    }

    @Test
    void pymrioFolderWithCoefficientsAndOutputReadsTheFlows() throws IOException {
        // pymrio saves A and x when Z was dropped: Z = A diag(x)
        IoTable t = EconomyFiles.readTable(pymrio());
        Path dir = tmp.resolve("coefficients");
        Files.createDirectories(dir);
        for (String f : new String[] {"Y.txt", "x.txt", "unit.txt"}) {
            Files.copy(pymrio().resolve(f), dir.resolve(f));
        }
        StringBuilder a = new StringBuilder();
        List<String[]> z = split(pymrio().resolve("Z.txt"), "\t");
        for (int k = 0; k < 3; k++) {
            a.append(String.join("\t", z.get(k))).append('\n');
        }
        SparseMatrix coefficients = t.coefficients();
        for (int i = 0; i < 48; i++) {
            a.append(z.get(3 + i)[0]).append('\t').append(z.get(3 + i)[1]);
            for (int j = 0; j < 48; j++) {
                a.append('\t').append(coefficients.get(i, j));
            }
            a.append('\n');
        }
        TestFiles.write(dir.resolve("A.txt"), a.toString());
        TestFiles.write(dir.resolve("file_parameters.json"), "{\"files\": {"
                + "\"A\": {\"name\": \"A.txt\", \"nr_index_col\": \"2\", \"nr_header\": \"2\"},"
                + "\"Y\": {\"name\": \"Y.txt\", \"nr_index_col\": \"2\", \"nr_header\": \"2\"},"
                + "\"x\": {\"name\": \"x.txt\", \"nr_index_col\": \"2\", \"nr_header\": \"1\"}},"
                + " \"systemtype\": \"IOSystem\"}");
        IoTable back = EconomyFiles.readTable(dir);
        for (int i = 0; i < 48; i++) {
            for (int j = 0; j < 48; j++) {
                assertEquals(t.flows().get(i, j), back.flows().get(i, j), 1e-12 * t.output(j));
            }
        }
        assertEquals(0, back.factors());
    }

    @Test
    void pymrioFolderWithoutFlowsSaysHowToSaveThem() {
        Path dir = tmp.resolve("nothing");
        TestFiles.write(dir.resolve("file_parameters.json"), "{\"files\": {\"Y\": {\"name\": \"Y.txt\","
                + " \"nr_index_col\": \"2\", \"nr_header\": \"2\"}}, \"systemtype\": \"IOSystem\"}");
        error(readFails(dir), "file_parameters.json", "no Z", "save_all");
    }

    @Test
    void pymrioBinaryFormatIsNamed() {
        Path dir = tmp.resolve("pickled");
        TestFiles.write(dir.resolve("file_parameters.json"), "{\"files\": {\"Z\": {\"name\": \"Z.pkl\","
                + " \"nr_index_col\": \"2\", \"nr_header\": \"2\"}}, \"systemtype\": \"IOSystem\"}");
        error(readFails(dir), "file_parameters.json:/files/Z", "'Z.pkl'", "table_format='txt'");
    }

    @Test
    void pymrioLabelsWithCommasBecomeIds() throws IOException {
        Path dir = tmp.resolve("commas");
        TestFiles.write(dir.resolve("file_parameters.json"), "{\"files\": {"
                + "\"Z\": {\"name\": \"Z.txt\", \"nr_index_col\": \"2\", \"nr_header\": \"2\"},"
                + "\"Y\": {\"name\": \"Y.txt\", \"nr_index_col\": \"2\", \"nr_header\": \"2\"}}}");
        TestFiles.write(dir.resolve("Z.txt"), "region\t\tr\tr\nsector\t\t\"a, b\"\tc\nregion\tsector\t\t\n"
                + "r\t\"a, b\"\t1\t2\nr\tc\t3\t\n");
        TestFiles.write(dir.resolve("Y.txt"), "region\t\tr\ncategory\t\thh\nregion\tsector\t\n"
                + "r\t\"a, b\"\t5\nr\tc\t6\n");
        Source s = EconomyFiles.read(dir, Progress.NONE);
        assertEquals("r_a; b", s.table().sector(0));
        assertEquals(8.0, s.table().output(0));
        assertEquals(9.0, s.table().output(1));
        warning(s.warnings(), "Z.txt", "with ';' in its place");
        warning(s.warnings(), "Z.txt", "1 empty cell read as 0");
    }
}
