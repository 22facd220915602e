package org.gosplan.inspection.lottery;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The leximin distribution over panels (Flanigan, Gölz, Gupta, Hennig and Procaccia, Nature 596,
 * 2021, Methods "LEXIMIN"), over types of people rather than people. Stage by stage: maximise the
 * smallest probability {@code z} of the types not yet fixed, the fixed ones keeping their values;
 * the LP has one column per panel, too many to write, so it is solved by column generation on its
 * dual
 * <pre>
 *   min  ŷ − Σ_{t fixed} f_t y_t   s.t.  Σ_t y_t c_t(P)/n_t ≤ ŷ  for every panel P,  Σ_{t free} y_t = 1,  y ≥ 0
 * </pre>
 * whose rows are added by {@link Pricing} (the panel of greatest {@code Σ y_t c_t/n_t}) until none
 * is violated. Then every free type with a positive dual can do no better than {@code z} in any
 * optimum (complementary slackness) and is fixed at it; the first stage's {@code z} is the maximin.
 * A last primal LP over the panels found gives the distribution.
 */
final class Leximin {
    /** A violation below this is GLOP's tolerance, not a better panel. */
    private static final double PRICE_EPS = 1e-9;
    /** A dual above this fixes its type. */
    private static final double FIX_EPS = 1e-7;
    private static final String GLOP_PARAMETERS =
            "primal_feasibility_tolerance:1e-10 dual_feasibility_tolerance:1e-10 random_seed:1 use_preprocessing:false"
                    + " use_dual_simplex:true";

    /**
     * GLOP without presolve at tolerances near rounding can pivot for ever (the planner met it on a small LP,
     * PlanBoundTest): every solve is bounded by an iteration count far above what it needs and growing with the
     * LP (a count, not a time, so every verifier stops at the same place); reaching it ends the draw with an
     * error instead of a hang.
     */
    private static MPSolver.ResultStatus solveBounded(MPSolver lp) {
        long size = (long) lp.numVariables() + lp.numConstraints();
        lp.setSolverSpecificParametersAsString(GLOP_PARAMETERS + " max_number_of_iterations:" + (10_000 + 50 * size));
        return lp.solve();
    }

    private static final boolean TRACE = Boolean.getBoolean("gosplan.lottery.trace");
    private static final long T0 = System.nanoTime();

    /**
     * The distribution: each type's probability, the panels found and their weights; whether the
     * leximin went to its end ({@code complete}) or stopped at the budget, the maximin being whole
     * either way.
     */
    record Result(double[] probability, List<int[]> panels, double[] weight, int stages, int priced,
            boolean complete) {}

    private Leximin() {}

