package org.gosplan.council.proposal;

import org.gosplan.economy.Economy;
import org.gosplan.planner.leontief.LeontiefSolution;

/**
 * What a proposal needs (councils.md, {@code gosplan cost}): the gross output of every product,
 * the total (direct and indirect) use of every resource, and the proposal's value at the plan's
 * valuations.
 *
 * @param proposal   the proposal's log index
 * @param title      its title
 * @param economy    the latest recorded economy, with the proposal's targets as its targets
 * @param plan       the log index of the plan whose techniques were run, or -1 when none was
 *                   (then each product's cheapest technique in {@code labour})
 * @param labour     the resource counted as labour (the one named {@code labour}, else the first;
 *                   -1 when there are no resources), which chooses techniques when there is no plan
 * @param technique  the technique run for each product, by product index
 * @param output     gross output by product index
 * @param resources  total use by resource index
 * @param valuation  the targets valued at the plan's valuations, NaN with no plan
 * @param solve      the Leontief solve that gave {@code output}
 * @param solves     Leontief solves in all (1 with a plan; policy steps add to it without one)
 * @param seconds    where the time went
 * @param notes      what the figures leave out (products made only alongside others beyond what is made)
 */
public record ProposalCost(long proposal, String title, Economy economy, long plan, int labour, int[] technique,
                           double[] output, double[] resources, double valuation, LeontiefSolution solve, int solves, ProposalCost.Seconds seconds,
                           java.util.List<String> notes) {
    /**
     * Where the time went.
     *
     * @param economy reading the stored economy and the proposal's targets
     * @param plan    reading the latest plan's levels and valuations
     * @param solve   the last Leontief solve (its productiveness check included)
     */
    public record Seconds(double economy, double plan, double solve) {}

    /** Use of resource {@code r} over what is available; NaN when it is unlimited. */
    public double share(int r) {
        return economy.isLimited(r) ? resources[r] / economy.available(r) : Double.NaN;
    }
}
