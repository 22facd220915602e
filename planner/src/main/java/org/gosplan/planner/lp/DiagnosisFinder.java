package org.gosplan.planner.lp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gosplan.planner.Diagnosis;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;

/**
 * Finds why targets cannot be met. The fulfil problem on the same constraints is always feasible
 * (nothing made, λ = 0); its optimum λ* < 1 proves the infeasibility, and its valuations are a
 * Farkas certificate: the targets with positive valuation, the resources with positive price and
 * the capacities with positive price cannot hold together, whatever else is relaxed. For small
 * problems a deletion filter then drops, one by one, every target, resource limit and capacity
 * whose removal leaves the rest still infeasible, so that what is left is irreducible.
 */
final class DiagnosisFinder {
    private DiagnosisFinder() {}

    /** Up to this many techniques the deletion filter runs (one simplex solve per element). */
    static final int FILTER_TECHNIQUES = 5_000;
    static final int FILTER_ELEMENTS = 80;
    static final double SUPPORT = 1e-9;
    /** Targets, capacities and techniques named in words, at most; the diagnosis's lists have them all. */
    static final int WORDS = 12;

    /** The indexes set in {@code keep}, the largest weight first (ties: lower index first). */
    private static int[] byWeight(boolean[] keep, java.util.function.IntToDoubleFunction weight) {
        return java.util.stream.IntStream.range(0, keep.length).filter(i -> keep[i]).boxed()
                .sorted((a, b) -> Double.compare(weight.applyAsDouble(b), weight.applyAsDouble(a)))
                .mapToInt(Integer::intValue).toArray();
    }

    static Diagnosis infeasible(LpModel m, PlanOptions o, boolean small) {
        LpModel f = m.with(PlanObjective.FULFIL, -1, m.demand, m.available, m.capacity);
        // the simplex solves of a small problem (the deletion filter's too) see it in Scaling's units; a large
        // one goes through LpPlanner.solve, which scales it itself
        Scaling scaling = small ? Scaling.of(f) : null;
        Plan relax;
        if (small) {
            LpSolution s = scaling.unscale(LpOrTools.solve(scaling.model(), LpOrTools.Engine.GLOP, o));
            if (s.outcome() != LpSolution.Outcome.SOLVED || s.v() == null) {
                return undiagnosed(s.outcome().toString());
            }
            relax = PlanAssembly.assemble(f, s, o, null);
        } else {
            // large: the fulfil problem as auto plans it (PDLP and the exact finish: 5 s at 20,000 products
            // where PDLP to the tolerance took 70 s); fulfil is never infeasible, so this does not come back here
            relax = LpPlanner.solve(f, o.withMethod(PlanMethod.AUTO));
            if (!relax.hasSolution()) {
                return undiagnosed(relax.status().id());
            }
        }
        double lambda = relax.value();
        boolean[] tKeep = new boolean[m.np];
        boolean[] rKeep = new boolean[m.nr];
        boolean[] cKeep = new boolean[m.nt];
        double vmax = 0;
        for (int p : f.targeted) {
            vmax = Math.max(vmax, relax.valuation(p) * f.demand[p]);
        }
        for (int p : f.targeted) {
            tKeep[p] = relax.valuation(p) * f.demand[p] > SUPPORT * vmax;
        }
        for (int r : f.limited) {
            rKeep[r] = relax.resourcePrice(r) * f.available[r] > SUPPORT * Math.max(lambda, 1e-300)
                    || (lambda > 0 && relax.resourcePrice(r) > 0);
        }
        for (int t = 0; t < m.nt; t++) {
            cKeep[t] = m.capacity[t] != Double.POSITIVE_INFINITY && relax.capacityPrice(t) > 0;
        }
        if (small && m.nt <= FILTER_TECHNIQUES) {
            filter(scaling.model(), o, tKeep, rKeep, cKeep);
        }
        return describe(m, relax, lambda, tKeep, rKeep, cKeep);
    }

