package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.gosplan.planner.EconomyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gosplan leontief|multipliers|plan ... --spark local[2]} prints what the single-machine
 * command prints (--json compared figure by figure to the solves' tolerance), and a
 * non-productive economy stops with exit 2 naming the sectors, as on one machine.
 */
class SparkOptionTest {
    @TempDir
    Path dir;

    private static void sameFigures(JsonNode spark, JsonNode single, String what) {
        double worst = 0, scale = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            double a = spark.get(f.getKey()).asDouble(), b = f.getValue().asDouble();
            worst = Math.max(worst, Math.abs(a - b));
            scale = Math.max(scale, Math.abs(b));
        }
        assertEquals(single.size(), spark.size(), what);
        assertTrue(worst <= 1e-8 * scale, what + ": differ by " + worst + " of " + scale);
    }

    @Test
    void leontiefAndMultipliersOfTheUkTableOnSpark() throws Exception {
        String uk = CliRun.sharedData().resolve("uk-ons-2010").toString();
        CliRun one = CliRun.of("leontief", uk, "--json");
        CliRun spark = CliRun.of("leontief", uk, "--json", "--spark", "local[2]");
        assertEquals(0, spark.exit(), spark.err());
        JsonNode s = Json.MAPPER.readTree(spark.out());
        sameFigures(s.get("output"), Json.MAPPER.readTree(one.out()).get("output"), "UK gross output");
        assertEquals("bicgstab", s.get("method").asText());
        assertTrue(s.get("residual").asDouble() <= 1e-10);

        CliRun m1 = CliRun.of("multipliers", uk, "--json");
        CliRun ms = CliRun.of("multipliers", uk, "--json", "--spark", "local[2]");
        assertEquals(0, ms.exit(), ms.err());
        JsonNode a = Json.MAPPER.readTree(ms.out()), b = Json.MAPPER.readTree(m1.out());
        sameFigures(a.get("output"), b.get("output"), "UK output multipliers");
        for (Iterator<String> it = b.get("factors").fieldNames(); it.hasNext(); ) {
            String f = it.next();
            sameFigures(a.get("factors").get(f), b.get("factors").get(f), "UK " + f);
        }
    }

    @Test
    void aGeneratedEconomyOnSparkAndItsPlan() throws Exception {
        Path folder = dir.resolve("economy");
        new EconomyGenerator(2_000, 6, 9, 0.4, 0.9).writeFolder(folder);
        CliRun one = CliRun.of("multipliers", folder.toString(), "--json");
        CliRun spark = CliRun.of("multipliers", folder.toString(), "--json", "--spark", "local[2]");
        assertEquals(0, spark.exit(), spark.err());
        JsonNode a = Json.MAPPER.readTree(spark.out()), b = Json.MAPPER.readTree(one.out());
        sameFigures(a.get("factors").get("labour"), b.get("factors").get("labour"), "labour values");

        // labour limited: policy iteration applies, the plan is unique
        java.nio.file.Files.writeString(folder.resolve("resources.csv"), "id,unit,available\nlabour,h,1e6\n");
        CliRun p1 = CliRun.of("plan", folder.toString(), "--json");
        CliRun ps = CliRun.of("plan", folder.toString(), "--json", "--spark", "local[2]");
        assertEquals(0, ps.exit(), ps.err());
        JsonNode x = Json.MAPPER.readTree(ps.out()), y = Json.MAPPER.readTree(p1.out());
        assertEquals("optimal", x.get("status").asText());
        assertEquals(y.get("value").asDouble(), x.get("value").asDouble(), 1e-8 * y.get("value").asDouble());
        CliRun readable = CliRun.of("plan", folder.toString(), "--spark", "local[2]");
        assertTrue(readable.out().contains("plan: optimal (fulfil)"), readable.out());
        assertTrue(readable.out().contains("policy-iteration"), readable.out());
    }

    @Test
    void aNonProductiveEconomyExitsTwoNamingTheSectors() throws Exception {
        Path f = dir.resolve("bad.economy.json");
        java.nio.file.Files.writeString(f, "{\"format\": \"gosplan/economy@1\", \"products\": [{\"id\": \"coal\"},"
                + " {\"id\": \"steel\"}], \"techniques\": [{\"id\": \"mine\", \"outputs\": {\"coal\": 1},"
                + " \"inputs\": {\"steel\": 0.7, \"coal\": 0.5}}, {\"id\": \"mill\", \"outputs\": {\"steel\": 1},"
                + " \"inputs\": {\"coal\": 0.9, \"steel\": 0.4}}], \"targets\": [{\"product\": \"coal\","
                + " \"quantity\": 1}]}");
        CliRun one = CliRun.of("leontief", f.toString());
        CliRun spark = CliRun.of("leontief", f.toString(), "--spark", "local[2]");
        assertEquals(2, one.exit(), one.err());
        assertEquals(2, spark.exit(), spark.err());
        assertTrue(spark.err().contains("'steel' (1.30000), 'coal' (1.20000)"), spark.err());
        assertTrue(spark.noStackTrace(), spark.err());
        assertEquals(2, CliRun.of("leontief", f.toString(), "--spark", "nowhere").exit());
        CliRun method = CliRun.of("multipliers", f.toString(), "--spark", "local[2]", "--method", "power");
        assertEquals(2, method.exit());
        assertTrue(method.err().contains("leave out --method"), method.err());
    }
}
