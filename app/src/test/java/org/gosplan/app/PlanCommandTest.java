package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gosplan plan end to end: the JSON of cli.md, exit codes, the certificate checked from the output alone. */
class PlanCommandTest {
    @TempDir
    Path tmp;

    static JsonNode json(CliRun r) throws IOException {
        return Json.MAPPER.readTree(r.out());
    }

    static final String KANTOROVICH = "{\"format\": \"gosplan/economy@1\", \"name\": \"Kantorovich 1939\","
            + "\"products\": [{\"id\": \"part-1\"}, {\"id\": \"part-2\"}],"
            + "\"resources\": [{\"id\": \"milling\", \"available\": 3}, {\"id\": \"turret\", \"available\": 3},"
            + " {\"id\": \"automatic\", \"available\": 1}],"
            + "\"techniques\": ["
            + "{\"id\": \"milling-1\", \"outputs\": {\"part-1\": 10}, \"inputs\": {\"milling\": 1}},"
            + "{\"id\": \"milling-2\", \"outputs\": {\"part-2\": 20}, \"inputs\": {\"milling\": 1}},"
            + "{\"id\": \"turret-1\", \"outputs\": {\"part-1\": 20}, \"inputs\": {\"turret\": 1}},"
            + "{\"id\": \"turret-2\", \"outputs\": {\"part-2\": 30}, \"inputs\": {\"turret\": 1}},"
            + "{\"id\": \"automatic-1\", \"outputs\": {\"part-1\": 30}, \"inputs\": {\"automatic\": 1}},"
            + "{\"id\": \"automatic-2\", \"outputs\": {\"part-2\": 80}, \"inputs\": {\"automatic\": 1}}],"
            + "\"targets\": [{\"product\": \"part-1\", \"quantity\": 1}, {\"product\": \"part-2\", \"quantity\": 1}]}";

    @Test
    void kantorovichJsonAndItsCertificateCheckedFromTheOutput() throws IOException {
        Path f = tmp.resolve("k.economy.json");
        Files.writeString(f, KANTOROVICH);
        CliRun r = CliRun.of("plan", f.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode d = json(r);
        assertEquals("optimal", d.get("status").asText());
        assertEquals("fulfil", d.get("objective").asText());
        double lambda = d.get("value").asDouble();
        assertEquals(86 + 2.0 / 3, lambda, 1e-9);
        // independent check from the printed figures: the net outputs, resource use and the dual bound
        JsonNode z = d.get("levels");
        double part1 = 10 * z.get("milling-1").asDouble() + 20 * z.get("turret-1").asDouble()
                + 30 * z.get("automatic-1").asDouble();
        double part2 = 20 * z.get("milling-2").asDouble() + 30 * z.get("turret-2").asDouble()
                + 80 * z.get("automatic-2").asDouble();
        assertTrue(part1 >= lambda * (1 - 1e-12) && part2 >= lambda * (1 - 1e-12));
        JsonNode v = d.get("valuations");
        JsonNode w = d.get("resourcePrices");
        assertEquals(1.0, v.get("part-1").asDouble() + v.get("part-2").asDouble(), 1e-12);
        double bound = 3 * w.get("milling").asDouble() + 3 * w.get("turret").asDouble() + w.get("automatic").asDouble();
        assertEquals(lambda, bound, 1e-9);
        // no technique makes a profit at these prices
        assertTrue(10 * v.get("part-1").asDouble() <= w.get("milling").asDouble() + 1e-12);
        assertTrue(80 * v.get("part-2").asDouble() <= w.get("automatic").asDouble() + 1e-12);
        for (String k : new String[] {"status", "objective", "value", "levels", "netOutput", "resourceUse",
            "valuations", "resourcePrices", "solver"}) {
            assertTrue(d.has(k), k);
        }
        for (String k : new String[] {"method", "seconds", "iterations", "gap"}) {
            assertTrue(d.get("solver").has(k), k);
        }
        assertTrue(d.get("certificate").get("gap").asDouble() <= 1e-9);
        assertFalse(r.out().contains("NaN"));
    }

    @Test
    void readableOutputNamesBindingResourcesAndChoices() throws IOException {
        Path f = tmp.resolve("k.economy.json");
        Files.writeString(f, KANTOROVICH);
        CliRun r = CliRun.of("plan", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("plan: optimal"), r.out());
        assertTrue(r.out().contains("Binding resources"), r.out());
        assertTrue(r.out().contains("automatic"), r.out());
    }

    @Test
    void minResourceOnTheUkTableGivesTheCompensationIntensities() throws IOException {
        CliRun r = CliRun.of("plan", CliRun.sharedData().resolve("uk-ons-2010").toString(), "--objective",
                "min-resource", "--resource", "compensation", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode d = json(r);
        assertEquals("optimal", d.get("status").asText());
        assertEquals("compensation", d.get("resource").asText());
        // ONS published employment-cost effect of agriculture (01): 0.36816972053932
        assertEquals(0.36816972053932, d.get("valuations").get("01").asDouble(), 1e-9);
    }

    @Test
    void infeasibleTargetsExitOneWithADiagnosis() throws IOException {
        Path f = tmp.resolve("capped.economy.json");
        Files.writeString(f, "{\"format\": \"gosplan/economy@1\", \"name\": \"capped\","
                + "\"products\": [{\"id\": \"coal\", \"unit\": \"t\"}, {\"id\": \"steel\", \"unit\": \"t\"}],"
                + "\"resources\": [{\"id\": \"labour\", \"unit\": \"h\"}],"
                + "\"techniques\": [{\"id\": \"mine\", \"outputs\": {\"coal\": 1}, \"inputs\": {\"labour\": 2},"
                + " \"capacity\": 40},"
                + "{\"id\": \"mill\", \"outputs\": {\"steel\": 1}, \"inputs\": {\"coal\": 0.5, \"labour\": 3}}],"
                + "\"targets\": [{\"product\": \"steel\", \"quantity\": 100}]}");
        CliRun r = CliRun.of("plan", f.toString(), "--objective", "min-resource", "--json");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.noStackTrace());
        JsonNode d = json(r);
        assertEquals("infeasible", d.get("status").asText());
        assertEquals("steel", d.get("diagnosis").get("products").get(0).asText());
        assertEquals("mine", d.get("diagnosis").get("capacities").get(0).asText());
        assertTrue(d.get("value").isNull());
        CliRun text = CliRun.of("plan", f.toString(), "--objective", "min-resource");
        assertEquals(1, text.exit());
        assertTrue(text.out().contains("80%"), text.out());
    }

    @Test
    void badOptionsExitTwoNamingWhatToFix() throws IOException {
        Path f = tmp.resolve("k.economy.json");
        Files.writeString(f, KANTOROVICH);
        CliRun r = CliRun.of("plan", f.toString(), "--objective", "max-profit");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("fulfil or min-resource"), r.err());
        CliRun q = CliRun.of("plan", f.toString(), "--objective", "min-resource", "--resource", "coal");
        assertEquals(2, q.exit());
        assertTrue(q.err().contains("no resource 'coal'"), q.err());
        assertTrue(q.noStackTrace());
    }

