package org.gosplan.bench.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.gosplan.app.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The auditor's script {@code bench/scripts/check_space_plan.py} (Python's standard library, no
 * Gosplan code) on the plans of the bundled examples with republics, trade and years: it finds
 * the true plan feasible at its value and refuses one whose value or investment was bent.
 */
class CheckSpacePlanScriptTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Path example(String name) {
        String root = System.getProperty("gosplan.root");
        return Path.of(root != null ? root : "..", "examples", name + ".economy.json");
    }

    Path plan(Path economy, String... options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            String[] args = new String[3 + options.length];
            args[0] = "plan";
            args[1] = economy.toString();
            args[2] = "--json";
            System.arraycopy(options, 0, args, 3, options.length);
            exit = Main.run(args);
        } finally {
            System.setOut(old);
        }
        assertEquals(0, exit);
        Path plan = tmp.resolve("plan.json");
        Files.write(plan, out.toByteArray());
        return plan;
    }

    static String check(Path economy, Path plan, int expectedExit) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("python3", "scripts/check_space_plan.py", economy.toString(),
                plan.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(expectedExit, p.waitFor(), out);
        return out;
    }

    Path altered(Path plan, Consumer<ObjectNode> change) throws IOException {
        ObjectNode d = (ObjectNode) JSON.readTree(plan.toFile());
        change.accept(d);
        Path f = tmp.resolve("altered.json");
        JSON.writeValue(f.toFile(), d);
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"two-republics", "five-year-plan", "usa-uk-republics"})
    void theTruePlanIsFeasibleAndABentOneIsNot(String name) throws IOException, InterruptedException {
        Path economy = example(name);
        Path plan = plan(economy);
        assertTrue(check(economy, plan, 0).startsWith("feasible"));
        Path raised = altered(plan, d -> d.put("value", d.get("value").asDouble() * 1.01));
        assertTrue(check(economy, raised, 1).startsWith("NOT feasible"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"five-year-plan"})
    void investmentThatWasNotMadeIsCaught(String name) throws IOException, InterruptedException {
        Path economy = example(name);
        Path plan = plan(economy);
        Path bent = altered(plan, d -> {
            ObjectNode inv = (ObjectNode) d.get("years").get("3").get("investment");
            inv.put("machine", inv.get("machine").asDouble() * 1.5);
        });
        assertTrue(check(economy, bent, 1).contains("year 3"));
    }

    /**
     * min-resource: every target in full and the resource's use equal to the value; and the least-use
     * stage's sum recomputed from the levels. A plan claiming less use than its levels make, or a
     * limited stage smaller than its levels' sum, is caught.
     */
    @ParameterizedTest
    @ValueSource(strings = {"two-republics:labour-n", "five-year-plan:labour"})
    void minResourceAndTheStagesAreRecomputed(String spec) throws IOException, InterruptedException {
        String[] s = spec.split(":");
        Path economy = example(s[0]);
        Path plan = plan(economy, "--objective", "min-resource", "--resource", s[1]);
        assertTrue(check(economy, plan, 0).startsWith("feasible"));
        Path less = altered(plan, d -> d.put("value", d.get("value").asDouble() * 0.99));
        assertTrue(check(economy, less, 1).contains("is not the plan's value"));
        Path stage = altered(plan, d -> {
            ObjectNode first = (ObjectNode) d.get("leastUse").get("stages").get(0);
            first.put("value", first.get("value").asDouble() * 0.99);
        });
        assertTrue(check(economy, stage, 1).contains("above the limited stage's value"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"two-republics"})
    void aYearsLambdaAboveWhatTheLevelsGiveIsCaught(String name) throws IOException, InterruptedException {
        Path economy = example(name);
        Path plan = plan(economy);
        Path bent = altered(plan, d -> {
            ObjectNode y1 = (ObjectNode) d.get("years").get("1");
            y1.put("lambda", y1.get("lambda").asDouble() * 1.01);
        });
        assertTrue(check(economy, bent, 1).contains("year 1: balance"));
    }
}
