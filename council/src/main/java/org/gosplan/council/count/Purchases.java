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
        this(options, flat(ballots), cost, budget);
    }

    /** From a profile of one voter a ballot (a count from the log): no object per ballot. */
    Purchases(Options options, ApprovalProfile profile, double[] cost, double budget) {
        this(options, new Flat(profile.first(), profile.approved().clone(), null), cost, budget);
    }

    private Purchases(Options options, Flat ballots, double[] cost, double budget) {
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
        Grouped groups = group(ballots, m);
        int gn = groups.weight.length;
        weight = new double[gn];
        votes = new long[m];
        start = new int[m + 1];
        first = groups.first;
        approved = groups.approved;
        long n = 0;
        for (int g = 0; g < gn; g++) {
            long w = groups.weight[g];
            n = Math.addExact(n, w);
            weight[g] = w;
            for (int j = first[g]; j < first[g + 1]; j++) {
                votes[approved[j]] += w;
                start[approved[j] + 1]++;
            }
        }
        voters = n;
        together = new double[m][];
        for (int c = 0; c < m; c++) {
            start[c + 1] += start[c];
        }
        approvers = new int[start[m]];
        int[] at = java.util.Arrays.copyOf(start, m);
        for (int g = 0; g < gn; g++) {
            for (int j = first[g]; j < first[g + 1]; j++) {
                approvers[at[approved[j]]++] = g;
            }
        }
    }

    /** Ballots in compressed rows ({@code flat[off[i]..off[i+1])}, sorted in place by {@link #group}), each cast by {@code count[i]} voters (one each where count is null). */
    private record Flat(int[] off, int[] flat, long[] count) {
    }

    private static Flat flat(java.util.List<ApprovalBallot> ballots) {
        int nb = ballots.size();
        int[] off = new int[nb + 1];
        for (int i = 0; i < nb; i++) {
            off[i + 1] = Math.addExact(off[i], ballots.get(i).approved().length);
        }
        int[] flat = new int[off[nb]];
        long[] count = new long[nb];
        for (int i = 0; i < nb; i++) {
            ApprovalBallot ballot = ballots.get(i);
            int[] a = ballot.approved();
            count[i] = ballot.count();
            System.arraycopy(a, 0, flat, off[i], a.length);
        }
        return new Flat(off, flat, count);
    }

    /** Groups of identical ballots: group g approves {@code approved[first[g]..first[g+1])}, sorted, and has {@code weight[g]} voters. */
    private record Grouped(int[] first, int[] approved, long[] weight) {
    }

    /**
     * Identical ballots merged into groups, the groups in the lexicographic order of their sorted
     * approval sets, so that the approvers of one proposal lie close together in memory (the
     * counts scan them over and over); each ballot checked as {@link Ballots#check} does, in
     * order. The ballots are sorted by their sets (by the proposal at each place in turn, then
     * by comparison within small runs) and equal neighbours merged: no hashing, no object per
     * ballot.
     */
    private static Grouped group(Flat ballots, int m) {
        int[] off = ballots.off;
        int[] flat = ballots.flat;
        int nb = off.length - 1;
        for (int i = 0; i < nb; i++) {
            for (int j = off[i]; j < off[i + 1]; j++) {
                int o = flat[j];
                if (o < 0 || o >= m) {
                    throw new CountException("a ballot approves option " + o + ", but the options are 0.." + (m - 1));
                }
            }
            java.util.Arrays.sort(flat, off[i], off[i + 1]);
            for (int j = off[i] + 1; j < off[i + 1]; j++) {
                if (flat[j] == flat[j - 1]) {
                    throw new CountException("a ballot approves option " + flat[j] + " twice; approve each option once");
                }
            }
        }
        int[] order = new int[nb];
        for (int i = 0; i < nb; i++) {
            order[i] = i;
        }
        new SetSort(flat, off, m).sort(order, 0, nb, 0);
        // where each group starts in the sorted ballots: one comparison per neighbour
        boolean[] opens = new boolean[nb];
        int gn = 0;
        int size = 0;
        for (int k = 0; k < nb; k++) {
            if (k == 0 || SetSort.compare(flat, off, order[k - 1], order[k], 0) != 0) {
                opens[k] = true;
                gn++;
                size += off[order[k] + 1] - off[order[k]];
            }
        }
        int[] first = new int[gn + 1];
        int[] approved = new int[size];
        long[] weight = new long[gn];
        int g = -1;
        for (int k = 0; k < nb; k++) {
            int i = order[k];
            if (opens[k]) {
                g++;
                int len = off[i + 1] - off[i];
                System.arraycopy(flat, off[i], approved, first[g], len);
                first[g + 1] = first[g] + len;
            }
            weight[g] += ballots.count == null ? 1 : ballots.count[i];
        }
        return new Grouped(first, approved, weight);
    }

    /** Sorts ballots (indexes into compressed rows of sorted sets) into the lexicographic order of their sets. */
    private static final class SetSort {
        private final int[] flat;
        private final int[] off;
        private final int m;
        private final int[] buffer;

        SetSort(int[] flat, int[] off, int m) {
            this.flat = flat;
            this.off = off;
            this.m = m;
            this.buffer = new int[off.length - 1];
        }

        /** The sets of a and b compared from place {@code depth} on (the places before are equal): as {@link java.util.Arrays#compare(int[], int[])}. */
        static int compare(int[] flat, int[] off, int a, int b, int depth) {
            int i = off[a] + depth;
            int j = off[b] + depth;
            int ea = off[a + 1];
            int eb = off[b + 1];
            for (; i < ea && j < eb; i++, j++) {
                if (flat[i] != flat[j]) {
                    return Integer.compare(flat[i], flat[j]);
                }
            }
            return Integer.compare(ea - i, eb - j);
        }

        /** Sorts order[lo, hi), whose sets agree on their first {@code depth} places. */
        void sort(int[] order, int lo, int hi, int depth) {
            int n = hi - lo;
            if (n < 2) {
                return;
            }
            if (n < 64 || n < m / 8 || depth > 64) {
                mergeSort(order, lo, hi, depth);
                return;
            }
            // by the proposal at place depth, sets that end there first (a prefix sorts first)
            int[] count = new int[m + 2];
            for (int k = lo; k < hi; k++) {
                count[key(order[k], depth) + 1]++;
            }
            for (int v = 0; v <= m; v++) {
                count[v + 1] += count[v];
            }
            int[] bucketStart = java.util.Arrays.copyOf(count, m + 2);
            for (int k = lo; k < hi; k++) {
                int i = order[k];
                buffer[lo + count[key(i, depth)]++] = i;
            }
            System.arraycopy(buffer, lo, order, lo, n);
            if (depth == 0 && n >= 1 << 16) {
                // the buckets are sorted apart, each in its own range of order and buffer: in parallel
                java.util.stream.IntStream.rangeClosed(1, m).parallel().filter(v -> bucketStart[v + 1] - bucketStart[v] > 1)
                        .forEach(v -> sort(order, lo + bucketStart[v], lo + bucketStart[v + 1], 1));
                return;
            }
            for (int v = 1; v <= m; v++) {
                if (bucketStart[v + 1] - bucketStart[v] > 1) {
                    sort(order, lo + bucketStart[v], lo + bucketStart[v + 1], depth + 1);
                }
            }
        }

        /** The proposal at place depth of ballot i's set plus one, or 0 where the set is shorter. */
        private int key(int i, int depth) {
            int at = off[i] + depth;
            return at < off[i + 1] ? flat[at] + 1 : 0;
        }

        private void mergeSort(int[] order, int lo, int hi, int depth) {
            if (hi - lo < 12) {
                for (int k = lo + 1; k < hi; k++) {
                    int x = order[k];
                    int j = k - 1;
                    while (j >= lo && compare(flat, off, order[j], x, depth) > 0) {
                        order[j + 1] = order[j];
                        j--;
                    }
                    order[j + 1] = x;
                }
                return;
            }
            int mid = (lo + hi) >>> 1;
            mergeSort(order, lo, mid, depth);
            mergeSort(order, mid, hi, depth);
            if (compare(flat, off, order[mid - 1], order[mid], depth) <= 0) {
                return;
            }
            System.arraycopy(order, lo, buffer, lo, hi - lo);
            int i = lo;
            int j = mid;
            for (int k = lo; k < hi; k++) {
                if (j >= hi || i < mid && compare(flat, off, buffer[i], buffer[j], depth) <= 0) {
                    order[k] = buffer[i++];
                } else {
                    order[k] = buffer[j++];
                }
            }
        }
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
            if (together[w] != null) {
                return together[w];
            }
        }
        // made outside the lock, so that runs in parallel make the rows they need at once; a row
        // is whole counts, the same whoever makes it, and the first made is kept
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
        synchronized (together) {
            if (together[w] == null) {
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
