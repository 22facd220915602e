package org.gosplan.planner.extended;

import org.gosplan.economy.Economy;
import org.gosplan.economy.Parts;

/**
 * An economy whose optional parts describe nothing a one-year plan of one closed economy lacks:
 * at most one year, at most one republic, no foreign trade, no transport, and no technique that
 * needs a capital stock. Its plan is then the one-year planner's, exactly, and with every method of
 * that planner (policy iteration, the exact finish, PDLP with its certificate repair, harmony), so
 * {@code gosplan plan} gives it to that planner rather than to the staircase LP.
 *
 * <p>Why the parts change nothing there: with one year nothing is invested (what is made for stock
 * would serve a year not planned) and stocks bound nothing without a technique that needs them; with
 * one republic every balance is the economy's; without trade terms there is no balance of trade. A
 * resource's availability given for year 1 is its availability. Where a technique needs capital the
 * stock is a limit the one-year economy has no place for (it would be a resource the file does not
 * name), so such an economy stays with the staircase; so do several years, republics, trade or
 * transport, where the one-year methods do not apply as they stand.
 */
public final class OneYearEconomy {
    private OneYearEconomy() {}

    /** The same economy without its parts when they change nothing (above), else null. */
    public static Economy of(Economy e) {
        if (!e.hasParts()) {
            return e;
        }
        Parts parts = e.parts();
        if (parts.years() > 1 || parts.regions().size() > 1 || !parts.trade().isEmpty()
                || !parts.transport().isEmpty() || parts.capitalInputs() != null) {
            return null;
        }
        double[] available = new double[e.resources()];
        for (int r = 0; r < available.length; r++) {
            available[r] = e.available(r);
        }
        for (Parts.Availability a : parts.availability()) {
            if (a.year() == 1) {
                available[a.resource()] = a.available();
            }
        }
        return e.withParts(Parts.NONE).withAvailable(available);
    }
}
