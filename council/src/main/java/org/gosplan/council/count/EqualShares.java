package org.gosplan.council.count;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Participatory budgeting by the Method of Equal Shares (Peters and Skowron; equalshares.net)
 * with cost utilities and the {@code add1} completion of councils.md: every voter starts with
 * ⌊budget / n⌋ whole units; the endowment is raised by one unit at a time and the method rerun,
 * for as long as the outcome at the raised endowment costs no more than the budget; the last
 * outcome that fits is kept, and nothing is added after it (no greedy step). When every proposal
 * that has a cost and an approval is bought, raising further cannot change the outcome, and the
 * count stops there.
 *
 * <p>The tally's rounds are the purchases of the kept run, in order, each
 * {@code {"proposal", "cost", "rho", "remaining"}}: rho the largest payment asked of one voter,
 * remaining the sum of all voters' budgets left after it. Counts are approvals. Ties in effective
 * vote count are broken as the authors recommend (lower cost, then more approvals) and then by
 * the lower index, and reported.
 */
public final class EqualShares {
    private EqualShares() {
    }

    public static Tally count(Options options, List<ApprovalBallot> ballots, double[] costs, double budget) {
        return count(options, new Purchases(options, ballots, costs, budget), costs, budget);
    }

    /** The same count of a profile of one voter a ballot (as a count from the log reads the votes). */
    public static Tally count(Options options, ApprovalProfile ballots, double[] costs, double budget) {
        return count(options, new Purchases(options, ballots, costs, budget), costs, budget);
    }

    private static Tally count(Options options, Purchases pb, double[] costs, double budget) {
        List<FixedBudget.Purchase> kept = List.of();
        List<String> ties = List.of();
        if (pb.voters > 0) {
            FixedBudget.Outcome outcome = add1(pb, options, budget);
            kept = outcome.purchases();
            ties = outcome.ties();
        }
        List<String> winners = new ArrayList<>();
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (FixedBudget.Purchase p : kept) {
            String name = options.name(p.proposal());
            winners.add(name);
            Map<String, Object> round = new LinkedHashMap<>();
            round.put("proposal", name);
            round.put("cost", costs[p.proposal()]);
            round.put("rho", p.rho());
            round.put("remaining", p.remaining());
            rounds.add(round);
        }
        return new Tally("equal-shares", pb.voters, winners, List.of(), approvals(options, pb), rounds, ties);
    }

    /**
     * The add1 completion. Each raised endowment's outcome depends on nothing but the endowment,
     * so several are computed at once (one per processor) and read in order: the outcome is the
     * one the one-at-a-time loop keeps, only sooner. Of every run but the kept one add1 needs
     * only to know whether it costs more than the budget, so runs stop as soon as that is
     * certain, and the kept run is carried on from where it stopped to its end. Where every purchasable
     * proposal together fits the budget, a run that fits may buy them all (which ends add1), so
     * there every run is whole. Once the runs buy before they stop, the kept run's finish is run
     * beside the next endowment's run rather than after the last: whichever way that run ends,
     * the outcome is the one the one-at-a-time loop keeps.
     */
    static FixedBudget.Outcome add1(Purchases pb, Options options, double budget) {
        return add1(pb, options, budget, true, Math.max(1, Math.min(16, Runtime.getRuntime().availableProcessors())));
    }

    /**
     * add1 computing {@code window} endowments at once; with {@code stopEarly} false the plain
     * way, every run whole (for tests).
     */
    static FixedBudget.Outcome add1(Purchases pb, Options options, double budget, boolean stopEarly, int window) {
        return add1(pb, options, budget, stopEarly, window, false);
    }

