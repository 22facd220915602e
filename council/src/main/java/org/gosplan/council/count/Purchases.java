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
    /** Per group, the proposals it approves (compressed rows: {@code approved[first[g]..first[g+1])}). */
    final int[] first;
    final int[] approved;
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
        together = new double[m][];
        for (int c = 0; c < m; c++) {
            start[c + 1] += start[c];
        }
        approvers = new int[start[m]];
        first = new int[gn + 1];
        approved = new int[start[m]];
        int[] at = java.util.Arrays.copyOf(start, m);
        for (int g = 0; g < gn; g++) {
            int j = first[g];
            for (int c : groups.sets()[g]) {
                approvers[at[c]++] = g;
                approved[j++] = c;
            }
            first[g + 1] = j;
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

    /** Per proposal bought, the voters approving both it and each proposal; made when first asked for. */
    private final double[][] together;

    /**
     * How many voters approve both proposal w and each proposal (a row of the co-approval
     * counts), made once and shared by every run: when w is bought every approver pays the
     * same q but the few who have less, so what each proposal's approvers lose is q times this
     * count less what those few could not pay.
     */
    double[] together(int w) {
        synchronized (together) {
            if (together[w] == null) {
                long[] both = new long[m];
                for (int k = start[w]; k < start[w + 1]; k++) {
                    int g = approvers[k];
                    long n = (long) weight[g];
                    for (int j = first[g]; j < first[g + 1]; j++) {
                        both[approved[j]] += n;
                    }
                }
                double[] row = new double[m];
                for (int c = 0; c < m; c++) {
                    row[c] = both[c];
                }
                together[w] = row;
            }
            return together[w];
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
