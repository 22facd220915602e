package org.gosplan.planner.lp;

import java.util.ArrayList;
import java.util.List;
import org.gosplan.economy.Progress;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanSolverInfo;
import org.gosplan.planner.PlanStage;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.Planner;

/**
 * No waste among optimal plans: after the objective, the least use of the resources with the objective held
 * at its optimum. The optimum of fulfil or min-resource is seldom unique: where land binds and labour does
 * not, a plan that spends the idle labour on tractors nobody asked for is as optimal for λ as one that does
 * not (the simplex method chose the first: 1,312 surplus tractors and every hour of labour used), and no
 * planner would publish it.
 *
 * <p>Stages, each a min-cost LP ({@link LpModel#withCost}) solved by {@link Planner#solve} with the method of
 * the objective, so that it gets everything the objective gets (policy iteration where its conditions hold
 * for the stage's LP, else the fallback of {@code auto}; PDLP with its repair and the exact finish; the
 * simplex method with its second try; PDLP in a stage stops after {@link #pdlpIterations} iterations, and where
 * its finish does not make the stage exact the simplex method solves it if the size allows, as {@code auto}
 * would):
 * <ol>
 *   <li>{@code limited}: minimise {@code Σ_r (R z)_r / a_r} over the limited resources (available
 *       {@code a_r > 0}), subject to the plan's own constraints and the objective held: {@code N z >= λ* d}
 *       for fulfil, the minimised resource's use at most its minimum for min-resource;</li>
 *   <li>{@code unlimited}: minimise {@code Σ_r (R z)_r / u_r} over the unlimited resources ({@code u_r} their
 *       use after the limited stage, so that units do not matter; one the plan does not use is held at zero),
 *       with every limited resource held at its use after the limited stage as well.</li>
 * </ol>
 * Each optimum is held up to a slack of {@link #SLACK} plus twice the primal infeasibility of the plan it comes
 * from (widened by its certificate's gap only where the stage then has no answer, {@link #gapHeld}): the plan
 * before a stage then meets the stage's constraints but for rounding, far inside every method's tolerance, so
 * that noise cannot make a stage infeasible, and λ (or the minimum) moves by no more than that
 * (an exact method's λ by some 1e-14, not visibly; a slack of 1e-9 moved λ = 5 to 4.999999995).
 *
 * <p>The order is exact (lexicographic), not a small weight on the unlimited resources in the limited stage: a
 * weight small enough never to trade a limited resource for an unlimited one depends on the data, and the stage
 * more costs a solve only where there are unlimited resources. The unlimited stage holds each limited resource
 * at its own use rather than their sum at its minimum: every plan it allows is optimal for the limited stage
 * too, and it needs no constraint of a new kind (a held resource is a resource with less available, which every
 * method handles); where the limited stage has several optima with the same sum, the unlimited stage looks only
 * among those that use no more of any limited resource than the one found.
 *
 * <p>The plan's levels, net outputs and resource use are the last stage's; its valuations, resource and
 * capacity prices are the objective's (Kantorovich's valuations), and its certificate is theirs against the
 * published levels: it proves λ (or the minimum) of the plan the user sees. Each stage carries its own
 * certificate ({@link PlanStage}). The plan is optimal when all of them prove the tolerance.
 *
 * <p>Beyond {@link Planner#SIMPLEX_LIMIT} techniques a stage is planned by policy iteration where it applies, by
 * the simplex method under {@code --method simplex} or {@code exact}, and otherwise by the exact finish started
 * from the plan before the stage ({@link LpPlanner#finishFrom}): that plan meets every constraint of the stage, so
 * the finish's first small LP has a solution, which it did not have from PDLP's iterate (see {@link
 * #pdlpIterations}). Where the finish does not apply either, the plan before the stage stands, with a note.
 *
 * <p>Harmony runs no stage: it is the reference heuristic, kept as Cockshott's algorithm leaves it, and its
 * plan is not optimal, so there is no optimum to hold. Nor does a plan whose objective is not proven optimal
 * (a time limit, a method that gave up): its solver note says so.
 */
final class LeastUse {
    private LeastUse() {}

    /** Slack added to every held optimum, relative: rounding in sums of a few hundred terms (class comment). */
    static final double SLACK = 1e-14;

