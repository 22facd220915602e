package org.gosplan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gosplan.council.ballot.Ballots;
import org.gosplan.council.proposal.Proposals;
import org.gosplan.economy.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/ballots/I} on the fixture's approval ballot, against a count worked by hand: the
 * citizen approves north then changes to south (each key's last vote counts), the council approves
 * east; two voters, south and east tie at one approval each, north has none.
 */
class BallotRoutesTest {
    @TempDir
    Path dir;

    @Test
    void anOpenBallotShowsItsOptionsAndVotesSoFarAndAClosedOneItsTally() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            for (var v : new org.gosplan.record.Event[] {f.vote(f.citizen, 0), f.vote(f.citizen, 1),
                    f.vote(f.council, 2)}) {
                assertEquals(201, f.post("/api/events", v.entryBytes())
                        .statusCode());
            }
            JsonNode open = Fixture.json(f.get("/api/ballots/" + f.ballot));
            assertEquals(f.ballot, open.get("index").asLong());
            assertEquals("Which bakery opens first?", open.get("title").asText());
            assertEquals("approval", open.get("method").asText());
            assertEquals(3, open.get("options").size());
            assertEquals("south", open.get("options").get(1).get("option").asText());
            assertTrue(open.get("options").get(1).get("cost").isNull(), "labels have no cost");
            assertEquals(2, open.get("votes").asInt(), "two voters so far");
            assertTrue(open.get("closed").isNull());
            assertTrue(open.get("tally").isNull(), "no tally while it is open");

            long closed = Ballots.close(f.record, f.ballot, f.council);
            JsonNode done = Fixture.json(f.get("/api/ballots/" + f.ballot));
            assertEquals(closed, done.get("closed").asLong());
            JsonNode t = done.get("tally");
            assertEquals(f.ballot, t.get("ballot").asLong());
            assertEquals(2, t.get("voters").asInt());
            assertEquals(0, t.get("counts").path("north").asInt());
            assertEquals(1, t.get("counts").get("south").asInt());
            assertEquals(1, t.get("counts").get("east").asInt());
            assertEquals(1, t.get("winners").size(), "one seat: " + t);
            assertEquals(1, t.get("ties").size(), "the tie between south and east is broken and said: " + t);
        }
    }

    /**
     * A ballot over a proposal shows the proposal's cost before anyone votes, worked by hand: with
     * no plan each product is made at its cheapest technique in labour, so 10 A by a-with-b take
     * 10 h and 5 B, and the 5 B take 5 h: 15 h of the 1,000 available, a share of 0.015.
     */
    @Test
    void aProposalsCostIsShownBeforeVoting() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            Path economy = Files.writeString(dir.resolve("two-ways.economy.json"), "{\"format\":"
                    + " \"gosplan/economy@1\", \"name\": \"two ways\","
                    + "\"products\": [{\"id\": \"A\", \"unit\": \"u\"}, {\"id\": \"B\", \"unit\": \"u\"}],"
                    + "\"resources\": [{\"id\": \"labour\", \"unit\": \"h\", \"available\": 1000}],"
                    + "\"techniques\": [{\"id\": \"a-by-hand\", \"outputs\": {\"A\": 1}, \"inputs\": {\"labour\": 2}},"
                    + "{\"id\": \"a-with-b\", \"outputs\": {\"A\": 1}, \"inputs\": {\"labour\": 1, \"B\": 0.5}},"
                    + "{\"id\": \"b\", \"outputs\": {\"B\": 1}, \"inputs\": {\"labour\": 1}}],"
                    + "\"targets\": [{\"product\": \"A\", \"quantity\": 10}]}");
            f.record.publishEconomy(economy, f.operator, Progress.NONE);
            Path targets = Files.writeString(dir.resolve("ten-a.csv"), "product,quantity,weight\nA,10,\n");
            long proposal = Proposals.make(f.record, targets, "Ten A", f.citizen).index();
            ObjectNode b = Served.object();
            b.put("title", "Ten A?");
            b.put("method", "approval");
            b.putArray("options").add(proposal);
            b.put("electorate", "all");
            b.put("seats", 1).putNull("budget").put("adopt", false);
            long ballot = f.record.append("ballot.opened", b, f.council);
            JsonNode option = Fixture.json(f.get("/api/ballots/" + ballot)).get("options").get(0);
            assertEquals(proposal, option.get("option").asLong());
            assertEquals("Ten A", option.get("title").asText());
            assertEquals(15.0, option.get("cost").get("resources").get("labour").asDouble(), 1e-9);
            assertEquals(0.015, option.get("cost").get("shares").get("labour").asDouble(), 1e-12);
            assertTrue(option.get("cost").get("valuation").isNull(), "no plan, no valuation");
        }
    }

    @Test
    void aNonBallotOrNonIndexIsRefusedWithWhatToFix() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            var notBallot = f.get("/api/ballots/0");
            assertEquals(404, notBallot.statusCode());
            assertTrue(Fixture.json(notBallot).get("error").asText().contains("opens no ballot"));
            assertEquals(400, f.get("/api/ballots/x1").statusCode());
            var page = f.get("/ballots/" + f.ballot);
            assertEquals(200, page.statusCode());
            assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("/assets/ballots/ballot.js"));
            assertEquals(200, f.get("/assets/ballots/ballot.js").statusCode());
            JsonNode list = Fixture.json(f.get("/api/ballots"));
            assertEquals(1, list.size());
            assertEquals(f.ballot, list.get(0).get("index").asLong());
            assertEquals("Which bakery opens first?", list.get(0).get("title").asText());
            assertTrue(list.get(0).get("closed").isNull());
        }
    }

    /**
     * A ballot opened by another writer on the same log (as {@code gosplan record DIR ballot} beside a
     * running server) is listed, shown and open for votes through the server at once, without the
     * server having appended anything since.
     */
    @Test
    void aBallotAnotherWriterOpensIsServedAtOnce() throws Exception {
        try (Fixture f = new Fixture(dir);
             org.gosplan.record.Record other = org.gosplan.record.Record.open(
                     org.gosplan.ledger.Log.open(dir.resolve("record")))) {
            ObjectNode b = Served.object();
            b.put("title", "Opened beside the server");
            b.put("method", "approval");
            b.putArray("options").add("yes").add("no");
            b.put("electorate", "all");
            b.put("seats", 1).putNull("budget").put("adopt", false);
            long ballot = other.append("ballot.opened", b, f.council);
            JsonNode list = Fixture.json(f.get("/api/ballots"));
            assertEquals(2, list.size(), list.toString());
            assertEquals(ballot, list.get(0).get("index").asLong());
            JsonNode shown = Fixture.json(f.get("/api/ballots/" + ballot));
            assertEquals("Opened beside the server", shown.get("title").asText());
            ObjectNode v = Served.object();
            v.put("ballot", ballot);
            v.putArray("approve").add("yes");
            var vote = org.gosplan.record.Event.sign("vote.cast", v, f.citizen, java.time.Instant.now());
            assertEquals(201, f.post("/api/events", vote.entryBytes()).statusCode());
            assertEquals(1, Fixture.json(f.get("/api/ballots/" + ballot)).get("votes").asInt());
        }
    }
}
