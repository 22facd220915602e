package org.gosplan.council.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gosplan.council.count.ApprovalBallot;
import org.gosplan.council.count.EqualShares;
import org.gosplan.council.count.Options;
import org.gosplan.council.count.Tally;
import org.gosplan.council.proposal.Costs;
import org.gosplan.council.proposal.Proposals;
import org.gosplan.economy.Progress;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.record.Canonical;
import org.gosplan.record.Record;
import org.gosplan.record.Role;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * An equal-shares ballot counted from the log (the votes read into the count's arrays with no
 * object per vote, the proposals costed together) against the same ballots given to the count
 * directly, each proposal costed alone as {@code gosplan cost} does.
 */
class EqualSharesFromLogTest {
    private static NoteSigner key(String name, int seed) {
        byte[] s = new byte[32];
        s[0] = (byte) seed;
        s[1] = (byte) (seed >> 8);
        s[2] = 77;
        return NoteSigner.fromSeed(name, s);
    }

    /** Three products, one made two ways: proposals' labour costs come from a Leontief solve and a technique choice. */
    private static Path economy(Path dir) throws IOException {
        Path f = dir.resolve("economy.json");
        Files.writeString(f, "{\"format\": \"gosplan/economy@1\", \"name\": \"Three\","
                + "\"products\": [{\"id\": \"A\", \"unit\": \"t\"}, {\"id\": \"B\", \"unit\": \"t\"},"
                + " {\"id\": \"C\", \"unit\": \"t\"}],"
                + "\"resources\": [{\"id\": \"labour\", \"unit\": \"h\", \"available\": 1e9}],"
                + "\"techniques\": ["
                + "{\"id\": \"a\", \"outputs\": {\"A\": 1}, \"inputs\": {\"labour\": 3, \"B\": 0.25}},"
                + "{\"id\": \"b-by-hand\", \"outputs\": {\"B\": 1}, \"inputs\": {\"labour\": 7}},"
                + "{\"id\": \"b-with-c\", \"outputs\": {\"B\": 2}, \"inputs\": {\"labour\": 5, \"C\": 0.5}},"
                + "{\"id\": \"c\", \"outputs\": {\"C\": 1}, \"inputs\": {\"labour\": 1.5, \"A\": 0.1}}],"
                + "\"targets\": [{\"product\": \"A\", \"quantity\": 10}]}");
        return f;
    }

    /** A ballot built and counted both ways; {@code fromLog} and {@code direct} are the canonical tally JSON. */
    record Both(String fromLog, String direct, long voters, int winners) {}

