package org.gosplan.app;

import static org.gosplan.app.CliRun.index;
import static org.gosplan.app.CliRun.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.gosplan.ledger.Log;
import org.gosplan.record.Event;
import org.gosplan.record.Keys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An auditor's attacks on the council record (issue 11): each forged or misplaced event is
 * refused at recording (exit 2, nothing recorded) and, when slipped into the log behind the
 * record's back with a valid signature, caught by {@code gosplan verify} (exit 1) with a message
 * naming the entry and what is wrong; the tally counts none of it. The false winner and the vote
 * after the close are in {@link BallotCommandsTest}.
 */
class AuditorAttacksTest {
    @TempDir
    Path tmp;

    private String dir;
    private String ana; // citizens of the north council
    private String ben;
    private String dora; // a citizen of north revoked before the ballot opens
    private String north; // the north council's key
    private long bread; // proposals
    private long tractors;
    private BallotSteps steps;

    private Path file(String name, String text) throws IOException {
        return steps.file(name, text);
    }

    private long open(String... options) throws IOException {
        return steps.open(north, options);
    }

    private JsonNode tally(long ballot) throws IOException {
        return steps.tally(ballot);
    }

    /** Exit 2, {@code what} said on standard error without a stack trace, nothing recorded. */
    private void refused(String what, String... args) throws IOException {
        CliRun.refused(dir, what, args);
    }

    /** {@code verify} fails (exit 1) and its report contains every one of {@code what}. */
    private void verifyFails(String... what) {
        CliRun v = CliRun.of("verify", dir);
        assertEquals(1, v.exit(), v.out() + v.err());
        for (String w : what) {
            assertTrue(v.out().contains(w), "'" + w + "' in:\n" + v.out());
        }
        assertTrue(v.noStackTrace(), v.err());
    }

    private void verifies() {
        CliRun v = CliRun.of("verify", dir);
        assertEquals(0, v.exit(), v.out() + v.err());
    }

    /** Signs {@code body} as {@code type} with the key file {@code key} and appends it to the log directly. */
    private long slipIn(String type, ObjectNode body, String key) throws IOException {
        Event e = Event.sign(type, body, Keys.read(Path.of(key)), Instant.now());
        try (Log log = Log.open(Path.of(dir))) {
            long at = log.size();
            log.append(e.entryBytes());
            return at;
        }
    }

    private static String name(String vkey) {
        String[] parts = vkey.split("\\+", 3);
        return parts[0] + "+" + parts[1];
    }

    @BeforeEach
    void log() throws IOException {
        dir = tmp.resolve("log").toString();
        steps = new BallotSteps(tmp, dir);
        ok(CliRun.of("log", "init", dir, "--origin", "example.org/audit"));
        ana = CliRun.newKey(tmp, "ana");
        ben = CliRun.newKey(tmp, "ben");
        dora = CliRun.newKey(tmp, "dora");
        north = CliRun.newKey(tmp, "north");
        for (String citizen : new String[] {ana, ben, dora}) {
            ok(CliRun.of("record", dir, "member", CliRun.vkey(citizen), "--role", "citizen", "--council", "north"));
        }
        ok(CliRun.of("record", dir, "member", CliRun.vkey(north), "--role", "council", "--council", "north"));
        long[] proposals = steps.villagePlannedWithTwoProposals(north, ana);
        bread = proposals[0];
        tractors = proposals[1];
    }

    private static ObjectNode approve(long ballot, long... proposals) {
        ObjectNode body = Json.object().put("ballot", ballot);
        var list = body.putArray("approve");
        for (long p : proposals) {
            list.add(p);
        }
        return body;
    }

    @Test
    void aVoteByAMemberRevokedBeforeTheBallotOpenedIsRefusedAndCaught() throws IOException {
        long revoked = CliRun.logSize(dir);
        ok(CliRun.of("record", dir, "revoke", name(CliRun.vkey(dora))));
        long b = open("--method", "approval", "--proposals", bread + "," + tractors, "--electorate", "council:north");
        ok(CliRun.of("vote", dir, "" + b, "--approve", "" + tractors, "--key", ana));
        refused("was revoked at entry " + revoked, "vote", dir, "" + b, "--approve", "" + bread, "--key", dora);
        // dora's vote, signed with her (revoked) key, appended behind the record's back
        long first = slipIn("vote.cast", approve(b, bread), dora);
        ok(CliRun.of("record", dir, "close", "" + b, "--key", north));
        JsonNode t = tally(b);
        assertEquals(1, t.get("voters").asInt(), t.toString());
        assertEquals(List.of(tractors), List.of(t.get("winners").get(0).asLong()));
        verifyFails("entry " + first + " (vote.cast by " + name(CliRun.vkey(dora)) + ")",
                "was revoked at entry " + revoked);
    }

