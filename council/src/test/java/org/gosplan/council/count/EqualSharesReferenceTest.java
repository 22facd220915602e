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
        List<Integer> out = new ArrayList<>();
        for (double[] p : plainPurchases(ballots, cost, budget, m)) {
            out.add((int) p[0]);
        }
        return out;
    }

    /** The kept run's purchases, each {proposal, the largest payment asked of one voter}. */
    static List<double[]> plainPurchases(List<ApprovalBallot> ballots, double[] cost, double budget, int m) {
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
        List<double[]> outcome = run(voters, cost, votes, e, m);
        while (true) {
            int purchasable = 0;
            for (int c = 0; c < m; c++) {
                purchasable += cost[c] > 0 && votes[c] > 0 ? 1 : 0;
            }
            if (outcome.size() == purchasable) {
                return outcome;
            }
            e += 1;
            List<double[]> next = run(voters, cost, votes, e, m);
            double spent = 0;
            for (double[] p : next) {
                spent += cost[(int) p[0]];
            }
            if (spent > budget) {
                return outcome;
            }
            outcome = next;
        }
    }

    static List<double[]> run(List<int[]> voters, double[] cost, long[] votes, double e, int m) {
        int n = voters.size();
        double[] money = new double[n];
        Arrays.fill(money, e);
        boolean[] bought = new boolean[m];
        List<double[]> out = new ArrayList<>();
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
            out.add(new double[] {best, bestQ});
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

    /**
     * The fast count (add1's runs stopped as soon as their answer is certain, the kept one run
     * again whole; affordability from money kept per proposal) against the plain implementation
     * above, purchase by purchase, and against add1 with every run whole, bit for bit: the same
     * purchases, payments, money left and ties. Integer costs in steps of 5 so that exact ties are
     * common; budgets from a tenth of all costs to more than all of them, so that add1 raises the
     * endowment many times, stops at an overspend, or buys everything.
     */
    @Property(tries = 500)
    void theFastCountIsThePlainRule(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int m,
            @ForAll @IntRange(min = 1, max = 14) int n) {
        java.util.Random r = new java.util.Random(seed);
        double[] cost = new double[m];
        double all = 0;
        for (int c = 0; c < m; c++) {
            cost[c] = r.nextInt(10) == 0 ? 0 : 5 * (1 + r.nextInt(12));
            all += cost[c];
        }
        List<ApprovalBallot> ballots = ApprovalTest.random(seed, m, n);
        double budget = Math.floor(all * (0.1 + 1.2 * r.nextDouble())) + r.nextInt(3);
        Options options = ApprovalTest.options(m);
        Tally fast = EqualShares.count(options, ballots, cost, budget);
        List<double[]> plain = plainPurchases(ballots, cost, budget, m);
        List<String> expected = new ArrayList<>();
        for (double[] p : plain) {
            expected.add("o" + (int) p[0]);
        }
        assertEquals(expected, fast.winners());
        for (int i = 0; i < plain.size(); i++) {
            double rho = (double) fast.rounds().get(i).get("rho");
            assertEquals(plain.get(i)[1], rho, 1e-9 * rho, "purchase " + (i + 1));
        }
        wholeRunsAgree(options, ballots, cost, budget);
        net.jqwik.api.statistics.Statistics.label("outcome").collect(expected.isEmpty() ? "nothing bought"
                : fast.ties().isEmpty() ? "bought, no tie" : "bought, a tie broken");
        net.jqwik.api.statistics.Statistics.label("budget").collect(budget >= all ? "everything fits" : "less than all");
    }

    /** Larger random budgets (up to 60 proposals, 400 ballots): the fast count bit for bit as add1 with every run whole. */
    @Property(tries = 60)
    void theFastCountIsAdd1WithEveryRunWhole(@ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int m,
            @ForAll @IntRange(min = 20, max = 400) int n) {
        java.util.Random r = new java.util.Random(seed);
        double[] cost = new double[m];
        double all = 0;
        for (int c = 0; c < m; c++) {
            cost[c] = r.nextBoolean() ? 10 * (1 + r.nextInt(30)) : 10 + r.nextDouble() * 300;
            all += cost[c];
        }
        List<ApprovalBallot> ballots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = 1 + r.nextInt(Math.min(m, 6));
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
            while (set.size() < k) {
                set.add(Math.min(m - 1, (int) Math.floor(m * r.nextDouble() * r.nextDouble())));
            }
            ballots.add(new ApprovalBallot(set.stream().mapToInt(Integer::intValue).toArray(), 1 + r.nextInt(2)));
        }
        wholeRunsAgree(ApprovalTest.options(m), ballots, cost, Math.floor(all * (0.05 + 0.6 * r.nextDouble())));
    }

    static void wholeRunsAgree(Options options, List<ApprovalBallot> ballots, double[] cost, double budget) {
        Purchases pb = new Purchases(options, ballots, cost, budget);
        if (pb.voters == 0) {
            return;
        }
        FixedBudget.Outcome whole = EqualShares.add1(pb, options, budget, false, 1);
        // several endowments at once, the kept run set aside and finished at the end, whatever the window
        for (int window : new int[] {1, 2, 3, 5}) {
            FixedBudget.Outcome fast = EqualShares.add1(pb, options, budget, true, window);
            assertEquals(whole.purchases(), fast.purchases(), "window " + window);
            assertEquals(whole.ties(), fast.ties(), "window " + window);
            assertEquals(whole.spent(), fast.spent(), "window " + window);
            assertEquals(true, fast.whole());
        }
        // the kept run finished beside the next endowment at every step, not only where that may pay
        for (int window : new int[] {2, 3}) {
            FixedBudget.Outcome beside = EqualShares.add1(pb, options, budget, true, window, true);
            assertEquals(whole.purchases(), beside.purchases(), "window " + window + ", finished beside");
            assertEquals(whole.ties(), beside.ties(), "window " + window + ", finished beside");
            assertEquals(whole.spent(), beside.spent(), "window " + window + ", finished beside");
        }
    }

    /**
     * Tallies are recorded on the log by the hash of their JSON and recounted by verify, so a
     * faster count must give the same numbers to the last bit, not only the same winners. These
     * hashes (of the rounds, every payment and money left printed exactly, and the ties) were
     * taken with the count as it was before add1's runs stopped early (main at 5ebf1a0).
     */
    @org.junit.jupiter.api.Test
    void theRoundsAreThoseOfTheCountBeforeToTheLastBit() throws Exception {
        String[][] pinned = {
            {"20000", "300", "5", "1", "05d53013e5c9369088ce99c7f94be45847e8a7e485ce571405e9d3f493ee9c9f"},
            {"3000", "60", "7", "1", "8e41f5bd14827432cfd26056aba13d739e12a8acead5adf47a3a236648828714"},
            {"5000", "100", "3", "0.3", "cbffd2bc10c22149fe393ff4ff11f4e05251d7285d17f66a0cd78833bb446bbe"},
            {"2000", "40", "9", "2.5", "dc58c53cc0f0c0bea6f4a832d4f2ae18b83b03b59a0b38ad0b462a814b78610a"},
        };
        for (String[] p : pinned) {
            EqualSharesBench.Budget b = EqualSharesBench.budget(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Long.parseLong(p[2]));
            Tally t = EqualShares.count(b.options(), b.ballots(), b.costs(), b.budget() * Double.parseDouble(p[3]));
            byte[] text = (t.rounds().toString() + t.ties()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text));
            assertEquals(p[4], hash, String.join(" ", p));
        }
    }
}
