package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.gosplan.economy.EconomyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, convert and plan on an economy with republics, trade and years (formats.md section 5). */
class PlanPartsCommandTest {
    @TempDir
    Path tmp;

    private static Path two() {
        return CliRun.examples().resolve("two-republics.economy.json");
    }

    @Test
    void planJsonHasYearsRegionsAndTrade() throws IOException {
        CliRun r = CliRun.of("plan", two().toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertEquals("optimal", doc.get("status").asText());
        assertEquals(2, doc.get("years").size());
        JsonNode y1 = doc.get("years").get("1");
        assertTrue(y1.has("lambda") && y1.has("levels") && y1.has("stocks") && y1.has("investment")
                && y1.has("valuations"), y1.toString());
        assertEquals(20.0, y1.get("stocks").get("machine@north").asDouble(), 0, "the initial stock");
        assertEquals(18.0, doc.get("years").get("2").get("stocks").get("machine@north").asDouble(), 1e-9,
                "a tenth worn out, nothing invested in the north");
        JsonNode regions = doc.get("regions");
        assertTrue(regions.get("north").has("alone") && regions.get("south").has("lambda"), regions.toString());
        // value: the smallest λ, over years and republics
        double least = Math.min(regions.get("north").get("lambda").asDouble(),
                regions.get("south").get("lambda").asDouble());
        assertEquals(least, doc.get("value").asDouble(), 1e-8); // held λ may sit 1e-9 below: the slack of holding
        JsonNode trade = doc.get("trade");
        assertTrue(trade.has("imports") && trade.has("exports") && trade.has("balance") && trade.has("price"));
        assertTrue(trade.get("balance").asDouble() >= -10 - 1e-9, "the deficit allowed is 10");
        assertTrue(doc.get("certificate").get("gap").asDouble() < 1e-7);
    }

    @Test
    void readablePlanNamesYearsRepublicsAndTrade() {
        CliRun r = CliRun.of("plan", two().toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Republics (λ in the union, and planned alone):"), r.out());
        assertTrue(r.out().contains("Years (λ"), r.out());
        assertTrue(r.out().contains("Foreign trade: balance"), r.out());
    }

    @Test
    void optionsThatDoNotApplyAreRefused() throws IOException {
        CliRun r = CliRun.of("plan", two().toString(), "--objective", "min-resource", "--json");
        assertEquals(2, r.exit());
        assertTrue(Json.MAPPER.readTree(r.out()).get("errors").get(0).get("message").asText().contains("fulfil"),
                r.out());
    }

    @Test
    void validateCountsThePartsAndConvertKeepsThem() throws IOException {
        CliRun v = CliRun.of("validate", two().toString(), "--json");
        assertEquals(0, v.exit(), v.err());
        JsonNode doc = Json.MAPPER.readTree(v.out());
        assertEquals(2, doc.get("regions").asInt());
        assertEquals(1, doc.get("transport").asInt());
        assertEquals(1, doc.get("trade").asInt());
        assertEquals(2, doc.get("years").asInt());
        assertEquals(1, doc.get("capital").asInt());
        Path folder = tmp.resolve("two");
        assertEquals(0, CliRun.of("convert", two().toString(), folder.toString()).exit());
        Path back = tmp.resolve("back.economy.json");
        assertEquals(0, CliRun.of("convert", folder.toString(), back.toString()).exit());
        assertEquals(EconomyFiles.readEconomy(two()), EconomyFiles.readEconomy(back));
    }

    @Test
    void thePlanIsTheSameRunAfterRun() throws IOException {
        Path usaUk = CliRun.examples().resolve("usa-uk-republics.economy.json");
        JsonNode first = Json.MAPPER.readTree(CliRun.of("plan", usaUk.toString(), "--json").out());
        JsonNode second = Json.MAPPER.readTree(CliRun.of("plan", usaUk.toString(), "--json").out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) first.get("solver")).remove("seconds");
        ((com.fasterxml.jackson.databind.node.ObjectNode) second.get("solver")).remove("seconds");
        assertEquals(first, second);
        // leximin: the UK, worse off alone, gains in the union; the USA gives a little
        JsonNode regions = first.get("regions");
        assertTrue(regions.get("uk").get("lambda").asDouble() > regions.get("uk").get("alone").asDouble());
        assertEquals(first.get("value").asDouble(), regions.get("uk").get("lambda").asDouble(), 1e-8);
    }
}
