package org.gosplan.planner.extended;

import org.gosplan.economy.Economy;
import org.gosplan.planner.PlannerException;

/**
 * Plans an economy with the optional parts of formats.md section 5 (republics, transport,
 * foreign trade, years and capital) as one LP, {@link SpaceModel}, solved leximin: the smallest
 * of the λ of every year and republic is maximised, the λ that bind there are held, and the
 * smallest of the others is maximised next, until every λ is held. A λ binds when its row
 * {@code λ >= t} has a non-zero dual: complementary slackness then holds it at {@code t} in every
 * optimal plan, so holding it loses nothing, and one always does (the duals of those rows add
 * up to the objective's coefficient, 1). Each republic is then planned alone the same way.
 */
public final class ExtendedPlanner {
    private ExtendedPlanner() {}

    /**
     * How to solve: PDLP instead of GLOP, the tolerance of the certificate, a time limit per LP (0: none), and
     * from how many techniques and transport links a first round that is a one-year plan goes to the one-year
     * planner's methods ({@link OneYear}; 0: always, {@link Integer#MAX_VALUE}: never; not with PDLP asked for).
     */
    public record Options(boolean pdlp, double tolerance, double timeLimitSeconds, int oneYearFrom) {
        /**
         * Below this GLOP on the whole LP is quick (10 republics x 300 products: 3 s of CPU) and the one-year
         * planner itself takes GLOP there ({@code Planner.SIMPLEX_LIMIT}).
         */
        public static final int ONE_YEAR_FROM = 5_000;
        public static final Options DEFAULT = new Options(false, 1e-7, 0);

        public Options(boolean pdlp, double tolerance, double timeLimitSeconds) {
            this(pdlp, tolerance, timeLimitSeconds, ONE_YEAR_FROM);
        }
    }

    /** True when the economy has parts this planner is for. */
    public static boolean applies(Economy e) {
        return e.hasParts();
    }

    /**
     * Plans one republic as if it had left the union: only its own techniques, resources, targets
     * and trade, no transport (formats.md: "a republic that leaves is planned from the same files
     * by naming it"). {@code region} is its index in {@code e.parts().regions()}.
     */
    public static ExtendedPlan planAlone(Economy e, int region, Options o) {
        return planAlone(e, region, o, false);
    }

    /** {@link #planAlone(Economy, int, Options)}, with the least-use stages after its leximin when {@code leastUse}. */
    public static ExtendedPlan planAlone(Economy e, int region, Options o, boolean leastUse) {
        if (region < 0 || region >= e.parts().regions().size()) {
            throw new IllegalArgumentException("no republic number " + region);
        }
        long t0 = System.nanoTime();
        Leximin alone = leximin(new SpaceModel(e, region), o);
        if (leastUse) {
            LeastUseStages.run(alone, o, new ResourceUse(alone.model), new int[] {alone.model.least});
        }
        double[] lambdaAlone = new double[e.parts().regions().size()];
        java.util.Arrays.fill(lambdaAlone, Double.NaN);
        lambdaAlone[region] = alone.status == Lp.Status.OPTIMAL ? alone.value : Double.NaN;
        return new ExtendedPlan(alone, lambdaAlone, (System.nanoTime() - t0) / 1e9);
    }

    public static ExtendedPlan plan(Economy e, Options o) {
        return plan(e, o, false);
    }

    /**
     * The union's plan, with the least-use stages after its leximin when {@code leastUse}
     * ({@link LeastUseStages}: no resource spent on what nobody asked for); the republics alone as always.
     */
    public static ExtendedPlan plan(Economy e, Options o, boolean leastUse) {
        return plan(e, o, leastUse, false);
    }

