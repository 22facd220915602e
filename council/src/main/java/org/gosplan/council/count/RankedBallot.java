package org.gosplan.council.count;

/**
 * A ranked ballot: groups of options tied with each other, most preferred first; options in no
 * group are ranked below all others, tied. Cast by {@code count} voters.
 */
public record RankedBallot(int[][] groups, long count) {
    public RankedBallot {
        int[][] g = new int[groups.length][];
        for (int i = 0; i < groups.length; i++) {
            g[i] = groups[i].clone();
        }
        groups = g;
        if (count < 1) {
            throw new CountException("a ballot is cast by at least one voter, not " + count);
        }
    }

    /** A strict ranking, most preferred first, cast by one voter. */
    public static RankedBallot of(int... order) {
        int[][] g = new int[order.length][];
        for (int i = 0; i < order.length; i++) {
            g[i] = new int[] {order[i]};
        }
        return new RankedBallot(g, 1);
    }
}
