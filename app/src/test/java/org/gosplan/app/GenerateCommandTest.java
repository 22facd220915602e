package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void folderAndJsonHoldTheSameProductiveEconomy() throws IOException {
        Path folder = tmp.resolve("rnd");
        Path file = tmp.resolve("rnd.economy.json");
        assertEquals(0, CliRun.of("generate", folder.toString(), "--products", "3000", "--inputs", "6", "--seed", "9").exit());
        assertEquals(0, CliRun.of("generate", file.toString(), "--products", "3000", "--inputs", "6", "--seed", "9").exit());
        Economy a = EconomyFiles.readEconomy(folder);
        Economy b = EconomyFiles.readEconomy(file);
        assertEquals(3000, a.products());
        assertEquals(3000L * 8, a.nonzeros()); // one output, six inputs, labour
        assertEquals(a.productInputs(), b.productInputs());
        assertEquals(a.resourceInputs(), b.resourceInputs());
        CliRun r = CliRun.of("leontief", folder.toString(), "--json", "--method", "bicgstab");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = Json.MAPPER.readTree(r.out());
        assertTrue(doc.get("residual").asDouble() <= 1e-10);
        assertEquals(3000, doc.get("output").size());
        CliRun m = CliRun.of("multipliers", file.toString(), "--json");
        assertEquals(0, m.exit(), m.err());
        assertTrue(Json.MAPPER.readTree(m.out()).get("factors").has("labour"));
    }

    @Test
    void refusesToOverwriteAndBadShapes() throws IOException {
        Path folder = tmp.resolve("x");
        Files.createDirectories(folder);
        assertEquals(2, CliRun.of("generate", folder.toString()).exit());
        assertEquals(2, CliRun.of("generate", tmp.resolve("y").toString(), "--max-column-sum", "1.2").exit());
        assertEquals(2, CliRun.of("generate", tmp.resolve("y").toString(), "--products", "0").exit());
    }
}