    /** As above; with {@code besideAlways}, the kept run is finished beside the next endowment whenever it stopped having bought (for tests). */
    static FixedBudget.Outcome add1(Purchases pb, Options options, double budget, boolean stopEarly, int window,
                                    boolean besideAlways) {
        int purchasable = 0;
        double all = 0;
        for (int c = 0; c < pb.m; c++) {
            if (pb.purchasable(c)) {
                purchasable++;
                all += pb.cost[c];
            }
        }
        // a run that fits cannot buy everything where everything costs more than the budget
        double stop = stopEarly && all > budget * (1 + 1e-9) ? budget : Double.NaN;
        double endowment = Math.floor(budget / pb.voters);
        // one run more than the window: the kept run stays as it stopped, to be finished at the end
        FixedBudget[] pool = new FixedBudget[window + 1];
        FixedBudget keptRun = pool[0] = new FixedBudget(pb);
        // the first outcome fits: every voter pays at most ⌊budget / n⌋ in all
        FixedBudget.Outcome outcome = keptRun.run(endowment, options, stop);
        while (!(outcome.whole() && outcome.purchases().size() == purchasable)) {
            int bought = outcome.purchases().size();
            if (window > 1 && !outcome.whole() && bought > 0 && (besideAlways
                    || outcome.spent() >= budget / 2 && outcome.affordable() >= 4 * bought)) {
                // The kept run stopped having spent half the budget, and its finish may take many
                // more rounds than its stop did (up to the proposals still affordable there), so the
                // last endowment that fits may be near and its finish long: the next endowment is
                // run beside the kept run's finish, which is the outcome if that endowment
                // overspends and is given up as soon as it fits. One endowment a step where the
                // window below takes several, but then the finish costs no step of its own. (Where
                // the stops take most of the rounds, as late in a long add1, the finish would be
                // no shorter than the next run and done in vain at each step: not there.)
                FixedBudget next = null;
                for (int p = 0; p < pool.length && next == null; p++) {
                    if (pool[p] != keptRun) {
                        next = pool[p] == null ? pool[p] = new FixedBudget(pb) : pool[p];
                    }
                }
                FixedBudget raising = next;
                FixedBudget finishing = keptRun;
                double at = endowment + 1;
                java.util.concurrent.atomic.AtomicBoolean fits = new java.util.concurrent.atomic.AtomicBoolean();
                FixedBudget.Outcome[] both = new FixedBudget.Outcome[2];
                java.util.stream.IntStream.range(0, 2).parallel().forEach(i -> {
                    if (i == 0) {
                        both[0] = raising.run(at, options, stop);
                        fits.set(!(both[0].spent() > budget));
                    } else {
                        both[1] = finishing.finish(options, () -> !fits.get());
                    }
                });
                if (both[0].spent() > budget) {
                    return both[1]; // never given up: the raised endowment did not fit
                }
                outcome = both[0];
                keptRun = raising;
                endowment = at;
                continue;
            }
            double from = endowment;
            FixedBudget[] use = new FixedBudget[window];
            int u = 0;
            for (int p = 0; p < pool.length && u < window; p++) {
                if (pool[p] != keptRun) {
                    if (pool[p] == null) {
                        pool[p] = new FixedBudget(pb);
                    }
                    use[u++] = pool[p];
                }
            }
            FixedBudget.Outcome[] raised = new FixedBudget.Outcome[window];
            java.util.stream.IntStream.range(0, window).parallel().forEach(i -> raised[i] = use[i].run(from + 1 + i, options, stop));
            boolean over = false;
            for (int i = 0; i < window && !over; i++) {
                if (raised[i].spent() > budget) {
                    over = true;
                } else {
                    outcome = raised[i];
                    keptRun = use[i];
                    endowment += 1;
                    if (outcome.whole() && outcome.purchases().size() == purchasable) {
                        break;
                    }
                }
            }
            if (over) {
                break;
            }
        }
        return outcome.whole() ? outcome : keptRun.finish(options);
    }

    static Map<String, Number> approvals(Options options, Purchases pb) {
        Map<String, Number> counts = new LinkedHashMap<>();
        for (int c = 0; c < pb.m; c++) {
            counts.put(options.name(c), pb.votes[c]);
        }
        return counts;
    }
}
