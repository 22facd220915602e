package org.gosplan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gosplan.council.ballot.Ballots;
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
}