    /**
     * A log with {@code m} proposals and an equal-shares ballot over them with a budget of a third
     * of their cost; {@code voters} voters approve 0 to m of them (popular ones more often), a
     * third first casting a vote their last replaces, in shuffled order; counted from the log and
     * directly.
     */
    static Both build(Path dir, long seed, int voters, int m) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(dir);
        try (Record r = Record.open(Log.init(dir.resolve("log"), "example.org/shares", key("example.org/shares", 0)))) {
            NoteSigner op = r.log().signingKey();
            NoteSigner citizen = key("proposer", 9999);
            r.registerMember(citizen.verifier(), Role.CITIZEN, List.of("north"), Map.of(), op);
            r.publishEconomy(economy(dir), op, Progress.NONE);
            List<Long> proposals = new ArrayList<>();
            double total = 0;
            for (int i = 0; i < m; i++) {
                Path t = dir.resolve("targets-" + i + ".csv");
                StringBuilder lines = new StringBuilder("product,quantity,weight\n");
                for (String p : new String[] {"A", "B", "C"}) {
                    if (random.nextInt(3) > 0 || p.equals("C") && lines.length() < 30) {
                        lines.append(p).append(',').append(1 + random.nextInt(60) / 4.0).append(",\n");
                    }
                }
                long index = Proposals.make(r, Files.writeString(t, lines), "proposal " + i, citizen).index();
                proposals.add(index);
                total += Costs.of(r, index, LeontiefOptions.DEFAULT).resources()[0];
            }
            for (int v = 0; v < voters; v++) {
                r.registerMember(key("v" + v, v + 1).verifier(), Role.CITIZEN, List.of("north"), Map.of(), op);
            }
            double budget = Math.floor(total / 3);
            long ballot = Ballots.open(r, new Opening("Shares", "equal-shares", proposals, List.of(), null, "labour",
                    budget, "council:north", false), op);
            List<int[]> last = new ArrayList<>();
            List<String[]> casts = new ArrayList<>();
            for (int v = 0; v < voters; v++) {
                int[] approve = approvals(random, m);
                last.add(approve);
                if (random.nextInt(3) == 0) {
                    casts.add(new String[] {Integer.toString(v), text(approvals(random, m), proposals)});
                }
            }
            List<String[]> finals = new ArrayList<>();
            for (int v = 0; v < voters; v++) {
                finals.add(new String[] {Integer.toString(v), text(last.get(v), proposals)});
            }
            Collections.shuffle(finals, random);
            casts.addAll(finals);
            for (String[] c : casts) {
                int v = Integer.parseInt(c[0]);
                try {
                    Ballots.vote(r, ballot, c[1], null, key("v" + v, v + 1));
                } catch (org.gosplan.record.RecordException e) {
                    // the same vote signed again within its second is the same event, refused as a replay
                    if (!e.getMessage().contains("on the log already")) {
                        throw e;
                    }
                }
            }
            Ballots.close(r, ballot, op);
            Counting.Counted counted = Counting.count(r, r.snapshot(), ballot);
            String fromLog = Canonical.sha256(Canonical.bytes(TallyJson.of(counted.tally(), ballot, true)));
            // directly: the options in log order, each proposal costed alone, one ballot object per voter
            List<String> names = new ArrayList<>();
            double[] costs = new double[m];
            for (int i = 0; i < m; i++) {
                names.add(Long.toString(proposals.get(i)));
                costs[i] = Costs.of(r, proposals.get(i), LeontiefOptions.DEFAULT).resources()[0];
            }
            List<ApprovalBallot> ballots = new ArrayList<>();
            for (int[] a : last) {
                ballots.add(new ApprovalBallot(a, 1));
            }
            Tally t = EqualShares.count(new Options(names), ballots, costs, budget);
            String direct = Canonical.sha256(Canonical.bytes(TallyJson.of(t, ballot, true)));
            return new Both(fromLog, direct, counted.tally().voters(), counted.tally().winners().size());
        }
    }

    /** Proposals approved, as positions: each with a chance falling with its position, at least none. */
    private static int[] approvals(Random random, int m) {
        Map<Integer, Boolean> chosen = new LinkedHashMap<>();
        for (int c = 0; c < m; c++) {
            if (random.nextDouble() < 2.0 / (c + 3)) {
                chosen.put(c, true);
            }
        }
        List<Integer> order = new ArrayList<>(chosen.keySet());
        Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String text(int[] approve, List<Long> proposals) {
        StringBuilder b = new StringBuilder();
        for (int c : approve) {
            b.append(b.length() == 0 ? "" : ",").append(proposals.get(c));
        }
        return b.toString();
    }

    @Property(tries = 8)
    void theCountFromTheLogIsTheCountOfTheSameBallotsGivenDirectly(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int voters, @ForAll @IntRange(min = 1, max = 9) int m)
            throws IOException {
        Path tmp = Files.createTempDirectory("gosplan-shares-");
        try {
            Both both = build(tmp, seed, voters, m);
            assertEquals(both.direct(), both.fromLog());
            assertEquals(voters, both.voters());
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * One ballot of 120 voters over 14 proposals: its tally's hash as the count before the votes
     * were read into arrays and the proposals costed together gave it (commit d3e6bdb's classes, run
     * on this very log: 5 proposals bought).
     */
    @Test
    void aPinnedBallotCountsAsBefore() throws IOException {
        Path tmp = Files.createTempDirectory("gosplan-shares-");
        try {
            Both both = build(tmp, 20261207L, 120, 14);
            assertEquals(5, both.winners());
            assertEquals(both.direct(), both.fromLog());
            assertEquals("7233a50c7353ba1acc9bb8764499052a1ee9bec68e02e84470fe0915555b0420", both.fromLog());
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
