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

class ApprovalTest {
    static final Options ABCD = new Options(List.of("A", "B", "C", "D"));

    @Test
    void countsApprovalsByHandAndTakesTheMostApproved() {
        List<ApprovalBallot> ballots = List.of(
                new ApprovalBallot(new int[] {0, 1}, 3), // A, B by 3 voters
                new ApprovalBallot(new int[] {2}, 4), // C by 4
                ApprovalBallot.of(1, 3), // B, D
                ApprovalBallot.of(3)); // D
        // by hand: A 3, B 4, C 4, D 2; two seats: B and C (4 each), no tie at the cut (A has 3)
        Tally t = Approval.count(ABCD, ballots, 2);
        assertEquals(List.of("B", "C"), t.winners());
        assertEquals(Map.of("A", 3L, "B", 4L, "C", 4L, "D", 2L), t.counts());
        assertEquals(9, t.voters());
        assertEquals(List.of(), t.ties());
        assertEquals(List.of("B"), Approval.count(ABCD, ballots, 1).winners());
        assertEquals(1, Approval.count(ABCD, ballots, 1).ties().size(), "B and C tie for one seat");
    }

    @Test
    void aTieAtTheCutGoesToTheLowerIndexAndIsReported() {
        List<ApprovalBallot> ballots = List.of(ApprovalBallot.of(0), ApprovalBallot.of(3), ApprovalBallot.of(1),
                ApprovalBallot.of(0));
        // A 2; B, D 1 each: the second seat is a tie between B and D
        Tally t = Approval.count(ABCD, ballots, 2);
        assertEquals(List.of("A", "B"), t.winners());
        assertEquals(1, t.ties().size());
        assertTrue(t.ties().get(0).contains("B") && t.ties().get(0).contains("D"), t.ties().get(0));
    }

    @Test
    void refusesWhatCannotBeCounted() {
        assertThrows(CountException.class, () -> Approval.count(ABCD, List.of(), 0));
        assertThrows(CountException.class, () -> Approval.count(ABCD, List.of(), 5));
        assertThrows(CountException.class, () -> Approval.count(ABCD, List.of(ApprovalBallot.of(4)), 1));
        assertThrows(CountException.class, () -> Approval.count(ABCD, List.of(ApprovalBallot.of(1, 1)), 1));
    }

    static List<ApprovalBallot> random(long seed, int m, int n) {
        Random r = new Random(seed);
        List<ApprovalBallot> ballots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> set = new ArrayList<>();
            for (int o = 0; o < m; o++) {
                if (r.nextInt(3) == 0) {
                    set.add(o);
                }
            }
            ballots.add(new ApprovalBallot(set.stream().mapToInt(Integer::intValue).toArray(), 1 + r.nextInt(3)));
        }
        return ballots;
    }

    static Options options(int m) {
        List<String> names = new ArrayList<>();
        for (int o = 0; o < m; o++) {
            names.add("o" + o);
        }
        return new Options(names);
    }

    @Property(tries = 200)
    void theCountDoesNotDependOnBallotOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int m,
            @ForAll @IntRange(min = 0, max = 30) int n) {
        List<ApprovalBallot> ballots = random(seed, m, n);
        List<ApprovalBallot> shuffled = new ArrayList<>(ballots);
        Collections.shuffle(shuffled, new Random(seed + 1));
        int seats = 1 + Math.floorMod(seed, m);
        assertEquals(Approval.count(options(m), ballots, seats), Approval.count(options(m), shuffled, seats));
    }

    @Property(tries = 300)
    void approvingAWinnerNeverMakesItLose(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int m,
            @ForAll @IntRange(min = 0, max = 30) int n) {
        List<ApprovalBallot> ballots = random(seed, m, n);
        int seats = 1 + Math.floorMod(seed, m);
        Tally before = Approval.count(options(m), ballots, seats);
        for (String w : before.winners()) {
            int o = Integer.parseInt(w.substring(1));
            List<ApprovalBallot> more = new ArrayList<>(ballots);
            Random r = new Random(seed ^ o);
            List<Integer> set = new ArrayList<>(List.of(o));
            for (int x = 0; x < m; x++) {
                if (x != o && r.nextBoolean()) {
                    set.add(x);
                }
            }
            more.add(new ApprovalBallot(set.stream().mapToInt(Integer::intValue).toArray(), 1));
            assertTrue(Approval.count(options(m), more, seats).winners().contains(w), w + " lost after one more approval");
        }
    }
}
