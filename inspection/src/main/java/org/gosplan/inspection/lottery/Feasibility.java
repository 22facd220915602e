package org.gosplan.inspection.lottery;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether any panel meets the quotas and, when none does, an irreducible set of quota bounds
 * that cannot hold together (a deletion filter: drop each bound in turn and keep it out when the
 * rest still admit no panel; what remains is infeasible, and removing any one of it is not).
 */
final class Feasibility {
    private Feasibility() {}

    /** One side of a quota: at least {@code min} or at most {@code max} people with its feature. */
    record Bound(int quota, boolean atLeast) {}

    /** The conflicting bounds, in quota order, or an empty list when some panel meets every quota. */
    static List<Bound> conflict(Types types) {
        List<Bound> bounds = new ArrayList<>();
        for (int q = 0; q < types.quotas.size(); q++) {
            Quota quota = types.quotas.get(q);
            if (quota.min() > 0) {
                bounds.add(new Bound(q, true));
            }
            if (quota.max() < types.k) {
                bounds.add(new Bound(q, false));
            }
        }
        if (feasible(types, bounds)) {
            return List.of();
        }
        List<Bound> kept = new ArrayList<>(bounds);
        for (Bound b : bounds) {
            kept.remove(b);
            if (feasible(types, kept)) {
                kept.add(b);
            }
        }
        kept.sort((a, b) -> a.quota() != b.quota() ? Integer.compare(a.quota(), b.quota())
                : Boolean.compare(b.atLeast(), a.atLeast()));
        return kept;
    }

    static boolean feasible(Types types, List<Bound> bounds) {
        Solvers.load();
        CpModel model = new CpModel();
        IntVar[] c = new IntVar[types.count];
        for (int t = 0; t < types.count; t++) {
            c[t] = model.newIntVar(0, types.size(t), "c" + t);
        }
        model.addEquality(LinearExpr.sum(c), types.k);
        for (Bound b : bounds) {
            int[] ts = types.typesOf[b.quota()];
            IntVar[] vars = new IntVar[ts.length];
            for (int i = 0; i < ts.length; i++) {
                vars[i] = c[ts[i]];
            }
            Quota q = types.quotas.get(b.quota());
            if (b.atLeast()) {
                model.addGreaterOrEqual(LinearExpr.sum(vars), q.min());
            } else {
                model.addLessOrEqual(LinearExpr.sum(vars), q.max());
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setRandomSeed(1);
        CpSolverStatus status = solver.solve(model);
        if (status == CpSolverStatus.MODEL_INVALID || status == CpSolverStatus.UNKNOWN) {
            throw new IllegalStateException("the quota feasibility check ended " + status);
        }
        return status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
    }
}
