package org.gosplan.council.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Equal shares and greedy on hand-counted budgets, and their guarantees on random ones. */
class EqualSharesTest {
    static final Options XYZ = new Options(List.of("X", "Y", "Z"));

    /**
     * Three voters, budget 300. X (200) by voters 1 and 2, Y (150) by voter 3, Z (100) by all.
     * By hand: Z always goes first (3 equal shares of 33⅓); X then needs 2·(e − 33⅓) ≥ 200, so
     * e ≥ 134; Y needs e − 33⅓ ≥ 150, so e ≥ 184, where Z, X, Y cost 450 > 300. The count keeps
     * e = 183: Z (ρ 33⅓, 549 − 100 = 449 left), X (ρ 100, 249 left).
     */
    @Test
    void add1RaisesTheEndowmentUntilTheNextStepWouldOverspend() {
        List<ApprovalBallot> ballots = List.of(ApprovalBallot.of(0, 2), ApprovalBallot.of(0, 2), ApprovalBallot.of(1, 2));
        Tally t = EqualShares.count(XYZ, ballots, new double[] {200, 150, 100}, 300);
        assertEquals(List.of("Z", "X"), t.winners());
        assertEquals(3, t.voters());
        assertEquals(Map.of("X", 2L, "Y", 1L, "Z", 3L), t.counts());
        assertEquals(2, t.rounds().size());
        Map<String, Object> z = t.rounds().get(0);
        assertEquals("Z", z.get("proposal"));
        assertEquals(100.0, (double) z.get("cost"));
        assertEquals(100.0 / 3, (double) z.get("rho"), 1e-9);
        assertEquals(449.0, (double) z.get("remaining"), 1e-9);
        Map<String, Object> x = t.rounds().get(1);
        assertEquals(100.0, (double) x.get("rho"), 1e-9);
        assertEquals(249.0, (double) x.get("remaining"), 1e-9);
        assertEquals(List.of(), t.ties());
    }

    @Test
    void withoutCompletionAVoterOnlyPaysTheirShare() {
        // budget 299: ⌊299/3⌋ = 99 each at the start; the outcome never spends more than 299
        List<ApprovalBallot> ballots = List.of(ApprovalBallot.of(0, 2), ApprovalBallot.of(0, 2), ApprovalBallot.of(1, 2));
        Tally t = EqualShares.count(XYZ, ballots, new double[] {200, 150, 100}, 299);
        assertEquals(List.of("Z"), t.winners(), "Z and X together cost 300");
    }

    @Test
    void equalEffectiveVotesGoToTheLowerCostThenMoreApprovalsThenTheLowerIndex() {
        Options abc = new Options(List.of("A", "B", "C"));
        // A and B: 2 approvers each, all rich: effective votes 2 each; B costs less
        List<ApprovalBallot> ballots = List.of(ApprovalBallot.of(0, 1), ApprovalBallot.of(0, 1));
        Tally t = EqualShares.count(abc, ballots, new double[] {60, 40, 10}, 100);
        assertEquals(List.of("B", "A"), t.winners());
        assertTrue(t.ties().get(0).contains("lower cost"), t.ties().toString());
        // same cost, same approvals: the lower index, reported
        Tally same = EqualShares.count(abc, ballots, new double[] {50, 50, 10}, 100);
        assertEquals(List.of("A", "B"), same.winners());
        assertTrue(same.ties().get(0).contains("lower index"), same.ties().toString());
    }

    @Test
    void greedyTakesTheMostApprovedThatStillFit() {
        Options abcd = new Options(List.of("A", "B", "C", "D"));
        List<ApprovalBallot> ballots = List.of(new ApprovalBallot(new int[] {0, 1}, 5), new ApprovalBallot(new int[] {2}, 4),
                new ApprovalBallot(new int[] {3, 1}, 2));
        // approvals: B 7, A 5, C 4, D 2; costs 50, 60, 30, 10, budget 100: B (60), A no (110), C (90), D (100)
        Tally t = Greedy.count(abcd, ballots, new double[] {50, 60, 30, 10}, 100);
        assertEquals(List.of("B", "C", "D"), t.winners());
        assertEquals(0.0, (double) t.rounds().get(2).get("remaining"));
    }

    @Test
    void refusesCostsThatDoNotMatchTheProposals() {
        assertThrows(CountException.class, () -> EqualShares.count(XYZ, List.of(), new double[] {1, 2}, 10));
        assertThrows(CountException.class, () -> EqualShares.count(XYZ, List.of(), new double[] {1, -2, 3}, 10));
        assertThrows(CountException.class, () -> EqualShares.count(XYZ, List.of(), new double[] {1, 2, 3}, Double.NaN));
        assertEquals(List.of(), EqualShares.count(XYZ, List.of(), new double[] {1, 2, 3}, 10).winners());
    }

