package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Progress;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.planner.PlanOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An economy with republics, trade and years on the record: stored whole, and not planned as if it had none. */
class PartsOnTheRecordTest {
    @TempDir
    Path dir;

    private final NoteSigner operator = NoteSigner.fromSeed("log", new byte[32]);

    static Path two() {
        String root = System.getProperty("gosplan.root");
        return Path.of(root != null ? root : "..", "examples", "two-republics.economy.json");
    }

    @Test
    void theBundleKeepsThePartsAndAnEconomyWithoutThemAsBefore() throws IOException {
        Economy two = EconomyFiles.readEconomy(two());
        Path bundle = dir.resolve("two.bundle");
        Files.createDirectories(dir.resolve("w1"));
        EconomyBundle.write(two, bundle, dir.resolve("w1"));
        String text = Files.readString(bundle, StandardCharsets.UTF_8);
        assertTrue(text.contains("\nregions.csv ") && text.contains("\nstocks.csv "), "the parts' files are stored");
        Files.createDirectories(dir.resolve("w2"));
        assertEquals(two, EconomyBundle.read(bundle, dir.resolve("w2")));
        Economy village = EconomyFiles.readEconomy(RecordTest.village());
        Path plain = dir.resolve("village.bundle");
        Files.createDirectories(dir.resolve("w3"));
        EconomyBundle.write(village, plain, dir.resolve("w3"));
        String v = Files.readString(plain, StandardCharsets.UTF_8);
        assertFalse(v.contains("regions.csv") || v.contains("trade.csv"), "no parts, no files for them");
    }

    @Test
    void aPlanOnTheRecordRefusesWhatItWouldDrop() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            r.publishEconomy(two(), operator, Progress.NONE);
            Path targets = dir.resolve("t.csv");
            Files.writeString(targets, "product,quantity,weight,region\ngrain,100,,north\n");
            r.setTargets(targets, operator);
            RecordException x = assertThrows(RecordException.class,
                    () -> PlanRecords.computeAndRecord(r, PlanOptions.DEFAULT, operator));
            assertTrue(x.getMessage().contains("republics, foreign trade or years"), x.getMessage());
            assertEquals(2, log.size(), "nothing recorded");
        }
    }
}
