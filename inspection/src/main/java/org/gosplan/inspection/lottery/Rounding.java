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
 * <p>First the multiplicities {@code m_P} of the distribution's own panels: integers next to
 * {@code M λ_P}, summing to {@code M}, such that each type's seats {@code S_t = Σ m_P c_t(P)} lie
 * between {@code n_t ⌊M p_t⌋} and {@code n_t ⌈M p_t⌉}: a small integer program (CP-SAT, one
 * worker and a deterministic time limit, so the same input gives the same panels), whose LP
 * relaxation {@code m = Mλ} is feasible. Where the tight window has no integer point (it is a
 * single point when {@code M p_t} is whole) the window {@code |a − M p| ≤ 1} is used, still within
 * {@code 1/M}.
 *
 * <p>On large pools, where hundreds of people are alone in their type, the distribution's own
 * panels often cannot be rounded so finely at all (2,000 people in 491 types: 247 panels, and no
 * such multiplicities). Then each panel is taken {@code ⌊M λ_P⌋} times and once more for the
 * largest remainders, and {@link Exchanges} moves seats between types by chains of swaps, making
 * panels the LP never found, until every type's seats lie in its window.
 *
 * <p>Last, the seats of each type go round its members in pool order, panel after panel: a panel
 * never holds one person twice (it takes at most {@code n_t} consecutive members) and each member
 * gets {@code ⌊S_t/n_t⌋} or {@code ⌈S_t/n_t⌉} seats, inside the window.
 */
final class Rounding {
    private Rounding() {}

    /**
     * CP-SAT's deterministic time (a count of its work, the same on every machine) for rounding the
     * distribution's own panels: small pools take a few thousandths; 2,000 people in 491 types
     * take 0.46 to find that there is no such rounding. Past it the exchanges are used.
     */
    private static final double SUPPORT_LIMIT = 1.0;

    /** {@code -Dgosplan.lottery.trace=true}: each step's CPU time on standard error. */
    private static final boolean TRACE = Boolean.getBoolean("gosplan.lottery.trace");

    /** {@code M} panels, each the ascending pool indexes of its {@code k} members. */
    static int[][] round(Types types, Leximin.Result d, int m) {
        long t0 = cpu();
        long[] count = multiplicities(types, d, m, true);
        trace("tight multiplicities", t0, count != null);
        if (count == null) {
            t0 = cpu();
            count = multiplicities(types, d, m, false);
            trace("loose multiplicities", t0, count != null);
        }
        if (count != null) {
            return assign(types, expand(d, count, m));
        }
        t0 = cpu();
        int[][] panel = expand(d, nearest(d, m), m);
        long left = exchange(types, d, m, panel);
        trace("nearest and exchanges", t0, left == 0);
        if (left > 0) {
            t0 = cpu();
            int[][] other = expand(d, closest(types, d, m), m);
            long otherLeft = exchange(types, d, m, other);
            trace("closest and exchanges", t0, otherLeft == 0);
            if (otherLeft < left) {
                panel = other;
            }
        }
        return assign(types, panel);
    }

    /**
     * Chains of swaps ({@link Exchanges}) towards the tight windows, then the loose ones where the
     * tight cannot all be met; returns the seats left outside the loose windows.
     */
    private static long exchange(Types types, Leximin.Result d, int m, int[][] panel) {
        Exchanges exchanges = new Exchanges(types, panel);
        long[] lo = window(types, d, m, false, true);
        long[] hi = window(types, d, m, false, false);
        long before = exchanges.distance(lo, hi);
        long left = exchanges.repair(window(types, d, m, true, true), window(types, d, m, true, false));
        if (left > 0) {
            left = exchanges.repair(lo, hi);
        }
        if (TRACE) {
            System.err.printf("rounding: %d seats outside the windows, %d chains of swaps (%d swaps weighed), %d left%n",
                    before, exchanges.chains, exchanges.weighed, left);
        }
        return left;
    }

