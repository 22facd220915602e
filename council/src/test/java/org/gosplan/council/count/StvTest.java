package org.gosplan.council.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small counts worked by hand from the Order's rules. */
class StvTest {
    private static final Options ABC = new Options(List.of("A", "B", "C"));

    static RankedBallot ballot(long voters, int... order) {
        int[][] g = new int[order.length][];
        for (int i = 0; i < order.length; i++) {
            g[i] = new int[] {order[i]};
        }
        return new RankedBallot(g, voters);
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @SuppressWarnings("unchecked")
    static Map<String, BigDecimal> values(Tally t, int stage) {
        return (Map<String, BigDecimal>) t.rounds().get(stage - 1).get("values");
    }

    /**
     * 7 A>B, 2 A>C, 3 B, 4 C; 2 seats. Quota ⌊16/3⌋+1 = 6. A has 9, surplus 3, transfer value
     * ⌊3/9⌋ = 0.33333: B gets 7 × 0.33333 = 2.33331, C 0.66666, 0.00003 lost. C (4.66666) is
     * excluded, its papers have no further preference; B is the one continuing candidate for the
     * one vacancy.
     */
    @Test
    void surplusAtTruncatedTransferValueThenExclusion() {
        Tally t = Stv.count(ABC, List.of(ballot(7, 0, 1), ballot(2, 0, 2), ballot(3, 1), ballot(4, 2)), 2);
        assertEquals(List.of("A", "B"), t.winners());
        assertEquals(3, t.rounds().size());
        assertEquals(d("6.00000"), t.rounds().get(0).get("quota"));
        assertEquals(Map.of("A", d("9.00000"), "B", d("3.00000"), "C", d("4.00000")), values(t, 1));
        assertEquals(Map.of("A", d("6.00000"), "B", d("5.33331"), "C", d("4.66666")), values(t, 2));
        assertEquals(d("0.00003"), t.rounds().get(1).get("lost"));
        assertEquals("exclusion of C", t.rounds().get(2).get("action"));
        assertEquals(Map.of("A", d("6.00000"), "B", d("5.33331")), values(t, 3));
        assertEquals(d("4.66666"), t.rounds().get(2).get("nonTransferable"));
        assertEquals(List.of("B"), t.rounds().get(2).get("elected"));
        assertEquals(List.of("C"), t.rounds().get(2).get("excluded"));
        assertEquals(Map.of("A", 9L, "B", 3L, "C", 4L), t.counts());
    }

    /**
     * A paper's second transfer is at its value times the new surplus over the votes (rule
     * 48(3)-(4)): 10 A>B>C, 1 B; 3 seats over A, B, C, D with 2 D. Quota ⌊13/4⌋+1 = 4. A's
     * surplus 6 at ⌊6/10⌋ = 0.6 gives B 6 + 1 = 7, surplus 3; the ten papers, now worth 0.6 each
     * (6 of B's 7 votes), pass to C at ⌊0.6 × 3 / 7⌋ = 0.25714 each: C 2.5714.
     */
    @Test
    void aSecondSurplusTransfersAtTheValueThePaperCameWith() {
        Options o = new Options(List.of("A", "B", "C", "D"));
        Tally t = Stv.count(o, List.of(ballot(10, 0, 1, 2), ballot(1, 1), ballot(2, 3)), 3);
        assertEquals("surplus of B", t.rounds().get(2).get("action"));
        assertEquals(d("2.57140"), values(t, 3).get("C"));
        // B's own paper (value one) has no next preference: 1 × ⌊3/7⌋ = 0.42857 non-transferable
        assertEquals(d("0.42857"), t.rounds().get(2).get("nonTransferable"));
        assertEquals(d("3.00000").subtract(d("2.57140")).subtract(d("0.42857")), t.rounds().get(2).get("lost"));
    }

    @Test
    void aTieOnTheFirstPreferenceRejectsTheBallotALaterTieEndsIt() {
        RankedBallot tiedFirst = new RankedBallot(new int[][] {{0, 1}, {2}}, 5);
        RankedBallot tiedLater = new RankedBallot(new int[][] {{1}, {0, 2}}, 3);
        Tally t = Stv.count(ABC, List.of(tiedFirst, tiedLater, ballot(4, 0), ballot(2, 2)), 1);
        assertEquals(14L, t.voters());
        assertEquals(9L, t.rounds().get(0).get("valid"));
        assertEquals(5L, t.rounds().get(0).get("rejected"));
        Tally same = Stv.count(ABC, List.of(ballot(3, 1), ballot(4, 0), ballot(2, 2)), 1);
        assertEquals(same.winners(), t.winners());
        assertEquals(same.rounds().subList(1, same.rounds().size()), t.rounds().subList(1, t.rounds().size()));
    }

    /** Rule 51(2)(b): tied lowest at every stage, the lot decides; ours excludes the higher index. */
    @Test
    void anExclusionTieAtEveryStageExcludesTheHigherIndex() {
        // quota ⌊20/3⌋+1 = 7; A 9 elected, its surplus 2 goes to B; C and D stay at 4 throughout
        Options o = new Options(List.of("A", "B", "C", "D"));
        Tally t = Stv.count(o, List.of(ballot(9, 0, 1), ballot(3, 1), ballot(4, 2), ballot(4, 3)), 2);
        assertEquals("exclusion of D", t.rounds().get(2).get("action"));
        assertEquals(1, t.ties().size());
        assertTrue(t.ties().get(0).contains("C, D") && t.ties().get(0).contains("D (the higher index) is excluded"),
                t.ties().get(0));
    }

    /** Rule 51(2)(a): tied lowest now, the one with fewer votes at the latest stage they differed goes. */
    @Test
    void anEarlierStageBreaksAnExclusionTie() {
        // quota ⌊23/3⌋+1 = 8; A 10, surplus 2 at ⌊2/10⌋ = 0.2 per paper: C 4 + 2 = 6, level with B.
        // D (3) is excluded, nothing transfers; B and C tie at 6, and at stage 1 C had fewer (4
        // against 6): C is excluded although it has the lower index
        Options o = new Options(List.of("A", "B", "C", "D"));
        List<RankedBallot> b = List.of(ballot(10, 0, 2), ballot(6, 1), ballot(4, 2), ballot(3, 3));
        Tally t = Stv.count(o, b, 2);
        assertEquals(List.of("first count", "surplus of A", "exclusion of D", "exclusion of C"),
                t.rounds().stream().map(r -> r.get("action")).toList());
        assertEquals(List.of("A", "B"), t.winners());
        assertEquals(1, t.ties().size());
        assertTrue(t.ties().get(0).contains("C had fewest votes at stage 1"), t.ties().get(0));
    }

    /** Rule 49(2): equal surpluses, the one with more votes at the latest stage they differed goes first. */
    @Test
    void anEarlierStageOrdersEqualSurpluses() {
        // quota ⌊37/5⌋+1 = 8. Stage 1: P 10 and Q 9 elected. P's surplus 2 at 0.2 per paper takes
        // R from 7 to 9: R elected at stage 2 level with Q. At stage 1 Q had more: Q's surplus
        // goes first, though R has the lower index
        Options o = new Options(List.of("P", "R", "Q", "S", "T"));
        List<RankedBallot> b = List.of(ballot(10, 0, 1), ballot(9, 2), ballot(7, 1), ballot(6, 3), ballot(5, 4));
        Tally t = Stv.count(o, b, 4);
        assertEquals(List.of("first count", "surplus of P", "surplus of Q"),
                t.rounds().stream().map(r -> r.get("action")).toList().subList(0, 3));
        assertEquals(d("9.00000"), values(t, 2).get("R"));
        assertEquals(List.of("R"), t.rounds().get(1).get("elected"));
        assertTrue(t.ties().get(0).contains("Q had most votes at stage 1 and its surplus goes first"), t.ties().get(0));
    }

    @Test
    void asManyCandidatesAsSeatsAreAllElectedAtTheFirstCount() {
        Tally t = Stv.count(ABC, List.of(ballot(1, 2), ballot(5, 1)), 3);
        assertEquals(List.of("B", "C", "A"), t.winners());
        assertEquals(1, t.rounds().size());
    }

    @Test
    void noBallotsStillFillsTheSeatsByTheOptionOrder() {
        Tally t = Stv.count(ABC, List.of(), 1);
        assertEquals(List.of("A"), t.winners());
        assertEquals(2, t.ties().size());
    }

    @Test
    void refusesWhatCannotBeCounted() {
        assertThrows(CountException.class, () -> Stv.count(ABC, List.of(ballot(1, 0)), 0));
        CountException e = assertThrows(CountException.class, () -> Stv.count(ABC, List.of(ballot(1, 0, 3)), 1));
        assertTrue(e.getMessage().contains("ballot 1 ranks option 3"), e.getMessage());
        e = assertThrows(CountException.class, () -> Stv.count(ABC, List.of(ballot(1, 0), ballot(1, 1, 2, 1)), 1));
        assertTrue(e.getMessage().contains("ballot 2 ranks B twice"), e.getMessage());
        e = assertThrows(CountException.class, () -> Stv.count(ABC, List.of(ballot(Long.MAX_VALUE / 2, 0),
                ballot(Long.MAX_VALUE / 2 + 2, 1)), 1));
        assertTrue(e.getMessage().contains("more than an STV count holds"), e.getMessage());
        e = assertThrows(CountException.class, () -> Stv.count(ABC, List.of(ballot(2_000_000_000_000L, 0)), 1));
        assertTrue(e.getMessage().contains("more than an STV count holds"), e.getMessage());
    }

    @Test
    void identicalBallotsMergeWithoutChangingTheCount() {
        List<RankedBallot> split = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            split.add(ballot(1, 0, 1));
        }
        split.add(ballot(2, 0, 2));
        split.add(ballot(3, 1));
        split.add(ballot(1, 2));
        split.add(ballot(3, 2));
        Tally merged = Stv.count(ABC, List.of(ballot(7, 0, 1), ballot(2, 0, 2), ballot(3, 1), ballot(4, 2)), 2);
        assertEquals(merged, Stv.count(ABC, split, 2));
    }
}