    @Test
    void exportsTheLpAsMps() throws IOException {
        Path f = tmp.resolve("k.economy.json");
        Files.writeString(f, KANTOROVICH);
        Path mps = tmp.resolve("k.mps");
        CliRun r = CliRun.of("plan", f.toString(), "--export-mps", mps.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        String text = Files.readString(mps);
        assertTrue(text.contains("ROWS") && text.contains("COLUMNS") && text.contains("RHS") && text.endsWith("ENDATA\n"));
        assertTrue(text.contains("LAMBDA COST -1"));
    }
    static final String FARM = "{\"format\": \"gosplan/economy@1\", \"name\": \"farm\","
            + "\"products\": [{\"id\": \"grain\"}, {\"id\": \"tractor\"}, {\"id\": \"bread\"}],"
            + "\"resources\": [{\"id\": \"labour\", \"available\": 2000000}, {\"id\": \"land\", \"available\": 50000}],"
            + "\"techniques\": ["
            + "{\"id\": \"grain-by-hand\", \"outputs\": {\"grain\": 1}, \"inputs\": {\"labour\": 12, \"land\": 0.25}},"
            + "{\"id\": \"grain-by-tractor\", \"outputs\": {\"grain\": 1},"
            + " \"inputs\": {\"tractor\": 0.001, \"labour\": 3, \"land\": 0.2}},"
            + "{\"id\": \"tractor-plant\", \"outputs\": {\"tractor\": 1}, \"inputs\": {\"labour\": 400}},"
            + "{\"id\": \"bakery\", \"outputs\": {\"bread\": 1}, \"inputs\": {\"grain\": 0.8, \"labour\": 2}}],"
            + "\"targets\": [{\"product\": \"bread\", \"quantity\": 80000}, {\"product\": \"tractor\", \"quantity\": 53}]}";

    @Test
    void theFarmPlanSpendsNoIdleLabourOnTractors() throws IOException {
        // issue 16: land binds, labour does not; the first optimum of the simplex method used all 2,000,000 h
        Path f = tmp.resolve("farm.economy.json");
        Files.writeString(f, FARM);
        JsonNode d = json(CliRun.of("plan", f.toString(), "--json"));
        assertEquals(3.90625, d.get("value").asDouble(), 1e-9);
        assertEquals(1_557_812.5, d.get("resourceUse").get("labour").asDouble(), 1e-6);
        JsonNode stage = d.get("leastUse").get("stages").get(0);
        assertEquals("limited", stage.get("minimises").asText());
        assertTrue(stage.get("certificate").get("gap").asDouble() <= 1e-7);
        CliRun readable = CliRun.of("plan", f.toString());
        assertTrue(readable.out().contains("least use   limited resources (labour, land)"), readable.out());
        // Durations print as everywhere else (0.81 s), not with seven digits (0.2760227 s).
        assertTrue(readable.out().lines().filter(l -> l.contains("least use"))
                .allMatch(l -> l.matches(".* by \\S+ in (\\d+(\\.\\d{1,2})?|0\\.0*[1-9]\\d?) s, gap .*")),
                readable.out());
        JsonNode first = json(CliRun.of("plan", f.toString(), "--json", "--no-least-use"));
        assertFalse(first.has("leastUse"));
        assertEquals(3.90625, first.get("value").asDouble(), 1e-9);
    }
}
