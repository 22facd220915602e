package org.gosplan.record;

import org.gosplan.ledger.NoteSigner;

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

    private final NoteSigner operator = NoteSigner.fromSeed("log", new byte[32]);
    private final NoteSigner council = NoteSigner.fromSeed("council", SnapshotTestSeeds.seed(1));

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

    @Test
    void verifyFindsAlteredContentAndForgedEntries() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, dir)) {
            r.registerMember(council.verifier(), Role.COUNCIL, operator);
            Record.Recorded e = r.publishEconomy(village(), operator, Progress.NONE);
            assertTrue(r.verify(null).ok());
            assertEquals(2, r.verify(null).events());

            Path blob = dir.resolve("content").resolve(e.hash().substring(0, 2)).resolve(e.hash());
            byte[] bytes = Files.readAllBytes(blob);
            bytes[bytes.length / 2] ^= 1;
            Files.write(blob, bytes);
            Verification v = r.verify(null);
            assertEquals(1, v.problems().size(), v.problems().toString());
            assertTrue(v.problems().get(0).contains("entry 1") && v.problems().get(0).contains("altered"));

            // An entry whose body was changed after signing: the signature no longer holds.
            String text = new String(log.entries.get(0), java.nio.charset.StandardCharsets.UTF_8);
            log.entries.set(0, text.replace("\"council\"", "\"operator\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Verification v2 = r.verify(null);
            assertTrue(v2.problems().stream().anyMatch(p -> p.startsWith("entry 0") && p.contains("signature")),
                    v2.problems().toString());
        }
    }
}