    /** In the electorate when the ballot opened, revoked before voting: the key signs nothing after its revocation. */
    @Test
    void aVoteByAMemberRevokedWhileTheBallotIsOpenIsRefusedAndCaught() throws IOException {
        long b = open("--method", "approval", "--proposals", bread + "," + tractors, "--electorate", "council:north");
        ok(CliRun.of("vote", dir, "" + b, "--approve", "" + tractors, "--key", ana));
        long revoked = CliRun.logSize(dir);
        ok(CliRun.of("record", dir, "revoke", name(CliRun.vkey(dora))));
        refused("was revoked at entry " + revoked, "vote", dir, "" + b, "--approve", "" + bread, "--key", dora);
        long slipped = slipIn("vote.cast", approve(b, bread), dora);
        ok(CliRun.of("record", dir, "close", "" + b, "--key", north));
        assertEquals(1, tally(b).get("voters").asInt());
        verifyFails("entry " + slipped + " (vote.cast by " + name(CliRun.vkey(dora)) + ")",
                "was revoked at entry " + revoked);
    }

    @Test
    void aVoteBySomeoneWhoJoinedAfterTheBallotOpenedIsRefusedAndCaught() throws IOException {
        long b = open("--method", "approval", "--proposals", bread + "," + tractors, "--electorate", "all");
        ok(CliRun.of("vote", dir, "" + b, "--approve", "" + tractors, "--key", ana));
        String eve = CliRun.newKey(tmp, "eve");
        ok(CliRun.of("record", dir, "member", CliRun.vkey(eve), "--role", "citizen", "--council", "north"));
        refused("is not in ballot " + b + "'s electorate", "vote", dir, "" + b, "--approve", "" + bread, "--key", eve);
        long late = slipIn("vote.cast", approve(b, bread), eve);
        ok(CliRun.of("record", dir, "close", "" + b, "--key", north));
        JsonNode t = tally(b);
        assertEquals(1, t.get("voters").asInt(), t.toString());
        assertEquals(0, t.get("counts").get("" + bread).asInt(), t.toString());
        verifyFails("entry " + late + " (vote.cast by " + name(CliRun.vkey(eve)) + ")",
                "is not in ballot " + b + "'s electorate");
    }

    @Test
    void aTallyRecordedByARoleThatMayNotIsRefusedAndCaught() throws IOException {
        long b = open("--method", "approval", "--proposals", bread + "," + tractors, "--electorate", "council:north");
        ok(CliRun.of("vote", dir, "" + b, "--approve", "" + tractors, "--key", ana));
        ok(CliRun.of("record", dir, "close", "" + b, "--key", north));
        refused("may not record ballot.tallied", "record", dir, "tally", "" + b, "--key", ben);
        // the true count, signed by a citizen and slipped in: true or not, a citizen may not record it
        JsonNode t = tally(b);
        ObjectNode body = Json.object().put("ballot", b);
        body.set("winners", t.get("winners"));
        body.put("result", org.gosplan.record.Canonical.sha256(org.gosplan.record.Canonical.bytes(t)));
        long at = slipIn("ballot.tallied", body, ben);
        verifyFails("entry " + at + " (ballot.tallied by " + name(CliRun.vkey(ben)) + ")",
                "may not record ballot.tallied");
    }