    record Instance(List<ApprovalBallot> ballots, double[] costs, double budget) {
    }

    static Instance random(long seed, int m, int n) {
        Random r = new Random(seed);
        double[] costs = new double[m];
        for (int c = 0; c < m; c++) {
            costs[c] = r.nextInt(4) == 0 ? 1 + r.nextInt(100) : 10 + r.nextDouble() * 990;
        }
        List<ApprovalBallot> ballots = ApprovalTest.random(seed, m, n);
        return new Instance(ballots, costs, r.nextInt(3000));
    }

    static double spent(Tally t, Options options, double[] costs) {
        double s = 0;
        for (String w : t.winners()) {
            s += costs[options.names().indexOf(w)];
        }
        return s;
    }

    @Property(tries = 300)
    void neverSpendsMoreThanTheBudget(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int m,
            @ForAll @IntRange(min = 0, max = 30) int n) {
        Instance in = random(seed, m, n);
        Options o = ApprovalTest.options(m);
        assertTrue(spent(EqualShares.count(o, in.ballots(), in.costs(), in.budget()), o, in.costs()) <= in.budget());
        assertTrue(spent(Greedy.count(o, in.ballots(), in.costs(), in.budget()), o, in.costs()) <= in.budget());
    }

    @Property(tries = 200)
    void theCountDoesNotDependOnBallotOrderNorOnHowIdenticalBallotsAreGrouped(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 8) int m, @ForAll @IntRange(min = 0, max = 30) int n) {
        Instance in = random(seed, m, n);
        Options o = ApprovalTest.options(m);
        List<ApprovalBallot> spread = spread(in, seed);
        Tally grouped = EqualShares.count(o, in.ballots(), in.costs(), in.budget());
        Tally shuffled = EqualShares.count(o, spread, in.costs(), in.budget());
        assertEquals(grouped.winners(), shuffled.winners());
        assertEquals(grouped.ties(), shuffled.ties());
        assertEquals(Greedy.count(o, in.ballots(), in.costs(), in.budget()), Greedy.count(o, spread, in.costs(), in.budget()));
    }

    /** The instance's ballots one voter each (a ballot counted k times becomes k ballots), shuffled. */
    private static List<ApprovalBallot> spread(Instance in, long seed) {
        List<ApprovalBallot> spread = new ArrayList<>();
        for (ApprovalBallot b : in.ballots()) {
            for (long k = 0; k < b.count(); k++) {
                spread.add(ApprovalBallot.of(b.approved()));
            }
        }
        Collections.shuffle(spread, new Random(seed));
        return spread;
    }

    /**
     * A profile (compressed rows, one voter a ballot, as a count from the log reads the votes)
     * counts as the same ballots given one object each: the same tally to the last field, and the
     * same refusals of a ballot naming an option twice or outside the options.
     */
    @Property(tries = 300)
    void aProfileCountsAsTheSameBallotsGivenOneByOne(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int m,
            @ForAll @IntRange(min = 0, max = 30) int n) {
        Instance in = random(seed, m, n);
        Options o = ApprovalTest.options(m);
        List<ApprovalBallot> spread = spread(in, seed);
        int[] first = new int[spread.size() + 1];
        for (int i = 0; i < spread.size(); i++) {
            first[i + 1] = first[i] + spread.get(i).approved().length;
        }
        int[] approved = new int[first[spread.size()]];
        for (int i = 0; i < spread.size(); i++) {
            System.arraycopy(spread.get(i).approved(), 0, approved, first[i], spread.get(i).approved().length);
        }
        int[] kept = approved.clone();
        ApprovalProfile profile = new ApprovalProfile(first, approved);
        assertEquals(EqualShares.count(o, in.ballots(), in.costs(), in.budget()),
                EqualShares.count(o, profile, in.costs(), in.budget()));
        assertTrue(java.util.Arrays.equals(kept, approved), "the profile is not changed by the count");
        if (approved.length > 0) {
            int[] twice = approved.clone();
            int i = new Random(seed).nextInt(spread.size());
            while (first[i + 1] - first[i] < 2 && i + 1 < spread.size()) {
                i++;
            }
            if (first[i + 1] - first[i] >= 2) {
                twice[first[i] + 1] = twice[first[i]];
                String message = assertThrows(CountException.class,
                        () -> EqualShares.count(o, new ApprovalProfile(first, twice), in.costs(), in.budget()))
                        .getMessage();
                assertTrue(message.contains("twice"), message);
            }
            int[] outside = approved.clone();
            outside[outside.length - 1] = m;
            assertThrows(CountException.class,
                    () -> EqualShares.count(o, new ApprovalProfile(first, outside), in.costs(), in.budget()));
        }
    }
}
