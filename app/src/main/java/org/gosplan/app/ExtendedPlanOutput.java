package org.gosplan.app;

import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.Parts;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.extended.ExtendedObjectives;
import org.gosplan.planner.extended.ExtendedPlan;
import org.gosplan.planner.extended.ExtendedStage;
import org.gosplan.planner.extended.ExtendedPlanner;

/**
 * {@code gosplan plan} for an economy with republics, foreign trade or years (formats.md section
 * 5): planned by {@link ExtendedPlanner}, printed in words or as the plan's JSON with the members
 * "years", "regions" and "trade".
 */
final class ExtendedPlanOutput {
    private ExtendedPlanOutput() {}

    static int plan(Economy e, PlanOptions options, boolean json, java.nio.file.Path mps, java.nio.file.Path csv,
                    String republic) throws java.io.IOException {
        PlanMethod m = options.method();
        if (m != PlanMethod.AUTO && m != PlanMethod.EXACT && m != PlanMethod.SIMPLEX && m != PlanMethod.PDLP) {
            throw new UsageException("--method " + m.name().toLowerCase() + " does not plan republics, trade or years;"
                    + " use auto, exact, simplex or pdlp");
        }
        // simplex: GLOP on the whole LP whatever its size; auto and exact may solve a first round that is a
        // one-year plan with the one-year planner's exact methods (policy iteration, the exact finish)
        ExtendedPlanner.Options o = new ExtendedPlanner.Options(m == PlanMethod.PDLP, options.tolerance(),
                options.timeLimitSeconds(), m == PlanMethod.SIMPLEX ? Integer.MAX_VALUE
                        : ExtendedPlanner.Options.ONE_YEAR_FROM);
        int region = -1;
        if (republic != null) {
            region = e.parts().regionIndex(republic);
            if (region < 0) {
                throw new UsageException("--republic " + republic + ": " + (e.parts().isRegional()
                        ? "no such republic; the republics are " + String.join(", ", e.parts().regions().stream()
                                .map(Parts.Region::id).toList())
                        : "the economy has no republics"));
            }
        }
        if (mps != null) {
            if (republic != null) {
                throw new UsageException("--export-mps writes the union's LP; leave out --republic");
            }
            ExtendedObjectives.exportMps(e, options, mps);
            System.err.println("wrote the LP to " + mps + (options.objective() == PlanObjective.FULFIL
                    ? " (the first leximin round: the smallest λ over years and republics)" : ""));
        }
        ExtendedPlan p = region >= 0 ? ExtendedObjectives.planAlone(e, region, o, options)
                : ExtendedObjectives.plan(e, o, options);
        int code = show(p, json, republic, csv);
        String advice = limitAdvice(p, options);
        if (advice != null) {
            System.err.println("gosplan: " + advice);
        }
        return code;
    }

    /**
     * What happened and what to try where a plan of years, republics or trade ends without a proven answer
     * (status limit), as the one-year planner's {@code LimitAdvice} says it; null for any other status. It
     * printed nothing before: exit 1 with an empty plan and no word why (issue 16 item 2).
     */
    static String limitAdvice(ExtendedPlan p, PlanOptions options) {
        if (!"limit".equals(p.status())) {
            return null;
        }
        boolean pdlp = p.method().startsWith("pdlp");
        String other = pdlp ? "--method simplex (exact, for up to some thousands of techniques)"
                : "--method pdlp (it gives a plan and a certificate of how near the optimum that plan is)";
        String units = "if the data mix very large and very small numbers, measure them in units that keep them"
                + " nearer 1.";
        String note = p.note() == null || p.note().isEmpty() ? "" : " (" + p.note() + ")";
        if (!Double.isFinite(p.value())) {
            return "no plan: " + (pdlp ? "PDLP" : "the simplex method (GLOP)") + " stopped without an answer" + note
                    + ". Try " + other + "; " + units;
        }
        return "the plan is not proven optimal to the tolerance " + options.tolerance() + ": its certificate shows a"
                + " primal infeasibility of " + PlanCommand.sci(p.primalInfeasibility()) + ", a dual infeasibility of "
                + PlanCommand.sci(p.dualInfeasibility()) + " and a gap of " + PlanCommand.sci(p.gap()) + note
                + (options.timeLimitSeconds() > 0 ? ", after the --time-limit of " + options.timeLimitSeconds() + " s"
                : "") + ". Try " + other + ", a looser --tolerance if this gap is good enough, or, " + units;
    }

    /** The plan in words or as JSON; 0 when optimal, else 1. */
    static int show(ExtendedPlan p, boolean json, String republic, java.nio.file.Path csv) throws java.io.IOException {
        Economy e = p.economy();
        if (csv != null) {
            ExtendedCsv.plan(csv, p, Labels.of(e));
        }
        if (json) {
            Map<String, Object> doc = new java.util.LinkedHashMap<>(p.toMap());
            doc.put("labels", Labels.of(e).asMap());
            Json.print(System.out, doc);
        } else {
            print(p, republic);
        }
        if ("limit".equals(p.status()) || "unbounded".equals(p.status())) {
            System.err.println("gosplan: " + advice(p));
        }
        return "optimal".equals(p.status()) ? ExitCode.OK : ExitCode.NEGATIVE;
    }