    /**
     * {@link #plan(Economy, Options, boolean)}; when {@code atLeastAlone}, every republic is planned alone first
     * and the union's leximin then holds each republic's λ (every year) at least at its λ alone, less a relative
     * 1e-9 so that rounding cannot make the floors infeasible (where the LP solver still says infeasible, less
     * the relative tolerance of {@code o}) (issue 15: leximin alone lets Ricardo's Portugal
     * fall below what it gets alone). A republic whose λ alone is unbounded or undefined (no targets, no plan)
     * has no floor.
     *
     * @throws PlannerException where the union with the floors has no plan
     */
    public static ExtendedPlan plan(Economy e, Options o, boolean leastUse, boolean atLeastAlone) {
        long t0 = System.nanoTime();
        int regions = e.parts().regions().size();
        double[] alone = new double[regions];
        Leximin union;
        if (atLeastAlone) {
            planAlone(e, o, alone);
            union = leximin(new SpaceModel(e, -1), o, floors(alone, 1e-9));
            if (union.status == Lp.Status.INFEASIBLE && o.tolerance() > 1e-9) {
                // GLOP can call floors 1e-9 below a republic's best infeasible (seen on a random federation:
                // feasible from 1e-8); then the slack of the plan's own tolerance
                union = leximin(new SpaceModel(e, -1), o, floors(alone, o.tolerance()));
            }
        } else {
            union = leximin(new SpaceModel(e, -1), o, null);
        }
        if (atLeastAlone && union.status == Lp.Status.INFEASIBLE) {
            // The republics' own plans side by side are a plan of the union (each keeps its resources, trades as
            // alone, sends nothing), so in theory this does not happen, except where a negative "tradeBalance"
            // lets each republic alone run the whole planned deficit, which the union has only once.
            throw new PlannerException("atLeastAlone", "the union has no plan with every republic at least at its"
                    + " λ alone (" + java.util.Arrays.toString(alone) + ")" + (e.parts().tradeBalance() < 0
                    ? ": each republic alone may run the whole planned trade deficit (\"tradeBalance\" "
                            + e.parts().tradeBalance() + "), the union only once"
                    : ": the LP solver found the floors infeasible") + "; plan without --at-least-alone");
        }
        if (leastUse) {
            LeastUseStages.run(union, o, new ResourceUse(union.model), new int[] {union.model.least});
        }
        if (!atLeastAlone && union.status == Lp.Status.OPTIMAL) {
            planAlone(e, o, alone);
        }
        return new ExtendedPlan(union, alone, (System.nanoTime() - t0) / 1e9);
    }

    /** The floors: each λ alone less the relative {@code slack}; none (0) where unbounded or undefined. */
    private static double[] floors(double[] alone, double slack) {
        double[] floor = new double[alone.length];
        for (int g = 0; g < alone.length; g++) {
            floor[g] = Double.isFinite(alone[g]) && alone[g] > 0 ? alone[g] * (1 - slack) : 0;
        }
        return floor;
    }

    /** Every republic's λ alone into {@code alone}: infinite where unbounded, NaN where there is no plan. */
    private static void planAlone(Economy e, Options o, double[] alone) {
        // the republics alone are independent LPs: planned side by side, each the same as on its own
        java.util.stream.IntStream.range(0, alone.length).parallel().forEach(g -> {
            Leximin a = leximin(new SpaceModel(e, g), o);
            alone[g] = a.status == Lp.Status.OPTIMAL ? a.value
                    : a.status == Lp.Status.UNBOUNDED ? Double.POSITIVE_INFINITY : Double.NaN;
        });
    }

    /**
     * Writes the LP of the first leximin round of the union (maximise the smallest λ) for a second
     * solver to solve the same LP (bench/scripts/extended_highs.py); returns its rows, columns and entries.
     */
    public static int[] exportFirstRound(Economy e, java.nio.file.Path dir) throws java.io.IOException {
        SpaceModel m = new SpaceModel(e, -1);
        m.lp.write(dir);
        return new int[] {m.lp.rows(), m.lp.vars(), m.lp.entries()};
    }

    /** One leximin solve: the first round's answer (its t is the plan's value) and the last (the plan). */
    static final class Leximin {
        final SpaceModel model;
        Lp.Status status;
        Lp.Solution first;
        Lp.Solution last;
        double value;
        int rounds;
        /** min-resource and the least-use stages; null for a plan of the leximin alone. */
        Publication publication;

        Leximin(SpaceModel model) {
            this.model = model;
        }
    }

    /**
     * Whether the plan with every λ at zero exists. GLOP answers "infeasible" for some LPs whose λ can
     * grow without end (a target imported at a price of 0 without a limit: its presolve finds the dual
     * infeasible); where λ = 0 is feasible, such an answer means unbounded, not infeasible.
     */
    static boolean feasibleAtZero(SpaceModel m) {
        return feasibleAtZero(m, null);
    }

