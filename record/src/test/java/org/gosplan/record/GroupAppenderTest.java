package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many voters at once through one group commit: each checked as alone, each refusal its own caller's. */
class GroupAppenderTest {
    @TempDir
    Path dir;

    private static NoteSigner voter(int v) {
        byte[] seed = new byte[32];
        seed[0] = (byte) v;
        seed[1] = 7;
        return NoteSigner.fromSeed("v" + v, seed);
    }

    @Test
    void concurrentVotesAreEachCheckedAndCommittedInGroupsAndARefusalReachesOnlyItsVoter() throws Exception {
        int voters = 16;
        int rounds = 20;
        try (Record r = Record.open(Log.init(dir, "example.org/group", NoteSigner.fromSeed("log", new byte[32])))) {
            NoteSigner op = r.log().signingKey();
            for (int v = 0; v < voters; v++) {
                r.registerMember(voter(v).verifier(), Role.CITIZEN, List.of(v == 0 ? "south" : "north"), Map.of(), op);
            }
            ObjectNode opened = Canonical.MAPPER.createObjectNode().put("title", "T").put("method", "approval")
                    .put("electorate", "council:north").put("seats", 1).put("adopt", false).putNull("budget");
            opened.putArray("options").add("x").add("y");
            long ballot = r.append(EventTypes.BALLOT_OPENED, opened, op);
            long before = r.log().size();
            Set<Long> indexes = ConcurrentHashMap.newKeySet();
            List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
            try (GroupAppender g = new GroupAppender(r)) {
                List<Thread> threads = new ArrayList<>();
                for (int v = 0; v < voters; v++) {
                    int me = v;
                    Thread t = new Thread(() -> {
                        for (int k = 0; k < rounds; k++) {
                            ObjectNode body = Canonical.MAPPER.createObjectNode().put("ballot", ballot);
                            body.putArray("approve").add(k % 2 == 0 ? "x" : "y");
                            try {
                                // a second apart: the same vote signed twice in one second is one event, refused as a replay
                                Instant at = Instant.parse("2027-01-01T00:00:00Z").plusSeconds(k);
                                indexes.add(g.append(Event.sign(EventTypes.VOTE_CAST, body, voter(me), at)));
                            } catch (RecordException e) {
                                refusals.add(me + ": " + e.getMessage());
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    });
                    t.start();
                    threads.add(t);
                }
                for (Thread t : threads) {
                    t.join();
                }
            }
            // v0 is of the south council: each of its votes refused, to it alone; the others all recorded
            assertEquals(rounds, refusals.size(), refusals.toString());
            assertTrue(refusals.stream().allMatch(s -> s.startsWith("0: ") && s.contains("electorate")), refusals.toString());
            assertEquals((voters - 1) * rounds, indexes.size());
            assertEquals(before + (voters - 1) * rounds, r.log().size());
            Set<Long> expected = new HashSet<>();
            for (long i = before; i < r.log().size(); i++) {
                expected.add(i);
            }
            assertEquals(expected, indexes);
            assertTrue(r.verify(null).ok(), r.verify(null).problems().toString());
        }
    }
}
