package org.gosplan.council.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The grouping of ballots the counts read, against the simple way: every ballot's set sorted,
 * identical sets merged in a sorted map ordered as {@link Arrays#compare(int[], int[])} orders
 * them. Ballots are drawn so that many repeat and many share long first parts, past what the
 * grouping's packed keys hold, over option counts that change how many places a key holds.
 */
class PurchasesTest {

    @Property(tries = 300)
    void groupsAreTheIdenticalSetsInLexicographicOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3000) int m,
            @ForAll @IntRange(min = 0, max = 400) int n) {
        List<ApprovalBallot> ballots = ballots(new SplittableRandom(seed), m, n);
        Purchases pb = new Purchases(ApprovalTest.options(m), ballots, new double[m], 0);
        TreeMap<int[], Long> simple = new TreeMap<>(Arrays::compare);
        for (ApprovalBallot b : ballots) {
            int[] set = b.approved().clone();
            Arrays.sort(set);
            simple.merge(set, b.count(), Long::sum);
        }
        assertEquals(simple.size(), pb.groups());
        int g = 0;
        for (Map.Entry<int[], Long> e : simple.entrySet()) {
            assertArrayEquals(e.getKey(), Arrays.copyOfRange(pb.approved, pb.first[g], pb.first[g + 1]), "group " + g);
            assertEquals((double) e.getValue(), pb.weight[g], "group " + g);
            g++;
        }
    }

    /** The co-approval rows (from the table of all pairs, or one row alone past its size) against a count over the ballots. */
    @Property(tries = 100)
    void coApprovalRowsCountTheVotersApprovingBoth(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2 * Purchases.WHOLE_TABLE) int m,
            @ForAll @IntRange(min = 0, max = 300) int n) {
        List<ApprovalBallot> ballots = ballots(new SplittableRandom(seed), m, n);
        Purchases pb = new Purchases(ApprovalTest.options(m), ballots, new double[m], 0);
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int t = 0; t < 5; t++) {
            int w = r.nextInt(m);
            double[] expected = new double[m];
            for (ApprovalBallot b : ballots) {
                if (Arrays.stream(b.approved()).anyMatch(c -> c == w)) {
                    for (int c : b.approved()) {
                        expected[c] += b.count();
                    }
                }
            }
            assertArrayEquals(expected, pb.together(w), "row " + w);
        }
    }

    /** Ballots that repeat and share first parts: each drawn from a few stems, some extended, each shuffled. */
    static List<ApprovalBallot> ballots(SplittableRandom r, int m, int n) {
        List<int[]> stems = new ArrayList<>();
        int stemCount = 1 + r.nextInt(8);
        for (int s = 0; s < stemCount; s++) {
            stems.add(distinct(r, m, r.nextInt(Math.min(m, 14) + 1), new int[0]));
        }
        List<ApprovalBallot> ballots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] stem = stems.get(r.nextInt(stems.size()));
            int more = r.nextInt(3) == 0 ? r.nextInt(Math.min(m - stem.length, 6) + 1) : 0;
            int[] set = distinct(r, m, more, stem);
            for (int k = set.length - 1; k > 0; k--) {
                int j = r.nextInt(k + 1);
                int x = set[k];
                set[k] = set[j];
                set[j] = x;
            }
            ballots.add(new ApprovalBallot(set, 1 + r.nextInt(r.nextBoolean() ? 1 : 4)));
        }
        return ballots;
    }

    /** {@code stem} and {@code more} other options, all distinct (small options more often, so sets share first places). */
    private static int[] distinct(SplittableRandom r, int m, int more, int[] stem) {
        int[] set = Arrays.copyOf(stem, stem.length + more);
        int k = stem.length;
        while (k < set.length) {
            int c = r.nextBoolean() ? r.nextInt(Math.min(m, 20)) : r.nextInt(m);
            boolean seen = false;
            for (int j = 0; j < k; j++) {
                seen |= set[j] == c;
            }
            if (!seen) {
                set[k++] = c;
            }
        }
        return set;
    }
}
