package org.gosplan.planner.lp;

import org.gosplan.economy.Economy;
import org.gosplan.economy.Progress;
import org.gosplan.planner.Certificate;
import org.gosplan.planner.Diagnosis;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.Planner;
import org.gosplan.planner.PlannerException;
import org.gosplan.planner.harmony.Harmony;

/**
 * The methods of {@link Planner} on the LP of an economy: the model, the choice of method, scaling and the
 * answer assembled in the economy's units. {@link Planner} is the public face; this is its engine.
 */
public final class LpPlanner {
    private LpPlanner() {}

    /** {@link Planner#plan(Economy, PlanOptions, Progress)}. */
    public static Plan plan(Economy e, PlanOptions o, Progress progress) {
        return LeastUse.plan(model(e, o), o, progress == null ? Progress.NONE : progress);
    }

    /** {@link Planner#exportMps}: the LP in free MPS format (see {@link LpMps}). */
    public static void exportMps(Economy e, PlanOptions o, java.nio.file.Path file) {
        try {
            LpMps.write(model(e, o), file);
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    static LpModel model(Economy e, PlanOptions o) {
        // numbers no scaling can bring into a double's range are bad input (exit 2), never a solver's problem
        org.gosplan.economy.Validation.requirePlannable(e);
        if (e.targets() == 0) {
            throw new PlannerException("the economy has no targets; give at least one (\"targets\" in an economy"
                    + " JSON file, targets.csv in an economy folder)");
        }
        int r0 = -1;
        if (o.objective() == PlanObjective.MIN_RESOURCE) {
            if (e.resources() == 0) {
                throw new PlannerException("objective", "min-resource minimises a resource, but the economy has"
                        + " none; add a resource or use --objective fulfil");
            }
            if (o.resource() == null) {
                r0 = 0;
            } else {
                r0 = e.resourceIndex(o.resource());
                if (r0 < 0) {
                    StringBuilder b = new StringBuilder();
                    for (int r = 0; r < e.resources() && r < 20; r++) {
                        b.append(r == 0 ? "" : ", ").append(e.resourceId(r));
                    }
                    String near = org.gosplan.economy.Ids.didYouMean(o.resource(), e.resources(), e::resourceId);
                    throw new PlannerException("resource", "no resource '" + o.resource() + "' in the economy"
                            + (near.isEmpty() ? "; its resources are: " + b : near));
                }
            }
        }
        return new LpModel(e, o.objective(), r0);
    }

    /** What a simplex answer must prove (or the tolerance, if smaller) before it is kept without a second try. */
    static final double SIMPLEX_TOLERANCE = 1e-9;

    /**
     * GLOP; where its answer does not prove itself to 1e-9, or where it ends without one, once more without
     * presolve and scaling: its postsolve can leave violations far above GLOP's own tolerances (4.5e-7 relative on
     * a random economy of 60 products, PlanMethodsTest), and its presolve can call a least-use stage, whose feasible
     * set has no interior, infeasible or give up on it (LeastUseTest: a min-resource stage of 134 products
     * "infeasible", one of 78 ABNORMAL; both solved at once unpresolved). Where neither proves itself, the better one
     * repaired ({@link CertificateRepair}: on a stage GLOP at its feasibility tolerance consumed 1.6e-10 of a product
     * nothing makes, a primal infeasibility of 100% of that product), and the best-certified is kept.
     * Left: on about 1 stage in 500 GLOP's duals are large and their terms cancel, a gap of 1e-7 to 1e-6 with both
     * sides feasible to 1e-15 (LeastUseTest; in the economy's units the unpresolved answer's value even fell below its
     * own dual bound); the exact finish from such an answer ended 4e-7 from the finish's own value, so it is not
     * used here.
     */
    static LpSolution simplex(LpModel m, PlanOptions o) {
        LpSolution s = LpOrTools.solve(m, LpOrTools.Engine.GLOP, o);
        if (s.outcome() == LpSolution.Outcome.UNBOUNDED) {
            return s;
        }
        // a simplex answer is exact up to rounding: one that does not prove itself to 1e-9 is redone
        double tolerance = Math.min(o.tolerance(), SIMPLEX_TOLERANCE);
        double before = Double.POSITIVE_INFINITY;
        if (s.outcome() == LpSolution.Outcome.SOLVED) {
            before = worst(m, s, o);
            if (before <= tolerance) {
                return s;
            }
        }
        String why = s.outcome() == LpSolution.Outcome.SOLVED ? "its first answer did not prove itself"
                : "its first try ended " + s.outcome().toString().toLowerCase(java.util.Locale.ROOT);
        LpSolution best = s;
        LpSolution again = LpOrTools.solve(m, LpOrTools.Engine.GLOP_UNPRESOLVED, o);
        if (again.outcome() == LpSolution.Outcome.SOLVED) {
            double after = worst(m, again, o);
            if (after < before) {
                best = again.withSeconds(s.seconds() + again.seconds())
                        .withNote("solved again by GLOP without presolve and scaling: " + why);
                before = after;
            }
        }
        if (before <= tolerance) {
            return best;
        }
        if (best.outcome() != LpSolution.Outcome.SOLVED) {
            return best;
        }
        LpSolution repaired = CertificateRepair.repair(m, best);
        double r = worst(m, repaired, o);
        if (r < before && r <= o.tolerance()) {
            // only where it proves the plan: repairing can trade a gap for a primal infeasibility (5e-9 on a stage)
            best = repaired.withNote("repaired: GLOP's answer did not prove itself");
        }
        return best;
    }

    /** The largest of the certificate's three measures for s on m. */
    private static double worst(LpModel m, LpSolution s, PlanOptions o) {
        Certificate c = PlanAssembly.assemble(m, s, o, null).certificate();
        return Math.max(c.primalInfeasibility(), Math.max(c.dualInfeasibility(), c.gap()));
    }

    /**
     * The exact basis finish ({@link BasisFinish}) started from {@code levels}, a plan in the economy's units that
     * meets every constraint of {@code given} (the plan before a least-use stage): what plans a stage beyond the
     * simplex method's size where policy iteration does not apply. Without levels (status limit) where it gives up.
     */
    static Plan finishFrom(LpModel given, double[] levels, PlanOptions o, Progress progress) {
        long t0 = System.nanoTime();
        Scaling scaling = Scaling.of(given);
        LpSolution start = new LpSolution(LpSolution.Outcome.SOLVED, scaling.scaledLevels(levels), Double.NaN, null,
                null, BasisFinish.FROM_PLAN, 0, 0, true, null);
        LpSolution s = scaling.unscale(BasisFinish.finish(scaling.model(), start, o, progress, true));
        if (s.outcome() != LpSolution.Outcome.SOLVED) {
            return PlanAssembly.without(given, PlanStatus.LIMIT, LpSolution.without(LpSolution.Outcome.LIMIT,
                    BasisFinish.FROM_PLAN, 0, PolicyIteration.seconds(t0), s.note()), null);
        }
        return PlanAssembly.assemble(given, s.withSeconds(PolicyIteration.seconds(t0)), o, null);
    }

    static Plan solve(LpModel m, PlanOptions o) {
        return solve(m, o, Progress.NONE);
    }

    private static final String SIMPLEX_STEP = "planning: simplex (GLOP)";

    private static String pdlpStep(LpModel m, PlanOptions o, long iterations) {
        int threads = o.threadsFor(m.nt);
        return "planning: PDLP on " + threads + " thread" + (threads == 1 ? "" : "s") + ", "
                + (iterations > 0 ? String.format(java.util.Locale.ROOT, "%,d iterations", iterations)
                        : "to the tolerance " + o.tolerance()
                                + (o.timeLimitSeconds() > 0 ? " or " + o.timeLimitSeconds() + " s"
                                : !BasisFinish.tried(m) ? " (this can take hours; --time-limit S stops it"
                                        + " with a certified plan)" : ""));
    }

    static Plan solve(LpModel given, PlanOptions o, Progress progress) {
        long t0 = System.nanoTime();
        // every method plans the model in the units Scaling chose; its answer comes back in the economy's units
        // (below, m = given) and is assembled, certified and diagnosed there
        Scaling scaling = Scaling.of(given);
        LpModel m = scaling.model();
        String note = null;
        LpSolution s = null;
        switch (o.method()) {
            case AUTO:
            case EXACT:
            case POLICY: {
                progress.update("planning: policy iteration", -1, -1);
                s = PolicyIteration.solve(m);
                if (s.outcome() == LpSolution.Outcome.NOT_APPLICABLE) {
                    if (o.method() == PlanMethod.POLICY) {
                        throw new PlannerException("method", "policy iteration does not apply to this problem: "
                                + s.note() + "; use --method auto");
                    }
                    note = "policy iteration does not apply: " + s.note();
                    boolean simplex = o.method() == PlanMethod.EXACT || m.nt <= Planner.SIMPLEX_LIMIT;
                    if (!simplex && BasisFinish.tried(m) && o.timeLimitSeconds() <= 0
                            && BasisFinish.applies(m)) {
                        // some thousands of PDLP iterations (deterministic), then the exact finish on the basis
                        // structure they suggest; where it does not finish, PDLP goes on to the tolerance
                        progress.update(pdlpStep(m, o, BasisFinish.warmIterations(m)), -1, -1);
                        LpSolution warm = LpOrTools.solve(m, LpOrTools.Engine.PDLP, o, BasisFinish.warmIterations(m));
                        if (warm.outcome() == LpSolution.Outcome.SOLVED) {
                            s = BasisFinish.finish(m, CertificateRepair.repair(m, warm), o, progress);
                            if (s.outcome() == LpSolution.Outcome.NOT_APPLICABLE) {
                                note = note + "; " + s.note();
                            }
                        }
                    }
                    if (s.outcome() == LpSolution.Outcome.NOT_APPLICABLE) {
                        progress.update(simplex ? SIMPLEX_STEP : pdlpStep(m, o, 0), -1, -1);
                        s = simplex ? simplex(m, o)
                                : LpOrTools.solve(m, LpOrTools.Engine.PDLP, o, LeastUse.pdlpIterations(m, o));
                    }
                }
                break;
            }
            case SIMPLEX:
                progress.update(SIMPLEX_STEP, -1, -1);
                s = simplex(m, o);
                break;
            case PDLP:
                progress.update(pdlpStep(m, o, LeastUse.pdlpIterations(m, o)), -1, -1);
                s = LpOrTools.solve(m, LpOrTools.Engine.PDLP, o, LeastUse.pdlpIterations(m, o));
                break;
            case HARMONY:
                progress.update("planning: harmony", -1, -1);
                s = Harmony.solve(scaling.forHarmony(), o);
                break;
            default:
                throw new IllegalStateException();
        }
        if (s.outcome() == LpSolution.Outcome.SOLVED && (s.method().equals("pdlp") || s.method().equals("harmony"))) {
            s = CertificateRepair.repair(m, s);
            if (s.method().equals("pdlp")) {
                // PDLP's iterate is only as exact as its tolerance: finish it on the basis structure it suggests
                LpSolution f = BasisFinish.finish(m, s, o, progress);
                s = f.outcome() == LpSolution.Outcome.SOLVED ? f : s.withNote(f.note());
            }
        }
        s = scaling.unscale(s).withSeconds(PolicyIteration.seconds(t0));
        m = given;
        if (note != null) {
            s = s.withNote(note);
        }
        if (s.outcome() == LpSolution.Outcome.INFEASIBLE && m.fulfil()) {
            // fulfil always has the plan that makes nothing: a solver's "infeasible" is its dual's
            s = LpSolution.without(LpSolution.Outcome.UNBOUNDED, s.method(), s.iterations(), s.seconds(), s.note());
        }
        switch (s.outcome()) {
            case INFEASIBLE: {
                progress.update("planning: infeasible; finding a small set of constraints that cannot hold together", -1, -1);
                Diagnosis d = DiagnosisFinder.infeasible(m, o, m.nt <= Planner.SIMPLEX_LIMIT || o.method() == PlanMethod.EXACT);
                return PlanAssembly.without(m, PlanStatus.INFEASIBLE, s, d);
            }
            case UNBOUNDED:
                return PlanAssembly.without(m, PlanStatus.UNBOUNDED, s, DiagnosisFinder.unbounded(m));
            case LIMIT:
            case NOT_APPLICABLE:
                if (s.z() == null) {
                    return decided(m, scaling, o, s, PlanAssembly.without(m, PlanStatus.LIMIT, s, null));
                }
                return decided(m, scaling, o, s, PlanAssembly.assemble(m, s, o, null));
            default:
                return decided(m, scaling, o, s, PlanAssembly.assemble(m, s, o, null));
        }
    }

    /**
     * {@code p}, or where PDLP left it unproven ({@code limit}) on a problem the simplex method can take, the
     * problem's unboundedness or infeasibility decided by GLOP and reported with the diagnosis GLOP's own plan
     * gets. PDLP detects either only through a ray it may never converge to: on the Leontief 1958 economy, with
     * no limited resource, its λ grew past 6e5 and it stopped at its iteration limit twice (issue 16). A problem
     * GLOP finds bounded and feasible keeps PDLP's limit: the user asked for PDLP's plan, and GLOP's is not it.
     */
    private static Plan decided(LpModel m, Scaling scaling, PlanOptions o, LpSolution s, Plan p) {
        if (p.status() != PlanStatus.LIMIT || !s.method().equals("pdlp") || m.nt > Planner.SIMPLEX_LIMIT
                || m.generalCost()) {
            return p;
        }
        LpSolution d = LpOrTools.solve(scaling.model(), LpOrTools.Engine.GLOP, o);
        LpSolution.Outcome outcome = d.outcome();
        if (outcome == LpSolution.Outcome.INFEASIBLE && m.fulfil()) {
            outcome = LpSolution.Outcome.UNBOUNDED; // fulfil always has the plan that makes nothing
        }
        if (outcome != LpSolution.Outcome.UNBOUNDED && outcome != LpSolution.Outcome.INFEASIBLE) {
            return p;
        }
        String word = outcome == LpSolution.Outcome.UNBOUNDED ? "unbounded" : "infeasible";
        LpSolution r = LpSolution.without(outcome, s.method(), s.iterations(), s.seconds() + d.seconds(),
                s.note()).withNote("PDLP did not prove its answer; the simplex method (GLOP) finds the problem "
                + word);
        if (outcome == LpSolution.Outcome.UNBOUNDED) {
            return PlanAssembly.without(m, PlanStatus.UNBOUNDED, r, DiagnosisFinder.unbounded(m));
        }
        return PlanAssembly.without(m, PlanStatus.INFEASIBLE, r, DiagnosisFinder.infeasible(m, o, true));
    }
}
