package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.gosplan.ledger.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ballots on a log kept in PostgreSQL ({@code --db}), through the command line as on a data
 * directory (BallotCommandsTest): open, vote, a later vote replacing an earlier one, a refused
 * vote, close, tally, record the tally (adopted), plan on the adopted targets, verify with
 * replay. Each test in a fresh schema of GOSPLAN_TEST_PG_URL, as RecordReplayPostgresTest.
 *
 * <pre>scripts/with-postgres.sh mvn -B -o verify -pl app -am -Dtest='BallotPostgres*' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class BallotPostgresTest {
    @TempDir
    Path tmp;

    private String url;
    private String ana;
    private String ben;
    private String cleo;
    private String north;
    private long bread;
    private long tractors;

    @BeforeAll
    static void needsADatabase() {
        RecordReplayPostgresTest.baseUrl();
    }

    @AfterEach
    void dropSchema() {
        if (url == null) {
            return;
        }
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(RecordReplayPostgresTest.baseUrl());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            // left for the throwaway cluster to take away
        }
    }

    private static CliRun ok(CliRun r) {
        assertEquals(0, r.exit(), () -> "exit " + r.exit() + "\nout: " + r.out() + "\nerr: " + r.err());
        return r;
    }

    private static long index(CliRun r) throws IOException {
        ok(r);
        return JsonOutputTest.oneDocument(r).get("index").asLong();
    }

    private CliRun record(String... rest) {
        return CliRun.of(RecordReplayScenarios.cat(new String[] {"record", "--db", url}, rest));
    }

    private CliRun vote(long ballot, String... rest) {
        return CliRun.of(RecordReplayScenarios.cat(new String[] {"vote", "--db", url, Long.toString(ballot)}, rest));
    }

    private JsonNode tally(long ballot) throws IOException {
        return JsonOutputTest.oneDocument(ok(CliRun.of("tally", "--db", url, Long.toString(ballot), "--json")));
    }

    private long size() throws IOException {
        try (Log log = Log.openDb(url)) {
            return log.size();
        }
    }

    private Path file(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private long proposal(String title, String line, String by) throws IOException {
        Path f = file(title.replace(' ', '-') + ".csv", "product,quantity,weight\n" + line + "\n");
        return index(record("proposal", f.toString(), "--title", title, "--key", by, "--json"));
    }

    @BeforeEach
    void aLogWithCitizensAnEconomyAPlanAndTwoProposals() throws IOException {
        url = RecordReplayPostgresTest.freshSchema();
        ok(CliRun.of("log", "init", "--db", url, "--origin", "example.org/ballots-pg"));
        ana = CliRun.newKey(tmp, "ana");
        ben = CliRun.newKey(tmp, "ben");
        cleo = CliRun.newKey(tmp, "cleo");
        north = CliRun.newKey(tmp, "north");
        ok(record("member", CliRun.vkey(ana), "--role", "citizen", "--council", "north"));
        ok(record("member", CliRun.vkey(ben), "--role", "citizen", "--council", "north"));
        ok(record("member", CliRun.vkey(cleo), "--role", "citizen"));
        ok(record("member", CliRun.vkey(north), "--role", "council", "--council", "north"));
        ok(record("economy", CliRun.examples().resolve("village.economy.json").toString()));
        ok(record("targets", file("t.csv", "product,quantity,weight\nbread,80000,\ntractor,50,\n").toString(),
                "--key", north));
        ok(CliRun.of("plan", "--db", url));
        bread = proposal("More bread", "bread,1000,", north);
        tractors = proposal("Tractors", "tractor,10,", ana);
    }

    @Test
    void voteReplaceRefuseCloseTallyAdoptPlanAndVerify() throws IOException {
        long b = index(record("ballot", "--title", "Next year", "--method", "equal-shares", "--proposals",
                bread + "," + tractors, "--budget", "labour=20000", "--electorate", "council:north", "--adopt",
                "--key", north, "--json"));
        ok(vote(b, "--approve", "" + tractors, "--key", ana));
        ok(vote(b, "--approve", bread + "," + tractors, "--key", ana)); // replaces the vote before
        ok(vote(b, "--approve", "" + bread, "--key", ben));
        ok(vote(b, "--approve", "" + bread, "--key", north));
        long before = size();
        CliRun outside = vote(b, "--approve", "" + bread, "--key", cleo);
        assertEquals(2, outside.exit(), outside.out() + outside.err());
        assertTrue(outside.err().contains("is not in ballot " + b + "'s electorate"), outside.err());
        assertEquals(before, size(), "nothing recorded");

        JsonNode open = tally(b);
        assertEquals(3, open.get("voters").asInt(), open.toString());
        ok(record("close", "" + b, "--key", north));
        CliRun late = vote(b, "--approve", "" + tractors, "--key", ben);
        assertEquals(2, late.exit(), late.out() + late.err());
        assertTrue(late.err().contains("was closed at entry"), late.err());

        JsonNode t = tally(b);
        // as on a data directory: ⌊20000 / 3⌋ = 6666 h each; bread (4721 h) shared three ways, tractors (4017 h) ana's
        assertEquals(List.of(bread, tractors), List.of(t.get("winners").get(0).asLong(),
                t.get("winners").get(1).asLong()), t.toString());
        assertEquals(3, t.get("voters").asInt());
        assertEquals(3, t.get("counts").get("" + bread).asInt(), t.toString());
        assertEquals(1, t.get("counts").get("" + tractors).asInt(), t.toString());

        long tallied = index(record("tally", "" + b, "--key", north, "--json"));
        ok(CliRun.of("plan", "--db", url));
        JsonNode plan = JsonOutputTest.oneDocument(ok(CliRun.of("show", "--db", url, Long.toString(tallied + 1))));
        JsonNode tally = JsonOutputTest.oneDocument(ok(CliRun.of("show", "--db", url, Long.toString(tallied))));
        String adopted = tally.path("body").path("targets").asText();
        assertEquals(64, adopted.length(), tally.toString());
        assertEquals(adopted, plan.path("body").path("targets").asText(), plan.toString());

        CliRun v = ok(CliRun.of("verify", "--db", url, "--replay"));
        assertTrue(v.out().contains("1 tally recounted"), v.out());
    }

    @Test
    void aRankedBallotOnPostgresCountsEachKeysLastVoteAndAFalseTallyFailsVerify() throws IOException {
        long b = index(record("ballot", "--title", "Delegates", "--method", "stv", "--candidates", "ana,ben,cleo",
                "--seats", "1", "--electorate", "all", "--key", north, "--json"));
        ok(vote(b, "--rank", "cleo,ben", "--key", ana));
        ok(vote(b, "--rank", "ana,ben", "--key", ben));
        ok(vote(b, "--rank", "ben,ana", "--key", cleo));
        ok(vote(b, "--rank", "ana", "--key", ana)); // replaces cleo,ben
        ok(record("close", "" + b, "--key", north));
        JsonNode t = tally(b);
        assertEquals(3, t.get("voters").asInt());
        assertEquals("ana", t.get("winners").get(0).asText(), t.toString());
        ok(record("tally", "" + b, "--key", north));
        assertEquals(0, ok(CliRun.of("verify", "--db", url)).exit());
        // the council records another winner under the true result's hash
        String trueResult = org.gosplan.record.Canonical.sha256(org.gosplan.record.Canonical.bytes(t));
        Path forged = file("forged.json", "{\"type\": \"ballot.tallied\", \"body\": {\"ballot\": " + b
                + ", \"winners\": [\"ben\"], \"result\": \"" + trueResult + "\"}}");
        ok(record("event", forged.toString(), "--key", north));
        CliRun v = CliRun.of("verify", "--db", url);
        assertEquals(1, v.exit(), v.out());
        assertTrue(v.out().contains("the tally of ballot " + b + " is false"), v.out());
    }
}
