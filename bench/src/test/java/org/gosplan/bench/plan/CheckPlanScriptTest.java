package org.gosplan.bench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gosplan.app.Main;
import org.gosplan.economy.EconomyFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's script {@code bench/scripts/check_plan.py} (numpy and scipy, no Gosplan code) against
 * a plan that {@code gosplan plan --json} printed: it certifies the true plan and refuses one whose
 * value was raised or whose prices were bent. The figures in docs/benchmarks.md that say "certified by
 * check_plan.py" rest on this script, so it must be able to say no.
 */
class CheckPlanScriptTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static Path economy;
    static Path plan;

    @BeforeAll
    static void planAHardEconomy() throws IOException {
        // capacities on half the first techniques and three limited resources, as in the benchmarks
        economy = tmp.resolve("hard2000");
        EconomyFiles.writeFolder(PlanEconomies.generate(2000, 2, 5, true, 3), economy);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = Main.run("plan", economy.toString(), "--json");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, exit);
        plan = tmp.resolve("plan.json");
        Files.write(plan, out.toByteArray());
        assertEquals("optimal", JSON.readTree(plan.toFile()).get("status").asText());
    }

    record Check(int exit, String out) {}

    static Check check(Path planFile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("python3", "scripts/check_plan.py", economy.toString(),
                planFile.toString(), "--tolerance", "1e-7"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        assertFalse(out.contains("ModuleNotFoundError"), "check_plan.py needs numpy and scipy: " + out);
        return new Check(exit, out);
    }

    static Path altered(String name, Consumer<ObjectNode> change) throws IOException {
        ObjectNode d = (ObjectNode) JSON.readTree(plan.toFile());
        change.accept(d);
        Path f = tmp.resolve(name);
        JSON.writeValue(f.toFile(), d);
        return f;
    }

    @Test
    void certifiesThePlanAsPrinted() throws Exception {
        Check c = check(plan);
        assertEquals(0, c.exit(), c.out());
        assertTrue(c.out().contains("certified"), c.out());
    }

    @Test
    void refusesAFulfilmentRaisedByOnePartInTenThousand() throws Exception {
        Path f = altered("raised.json", d -> d.put("value", d.get("value").asDouble() * (1 + 1e-4)));
        Check c = check(f);
        assertEquals(1, c.exit(), c.out());
        assertTrue(c.out().contains("NOT certified"), c.out());
        // the raised λ is not met: the script names a primal violation near the raise
        assertTrue(c.out().matches("(?s).*largest relative violation [1-9]\\.[0-9]e-0[45].*"), c.out());
    }

    @Test
    void refusesPricesThatNoLongerProveTheValue() throws Exception {
        // halving a binding resource's price leaves a valid but weaker bound: the gap shows it
        Path f = altered("bent.json", d -> {
            ObjectNode w = (ObjectNode) d.get("resourcePrices");
            Map.Entry<String, JsonNode> binding = null;
            for (var it = w.fields(); it.hasNext(); ) {
                var e = it.next();
                if (binding == null || e.getValue().asDouble() > binding.getValue().asDouble()) {
                    binding = e;
                }
            }
            w.put(binding.getKey(), binding.getValue().asDouble() / 2);
        });
        Check c = check(f);
        assertEquals(1, c.exit(), c.out());
        assertTrue(c.out().contains("NOT certified"), c.out());
    }

    @Test
    void unreadableInputExitsTwo() throws Exception {
        Check c = check(tmp.resolve("no-such-plan.json"));
        assertEquals(2, c.exit(), c.out());
        assertTrue(c.out().contains("cannot read"), c.out());
    }
}
