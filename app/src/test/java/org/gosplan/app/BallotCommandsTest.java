package org.gosplan.app;

import static org.gosplan.app.CliRun.index;
import static org.gosplan.app.CliRun.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gosplan.ledger.Log;
import org.gosplan.record.Keys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ballots, votes, closes and tallies through the command line, and what verify makes of them (councils.md). */
class BallotCommandsTest {
    @TempDir
    Path tmp;

    private String dir;
    private String ana; // citizens of the north council
    private String ben;
    private String cleo; // a citizen of no council
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

    @BeforeEach
    void log() throws IOException {
        dir = tmp.resolve("log").toString();
        steps = new BallotSteps(tmp, dir);
        ok(CliRun.of("log", "init", dir, "--origin", "example.org/ballots"));
        ana = CliRun.newKey(tmp, "ana");
        ben = CliRun.newKey(tmp, "ben");
        cleo = CliRun.newKey(tmp, "cleo");
        north = CliRun.newKey(tmp, "north");
        ok(CliRun.of("record", dir, "member", CliRun.vkey(ana), "--role", "citizen", "--council", "north"));
        ok(CliRun.of("record", dir, "member", CliRun.vkey(ben), "--role", "citizen", "--council", "north"));
        ok(CliRun.of("record", dir, "member", CliRun.vkey(cleo), "--role", "citizen"));
        ok(CliRun.of("record", dir, "member", CliRun.vkey(north), "--role", "council", "--council", "north"));
        long[] proposals = steps.villagePlannedWithTwoProposals(north, ana);
        bread = proposals[0];
        tractors = proposals[1];
    }

    @Test
    void everyRefusalOfABallotAVoteAndACloseExitsTwoAndRecordsNothing() throws IOException {
        String p = bread + "," + tractors;
        refused("--method 'borda' is unknown", "record", dir, "ballot", "--title", "T", "--method", "borda", "--proposals", p,
                "--electorate", "all", "--key", north);
        refused("is not a proposal", "record", dir, "ballot", "--title", "T", "--method", "approval", "--proposals",
                "0," + bread, "--electorate", "all", "--key", north);
        refused("--budget RESOURCE=AMOUNT is needed", "record", dir, "ballot", "--title", "T", "--method",
                "equal-shares", "--proposals", p, "--electorate", "all", "--key", north);
        refused("has no resource 'labor'; did you mean 'labour'", "record", dir, "ballot", "--title", "T", "--method",
                "equal-shares", "--proposals", p, "--budget", "labor=10", "--electorate", "all", "--key", north);
        refused("only a ballot over proposals can be adopted", "record", dir, "ballot", "--title", "T", "--method",
                "stv", "--candidates", "x,y", "--adopt", "--electorate", "all", "--key", north);
        refused("\"seats\" must be a whole number from 1 to the number of options (2)", "record", dir, "ballot",
                "--title", "T", "--method", "approval", "--candidates", "x,y", "--seats", "3", "--electorate", "all",
                "--key", north);
        refused("electorate 'town'", "record", dir, "ballot", "--title", "T", "--method", "approval",
                "--candidates", "x,y", "--electorate", "town", "--key", north);
        refused("which may not record ballot.opened", "record", dir, "ballot", "--title", "T", "--method", "approval",
                "--candidates", "x,y", "--electorate", "all", "--key", ana);

        long approval = open("--method", "approval", "--proposals", p, "--electorate", "council:north");
        long stv = open("--method", "stv", "--candidates", "ana,ben,cleo", "--seats", "2", "--electorate", "all");
        String a = Long.toString(approval);
        refused("is not in ballot " + approval + "'s electorate", "vote", dir, a, "--approve", "" + bread,
                "--key", cleo);
        refused("'999' is not an option of ballot " + approval, "vote", dir, a, "--approve", "999", "--key", ana);
        refused("a vote names proposals by their log index", "vote", dir, a, "--approve", "bread", "--key", ana);
        refused("takes approvals (--approve), not a ranking", "vote", dir, a, "--rank", "" + bread, "--key", ana);
        refused("takes a ranking (--rank), not approvals", "vote", dir, "" + stv, "--approve", "ana", "--key", ana);
        refused("'dave' is not an option", "vote", dir, "" + stv, "--rank", "ana,{ben,dave}", "--key", ana);
        refused("names option 'ana' twice", "vote", dir, "" + stv, "--rank", "ana,{ben,ana}", "--key", ana);
        refused("a brace is not closed", "vote", dir, "" + stv, "--rank", "ana,{ben", "--key", ana);
        refused("there is no ballot opened at entry " + bread, "vote", dir, "" + bread, "--approve", "1",
                "--key", ana);
        ok(CliRun.of("vote", dir, a, "--approve", bread + "," + tractors, "--key", ana));
        refused("which may not record ballot.closed", "record", dir, "close", a, "--key", ben);
        refused("is still open; close it first", "record", dir, "tally", a, "--key", north);
        ok(CliRun.of("record", dir, "close", a, "--key", north));
        refused("was closed at entry", "vote", dir, a, "--approve", "" + bread, "--key", ben);
        refused("was already closed", "record", dir, "close", a, "--key", north);
        CliRun j = CliRun.of("vote", dir, a, "--approve", "" + bread, "--key", ben, "--json");
        assertEquals(2, j.exit());
        assertTrue(JsonOutputTest.oneDocument(j).get("errors").get(0).get("message").asText().contains("closed"));
    }

