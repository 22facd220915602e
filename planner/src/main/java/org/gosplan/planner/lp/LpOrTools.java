package org.gosplan.planner.lp;

import com.google.ortools.Loader;
import com.google.ortools.modelbuilder.ModelBuilderHelper;
import com.google.ortools.modelbuilder.ModelSolverHelper;
import com.google.ortools.modelbuilder.SolveStatus;
import java.util.Locale;
import org.gosplan.planner.PlanOptions;

/**
 * Kantorovich's LP through OR-Tools' model builder ({@code ModelSolverHelper}): GLOP (primal/dual
 * simplex, exact to floating point), CLP, or PDLP (first-order primal-dual hybrid gradient). The
 * model goes in by index (one JNI call per coefficient, no per-element objects); the duals come
 * back as marginal values.
 *
 * <p>Sign convention of MPSolver: the dual value of a row is the derivative of the objective by
 * the row's bound, in the objective's own sense. For fulfil (maximise λ) a product row is
 * {@code N z - λ d >= 0}; one extra unit of the product lowers the bound by one, so its valuation
 * is minus the dual; a resource row is {@code R z <= a} and its price is the dual. For
 * min-resource (minimise) the valuation of a product row {@code N z >= d} is the dual and the
 * price of a resource row minus the dual.
 *
 * <p>PDLP gets its resource rows with an availability above 1 divided by it (bound 1; the prices
 * are scaled back), so that its relative termination test is not loosened by the size of the availabilities,
 * and its own parameters as a text proto ({@code PrimalDualHybridGradientParams}; system properties
 * {@code gosplan.pdlp.factor}, {@code .epsAbs}, {@code .epsRel}, {@code .termination} (inside
 * {@code termination_criteria}), {@code .extra}, {@code .scaleRows} for experiments). Parameters
 * OR-Tools rejects throw {@link IllegalArgumentException} rather than being ignored.
 */
final class LpOrTools {
    private LpOrTools() {}

    private static boolean loaded;

    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    enum Engine {
        GLOP("glop", "glop", true),
        /** GLOP without presolve and scaling, for answers the default left inexact (see {@code LpPlanner.simplex}). */
        GLOP_UNPRESOLVED("glop", "glop", true),
        CLP("clp", "clp", true),
        PDLP("pdlp", "pdlp", false);

        final String solverId;
        final String method;
        final boolean exact;

        Engine(String solverId, String method, boolean exact) {
            this.solverId = solverId;
            this.method = method;
            this.exact = exact;
        }
    }

    static LpSolution solve(LpModel m, Engine engine, PlanOptions o) {
        return solve(m, engine, o, 0);
    }

    /**
     * As {@link #solve(LpModel, Engine, PlanOptions)}, PDLP stopped after at most {@code iterationLimit}
     * iterations (0: none); an iterate cut off by the iteration limit alone is deterministic (for a given
     * thread count).
     */
    static LpSolution solve(LpModel m, Engine engine, PlanOptions o, long iterationLimit) {
        if (engine != Engine.PDLP || iterationLimit > 0 || o.timeLimitSeconds() > 0
                || System.getProperty("gosplan.pdlp.termination", "").contains("iteration_limit")) {
            return run(m, engine, o, iterationLimit, false, false).solution;
        }
        // PDLP to its tolerance, with neither an iteration nor a time limit from the caller: bounded all the same.
        // On a few small LPs (about 1 in 1,000 tries of PlanUnitsTest's property, economies of 2 to 30 products)
        // PDLP's iterate stops moving short of its tolerance and it runs for ever, or for millions of iterations
        // until a numerical error (a 24-product joint economy: the relative gap at
        // -4.1e-8 from iteration 15,000 to 2,000,000 for ε = 1e-8): its primal weight falls to 1e-9 at a restart,
        // so its dual steps vanish. Run without its own l∞ (Ruiz) equilibration, on top of Scaling's, each such LP
        // found reached its tolerance in under 300,000 iterations; so after stallIterations PDLP runs once more that
        // way. Both are iteration limits, not time limits: the answer stays the same on every machine.
        long bound = stallIterations(m);
        Run first = run(m, engine, o, bound, false, true);
        if (!first.atLimit) {
            return first.solution;
        }
        Run again = run(m, engine, o, bound, true, true);
        String why = "PDLP stalled short of its tolerance in " + String.format(Locale.ROOT, "%,d", bound)
                + " iterations";
        LpSolution a = first.solution, b = again.solution;
        double seconds = a.seconds() + b.seconds();
        if (again.optimal) {
            return b.withSeconds(seconds).withNote(why + "; solved again without its own equilibration");
        }
        // neither proved its answer: the first iterate goes on to the repair, the finish and the certificate
        return a.withSeconds(seconds).withNote(why + ", also without its own equilibration; its last iterate is used");
    }

