package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeontiefCommandTest {
    @TempDir
    Path tmp;

    private static JsonNode json(CliRun r) throws IOException {
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void ukGrossOutputIsTheTablesOutput() throws IOException {
        Path uk = CliRun.sharedData().resolve("uk-ons-2010");
        for (String method : new String[] {"auto", "bicgstab", "power"}) {
            CliRun r = CliRun.of("leontief", uk.toString(), "--json", "--method", method);
            assertEquals(0, r.exit(), r.err());
            JsonNode doc = json(r);
            assertTrue(doc.get("residual").asDouble() <= 1e-10);
            assertTrue(doc.get("seconds").asDouble() >= 0);
            assertTrue(doc.get("iterations").asInt() >= 0);
            List<String> lines = Files.readAllLines(uk.resolve("x.csv"));
            assertEquals(128, lines.size());
            assertEquals(127, doc.get("output").size());
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                double x = Double.parseDouble(f[1]);
                assertEquals(x, doc.get("output").get(f[0]).asDouble(), 1e-9 * Math.abs(x), method + " " + f[0]);
            }
        }
    }

    @Test
    void readableTableAndTextbookAnswer() {
        Path mb = CliRun.sharedData().resolve("textbook/miller-blair-2-3");
        CliRun r = CliRun.of("leontief", mb.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("agriculture") && r.out().contains("1000.000000"), r.out());
        assertTrue(r.out().contains("residual"), r.out());
    }

    @Test
    void demandFileGivesTheTextbookOutput() throws IOException {
        Path mb = CliRun.sharedData().resolve("textbook/miller-blair-2-3");
        Path d = tmp.resolve("y.csv");
        Files.writeString(d, "sector,demand\nagriculture,600\nmanufacturing,1500\n");
        CliRun r = CliRun.of("leontief", mb.toString(), "--demand", d.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode out = json(r).get("output");
        assertEquals(1247.52, Math.round(out.get("agriculture").asDouble() * 100) / 100.0, 0);
        assertEquals(1841.58, Math.round(out.get("manufacturing").asDouble() * 100) / 100.0, 0);
    }

    @Test
    void badDemandFileIsExitTwoNamingTheLine() throws IOException {
        Path mb = CliRun.sharedData().resolve("textbook/miller-blair-2-3");
        Path d = tmp.resolve("y.csv");
        Files.writeString(d, "sector,demand\nagriculture,600\nfishing,10\n");
        CliRun r = CliRun.of("leontief", mb.toString(), "--demand", d.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("y.csv:3") && r.err().contains("'fishing'"), r.err());
        assertTrue(r.noStackTrace(), r.err());
        Files.writeString(d, "sector,demand\nagriculture,lots\n");
        r = CliRun.of("leontief", mb.toString(), "--demand", d.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("y.csv:2") && r.err().contains("lots"), r.err());
    }

    @Test
    void inverseFileReproducesThePublishedInverse() throws IOException {
        Path uk = CliRun.sharedData().resolve("uk-ons-2010");
        Path l = tmp.resolve("L.csv");
        CliRun r = CliRun.of("leontief", uk.toString(), "--inverse", l.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        List<String> mine = Files.readAllLines(l);
        List<String> published = Files.readAllLines(uk.resolve("published/L_leontief_inverse_pxp_wide.csv"));
        // published: code,label,<ids>,Total; a label row; then one row per sector (labels may hold quoted commas)
        String[] header = mine.get(0).split(",");
        assertEquals("sector", header[0]);
        assertEquals(128, header.length);
        assertEquals(128, mine.size());
        double worst = 0;
        for (int i = 1; i < mine.size(); i++) {
            String[] row = mine.get(i).split(",");
            String pub = published.get(i + 1);
            String[] values = pub.substring(pub.lastIndexOf('"') + 2).split(",");
            if (!pub.contains("\"")) {
                String[] all = pub.split(",");
                values = java.util.Arrays.copyOfRange(all, 2, all.length);
            }
            assertTrue(pub.startsWith(row[0] + ","), row[0] + " vs " + pub.substring(0, 20));
            for (int j = 1; j < row.length; j++) {
                worst = Math.max(worst, Math.abs(Double.parseDouble(row[j]) - Double.parseDouble(values[j - 1])));
            }
        }
        assertTrue(worst <= 1e-9, "worst " + worst);
    }

    @Test
    void unproductiveEconomyIsExitTwoNamingTheSectorsWithoutNaN() throws IOException {
        Path e = tmp.resolve("bad.economy.json");
        Files.writeString(e, "{\"format\": \"gosplan/economy@1\", \"name\": \"bad\","
                + "\"products\": [{\"id\": \"steel\"}, {\"id\": \"coal\"}], \"resources\": [],"
                + "\"techniques\": ["
                + "{\"id\": \"make-steel\", \"outputs\": {\"steel\": 1}, \"inputs\": {\"steel\": 0.5, \"coal\": 0.7}},"
                + "{\"id\": \"make-coal\", \"outputs\": {\"coal\": 1}, \"inputs\": {\"steel\": 0.9, \"coal\": 0.4}}],"
                + "\"targets\": [{\"product\": \"steel\", \"quantity\": 10}]}");
        for (String cmd : new String[] {"leontief", "multipliers"}) {
            CliRun r = CliRun.of(cmd, e.toString(), "--json");
            assertEquals(2, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("not productive") && r.err().contains("'steel'") && r.err().contains("'coal'"),
                    r.err());
            assertFalse(r.err().contains("NaN") || r.out().contains("NaN"));
            // with --json the one document on standard output is the errors
            assertTrue(Json.MAPPER.readTree(r.out()).get("errors").get(0).get("message").asText()
                    .contains("not productive"), r.out());
            assertTrue(r.noStackTrace(), r.err());
        }
    }

    @Test
    void jointProductionIsExitTwoNamingTheTechnique() throws IOException {
        Path e = tmp.resolve("joint.economy.json");
        Files.writeString(e, "{\"format\": \"gosplan/economy@1\", \"name\": \"joint\","
                + "\"products\": [{\"id\": \"wool\"}, {\"id\": \"mutton\"}], \"resources\": [],"
                + "\"techniques\": [{\"id\": \"sheep\", \"outputs\": {\"wool\": 1, \"mutton\": 2}, \"inputs\": {}}],"
                + "\"targets\": []}");
        CliRun r = CliRun.of("leontief", e.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'sheep'"), r.err());
        assertTrue(r.noStackTrace(), r.err());
    }

    @Test
    void badToleranceAndMethodAreUsageErrors() {
        Path mb = CliRun.sharedData().resolve("textbook/miller-blair-2-3");
        assertEquals(2, CliRun.of("leontief", mb.toString(), "--tolerance", "2").exit());
        assertEquals(2, CliRun.of("leontief", mb.toString(), "--method", "magic").exit());
    }
}
