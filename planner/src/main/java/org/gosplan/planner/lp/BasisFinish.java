package org.gosplan.planner.lp;

import com.google.ortools.modelbuilder.ModelBuilderHelper;
import com.google.ortools.modelbuilder.ModelSolverHelper;
import com.google.ortools.modelbuilder.SolveStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gosplan.planner.PlanOptions;

/**
 * An exact finish for fulfil and min-resource from an approximate solution (PDLP's iterate): a restricted
 * master problem over the structure a basis of this LP has.
 *
 * <p>Every product gets one "main" technique; the other techniques are either fixed (at 0 or at
 * their capacity) or "side" columns whose level is free within its bounds. The main levels then
 * follow from λ and the side levels through the square Leontief system of the main techniques
 * {@code B}: {@code z_M = λ g - Σ h_t x_t - e} with {@code B g = d}, {@code B h_t = N_t},
 * {@code B e = N_F f}. What is left is a small LP in (λ, x): the limited resources, and the
 * bounds {@code 0 <= z_M(p) <= cap} of those products where they bind (added as they are found
 * violated). GLOP solves it exactly; its duals give the resource prices w and the bound prices β,
 * and the valuations are {@code v = B^-T (c_M + U_M^T w + β)}. Min-resource is the same small LP with
 * λ held at 1 and the minimised resource's use {@code c} as the cost (zero for fulfil): a side column's
 * objective is what it saves, {@code c_M·h_t - c_t}. A fixed technique that makes a profit at
 * (v, w) (or, at its capacity, a loss) enters the side columns, and the round repeats. When none
 * does and every main level is within its bounds, the plan is optimal for the whole LP: the
 * certificate checks it from the figures alone.
 *
 * <p>Where a main level breaks its bounds, its product's row enters the small LP together with the
 * product's other techniques as side columns (they are what can take over); where nothing can help
 * below zero, a disposal column for the product; a side technique brings its own product's row, and rows
 * that hold with room and have no price leave again. Before the first round a structure pass makes a capped
 * technique main where the fixed capacities would overproduce its product (and the other way round). The
 * side columns' Leontief solves are Gauss-Seidel sweeps by rows of B, 32 columns per sweep, batches in
 * parallel, to rounding; the final main levels and valuations are solved again from the balances.
 *
 * <p>It pays when the iterate's structure is nearly right: at 10,000 products (20,000 techniques,
 * three resources, capacities) 3,000 PDLP iterations suffice and the finish takes 4 rounds and under
 * a second; at 100,000 products it climbs steadily but takes minutes, its dense small LP growing to
 * thousands of columns (docs/benchmarks.md); {@link #MAX_SIZE} and the time budget stop it.
 *
 * <p>Deterministic given the iterate. Where it does not apply or does not finish within its limits it
 * returns a solution without levels (outcome NOT_APPLICABLE) whose note says why; the caller then keeps
 * the repaired iterate.
 */
final class BasisFinish {
    private BasisFinish() {}

    static final int MAX_ROUNDS = 200;
    /** The method name of a finished plan. */
    static final String METHOD = "pdlp+basis";
    /** The method name of a plan finished from a feasible plan rather than PDLP's iterate (a least-use stage). */
    static final String FROM_PLAN = "basis";
    /**
     * Up to this many products the finish is tried. Its work grows with the products (every Leontief solve, every
     * side column's length) times the share of them whose split PDLP leaves open (about 1.2%): 100,000 products
     * finished in 70 to 99 s with two, three and four techniques each, 150,000 (two each) in 258 s, and at
     * 1,000,000 one round took 130 s and 5.9 GB for nothing (docs/benchmarks.md). Beyond it PDLP alone runs to the
     * tolerance, which takes hours: minutes of finish are the better bargain up to here.
     */
    static final int PRODUCT_LIMIT = Integer.getInteger("gosplan.finish.products", 150_000);
    /** Up to this many techniques the finish is tried: PDLP's warm iterations grow with them (measured up to 400,000). */
    static final int TECHNIQUE_LIMIT = Integer.getInteger("gosplan.finish.techniques", 400_000);

    /** Whether the finish is tried at this size (without its other conditions, {@link #applies}). */
    static boolean tried(LpModel m) {
        return m.np <= PRODUCT_LIMIT && m.nt <= TECHNIQUE_LIMIT;
    }

    /**
     * PDLP iterations before the finish under {@code auto}. The finish pays only from an iterate whose
     * technique split is nearly right: 3,000 iterations were enough up to 100,000 techniques (2.8 s at
     * 20,000, 30 s at 100,000); at 200,000 the iterate after 3,000 left the finish minutes of work, after
     * 8,000 under one minute.
     */
    static long warmIterations(LpModel m) {
        return m.nt <= 100_000 ? 3_000 : 8_000;
    }
    /** Side columns and bound rows taken in at most per round. */
    static final int ENTER = 200;
    /** Side columns and bound rows together beyond which the finish gives up (its small LP is dense). */
    static final int MAX_SIZE = 8_000;
    /** The finish's time budget without a time limit (hard 100,000 needed 37 s, hard 150,000 199 s). */
    static final double DEFAULT_SECONDS = 600;
    /** The longest one small LP may take (GLOP, from scratch every round). */
    static final double SMALL_LP_SECONDS = 60;

    static final boolean TRACE = Boolean.getBoolean("gosplan.finish.trace");

    /** Why the finish gave up, as a solution without levels (outcome NOT_APPLICABLE) whose note says it. */
    private static LpSolution fail(String why) {
        if (TRACE) {
            System.err.println("finish: gave up: " + why);
        }
        return LpSolution.without(LpSolution.Outcome.NOT_APPLICABLE, METHOD, 0, 0, "basis finish gave up: " + why);
    }

