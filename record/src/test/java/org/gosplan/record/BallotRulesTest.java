package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gosplan.ledger.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record's rules for ballots, votes and tallies (councils.md), whoever writes the events. */
class BallotRulesTest {
    @TempDir
    Path dir;

    private final NoteSigner operator = NoteSigner.fromSeed("log", new byte[32]);
    private final NoteSigner ana = NoteSigner.fromSeed("ana", SnapshotTestSeeds.seed(1));

    private static ObjectNode opened(String method, Consumer<ObjectNode> change) {
        ObjectNode b = Canonical.MAPPER.createObjectNode().put("title", "T").put("method", method)
                .put("electorate", "all").put("seats", 1).put("adopt", false).putNull("budget");
        b.putArray("options").add("x").add("y");
        change.accept(b);
        return b;
    }

    private static ObjectNode vote(long ballot, String kind, Object... options) {
        ObjectNode b = Canonical.MAPPER.createObjectNode().put("ballot", ballot);
        var list = b.putArray(kind);
        for (Object o : options) {
            var into = kind.equals("rank") ? list.addArray() : list;
            if (o instanceof String) {
                into.add((String) o);
            } else {
                into.add(((Number) o).longValue());
            }
        }
        return b;
    }

    private static void refused(Record r, String type, ObjectNode body, NoteSigner by, String what) {
        String m = assertThrows(RecordException.class, () -> r.append(type, body, by)).getMessage();
        assertTrue(m.contains(what), m);
    }

    @Test
    void ballotsVotesAndTalliesAreCheckedInTheRecord() throws IOException {
        try (Record r = Record.open(new MemoryLog(operator), dir)) {
            r.registerMember(ana.verifier(), Role.CITIZEN, List.of(), Map.of(), operator);
            String b = EventTypes.BALLOT_OPENED;
            refused(r, b, opened("borda", x -> { }), operator, "unknown method 'borda'");
            refused(r, b, opened("approval", x -> x.withArray("options").add(3)), operator, "all proposals");
            refused(r, b, opened("approval", x -> x.withArray("options").add("x")), operator, "named twice");
            refused(r, b, opened("approval", x -> x.put("seats", 3)), operator, "\"seats\" must be");
            refused(r, b, opened("stv", x -> x.put("adopt", true)), operator, "only a ballot over proposals");
            refused(r, b, opened("equal-shares", x -> { }), operator, "no seats");
            refused(r, b, opened("approval", x -> x.putObject("budget").put("resource", "labour").put("amount", 5)),
                    operator, "only an equal-shares ballot has a budget");
            refused(r, b, opened("approval", x -> x.putArray("options").add(0)), operator, "is not a proposal");
            refused(r, b, opened("approval", x -> { }), ana, "may not record ballot.opened");
            long approval = r.append(b, opened("approval", x -> { }), operator);
            long stv = r.append(b, opened("stv", x -> { }), operator);

            String v = EventTypes.VOTE_CAST;
            refused(r, v, vote(approval, "rank", "x"), ana, "takes approvals (--approve), not a ranking");
            refused(r, v, vote(stv, "approve", "x"), ana, "takes a ranking (--rank), not approvals");
            refused(r, v, vote(approval, "approve", "z"), ana, "'z' is not an option");
            refused(r, v, vote(approval, "approve", 1), ana, "a vote names candidates by label");
            refused(r, v, vote(approval, "approve", "x", "x"), ana, "names option 'x' twice");
            refused(r, v, vote(approval, "approve", "x").put("extra", 1), ana, "not \"extra\"");
            refused(r, v, vote(approval, "approve", "x"), operator, "not in ballot");
            long cast = r.append(v, vote(approval, "approve", "x"), ana);
            assertNull(r.snapshot().voteRefusal(r.event(cast), cast));

            String t = EventTypes.BALLOT_TALLIED;
            ObjectNode tally = Canonical.MAPPER.createObjectNode().put("ballot", approval)
                    .put("result", "0".repeat(64));
            tally.putArray("winners").add("x");
            refused(r, t, tally, operator, "is still open");
            r.append(EventTypes.BALLOT_CLOSED, Canonical.MAPPER.createObjectNode().put("ballot", approval), operator);
            assertTrue(r.snapshot().voteRefusal(r.event(cast), r.log().size()).contains("was closed"),
                    "the same vote after the close");
            refused(r, t, tally.deepCopy().put("targets", "1".repeat(64)), operator, "not opened with --adopt");
            long before = r.log().size();
            r.append(t, tally, operator);
            assertEquals(before + 1, r.log().size());
        }
    }
}
