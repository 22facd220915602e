package org.gosplan.inspection.lottery;

import java.util.ArrayList;
import java.util.List;

/**
 * Selection by lottery, as Flanigan et al. (Nature, 2021) and Flanigan, Kehne and Procaccia (2021):
 * the leximin selection probabilities over all panels of {@code k} that meet the quotas, then
 * that distribution rounded to {@link #M} equally likely panels so that the draw is one uniform
 * number anyone can check. Deterministic: the same pool, size and quotas give the same
 * probabilities and panels, bit for bit.
 */
public final class Lottery {
    /** Equally likely panels of every lottery. */
    public static final int M = 1000;

    /**
     * Pricing problems the leximin stages after the maximin may solve: enough for small pools to
     * reach the leximin, and a bound on the time of large ones (2,000 people in 5 quota categories
     * take about 0.15 s of CPU per pricing round in the second stage). Where the leximin stops, the
     * distribution is still maximin, the types still open at least as likely as the panels found
     * so far allow them all to be. Part of the method: a verifier must use
     * the same figure to get the same probabilities.
     */
    public static final int LEXIMIN_BUDGET = 250;

    private Lottery() {}

    /**
     * The lottery for panels of {@code k} from {@code pool} that meet {@code quotas}.
     *
     * @throws InfeasibleQuotasException when no panel meets them, naming the quotas that conflict
     * @throws LotteryException when {@code k} is not between 1 and the pool's size, or a quota names
     *     an attribute nobody has
     */
    public static Selection select(Pool pool, int k, List<Quota> quotas) {
        if (k < 1) {
            throw new LotteryException("--panel", "the panel size is " + k + "; give 1 or more");
        }
        if (k > pool.size()) {
            throw new LotteryException("--panel", "a panel of " + k + " cannot be drawn from a pool of " + pool.size()
                    + "; give at most " + pool.size());
        }
        Types types = new Types(pool, k, quotas);
        List<Feasibility.Bound> conflict = Feasibility.conflict(types);
        if (!conflict.isEmpty()) {
            throw infeasible(types, conflict);
        }
        Leximin.Result d = Leximin.solve(types, LEXIMIN_BUDGET);
        int[][] panels = Rounding.round(types, d, M);
        double[] probability = new double[pool.size()];
        for (int t = 0; t < types.count; t++) {
            for (int i : types.members[t]) {
                probability[i] = d.probability()[t];
            }
        }
        double deviation = check(types, panels, probability);
        List<String> ids = new ArrayList<>();
        for (Pool.Member m : pool.members()) {
            ids.add(m.id());
        }
        return new Selection(ids, probability, panels, d.stages(), d.panels().size(), types.count, d.complete(),
                deviation);
    }

    /**
     * The lottery's promises, checked before anyone relies on them (a failure here is a defect, not
     * bad input): every panel {@code k} distinct people who meet the quotas. Returns the largest
     * difference between a member's share of the panels and its probability.
     */
    private static double check(Types types, int[][] panels, double[] probability) {
        int[] seats = new int[probability.length];
        int[] typeOf = new int[probability.length];
        for (int t = 0; t < types.count; t++) {
            for (int i : types.members[t]) {
                typeOf[i] = t;
            }
        }
        for (int[] panel : panels) {
            int[] c = new int[types.count];
            for (int s = 0; s < panel.length; s++) {
                if (s > 0 && panel[s] <= panel[s - 1]) {
                    throw new IllegalStateException("a rounded panel holds someone twice");
                }
                seats[panel[s]]++;
                c[typeOf[panel[s]]]++;
            }
            if (!types.feasible(c)) {
                throw new IllegalStateException("a rounded panel breaks the quotas");
            }
        }
        double worst = 0;
        for (int i = 0; i < seats.length; i++) {
            worst = Math.max(worst, Math.abs(seats[i] - (double) panels.length * probability[i]));
        }
        return worst / panels.length;
    }

    private static InfeasibleQuotasException infeasible(Types types, List<Feasibility.Bound> conflict) {
        List<String> lines = new ArrayList<>();
        StringBuilder m = new StringBuilder("no panel of " + types.k + " meets the quotas: ");
        for (int i = 0; i < conflict.size(); i++) {
            Feasibility.Bound b = conflict.get(i);
            Quota q = types.quotas.get(b.quota());
            String s = q.feature() + (b.atLeast() ? " at least " + q.min() : " at most " + q.max())
                    + " (the pool has " + types.available(b.quota()) + ")";
            lines.add((q.where().isEmpty() ? "" : q.where() + ": ") + s);
            m.append(i == 0 ? "" : i == conflict.size() - 1 ? " and " : ", ").append(s);
            if (!q.where().isEmpty()) {
                m.append(" [").append(q.where()).append(']');
            }
        }
        m.append(conflict.size() == 1 ? " cannot hold" : " cannot hold together").append(" in a panel of ")
                .append(types.k).append(" from a pool of ").append(poolSize(types))
                .append("; loosen ").append(conflict.size() == 1 ? "it" : "one of them")
                .append(" or change the panel size");
        Quota first = types.quotas.get(conflict.get(0).quota());
        String file = first.where().contains(":") ? first.where().substring(0, first.where().lastIndexOf(':')) : "";
        return new InfeasibleQuotasException(file, m.toString(), lines);
    }

    private static int poolSize(Types types) {
        int n = 0;
        for (int[] m : types.members) {
            n += m.length;
        }
        return n;
    }
}
