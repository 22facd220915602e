package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipliersCommandTest {
    @Test
    void ukOutputMultipliersAndEmploymentCostEffectsMatchTheOnsPublication() throws IOException {
        Path uk = CliRun.sharedData().resolve("uk-ons-2010");
        CliRun r = CliRun.of("multipliers", uk.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = Json.MAPPER.readTree(r.out());
        JsonNode factors = doc.get("factors");
        assertEquals(5, factors.size()); // all rows of F, taxes included
        assertTrue(factors.has("taxes-on-products"));
        // published rows follow sectors.csv order; the values sit in the last columns, after a quoted label
        List<String> sectors = Files.readAllLines(uk.resolve("sectors.csv"));
        List<String> pub = Files.readAllLines(uk.resolve("published/multipliers_and_effects_product.csv"));
        for (int i = 1; i < sectors.size(); i++) {
            String id = sectors.get(i).substring(0, sectors.get(i).indexOf(','));
            String line = pub.get(i);
            String[] tail = line.substring(line.indexOf("\",") + 2).split(",");
            double outputMultiplier = Double.parseDouble(tail[0]);
            double employmentCostEffect = Double.parseDouble(tail[6]);
            assertEquals(outputMultiplier, doc.get("output").get(id).asDouble(), 1e-9, id);
            assertEquals(employmentCostEffect, factors.get("compensation").get(id).asDouble(), 1e-9, id);
        }
    }

    @Test
    void labourValuesOfAnEconomyAndTheReadableTypeIColumn() throws IOException {
        Path mb = CliRun.sharedData().resolve("textbook/miller-blair-2-3");
        CliRun r = CliRun.of("multipliers", mb.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertEquals((0.3 * 380 + 0.25 * 80) / 303, doc.get("factors").get("labour").get("agriculture").asDouble(), 1e-14);
        CliRun t = CliRun.of("multipliers", mb.toString());
        assertEquals(0, t.exit());
        assertTrue(t.out().contains("type I") && t.out().contains("1.4741"), t.out());
    }
}