    /**
     * Two ballots opened with --adopt: the later recorded tally's targets are the next plan's
     * (each adoption is a decision on the record); a tally of the second ballot that carries the
     * first ballot's adopted targets, signed by the council, is caught; a tally that adopts
     * targets for a ballot not opened with --adopt is refused and caught.
     */
    @Test
    void aSecondAdoptionOfADifferentBallotCannotCarryTheFirstsTargets() throws IOException {
        long a = open("--method", "approval", "--proposals", bread + "," + tractors, "--electorate", "council:north",
                "--adopt");
        ok(CliRun.of("vote", dir, "" + a, "--approve", "" + bread, "--key", ana));
        ok(CliRun.of("record", dir, "close", "" + a, "--key", north));
        long tallyA = index(CliRun.of("record", dir, "tally", "" + a, "--key", north, "--json"));
        String targetsA = JsonOutputTest.oneDocument(CliRun.of("show", dir, "" + tallyA)).path("body").path("targets")
                .asText();
        assertEquals(64, targetsA.length());

        long b = open("--method", "approval", "--proposals", bread + "," + tractors, "--electorate", "council:north",
                "--adopt");
        ok(CliRun.of("vote", dir, "" + b, "--approve", "" + tractors, "--key", ana));
        ok(CliRun.of("vote", dir, "" + b, "--approve", "" + tractors, "--key", ben));
        ok(CliRun.of("record", dir, "close", "" + b, "--key", north));
        JsonNode t = tally(b);
        assertEquals(tractors, t.get("winners").get(0).asLong());
        // the council records ballot b's true winners and result, but keeps ballot a's targets
        ObjectNode forged = Json.object().put("ballot", b);
        forged.set("winners", t.get("winners"));
        forged.put("result", org.gosplan.record.Canonical.sha256(org.gosplan.record.Canonical.bytes(t)));
        forged.put("targets", targetsA);
        Path f = file("forged.json", Json.object().put("type", "ballot.tallied").<ObjectNode>set("body", forged)
                .toString());
        long at = index(CliRun.of("record", dir, "event", f.toString(), "--key", north, "--json"));
        verifyFails("the tally of ballot " + b + " is false", "it adopts targets " + targetsA
                + ", the winners' targets summed are ");

        // a ballot opened without --adopt: a tally that adopts targets is refused, and caught when slipped in
        long c = open("--method", "approval", "--proposals", bread + "," + tractors, "--electorate", "council:north");
        ok(CliRun.of("vote", dir, "" + c, "--approve", "" + bread, "--key", ana));
        ok(CliRun.of("record", dir, "close", "" + c, "--key", north));
        JsonNode tc = tally(c);
        ObjectNode adopting = Json.object().put("ballot", c);
        adopting.set("winners", tc.get("winners"));
        adopting.put("result", org.gosplan.record.Canonical.sha256(org.gosplan.record.Canonical.bytes(tc)));
        adopting.put("targets", targetsA);
        Path g = file("adopting.json", Json.object().put("type", "ballot.tallied").<ObjectNode>set("body", adopting)
                .toString());
        refused("was not opened with --adopt", "record", dir, "event", g.toString(), "--key", north);
        long slipped = slipIn("ballot.tallied", adopting, north);
        verifyFails("entry " + slipped + " (ballot.tallied by " + name(CliRun.vkey(north)) + ")",
                "ballot " + c + " was not opened with --adopt", "the tally of ballot " + b + " is false");
        assertTrue(at < slipped);
    }

    /** The later of two honest adoptions sets the targets the next plan uses, and replay passes. */
    @Test
    void theLaterOfTwoAdoptionsIsTheNextPlansTargets() throws IOException {
        long a = open("--method", "approval", "--proposals", bread + "," + tractors, "--electorate", "council:north",
                "--adopt");
        ok(CliRun.of("vote", dir, "" + a, "--approve", "" + bread, "--key", ana));
        ok(CliRun.of("record", dir, "close", "" + a, "--key", north));
        ok(CliRun.of("record", dir, "tally", "" + a, "--key", north));
        long b = open("--method", "approval", "--proposals", bread + "," + tractors, "--electorate", "council:north",
                "--adopt");
        ok(CliRun.of("vote", dir, "" + b, "--approve", "" + tractors, "--key", ana));
        ok(CliRun.of("record", dir, "close", "" + b, "--key", north));
        long tallyB = index(CliRun.of("record", dir, "tally", "" + b, "--key", north, "--json"));
        ok(CliRun.of("plan", "--record", dir));
        String adopted = JsonOutputTest.oneDocument(CliRun.of("show", dir, "" + tallyB)).path("body").path("targets")
                .asText();
        JsonNode plan = JsonOutputTest.oneDocument(CliRun.of("show", dir, Long.toString(tallyB + 1)));
        assertEquals(adopted, plan.path("body").path("targets").asText(), plan.toString());
        CliRun content = CliRun.of("show", dir, Long.toString(tallyB), "--content");
        assertEquals("product,quantity,weight\ntractor,10,1", content.out().strip(), content.err());
        CliRun v = CliRun.of("verify", dir, "--replay");
        assertEquals(0, v.exit(), v.out() + v.err());
        assertTrue(v.out().contains("2 tallies recounted"), v.out());
    }

    /**
     * A proposal's targets file changed beside the log after it was recorded (more bread than was
     * proposed): verify finds the content altered, naming the proposal's entry, and a tally that
     * adopted it is not recounted on the altered bytes as if they were true.
     */
    @Test
    void aProposalsTargetsChangedAfterRecordingAreCaught() throws IOException {
        long b = open("--method", "approval", "--proposals", bread + "," + tractors, "--electorate", "council:north",
                "--adopt");
        ok(CliRun.of("vote", dir, "" + b, "--approve", "" + bread, "--key", ana));
        ok(CliRun.of("record", dir, "close", "" + b, "--key", north));
        ok(CliRun.of("record", dir, "tally", "" + b, "--key", north));
        verifies();
        String hash = JsonOutputTest.oneDocument(CliRun.of("show", dir, "" + bread)).path("body").path("targets")
                .asText();
        assertEquals(64, hash.length());
        Path stored = Path.of(dir, "content", hash.substring(0, 2), hash);
        assertTrue(Files.exists(stored), stored.toString());
        stored.toFile().setWritable(true);
        Files.writeString(stored, Files.readString(stored).replace("bread,1000", "bread,9000"));
        verifyFails("entry " + bread + " (proposal.made by " + name(CliRun.vkey(north)) + ")",
                "its targets content " + hash + " was altered");
    }
}
