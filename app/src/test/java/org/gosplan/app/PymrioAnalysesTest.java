package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analyses on another published table than their own tests use: pymrio's test MRIO (48
 * region-sectors; {@code examples/pymrio-test-mrio}, LGPL v3, its README) as pymrio saves it and in
 * the OECD ICIO layout, against pymrio's published results in {@code reference/} (column sums of
 * L, and the total intensities M of value added and of the emissions, 12 significant digits).
 *
 * <ul>
 *   <li>{@code linkages}: the total backward linkage of a sector is its output multiplier;
 *   <li>{@code prices --factor ROW=RATE}: a cost push of RATE per unit of a factor row raises each
 *       price by RATE times that row's total intensity (Miller & Blair 2.6: {@code Δp' = Δv' L}), so a
 *       10% rise in value added gives {@code 1 + 0.1 M_VA} and a charge of 1 per kg of emission type 1
 *       gives {@code 1 + M_air};
 *   <li>{@code ghosh} with the table's own primary inputs gives back pymrio's total output x.
 * </ul>
 */
class PymrioAnalysesTest {
    static final Path MRIO = CliRun.examples().resolve("pymrio-test-mrio");
    static final Path ICIO = MRIO.resolve("reference").resolve("testmrio-icio.csv");

    /** The lines of a file of reference/ after its header lines, split at tabs. */
    static List<String[]> rows(String file, int headerLines) throws IOException {
        List<String> lines = Files.readAllLines(MRIO.resolve("reference").resolve(file));
        return lines.subList(headerLines, lines.size()).stream().map(l -> l.split("\t", -1)).toList();
    }

    /** To the 12 significant digits pymrio wrote. */
    static void published(String printed, double actual, String what) {
        double expected = Double.parseDouble(printed);
        assertEquals(expected, actual, 1e-11 * Math.abs(expected) + 1e-15, what);
    }

    static JsonNode json(String... args) throws IOException {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exit(), r.err());
        return JsonOutputTest.oneDocument(r);
    }

    static String sector(String[] row) {
        return row[0] + "_" + row[1];
    }

    @Test
    void totalBackwardLinkagesArePymriosOutputMultipliers() throws IOException {
        List<String[]> out = rows("output_multipliers.txt", 1);
        assertEquals(48, out.size());
        for (Path table : List.of(MRIO, ICIO)) {
            JsonNode l = json("linkages", table.toString(), "--json");
            for (String[] row : out) {
                published(row[2], l.get("backwardTotal").get(sector(row)).asDouble(), table + " " + sector(row));
            }
        }
    }

    @Test
    void aCostPushRaisesPricesByPymriosTotalIntensities() throws IOException {
        String[] va = rows("M_factor_inputs.txt", 3).get(0);
        String[] air = rows("M_emissions.txt", 3).get(0);
        List<String[]> out = rows("output_multipliers.txt", 1);
        JsonNode tenPercent = json("prices", MRIO.toString(), "--factor", "Value Added=10%", "--json");
        JsonNode perKg = json("prices", MRIO.toString(), "--factor", "emission_type1_air=1", "--json");
        JsonNode icio = json("prices", ICIO.toString(), "--factor", "VA=0.1", "--json");
        for (int j = 0; j < 48; j++) {
            String s = sector(out.get(j));
            assertEquals(1.0, tenPercent.get("base").get(s).asDouble(), 1e-12, s);
            published(va[1 + j], (tenPercent.get("prices").get(s).asDouble() - 1) / 0.1, "value added " + s);
            published(va[1 + j], (icio.get("prices").get(s).asDouble() - 1) / 0.1, "ICIO value added " + s);
            published(air[2 + j], perKg.get("prices").get(s).asDouble() - 1, "emission type 1 " + s);
        }
    }

    @Test
    void ghoshWithItsOwnPrimaryInputsGivesPymriosOutput() throws IOException {
        List<String> x = Files.readAllLines(MRIO.resolve("x.txt"));
        JsonNode g = json("ghosh", MRIO.toString(), "--json");
        int n = 0;
        for (String line : x.subList(1, x.size())) {
            String[] f = line.split("\t");
            if (f.length < 3 || f[2].isBlank()) {
                continue;
            }
            String s = f[0] + "_" + f[1];
            published(f[2], g.get("output").get(s).asDouble(), "x of " + s);
            n++;
        }
        assertEquals(48, n);
    }

    /** Closing households needs an income row; this table has none named compensation, and the message says which option. */
    @Test
    void typeIiOnATableWithoutCompensationNamesTheOption() throws IOException {
        JsonNode e = JsonOutputTest.errors(CliRun.of("multipliers", MRIO.toString(), "--type-ii", "--json"));
        assertEquals("--households-row", e.get(0).get("where").asText(), e.toString());
        String m = e.get(0).get("message").asText();
        assertTrue(m.contains("Value Added") && !m.contains("F.csv"), m);
        e = JsonOutputTest.errors(CliRun.of("prices", MRIO.toString(), "--factor", "compensation=10%", "--json"));
        assertTrue(!e.get(0).get("message").asText().contains("F.csv"), e.toString());
    }
}