    /**
     * The iterations PDLP gets to reach its tolerance where no caller set a limit: far more than it needs on any
     * LP it converges on (measured on the units property's random economies of 2 to 30 products: 350 of 354
     * within 10,000, all within 30,000), growing with the LP's size, so that a large one is not cut short.
     */
    static long stallIterations(LpModel m) {
        long base = Long.getLong("gosplan.pdlp.stall", STALL_ITERATIONS); // for experiments, as gosplan.pdlp.*
        return Math.min(Integer.MAX_VALUE, base + 100L * (m.np + m.nr + m.nt)); // PDLP's limit is 32-bit
    }

    static final long STALL_ITERATIONS = 200_000;

    /** The simplex iterations GLOP gets (GLOP has no limit of its own): far more than a simplex needs, by size. */
    static long glopIterations(LpModel m) {
        return 10_000 + 50L * (m.np + m.nr + m.nt + 1);
    }

    private record Run(LpSolution solution, boolean atLimit, boolean optimal) {}

    private static Run run(LpModel m, Engine engine, PlanOptions o, long iterationLimit, boolean unequilibrated,
                           boolean bound) {
        load();
        long t0 = System.nanoTime();
        ModelBuilderHelper s = new ModelBuilderHelper();
        ModelSolverHelper solver = new ModelSolverHelper(engine.solverId);
        try {
            if (!solver.solverIsSupported()) {
                throw new IllegalStateException("OR-Tools solver " + engine.solverId + " is not available");
            }
            double inf = Double.POSITIVE_INFINITY;
            boolean fulfil = m.fulfil();
            Grid g = engine == Engine.PDLP ? Grid.forPdlp(o) : Grid.EXACT;
            int nt = m.nt;
            for (int t = 0; t < nt; t++) {
                int j = s.addVar();
                s.setVarLowerBound(j, 0.0);
                s.setVarUpperBound(j, g.of(m.capacity[t]));
                if (!fulfil && m.cost[t] != 0.0) {
                    s.setVarObjectiveCoefficient(j, g.of(m.cost[t]));
                }
            }
            int lambda = -1;
            if (fulfil) {
                lambda = s.addVar();
                s.setVarLowerBound(lambda, 0.0);
                s.setVarUpperBound(lambda, inf);
                s.setVarObjectiveCoefficient(lambda, 1.0);
            }
            for (int p = 0; p < m.np; p++) {
                int c = s.addLinearConstraint();
                s.setConstraintLowerBound(c, fulfil ? 0.0 : g.of(m.demand[p]));
                s.setConstraintUpperBound(c, inf);
            }
            int[] rowOf = new int[m.nr];
            // PDLP: resource rows with availability above 1 divided by it (bound 1), so that its termination
            // test, relative to the norm of the bounds, does not let the product rows off by a_r times eps
            // (scaling up rows with a small availability too broke PlanMethodsTest: primal infeasibility 4.7e-6)
            double[] rowScale = new double[m.nr];
            boolean scale = engine == Engine.PDLP && scaleRows();
            for (int r : m.limited) {
                double a = m.available[r];
                rowScale[r] = scale && a > 1 && a < inf ? 1.0 / a : 1.0;
                rowOf[r] = s.addLinearConstraint();
                s.setConstraintLowerBound(rowOf[r], -inf);
                s.setConstraintUpperBound(rowOf[r], rowScale[r] == 1.0 ? g.of(a) : 1.0);
            }
            for (int t = 0; t < nt; t++) {
                for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                    if (m.nVal[q] != 0.0) {
                        s.addConstraintTerm(m.nRow[q], t, g.of(m.nVal[q]));
                    }
                }
                for (int q = m.rStart[t]; q < m.rStart[t + 1]; q++) {
                    int r = m.rRow[q];
                    if (m.isLimited(r) && m.rVal[q] != 0.0) {
                        s.addConstraintTerm(rowOf[r], t, g.of(m.rVal[q] * rowScale[r]));
                    }
                }
            }
            if (fulfil) {
                for (int p : m.targeted) {
                    s.addConstraintTerm(p, lambda, -g.of(m.demand[p]));
                }
            }
            s.setMaximize(fulfil);
            String params = parameters(engine, o, iterationLimit, m, unequilibrated);
            if (params != null) {
                solver.setSolverSpecificParameters(params);
            }
            if (o.timeLimitSeconds() > 0) {
                solver.setTimeLimitInSeconds(o.timeLimitSeconds());
            }
            long[] iterations = {0}; // OR-Tools' model solver does not report iteration counts: 0
            solver.enableOutput(false);
            solver.solve(s);
            SolveStatus status = solver.getStatus();
            if (status == SolveStatus.INVALID_SOLVER_PARAMETERS || status == SolveStatus.INCOMPATIBLE_OPTIONS
                    || solver.getStatusString().contains("INVALID_ARGUMENT")) {
                // a parameter OR-Tools does not know or rejects must not be silently ignored
                throw new IllegalArgumentException("OR-Tools " + engine.solverId + " rejected the model or the"
                        + " parameters '" + params + "': " + status + " " + solver.getStatusString());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            // PDLP splits its work into shards by num_threads, not by the machine's cores, and adds them in order:
            // measured, the same bits run after run for 1, 2, 3 and 4 threads (also 4 on 2 busy cores), stopped
            // by an iteration limit or by its tolerance; only a time limit makes the iterate depend on the machine
            boolean deterministic = true;
            int threads = o.threadsFor(m.nt);
            String note = engine == Engine.PDLP ? "PDLP on " + threads + " thread" + (threads == 1 ? "" : "s")
                    : null;
            switch (status) {
                case OPTIMAL:
                case FEASIBLE:
                    break;
                case INFEASIBLE:
                    return new Run(LpSolution.without(LpSolution.Outcome.INFEASIBLE, engine.method, iterations[0],
                            seconds, note), false, false);
                case UNBOUNDED:
                    return new Run(LpSolution.without(LpSolution.Outcome.UNBOUNDED, engine.method, iterations[0],
                            seconds, note), false, false);
                default:
                    if (engine == Engine.PDLP && solver.hasResponse() && status == SolveStatus.NOT_SOLVED) {
                        // at its time or iteration limit PDLP still returns its last iterate (OR-Tools fills the
                        // values whatever the status; hasSolution() only says OPTIMAL or FEASIBLE): worth
                        // repairing and certifying, the certificate says how far it is from optimal
                        // OR-Tools' own status text names its internals: the note says what happened in words
                        if (bound) {
                            // stopped by stallIterations: solve(...) says so
                        } else if (iterationLimit > 0 && o.timeLimitSeconds() <= 0) {
                            note = (note == null ? "" : note + "; ") + "PDLP's iterate after at most "
                                    + iterationLimit + " iterations";
                        } else {
                            note = (note == null ? "" : note + "; ") + "PDLP stopped at its time or iteration limit"
                                    + " before it proved its answer; an iterate cut off by a time limit depends on the"
                                    + " machine's speed: not bit-for-bit reproducible";
                            deterministic = false;
                        }
                        break;
                    }
                    if (engine == Engine.PDLP && solver.hasResponse() && status == SolveStatus.ABNORMAL) {
                        // PDLP's step-size search can give up on a small, ordinary economy ("inner iteration limit
                        // reached", a numerical error; seen on a 37-product one in PlanMethodsTest): its last
                        // average iterate still comes back, and the repair, the finish and the certificate decide
                        // what it is worth; it is the same on every run (no clock involved)
                        note = (note == null ? "" : note + "; ") + "PDLP stopped with a numerical error; its last"
                                + " iterate is used";
                        break;
                    }
                    return new Run(LpSolution.without(LpSolution.Outcome.LIMIT, engine.method, iterations[0], seconds,
                            (engine == Engine.PDLP ? "PDLP" : "the simplex method (GLOP)") + " stopped without an answer: "
                                    + (engine != Engine.PDLP && engine != Engine.CLP
                                    && status == SolveStatus.NOT_SOLVED && o.timeLimitSeconds() <= 0
                                    ? "it reached its limit of "
                                    + String.format(Locale.ROOT, "%,d", glopIterations(m)) + " iterations first"
                                    : inWords(status))), false, false);
            }
            double[] z = new double[nt];
            for (int t = 0; t < nt; t++) {
                z[t] = solver.getVariableValue(t);
            }
            double lam = fulfil ? solver.getVariableValue(lambda) : Double.NaN;
            double[] v = new double[m.np];
            double sign = fulfil ? -1.0 : 1.0;
            for (int p = 0; p < m.np; p++) {
                v[p] = sign * solver.getDualValue(p);
            }
            double[] w = new double[m.nr];
            for (int r : m.limited) {
                w[r] = -sign * solver.getDualValue(rowOf[r]) * rowScale[r];
            }
            LpSolution.Outcome outcome = status == SolveStatus.OPTIMAL || engine == Engine.PDLP
                    ? LpSolution.Outcome.SOLVED : LpSolution.Outcome.LIMIT;
            return new Run(new LpSolution(outcome, z, lam, v, w, engine.method, iterations[0], seconds, deterministic,
                    note), bound && status == SolveStatus.NOT_SOLVED, status == SolveStatus.OPTIMAL);
        } finally {
            solver.delete();
            s.delete();
        }
    }

