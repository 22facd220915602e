/**
 * Plans across years, republics and borders (formats.md section 5): one block-staircase LP of
 * technique levels per year and republic, capital stocks that grow by investment after a lag
 * and wear out, transport between republics with losses, and foreign trade at world prices
 * under a balance of trade; solved leximin over the λ of every year and republic, each republic
 * also planned alone. Entry point: {@link org.gosplan.planner.extended.ExtendedPlanner}.
 */
package org.gosplan.planner.extended;
