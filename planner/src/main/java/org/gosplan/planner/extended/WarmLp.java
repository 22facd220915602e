package org.gosplan.planner.extended;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * An LP that grows by rows between solves, given to GLOP through MPSolver, which keeps its solver between
 * calls: when the only change is new rows, GLOP's dual simplex starts from the last basis (the new rows'
 * slacks basic; the last answer is still dual feasible) instead of from scratch. Presolve is off, since it
 * would give GLOP a different problem each time. The columns keep the powers of two chosen on the first
 * rows ({@link LpScaling}); each new row gets its own, from its entries, so the scaling stays exact.
 */
final class WarmLp implements AutoCloseable {
    private final MPSolver solver;
    private final MPVariable[] var;
    private final double[] column;
    private final List<MPConstraint> rows = new ArrayList<>();
    private final List<Double> rowScale = new ArrayList<>();

    /** The answer; {@code seconds}: GLOP's CPU time. */
    record Answer(Lp.Status status, double[] x, double[] dual, double seconds) {}

    /** The columns, and the rows {@code first} (bounds, entries by row) that set the columns' scaling. */
    WarmLp(double[] lower, double[] upper, double[] cost, double[] rowLower, double[] rowUpper, int[][] rowVars,
           double[][] rowValues, String parameters) {
        Lp.load();
        solver = new MPSolver("reduced", MPSolver.OptimizationProblemType.GLOP_LINEAR_PROGRAMMING);
        int vars = lower.length;
        int entries = 0;
        for (int[] r : rowVars) {
            entries += r.length;
        }
        int[] er = new int[entries];
        int[] ev = new int[entries];
        double[] ex = new double[entries];
        entries = 0;
        for (int i = 0; i < rowVars.length; i++) {
            for (int k = 0; k < rowVars[i].length; k++) {
                er[entries] = i;
                ev[entries] = rowVars[i][k];
                ex[entries++] = rowValues[i][k];
            }
        }
        column = LpScaling.of(rowVars.length, vars, er, ev, ex, entries).column;
        var = new MPVariable[vars];
        for (int j = 0; j < vars; j++) {
            var[j] = solver.makeNumVar(lower[j] / column[j], upper[j] / column[j], "");
            if (cost[j] != 0) {
                solver.objective().setCoefficient(var[j], cost[j] * column[j]);
            }
        }
        solver.objective().setMaximization();
        for (int i = 0; i < rowVars.length; i++) {
            addRow(rowLower[i], rowUpper[i], rowVars[i], rowValues[i]);
        }
        solver.suppressOutput();
        solver.setSolverSpecificParametersAsString("use_preprocessing: false use_dual_simplex: true"
                + " primal_feasibility_tolerance: 1e-10 dual_feasibility_tolerance: 1e-10 " + parameters);
    }

    /** Adds a row; its index among the rows is returned. */
    int addRow(double lo, double hi, int[] vars, double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int k = 0; k < vars.length; k++) {
            double a = Math.abs(values[k] * column[vars[k]]);
            if (a > 0 && Double.isFinite(a)) {
                min = Math.min(min, a);
                max = Math.max(max, a);
            }
        }
        // the power of two nearest 1 / sqrt(min max), as LpScaling
        double s = max == 0 ? 1 : Math.scalb(1.0, (int) -Math.round((Math.log(min) + Math.log(max)) / (2 * Math.log(2))));
        MPConstraint c = solver.makeConstraint(lo * s, hi * s, "");
        for (int k = 0; k < vars.length; k++) {
            if (values[k] != 0) {
                c.setCoefficient(var[vars[k]], values[k] * s * column[vars[k]]);
            }
        }
        rows.add(c);
        rowScale.add(s);
        return rows.size() - 1;
    }

    int rows() {
        return rows.size();
    }

    Answer solve(double timeLimitSeconds) {
        long t0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        if (timeLimitSeconds > 0) {
            solver.setTimeLimit((long) Math.ceil(timeLimitSeconds * 1000));
        }
        MPSolver.ResultStatus status = solver.solve();
        // the seconds of CPU (GLOP runs on this thread): on a shared machine the wall clock says little
        double seconds = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t0) / 1e9;
        switch (status) {
            case OPTIMAL:
            case FEASIBLE:
                break;
            case INFEASIBLE:
                return new Answer(Lp.Status.INFEASIBLE, null, null, seconds);
            case UNBOUNDED:
                return new Answer(Lp.Status.UNBOUNDED, null, null, seconds);
            default:
                return new Answer(Lp.Status.LIMIT, null, null, seconds);
        }
        double[] x = new double[var.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = var[j].solutionValue() * column[j];
        }
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i).dualValue() * rowScale.get(i);
        }
        return new Answer(status == MPSolver.ResultStatus.OPTIMAL ? Lp.Status.OPTIMAL : Lp.Status.LIMIT, x, y, seconds);
    }

    @Override
    public void close() {
        solver.delete();
    }
}