    /**
     * The numbers PDLP gets, rounded to a grid far finer than its tolerance, so that an economy and its copy in other
     * units hand it the same LP bit for bit. {@link Scaling} makes their scaled problems the same only to rounding
     * (a few units in the last place: the copy's own data carry that much), and PDLP's path is chaotic: two LPs 5e-16
     * apart ended 2e-8 apart (PlanUnitsTest), one finished exactly and the other not, or one at its iteration limit.
     * Each number keeps {@code bits} significant bits: {@code 2^-bits} relative is at most a quarter of PDLP's ε (the
     * coefficients move by at most an eighth of ε, which its answer, checked and finished on the unrounded LP, absorbs),
     * and two numbers 5e-16 apart round apart with a chance of 5e-16 over the grid: about 3e-7 at the default
     * tolerance. System property {@code gosplan.pdlp.grid=false} turns it off, for measurements.
     */
    record Grid(int bits) {
        static final Grid EXACT = new Grid(0);

        static Grid forPdlp(PlanOptions o) {
            if (!Boolean.parseBoolean(System.getProperty("gosplan.pdlp.grid", "true"))) {
                return EXACT;
            }
            double quarter = pdlpEpsilon(o) / 4;
            // 2^-bits <= quarter; at most 52 (a double's own grid)
            int bits = Math.min(52, (int) Math.ceil(-Math.log(quarter) / Math.log(2)));
            return new Grid(Math.max(bits, 1));
        }