    /**
     * Joint production up to this many techniques: a technique is a maker of the product it makes most of,
     * and its by-products enter B like inputs of the other sign. Measured with by-products on a tenth of the
     * techniques of the hard economies: 8,000 techniques finished in 4.5 s (GLOP 17.5 s), 20,000 in 6.1 s,
     * but at 40,000 the small LP outgrew {@link #MAX_SIZE} after 35 rounds, twice 130 s spent for nothing.
     */
    static final int JOINT_LIMIT = 20_000;

    /** A few limited resources (fulfil needs one: otherwise λ has no bound); joint outputs up to JOINT_LIMIT. */
    static boolean applies(LpModel m) {
        if (m.limited.length > Crossover.MAX_LIMITED || m.fulfil() && m.limited.length == 0) {
            return false;
        }
        return m.nt <= JOINT_LIMIT || Crossover.singleOutputs(m);
    }

    static LpSolution finish(LpModel m, LpSolution s, PlanOptions o) {
        return finish(m, s, o, org.gosplan.economy.Progress.NONE);
    }

    static LpSolution finish(LpModel m, LpSolution s, PlanOptions o, org.gosplan.economy.Progress progress) {
        return finish(m, s, o, progress, false);
    }

    /**
     * The finish from a start {@code s}; {@code feasible}: the start is a plan that meets every constraint of m (the
     * plan before a least-use stage, whose constraints hold the optimum before it), not an iterate. Its techniques
     * other than the main ones and the first {@link #ENTER} side columns are then held at their levels rather than
     * at zero or their capacity, so that the
     * first small LP has the start among its solutions: a stage's feasible set is the face of the optimum before
     * it, without interior, and with those techniques at zero the small LP had no solution at all (every stage of
     * PlanBench's hard economies at 10,000 and 100,000 products). Pricing moves them like any fixed technique: one
     * held between its bounds enters the side columns as soon as it makes a profit or a loss.
     */
    static LpSolution finish(LpModel m, LpSolution s, PlanOptions o, org.gosplan.economy.Progress progress,
                             boolean feasible) {
        if (!Boolean.parseBoolean(System.getProperty("gosplan.finish", "true"))) {
            return fail("switched off (-Dgosplan.finish=false)");
        }
        if (!tried(m)) {
            return fail(String.format(java.util.Locale.ROOT, "not tried above %,d products or %,d techniques",
                    PRODUCT_LIMIT, TECHNIQUE_LIMIT));
        }
        if (s.z() == null || !applies(m)) {
            return fail("it applies to at most " + Crossover.MAX_LIMITED + " limited resources, joint production"
                    + " up to " + JOINT_LIMIT + " techniques and an iterate only");
        }
        long t0 = System.nanoTime();
        Crossover.Makers r = new Crossover.Makers(m);
        int np = m.np, nt = m.nt, nl = r.nl;
        for (int p = 0; p < np; p++) {
            if (r.ms[p + 1] == r.ms[p]) {
                // a product made only jointly, never the most of what a technique makes (the village's straw)
                return fail("product '" + m.economy.productId(p) + "' is no technique's main output (it is only a"
                        + " by-product, or not made), and the finish needs one for every product");
            }
        }
        // the structure to start from: per product the technique making the most of it in the iterate is
        // main (a technique at its capacity only where the others make next to nothing), the others are fixed
        // at their capacity where the iterate has them there, else at zero; the iterate's largest other levels
        // start as side columns
        double[] z0 = s.z();
        int[] main = r.fromLevels(z0);
        boolean[] isMain = new boolean[nt];
        for (int p = 0; p < np; p++) {
            isMain[main[p]] = true;
        }
        double[] scale = new double[np]; // the gross output of each product in the iterate, for relative tests
        for (int t = 0; t < nt; t++) {
            if (r.prod[t] >= 0) {
                scale[r.prod[t]] += r.out[t] * Math.max(0, z0[t]);
            }
        }
        for (int p = 0; p < np; p++) {
            scale[p] = Math.max(scale[p], 1e-300);
        }
        double[] fixed = new double[nt];
        Integer[] order = new Integer[nt];
        int cand = 0;
        for (int t = 0; t < nt; t++) {
            if (isMain[t] || r.prod[t] < 0) {
                continue;
            }
            double cap = m.capacity[t];
            double x = Math.max(0, Math.min(z0[t], cap));
            if (feasible) {
                fixed[t] = x; // to the last bit: rounded to its capacity or to zero it could break a held optimum
            }
            if (cap != Double.POSITIVE_INFINITY && x >= cap * (1 - 1e-6)) {
                fixed[t] = feasible ? x : cap;
            } else if (x * r.out[t] > 1e-6 * scale[r.prod[t]]) {
                order[cand++] = t;
            }
        }
        Arrays.sort(order, 0, cand, (a, b) -> Double.compare(
                z0[b] * r.out[b] / scale[r.prod[b]], z0[a] * r.out[a] / scale[r.prod[a]]));
        List<Integer> side = new ArrayList<>();
        boolean[] inSide = new boolean[nt + np];
        double[] d = new double[np];
        for (int p : m.targeted) {
            d[p] = m.demand[p];
        }
        // where the fixed capacities make more of a product than the plan needs at about the iterate's λ, the
        // capped technique becomes main; where a capped main would have to run beyond its capacity, another
        // technique becomes main and the capped one runs at capacity: fewer bound rows for the small LP
        double lamStart = m.fulfil() ? Math.max(0.0, CertificateRepair.lambdaOf(m, z0)) : 1.0;
        for (int pass = 0; pass < 20; pass++) {
            double[] net = new double[np];
            for (int p = 0; p < np; p++) {
                net[p] = lamStart * d[p];
            }
            for (int t = 0; t < nt; t++) {
                if (!isMain[t] && fixed[t] != 0.0) {
                    addNetOutput(m, t, -fixed[t], net);
                }
            }
            double[] zm = new double[np];
            if (!r.levels(main, net, zm)) {
                return fail("the main techniques' Leontief solve did not converge");
            }
            int swaps = 0;
            for (int p = 0; p < np; p++) {
                int t = main[p], u = -1;
                for (int q = r.ms[p]; q < r.ms[p + 1] && u < 0; q++) {
                    int x = r.mt[q];
                    if (x != t && (zm[p] < 0 ? fixed[x] != 0.0 : m.capacity[x] > m.capacity[t])) {
                        u = x;
                    }
                }
                if (u < 0 || zm[p] >= 0 && zm[p] <= m.capacity[t]) {
                    continue;
                }
                fixed[t] = zm[p] < 0 ? 0.0 : m.capacity[t];
                fixed[u] = 0.0;
                isMain[t] = false;
                isMain[u] = true;
                main[p] = u;
                swaps++;
            }
            if (TRACE) {
                System.err.printf("finish: structure pass %d: %d swaps%n", pass, swaps);
            }
            if (swaps == 0) {
                break;
            }
        }
        for (int i = 0; i < cand; i++) {
            int t = order[i];
            if (side.size() < ENTER && !isMain[t]) {
                side.add(t);
                inSide[t] = true;
                fixed[t] = 0.0;
            }
        }
        double[] g = new double[np];
        if (!r.levels(main, d, g)) {
            return fail("the Leontief solve for the targets did not converge");
        }
        double[] ug = useOfMain(r, main, g);
        List<double[]> h = new ArrayList<>();
        List<double[]> uh = new ArrayList<>();
        MainRows byRows = MainRows.of(r, m, main); // the main techniques are settled from here on
        String columnTrouble = addColumns(r, m, main, byRows, side, h, uh);
        if (columnTrouble != null) {
            return fail(columnTrouble);
        }
        List<Integer> rows = new ArrayList<>(); // products whose main-level bounds are in the small LP
        boolean[] inRows = new boolean[np];
        boolean[] leftOnce = new boolean[np];

        LpOrTools.load();
        // with a time limit the finish gets as long again as the solver had (at least 10 s), without one
        // DEFAULT_SECONDS; then it gives up and the iterate is kept
        double budget = Double.parseDouble(System.getProperty("gosplan.finish.seconds",
                Double.toString(o.timeLimitSeconds() > 0 ? Math.max(10, o.timeLimitSeconds()) : DEFAULT_SECONDS)));
        long deadline = budget > 0 ? t0 + (long) (budget * 1e9) : Long.MAX_VALUE;
        int recoveries = 0;
        int seeded = 0;
        double smallSeconds = 0;
        double[] lastE = new double[np];
        double[] lastV = new double[np];
        for (int round = 0; round < MAX_ROUNDS; round++) {
            progress.update(feasible ? "planning: exact finish from the plan before, rounds"
                    : "planning: exact finish from PDLP's iterate, rounds", round, -1);
            if (System.nanoTime() > deadline) {
                return fail("out of time after " + round + " rounds");
            }
            // a side technique substitutes first for its own product's main technique: that bound goes in
            // with it when it enters (and leaves again while it holds with room, see below)
            for (int k = seeded; k < side.size(); k++) {
                int c = side.get(k);
                if (c < nt && !inRows[r.prod[c]]) {
                    rows.add(r.prod[c]);
                    inRows[r.prod[c]] = true;
                }
            }
            seeded = side.size();
            if (side.size() + rows.size() > MAX_SIZE) {
                // the iterate's structure is too far off for dense small LPs to pay: keep the iterate
                return fail("the small LP grew beyond " + MAX_SIZE + " columns and rows after " + round + " rounds");
            }
            // e: what the fixed techniques make and use, through the main techniques
            double[] nf = new double[np];
            double[] fixedUse = new double[nl];
            for (int t = 0; t < nt; t++) {
                if (!isMain[t] && !inSide[t] && fixed[t] != 0.0) {
                    addNetOutput(m, t, fixed[t], nf);
                    for (int l = 0; l < nl; l++) {
                        fixedUse[l] += r.use[l][t] * fixed[t];
                    }
                }
            }
            // warm started from the last round's: only the few techniques that left the fixed ones change it
            double[] e = lastE.clone();
            if (!r.levels(main, nf, e)) {
                return fail("the Leontief solve for the fixed techniques did not converge");
            }
            lastE = e;
            double[] ue = useOfMain(r, main, e);
            // GLOP gets what is left of the budget, and never more than SMALL_LP_SECONDS: a small LP that takes
            // longer means the structure is too far off (or degenerate), and the iterate is kept instead
            double left = deadline == Long.MAX_VALUE ? SMALL_LP_SECONDS
                    : Math.min(SMALL_LP_SECONDS, Math.max(0.1, (deadline - System.nanoTime()) / 1e9));
            long tSmall = System.nanoTime();
            Small lp = Small.solve(m, r, main, side, h, uh, g, ug, e, ue, fixedUse, rows, left, scale, false);
            if (lp.status == SolveStatus.ABNORMAL) {
                // GLOP's presolve or scaling can end ABNORMAL on a degenerate small LP (1 of 70 random stages of
                // LeastUseTest, 66 products): once more without them, as LpPlanner.simplex retries
                lp = Small.solve(m, r, main, side, h, uh, g, ug, e, ue, fixedUse, rows, left, scale, true);
            }
            smallSeconds += (System.nanoTime() - tSmall) / 1e9;
            if (lp.status == SolveStatus.INFEASIBLE && recoveries++ < 3) {
                // what is fixed in its rows' products leaves no room: free it, and let them be disposed of
                int from = side.size();
                for (int p : rows) {
                    for (int q = r.ms[p]; q < r.ms[p + 1]; q++) {
                        int t = r.mt[q];
                        if (!isMain[t] && !inSide[t] && fixed[t] != 0.0) {
                            side.add(t);
                            inSide[t] = true;
                        }
                    }
                    if (!inSide[nt + p]) {
                        side.add(nt + p);
                        inSide[nt + p] = true;
                    }
                }
                if (side.size() == from) {
                    return fail("the small LP is infeasible with every row's product free");
                }
                String trouble = addColumns(r, m, main, byRows, side.subList(from, side.size()), h, uh);
                if (trouble != null) {
                    return fail(trouble);
                }
                continue;
            }
            if (lp.status != SolveStatus.OPTIMAL) {
                return fail("the small LP was not solved: " + (lp.status == SolveStatus.FEASIBLE
                        ? "it found a plan but did not prove it optimal" : LpOrTools.inWords(lp.status)));
            }
            // the main levels for the small LP's λ and side levels, checked against their bounds
            // column by column, and only the side columns in use (most sit at zero)
            double[] zm = new double[np];
            for (int p = 0; p < np; p++) {
                zm[p] = lp.lambda * g[p] - e[p];
            }
            for (int k = 0; k < side.size(); k++) {
                double xk = lp.x[k];
                if (xk != 0.0) {
                    double[] hk = h.get(k);
                    for (int p = 0; p < np; p++) {
                        zm[p] -= hk[p] * xk;
                    }
                }
            }
            if (TRACE) {
                System.err.printf("finish: %.1f s (small LPs %.1f s) round %d: lambda %.12f, %d side columns, %d bound rows, w %s, beta+ %d beta- %d%n",
                        (System.nanoTime() - t0) / 1e9, smallSeconds, round, lp.lambda, side.size(), rows.size(), Arrays.toString(lp.w),
                        Arrays.stream(lp.beta).filter(x -> x > 0).count(), Arrays.stream(lp.beta).filter(x -> x < 0).count());
            }
            // bounds that hold with room and have no price leave the small LP: the solution stays optimal
            // without them, and they come back if they are ever broken
            {
                List<Integer> kept = new ArrayList<>();
                double[] keptBeta = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    int p = rows.get(i);
                    double room = 1e-6 * Math.max(1.0, scale[p] / r.out[main[p]]);
                    // a row leaves once at most: on degenerate optima (λ set by one capacity, the resources slack,
                    // by-products to dispose of) rows left and came back round after round without end
                    boolean slack = lp.beta[i] == 0.0 && zm[p] > room && zm[p] < m.capacity[main[p]] - room
                            && !leftOnce[p];
                    if (slack) {
                        inRows[p] = false;
                        leftOnce[p] = true;
                    } else {
                        keptBeta[kept.size()] = lp.beta[i];
                        kept.add(p);
                    }
                }
                rows.clear();
                rows.addAll(kept);
                lp.beta = Arrays.copyOf(keptBeta, kept.size());
            }
            List<Integer> violated = new ArrayList<>();
            for (int p = 0; p < np; p++) {
                double cap = m.capacity[main[p]];
                double tol = 1e-9 * Math.max(1.0, scale[p] / r.out[main[p]]);
                if (!inRows[p] && (zm[p] < -tol || zm[p] > cap + tol)) {
                    violated.add(p);
                }
            }
            if (TRACE) {
                System.err.printf("finish: %d violated rows (%d below zero)%n", violated.size(),
                        violated.stream().filter(p -> zm[p] < 0).count());
            }
            if (!violated.isEmpty()) {
                violated.sort((a, b) -> Double.compare(excess(m, main, zm, b), excess(m, main, zm, a)));
                int from = side.size();
                for (int i = 0; i < Math.min(ENTER, violated.size()); i++) {
                    int p = violated.get(i);
                    rows.add(p);
                    inRows[p] = true;
                    // the main level of p cannot carry p alone: the other techniques making p become the
                    // small LP's to choose (where none can help below zero, p may be disposed of)
                    boolean freed = false;
                    for (int q = r.ms[p]; q < r.ms[p + 1]; q++) {
                        int t = r.mt[q];
                        if (!isMain[t] && !inSide[t] && (zm[p] < 0 ? fixed[t] != 0.0 : fixed[t] < m.capacity[t])) {
                            side.add(t);
                            inSide[t] = true;
                            freed = true;
                        }
                    }
                    if (!freed && zm[p] < 0 && !inSide[nt + p]) {
                        side.add(nt + p);
                        inSide[nt + p] = true;
                    }
                }
                String trouble = addColumns(r, m, main, byRows, side.subList(from, side.size()), h, uh);
                if (trouble != null) {
                    return fail(trouble);
                }
                continue;
            }
            // valuations: B^T v = c_M + U_M^T w + β
            double[] c = new double[np];
            for (int p = 0; p < np; p++) {
                int t = main[p];
                double x = m.cost(t);
                for (int l = 0; l < nl; l++) {
                    x += r.use[l][t] * lp.w[l];
                }
                c[p] = x;
            }
            for (int k = 0; k < rows.size(); k++) {
                c[rows.get(k)] += lp.beta[k];
            }
            double[] v = lastV.clone();
            if (!transposedLevels(r, m, main, c, v)) {
                return fail("the valuations did not converge");
            }
            lastV = v;
            snapRounding(v);
            // pricing: fixed techniques that would improve λ, disposal where a valuation is negative
            List<double[]> enter = new ArrayList<>();
            for (int t = 0; t < nt; t++) {
                if (isMain[t] || inSide[t] || r.prod[t] < 0) {
                    continue;
                }
                double profit = -m.cost(t), gross = m.cost(t);
                for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                    profit += m.nVal[q] * v[m.nRow[q]];
                    gross += Math.abs(m.nVal[q] * v[m.nRow[q]]);
                }
                for (int l = 0; l < nl; l++) {
                    profit -= r.use[l][t] * lp.w[l];
                    gross += r.use[l][t] * lp.w[l];
                }
                double rel = profit / Math.max(gross, 1e-300);
                // 1e-9: below that a profit is the small LP's rounding, far below what the certificate tests
                if (rel > 1e-9 && fixed[t] < m.capacity[t] || rel < -1e-9 && fixed[t] > 0) {
                    enter.add(new double[] {t, Math.abs(rel)});
                }
            }
            for (int p = 0; p < np; p++) {
                if (!inSide[nt + p] && v[p] < -1e-9 * Math.abs(c[p])) {
                    enter.add(new double[] {nt + p, 1.0});
                }
            }
            if (enter.isEmpty()) {
                if (m.fulfil()) {
                    double dv = 0;
                    for (int p : m.targeted) {
                        dv += m.demand[p] * v[p];
                    }
                    if (!(dv > 0)) {
                        return fail("the valuations give the targets no value");
                    }
                    for (int p = 0; p < np; p++) {
                        v[p] /= dv;
                    }
                    for (int l = 0; l < nl; l++) {
                        lp.w[l] /= dv;
                    }
                }
                double[] z = Arrays.copyOf(fixed, nt);
                for (int p = 0; p < np; p++) {
                    z[main[p]] = 0.0;
                }
                for (int k = 0; k < side.size(); k++) {
                    if (side.get(k) < nt) {
                        z[side.get(k)] = lp.x[k];
                    }
                }
                // the main levels solved again, to rounding, from the balances themselves
                double[] rhs = new double[np];
                for (int p = 0; p < np; p++) {
                    rhs[p] = lp.lambda * d[p];
                }
                for (int t = 0; t < nt; t++) {
                    if (!isMain[t] && z[t] != 0.0) {
                        addNetOutput(m, t, -z[t], rhs);
                    }
                }
                for (int k = 0; k < side.size(); k++) {
                    if (side.get(k) >= nt) {
                        rhs[side.get(k) - nt] += lp.x[k]; // disposal
                    }
                }
                double[] exact = Arrays.copyOf(zm, np);
                if (!r.levels(main, rhs, exact)) {
                    return fail("the final Leontief solve did not converge");
                }
                for (int p = 0; p < np; p++) {
                    double cap = m.capacity[main[p]];
                    double tol = 1e-8 * Math.max(1.0, scale[p] / r.out[main[p]]);
                    if (exact[p] < -tol || exact[p] > cap + tol) {
                        return fail("the final main level of product " + p + " is " + exact[p] + " (small LP: "
                                + zm[p] + ", capacity " + cap + ")");
                    }
                    z[main[p]] = Math.min(Math.max(0.0, exact[p]), cap);
                }
                for (int t = 0; t < nt; t++) {
                    if (z[t] < 1e-200) {
                        z[t] = 0.0; // levels of rounding size only leave products with flows of 1e-300 unbalanced
                    }
                }
                // a main level clamped at zero (rounding below it) can leave its product short by rounding, which
                // is large beside that product's own small flows (seen with by-products: -4e-19 against flows of
                // 1e-12): the main technique makes up exactly that, a change of rounding size everywhere else
                // (making it up can leave its inputs short by as little: a few passes)
                makeUp(m, r, main, d, lp.lambda, z);
                String wrong = check(m, z, lp.lambda);
                if (wrong != null) {
                    // levels at the rounding level of the plan's own (below 1e-15 of the largest) can cycle: a
                    // product made and used only at 1e-39 beside flows of 1e-23 that are themselves rounding, each
                    // making up the other's shortfall, which the sums regenerate at every pass (PlanUnitsTest,
                    // joint economy -3221457353826743079: product 6 short by 2.7e-42 of 1.5e-39 after 8 passes).
                    // Once more with those levels at zero; where that does not pass either, the finish gives up
                    double largest = 0;
                    for (double x : z) {
                        largest = Math.max(largest, x);
                    }
                    double[] y = z.clone();
                    for (int t = 0; t < nt; t++) {
                        if (y[t] < 1e-15 * largest) {
                            y[t] = 0.0;
                        }
                    }
                    makeUp(m, r, main, d, lp.lambda, y);
                    if (check(m, y, lp.lambda) == null) {
                        z = y;
                        wrong = null;
                    }
                }
                if (wrong != null) {
                    return fail(wrong);
                }
                return new LpSolution(LpSolution.Outcome.SOLVED, z, m.fulfil() ? lp.lambda : Double.NaN, v,
                        lp.wByResource(m), feasible ? FROM_PLAN : METHOD,
                        s.iterations(), s.seconds(), s.deterministic(), (s.note() == null ? "" : s.note() + "; ")
                        + "finished exactly from the " + (feasible ? "plan" : "iterate") + ": " + side.size()
                        + " side columns, " + rows.size()
                        + " bound rows, " + (round + 1) + " rounds");
            }
            enter.sort((a, b) -> Double.compare(b[1], a[1]));
            int from = side.size();
            for (int i = 0; i < Math.min(ENTER, enter.size()); i++) {
                int col = (int) enter.get(i)[0];
                side.add(col);
                inSide[col] = true;
            }
            String trouble = addColumns(r, m, main, byRows, side.subList(from, side.size()), h, uh);
            if (trouble != null) {
                return fail(trouble);
            }
        }
        return fail("no optimum after " + MAX_ROUNDS + " rounds");
    }

    /**
     * Sets to zero the valuations at the rounding level of the largest: a product that costs nothing to make (no
     * inputs, only unlimited resources, as in a min-resource plan) is worth exactly nothing, but came out at 1e-16
     * through the small LP's dual of its bound row, and the certificate then saw its free technique run at a
     * profit, relative to that profit's own terms a dual infeasibility of 1 (PlanTestEconomies.random with
     * primary techniques, min-resource).
     */
    private static void snapRounding(double[] v) {
        double largest = 0;
        for (double x : v) {
            largest = Math.max(largest, Math.abs(x));
        }
        for (int p = 0; p < v.length; p++) {
            if (Math.abs(v[p]) <= 1e-14 * largest) {
                v[p] = 0.0;
            }
        }
    }

    /**
     * Main levels raised by what their products are short of, until nothing is short beyond {@link #MAKE_UP} of its
     * own flows (at most {@link #MAKE_UP_PASSES} passes): a main level clamped at zero (rounding below it) can leave
     * its product short by rounding, which is large beside that product's own small flows (seen with by-products:
     * -4e-19 against flows of 1e-12); making it up can leave its inputs short by as little, and those in turn.
     *
     * <p>Only a shortfall that is large beside the product's own flows is made up. One at the rounding of those flows
     * cannot be: the raise is lost in the sum that gives the net output, which stays short by as much pass after
     * pass, while the raised level's inputs fall short by what it adds, large beside their own flows where these
     * are themselves at the rounding level (PlanUnitsTest, joint economy -2075664239370928023: product 6 short by
     * 4e-20 of flows of 0.17 for eight passes, and product 23, made and used only at 1e-20, left short by 2e-21). And
     * a fixed number of passes could end on a raise whose inputs nothing then made (seed -2829687574944592818: a
     * level of 6e-26 raised in the last of eight passes, the product it uses made by nothing, short by all of its
     * flows, a primal infeasibility of 1 for the certificate).
     */
    private static void makeUp(LpModel m, Crossover.Makers r, int[] main, double[] d, double lambda, double[] z) {
        for (int pass = 0; pass < MAKE_UP_PASSES; pass++) {
            double[] net = m.net(z);
            double[] gross = m.grossActivity(z);
            boolean changed = false;
            for (int p = 0; p < m.np; p++) {
                double need = lambda * d[p];
                double shortBy = need - net[p];
                int t = main[p];
                double up = z[t] + shortBy / r.out[t];
                if (shortBy > MAKE_UP * (gross[p] + need) && up <= m.capacity[t] && up != z[t]) {
                    z[t] = up;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
    }

    /**
     * A shortfall below this share of the product's own flows is rounding, and is not made up: the finish's check
     * accepts 1e-9 of them, the certificate its tolerance.
     */
    static final double MAKE_UP = 1e-12;
    /**
     * Passes of {@link #makeUp} at most: each passes a shortfall on to the inputs of the level it raised, a chain
     * as long as the products at the rounding level are, each link a Leontief step smaller.
     */
    static final int MAKE_UP_PASSES = 100;

    /** What the finished levels break, if anything (a guard: the certificate is the real check). */
    private static String check(LpModel m, double[] z, double lambda) {
        double[] use = m.resourceUse(z);
        for (int r : m.limited) {
            if (use[r] > m.available[r] * (1 + 1e-9)) {
                return "resource " + r + " overrun: " + use[r] + " > " + m.available[r];
            }
        }
        double[] net = m.net(z);
        double[] gross = m.grossActivity(z);
        // a shortfall is measured against the product's own flows, as the certificate measures it: that is what a
        // change of units leaves as it is (a product's row is rescaled with its flows, not with the plan's largest).
        // A floor at 1e-15 of the largest flows (from a shortfall of 3.8e-25 beside own flows of 3.6e-16, which
        // makeUp now makes up) let through plans the certificate then refused, a product used at 1e-26 and made by
        // nothing (primal infeasibility 1: status limit on one copy of an economy only, PlanUnitsTest), and kept
        // them from the second try below with the rounding-level levels at zero
        for (int p = 0; p < m.np; p++) {
            double viol = lambda * m.demand[p] - net[p];
            if (viol > 0 && viol > 1e-9 * (gross[p] + lambda * m.demand[p])) {
                return "product " + p + " short: net output " + net[p] + " < " + lambda * m.demand[p];
            }
        }
        for (int t = 0; t < m.nt; t++) {
            if (z[t] < 0 || z[t] > m.capacity[t]) {
                return "level of technique " + t + " out of bounds: " + z[t];
            }
        }
        return null;
    }

    /** {@code into += times * N_t}: the net output of technique t at level {@code times}. */
    private static void addNetOutput(LpModel m, int t, double times, double[] into) {
        for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
            into[m.nRow[q]] += m.nVal[q] * times;
        }
    }

    private static double excess(LpModel m, int[] main, double[] zm, int p) {
        return Math.max(-zm[p], zm[p] - m.capacity[main[p]]);
    }

    /** Columns solved together per sweep over B: one pass over the main techniques serves them all. */
    static final int BATCH = 32;

    /**
     * Adds {@code h_c} with {@code B h_c = N_c} for the new side columns c (technique, or nt + p: disposal of p);
     * null, or why not. Each column is a full vector of the products: beyond half the heap (at 1,000,000 products
     * 8 MB a column) the finish gives up rather than run out of memory.
     */
    private static String addColumns(Crossover.Makers r, LpModel m, int[] main, MainRows rows, List<Integer> cols,
                                     List<double[]> h,
                                     List<double[]> uh) {
        int np = m.np;
        long bytes = (long) (h.size() + cols.size()) * np * Double.BYTES;
        if (bytes > Runtime.getRuntime().maxMemory() / 2) {
            return String.format(java.util.Locale.ROOT, "%,d side columns of %,d products would need %.1f GB, more than"
                    + " half the heap", h.size() + cols.size(), np, bytes / 1e9);
        }
        int batches = (cols.size() + BATCH - 1) / BATCH;
        // batches are independent and each is computed the same way on any thread: deterministic
        double[][] solved = java.util.stream.IntStream.range(0, batches).parallel().mapToObj(bi -> {
            int from = bi * BATCH;
            int k = Math.min(BATCH, cols.size() - from);
            double[] b = new double[np * k]; // interleaved: b[p * k + j]
            for (int j = 0; j < k; j++) {
                int c = cols.get(from + j);
                if (c >= m.nt) {
                    b[(c - m.nt) * k + j] = -1.0;
                } else {
                    for (int q = m.nStart[c]; q < m.nStart[c + 1]; q++) {
                        b[m.nRow[q] * k + j] += m.nVal[q];
                    }
                }
            }
            return levelsMany(rows, b, k);
        }).toArray(double[][]::new);
        for (int bi = 0; bi < batches; bi++) {
            double[] x = solved[bi];
            if (x == null) {
                return "the Leontief solves of the side columns did not converge";
            }
            int k = Math.min(BATCH, cols.size() - bi * BATCH);
            for (int j = 0; j < k; j++) {
                double[] hc = new double[np];
                for (int p = 0; p < np; p++) {
                    hc[p] = x[p * k + j];
                }
                h.add(hc);
                uh.add(useOfMain(r, main, hc));
            }
        }
        return null;
    }

    /**
     * Jacobi sweeps for B X = b (k interleaved right-hand sides), from zero, until the largest change
     * stops falling below 1e-13 of the largest entry (rounding). The final levels and valuations are
     * solved again to rounding from the balances and the certificate checks them; these columns set
     * how exactly the small LP's prices come out. Null if they do not settle.
     */
    private static double[] levelsMany(MainRows rows, double[] b, int k) {
        int np = rows.out.length;
        double[] x = new double[np * k];
        double[] acc = new double[k];
        double last = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 1000; it++) {
            // Gauss-Seidel over the rows of B: each product's levels from its users' newest levels
            double change = 0, size = 0;
            for (int p = 0; p < np; p++) {
                System.arraycopy(b, p * k, acc, 0, k);
                for (int e = rows.start[p]; e < rows.start[p + 1]; e++) {
                    double a = rows.value[e];
                    int xq = rows.user[e] * k;
                    for (int j = 0; j < k; j++) {
                        acc[j] += a * x[xq + j];
                    }
                }
                double o = rows.out[p];
                int xp = p * k;
                for (int j = 0; j < k; j++) {
                    double y = acc[j] / o;
                    change = Math.max(change, Math.abs(y - x[xp + j]));
                    size = Math.max(size, Math.abs(y));
                    x[xp + j] = y;
                }
            }
            if (!(size < 1e300)) {
                return null;
            }
            // to rounding: until the change stops falling (a stricter fixed test may never hold on large systems)
            if (change <= 1e-16 * size || change <= 1e-13 * size && change >= last) {
                for (int i = 0; i < x.length; i++) {
                    if (Math.abs(x[i]) < 1e-200) {
                        x[i] = 0.0; // subnormal-size entries would only slow GLOP down (and mean nothing)
                    }
                }
                return x;
            }
            last = change;
        }
        return null;
    }

    /**
     * B by rows: for each product p the products q whose main technique uses p, with how much per unit
     * level ({@code -N[p, main q]}), and the main technique's output of p. Built once per main choice.
     */
    private static final class MainRows {
        final int[] start;
        final int[] user;
        final double[] value;
        final double[] out;

        private MainRows(int[] start, int[] user, double[] value, double[] out) {
            this.start = start;
            this.user = user;
            this.value = value;
            this.out = out;
        }

        static MainRows of(Crossover.Makers r, LpModel m, int[] main) {
            int np = m.np;
            int[] start = new int[np + 1];
            for (int q = 0; q < np; q++) {
                int t = main[q];
                for (int e = m.nStart[t]; e < m.nStart[t + 1]; e++) {
                    if (e != r.own[t]) {
                        start[m.nRow[e] + 1]++;
                    }
                }
            }
            for (int p = 0; p < np; p++) {
                start[p + 1] += start[p];
            }
            int[] next = java.util.Arrays.copyOf(start, np);
            int[] user = new int[start[np]];
            double[] value = new double[start[np]];
            double[] out = new double[np];
            for (int q = 0; q < np; q++) {
                int t = main[q];
                out[q] = r.out[t];
                for (int e = m.nStart[t]; e < m.nStart[t + 1]; e++) {
                    if (e != r.own[t]) {
                        int p = m.nRow[e];
                        user[next[p]] = q;
                        value[next[p]++] = -m.nVal[e];
                    }
                }
            }
            return new MainRows(start, user, value, out);
        }
    }

    /** Use of each limited resource by the main techniques at levels x, and last their cost {@code c_M·x}. */
    private static double[] useOfMain(Crossover.Makers r, int[] main, double[] x) {
        double[] u = new double[r.nl + 1];
        LpModel m = r.m;
        if (!m.fulfil()) {
            double sum = 0;
            for (int p = 0; p < x.length; p++) {
                sum += m.cost(main[p]) * x[p];
            }
            u[r.nl] = sum;
        }
        for (int l = 0; l < r.nl; l++) {
            double[] ul = r.use[l];
            double sum = 0;
            for (int p = 0; p < x.length; p++) {
                sum += ul[main[p]] * x[p];
            }
            u[l] = sum;
        }
        return u;
    }

    /**
     * B^T v = c (v: valuations of the products): Jacobi sweeps, and where they do not settle (joint production can make
     * them cycle where B is regular) Gaussian elimination up to {@link Crossover#DENSE_LIMIT} products, so that the
     * finish does not give up on one copy of an economy and finish on another for want of convergence alone.
     */
    static boolean transposedLevels(Crossover.Makers r, LpModel m, int[] main, double[] c, double[] v) {
        if (jacobiTransposed(r, m, main, c, v)) {
            return true;
        }
        int np = m.np;
        if (np > Crossover.DENSE_LIMIT) {
            return false;
        }
        double[][] a = new double[np][np];
        for (int p = 0; p < np; p++) {
            int t = main[p];
            for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                a[p][m.nRow[q]] += m.nVal[q];
            }
        }
        double[] y = c.clone();
        if (!Crossover.solveDense(a, y)) {
            return false;
        }
        System.arraycopy(y, 0, v, 0, np);
        return true;
    }

    /** Jacobi sweeps for B^T v = c. */
    private static boolean jacobiTransposed(Crossover.Makers r, LpModel m, int[] main, double[] c, double[] v) {
        int np = m.np;
        double[] nv = new double[np];
        for (int it = 0; it < Crossover.MAX_SWEEPS; it++) {
            boolean settled = true;
            double size = 0;
            for (int p = 0; p < np; p++) {
                int t = main[p];
                double x = c[p], gross = Math.abs(c[p]);
                for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                    if (q != r.own[t]) {
                        double f = m.nVal[q] * v[m.nRow[q]];
                        x -= f;
                        gross += Math.abs(f);
                    }
                }
                x /= r.out[t];
                if (settled && Math.abs(x - v[p]) > 1e-14 * gross / r.out[t]) {
                    settled = false;
                }
                nv[p] = x;
                size = Math.max(size, Math.abs(x));
            }
            System.arraycopy(nv, 0, v, 0, np);
            if (!(size < 1e300)) {
                return false;
            }
            if (settled) {
                return true;
            }
        }
        return false;
    }

    /** The small LP in (λ, side levels) and its solution. */
    private static final class Small {
        SolveStatus status;
        double lambda;
        double[] x;
        double[] w; // per limited resource (m.limited order)
        double[] beta; // per bound row

        double[] wByResource(LpModel m) {
            double[] out = new double[m.nr];
            for (int l = 0; l < m.limited.length; l++) {
                out[m.limited[l]] = w[l];
            }
            return out;
        }

        static Small solve(LpModel m, Crossover.Makers r, int[] main, List<Integer> side, List<double[]> h,
                           List<double[]> uh, double[] g, double[] ug, double[] e, double[] ue, double[] fixedUse,
                           List<Integer> rows, double seconds, double[] scale, boolean plain) {
            int nl = r.nl, ns = side.size();
            double inf = Double.POSITIVE_INFINITY;
            ModelBuilderHelper b = new ModelBuilderHelper();
            ModelSolverHelper solver = new ModelSolverHelper("glop");
            try {
                // min-resource: λ held at 1, and each side column's objective is the cost it saves
                boolean fulfil = m.fulfil();
                int lam = b.addVar();
                b.setVarLowerBound(lam, fulfil ? 0 : 1);
                b.setVarUpperBound(lam, fulfil ? inf : 1);
                b.setVarObjectiveCoefficient(lam, fulfil ? 1.0 : 0.0);
                int[] xs = new int[ns];
                for (int k = 0; k < ns; k++) {
                    int c = side.get(k);
                    xs[k] = b.addVar();
                    b.setVarLowerBound(xs[k], 0);
                    // without its bound rows a side column could trade against main levels without end: the
                    // bound any feasible plan has on it keeps the small LP bounded
                    // a disposal has no bound of its own; with by-products it can look like a saving without end
                    // (min-resource) until the main levels it moves hit zero, rows the small LP may not have yet:
                    // a box of 1,000 times the product's gross output in the iterate keeps it bounded, and a
                    // solution at that box breaks main-level bounds, whose rows then come in
                    b.setVarUpperBound(xs[k], c < m.nt ? Math.min(m.capacity[c], m.levelBound(c))
                            : 1e3 * Math.max(1.0, scale[c - m.nt]));
                    if (!fulfil) {
                        double saves = uh.get(k)[nl] - (c < m.nt ? m.cost(c) : 0.0);
                        if (saves != 0.0) {
                            b.setVarObjectiveCoefficient(xs[k], saves);
                        }
                    }
                }
                int[] res = new int[nl];
                for (int l = 0; l < nl; l++) {
                    double a = m.available[m.limited[l]];
                    double s = a > 1 ? 1 / a : 1; // rows of order 1 keep GLOP's tolerances meaningful
                    res[l] = b.addLinearConstraint();
                    b.setConstraintLowerBound(res[l], -inf);
                    b.setConstraintUpperBound(res[l], (a - fixedUse[l] + ue[l]) * s);
                    b.addConstraintTerm(res[l], lam, ug[l] * s);
                    for (int k = 0; k < ns; k++) {
                        int c = side.get(k);
                        double own = c < m.nt ? r.use[l][c] : 0.0;
                        double coef = own - uh.get(k)[l];
                        if (coef != 0.0) {
                            b.addConstraintTerm(res[l], xs[k], coef * s);
                        }
                    }
                }
                int[] bound = new int[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    int p = rows.get(i);
                    bound[i] = b.addLinearConstraint();
                    b.setConstraintLowerBound(bound[i], e[p]);
                    b.setConstraintUpperBound(bound[i], m.capacity[main[p]] + e[p]);
                    b.addConstraintTerm(bound[i], lam, g[p]);
                    for (int k = 0; k < ns; k++) {
                        double coef = -h.get(k)[p];
                        if (coef != 0.0) {
                            b.addConstraintTerm(bound[i], xs[k], coef);
                        }
                    }
                }
                b.setMaximize(true);
                solver.setSolverSpecificParameters("primal_feasibility_tolerance: 1e-11 dual_feasibility_tolerance: 1e-11"
                        + (plain ? " use_preprocessing: false use_scaling: false" : ""));
                solver.enableOutput(false);
                solver.setTimeLimitInSeconds(seconds);
                solver.solve(b);
                Small out = new Small();
                out.status = solver.getStatus();
                if (out.status != SolveStatus.OPTIMAL) {
                    return out;
                }
                out.lambda = solver.getVariableValue(lam);
                out.x = new double[ns];
                for (int k = 0; k < ns; k++) {
                    out.x[k] = Math.max(0.0, solver.getVariableValue(xs[k]));
                }
                out.w = new double[nl];
                for (int l = 0; l < nl; l++) {
                    double a = m.available[m.limited[l]];
                    out.w[l] = solver.getDualValue(res[l]) * (a > 1 ? 1 / a : 1);
                }
                out.beta = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    out.beta[i] = solver.getDualValue(bound[i]);
                }
                return out;
            } finally {
                solver.delete();
                b.delete();
            }
        }
    }
}
