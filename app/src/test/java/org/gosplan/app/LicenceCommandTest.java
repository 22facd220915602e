package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gosplan record DIR licence} and {@code plan --record} of examples/two-republics (steel
 * may be imported into the south at most 50 a year, and exported): the plan on the record trades
 * only what is licensed, and replay agrees.
 */
class LicenceCommandTest {
    @TempDir
    Path tmp;

    private static void ok(CliRun r) {
        assertEquals(0, r.exit(), () -> "out: " + r.out() + "\nerr: " + r.err());
    }

    private static void refused(CliRun r, String why) {
        assertEquals(2, r.exit(), () -> "out: " + r.out() + "\nerr: " + r.err());
        assertTrue(r.err().contains(why) && r.noStackTrace(), r.err());
    }

    @Test
    void licencesBoundThePlanOnTheRecordAndMistakesAreRefused() throws IOException {
        String dir = tmp.resolve("log").toString();
        ok(CliRun.of("log", "init", dir, "--origin", "licence-test"));
        ok(CliRun.of("record", dir, "economy", CliRun.examples().resolve("two-republics.economy.json").toString()));
        Path targets = tmp.resolve("t.csv");
        Files.writeString(targets, "product,quantity,weight,region\ngrain,150,,north\n");
        ok(CliRun.of("record", dir, "targets", targets.toString()));
        CliRun plan = CliRun.of("plan", "--record", dir, "--json");
        ok(plan);
        JsonNode doc = Json.MAPPER.readTree(plan.out());
        assertEquals(0.0, doc.at("/trade/imports/steel@south").asDouble(-1), 0.0);
        assertEquals(0.0, doc.at("/trade/exports/steel@south").asDouble(-1), 0.0);
        assertTrue(plan.err().contains("within 0 trade licences"), plan.err());

        long size = CliRun.logSize(dir);
        refused(CliRun.of("record", dir, "licence", "iron", "--import"), "'iron' is not a product");
        refused(CliRun.of("record", dir, "licence", "steel", "--import"), "no import price for 'steel'");
        refused(CliRun.of("record", dir, "licence", "steel", "--import", "--region", "east"), "no such republic");
        refused(CliRun.of("record", dir, "licence", "grain", "--export", "--region", "north"), "no export price");
        refused(CliRun.of("record", dir, "licence", "steel", "--import", "--export", "--region", "south"),
                "mutually exclusive");
        refused(CliRun.of("record", dir, "licence", "steel", "--import", "--region", "south", "--limit", "-1"),
                "at least 0");
        assertEquals(size, CliRun.logSize(dir), "nothing recorded");

        CliRun licensed = CliRun.of("record", dir, "licence", "steel", "--import", "--region", "south", "--limit",
                "5", "--json");
        ok(licensed);
        assertEquals("trade.licensed", Json.MAPPER.readTree(licensed.out()).get("type").asText());
        ok(CliRun.of("record", dir, "licence", "steel", "--export", "--region", "south"));
        CliRun again = CliRun.of("plan", "--record", dir, "--json");
        ok(again);
        for (JsonNode year : Json.MAPPER.readTree(again.out()).get("years")) {
            assertTrue(year.at("/imports/steel@south").asDouble() <= 5 + 1e-9, year.toString());
        }
        CliRun v = CliRun.of("verify", dir, "--replay");
        ok(v);
        ok(CliRun.of("record", "licence", "--help"));
    }
}
