package org.gosplan.inspection.lottery;

/**
 * Moves seats between the rounded panels' types until every type's seats lie in its window: the
 * step that keeps everyone within {@code 1/M} where rounding the panels the LP found cannot (large
 * pools, hundreds of people alone in their type). It makes panels the LP never found.
 *
 * <p>A <em>swap</em> in one panel takes out one person of type {@code a} and puts in one of type
 * {@code x}; it is allowed when the panel still meets every quota afterwards (each quota {@code a}
 * counts towards and {@code x} does not stays at or above its min, each one {@code x} counts
 * towards and {@code a} does not at or below its max) and holds no more of {@code x} than there
 * are. A type over its window gives a seat away along a chain of swaps in distinct panels
 * {@code a → v1 → … → x} (a breadth-first search over types, so the shortest chain): every type
 * between gives one seat and gets one back, only {@code a} loses a seat and only {@code x}, a type
 * below its upper bound, gains one. A type under its window takes one the same way backwards.
 * Each chain lowers the total distance from the windows by one or two and moves no type further
 * from its window, so the search ends; it stops where no chain is left, or after {@link #WORK}
 * swaps weighed. Everything runs in a fixed order over plain arrays (no solver), so
 * the same panels give the same result bit for bit.
 */
final class Exchanges {
    private final Types types;
    /** How many of each type each panel holds: {@code panel[j][t]}. */
    private final int[][] panel;
    /** How many members each panel has towards each quota. */
    private final int[][] quota;
    private final long[] seats;
    private long[] lo;
    private long[] hi;
    private final int[] min;
    private final int[] max;

    // breadth-first search, reused
    private final int[] parent;
    private final int[] via;
    private final int[] queue;
    private final int[] mark;
    private int epoch;

    /**
     * Swaps the search may weigh in all, so that a pool where chains run out cannot search for
     * long (each failed search looks at up to types² × panels swaps): a count, not a time, so the
     * same input stops at the same place on every machine, and about a second of CPU. The
     * 2,000-person benchmark weighs 843,701 (0.2 s of CPU under load).
     */
    static final long WORK = 100_000_000L;

    /** Chains applied, and swaps weighed, for the trace. */
    int chains;
    long weighed;

    Exchanges(Types types, int[][] panel) {
        this.types = types;
        this.panel = panel;
        int q = types.quotas.size();
        quota = new int[panel.length][q];
        seats = new long[types.count];
        for (int j = 0; j < panel.length; j++) {
            for (int t = 0; t < types.count; t++) {
                seats[t] += panel[j][t];
                for (int f : types.features[t]) {
                    quota[j][f] += panel[j][t];
                }
            }
        }
        min = new int[q];
        max = new int[q];
        for (int i = 0; i < q; i++) {
            min[i] = types.quotas.get(i).min();
            max[i] = types.quotas.get(i).max();
        }
        parent = new int[types.count];
        via = new int[types.count];
        queue = new int[types.count];
        mark = new int[types.count];
    }

    long seats(int t) {
        return seats[t];
    }

    /** The total distance of the types' seats from the windows {@code [lo_t, hi_t]}. */
    long distance(long[] lo, long[] hi) {
        long d = 0;
        for (int t = 0; t < types.count; t++) {
            d += Math.max(0, seats[t] - hi[t]) + Math.max(0, lo[t] - seats[t]);
        }
        return d;
    }

    /**
     * Swaps until every type's seats lie in {@code [lo_t, hi_t]} or no chain helps; returns the
     * distance left (0: all within).
     */
    long repair(long[] lo, long[] hi) {
        this.lo = lo;
        this.hi = hi;
        boolean progress = true;
        while (progress && weighed < WORK) {
            progress = false;
            for (int t = 0; t < types.count && weighed < WORK; t++) {
                while (seats[t] > hi[t] && (direct(t, true) || chain(t, true))) {
                    progress = true;
                }
                while (seats[t] < lo[t] && (direct(t, false) || chain(t, false))) {
                    progress = true;
                }
            }
        }
        return distance(lo, hi);
    }

