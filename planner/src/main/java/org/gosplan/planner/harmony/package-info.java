/**
 * Cockshott's harmony planner ({@link Harmony}), the reference heuristic against the exact LP, planned on
 * the LP's model ({@link org.gosplan.planner.lp.LpModel}); its repairs of a plan's shortfalls serve the
 * LP methods' certificates too.
 */
package org.gosplan.planner.harmony;
