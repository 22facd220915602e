package org.gosplan.council.count;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks on ballots shared by the approval methods, and identical ballots grouped. */
final class Ballots {
    private Ballots() {
    }

    /** Refuses an approval ballot naming an option outside {@code 0..m-1} or one twice. */
    static void check(ApprovalBallot ballot, int m) {
        int[] a = ballot.approved();
        for (int o : a) {
            if (o < 0 || o >= m) {
                throw new CountException("a ballot approves option " + o + ", but the options are 0.." + (m - 1));
            }
        }
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new CountException("a ballot approves option " + sorted[i] + " twice; approve each option once");
            }
        }
    }

    static long voters(List<ApprovalBallot> ballots) {
        long n = 0;
        for (ApprovalBallot b : ballots) {
            n = Math.addExact(n, b.count());
        }
        return n;
    }

    /** Approvals per option, after checking every ballot. */
    static long[] approvals(List<ApprovalBallot> ballots, int m) {
        long[] approvals = new long[m];
        for (ApprovalBallot b : ballots) {
            check(b, m);
            for (int o : b.approved()) {
                approvals[o] += b.count();
            }
        }
        return approvals;
    }

    /**
     * Identical approval sets merged into one group with the summed voter count, in order of
     * first appearance; the sets sorted. Voters with the same ballot are treated alike by every
     * method here, so a group stands for all of them.
     */
    static Groups group(List<ApprovalBallot> ballots, int m) {
        Map<Key, Integer> index = new HashMap<>();
        int[][] sets = new int[ballots.size()][];
        long[] weight = new long[ballots.size()];
        int g = 0;
        for (ApprovalBallot b : ballots) {
            check(b, m);
            int[] set = b.approved().clone();
            Arrays.sort(set);
            Key key = new Key(set);
            Integer at = index.putIfAbsent(key, g);
            if (at == null) {
                sets[g] = set;
                weight[g] = b.count();
                g++;
            } else {
                weight[at] += b.count();
            }
        }
        return new Groups(Arrays.copyOf(sets, g), Arrays.copyOf(weight, g));
    }

    /** Groups of identical ballots: {@code sets[g]} approved by {@code weight[g]} voters. */
    record Groups(int[][] sets, long[] weight) {
        int size() {
            return sets.length;
        }
    }

    private record Key(int[] set) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(set, k.set);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(set);
        }
    }
}
