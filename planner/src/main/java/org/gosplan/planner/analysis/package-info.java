/**
 * The standard analyses of an input-output table, in Miller and Blair's terms (Input-Output
 * Analysis, 2nd ed., 2009): Type II multipliers with households closed into the table
 * ({@link HouseholdsClosed}), the Ghosh supply-side model ({@link Ghosh}), backward and forward
 * linkages ({@link Linkages}), the Leontief price model ({@link PriceModel}), aggregation of
 * sectors ({@link Aggregation}) and the comparison of two final demands ({@link DemandComparison}).
 *
 * <p>Every inverse is applied by a solve of the public {@link org.gosplan.planner.leontief.Leontief} API
 * ({@code (I - A) x = y} or its transpose), never formed: the analyses run on tables of any size
 * the solvers handle, and a small table gets the dense LU the solvers choose for it.
 */
package org.gosplan.planner.analysis;
