/**
 * The optimal plan as a linear program: the model every method shares ({@link LpModel}), Curtis-Reid
 * scaling, the methods (policy iteration, GLOP, PDLP, the exact basis finish), the certificate each answer
 * carries, the diagnosis of infeasible and unbounded plans and the least-use stages. {@link LpPlanner} is
 * the engine behind {@link org.gosplan.planner.Planner}; the rest is package-private but for the model and
 * solution types that {@link org.gosplan.planner.harmony.Harmony} plans on.
 */
package org.gosplan.planner.lp;
