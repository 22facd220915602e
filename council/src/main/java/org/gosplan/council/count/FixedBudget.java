package org.gosplan.council.count;

import java.util.ArrayList;
import java.util.List;

/**
 * The Method of Equal Shares at one endowment per voter, cost utilities, as the method's authors
 * compute it (equalshares.net, "Computation"; Peters and Skowron): each round buys the proposal
 * whose approvers can pay its cost with the smallest largest payment q (the highest effective
 * vote count cost / q), every approver paying q or all they have left. Floating point, with
 * comparisons that treat numbers within a relative {@link #TOL} as equal, so that ties a rational
 * count would find are found (and broken as the authors recommend: lower cost, then more
 * approvals, then, here, the lower index) rather than decided by rounding.
 */
final class FixedBudget {
    static final double TOL = 1e-9;

    /** One purchase: the proposal, the largest payment, the voters' money left after it. */
    record Purchase(int proposal, double rho, double remaining) {
    }

    /**
     * A run's purchases, what they cost and the ties broken. {@code whole} is false where the run
     * was stopped as soon as its answer to add1's one question was certain (see {@link #run}):
     * then {@code spent} is what the purchases so far cost, and it says which answer, and
     * {@code affordable} how many proposals were still affordable there (at most that many more
     * purchases finish the run).
     */
    record Outcome(List<Purchase> purchases, double spent, List<String> ties, boolean whole, int affordable) {
        Outcome(List<Purchase> purchases, double spent, List<String> ties, boolean whole) {
            this(purchases, spent, ties, whole, 0);
        }
    }

    private final Purchases pb;
    /** Per group: the budget left to each of its voters at 2g, its voters at 2g + 1, side by side
     *  because every scan reads both. */
    private final double[] purse;
    private final double[] scratchBudget;
    private final double[] scratchWeight;
    /** Per proposal, the money its approvers hold, kept up to date as they pay (see {@link #run}). */
    private final double[] have;

    FixedBudget(Purchases pb) {
        this.pb = pb;
        this.purse = new double[2 * pb.groups()];
        for (int g = 0; g < pb.groups(); g++) {
            purse[2 * g + 1] = pb.weight[g];
        }
        int widest = 0;
        for (int c = 0; c < pb.m; c++) {
            widest = Math.max(widest, pb.start[c + 1] - pb.start[c]);
        }
        scratchBudget = new double[widest];
        scratchWeight = new double[widest];
        have = new double[pb.m];
    }

    /** The whole run at this endowment. */
    Outcome run(double endowment, Options names) {
        return run(endowment, names, Double.NaN);
    }

    /**
     * The run at this endowment; given a budget (not NaN), stopped as soon as it is certain
     * whether the whole run's purchases would cost more than that budget, which is all that add1
     * asks of every run but the one it keeps. It costs more as soon as the purchases so far do
     * (costs are never negative). It costs no more where the purchases so far and every proposal
     * still affordable, together, cost no more: a proposal is bought only while its approvers
     * hold its cost, and their money only falls. That money is kept per proposal as voters pay
     * (which also spares the scan of a proposal that has become unaffordable); it is a running
     * sum, so it is trusted only beyond a margin (a millionth of the endowment of its
     * approvers) far wider than its rounding, and the rest is decided exactly as before.
     */
    Outcome run(double endowment, Options names, double budget) {
        start(endowment);
        return advance(names, budget, null);
    }

    /** The run stopped last (by {@link #run} with a budget), carried on to its end as if it had never stopped. */
    Outcome finish(Options names) {
        return advance(names, Double.NaN, null);
    }

    /**
     * As {@link #finish(Options)}, given up (null) as soon as {@code wanted} is false, checked
     * every round: add1 finishes a run beside the next endowment's and no longer wants it once
     * that one fits. A run given up is left part-way and is not to be carried on.
     */
    Outcome finish(Options names, java.util.function.BooleanSupplier wanted) {
        return advance(names, Double.NaN, wanted);
    }

    // the run in progress, kept between a stop and finish
    private double endowment;
    private double total;
    private double spent;
    private double[] previous;
    private int[] live;
    private int liveCount;
    private double[] eff;
    private double[] payment;
    private List<Purchase> purchases;
    private List<String> ties;

    private void start(double endowment) {
        this.endowment = endowment;
        for (int g = 0; g < pb.groups(); g++) {
            purse[2 * g] = endowment;
        }
        for (int c = 0; c < pb.m; c++) {
            have[c] = endowment * pb.votes[c];
        }
        total = endowment * pb.voters;
        int m = pb.m;
        previous = new double[m];
        live = new int[m];
        liveCount = 0;
        for (int c = 0; c < m; c++) {
            if (pb.purchasable(c)) {
                previous[c] = pb.votes[c];
                live[liveCount++] = c;
            }
        }
        purchases = new ArrayList<>();
        ties = new ArrayList<>();
        spent = 0;
        eff = new double[m];
        payment = new double[m];
    }

