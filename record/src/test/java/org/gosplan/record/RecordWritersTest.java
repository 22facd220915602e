package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several writers on one log, each with its own view (as separate processes have): an event is
 * checked against the log as it is when it is appended, not as its writer last saw it; and a log
 * holds either events or raw entries.
 */
class RecordWritersTest {
    @TempDir
    Path tmp;

    private final NoteSigner operator = NoteSigner.fromSeed("log", new byte[32]);
    private final NoteSigner x = NoteSigner.fromSeed("x", SnapshotTestSeeds.seed(7));
    private final NoteSigner y = NoteSigner.fromSeed("y", SnapshotTestSeeds.seed(8));

    @Test
    void anEventIsCheckedAgainstWhatOtherWritersAppendedSinceItsWriterLooked() throws IOException {
        Path dir = tmp.resolve("log");
        Log.init(dir, "test.example/record", null).close();
        try (Record a = Record.open(Log.open(dir)); Record b = Record.open(Log.open(dir))) {
            NoteSigner operator = a.log().signingKey();
            // b has not seen x registered: its event signed by x is accepted all the same.
            a.registerMember(x.verifier(), Role.OPERATOR, operator);
            assertEquals(1, b.registerMember(y.verifier(), Role.ENTERPRISE, x));
            // x demoted by a: b, which last saw x as an operator, is refused.
            a.registerMember(x.verifier(), Role.COUNCIL, operator);
            RecordException no = assertThrows(RecordException.class,
                    () -> b.registerMember(y.verifier(), Role.OPERATOR, x));
            assertTrue(no.getMessage().contains("has role council"), no.getMessage());
            assertEquals(Role.COUNCIL, b.snapshot().member(Keys.signerName(x.verifier())).role());
        }
        try (Record r = Record.open(Log.open(dir))) {
            assertEquals(3, r.log().size());
            Verification v = r.verify(null);
            assertTrue(v.ok(), v.problems().toString());
            assertEquals(3, v.events());
        }
    }

    @Test
    void aLogOfRawEntriesTakesNoEvents() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        log.append("alpha".getBytes(StandardCharsets.UTF_8));
        try (Record r = Record.open(log, tmp)) {
            RecordException no = assertThrows(RecordException.class,
                    () -> r.registerMember(x.verifier(), Role.COUNCIL, operator));
            assertTrue(no.getMessage().contains("this log holds raw entries"), no.getMessage());
            assertEquals(1, log.size());
        }
        // An empty log takes events, and is an event log from its first one.
        MemoryLog events = new MemoryLog(operator);
        try (Record r = Record.open(events, tmp)) {
            r.registerMember(x.verifier(), Role.COUNCIL, operator);
            assertTrue(Event.isEvent(events.entry(0)));
            assertFalse(Event.isEvent("alpha".getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** What verify says of entries that are not events: Gosplan's words, not the JSON parser's. */
    @Test
    void entriesThatAreNotEventsAreNamedInTheFormatsWords() throws IOException {
        MemoryLog log = new MemoryLog(operator);
        try (Record r = Record.open(log, tmp)) {
            r.registerMember(x.verifier(), Role.COUNCIL, operator);
        }
        String good = new String(log.entry(0), StandardCharsets.UTF_8);
        List<String> bad = List.of(
                "alpha",
                "[1, 2]",
                "",
                good.replace(",\"sig\":", ",\"sug\":"),
                good.replaceFirst("\"sig\":\"[^\"]*\"", "\"sig\":7"),
                good.replace("\"v\":1", "\"v\":2"),
                good.replace("\"v\":1", "\"v\":\"one\""));
        for (String b : bad) {
            log.entries.add(b.getBytes(StandardCharsets.UTF_8));
        }
        try (Record r = Record.open(log, tmp)) {
            List<String> p = r.verify(null).problems();
            assertEquals(List.of(
                    "entry 1 is not a signed event: it is not JSON (it begins 'alpha')",
                    "entry 2 is not a signed event: it is JSON but not an object (it begins '[1, 2]')",
                    "entry 3 is not a signed event: it is empty",
                    "entry 4 is not a signed event: it has a field 'sug', which events do not have (an event has v,"
                            + " type, time, signer, body and sig)",
                    "entry 5 is not a signed event: its field 'sig' is not a string",
                    "entry 6 is an event of version 2, which this Gosplan does not read (it reads version 1)",
                    "entry 7 is not a signed event: its field 'v' (the event format's version) is not a whole number"),
                    p);
            log.entries.add(good.replaceFirst(",\"sig\":\"[^\"]*\"", "").getBytes(StandardCharsets.UTF_8));
            List<String> q = r.verify(null).problems();
            assertEquals("entry 8 is not a signed event: it has no field 'sig'", q.get(q.size() - 1));
        }
    }
}
