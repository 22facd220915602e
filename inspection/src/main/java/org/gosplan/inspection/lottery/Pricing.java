package org.gosplan.inspection.lottery;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The pricing problem of the column generation: among all panels that meet the quotas, the one
 * of greatest weight, a panel being how many people of each type it holds. An integer program
 * (SCIP through OR-Tools), solved to a zero gap: a panel missed here would be a column missed by
 * the LP, and the probabilities would not be the optimum.
 */
final class Pricing implements AutoCloseable {
    private final Types types;
    private MPSolver solver;
    private MPVariable[] c;
    private MPObjective objective;
    private final MPSolverParameters parameters;

    Pricing(Types types) {
        Solvers.load();
        // a native object: only once the libraries are loaded
        parameters = new MPSolverParameters();
        this.types = types;
        build();
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
    }

    private void build() {
        solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools' SCIP solver is not available");
        }
        c = new MPVariable[types.count];
        MPConstraint size = solver.makeConstraint(types.k, types.k);
        for (int t = 0; t < types.count; t++) {
            c[t] = solver.makeIntVar(0, types.size(t), "c" + t);
            size.setCoefficient(c[t], 1);
        }
        for (int q = 0; q < types.quotas.size(); q++) {
            Quota quota = types.quotas.get(q);
            MPConstraint row = solver.makeConstraint(quota.min(), quota.max());
            for (int t : types.typesOf[q]) {
                row.setCoefficient(c[t], 1);
            }
        }
        objective = solver.objective();
        objective.setMaximization();
    }

    /** The panel of greatest {@code sum weight[t] c[t]}, or null when no panel meets the quotas. */
    int[] best(double[] weight) {
        int[] panel = solve(weight);
        if (panel != null && !types.feasible(panel)) {
            // SCIP re-solved with a changed objective has (rarely) answered a panel off its own constraints;
            // a fresh model answers right
            solver.delete();
            build();
            panel = solve(weight);
            if (panel != null && !types.feasible(panel)) {
                throw new IllegalStateException("the pricing integer program returned a panel that breaks the quotas");
            }
        }
        return panel;
    }

    private int[] solve(double[] weight) {
        for (int t = 0; t < types.count; t++) {
            objective.setCoefficient(c[t], weight[t]);
        }
        MPSolver.ResultStatus status = solver.solve(parameters);
        if (status == MPSolver.ResultStatus.INFEASIBLE) {
            return null;
        }
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("the pricing integer program ended " + status);
        }
        int[] panel = new int[types.count];
        for (int t = 0; t < types.count; t++) {
            panel[t] = (int) Math.round(c[t].solutionValue());
        }
        return panel;
    }

    @Override
    public void close() {
        solver.delete();
    }
}