    /** What to try where no plan was proven (status limit) or λ can grow without end (unbounded). */
    static String advice(ExtendedPlan p) {
        if ("unbounded".equals(p.status())) {
            return "the targets can be met any number of times over: some product asked for is made or imported"
                    + " without anything limited (a resource without \"available\", imports at a price of 0 or"
                    + " without a limit under a balance of trade that never binds); limit that resource or those"
                    + " imports";
        }
        return "the solver (" + p.method() + ") stopped without a proven plan" + (p.note() == null ? ""
                : " (" + p.note() + ")") + "; try --method pdlp, a larger --tolerance, or quantities and world prices"
                + " in units nearer 1 (millions of a unit where figures run to 1e9 and more)";
    }

    private static void print(ExtendedPlan p, String republic) {
        Economy e = p.economy();
        Parts parts = e.parts();
        var out = System.out;
        String objective = p.minimisedResource() < 0 ? "fulfil, leximin"
                : "min-resource " + e.resourceId(p.minimisedResource()) + ", every target met";
        out.printf("plan: %s (%s) for %s%n", p.status(), objective, e.name().isEmpty() ? "the economy" : e.name());
        if (republic != null) {
            out.printf("  republic    %s alone, as if it left the union: its own resources and trade, no transport%n",
                    republic);
        }
        out.printf("  solver      %s, %d round%s, %s%n", p.method(), p.rounds(),
                p.rounds() == 1 ? "" : "s", Durations.format(p.seconds()));
        if (!"optimal".equals(p.status())) {
            if ("infeasible".equals(p.status())) {
                Map<String, Object> d = p.diagnosis();
                out.println();
                out.println(d.get("summary"));
                for (Object line : (java.util.List<?>) d.get("explanation")) {
                    out.println("  " + line);
                }
            }
            return;
        }
        if (p.minimisedResource() < 0) {
            out.printf("  value       λ = %s (the smallest over years and republics)%n", PlanCommand.num(p.value()));
        } else {
            String unit = e.resourceUnit(p.minimisedResource());
            out.printf("  value       %s%s of %s used at least, over every year%n", PlanCommand.num(p.value()),
                    unit == null || unit.isEmpty() ? "" : " " + unit, e.resourceId(p.minimisedResource()));
        }
        out.printf("  certificate primal infeasibility %s, dual infeasibility %s, gap %s%n",
                PlanCommand.sci(p.primalInfeasibility()), PlanCommand.sci(p.dualInfeasibility()),
                PlanCommand.sci(p.gap()));
        if (p.stages() != null) {
            for (ExtendedStage st : p.stages()) {
                out.printf("  least use   %s resources (%s): %s, by %s in %s, gap %s%n", st.minimises(),
                        String.join(", ", st.resources()), PlanCommand.num(st.value()), st.method(),
                        Durations.format(st.seconds()), PlanCommand.sci(Math.max(st.gap(),
                                Math.max(st.primalInfeasibility(), st.dualInfeasibility()))));
            }
        }
        if (p.note() != null) {
            out.printf("  note        %s%n", p.note());
        }
        if (parts.years() > 0) {
            out.println();
            out.println("Years (λ: the smallest over the republics):");
            for (int y = 0; y < p.years(); y++) {
                StringBuilder stocks = new StringBuilder();
                for (int c = 0; c < parts.capital().size(); c++) {
                    double s = 0, inv = 0;
                    for (int g = 0; g < Math.max(1, parts.regions().size()); g++) {
                        s += p.stock(y, c, g);
                        inv += p.investment(y, c, g);
                    }
                    stocks.append(String.format("   %s stock %s, invested %s", e.productId(parts.capital().get(c)
                            .product()), PlanCommand.num(s), PlanCommand.num(inv)));
                }
                out.printf("  %-4d λ = %-12s%s%n", y + 1, PlanCommand.num(p.yearLambda(y)), stocks);
            }
        }
        if (parts.isRegional()) {
            out.println();
            out.println("Republics (λ in the union, and planned alone):");
            for (int g = 0; g < parts.regions().size(); g++) {
                if (Double.isNaN(p.regionLambda(g)) && Double.isNaN(p.alone(g))) {
                    continue; // another republic's, when one is planned alone
                }
                out.printf("  %-28s union %-12s alone %s%n", parts.regionId(g), PlanCommand.num(p.regionLambda(g)),
                        PlanCommand.num(p.alone(g)));
            }
        }
        if (!parts.trade().isEmpty()) {
            out.println();
            String cur = parts.currency() == null ? "" : " " + parts.currency();
            double balance = 0;
            for (int y = 0; y < p.years(); y++) {
                balance += p.balance(y);
            }
            out.printf("Foreign trade: balance %s%s, a unit of deficit is worth %s %s%n", PlanCommand.num(balance),
                    cur, PlanCommand.num(p.tradePrice()), p.minimisedResource() < 0 ? "of λ"
                            : e.resourceId(p.minimisedResource()) + " saved");
            for (int k = 0; k < parts.trade().size(); k++) {
                Parts.Trade t = parts.trade().get(k);
                double im = 0, ex = 0;
                for (int y = 0; y < p.years(); y++) {
                    im += p.imports(y, k);
                    ex += p.exports(y, k);
                }
                String where = t.region() < 0 ? "" : "@" + parts.regionId(t.region());
                out.printf("  %-28s imports %-12s exports %s%n", e.productId(t.product()) + where, PlanCommand.num(im),
                        PlanCommand.num(ex));
            }
        }
        out.println("(all figures: gosplan plan --json, or --csv FILE for a spreadsheet)");
    }
}