    /**
     * One swap that moves a seat from over type {@code a} straight to a type under its window (or,
     * {@code give} false, from a type over its window to under type {@code a}): lowers the distance
     * by two.
     */
    private boolean direct(int a, boolean give) {
        for (int j = 0; j < panel.length; j++) {
            int[] c = panel[j];
            if (give ? c[a] == 0 : c[a] >= types.size(a)) {
                continue;
            }
            for (int x = 0; x < types.count; x++) {
                if (x == a || (give ? seats[x] >= lo[x] : seats[x] <= hi[x])) {
                    continue;
                }
                if (give ? allowed(j, a, x) : allowed(j, x, a)) {
                    if (give) {
                        swap(j, a, x);
                    } else {
                        swap(j, x, a);
                    }
                    chains++;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The shortest chain of swaps in distinct panels from {@code a} (over its window) to a type with
     * room below its upper bound, applied; or, {@code give} false, from a type above its lower bound
     * to {@code a} (under its window). False when there is none.
     */
    private boolean chain(int a, boolean give) {
        epoch++;
        int head = 0;
        int tail = 0;
        queue[tail++] = a;
        mark[a] = epoch;
        parent[a] = -1;
        while (head < tail && weighed < WORK) {
            int u = queue[head++];
            for (int j = 0; j < panel.length; j++) {
                int[] c = panel[j];
                // give: u leaves panel j, v enters it; take: v leaves panel j, u enters it
                if ((give ? c[u] == 0 : c[u] >= types.size(u)) || onPath(u, j)) {
                    continue;
                }
                for (int v = 0; v < types.count; v++) {
                    if (mark[v] == epoch || (give ? c[v] >= types.size(v) : c[v] == 0)) {
                        continue;
                    }
                    if (!(give ? allowed(j, u, v) : allowed(j, v, u))) {
                        continue;
                    }
                    mark[v] = epoch;
                    parent[v] = u;
                    via[v] = j;
                    if (give ? seats[v] < hi[v] : seats[v] > lo[v]) {
                        for (int w = v; parent[w] >= 0; w = parent[w]) {
                            if (give) {
                                swap(via[w], parent[w], w);
                            } else {
                                swap(via[w], w, parent[w]);
                            }
                        }
                        chains++;
                        return true;
                    }
                    queue[tail++] = v;
                }
            }
        }
        return false;
    }

    private boolean onPath(int u, int j) {
        for (int w = u; parent[w] >= 0; w = parent[w]) {
            if (via[w] == j) {
                return true;
            }
        }
        return false;
    }

    /** Whether panel {@code j} may swap one of type {@code out} for one of type {@code in}. */
    private boolean allowed(int j, int out, int in) {
        weighed++;
        int[] c = panel[j];
        if (out == in || c[out] == 0 || c[in] >= types.size(in)) {
            return false;
        }
        int[] q = quota[j];
        int[] fo = types.features[out];
        int[] fi = types.features[in];
        // both ascending: a quota in only one of them changes
        int a = 0;
        int b = 0;
        while (a < fo.length || b < fi.length) {
            if (b == fi.length || (a < fo.length && fo[a] < fi[b])) {
                if (q[fo[a]] - 1 < min[fo[a]]) {
                    return false;
                }
                a++;
            } else if (a == fo.length || fi[b] < fo[a]) {
                if (q[fi[b]] + 1 > max[fi[b]]) {
                    return false;
                }
                b++;
            } else {
                a++;
                b++;
            }
        }
        return true;
    }

    private void swap(int j, int out, int in) {
        if (!allowed(j, out, in)) {
            throw new IllegalStateException("a swap in a rounded panel would break it");
        }
        panel[j][out]--;
        panel[j][in]++;
        for (int f : types.features[out]) {
            quota[j][f]--;
        }
        for (int f : types.features[in]) {
            quota[j][f]++;
        }
        seats[out]--;
        seats[in]++;
    }
}
