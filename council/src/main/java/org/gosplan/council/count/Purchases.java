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
     * order. The ballots are sorted by keys that hold their sets' first places (a radix sort:
     * a few linear passes), the few that agree that far by the rest of their sets, and equal
     * neighbours merged: no hashing, no object per ballot.
     */
    private static Grouped group(Flat ballots, int m) {
        int[] off = ballots.off;
        int[] flat = ballots.flat;
        int nb = off.length - 1;
        // each set's first places packed into a long, place j a digit (the proposal + 1, 0 past the
        // set's end), and below them one bit: whether the set goes on past them. The numeric order of
        // the keys is then the lexicographic order of the sets as far as the keys reach (a prefix
        // first), and equal keys without that bit are equal sets. Sorted by key in a few linear
        // passes; only runs of equal keys of longer sets are ordered further, by the rest of the sets.
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(m));
        int places = 62 / bits;
        long[] key = new long[nb];
        int[] order = new int[nb];
        for (int i = 0; i < nb; i++) {
            int from = off[i];
            int end = off[i + 1];
            for (int j = from; j < end; j++) {
                int o = flat[j];
                if (o < 0 || o >= m) {
                    throw new CountException("a ballot approves option " + o + ", but the options are 0.." + (m - 1));
                }
            }
            sortSmall(flat, from, end);
            for (int j = from + 1; j < end; j++) {
                if (flat[j] == flat[j - 1]) {
                    throw new CountException("a ballot approves option " + flat[j] + " twice; approve each option once");
                }
            }
            long k = 0;
            int at = from;
            for (int j = 0; j < places; j++, at++) {
                k = k << bits | (at < end ? flat[at] + 1 : 0);
            }
            key[i] = k << 1 | (end - from > places ? 1 : 0);
            order[i] = i;
        }
        radixSort(key, order, bits * places + 1);
        SetSort rest = null;
        for (int k = 0; k < nb; ) {
            int e = k + 1;
            while (e < nb && key[e] == key[k]) {
                e++;
            }
            if ((key[k] & 1) != 0 && e - k > 1) {
                if (rest == null) {
                    rest = new SetSort(flat, off, m);
                }
                rest.sort(order, k, e, places);
            }
            k = e;
        }
        // where each group starts in the sorted ballots: a new key, or a longer set not the same past it
        boolean[] opens = new boolean[nb];
        int gn = 0;
        int size = 0;
        for (int k = 0; k < nb; k++) {
            long kk = key[k];
            if (k == 0 || kk != key[k - 1]
                    || (kk & 1) != 0 && SetSort.compare(flat, off, order[k - 1], order[k], places) != 0) {
                opens[k] = true;
                gn++;
                size += (kk & 1) == 0 ? shortLength(kk, bits, places) : off[order[k] + 1] - off[order[k]];
            }
        }
        int[] first = new int[gn + 1];
        int[] approved = new int[size];
        long[] weight = new long[gn];
        long[] count = ballots.count;
        int digit = (1 << bits) - 1;
        int g = -1;
        for (int k = 0; k < nb; k++) {
            if (opens[k]) {
                g++;
                long kk = key[k];
                int len;
                if ((kk & 1) == 0) {
                    // the whole set is in the key: read there, not from the ballot (scattered in memory)
                    len = shortLength(kk, bits, places);
                    for (int j = 0; j < len; j++) {
                        approved[first[g] + j] = (int) (kk >>> (1 + bits * (places - 1 - j)) & digit) - 1;
                    }
                } else {
                    int i = order[k];
                    len = off[i + 1] - off[i];
                    System.arraycopy(flat, off[i], approved, first[g], len);
                }
                first[g + 1] = first[g] + len;
            }
            weight[g] += count == null ? 1 : count[order[k]];
        }
        return new Grouped(first, approved, weight);
    }

    /** The length of a set held whole in its key (no more than {@code places} proposals). */
    private static int shortLength(long key, int bits, int places) {
        long digits = key >>> 1;
        return digits == 0 ? 0 : places - Long.numberOfTrailingZeros(digits) / bits;
    }

    /** Sorts flat[from, to) ascending: insertion for the few a ballot usually approves. */
    private static void sortSmall(int[] flat, int from, int to) {
        if (to - from > 24) {
            java.util.Arrays.sort(flat, from, to);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            int x = flat[i];
            int j = i - 1;
            while (j >= from && flat[j] > x) {
                flat[j + 1] = flat[j];
                j--;
            }
            flat[j + 1] = x;
        }
    }

    /**
     * Sorts {@code key} (values of {@code width} bits, none negative) ascending, moving {@code order}
     * alongside: least significant digit first, 11 bits a pass, a pass skipped where every key has
     * the same digit. Stable, though the grouping needs no stability (equal keys of equal sets).
     */
    static void radixSort(long[] sortedKey, int[] sortedOrder, int width) {
        long[] key = sortedKey;
        int[] order = sortedOrder;
        int n = key.length;
        int digit = 11;
        int passes = (width + digit - 1) / digit;
        int[][] count = new int[passes][1 << digit];
        int mask = (1 << digit) - 1;
        for (int i = 0; i < n; i++) {
            long k = key[i];
            for (int p = 0; p < passes; p++) {
                count[p][(int) (k >>> (p * digit)) & mask]++;
            }
        }
        long[] keyTo = new long[n];
        int[] orderTo = new int[n];
        for (int p = 0; p < passes; p++) {
            int[] c = count[p];
            int shift = p * digit;
            if (n == 0 || c[(int) (key[0] >>> shift) & mask] == n) {
                continue; // one digit for all: the pass would change nothing
            }
            int sum = 0;
            for (int d = 0; d <= mask; d++) {
                int t = c[d];
                c[d] = sum;
                sum += t;
            }
            for (int i = 0; i < n; i++) {
                long k = key[i];
                int to = c[(int) (k >>> shift) & mask]++;
                keyTo[to] = k;
                orderTo[to] = order[i];
            }
            long[] tk = key;
            key = keyTo;
            keyTo = tk;
            int[] to = order;
            order = orderTo;
            orderTo = to;
        }
        if (key != sortedKey) {
            // an odd number of passes left them in the scratch arrays
            System.arraycopy(key, 0, sortedKey, 0, n);
            System.arraycopy(order, 0, sortedOrder, 0, n);
        }
    }

    /** Sorts ballots (indexes into compressed rows of sorted sets) into the lexicographic order of their sets: those whose keys agree. */
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
        double[] row = m <= WHOLE_TABLE ? fromTable(w) : row(w);
        synchronized (together) {
            if (together[w] == null) {
                together[w] = row;
            }
            return together[w];
        }
    }

    /** Up to this many proposals the co-approval counts of every pair are made at once (an m × m table of ints: 16 MB). */
    static final int WHOLE_TABLE = 2048;

    /** The co-approval counts of every pair a < b at {@code a * m + b}; made when first asked for, once. */
    private int[] table;

    /**
     * Row w of the co-approval counts, read from the table of every pair. The table is made in one
     * pass over the groups in order (each group's pairs counted once), where a row alone takes a
     * pass over w's approver groups scattered over all groups: cheaper as soon as a count buys more
     * than a few proposals, and the counts are the same whole numbers.
     */
    private double[] fromTable(int w) {
        int[] t;
        synchronized (this) {
            if (table == null && voters <= Integer.MAX_VALUE) {
                table = pairs();
            }
            t = table;
        }
        if (t == null) {
            return row(w); // too many voters for counts in ints
        }
        double[] row = new double[m];
        for (int c = 0; c < w; c++) {
            row[c] = t[c * m + w];
        }
        row[w] = votes[w];
        for (int c = w + 1; c < m; c++) {
            row[c] = t[w * m + c];
        }
        return row;
    }

    private int[] pairs() {
        int[] t = new int[m * m];
        for (int g = 0; g < weight.length; g++) {
            int n = (int) weight[g];
            int end = first[g + 1];
            for (int i = first[g]; i < end; i++) {
                int row = approved[i] * m; // a group's set is sorted: approved[i] < approved[j] for i < j
                for (int j = i + 1; j < end; j++) {
                    t[row + approved[j]] += n;
                }
            }
        }
        return t;
    }

    /** Row w of the co-approval counts from w's approver groups alone. */
    private double[] row(int w) {
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
        return row;
    }


    int groups() {
        return weight.length;
    }

    /** Whether the equal-shares and greedy counts may ever buy proposal c (the reference drops the rest). */
    boolean purchasable(int c) {
        return cost[c] > 0 && votes[c] > 0;
    }
}
