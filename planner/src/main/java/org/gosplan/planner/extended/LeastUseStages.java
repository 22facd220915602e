package org.gosplan.planner.extended;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gosplan.economy.Economy;

/**
 * No waste among optimal plans, over every year and republic (docs/least-use.md for one year):
 * after the objective, with it held, the least {@code Σ use[r,y] / available[r,y]} over the
 * limited resources of every year ({@code limited}); then, with each of those held at its use, the
 * least {@code Σ use[r,y] / u[r,y]} over the unlimited ones the plan uses ({@code u} their use
 * after the limited stage, so that units do not matter; one the plan does not use is held at zero).
 * The stages are exact and in order, each an LP on the objective's own {@link Lp} with the holding
 * rows added, solved by the objective's solver and certified from its own numbers.
 *
 * <p>The objective is held up to a relative slack of {@link #SLACK} plus twice the primal
 * infeasibility of the plan it comes from, as in one-year plans: fulfil holds every λ of every year
 * and republic at its leximin value (so no λ falls for the stage), min-resource the minimised
 * resource's use at its minimum. A stage that does not prove its optimum leaves the plan before it,
 * with a note.
 */
final class LeastUseStages {
    private LeastUseStages() {}

    static final double SLACK = 1e-14;

    /**
     * Runs the stages after {@code x}'s objective (proven optimal, else none run), recording them in
     * {@code x.publication}. {@code objectiveVars} are the variables that carry the objective's cost.
     */
    static void run(ExtendedPlanner.Leximin x, ExtendedPlanner.Options o, ResourceUse use, int[] objectiveVars) {
        Publication pub = x.publication == null ? new Publication() : x.publication;
        x.publication = pub;
        pub.stages = new ArrayList<>();
        if (x.status != Lp.Status.OPTIMAL || x.last == null || x.last.x() == null) {
            return;
        }
        SpaceModel m = x.model;
        Lp lp = m.lp;
        Economy e = m.e;
        Lp.Solution before = x.last;
        double slack = SLACK + 2 * before.primalInfeasibility();
        for (int v : objectiveVars) {
            lp.setCost(v, 0);
        }
        if (pub.minimised < 0) {
            // every λ at its leximin value; t, the smallest, no longer maximised
            lp.setUpper(m.least, 0);
            for (int[] row : m.lambda) {
                for (int v : row) {
                    if (v >= 0) {
                        double l = before.x()[v];
                        lp.setLower(v, Math.max(0, l - slack * (1 + Math.abs(l))));
                    }
                }
            }
        } else {
            double used = 0;
            for (int y = 0; y < use.years; y++) {
                used += use.use(y, pub.minimised, before.x());
            }
            int row = lp.addRow(-Lp.INF, used + slack * (1 + Math.abs(used)));
            for (int y = 0; y < use.years; y++) {
                for (int k = 0; k < use.var[y][pub.minimised].length; k++) {
                    lp.add(row, use.var[y][pub.minimised][k], use.coef[y][pub.minimised][k]);
                }
            }
        }
        // limited: Σ use / available over every (resource, year) with something available
        double[] cost = new double[lp.vars()];
        Set<String> ids = new LinkedHashSet<>();
        for (int y = 0; y < use.years; y++) {
            for (int r = 0; r < use.resources; r++) {
                double a = use.available[y][r];
                if (a > 0 && Double.isFinite(a) && use.var[y][r].length > 0) {
                    use.addTo(cost, y, r, -1 / a);
                    ids.add(e.resourceId(r));
                }
            }
        }
        Lp.Solution limited = stage(lp, cost, o, "limited", ids, pub);
        if (limited == null) {
            return;
        }
        pub.levels = limited;
        // unlimited: every limited resource held at its use; Σ use / u over the unlimited ones used
        double s2 = SLACK + 2 * limited.primalInfeasibility();
        cost = new double[lp.vars()];
        ids = new LinkedHashSet<>();
        List<int[]> zero = new ArrayList<>();
        for (int y = 0; y < use.years; y++) {
            for (int r = 0; r < use.resources; r++) {
                double a = use.available[y][r];
                if (use.var[y][r].length == 0) {
                    continue;
                }
                double u = use.use(y, r, limited.x());
                if (!Double.isNaN(a)) {
                    if (a > 0) {
                        use.hold(lp, y, r, u + s2 * (1 + Math.abs(u)));
                    }
                } else if (u > s2) {
                    use.addTo(cost, y, r, -1 / u);
                    ids.add(e.resourceId(r));
                } else {
                    zero.add(new int[] {y, r});
                }
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        for (int[] yr : zero) {
            use.hold(lp, yr[0], yr[1], 0);
        }
        cost = java.util.Arrays.copyOf(cost, lp.vars());
        Lp.Solution unlimited = stage(lp, cost, o, "unlimited", ids, pub);
        if (unlimited != null) {
            pub.levels = unlimited;
        }
    }

    /** Solves one stage (maximise {@code cost · x}); its answer when proven, else null with a note. */
    private static Lp.Solution stage(Lp lp, double[] cost, ExtendedPlanner.Options o, String minimises,
                                     Set<String> ids, Publication pub) {
        if (ids.isEmpty()) {
            return null;
        }
        for (int j = 0; j < cost.length; j++) {
            lp.setCost(j, cost[j]);
        }
        Lp.Solution s = lp.solve(o.pdlp(), o.tolerance(), o.timeLimitSeconds());
        for (int j = 0; j < cost.length; j++) {
            lp.setCost(j, 0);
        }
        if (s.status() != Lp.Status.OPTIMAL || s.x() == null) {
            pub.note = "the " + minimises + " least-use stage was not proven (" + s.status().name().toLowerCase()
                    + "); the plan before it stands";
            return null;
        }
        pub.stages.add(new ExtendedStage(minimises, List.copyOf(ids), -s.objective() + 0.0, s.method(), s.seconds(),
                s.primalInfeasibility(), s.dualInfeasibility(), s.gap()));
        return s;
    }
}