    private Outcome advance(Options names, double budget, java.util.function.BooleanSupplier wanted) {
        boolean early = !Double.isNaN(budget);
        int m = pb.m;
        while (liveCount > 0) {
            if (wanted != null && !wanted.getAsBoolean()) {
                return null;
            }
            if (early && (spent > budget || fits(live, liveCount, spent, endowment, budget))) {
                int affordable = 0;
                for (int i = 0; i < liveCount; i++) {
                    affordable += unaffordable(live[i], endowment) ? 0 : 1;
                }
                return new Outcome(List.copyOf(purchases), spent, List.copyOf(ties), false, affordable);
            }
            sortByPrevious(live, liveCount, previous);
            double best = 0;
            int evaluated = 0;
            int[] seen = new int[liveCount];
            int kept = 0;
            for (int i = 0; i < liveCount; i++) {
                int c = live[i];
                if (previous[c] < best * (1 - TOL)) {
                    // effective vote counts only fall: c cannot reach the best any more
                    for (int j = i; j < liveCount; j++) {
                        live[kept++] = live[j];
                    }
                    break;
                }
                double q = unaffordable(c, endowment) ? Double.NaN : maxPayment(c);
                if (Double.isNaN(q)) {
                    continue; // unaffordable now, so for good: dropped from live
                }
                live[kept++] = c;
                eff[c] = pb.cost[c] / q;
                payment[c] = q;
                previous[c] = eff[c];
                seen[evaluated++] = c;
                best = Math.max(best, eff[c]);
            }
            liveCount = kept;
            if (evaluated == 0) {
                break;
            }
            int winner = -1;
            List<Integer> tied = new ArrayList<>();
            for (int i = 0; i < evaluated; i++) {
                int c = seen[i];
                if (eff[c] >= best * (1 - TOL)) {
                    tied.add(c);
                    if (winner < 0 || before(c, winner)) {
                        winner = c;
                    }
                }
            }
            if (tied.size() > 1) {
                ties.add(tie(tied, winner, names, purchases.size() + 1));
            }
            double q = payment[winner];
            double paid = 0;
            for (int k = pb.start[winner]; k < pb.start[winner + 1]; k++) {
                int g = pb.approvers[k];
                double pay = Math.min(purse[2 * g], q);
                purse[2 * g] -= pay;
                paid += pay * purse[2 * g + 1];
                if (pay < q) {
                    // paid less than q: the proposals it approves lose less than q·together
                    double unpaid = (q - pay) * purse[2 * g + 1];
                    for (int j = pb.first[g]; j < pb.first[g + 1]; j++) {
                        have[pb.approved[j]] += unpaid;
                    }
                }
            }
            double[] together = pb.together(winner);
            for (int c = 0; c < m; c++) {
                have[c] -= q * together[c];
            }
            total -= paid;
            spent += pb.cost[winner];
            purchases.add(new Purchase(winner, q, Math.max(total, 0)));
            for (int i = 0; i < liveCount; i++) {
                if (live[i] == winner) {
                    live[i] = live[--liveCount];
                    break;
                }
            }
        }
        return new Outcome(purchases, spent, ties, true);
    }

    /** A margin far beyond the rounding of {@link #have}: a millionth of c's approvers' endowment. */
    private double margin(int c, double endowment) {
        return 1e-6 * endowment * pb.votes[c];
    }

    /** Whether c's approvers certainly hold less than its cost (the scan would find so too). */
    private boolean unaffordable(int c, double endowment) {
        return have[c] < pb.cost[c] * (1 - TOL) - margin(c, endowment);
    }

    /**
     * Whether the purchases so far and every live proposal that may still be affordable cost,
     * together, no more than the budget, beyond the rounding of the sums.
     */
    private boolean fits(int[] live, int liveCount, double spent, double endowment, double budget) {
        double most = spent;
        for (int i = 0; i < liveCount; i++) {
            int c = live[i];
            if (!unaffordable(c, endowment)) {
                most += pb.cost[c];
            }
        }
        return most * (1 + 1e-9) <= budget;
    }

    /** The authors' order among proposals of equal effective vote count: lower cost, more approvals, lower index. */
    private boolean before(int a, int b) {
        if (pb.cost[a] != pb.cost[b]) {
            return pb.cost[a] < pb.cost[b];
        }
        if (pb.votes[a] != pb.votes[b]) {
            return pb.votes[a] > pb.votes[b];
        }
        return a < b;
    }

