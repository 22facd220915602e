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
        Ballots.Groups groups = Ballots.group(ballots, m);
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

    int groups() {
        return weight.length;
    }

    /** Whether the equal-shares and greedy counts may ever buy proposal c (the reference drops the rest). */
    boolean purchasable(int c) {
        return cost[c] > 0 && votes[c] > 0;
    }
}