    /** {@link #feasibleAtZero(SpaceModel)} with every λ at its floor instead (null: no floors). */
    static boolean feasibleAtZero(SpaceModel m, double[] floor) {
        SpaceModel zero = new SpaceModel(m.e, m.alone);
        zero.lp.setUpper(zero.least, 0);
        for (int[] row : zero.lambda) {
            for (int g = 0; g < row.length; g++) {
                if (row[g] >= 0) {
                    double at = floor == null ? 0 : floor[g];
                    zero.lp.setLower(row[g], at);
                    zero.lp.setUpper(row[g], at);
                }
            }
        }
        return zero.lp.solve(false, 1e-9, 0).status() == Lp.Status.OPTIMAL;
    }

    static Leximin leximin(SpaceModel m, Options o) {
        return leximin(m, o, null);
    }

    /** The leximin with every λ of republic g at least {@code floor[g]} (null: no floors). */
    static Leximin leximin(SpaceModel m, Options o, double[] floor) {
        Leximin result = new Leximin(m);
        Lp lp = m.lp;
        int count = 0;
        for (int[] row : m.lambda) {
            for (int v : row) {
                count += v >= 0 ? 1 : 0;
            }
        }
        if (count == 0) {
            lp.setUpper(m.least, 0); // nothing targeted: nothing to maximise
        }
        if (floor != null) {
            // floors as bounds on the λ columns of every round's LP
            for (int[] row : m.lambda) {
                for (int g = 0; g < row.length; g++) {
                    if (row[g] >= 0 && floor[g] > 0) {
                        lp.setLower(row[g], floor[g]);
                    }
                }
            }
        }
        boolean[][] held = new boolean[m.years][m.regions];
        int left = count;
        do {
            Lp.Solution s = null;
            // the one-year planner plans the first round from the economy, without floors
            if (floor == null && result.rounds == 0 && !o.pdlp() && OneYear.applies(m) && OneYear.columns(m) >= o.oneYearFrom()) {
                s = OneYear.solve(m, o.tolerance(), o.timeLimitSeconds());
            }
            if (s == null && !o.pdlp() && LeontiefYears.applies(m) && LeontiefYears.columns(m) >= o.oneYearFrom()) {
                // one technique a product over years: the levels eliminated (null where the shape is not there)
                s = LeontiefYears.solve(m, o.tolerance(), o.timeLimitSeconds());
            }
            if (s == null) {
                s = lp.solve(o.pdlp(), o.tolerance(), o.timeLimitSeconds());
            }
            result.rounds++;
            if (s.status() == Lp.Status.INFEASIBLE || s.status() == Lp.Status.UNBOUNDED || s.x() == null) {
                result.status = s.status() == Lp.Status.INFEASIBLE && result.rounds == 1 && feasibleAtZero(m, floor)
                        ? Lp.Status.UNBOUNDED : s.status();
                result.last = s;
                if (result.first == null) {
                    result.first = s;
                }
                return result;
            }
            if (result.first == null) {
                result.first = s;
                result.value = s.x()[m.least];
            }
            result.last = s;
            result.status = s.status();
            double t = s.x()[m.least];
            int fixed = 0;
            for (int pass = 0; pass < 2 && fixed == 0; pass++) {
                for (int y = 0; y < m.years; y++) {
                    for (int g = 0; g < m.regions; g++) {
                        int v = m.lambda[y][g];
                        if (v < 0 || held[y][g]) {
                            continue;
                        }
                        // the dual's sign says the row binds; should rounding hide every dual, the λ at t bind
                        boolean binds = pass == 0 ? Math.abs(s.dual()[m.lambdaRow[y][g]]) > 1e-9
                                : s.x()[v] <= t + 1e-9 * (1 + Math.abs(t));
                        if (binds) {
                            held[y][g] = true;
                            fixed++;
                            // a smallest λ within the tolerance of 0 is 0 held: held at its rounding (8e-9, with
                            // the other republics at their floors) it asked the next round for 1e-7 of a product
                            // GLOP could not make within its tolerance (AtLeastAloneTest, seeds 286 and 3957)
                            double hold = Math.abs(t) <= o.tolerance() ? 0 : t - 1e-9 * (1 + Math.abs(t));
                            lp.setLower(v, Math.max(floor == null ? 0 : floor[g], hold));
                            lp.setRowLower(m.lambdaRow[y][g], -Lp.INF);
                        }
                    }
                }
            }
            if (fixed == 0) {
                break;
            }
            left -= fixed;
        } while (left > 0);
        return result;
    }
}
