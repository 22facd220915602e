package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordTest {
    @TempDir
    Path dir;

    private final SigningKey operator = SigningKey.fromSeed("log", new byte[32]);
    private final SigningKey council = SigningKey.fromSeed("council", SnapshotTestSeeds.seed(1));

    static Path village() {
        String root = System.getProperty("gosplan.root");
        return Path.of(root != null ? root : "..", "examples", "village.economy.json");
    }

    @Test
    void economiesAndTargetsAreStoredByHashAndReadBack() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            r.registerMember(council.verifier(), Role.COUNCIL, operator);
            Record.Recorded e = r.publishEconomy(village(), operator, Progress.NONE);
            assertEquals(1, e.index());
            Economy original = EconomyFiles.readEconomy(village());
            assertEquals(original, r.economy(e.hash()));
            assertEquals(e.hash(), r.content().rehash(e.hash()));

            Path targets = dir.resolve("t.csv");
            Files.writeString(targets, "product,quantity,weight\nbread,1000,\n");
            Record.Recorded t = r.setTargets(targets, council);
            Economy planned = r.economyWithTargets(e.hash(), t.hash());
            assertEquals(1, planned.targets());
            assertEquals(1000.0, planned.targetQuantity(0));
            assertEquals(e.hash(), r.snapshot().economy().hash());
            assertEquals(t.hash(), r.snapshot().targets().hash());
            assertEquals(3, log.size());
            assertTrue(r.refusals().isEmpty());
        }
    }

    @Test
    void refusedEventsAreNeverAppended() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            assertThrows(RecordException.class, () -> r.publishEconomy(village(), council, Progress.NONE));
            assertEquals(0, log.size());
            r.registerMember(council.verifier(), Role.COUNCIL, operator);
            assertThrows(RecordException.class, () -> r.publishEconomy(village(), council, Progress.NONE),
                    "a council may not publish economies");
            Path targets = dir.resolve("t.csv");
            Files.writeString(targets, "product,quantity,weight\nbread,1000,\n");
            assertThrows(RecordException.class, () -> r.setTargets(targets, council), "no economy yet");
            assertEquals(1, log.size());
        }
    }
}