    /** The objective, then the least-use stages when the options ask for them. */
    static Plan plan(LpModel m, PlanOptions o, Progress progress) {
        Plan first = LpPlanner.solve(m, o, progress);
        if (!o.leastUse() || !first.hasSolution()) {
            return first;
        }
        if (o.method() == PlanMethod.HARMONY) {
            return skipped(first, "no least-use stage for harmony, a heuristic whose plan is not optimal");
        }
        if (first.status() != PlanStatus.OPTIMAL) {
            return skipped(first, "no least-use stage: the objective is not proven optimal");
        }
        // policy iteration where it applies to the stage, else what auto does (policy alone would refuse)
        PlanOptions so = o.withMethod(o.method() == PlanMethod.POLICY ? PlanMethod.AUTO : o.method());
        int nr = m.nr;
        double[] available = m.available.clone();
        double slack = slack(first);
        double[] demand = held(m, first.value(), slack, 0, available);

        List<PlanStage> stages = new ArrayList<>();
        Plan last = first;
        double[] weight = new double[nr];
        List<String> ids = new ArrayList<>();
        for (int r : m.limited) {
            if (m.available[r] > 0) {
                weight[r] = 1.0 / m.available[r];
                ids.add(m.economy.resourceId(r));
            }
        }
        if (!ids.isEmpty()) {
            Plan p = stage(m, weight, demand, available, so, last, progress, "least use of the limited resources");
            double wider = gapHeld(first.certificate());
            if (!p.hasSolution() && wider > 0) {
                // no answer at all with the optimum held that tightly: held within its certified gap (gapHeld)
                demand = held(m, first.value(), slack, wider, available);
                p = stage(m, weight, demand, available, so, last, progress, "least use of the limited resources");
            }
            if (p.status() != PlanStatus.OPTIMAL) {
                return failed(m, o, first, last, stages, "limited", p);
            }
            stages.add(new PlanStage("limited", ids, p.value(), p.solver(), p.certificate()));
            last = p;
            double[] use = p.resourceUses();
            double s = slack(p);
            for (int r : m.limited) {
                available[r] = Math.min(available[r], use[r] * (1 + s));
            }
        }

        double[] use = last.resourceUses();
        weight = new double[nr];
        ids = new ArrayList<>();
        for (int r = 0; r < nr; r++) {
            if (Double.isNaN(available[r])) {
                if (use[r] > 0) {
                    weight[r] = 1.0 / use[r];
                    ids.add(m.economy.resourceId(r));
                } else {
                    available[r] = 0.0; // none used: none is the least
                }
            }
        }
        if (!ids.isEmpty()) {
            Plan p = stage(m, weight, demand, available, so, last, progress,
                    "least use of the unlimited resources");
            if (p.status() != PlanStatus.OPTIMAL) {
                return failed(m, o, first, last, stages, "unlimited", p);
            }
            stages.add(new PlanStage("unlimited", ids, p.value(), p.solver(), p.certificate()));
            last = p;
        }
        return publish(m, o, first, last, stages, null);
    }

    /**
     * PDLP's iteration limit in a stage (0: none, to the tolerance), before its repair and exact finish: as many
     * as {@code auto} gives the objective before its finish. A stage's constraints hold the optimum before it,
     * so its feasible set has no interior, and PDLP can crawl there for ever (a min-resource stage of 200
     * products ran for minutes in PlanMethodsTest); the finish makes the iterate exact, and where it cannot, the
     * simplex method takes the stage. Measured on the hard economies of PlanBench at 10,000 and 100,000 products
     * (fulfil and min-resource), the finish from PDLP's iterate gave up on the stage (its small LP infeasible: the
     * iterate is no plan of the stage, and the techniques past the first side columns are fixed at zero, where the
     * held optimum leaves no room), so beyond {@link Planner#SIMPLEX_LIMIT} techniques a stage is finished from the
     * plan before it instead ({@link #stage}). A limit, not a time limit, so that the stage stays deterministic.
     */
    static long pdlpIterations(LpModel m, PlanOptions o) {
        return m.generalCost() && o.timeLimitSeconds() <= 0 ? BasisFinish.warmIterations(m) : 0;
    }