    @Test
    void aLaterVoteReplacesTheEarlierOneAndTheTallyCountsTheLastOfEachKey() throws IOException {
        long b = open("--method", "stv", "--candidates", "ana,ben,cleo", "--electorate", "all");
        String s = Long.toString(b);
        ok(CliRun.of("vote", dir, s, "--rank", "cleo,ben", "--key", ana));
        ok(CliRun.of("vote", dir, s, "--rank", "ana,ben", "--key", ben));
        ok(CliRun.of("vote", dir, s, "--rank", "ben,ana", "--key", cleo));
        ok(CliRun.of("vote", dir, s, "--rank", "ana", "--key", ana)); // replaces cleo,ben
        JsonNode t = tally(b);
        assertEquals(3, t.get("voters").asInt());
        assertEquals(List.of("ana"), List.of(t.get("winners").get(0).asText()));
        assertEquals(2, t.get("counts").get("ana").asInt(), t.toString());
        assertEquals(0, t.get("counts").get("cleo").asInt(), t.toString());
        List<String> fields = new java.util.ArrayList<>();
        t.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("ballot", "method", "voters", "winners", "ranking", "counts", "rounds", "ties"), fields);
    }

    @Test
    void aVoteSlippedInAfterTheCloseDoesNotCountAndVerifyNamesIt() throws IOException {
        long b = open("--method", "approval", "--proposals", bread + "," + tractors, "--electorate", "council:north");
        ok(CliRun.of("vote", dir, "" + b, "--approve", "" + tractors, "--key", ana));
        ok(CliRun.of("record", dir, "close", "" + b, "--key", north));
        // ben's vote for bread, signed properly, appended behind the record's back after the close
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.object().put("ballot", b);
        body.putArray("approve").add(bread);
        org.gosplan.record.Event late = org.gosplan.record.Event.sign("vote.cast", body, Keys.read(Path.of(ben)),
                java.time.Instant.now());
        try (Log log = Log.open(Path.of(dir))) {
            log.append(late.entryBytes());
        }
        JsonNode t = tally(b);
        assertEquals(1, t.get("voters").asInt(), t.toString());
        assertEquals(tractors, t.get("winners").get(0).asLong());
        CliRun v = CliRun.of("verify", dir);
        assertEquals(1, v.exit(), v.out());
        assertTrue(v.out().contains("was closed at entry"), v.out());
    }

    @Test
    void aFalseTallySignedByARegisteredCouncilIsCaughtByVerify() throws IOException {
        long b = open("--method", "approval", "--proposals", bread + "," + tractors, "--electorate", "council:north");
        ok(CliRun.of("vote", dir, "" + b, "--approve", "" + tractors, "--key", ana));
        ok(CliRun.of("vote", dir, "" + b, "--approve", bread + "," + tractors, "--key", ben));
        ok(CliRun.of("record", dir, "close", "" + b, "--key", north));
        ok(CliRun.of("record", dir, "tally", "" + b, "--key", north));
        CliRun good = CliRun.of("verify", dir, "--json");
        assertEquals(0, good.exit(), good.out());
        assertEquals(1, JsonOutputTest.oneDocument(good).get("talliesRecounted").asInt());
        // the council "collects the votes" its own way: bread wins, with the true tally's hash
        String trueResult = org.gosplan.record.Canonical.sha256(org.gosplan.record.Canonical.bytes(tally(b)));
        Path forged = file("forged.json", "{\"type\": \"ballot.tallied\", \"body\": {\"ballot\": " + b
                + ", \"winners\": [" + bread + "], \"result\": \"" + trueResult + "\"}}");
        ok(CliRun.of("record", dir, "event", forged.toString(), "--key", north));
        CliRun v = CliRun.of("verify", dir);
        assertEquals(1, v.exit(), v.out());
        assertTrue(v.out().contains("the tally of ballot " + b + " is false: it names winners [" + bread
                + "], the count gives [" + tractors + "]"), v.out());
    }

    @Test
    void anAdoptedBallotsTargetsAreTheNextPlansAndReplayPasses() throws IOException {
        long b = open("--method", "equal-shares", "--proposals", bread + "," + tractors, "--budget", "labour=20000",
                "--electorate", "council:north", "--adopt");
        ok(CliRun.of("vote", dir, "" + b, "--approve", bread + "," + tractors, "--key", ana));
        ok(CliRun.of("vote", dir, "" + b, "--approve", "" + bread, "--key", ben));
        ok(CliRun.of("vote", dir, "" + b, "--approve", "" + bread, "--key", north));
        ok(CliRun.of("record", dir, "close", "" + b, "--key", north));
        JsonNode t = tally(b);
        // each voter has ⌊20000 / 3⌋ = 6666 h; bread (4721 h) is shared three ways, tractors (4017 h) ana pays alone
        assertEquals(List.of(bread, tractors), List.of(t.get("winners").get(0).asLong(), t.get("winners").get(1).asLong()));
        long tallied = index(CliRun.of("record", dir, "tally", "" + b, "--key", north, "--json"));
        ok(CliRun.of("plan", "--record", dir));
        JsonNode plan = JsonOutputTest.oneDocument(CliRun.of("show", dir, Long.toString(tallied + 1)));
        JsonNode tally = JsonOutputTest.oneDocument(CliRun.of("show", dir, Long.toString(tallied)));
        String adopted = tally.path("body").path("targets").asText();
        assertEquals(64, adopted.length(), tally.toString());
        assertEquals(adopted, plan.path("body").path("targets").asText(), plan.toString());
        CliRun content = CliRun.of("show", dir, Long.toString(tallied), "--content");
        assertEquals("product,quantity,weight\nbread,1000,1\ntractor,10,1", content.out().strip(), content.err());
        CliRun v = CliRun.of("verify", dir, "--replay");
        assertEquals(0, v.exit(), v.out() + v.err());
        assertTrue(v.out().contains("1 tally recounted"), v.out());
    }
}
