package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.gosplan.economy.Progress;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Event;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.gosplan.record.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gosplan log list} read a chunk at a time prints what the first version printed one entry
 * at a time ({@code Record.shown(i)} and one {@code printf} each, kept here as the reference): every
 * range, type and chunk size on a log of members registered, re-registered and revoked, with a
 * refused event, an event whose fields are out of canonical order and one with a field twice.
 */
class EventListTest {
    @TempDir
    Path tmp;

    private static final String[] TYPES = {null, "member.registered", "member.revoked", "vote.cast"};

    /** The first version of 'log list', as it printed: one shown tree and one printf per entry. */
    private static String reference(Record r, long from, long limit, String type, boolean json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long size = r.log().size();
        ObjectNode doc = Json.object();
        doc.put("size", size);
        ArrayNode events = doc.putArray("events");
        long listed = 0;
        for (long i = from; i < size && (limit == 0 || listed < limit); i++) {
            ObjectNode e = r.shown(i);
            if (type != null && !type.equals(e.path("type").asText())) {
                continue;
            }
            listed++;
            if (json) {
                events.addObject().put("index", i).put("type", e.path("type").asText())
                        .put("time", e.path("time").asText()).put("signer", e.path("signer").asText())
                        .set("signerName", e.get("signerName"));
                ((ObjectNode) events.get(events.size() - 1)).set("signerRole", e.get("signerRole"));
            } else {
                out.printf("%6d  %-20s %s  %s%n", i, e.path("type").asText(), e.path("time").asText(),
                        e.path("signerName").isTextual() ? e.path("signerName").asText() + " ("
                                + e.path("signerRole").asText() + ")" : e.path("signer").asText());
            }
        }
        if (json) {
            Json.print(out, doc);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String listed(Record r, long from, long limit, String type, boolean json, int most)
            throws IOException {
        StringWriter w = new StringWriter();
        EventList.Query q = new EventList.Query(from, limit, type, "the log");
        if (json) {
            EventList.json(r, q, Progress.NONE, w, most);
        } else {
            EventList.text(r, q, Progress.NONE, w, most);
        }
        return w.toString();
    }

    /** A record of 40-odd entries: members (one named in non-ASCII) registered, re-registered, revoked, and odd events. */
    private Path record() throws IOException {
        Path dir = tmp.resolve("log");
        NoteSigner stranger = NoteSigner.generate("stranger");
        NoteSigner[] members = new NoteSigner[30];
        try (Record r = Record.open(Log.init(dir, "example.org/list", null))) {
            NoteSigner op = r.log().signingKey();
            for (int k = 0; k < 30; k++) {
                NoteSigner m = NoteSigner.generate(k == 5 ? "opérateur-nörth" : "member-" + k);
                members[k] = m;
                r.registerMember(m.verifier(), Role.values()[k % Role.values().length], op);
            }
            // operators who register others sign as themselves
            r.registerMember(stranger.verifier(), Role.CITIZEN, members[5]);
            r.registerMember(NoteSigner.generate("stranger-2").verifier(), Role.CITIZEN, members[15]);
            r.registerMember(members[15].verifier(), Role.COUNCIL, op); // his role from here on
            r.revokeMember(Keys.signer(members[10]), op);
        }
        try (Log log = Log.open(dir)) {
            // refused by the record (an unregistered signer), yet an event in form: listed
            ObjectNode body = Json.object().put("vkey", NoteSigner.generate("nobody").verifier().toString())
                    .put("role", "citizen");
            NoteSigner unregistered = NoteSigner.generate("unregistered");
            log.append(Event.sign("member.registered", body, unregistered, Instant.EPOCH).entryBytes());
            // refused too: a council may not register, a revoked operator may not sign; listed by name and role
            log.append(Event.sign("member.registered", body, members[15], Instant.EPOCH).entryBytes());
            log.append(Event.sign("member.registered", body, members[10], Instant.EPOCH).entryBytes());
            // signed by the operator, the fields out of canonical order, and a field twice (the tree keeps the
            // last): both accepted, and both listed the long way
            NoteSigner op = log.signingKey();
            Event e = Event.sign("member.revoked", Json.object().put("signer", Keys.signer(members[5])), op,
                    Instant.EPOCH);
            log.append(("{\"v\":1,\"type\":\"member.revoked\",\"time\":\"" + e.time() + "\",\"signer\":\"" + e.signer()
                    + "\",\"body\":" + e.body() + ",\"sig\":\"" + e.sig() + "\"}").getBytes(StandardCharsets.UTF_8));
            Event twice = Event.sign("member.revoked", Json.object().put("signer", Keys.signer(members[6])), op,
                    Instant.EPOCH);
            log.append(("{\"v\":1,\"type\":\"vote.cast\",\"type\":\"member.revoked\",\"time\":\"" + twice.time()
                    + "\",\"signer\":\"" + twice.signer() + "\",\"body\":" + twice.body() + ",\"sig\":\"" + twice.sig()
                    + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return dir;
    }

    /** Keys.signerName, reached through a verifier's text: name+id. */
    private static final class Keys {
        static String signer(NoteSigner k) {
            String[] parts = k.verifier().toString().split("\\+");
            return parts[0] + "+" + parts[1];
        }
    }

    @Test
    void everyRangeTypeAndChunkGivesTheLinesOfOneEntryAtATime() throws IOException {
        Path dir = record();
        try (Record r = Record.open(Log.open(dir))) {
            long size = r.log().size();
            assertTrue(size > 30, "size " + size);
            String all = reference(r, 0, 0, null, false);
            for (String who : new String[] {"opérateur-nörth (operator)", "member-15 (operator)", "member-15 (council)",
                    "member-10 (operator)", "unregistered+"}) {
                assertTrue(all.contains(who), who + " in\n" + all);
            }
            for (int most : new int[] {1, 2, 3, 7, EventList.CHUNK}) {
                for (long from = 0; from <= size; from++) {
                    for (long limit : new long[] {0, 1, 2, 3, 7}) {
                        for (String type : TYPES) {
                            String what = "from " + from + " limit " + limit + " type " + type + " chunk " + most;
                            assertEquals(reference(r, from, limit, type, false), listed(r, from, limit, type, false, most),
                                    what);
                        }
                    }
                }
            }
            // the plain entries are read for their four fields; the odd ones the long way
            int plain = 0;
            for (long i = 0; i < size; i++) {
                plain += EventList.topFields(r.log().entry(i)) != null ? 1 : 0;
            }
            assertEquals(size - 1, plain, "all but the entry with a field twice");
            // read from the end where canonical: the same as parsed, all but the two written by hand
            int tail = 0;
            for (long i = 0; i < size; i++) {
                String[] t = EventList.canonicalTail(r.log().entry(i));
                if (t != null) {
                    tail++;
                    Event e = r.event(i);
                    assertEquals(List.of(e.type(), e.time(), e.signer()), List.of(t), "entry " + i);
                }
            }
            assertEquals(size - 2, tail);
            for (String odd : new String[] {"{\"sig\":\"a\\\",\"signer\":\"s\",\"time\":\"t\",\"type\":\"y\",\"v\":1}",
                    "{\"signer\":\"s\\\\\",\"time\":\"t\",\"type\":\"y\",\"v\":1}", "\",\"v\":1}",
                    "\"time\":\"t\",\"type\":\"y\",\"v\":1}", "{\"v\":1,\"type\":\"y\"}"}) {
                assertEquals(null, EventList.canonicalTail(odd.getBytes(StandardCharsets.UTF_8)), odd);
            }
            assertEquals(List.of("y", "t", "s"), List.of(EventList.canonicalTail(
                    "{\"sig\":\"a\",\"signer\":\"s\",\"time\":\"t\",\"type\":\"y\",\"v\":1}".getBytes(StandardCharsets.UTF_8))));
            assertEquals(null, EventList.topFields("{\"v\":1,\"type\":\"a\",\"time\":\"t\",\"signer\":\"s\",\"body\":{},\"sig\":\"x\"} 1"
                    .getBytes(StandardCharsets.UTF_8)), "something after the object");
            // JSON on fewer ranges: one document, as Json.print prints the whole tree
            for (int most : new int[] {1, 3, EventList.CHUNK}) {
                for (long from : new long[] {0, 1, 17, size - 1, size}) {
                    for (long limit : new long[] {0, 1, 4}) {
                        for (String type : TYPES) {
                            assertEquals(reference(r, from, limit, type, true), listed(r, from, limit, type, true, most),
                                    "json from " + from + " limit " + limit + " type " + type + " chunk " + most);
                        }
                    }
                }
            }
        }
    }

    @Test
    void anEntryThatIsNoEventStopsTheListWhereItStands() throws IOException {
        Path dir = record();
        try (Log log = Log.open(dir)) {
            log.append("not an event".getBytes(StandardCharsets.UTF_8));
        }
        try (Record r = Record.open(Log.open(dir))) {
            long bad = r.log().size() - 1;
            StringWriter w = new StringWriter();
            assertThrows(RecordException.class, () -> EventList.text(r, new EventList.Query(0, 0, null, "the log"),
                    Progress.NONE, w, 5));
            // the lines before it are out, as one printf each put them out
            String before = reference(r, 0, bad, null, false);
            assertEquals(before, w.toString());
            StringWriter j = new StringWriter();
            assertThrows(RecordException.class, () -> EventList.json(r, new EventList.Query(0, 0, null, "the log"),
                    Progress.NONE, j, 5));
            assertEquals("", j.toString(), "with --json, one document or none");
            // before it, all is well
            assertEquals(reference(r, 0, 3, null, true), listed(r, 0, 3, null, true, 2));
        }
        CliRun c = CliRun.of("log", "list", dir.toString(), "--json");
        // the one document is the error's
        assertTrue(JsonOutputTest.errors(c).toString().contains("entry " + (CliRun.logSize(dir.toString()) - 1)
                + " is not a signed event"), c.out());
        assertTrue(c.exit() != 0 && c.noStackTrace(), c.err());
    }

    @Test
    void aBadRangeSaysWhatToGive() throws IOException {
        Path dir = record();
        String log = dir.toString();
        long size = CliRun.logSize(log);
        CliRun neg = CliRun.of("log", "list", log, "--from", "-1");
        assertEquals(2, neg.exit());
        assertTrue(neg.err().contains("--from -1: give the index of the first entry to list, 0 or more"), neg.err());
        CliRun lim = CliRun.of("log", "list", log, "--limit", "-5", "--json");
        assertEquals(2, lim.exit());
        assertTrue(JsonOutputTest.errors(lim).toString().contains("--limit -5: give how many events"), lim.out());
        CliRun past = CliRun.of("log", "list", log, "--from", Long.toString(size + 1));
        assertEquals(2, past.exit());
        assertTrue(past.err().contains("--from " + (size + 1) + " is past the end of " + log + ", which has " + size
                + " entries (0 to " + (size - 1) + "); give --from " + size + " or less"), past.err());
        assertTrue(past.noStackTrace() && past.out().isEmpty(), past.err());
        CliRun word = CliRun.of("log", "list", log, "--limit", "ten");
        assertEquals(2, word.exit(), word.err());
        // the page after the last is empty, not an error: paging stops there
        CliRun end = CliRun.of("log", "list", log, "--from", Long.toString(size));
        assertEquals(0, end.exit(), end.err());
        assertEquals("", end.out());
        assertTrue(end.err().contains("no events in " + log + " from index " + size), end.err());
        // the command line gives what the reference gives, from the middle, in a few entries
        CliRun mid = CliRun.of("log", "list", log, "--from", "5", "--limit", "4");
        assertEquals(0, mid.exit(), mid.err());
        try (Record r = Record.open(Log.open(dir))) {
            assertEquals(reference(r, 5, 4, null, false), mid.out());
            assertEquals(Arrays.asList(reference(r, 0, 0, "member.revoked", true).split("\n")),
                    Arrays.asList(CliRun.of("log", "list", log, "--type", "member.revoked", "--json").out().split("\n")));
        }
    }
}