    /** Relative slack for holding the optimum of plan p. */
    private static double slack(Plan p) {
        return SLACK + 2 * p.certificate().primalInfeasibility();
    }

    /**
     * The objective's optimum {@code value} held within {@code slack} plus {@code wider}: fulfil's targets
     * scaled to it (the demand returned), or min-resource's resource capped at it in {@code available} (the
     * model's demand returned).
     */
    private static double[] held(LpModel m, double value, double slack, double wider, double[] available) {
        if (m.fulfil()) {
            double hold = value * (1 - slack - wider);
            double[] demand = new double[m.np];
            for (int p = 0; p < m.np; p++) {
                demand[p] = m.demand[p] * hold;
            }
            return demand;
        }
        int r0 = m.costResource;
        double hold = value * (1 + slack + wider);
        available[r0] = Double.isNaN(m.available[r0]) ? hold : Math.min(m.available[r0], hold);
        return m.demand;
    }

    /** Gaps up to this are rounding: a hold is never widened by them. */
    static final double GAP_HELD = 1e-12;

    /**
     * How much wider than {@link #slack} the objective is held where the stage held that tightly got no answer at
     * all: the certificate's gap, the distance to the optimum it proves (0 where that is rounding, {@link
     * #GAP_HELD}). GLOP met a "numerical difficulty" at every tolerance on a stage of 31 products whose objective it
     * had proved to a gap of 2.2e-10, held to 1e-12; held within that gap it solved the stage at once (LeastUseTest).
     * Only then: such stages are so ill-conditioned that holding another 5e-11 moved one stage's optimum by 1%, and
     * every plan whose stage was solved stays as it was, to the bit.
     */
    static double gapHeld(org.gosplan.planner.Certificate c) {
        return c.gap() > GAP_HELD ? c.gap() : 0;
    }

    private static Plan stage(LpModel m, double[] weight, double[] demand, double[] available, PlanOptions o,
                              Plan before, Progress progress, String what) {
        double[] cost = new double[m.nt];
        for (int t = 0; t < m.nt; t++) {
            double c = 0;
            for (int q = m.rStart[t]; q < m.rStart[t + 1]; q++) {
                c += m.rVal[q] * weight[m.rRow[q]];
            }
            cost[t] = c;
        }
        Progress inner = (task, done, total) -> progress.update(what + ": " + task, done, total);
        LpModel stage = m.withCost(cost, demand, available);
        if (stage.nt > Planner.SIMPLEX_LIMIT && o.method() != PlanMethod.SIMPLEX && o.method() != PlanMethod.EXACT) {
            // beyond the simplex method's size: policy iteration where it applies, else the exact finish started
            // from the plan before the stage, which meets the stage's constraints (from PDLP's iterate the finish
            // gave up on every stage measured: 18 s for nothing at 10,000 hard products, 453 s at 100,000)
            inner.update("policy iteration", -1, -1);
            LpSolution s = PolicyIteration.solve(stage);
            if (s.outcome() == LpSolution.Outcome.SOLVED) {
                return PlanAssembly.assemble(stage, s, o, null);
            }
            String why = "policy iteration does not apply: " + s.note();
            if (!BasisFinish.tried(stage) || !BasisFinish.applies(stage)) {
                return PlanAssembly.without(stage, PlanStatus.LIMIT, s.withNote("beyond " + Planner.SIMPLEX_LIMIT
                        + " techniques policy iteration, the exact finish or --method exact plans a stage, and"
                        + " neither of the first two applies"), null);
            }
            Plan f = LpPlanner.finishFrom(stage, before.levels(), o, inner);
            PlanSolverInfo b = f.solver();
            PlanSolverInfo info = new PlanSolverInfo(b.method(), s.seconds() + b.seconds(), b.iterations(), b.gap(),
                    b.deterministic(), join(why, b.note()));
            return f.hasSolution() ? f.withLeastUse(f.status(), info, List.of())
                    : PlanAssembly.without(stage, PlanStatus.LIMIT, LpSolution.without(LpSolution.Outcome.LIMIT,
                    b.method(), 0, info.seconds(), info.note()), null);
        }
        Plan p = LpPlanner.solve(stage, o, inner);
        boolean finished = p.status() == PlanStatus.OPTIMAL && !p.solver().method().equals("pdlp");
        if (finished) {
            return p;
        }
        if (o.method() == PlanMethod.SIMPLEX || o.method() == PlanMethod.EXACT || p.solver().method().equals("glop")) {
            // GLOP can end ABNORMAL on a stage (its presolve, on a feasible set without interior; seen on a random
            // economy of 26 products): once more without presolve and scaling, as LpPlanner.simplex retries
            LpSolution again = LpOrTools.solve(stage, LpOrTools.Engine.GLOP_UNPRESOLVED, o);
            if (again.outcome() != LpSolution.Outcome.SOLVED) {
                return p;
            }
            Plan q = PlanAssembly.assemble(stage, again.withSeconds(p.solver().seconds() + again.seconds()), o,
                    "solved again by GLOP without presolve and scaling: the first try " + p.status().id());
            return q.status() == PlanStatus.OPTIMAL ? q : p;
        }
        // PDLP's iterate of a stage can leave the exact finish a small LP with no solution (the stage's feasible
        // set is the face of the optimum before it, without interior: half the joint-production economies of
        // PlanMethodsTest, fulfil), and the iterate alone, proven only to the tolerance, would cost the exact
        // objective up to that much; where the simplex method is affordable it solves the stage, as auto would
        Plan q = LpPlanner.solve(stage, o.withMethod(PlanMethod.SIMPLEX), inner);
        if (q.status() != PlanStatus.OPTIMAL) {
            return p;
        }
        PlanSolverInfo a = p.solver(), b = q.solver();
        return q.withLeastUse(q.status(), new PlanSolverInfo(b.method(), a.seconds() + b.seconds(), b.iterations(),
                b.gap(), b.deterministic() && a.deterministic(), join(a.method() + " did not prove the stage ("
                + a.note() + "); solved by the simplex method", b.note())), List.of());
    }

