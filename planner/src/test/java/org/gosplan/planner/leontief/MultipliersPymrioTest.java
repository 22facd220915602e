package org.gosplan.planner.leontief;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.IoTable;
import org.junit.jupiter.api.Test;

/**
 * pymrio's test system, imported from pymrio's own saved folder and from the OECD ICIO layout
 * of it, gives pymrio's published results: the column sums of its L and its M (total
 * intensities S L) of both extensions, written by pymrio with 12 significant digits.
 */
class MultipliersPymrioTest {
    static Path example() {
        String root = System.getProperty("gosplan.root");
        return (root != null ? Paths.get(root) : Paths.get("..")).resolve("examples").resolve("pymrio-test-mrio");
    }

    /** The lines of a file of reference/ after its header lines, split at tabs: label fields, then values. */
    static List<String[]> rows(String file, int headerLines) throws IOException {
        List<String> lines = Files.readAllLines(example().resolve("reference").resolve(file));
        return lines.subList(headerLines, lines.size()).stream().map(l -> l.split("\t", -1)).toList();
    }

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    static void matchesPymrio(IoTable t, String valueAdded, String air, String water) throws IOException {
        Multipliers m = Multipliers.of(t, LeontiefOptions.DEFAULT);
        List<String[]> out = rows("output_multipliers.txt", 1);
        for (int i = 0; i < 48; i++) {
            assertEquals(out.get(i)[0] + "_" + out.get(i)[1], t.sector(i));
            close(Double.parseDouble(out.get(i)[2]), m.output()[i], "output multiplier of " + t.sector(i));
        }
        String[] va = rows("M_factor_inputs.txt", 3).get(0);
        List<String[]> em = rows("M_emissions.txt", 3);
        double[] mVa = m.total(t.factorIndex(valueAdded));
        double[] mAir = m.total(t.factorIndex(air));
        for (int j = 0; j < 48; j++) {
            close(Double.parseDouble(va[1 + j]), mVa[j], "value added of " + t.sector(j));
            close(Double.parseDouble(em.get(0)[2 + j]), mAir[j], "emission_type1 of " + t.sector(j));
            if (water != null) {
                close(Double.parseDouble(em.get(1)[2 + j]), m.total(t.factorIndex(water))[j], "type2 " + j);
            }
        }
    }

    @Test
    void pymrioFolderGivesPymriosMultipliers() throws IOException {
        matchesPymrio(EconomyFiles.readTable(example()), "Value Added", "emission_type1_air", "emission_type2_water");
    }

    @Test
    void icioLayoutGivesTheSameValueAddedMultipliers() throws IOException {
        IoTable t = EconomyFiles.readTable(example().resolve("reference").resolve("testmrio-icio.csv"));
        Multipliers m = Multipliers.of(t, LeontiefOptions.DEFAULT);
        String[] va = rows("M_factor_inputs.txt", 3).get(0);
        List<String[]> out = rows("output_multipliers.txt", 1);
        for (int j = 0; j < 48; j++) {
            close(Double.parseDouble(out.get(j)[2]), m.output()[j], "output multiplier " + j);
            close(Double.parseDouble(va[1 + j]), m.total(t.factorIndex("VA"))[j], "value added " + j);
        }
    }
}
