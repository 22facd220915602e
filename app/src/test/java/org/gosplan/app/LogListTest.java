package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gosplan log list}: vote and tally, given an index that opens no ballot, say "'gosplan log list'
 * finds the ballot.opened events", and there was no such command (issue 16, tried again as a new user).
 */
class LogListTest {
    @TempDir
    Path tmp;

    @Test
    void listsTheEventsAndFindsTheBallots() throws IOException {
        String log = tmp.resolve("log").toString();
        assertEquals(0, CliRun.of("log", "init", log, "--origin", "example.org/list").exit());
        String key = CliRun.newKey(tmp, "council-north");
        assertEquals(0, CliRun.of("record", log, "member", CliRun.vkey(key), "--role", "council").exit());
        CliRun e = CliRun.of("record", log, "economy", CliRun.examples().resolve("village.economy.json").toString());
        assertEquals(0, e.exit(), e.err());

        CliRun all = CliRun.of("log", "list", log);
        assertEquals(0, all.exit(), all.err());
        String[] lines = all.out().strip().split("\n");
        assertEquals(2, lines.length, all.out());
        assertTrue(lines[0].contains("member.registered") && lines[0].contains("example.org/list (operator)"), lines[0]);
        assertTrue(lines[1].strip().startsWith("1") && lines[1].contains("economy.published"), lines[1]);

        JsonNode doc = JsonOutputTest.oneDocument(CliRun.of("log", "list", log, "--type", "economy.published", "--json"));
        assertEquals(2, doc.get("size").asInt());
        assertEquals(1, doc.get("events").size(), doc.toString());
        assertEquals(1, doc.get("events").get(0).get("index").asInt());
        assertEquals(0, JsonOutputTest.oneDocument(CliRun.of("log", "list", log, "--type", "ballot.opened", "--json"))
                .get("events").size());
        assertEquals(1, JsonOutputTest.oneDocument(CliRun.of("log", "list", log, "--from", "1", "--limit", "5",
                "--json")).get("events").size());

        JsonNode errors = JsonOutputTest.errors(CliRun.of("log", "list", log, "--type", "ballot.opend", "--json"));
        assertTrue(errors.get(0).get("message").asText().contains("did you mean 'ballot.opened'?"), errors.toString());

        // the command the messages name exists
        CliRun tally = CliRun.of("tally", log, "1");
        assertEquals(2, tally.exit(), tally.err());
        assertTrue(tally.err().contains("'gosplan log list'"), tally.err());
    }

    @Test
    void aLogOfRawLinesIsNotARecord() throws IOException {
        String log = tmp.resolve("raw").toString();
        assertEquals(0, CliRun.of("log", "init", log, "--origin", "example.org/raw").exit());
        java.nio.file.Path lines = java.nio.file.Files.writeString(tmp.resolve("lines.txt"), "a\nb\n");
        assertEquals(0, CliRun.of("log", "append", log, lines.toString()).exit());
        CliRun r = CliRun.of("log", "list", log);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.noStackTrace() && r.err().contains("raw lines"), r.err());
    }
}