        /** x rounded to {@code bits} bits after its leading one (x itself where exact, infinite, NaN or 0). */
        double of(double x) {
            if (bits == 0 || x == 0 || !Double.isFinite(x)) {
                return x;
            }
            int e = Math.getExponent(x);
            return Math.scalb(Math.rint(Math.scalb(x, bits - e)), e - bits);
        }
    }

    /** Why OR-Tools stopped without an answer, in words (its status text names its internals instead). */
    static String inWords(SolveStatus status) {
        switch (status) {
            case ABNORMAL:
                return "it met a numerical difficulty it could not get past";
            case NOT_SOLVED:
                return "it reached its time or iteration limit first";
            case MODEL_INVALID:
                return "it refused the problem's numbers";
            case CANCELLED_BY_USER:
                return "it was interrupted";
            default:
                return "it ended in a state it did not explain";
        }
    }

    static boolean scaleRows() {
        return Boolean.parseBoolean(System.getProperty("gosplan.pdlp.scaleRows", "true"));
    }

    /** PDLP's ε, its absolute and relative optimality tolerance: the plan's tolerance times a factor (below). */
    static double pdlpEpsilon(PlanOptions o) {
        double factor = Double.parseDouble(System.getProperty("gosplan.pdlp.factor", scaleRows() ? "0.1" : "0.01"));
        return o.tolerance() * factor;
    }

