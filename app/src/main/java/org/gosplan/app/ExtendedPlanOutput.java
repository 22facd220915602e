package org.gosplan.app;

import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.Parts;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.extended.ExtendedPlan;
import org.gosplan.planner.extended.ExtendedPlanner;

/**
 * {@code gosplan plan} for an economy with republics, foreign trade or years (formats.md section
 * 5): planned by {@link ExtendedPlanner}, printed in words or as the plan's JSON with the members
 * "years", "regions" and "trade".
 */
final class ExtendedPlanOutput {
    private ExtendedPlanOutput() {}

    static int plan(Economy e, PlanOptions options, boolean json, java.nio.file.Path mps, java.nio.file.Path csv,
                    String republic) {
        if (options.objective() != PlanObjective.FULFIL) {
            throw new UsageException("--objective " + options.objective().name().toLowerCase().replace('_', '-')
                    + " is not planned for an economy with republics, trade or years yet; plan it with fulfil");
        }
        if (mps != null || csv != null) {
            throw new UsageException((mps != null ? "--export-mps" : "--csv") + " writes one-year plans; an economy"
                    + " with republics, trade or years has its figures in --json");
        }
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
        ExtendedPlan p = region >= 0 ? ExtendedPlanner.planAlone(e, region, o) : ExtendedPlanner.plan(e, o);
        return show(p, json, republic);
    }

    /** The plan in words or as JSON; 0 when optimal, else 1. */
    static int show(ExtendedPlan p, boolean json, String republic) {
        Economy e = p.economy();
        if (json) {
            Map<String, Object> doc = new java.util.LinkedHashMap<>(p.toMap());
            doc.put("labels", Labels.of(e).asMap());
            Json.print(System.out, doc);
        } else {
            print(p, republic);
        }
        return "optimal".equals(p.status()) ? ExitCode.OK : ExitCode.NEGATIVE;
    }

    private static void print(ExtendedPlan p, String republic) {
        Economy e = p.economy();
        Parts parts = e.parts();
        var out = System.out;
        out.printf("plan: %s (fulfil, leximin) for %s%n", p.status(), e.name().isEmpty() ? "the economy" : e.name());
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
        out.printf("  value       λ = %s (the smallest over years and republics)%n", PlanCommand.num(p.value()));
        out.printf("  certificate primal infeasibility %s, dual infeasibility %s, gap %s%n",
                PlanCommand.sci(p.primalInfeasibility()), PlanCommand.sci(p.dualInfeasibility()),
                PlanCommand.sci(p.gap()));
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
            out.printf("Foreign trade: balance %s%s, a unit of deficit is worth %s of λ%n", PlanCommand.num(balance),
                    cur, PlanCommand.num(p.tradePrice()));
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
        out.println("(all figures: gosplan plan --json)");
    }
}
