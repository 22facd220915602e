package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sector names beside the ids (readable, JSON) and the tidy CSV of --csv, checked against the published table. */
class LabelsAndCsvTest {
    @TempDir
    Path tmp;

    static final Path UK = CliRun.examples().resolve("uk-ons-2010");
    static final String AGRICULTURE = "Products of agriculture, hunting and related services";

    static JsonNode json(CliRun r) throws IOException {
        return Json.MAPPER.readTree(r.out());
    }

    static List<List<String>> csv(Path file) throws IOException {
        return Rfc4180.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The published x.csv of ONS: sector -> total output. */
    static Map<String, Double> publishedOutput() throws IOException {
        Map<String, Double> x = new HashMap<>();
        List<String> lines = Files.readAllLines(UK.resolve("x.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            x.put(f[0], Double.parseDouble(f[1]));
        }
        return x;
    }

    @Test
    void leontiefShowsLabelsAndWritesTidyCsvOfThePublishedOutput() throws IOException {
        Path out = tmp.resolve("x.csv");
        CliRun r = CliRun.of("leontief", UK.toString(), "--json", "--csv", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode labels = json(r).get("labels");
        assertEquals(127, labels.size());
        assertEquals(AGRICULTURE, labels.get("01").asText());
        assertEquals("Coal and lignite", labels.get("05").asText());

        List<List<String>> rows = csv(out);
        assertEquals(List.of("sector", "label", "quantity", "value"), rows.get(0));
        assertEquals(1 + 2 * 127, rows.size());
        Map<String, Double> x = publishedOutput();
        Set<String> seen = new HashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(4, row.size(), row.toString());
            assertEquals(labels.get(row.get(0)).asText(), row.get(1));
            if (row.get(2).equals("gross_output")) {
                double published = x.get(row.get(0));
                assertEquals(published, Double.parseDouble(row.get(3)), 1e-9 * Math.abs(published), row.toString());
                seen.add(row.get(0));
            } else {
                assertEquals("final_demand", row.get(2));
            }
        }
        assertEquals(x.keySet(), seen);

        CliRun readable = CliRun.of("leontief", UK.toString());
        assertEquals(0, readable.exit(), readable.err());
        String line05 = readable.out().lines().filter(l -> l.startsWith("05 ")).findFirst().orElseThrow();
        assertTrue(line05.contains("Coal and lignite"), line05);
        assertTrue(readable.out().lines().anyMatch(l -> l.startsWith("01 ") && l.contains("Products of agriculture")),
                readable.out());
    }

    @Test
    void multipliersCsvHoldsTheJsonFiguresAndTypeIRatios() throws IOException {
        Path out = tmp.resolve("m.csv");
        CliRun r = CliRun.of("multipliers", UK.toString(), "--json", "--csv", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = json(r);
        assertEquals(AGRICULTURE, doc.get("labels").get("01").asText());
        List<List<String>> rows = csv(out);
        assertEquals(List.of("sector", "label", "quantity", "factor", "value"), rows.get(0));
        Map<String, Double> direct = new HashMap<>();
        Map<String, Double> total = new HashMap<>();
        Map<String, Double> typeI = new HashMap<>();
        int outputs = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            double v = Double.parseDouble(row.get(4));
            String key = row.get(0) + "/" + row.get(3);
            switch (row.get(2)) {
                case "output_multiplier":
                    assertEquals("", row.get(3));
                    assertEquals(doc.get("output").get(row.get(0)).asDouble(), v, 0.0);
                    outputs++;
                    break;
                case "direct": direct.put(key, v); break;
                case "total":
                    assertEquals(doc.get("factors").get(row.get(3)).get(row.get(0)).asDouble(), v, 0.0, key);
                    total.put(key, v);
                    break;
                case "type_i": typeI.put(key, v); break;
                default: throw new AssertionError(row.toString());
            }
        }
        assertEquals(127, outputs);
        assertEquals(127 * doc.get("factors").size(), total.size());
        for (Map.Entry<String, Double> en : typeI.entrySet()) {
            assertEquals(total.get(en.getKey()) / direct.get(en.getKey()), en.getValue(), 1e-12, en.getKey());
        }
        // the ratio is left out exactly where the direct intensity is zero
        for (Map.Entry<String, Double> en : direct.entrySet()) {
            assertEquals(en.getValue() != 0.0, typeI.containsKey(en.getKey()), en.getKey());
        }
    }

    @Test
    void planCsvAndJsonCarryTheSameFiguresAndTheNames() throws IOException {
        Path village = CliRun.examples().resolve("village.economy.json");
        Path out = tmp.resolve("plan.csv");
        CliRun r = CliRun.of("plan", village.toString(), "--json", "--csv", out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = json(r);
        assertEquals("Grain", doc.get("labels").get("grain").asText());
        assertEquals("Tractor", doc.get("labels").get("tractor").asText());
        List<List<String>> rows = csv(out);
        assertEquals(List.of("kind", "id", "label", "quantity", "value"), rows.get(0));
        assertEquals(List.of("plan", "fulfil", "optimal", "value"), rows.get(1).subList(0, 4));
        assertEquals(doc.get("value").asDouble(), Double.parseDouble(rows.get(1).get(4)), 0.0);
        Map<String, String> field = Map.of("technique/level", "levels", "product/net_output", "netOutput",
                "product/valuation", "valuations", "resource/use", "resourceUse", "resource/price", "resourcePrices",
                "technique/capacity_price", "capacityPrices");
        Map<String, Integer> count = new HashMap<>();
        for (List<String> row : rows.subList(2, rows.size())) {
            String kq = row.get(0) + "/" + row.get(3);
            double v = Double.parseDouble(row.get(4));
            String f = field.get(kq);
            if (f != null) {
                assertEquals(doc.get(f).get(row.get(1)).asDouble(), v, 0.0, kq + " " + row.get(1));
                count.merge(f, 1, Integer::sum);
            }
            if (row.get(0).equals("product")) {
                assertEquals(doc.get("labels").path(row.get(1)).asText(""), row.get(2));
            }
        }
        for (String f : field.values()) {
            assertEquals(doc.get(f).size(), count.getOrDefault(f, 0).intValue(), f);
        }
        // a technique making one named product carries its name; one with joint outputs (grain and straw) none
        assertTrue(rows.contains(List.of("technique", "tractor-plant", "Tractor", "level",
                doc.get("levels").get("tractor-plant").toString())), rows.toString());
        assertTrue(rows.stream().anyMatch(row -> row.get(1).equals("grain-by-hand") && row.get(2).isEmpty()),
                rows.toString());

        CliRun readable = CliRun.of("plan", village.toString());
        assertEquals(0, readable.exit(), readable.err());
        assertTrue(readable.out().contains("Grain"), readable.out());
    }

    @Test
    void csvQuotesLabelsWithCommasQuotesAndLineBreaks() {
        assertEquals("\"a, b\"", CsvOut.field("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvOut.field("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvOut.field("two\nlines"));
        assertEquals("plain", CsvOut.field("plain"));
        assertEquals("", CsvOut.field(null));
        assertEquals(List.of(List.of("a, b", "say \"hi\"", "two\nlines")),
                Rfc4180.parse(CsvOut.field("a, b") + "," + CsvOut.field("say \"hi\"") + "," + CsvOut.field("two\nlines")
                        + "\r\n"));
    }

    @Test
    void csvIntoAFolderIsBadInputAndNothingIsHalfWritten() throws IOException {
        CliRun r = CliRun.of("leontief", UK.toString(), "--csv", tmp.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--csv needs a file name"), r.err());
        try (var s = Files.list(tmp)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".tmp-")));
        }
    }

    @Test
    void withoutNamesTheOutputsHaveNoLabelColumnAndAnEmptyLabelsObject() throws IOException {
        Path mb = CliRun.examples().resolve("miller-blair-2-3");
        CliRun r = CliRun.of("leontief", mb.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode labels = json(r).get("labels");
        assertNotNull(labels);
        assertEquals(0, labels.size());
        CliRun readable = CliRun.of("leontief", mb.toString());
        assertFalse(readable.out().contains("label"), readable.out());
    }
}