    private static String parameters(Engine engine, PlanOptions o, long iterationLimit, LpModel m,
                                     boolean unequilibrated) {
        int techniques = m.nt;
        // GLOP has no iteration limit of its own: without presolve and at tolerances near rounding it can pivot for
        // ever on a degenerate LP (a least-use stage of a 15-product joint economy, PlanUnitsTest)
        String glopLimit = " max_number_of_iterations: " + glopIterations(m) + " "
                + System.getProperty("gosplan.glop.extra", ""); // for experiments, as gosplan.pdlp.extra
        switch (engine) {
            case GLOP:
                // tighter than the defaults (1e-8): the certificate is checked on the unscaled figures
                return "primal_feasibility_tolerance: 1e-10 dual_feasibility_tolerance: 1e-10" + glopLimit;
            case GLOP_UNPRESOLVED:
                // measured on the random economies where the default left 1e-8 to 1e-6 violations (PlanMethodsTest):
                // neither presolve nor scaling, and tolerances near rounding, certified every one to 1e-12; on the
                // model in Scaling's units one (seed -15987) kept a product consumed and never made at the primal
                // tolerance 1e-12, none at 1e-14
                return "primal_feasibility_tolerance: 1e-14 dual_feasibility_tolerance: 1e-12 use_preprocessing: false "
                        + "use_scaling: false" + glopLimit;
            case PDLP: {
                // PDLP's test is relative to the l2 norms of the bounds and costs; with the resource rows scaled
                // to bound 1 (scaleRows) that is close to the certificate's relative gap, and ε = tolerance
                // proves it (docs/benchmarks.md, "The optimal plan"); unscaled the bounds' norm is the largest availability,
                // and ε had to be 100 times smaller and still proved only about 4e-5. On the model in Scaling's
                // units PDLP's gap test, ε_abs + ε_rel (|primal| + |dual|), lets the certificate's relative gap
                // reach a few ε: the farm of PlanUnitsTest ended at 2.6e-7 for a tolerance of 1e-7 with ε =
                // tolerance and with ε = tolerance / 3, at 1.7e-10 with ε = tolerance / 10
                double eps = pdlpEpsilon(o);
                return String.format(Locale.ROOT, "num_threads: %d verbosity_level: 0 "
                        + "termination_criteria { %s simple_optimality_criteria { eps_optimal_absolute: %s "
                        + "eps_optimal_relative: %s } } %s%s", o.threadsFor(techniques),
                        (iterationLimit > 0 ? "iteration_limit: " + iterationLimit + " " : "")
                                + System.getProperty("gosplan.pdlp.termination", ""),
                        System.getProperty("gosplan.pdlp.epsAbs", Double.toString(eps)),
                        System.getProperty("gosplan.pdlp.epsRel", Double.toString(eps)),
                        System.getProperty("gosplan.pdlp.extra", ""),
                        unequilibrated ? " l_inf_ruiz_iterations: 0" : "");
            }
            default:
                return null;
        }
    }
}