    private static Diagnosis undiagnosed(String why) {
        return new Diagnosis("The targets cannot all be met together.", List.of(
                "The diagnosis could not be computed (" + why + ")."), List.of(), List.of(), List.of(),
                List.of(), Double.NaN);
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean x : b) {
            if (x) {
                n++;
            }
        }
        return n;
    }

    /** Deletion filter over the kept elements, lowest index first within targets, resources, capacities. */
    private static void filter(LpModel f, PlanOptions o, boolean[] tKeep, boolean[] rKeep, boolean[] cKeep) {
        if (count(tKeep) + count(rKeep) + count(cKeep) > FILTER_ELEMENTS) {
            return;
        }
        if (!stillInfeasible(f, o, tKeep, rKeep, cKeep)) {
            // numerically the support alone is not quite enough: keep the certificate's support as it is
            return;
        }
        for (boolean[] set : new boolean[][] {tKeep, rKeep, cKeep}) {
            for (int i = 0; i < set.length; i++) {
                if (!set[i]) {
                    continue;
                }
                set[i] = false;
                if ((set == tKeep && count(tKeep) == 0) || !stillInfeasible(f, o, tKeep, rKeep, cKeep)) {
                    set[i] = true;
                }
            }
        }
    }

    private static boolean stillInfeasible(LpModel f, PlanOptions o, boolean[] tKeep, boolean[] rKeep,
                                           boolean[] cKeep) {
        double[] d = new double[f.np];
        for (int p = 0; p < f.np; p++) {
            d[p] = tKeep[p] ? f.demand[p] : 0.0;
        }
        double[] a = new double[f.nr];
        for (int r = 0; r < f.nr; r++) {
            a[r] = rKeep[r] ? f.available[r] : Double.NaN;
        }
        double[] c = new double[f.nt];
        for (int t = 0; t < f.nt; t++) {
            c[t] = cKeep[t] ? f.capacity[t] : Double.POSITIVE_INFINITY;
        }
        LpModel g = f.with(PlanObjective.FULFIL, -1, d, a, c);
        if (g.targeted.length == 0) {
            return false;
        }
        LpSolution s = LpOrTools.solve(g, LpOrTools.Engine.GLOP, o);
        if (s.outcome() == LpSolution.Outcome.UNBOUNDED) {
            return false;
        }
        if (s.outcome() != LpSolution.Outcome.SOLVED) {
            return false;
        }
        return s.lambda() < 1 - 1e-9;
    }

    private static Diagnosis describe(LpModel m, Plan relax, double lambda, boolean[] tKeep, boolean[] rKeep,
                                      boolean[] cKeep) {
        var e = m.economy;
        List<String> products = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        List<String> capacities = new ArrayList<>();
        List<String> techniques = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int[][] makers = m.makers();
        // in words, the targets and capacities that weigh most in the certificate first, at most WORDS of each
        // (a large economy can have thousands in its certificate); the lists keep them all, in id order
        List<String> targetWords = new ArrayList<>();
        for (int p : byWeight(tKeep, p -> relax.valuation(p) * m.demand[p])) {
            if (targetWords.size() < WORDS) {
                targetWords.add("'" + e.productId(p) + "' (" + num(m.demand[p]) + unit(e.productUnit(p)) + ")");
            }
        }
        for (int p = 0; p < m.np; p++) {
            if (!tKeep[p]) {
                continue;
            }
            products.add(e.productId(p));
            if (makers[0][p + 1] == makers[0][p]) {
                lines.add("No technique makes '" + e.productId(p) + "', yet its target is " + num(m.demand[p])
                        + unit(e.productUnit(p)) + ".");
            }
        }
        if (!targetWords.isEmpty()) {
            int more = products.size() - targetWords.size();
            lines.add(0, (products.size() == 1 ? "The target for " : "The targets for ")
                    + String.join(", ", targetWords)
                    + (more > 0 ? String.format(Locale.ROOT, " and %,d more products (all in the JSON output)", more) : "")
                    + (products.size() == 1 ? " cannot be met" : " cannot all be met") + " within the limits below.");
        }
        for (int r = 0; r < m.nr; r++) {
            if (!rKeep[r]) {
                continue;
            }
            resources.add(e.resourceId(r));
            String what = r == m.costResource ? " (the resource being minimised)" : "";
            lines.add("Resource '" + e.resourceId(r) + "'" + what + " is limited to " + num(m.available[r])
                    + unit(e.resourceUnit(r)) + "; meeting these targets would need more.");
        }
        int capacityLines = 0;
        for (int t : byWeight(cKeep, t -> relax.capacityPrice(t) * m.capacity[t])) {
            if (capacityLines++ < WORDS) {
                lines.add("Technique '" + e.techniqueId(t) + "' can run at level " + num(m.capacity[t])
                        + " at most (its capacity).");
            }
        }
        for (int t = 0; t < m.nt; t++) {
            if (cKeep[t]) {
                capacities.add(e.techniqueId(t));
            }
        }
        if (capacityLines > WORDS) {
            lines.add(String.format(Locale.ROOT, "And %,d more techniques at their capacity (all in the JSON output).",
                    capacityLines - WORDS));
        }
        // the techniques involved: those that make a conflicting product, run in the best compromise or capped
        boolean[] inv = new boolean[m.nt];
        for (int p = 0; p < m.np; p++) {
            if (tKeep[p]) {
                for (int j = makers[0][p]; j < makers[0][p + 1]; j++) {
                    int t = makers[1][j];
                    if (relax.level(t) > 0 || cKeep[t]) {
                        inv[t] = true;
                    }
                }
            }
        }
        for (int t = 0; t < m.nt; t++) {
            if (cKeep[t]) {
                inv[t] = true;
            }
        }
        for (int t = 0; t < m.nt && techniques.size() < 50; t++) {
            if (inv[t]) {
                techniques.add(e.techniqueId(t));
            }
        }
        if (!techniques.isEmpty()) {
            List<String> named = techniques.subList(0, Math.min(WORDS, techniques.size()));
            int involved = count(inv);
            lines.add("Techniques involved: " + String.join(", ", named) + (involved > named.size()
                    ? String.format(Locale.ROOT, " and %,d more", involved - named.size()) : "") + ".");
        }
        String summary;
        if (lambda <= 0) {
            summary = "Some targets cannot be met at all with these resources, capacities and techniques.";
        } else {
            summary = String.format(Locale.ROOT, "The targets cannot all be met: at most %s%% of every target can be"
                    + " met together.", num(100 * lambda));
        }
        return new Diagnosis(summary, lines, products, techniques, resources, capacities, lambda);
    }

    /** Why the objective has no bound. */
    static Diagnosis unbounded(LpModel m) {
        List<String> lines = new ArrayList<>();
        if (m.limited.length == 0) {
            lines.add("No resource has an 'available' amount and the techniques making the targets have no"
                    + " capacity, so the targets can be met at any scale.");
        } else {
            lines.add("The targets can be made at any scale from unlimited resources: the techniques that make"
                    + " them, directly and indirectly, use none of the limited resources ("
                    + String.join(", ", ids(m)) + ") and have no capacity.");
        }
        lines.add("Give the scarce resources an 'available' amount, or the techniques a capacity.");
        return new Diagnosis("Nothing limits the plan: the fulfilment of the targets has no bound.", lines,
                List.of(), List.of(), List.of(), List.of(), Double.POSITIVE_INFINITY);
    }

    private static List<String> ids(LpModel m) {
        List<String> out = new ArrayList<>();
        for (int r : m.limited) {
            out.add(m.economy.resourceId(r));
        }
        return out;
    }

    static String unit(String u) {
        return u == null || u.isEmpty() ? "" : " " + u;
    }

    /** A number for people: up to 6 significant digits, no exponent for ordinary sizes. */
    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) x);
        }
        double a = Math.abs(x);
        if (a >= 1e-4 && a < 1e15) {
            String s = new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros()
                    .toPlainString();
            return s;
        }
        return String.format(Locale.ROOT, "%.6g", x);
    }

    static String arrays(boolean[] b) {
        return Arrays.toString(b);
    }
}
