package org.gosplan.council.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The count against a second, plain implementation of the same rule, written the way the
 * authors' code on equalshares.net is: one budget per voter (no grouping), every candidate
 * recomputed every round (no lazy re-evaluation), the water level by walking the approvers'
 * sorted budgets, and the add1 loop one endowment at a time. Integer costs, so that exact ties
 * are common and the tie-breaking is exercised.
 */
class EqualSharesReferenceTest {

    static List<Integer> plain(List<ApprovalBallot> ballots, double[] cost, double budget, int m) {
        List<int[]> voters = new ArrayList<>();
        for (ApprovalBallot b : ballots) {
            for (long k = 0; k < b.count(); k++) {
                voters.add(b.approved());
            }
        }
        int n = voters.size();
        if (n == 0) {
            return List.of();
        }
        long[] votes = new long[m];
        for (int[] v : voters) {
            for (int c : v) {
                votes[c]++;
            }
        }
        double e = Math.floor(budget / n);
        List<Integer> outcome = run(voters, cost, votes, e, m);
        while (true) {
            int purchasable = 0;
            for (int c = 0; c < m; c++) {
                purchasable += cost[c] > 0 && votes[c] > 0 ? 1 : 0;
            }
            if (outcome.size() == purchasable) {
                return outcome;
            }
            e += 1;
            List<Integer> next = run(voters, cost, votes, e, m);
            double spent = 0;
            for (int c : next) {
                spent += cost[c];
            }
            if (spent > budget) {
                return outcome;
            }
            outcome = next;
        }
    }

    static List<Integer> run(List<int[]> voters, double[] cost, long[] votes, double e, int m) {
        int n = voters.size();
        double[] money = new double[n];
        Arrays.fill(money, e);
        boolean[] bought = new boolean[m];
        List<Integer> out = new ArrayList<>();
        while (true) {
            int best = -1;
            double bestEff = 0;
            double bestQ = 0;
            for (int c = 0; c < m; c++) {
                if (bought[c] || !(cost[c] > 0) || votes[c] == 0) {
                    continue;
                }
                List<Double> budgets = new ArrayList<>();
                double have = 0;
                for (int i = 0; i < n; i++) {
                    for (int x : voters.get(i)) {
                        if (x == c) {
                            budgets.add(money[i]);
                            have += money[i];
                        }
                    }
                }
                if (have < cost[c] * (1 - 1e-9)) {
                    continue;
                }
                budgets.sort(null);
                double paid = 0;
                int payers = budgets.size();
                double q = budgets.get(budgets.size() - 1);
                for (double b : budgets) {
                    double level = (cost[c] - paid) / payers;
                    if (level <= b * (1 + 1e-9)) {
                        q = level;
                        break;
                    }
                    paid += b;
                    payers--;
                }
                double eff = cost[c] / q;
                boolean better = best < 0 || eff > bestEff * (1 + 1e-9)
                        || eff >= bestEff * (1 - 1e-9) && (cost[c] < cost[best]
                                || cost[c] == cost[best] && votes[c] > votes[best]);
                if (better) {
                    best = c;
                    bestEff = Math.max(bestEff, eff);
                    bestQ = q;
                }
            }
            if (best < 0) {
                return out;
            }
            bought[best] = true;
            out.add(best);
            for (int i = 0; i < n; i++) {
                for (int x : voters.get(i)) {
                    if (x == best) {
                        money[i] -= Math.min(money[i], bestQ);
                    }
                }
            }
        }
    }

    @Property(tries = 300)
    void agreesWithThePlainImplementation(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int m,
            @ForAll @IntRange(min = 1, max = 12) int n) {
        java.util.Random r = new java.util.Random(seed);
        double[] cost = new double[m];
        for (int c = 0; c < m; c++) {
            cost[c] = 5 * (1 + r.nextInt(8));
        }
        List<ApprovalBallot> ballots = ApprovalTest.random(seed, m, n);
        double budget = 10 + r.nextInt(60);
        List<String> expected = new ArrayList<>();
        for (int c : plain(ballots, cost, budget, m)) {
            expected.add("o" + c);
        }
        Tally t = EqualShares.count(ApprovalTest.options(m), ballots, cost, budget);
        assertEquals(expected, t.winners());
        net.jqwik.api.statistics.Statistics.label("outcome").collect(expected.isEmpty() ? "nothing bought"
                : t.ties().isEmpty() ? "bought, no tie" : "bought, a tie broken");
    }
}
