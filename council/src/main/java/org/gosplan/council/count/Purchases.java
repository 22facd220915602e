package org.gosplan.council.count;

/**
 * Proposals and voters of a participatory budget in the form the kernels read: groups of
 * identical ballots ({@code weight[g]} voters each) and, per proposal, the groups approving it
 * (compressed rows: {@code approvers[start[c]..start[c+1])}).
 */
final class Purchases {
    final int m;
    final double[] cost;
    final long[] votes;
    final double[] weight;
    final int[] start;
    final int[] approvers;
    final long voters;

    Purchases(Options options, java.util.List<ApprovalBallot> ballots, double[] cost, double budget) {
        m = options.size();
        if (cost.length != m) {
            throw new CountException("there are " + m + " proposals but " + cost.length + " costs; give one cost per proposal");
        }
        for (int c = 0; c < m; c++) {
            if (!(cost[c] >= 0) || Double.isInfinite(cost[c])) {
                throw new CountException("proposal " + options.name(c) + " costs " + cost[c]
                        + "; a cost is a finite number, zero or more");
            }
        }
        if (!(budget >= 0) || Double.isInfinite(budget)) {
            throw new CountException("the budget is " + budget + "; give a finite amount, zero or more");
        }
        this.cost = cost.clone();
        Ballots.Groups groups = sorted(Ballots.group(ballots, m));
        int gn = groups.size();
        weight = new double[gn];
        votes = new long[m];
        start = new int[m + 1];
        long n = 0;
        for (int g = 0; g < gn; g++) {
            long w = groups.weight()[g];
            n = Math.addExact(n, w);
            weight[g] = w;
            for (int c : groups.sets()[g]) {
                votes[c] += w;
                start[c + 1]++;
            }
        }
        voters = n;
        for (int c = 0; c < m; c++) {
            start[c + 1] += start[c];
        }
        approvers = new int[start[m]];
        int[] at = java.util.Arrays.copyOf(start, m);
        for (int g = 0; g < gn; g++) {
            for (int c : groups.sets()[g]) {
                approvers[at[c]++] = g;
            }
        }
    }

    /**
     * Groups in the order of their approval sets (as sorted lists of indexes), so that the
     * approvers of one proposal lie close together in memory: the counts scan them over and over.
     */
    private static Ballots.Groups sorted(Ballots.Groups groups) {
        Integer[] order = new Integer[groups.size()];
        for (int g = 0; g < order.length; g++) {
            order[g] = g;
        }
        int[][] sets = groups.sets();
        java.util.Arrays.sort(order, (a, b) -> java.util.Arrays.compare(sets[a], sets[b]));
        int[][] s = new int[order.length][];
        long[] w = new long[order.length];
        for (int g = 0; g < order.length; g++) {
            s[g] = sets[order[g]];
            w[g] = groups.weight()[order[g]];
        }
        return new Ballots.Groups(s, w);
    }

    int groups() {
        return weight.length;
    }

    /** Whether the equal-shares and greedy counts may ever buy proposal c (the reference drops the rest). */
    boolean purchasable(int c) {
        return cost[c] > 0 && votes[c] > 0;
    }
}
