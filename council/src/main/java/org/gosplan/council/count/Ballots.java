package org.gosplan.council.count;

import java.util.Arrays;
import java.util.List;

/** Checks on ballots shared by the approval methods. */
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
}