    /**
     * The leximin distribution, its stages after the first (the maximin, always solved to the end)
     * given at most {@code budget} pricing problems between them; past that the types still open
     * keep the last stage's value. A count, not a time, so that the same input gives the same
     * answer on any machine.
     */
    static Result solve(Types types, int budget) {
        Solvers.load();
        int n = types.count;
        List<int[]> panels = new ArrayList<>();
        Set<String> known = new HashSet<>();
        boolean[] fixed = new boolean[n];
        double[] value = new double[n];
        int priced = 0;
        try (Pricing pricing = new Pricing(types)) {
            // a first panel for every type that some panel holds; a type no panel holds has probability 0
            double[] w = new double[n];
            for (int t = 0; t < n; t++) {
                if (covered(panels, t)) {
                    continue;
                }
                Arrays.fill(w, 0);
                w[t] = 1;
                int[] p = pricing.best(w);
                priced++;
                if (p == null) {
                    throw new IllegalStateException("no panel meets the quotas, yet they were found feasible");
                }
                if (p[t] == 0) {
                    fixed[t] = true;
                } else if (known.add(Arrays.toString(p))) {
                    panels.add(p);
                }
            }
            MPSolver lp = MPSolver.createSolver("GLOP");
            lp.setSolverSpecificParametersAsString(GLOP_PARAMETERS);
            MPVariable[] y = new MPVariable[n];
            for (int t = 0; t < n; t++) {
                y[t] = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "y" + t);
            }
            MPVariable yHat = lp.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "yhat");
            MPConstraint free = lp.makeConstraint(1, 1);
            MPObjective objective = lp.objective();
            objective.setMinimization();
            objective.setCoefficient(yHat, 1);
            for (int t = 0; t < n; t++) {
                free.setCoefficient(y[t], fixed[t] ? 0 : 1);
            }
            for (int[] p : panels) {
                addRow(lp, y, yHat, types, p);
            }
            int stages = 0;
            long lpNanos = 0;
            long priceNanos = 0;
            int open = 0;
            for (boolean f : fixed) {
                open += f ? 0 : 1;
            }
            double[] dual = new double[n];
            double last = 0;
            double reached = 0;
            boolean complete = true;
            int maximinPriced = 0;
            stages:
            while (open > 0) {
                stages++;
                reached = 0;
                double z;
                while (true) {
                    if (stages > 1 && priced - maximinPriced >= budget) {
                        // out of budget mid-stage: the types still open keep what the panels found so far give
                        // them all (the restricted LP's value, at least the last whole stage's)
                        complete = false;
                        for (int t = 0; t < n; t++) {
                            if (!fixed[t]) {
                                fixed[t] = true;
                                value[t] = Math.max(last, reached);
                            }
                        }
                        stages--;
                        break stages;
                    }
                    long a = System.nanoTime();
                    MPSolver.ResultStatus status = solveBounded(lp);
                    if (status == MPSolver.ResultStatus.ABNORMAL) {
                        if (TRACE) {
                            System.err.printf("stage %d: the LP ended ABNORMAL from the last basis; solved again from scratch%n",
                                    stages);
                        }
                        lp.reset();
                        status = solveBounded(lp);
                    }
                    lpNanos += System.nanoTime() - a;
                    if (status != MPSolver.ResultStatus.OPTIMAL) {
                        throw new IllegalStateException("the leximin LP ended " + status + " at stage " + stages);
                    }
                    for (int t = 0; t < n; t++) {
                        dual[t] = y[t].solutionValue();
                        w[t] = dual[t] / types.size(t);
                    }
                    z = objective.value();
                    reached = z;
                    a = System.nanoTime();
                    int[] p = pricing.best(w);
                    priceNanos += System.nanoTime() - a;
                    priced++;
                    double best = 0;
                    for (int t = 0; t < n; t++) {
                        best += w[t] * p[t];
                    }
                    if (best <= yHat.solutionValue() + PRICE_EPS || !known.add(Arrays.toString(p))) {
                        break;
                    }
                    panels.add(p);
                    addRow(lp, y, yHat, types, p);
                    if (TRACE && priced % 100 == 0) {
                        System.err.printf("  stage %d: z %.9f, %d priced, %.1f s%n", stages, z, priced,
                                (System.nanoTime() - T0) / 1e9);
                    }
                }
                if (TRACE) {
                    System.err.printf("stage %d: z %.9f, %d panels, %d priced, %d open, %.1f s, cpu %.1f s (lp %.1f,"
                            + " pricing %.1f)%n", stages, z, panels.size(), priced, open, (System.nanoTime() - T0) / 1e9,
                            java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9,
                            lpNanos / 1e9, priceNanos / 1e9);
                }
                if (stages == 1) {
                    maximinPriced = priced;
                }
                last = Math.max(0, z);
                int chosen = -1;
                for (int t = 0; t < n; t++) {
                    if (!fixed[t] && (chosen < 0 || dual[t] > dual[chosen])) {
                        chosen = t;
                    }
                }
                for (int t = 0; t < n; t++) {
                    if (!fixed[t] && (dual[t] > FIX_EPS || t == chosen)) {
                        fixed[t] = true;
                        value[t] = Math.max(0, z);
                        open--;
                        free.setCoefficient(y[t], 0);
                        objective.setCoefficient(y[t], -value[t]);
                    }
                }
            }
            lp.delete();
            double[] weight = distribution(types, panels, value);
            double[] probability = new double[n];
            for (int p = 0; p < panels.size(); p++) {
                for (int t = 0; t < n; t++) {
                    probability[t] += weight[p] * panels.get(p)[t] / types.size(t);
                }
            }
            return new Result(probability, panels, weight, stages, priced, complete);
        }
    }

    private static boolean covered(List<int[]> panels, int t) {
        for (int[] p : panels) {
            if (p[t] > 0) {
                return true;
            }
        }
        return false;
    }

    private static void addRow(MPSolver lp, MPVariable[] y, MPVariable yHat, Types types, int[] p) {
        MPConstraint row = lp.makeConstraint(Double.NEGATIVE_INFINITY, 0);
        for (int t = 0; t < p.length; t++) {
            if (p[t] != 0) {
                row.setCoefficient(y[t], (double) p[t] / types.size(t));
            }
        }
        row.setCoefficient(yHat, -1);
    }

    /**
     * The weights of the panels that give every type at least its fixed value, as nearly as the
     * LP's tolerance allows: maximise {@code δ} subject to each type's probability being at least
     * {@code f_t + δ} (δ comes out at zero, give or take 1e-10). Weights below 1e-12 are dropped.
     */
    private static double[] distribution(Types types, List<int[]> panels, double[] value) {
        MPSolver lp = MPSolver.createSolver("GLOP");
        lp.setSolverSpecificParametersAsString(GLOP_PARAMETERS);
        MPVariable[] lambda = new MPVariable[panels.size()];
        MPConstraint one = lp.makeConstraint(1, 1);
        for (int p = 0; p < lambda.length; p++) {
            lambda[p] = lp.makeNumVar(0, 1, "l" + p);
            one.setCoefficient(lambda[p], 1);
        }
        MPVariable delta = lp.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "delta");
        for (int t = 0; t < types.count; t++) {
            MPConstraint row = lp.makeConstraint(value[t], Double.POSITIVE_INFINITY);
            for (int p = 0; p < lambda.length; p++) {
                int c = panels.get(p)[t];
                if (c != 0) {
                    row.setCoefficient(lambda[p], (double) c / types.size(t));
                }
            }
            row.setCoefficient(delta, -1);
        }
        lp.objective().setCoefficient(delta, 1);
        lp.objective().setMaximization();
        MPSolver.ResultStatus status = solveBounded(lp);
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("the final leximin LP ended " + status);
        }
        double[] weight = new double[lambda.length];
        double sum = 0;
        for (int p = 0; p < lambda.length; p++) {
            double l = lambda[p].solutionValue();
            weight[p] = l < 1e-12 ? 0 : l;
            sum += weight[p];
        }
        for (int p = 0; p < lambda.length; p++) {
            weight[p] /= sum;
        }
        lp.delete();
        return weight;
    }
}
