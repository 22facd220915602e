package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What native code prints never reaches standard output. Runs the real {@code gosplan} in a child
 * process: only there is file descriptor 1 the one OR-Tools writes to.
 */
class NativeStdoutTest {
    @TempDir
    Path tmp;

    /**
     * Two products each made from a trace of the other: the coefficients 1e11 and 1e-11 form a cycle
     * whose ratio (1e44) no row or column scaling changes, so PDLP sees a dynamic range above its limit
     * of 1e20 and prints its warning, however the LP is scaled before it.
     */
    private static final String WIDE = """
            {"format": "gosplan/economy@1", "name": "wide range",
             "products": [{"id": "a", "unit": "t"}, {"id": "b", "unit": "t"}],
             "resources": [{"id": "labour", "unit": "h", "available": 1.0e6}],
             "techniques": [
               {"id": "make-a", "outputs": {"a": 1e11}, "inputs": {"b": 1e-11, "labour": 1.0}},
               {"id": "make-b", "outputs": {"b": 1e11}, "inputs": {"a": 1e-11, "labour": 1.0}}],
             "targets": [{"product": "a", "quantity": 10}, {"product": "b", "quantity": 10}]}
            """;

    static Process gosplan(Path out, Path err, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", cp, Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    @Test
    void pdlpWarningsGoToStandardErrorAndStandardOutputIsOneJsonDocument() throws Exception {
        Path economy = tmp.resolve("wide.economy.json");
        Files.writeString(economy, WIDE);
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process p = gosplan(out, err, "plan", economy.toString(), "--method", "pdlp", "--json");
        assertEquals(0, p.waitFor(), Files.readString(err));
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        // the warning was printed, and where it belongs
        assertTrue(stderr.contains("Constraint matrix has largest absolute value"), stderr);
        assertTrue(!stdout.contains("WARNING"), stdout);
        try (JsonParser parser = Json.MAPPER.createParser(stdout)) {
            JsonNode plan = Json.MAPPER.readTree(parser);
            assertEquals("optimal", plan.get("status").asText(), stdout);
            // λ = 1e6 h / (2 h) * 1e11 / 10: labour makes 5e5 of each technique, 5e16 of each product
            assertEquals(5e15, plan.get("value").asDouble(), 5e15 * 1e-6);
            assertNull(parser.nextToken(), "nothing after the one JSON document: " + stdout);
        }
    }
}