    /** A stage that did not prove its optimum: the plan of the stages before it, and why. */
    private static Plan failed(LpModel m, PlanOptions o, Plan first, Plan last, List<PlanStage> stages,
                               String which, Plan p) {
        String why = "least-use stage '" + which + "' ended " + p.status().id() + " (" + p.solver().method()
                + (p.solver().note() == null ? "" : ": " + p.solver().note()) + "); the plan before it is kept";
        return publish(m, o, first, last, stages, why);
    }

    /**
     * The plan the user sees: the last stage's levels, certified against the objective with the objective's
     * valuations; optimal when that certificate and every stage's prove the tolerance.
     */
    private static Plan publish(LpModel m, PlanOptions o, Plan first, Plan last, List<PlanStage> stages,
                                String note) {
        PlanSolverInfo s1 = first.solver();
        double seconds = s1.seconds();
        boolean deterministic = s1.deterministic();
        for (PlanStage st : stages) {
            seconds += st.solver().seconds();
            deterministic &= st.solver().deterministic();
        }
        if (last == first) {
            PlanSolverInfo info = new PlanSolverInfo(s1.method(), seconds, s1.iterations(), s1.gap(), deterministic,
                    join(s1.note(), note));
            return first.withLeastUse(first.status(), info, stages);
        }
        LpSolution s = new LpSolution(LpSolution.Outcome.SOLVED, last.levels(), Double.NaN, first.valuations(),
                first.resourcePrices(), s1.method(), s1.iterations(), seconds, deterministic, s1.note());
        Plan top = PlanAssembly.assemble(m, s, o, note);
        boolean optimal = top.status() == PlanStatus.OPTIMAL;
        for (PlanStage st : stages) {
            optimal &= st.certificate().proves(o.tolerance());
        }
        return top.withLeastUse(optimal ? PlanStatus.OPTIMAL : PlanStatus.LIMIT, top.solver(), stages);
    }

    private static Plan skipped(Plan first, String why) {
        PlanSolverInfo s = first.solver();
        PlanSolverInfo info = new PlanSolverInfo(s.method(), s.seconds(), s.iterations(), s.gap(), s.deterministic(),
                join(s.note(), why));
        return first.withLeastUse(first.status(), info, List.of());
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }
}
