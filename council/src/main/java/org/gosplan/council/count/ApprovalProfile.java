package org.gosplan.council.count;

/**
 * Approval ballots, one voter each, in compressed rows: ballot {@code i} approves the options
 * {@code approved[first[i]..first[i+1])} (each once, in any order). The form a count from the log
 * fills straight from the votes that stand, with no object per ballot; a million ballots are two
 * arrays. The arrays are taken as they are, not copied: not to be changed after.
 */
public record ApprovalProfile(int[] first, int[] approved) {
    public ApprovalProfile {
        if (first.length == 0 || first[0] != 0 || first[first.length - 1] != approved.length) {
            throw new CountException("a profile's rows start at 0 and end at the " + approved.length
                    + " approvals it holds");
        }
        for (int i = 1; i < first.length; i++) {
            if (first[i] < first[i - 1]) {
                throw new CountException("ballot " + (i - 1) + " of the profile ends before it starts");
            }
        }
    }

    /** How many ballots (voters). */
    public int ballots() {
        return first.length - 1;
    }
}