    /**
     * Each panel {@code ⌊M λ_P⌋} times, and once more for the {@code M − Σ ⌊M λ_P⌋} panels of
     * largest remainder {@code M λ_P − ⌊M λ_P⌋} (the first of equal ones): the start of the
     * exchanges.
     */
    private static long[] nearest(Leximin.Result d, int m) {
        int n = d.panels().size();
        long[] count = new long[n];
        double[] remainder = new double[n];
        long total = 0;
        for (int p = 0; p < n; p++) {
            double target = m * d.weight()[p];
            count[p] = (long) Math.floor(target);
            remainder[p] = target - count[p];
            total += count[p];
        }
        Integer[] order = new Integer[n];
        for (int p = 0; p < n; p++) {
            order[p] = p;
        }
        Arrays.sort(order, (a, b) -> remainder[a] != remainder[b] ? Double.compare(remainder[b], remainder[a])
                : Integer.compare(a, b));
        for (int i = 0; total < m; i++) {
            count[order[i]]++;
            total++;
        }
        return count;
    }

    /** Each panel {@code count[p]} times, as how many of each type it holds, in the panels' order. */
    private static int[][] expand(Leximin.Result d, long[] count, int m) {
        int[][] panel = new int[m][];
        int j = 0;
        for (int p = 0; p < count.length; p++) {
            for (long r = 0; r < count[p]; r++) {
                panel[j++] = d.panels().get(p).clone();
            }
        }
        return panel;
    }

    /**
     * Each type's seats go round its members in pool order, panel after panel: a panel takes at
     * most {@code n_t} consecutive members of a type, so never one person twice, and each member
     * gets {@code ⌊S_t/n_t⌋} or {@code ⌈S_t/n_t⌉} seats.
     */
    private static int[][] assign(Types types, int[][] panel) {
        int[][] panels = new int[panel.length][];
        int[] next = new int[types.count];
        for (int j = 0; j < panel.length; j++) {
            int[] c = panel[j];
            int[] members = new int[types.k];
            int s = 0;
            for (int t = 0; t < types.count; t++) {
                int[] of = types.members[t];
                for (int i = 0; i < c[t]; i++) {
                    members[s++] = of[next[t]];
                    next[t] = (next[t] + 1) % of.length;
                }
            }
            Arrays.sort(members);
            panels[j] = members;
        }
        return panels;
    }

    /**
     * Each type's bound on its seats, lower ({@code low}) or upper: {@code n_t ⌊M p_t⌋} and
     * {@code n_t ⌈M p_t⌉} ({@code tight}), else {@code n_t ⌈M p_t − 1⌉} and {@code n_t ⌊M p_t + 1⌋}
     * (the same unless {@code M p_t} is whole), within {@code [0, n_t M]}.
     */
    private static long[] window(Types types, Leximin.Result d, int m, boolean tight, boolean low) {
        long[] bound = new long[types.count];
        for (int t = 0; t < types.count; t++) {
            double target = m * d.probability()[t];
            long b = low
                    ? (tight ? (long) Math.floor(target + 1e-9) : (long) Math.ceil(target - 1 - 1e-9))
                    : (tight ? (long) Math.ceil(target - 1e-9) : (long) Math.floor(target + 1 + 1e-9));
            bound[t] = Math.max(0, Math.min(m, b)) * types.size(t);
        }
        return bound;
    }

    /**
     * The multiplicities next to {@code M λ} that keep the largest deviation of a type's seats per
     * member from {@code M p} smallest, in thousandths of a seat: CP-SAT with one worker and a
     * deterministic time limit, so that the same input still gives the same panels. The second
     * start of the exchanges, where the first leaves seats outside the windows.
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

    static long[] multiplicities(Types types, Leximin.Result d, int m, boolean tight) {
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
        solver.getParameters().setNumWorkers(1).setRandomSeed(1).setMaxDeterministicTime(SUPPORT_LIMIT);
        CpSolverStatus status = solver.solve(model);
        if (TRACE) {
            System.err.printf("rounding: CP-SAT %s after %.3f deterministic s, %.2f s user%n", status,
                    solver.response().getDeterministicTime(), solver.userTime());
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return null;
        }
        long[] count = new long[x.length];
        for (int p = 0; p < x.length; p++) {
            count[p] = solver.value(x[p]);
        }
        return count;
    }

    private static void trace(String step, long t0, boolean found) {
        if (TRACE) {
            System.err.printf("rounding: %s %s, %.2f s CPU%n", step, found ? "found" : "none", (cpu() - t0) / 1e9);
        }
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
