package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gosplan plan --at-least-alone} on Ricardo's union (issue 15): on a file and on the record, replayed. */
class AtLeastAloneCommandTest {
    @TempDir
    Path tmp;

    private static Path ricardo() {
        return CliRun.examples().getParent()
                .resolve("planner/src/test/resources/org/gosplan/planner/extended/check/ricardo-union.economy.json");
    }

    private static void ok(CliRun r) {
        assertEquals(0, r.exit(), () -> "out: " + r.out() + "\nerr: " + r.err());
    }

    @Test
    void portugalKeepsItsLambdaAloneOnlyWithTheOption() throws IOException {
        CliRun plain = CliRun.of("plan", ricardo().toString(), "--json");
        ok(plain);
        JsonNode p = Json.MAPPER.readTree(plain.out()).get("regions").get("portugal");
        assertTrue(p.get("lambda").asDouble() < p.get("alone").asDouble() - 0.1, p.toString());
        CliRun floors = CliRun.of("plan", ricardo().toString(), "--json", "--at-least-alone");
        ok(floors);
        JsonNode doc = Json.MAPPER.readTree(floors.out());
        for (String g : new String[] {"england", "portugal"}) {
            JsonNode r = doc.get("regions").get(g);
            assertTrue(r.get("lambda").asDouble() >= r.get("alone").asDouble() * (1 - 1e-9) - 1e-9, r.toString());
        }
        assertEquals(90.0 / 17, doc.get("value").asDouble(), 1e-7, "England's 900/170, the smallest");
        assertTrue(CliRun.of("plan", "--help").out().contains("--at-least-alone"));
    }

    @Test
    void theOptionIsRecordedAndReplays() throws IOException {
        String dir = tmp.resolve("log").toString();
        ok(CliRun.of("log", "init", dir, "--origin", "floors-test"));
        ok(CliRun.of("record", dir, "economy", ricardo().toString()));
        Path targets = tmp.resolve("t.csv");
        Files.writeString(targets, "product,quantity,weight,region\ncloth,1,,england\ncloth,1,,portugal\n"
                + "wine,1,,england\nwine,1,,portugal\n");
        ok(CliRun.of("record", dir, "targets", targets.toString()));
        CliRun plan = CliRun.of("plan", "--record", dir, "--json", "--at-least-alone");
        ok(plan);
        JsonNode r = Json.MAPPER.readTree(plan.out()).get("regions").get("portugal");
        assertEquals(100.0 / 17, r.get("lambda").asDouble(), 1e-7, r.toString());
        ok(CliRun.of("verify", dir, "--replay"));
    }
}
