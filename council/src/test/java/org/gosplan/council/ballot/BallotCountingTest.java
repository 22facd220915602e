package org.gosplan.council.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Canonical;
import org.gosplan.record.Record;
import org.gosplan.record.Role;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Counting from the log: what the votes' order on the log and replaced votes do (nothing) to a tally. */
class BallotCountingTest {
    private static final List<String> CANDIDATES = List.of("ana", "ben", "cleo", "dan", "eve");

    private static NoteSigner key(String name, int seed) {
        byte[] s = new byte[32];
        s[0] = (byte) seed;
        s[1] = (byte) (seed >> 8);
        return NoteSigner.fromSeed(name, s);
    }

    /** A vote as the command line writes it: a random ranking with an occasional tie group, or approvals. */
    private static String vote(Random r, boolean ranked) {
        List<String> order = new ArrayList<>(CANDIDATES);
        Collections.shuffle(order, r);
        List<String> parts = new ArrayList<>();
        int length = 1 + r.nextInt(order.size());
        for (int k = 0; k < length; k++) {
            if (ranked && k + 1 < length && r.nextInt(6) == 0) {
                parts.add("{" + order.get(k) + "," + order.get(++k) + "}");
            } else {
                parts.add(order.get(k));
            }
        }
        return String.join(",", parts);
    }

    /**
     * The canonical tally JSON of a ballot in which voter {@code casts[i][0]} casts {@code casts[i][1]},
     * in that order, on a fresh log.
     */
    private static String tally(Path dir, String method, int seats, List<String[]> casts, int voters)
            throws IOException {
        try (Record r = Record.open(Log.init(dir, "example.org/order", key("example.org/order", 0)))) {
            NoteSigner logKey = r.log().signingKey();
            for (int v = 0; v < voters; v++) {
                r.registerMember(key("v" + v, v + 1).verifier(), Role.CITIZEN, List.of("north"), Map.of(), logKey);
            }
            long ballot = Ballots.open(r, new Opening("T", method, List.of(), CANDIDATES, seats, null, 0,
                    "council:north", false), logKey);
            boolean ranked = method.equals("stv") || method.equals("schulze");
            for (String[] c : casts) {
                int v = Integer.parseInt(c[0]);
                try {
                    Ballots.vote(r, ballot, ranked ? null : c[1], ranked ? c[1] : null, key("v" + v, v + 1));
                } catch (org.gosplan.record.RecordException e) {
                    // the same vote signed again within its second is the same event, refused as a replay:
                    // the voter's vote on the log is already the one it meant to cast
                    if (!e.getMessage().contains("on the log already")) {
                        throw e;
                    }
                }
            }
            Ballots.close(r, ballot, logKey);
            Counting.Counted counted = Counting.count(r, r.snapshot(), ballot);
            return Canonical.sha256(Canonical.bytes(TallyJson.of(counted.tally(), ballot, false)));
        }
    }

    @Property(tries = 12)
    void aTallyDoesNotDependOnTheOrderOfTheVotesOnTheLogNorOnVotesLaterReplaced(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 2) int which, @ForAll @IntRange(min = 1, max = 9) int voters)
            throws IOException {
        String method = List.of("approval", "schulze", "stv").get(which);
        Random r = new Random(seed);
        boolean ranked = which > 0;
        List<String[]> last = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            last.add(new String[] {Integer.toString(v), vote(r, ranked)});
        }
        int seats = 1 + r.nextInt(2);
        Path tmp = Files.createTempDirectory("gosplan-order-");
        try {
            String inOrder = tally(tmp.resolve("a"), method, seats, last, voters);
            // the same final votes, shuffled, each voter having first cast another vote that the last replaces
            List<String[]> shuffled = new ArrayList<>();
            for (int v = 0; v < voters; v++) {
                shuffled.add(new String[] {Integer.toString(v), vote(r, ranked)});
            }
            List<String[]> finals = new ArrayList<>(last);
            Collections.shuffle(finals, r);
            shuffled.addAll(finals);
            assertEquals(inOrder, tally(tmp.resolve("b"), method, seats, shuffled, voters), method);
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void tieGroupsAndBracesAreReadAsTheCommandLineWritesThem() {
        assertEquals(List.of(List.of("1"), List.of("2", "3"), List.of("4")), VoteText.parse("--rank", "1,{2,3},4"));
        assertEquals(List.of(List.of("a"), List.of("b")), VoteText.parse("--rank", " a , b "));
        assertEquals(List.of(), VoteText.parse("--approve", ""));
        for (String bad : new String[] {"1,,2", "{1,2", "1}", "{}", "{1}{2}", "1,{2,{3}}", ",1", "1,"}) {
            org.junit.jupiter.api.Assertions.assertThrows(org.gosplan.record.RecordException.class,
                    () -> VoteText.parse("--rank", bad), bad);
        }
    }
}
