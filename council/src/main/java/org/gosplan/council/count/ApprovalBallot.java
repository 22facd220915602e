package org.gosplan.council.count;

/** An approval ballot: the approved options' indexes (each once), cast by {@code count} voters. */
public record ApprovalBallot(int[] approved, long count) {
    public ApprovalBallot {
        approved = approved.clone();
        if (count < 1) {
            throw new CountException("a ballot is cast by at least one voter, not " + count);
        }
    }

    public static ApprovalBallot of(int... approved) {
        return new ApprovalBallot(approved, 1);
    }
}
