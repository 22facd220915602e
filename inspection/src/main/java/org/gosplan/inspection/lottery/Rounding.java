package org.gosplan.inspection.lottery;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distribution rounded to {@code M} equally likely panels, each person on between
 * {@code ⌊M p⌋} and {@code ⌈M p⌉} of them (so within {@code 1/M} of their probability {@code p}),
 * after Flanigan, Kehne and Procaccia, "Fair sortition made transparent" (NeurIPS 2021).
 *
 * <p>Two steps. First the panels' multiplicities {@code m_P}: integers next to {@code M λ_P},
 * summing to {@code M}, such that each type's seats {@code S_t = Σ m_P c_t(P)} lie between
 * {@code n_t ⌊M p_t⌋} and {@code n_t ⌈M p_t⌉}: a small integer program (CP-SAT, one worker, so
 * the same input gives the same panels), whose LP relaxation {@code m = Mλ} is feasible. Then the
 * seats of each type go round its members in pool order, panel after panel: a panel never holds
 * one person twice (it takes at most {@code n_t} consecutive members) and each member gets
 * {@code ⌊S_t/n_t⌋} or {@code ⌈S_t/n_t⌉} seats, inside the window. Where the tight window has no
 * integer point (it is a single point when {@code M p_t} is whole) the window {@code |a − M p| ≤ 1}
 * is used, still within {@code 1/M}.
 */
final class Rounding {
    private Rounding() {}

    /** {@code M} panels, each the ascending pool indexes of its {@code k} members. */
    static int[][] round(Types types, Leximin.Result d, int m) {
        long[] count = multiplicities(types, d, m, true);
        if (count == null) {
            count = multiplicities(types, d, m, false);
        }
        if (count == null) {
            count = closest(types, d, m);
        }
        int[][] panels = new int[m][];
        int[] next = new int[types.count];
        int j = 0;
        for (int p = 0; p < count.length; p++) {
            int[] c = d.panels().get(p);
            for (long r = 0; r < count[p]; r++) {
                int[] panel = new int[types.k];
                int s = 0;
                for (int t = 0; t < types.count; t++) {
                    int[] members = types.members[t];
                    for (int i = 0; i < c[t]; i++) {
                        panel[s++] = members[next[t]];
                        next[t] = (next[t] + 1) % members.length;
                    }
                }
                Arrays.sort(panel);
                panels[j++] = panel;
            }
        }
        return panels;
    }

    /**
     * Where no rounding keeps everyone within {@code 1/M} (large pools with many people alone in
     * their type), the multiplicities next to {@code M λ} that keep the largest deviation of a
     * type's seats per member from {@code M p} smallest, in thousandths of a seat: CP-SAT with one
     * worker and a deterministic time limit, so that the same input still gives the same panels.
     */
    private static long[] closest(Types types, Leximin.Result d, int m) {
        CpModel model = new CpModel();
        List<int[]> panels = d.panels();
        IntVar[] x = counts(model, d, m);
        IntVar worst = model.newIntVar(0, 1000L * m, "worst");
        for (int t = 0; t < types.count; t++) {
            List<IntVar> vars = new ArrayList<>();
            List<Long> coefficients = new ArrayList<>();
            for (int p = 0; p < x.length; p++) {
                if (panels.get(p)[t] != 0) {
                    vars.add(x[p]);
                    coefficients.add(1000L * panels.get(p)[t]);
                }
            }
            long n = types.size(t);
            long target = Math.round(1000.0 * n * m * d.probability()[t]);
            vars.add(worst);
            coefficients.add(n);
            long[] c = coefficients.stream().mapToLong(Long::longValue).toArray();
            IntVar[] v = vars.toArray(new IntVar[0]);
            // 1000 S_t + n D >= target and 1000 S_t - n D <= target
            model.addGreaterOrEqual(LinearExpr.weightedSum(v, c), target);
            c[c.length - 1] = -n;
            model.addLessOrEqual(LinearExpr.weightedSum(v, c), target);
        }
        model.minimize(worst);
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setRandomSeed(1).setMaxDeterministicTime(20);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            throw new IllegalStateException("the distribution could not be rounded to " + m + " panels (" + status
                    + ")");
        }
        long[] count = new long[x.length];
        for (int p = 0; p < x.length; p++) {
            count[p] = solver.value(x[p]);
        }
        return count;
    }

    /** Each panel's count, {@code ⌊M λ_P⌋} or {@code ⌈M λ_P⌉}, the counts summing to {@code M}. */
    private static IntVar[] counts(CpModel model, Leximin.Result d, int m) {
        IntVar[] x = new IntVar[d.panels().size()];
        for (int p = 0; p < x.length; p++) {
            double target = m * d.weight()[p];
            long lo = Math.max(0, (long) Math.floor(target + 1e-9));
            long hi = Math.min(m, (long) Math.ceil(target - 1e-9));
            x[p] = model.newIntVar(Math.min(lo, hi), Math.max(lo, hi), "m" + p);
        }
        model.addEquality(LinearExpr.sum(x), m);
        return x;
    }

    private static long[] multiplicities(Types types, Leximin.Result d, int m, boolean tight) {
        Solvers.load();
        CpModel model = new CpModel();
        List<int[]> panels = d.panels();
        IntVar[] x = counts(model, d, m);
        for (int t = 0; t < types.count; t++) {
            List<IntVar> vars = new ArrayList<>();
            List<Long> coefficients = new ArrayList<>();
            for (int p = 0; p < x.length; p++) {
                if (panels.get(p)[t] != 0) {
                    vars.add(x[p]);
                    coefficients.add((long) panels.get(p)[t]);
                }
            }
            double target = m * d.probability()[t];
            long lo = tight ? (long) Math.floor(target + 1e-9) : (long) Math.ceil(target - 1 - 1e-9);
            long hi = tight ? (long) Math.ceil(target - 1e-9) : (long) Math.floor(target + 1 + 1e-9);
            long n = types.size(t);
            LinearExpr seats = LinearExpr.weightedSum(vars.toArray(new IntVar[0]),
                    coefficients.stream().mapToLong(Long::longValue).toArray());
            model.addLinearConstraint(seats, Math.max(0, lo) * n, Math.min(m, hi) * n);
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setRandomSeed(1);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return null;
        }
        long[] count = new long[x.length];
        for (int p = 0; p < x.length; p++) {
            count[p] = solver.value(x[p]);
        }
        return count;
    }
}
