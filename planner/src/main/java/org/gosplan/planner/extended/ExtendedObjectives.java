package org.gosplan.planner.extended;

import java.io.IOException;
import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.economy.Ids;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlannerException;

/**
 * The objectives and stages of {@code gosplan plan} for an economy with republics, trade or years:
 * fulfil (leximin over years and republics, {@link ExtendedPlanner}) or min-resource (every target
 * met, the least use of one resource over every year, {@link MinResource}), each followed by the
 * least-use stages unless {@code leastUse} is off ({@link LeastUseStages}); and the LP written in
 * MPS format ({@link ExtendedMps}). {@code goal} gives the objective, the resource and leastUse; how
 * to solve is {@code o}.
 */
public final class ExtendedObjectives {
    private ExtendedObjectives() {}

    /** The union's plan (fulfil: every republic also planned alone; min-resource: the union only). */
    public static ExtendedPlan plan(Economy e, ExtendedPlanner.Options o, PlanOptions goal) {
        if (goal.objective() == PlanObjective.FULFIL) {
            return ExtendedPlanner.plan(e, o, goal.leastUse(), goal.atLeastAlone());
        }
        return minResource(e, -1, o, goal);
    }

    /** One republic planned alone, as if it left the union. */
    public static ExtendedPlan planAlone(Economy e, int region, ExtendedPlanner.Options o, PlanOptions goal) {
        if (goal.objective() == PlanObjective.FULFIL) {
            return ExtendedPlanner.planAlone(e, region, o, goal.leastUse());
        }
        if (region < 0 || region >= e.parts().regions().size()) {
            throw new IllegalArgumentException("no republic number " + region);
        }
        return minResource(e, region, o, goal);
    }

    private static ExtendedPlan minResource(Economy e, int region, ExtendedPlanner.Options o, PlanOptions goal) {
        long t0 = System.nanoTime();
        int r = resource(e, goal);
        SpaceModel m = new SpaceModel(e, region);
        ResourceUse use = new ResourceUse(m);
        ExtendedPlanner.Leximin x = MinResource.solve(m, r, use, o);
        if (goal.leastUse()) {
            LeastUseStages.run(x, o, use, MinResource.costVars(use, r));
        }
        double[] alone = new double[e.parts().regions().size()];
        java.util.Arrays.fill(alone, Double.NaN);
        return new ExtendedPlan(x, alone, (System.nanoTime() - t0) / 1e9);
    }

    /** Writes the LP of {@code goal}'s objective (fulfil: its first leximin round) in free MPS format to {@code file}. */
    public static void exportMps(Economy e, PlanOptions goal, Path file) throws IOException {
        SpaceModel m = new SpaceModel(e, -1);
        if (goal.objective() == PlanObjective.FULFIL) {
            ExtendedMps.write(m, "fulfil", file);
            return;
        }
        int r = resource(e, goal);
        MinResource.setUp(m, r, new ResourceUse(m)); // the LP min-resource solves, not solved
        ExtendedMps.write(m, "min-resource " + e.resourceId(r), file);
    }

    /** The resource min-resource minimises: the one named, else the first. */
    static int resource(Economy e, PlanOptions goal) {
        if (e.resources() == 0) {
            throw new PlannerException("objective", "min-resource minimises a resource, but the economy has"
                    + " none; add a resource or use --objective fulfil");
        }
        if (goal.resource() == null) {
            return 0;
        }
        int r = e.resourceIndex(goal.resource());
        if (r < 0) {
            String near = Ids.didYouMean(goal.resource(), e.resources(), e::resourceId);
            throw new PlannerException("resource", "no resource '" + goal.resource() + "' in the economy"
                    + (near.isEmpty() ? "; its resources are: " + String.join(", ",
                            java.util.stream.IntStream.range(0, Math.min(20, e.resources())).mapToObj(e::resourceId)
                                    .toList()) : near));
        }
        return r;
    }
}
