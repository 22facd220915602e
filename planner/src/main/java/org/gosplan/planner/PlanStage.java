package org.gosplan.planner;

import java.util.List;

/**
 * One least-use stage of a plan ({@code LeastUse}): with the objective held at its optimum (and the
 * stages before held at theirs), the least use of a group of resources.
 *
 * @param minimises   {@code limited}: the sum over the limited resources of use divided by availability;
 *                    {@code unlimited}: the sum over the unlimited ones of use divided by the use of the plan
 *                    before this stage, so that neither sum depends on the units of the resources
 * @param resources   the ids of the resources in the sum, in index order
 * @param value       the least sum found
 * @param solver      how the stage was computed (its seconds are in the plan's too)
 * @param certificate what the stage's figures prove about its least sum, as for the objective: the dual bound
 *                    of its valuations, and its infeasibilities against the stage's own constraints
 */
public record PlanStage(String minimises, List<String> resources, double value, PlanSolverInfo solver,
                        Certificate certificate) {
    public PlanStage {
        resources = List.copyOf(resources);
    }
}