    private String tie(List<Integer> tied, int winner, Options names, int round) {
        List<String> others = new ArrayList<>();
        String why = "the lower cost";
        for (int c : tied) {
            if (c == winner) {
                continue;
            }
            others.add(names.name(c));
            if (pb.cost[c] == pb.cost[winner] && pb.votes[c] == pb.votes[winner]) {
                why = "the lower index";
            } else if (pb.cost[c] == pb.cost[winner] && !why.equals("the lower index")) {
                why = "more approvals";
            }
        }
        return "purchase " + round + ": " + names.name(winner) + " tied with " + String.join(", ", others)
                + " at the same effective vote count; " + names.name(winner) + " bought for " + why;
    }

    /**
     * The largest payment q that lets c's approvers pay its cost, each paying q or all they have
     * (the water level of their budgets); NaN when together they cannot pay it.
     */
    private double maxPayment(int c) {
        int from = pb.start[c];
        int to = pb.start[c + 1];
        double cost = pb.cost[c];
        double voters = pb.votes[c];
        double equal = cost / voters;
        // Budgets at or above twice the equal share are set aside in one sum: the water level is
        // rarely that high, so usually only the few lower budgets need to be looked at again.
        double high = 2 * equal;
        double have = 0;
        double poorest = Double.POSITIVE_INFINITY;
        double highVoters = 0;
        int k = 0;
        for (int i = from; i < to; i++) {
            int g = pb.approvers[i];
            double b = purse[2 * g];
            double w = purse[2 * g + 1];
            have += b * w;
            poorest = Math.min(poorest, b);
            if (b < high) {
                scratchBudget[k] = b;
                scratchWeight[k] = w;
                k++;
            } else {
                highVoters += w;
            }
        }
        if (have < cost * (1 - TOL)) {
            return Double.NaN;
        }
        if (equal <= poorest * (1 + TOL)) {
            return equal; // everyone pays an equal share: no water level to find
        }
        // the approvers who cannot pay q pay all they have and the rest share what is left: the
        // water level of their budgets, found by partitioning around pivots (expected linear
        // time) rather than by the authors' walk up the sorted budgets, which it equals
        double q = waterLevel(scratchBudget, scratchWeight, k, cost, highVoters);
        if (q <= high) {
            return q;
        }
        k = 0;
        for (int i = from; i < to; i++) {
            int g = pb.approvers[i];
            scratchBudget[k] = purse[2 * g];
            scratchWeight[k] = purse[2 * g + 1];
            k++;
        }
        return waterLevel(scratchBudget, scratchWeight, k, cost, 0);
    }

    /**
     * The level q at which budgets b (each held by w voters) and {@code above} more voters, whose
     * budgets exceed the level, pay {@code cost}, each paying min(b, q): Σ w·min(b, q) + above·q
     * = cost. Reorders the arrays.
     */
    static double waterLevel(double[] b, double[] w, int n, double cost, double above) {
        int lo = 0;
        int hi = n;
        double paid = 0; // by budgets known to lie below the level: all they have
        double payers = above; // voters known to be at or above the level: q each
        double richest = 0;
        for (int i = 0; i < n; i++) {
            richest = Math.max(richest, b[i]);
        }
        while (lo < hi) {
            double p = b[lo + (hi - lo) / 2];
            // three-way partition of [lo, hi): below p, equal to p, above p
            int lt = lo;
            int i = lo;
            int gt = hi;
            while (i < gt) {
                if (b[i] < p) {
                    swap(b, w, lt++, i++);
                } else if (b[i] > p) {
                    swap(b, w, i, --gt);
                } else {
                    i++;
                }
            }
            double belowPaid = 0;
            for (int j = lo; j < lt; j++) {
                belowPaid += b[j] * w[j];
            }
            double atOrAbove = 0;
            for (int j = lt; j < hi; j++) {
                atOrAbove += w[j];
            }
            if (paid + belowPaid + p * (payers + atOrAbove) >= cost) {
                payers += atOrAbove; // the level is at most p: all from p up pay the level
                hi = lt;
            } else {
                double equalPaid = 0;
                for (int j = lt; j < gt; j++) {
                    equalPaid += b[j] * w[j];
                }
                paid += belowPaid + equalPaid; // the level is above p: up to p, all pay everything
                lo = gt;
            }
        }
        if (payers == 0) {
            return richest; // all pay everything: affordable only within the tolerance
        }
        return (cost - paid) / payers;
    }

    private static void swap(double[] b, double[] w, int i, int j) {
        double t = b[i];
        b[i] = b[j];
        b[j] = t;
        t = w[i];
        w[i] = w[j];
        w[j] = t;
    }

    private static void sortByPrevious(int[] live, int n, double[] previous) {
        // insertion sort: the order changes little from one round to the next
        for (int i = 1; i < n; i++) {
            int c = live[i];
            double v = previous[c];
            int j = i - 1;
            while (j >= 0 && (previous[live[j]] < v || previous[live[j]] == v && live[j] > c)) {
                live[j + 1] = live[j];
                j--;
            }
            live[j + 1] = c;
        }
    }
}
