package org.gosplan.planner.extended;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gosplan.economy.Economy;
import org.gosplan.economy.Parts;

/**
 * Why a plan with republics, trade or years has no solution, naming the years, republics and
 * trade limits at fault.
 *
 * <p>fulfil: with every λ at zero every row holds (net output 0, nothing used, stocks as they
 * start) but the balance of trade when {@code tradeBalance} > 0. So the LP is solved again with a
 * shortfall allowed in each year's balance, the sum of shortfalls minimised: the years left short
 * are at fault, by how much, and the exports at their limits in those years (by republic) are the
 * limits that would have to rise; exports not allowed at all are named where there are none.
 *
 * <p>min-resource: the targets cannot all be met in full. The fulfil plan (leximin) says how far
 * they can: every year and republic whose λ is below 1 is named with it (the first of them, the
 * smallest, cannot be raised without lowering another as low). Where fulfil itself has no plan,
 * the balance of trade is at fault, as above.
 */
final class Diagnose {
    private Diagnose() {}

    static Map<String, Object> of(Economy e, int alone, int minimised) {
        if (minimised >= 0) {
            SpaceModel m = new SpaceModel(e, alone);
            ExtendedPlanner.Leximin x = ExtendedPlanner.leximin(m, ExtendedPlanner.Options.DEFAULT);
            if (x.status == Lp.Status.OPTIMAL && x.last.x() != null) {
                return targets(e, alone, m, x.last.x(), minimised);
            }
        }
        return balance(e, alone);
    }

    private static Map<String, Object> targets(Economy e, int alone, SpaceModel m, double[] x, int minimised) {
        Parts parts = e.parts();
        List<String> explanation = new ArrayList<>();
        List<String> together = new ArrayList<>();
        Set<Integer> years = new LinkedHashSet<>();
        Set<Integer> jointYears = new LinkedHashSet<>();
        Set<String> regions = new LinkedHashSet<>();
        Set<String> jointRegions = new LinkedHashSet<>();
        int budget = budget(m);
        for (int y = 0; y < m.years; y++) {
            for (int g = 0; g < m.regions; g++) {
                int v = m.lambda[y][g];
                if (v < 0 || x[v] >= 1 - 1e-9) {
                    continue;
                }
                String where = parts.isRegional() ? " in " + parts.regionId(g) : "";
                // leximin holds every year as low as the worst: is this one short on its own, every other
                // year's and republic's targets dropped (their λ free down to 0)? Then it is at fault.
                if (budget-- <= 0) {
                    // a large plan, or many years short: named as leximin left them, without an LP each
                    years.add(y + 1);
                    if (parts.isRegional()) {
                        regions.add(parts.regionId(g));
                    }
                    explanation.add("year " + (y + 1) + where + ": its targets can be met to " + percent(x[v])
                            + " at most where no other year and republic falls lower (fulfil, leximin)");
                    continue;
                }
                SpaceModel own = new SpaceModel(e, alone);
                own.lp.setCost(own.least, 0);
                own.lp.setUpper(own.least, 0);
                own.lp.setCost(own.lambda[y][g], 1);
                own.lp.setUpper(own.lambda[y][g], 1);
                Lp.Solution s = own.lp.solve(false, 1e-9, 0);
                if (s.x() != null && s.x()[own.lambda[y][g]] < 1 - 1e-9) {
                    years.add(y + 1);
                    if (parts.isRegional()) {
                        regions.add(parts.regionId(g));
                    }
                    List<String> binding = binding(e, own, s);
                    explanation.add("year " + (y + 1) + where + ": its targets can be met to "
                            + percent(s.x()[own.lambda[y][g]]) + " at most, even with every other year's and"
                            + " republic's targets dropped" + (binding.isEmpty() ? "" : "; binding: "
                            + String.join(", ", binding)));
                } else {
                    jointYears.add(y + 1);
                    if (parts.isRegional()) {
                        jointRegions.add(parts.regionId(g));
                    }
                    together.add("year " + (y + 1) + where + ": its targets can be met "
                            + (s.x() != null ? "in full on its own, but " : "") + "to " + percent(x[v])
                            + " at most where no other year and republic falls lower (fulfil, leximin)");
                }
            }
        }
        if (years.isEmpty()) {
            // no year and republic is short on its own: together they are (investment one year takes from another)
            years.addAll(jointYears);
            regions.addAll(jointRegions);
        }
        explanation.addAll(together);
        explanation.add("lower those targets, or plan them with --objective fulfil");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("summary", "the targets cannot all be met in full, so no plan minimises " + e.resourceId(minimised)
                + " with them: " + (years.size() == 1 ? "year " : "years ") + join(years)
                + (regions.isEmpty() ? "" : " in " + String.join(", ", regions))
                + (years.size() == 1 ? " falls short" : " fall short"));
        d.put("explanation", explanation);
        d.put("constraints", List.of("targets"));
        d.put("years", List.copyOf(years));
        d.put("regions", List.copyOf(regions));
        d.put("trade", List.of());
        return d;
    }

    /**
     * What binds in {@code s}: the limited resources and capital stocks whose rows have a non-zero
     * dual (together they bound the objective), the techniques and transport at their capacity and the
     * imports at their limit, each with its year.
     */
    static List<String> binding(Economy e, SpaceModel m, Lp.Solution s) {
        Parts parts = e.parts();
        List<String> out = new ArrayList<>();
        double[] x = s.x();
        double[] dual = s.dual();
        for (int y = 0; y < m.years; y++) {
            String year = m.years > 1 || parts.years() > 0 ? " in year " + (y + 1) : "";
            for (int r = 0; r < m.resourceRow[y].length; r++) {
                int row = m.resourceRow[y][r];
                if (row >= 0 && Math.abs(dual[row]) > 1e-9 && Double.isFinite(m.lp.rowUpper(row))) {
                    String unit = e.resourceUnit(r);
                    out.add(e.resourceId(r) + year + " (" + num(m.lp.rowUpper(row))
                            + (unit == null || unit.isEmpty() ? "" : " " + unit) + ")");
                }
            }
            for (int c = 0; c < m.capitalRow[y].length; c++) {
                for (int g = 0; g < m.regions; g++) {
                    int row = m.capitalRow[y][c][g];
                    if (row >= 0 && Math.abs(dual[row]) > 1e-9) {
                        out.add("the stock of " + e.productId(parts.capital().get(c).product())
                                + (parts.isRegional() ? "@" + parts.regionId(g) : "") + year + " ("
                                + num(x[m.stock[y][c][g]]) + ")");
                    }
                }
            }
            for (int t = 0; t < m.level[y].length; t++) {
                int v = m.level[y][t];
                if (v >= 0 && atUpper(m, v, x)) {
                    out.add("technique " + e.techniqueId(t) + " at its capacity " + num(m.lp.upper(v)) + year);
                }
            }
            for (int l = 0; l < m.sent[y].length; l++) {
                int v = m.sent[y][l];
                if (v >= 0 && atUpper(m, v, x)) {
                    out.add("transport " + parts.transport().get(l).id() + " at its capacity "
                            + num(m.lp.upper(v)) + year);
                }
            }
            for (int k = 0; k < m.imports[y].length; k++) {
                int v = m.imports[y][k];
                if (v >= 0 && atUpper(m, v, x)) {
                    Parts.Trade t = parts.trade().get(k);
                    out.add("imports of " + e.productId(t.product()) + (t.region() < 0 ? "" : "@"
                            + parts.regionId(t.region())) + " at their limit " + num(t.importLimit()) + year);
                }
            }
        }
        return out;
    }

    private static boolean atUpper(SpaceModel m, int v, double[] x) {
        double u = m.lp.upper(v);
        return Double.isFinite(u) && u > 0 && x[v] >= u - 1e-9 * (1 + u);
    }

    private static Map<String, Object> balance(Economy e, int alone) {
        Parts parts = e.parts();
        Elastic el = elastic(e, alone);
        SpaceModel m = el.model;
        Lp.Solution s = m.lp.solve(false, 1e-9, 0);
        String cur = parts.currency() == null ? "" : " " + parts.currency();
        List<String> explanation = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<Integer> jointYears = new ArrayList<>();
        List<String> joint = new ArrayList<>();
        Set<String> regions = new LinkedHashSet<>();
        List<String> trade = new ArrayList<>();
        double tolerance = 1e-9 * (1 + Math.abs(parts.tradeBalance()));
        int budget = budget(m);
        if (s.x() != null) {
            for (int y = 0; y < m.years; y++) {
                double short_ = el.shortfall[y] < 0 ? parts.tradeBalance() : s.x()[el.shortfall[y]];
                if (short_ <= tolerance) {
                    continue;
                }
                // the least sum of shortfalls may leave a year short to help another: what can this year earn
                // on its own, every other year's balance dropped?
                if (budget-- <= 0) {
                    years.add(y + 1); // a large plan, or many years short: as the least sum left it
                    explanation.add("year " + (y + 1) + ": " + num(short_) + cur + " short where the shortfalls of"
                            + " all years add up to the least");
                    continue;
                }
                Elastic ownYear = elastic(e, alone);
                SpaceModel own = ownYear.model;
                for (int z = 0; z < m.years; z++) {
                    if (ownYear.shortfall[z] >= 0) {
                        own.lp.setCost(ownYear.shortfall[z], z == y ? -1 : 0);
                    }
                }
                Lp.Solution o = ownYear.shortfall[y] < 0 ? null : own.lp.solve(false, 1e-9, 0);
                double alone_ = o == null || o.x() == null ? short_ : o.x()[ownYear.shortfall[y]];
                if (alone_ <= tolerance) {
                    jointYears.add(y + 1);
                    joint.add("year " + (y + 1) + ": can earn " + num(parts.tradeBalance()) + cur + " on its own,"
                            + " but not with every other year's too (" + num(short_) + cur + " short where the"
                            + " shortfalls of all years add up to the least)");
                    continue;
                }
                years.add(y + 1);
                Lp.Solution at = o == null || o.x() == null ? s : o;
                SpaceModel atModel = at == s ? m : own;
                StringBuilder limits = new StringBuilder();
                for (int k = 0; k < parts.trade().size(); k++) {
                    Parts.Trade t = parts.trade().get(k);
                    int v = atModel.exports[y][k];
                    if (v >= 0 && Double.isFinite(t.exportLimit()) && at.x()[v] >= t.exportLimit() - 1e-9 * (1
                            + t.exportLimit())) {
                        String id = e.productId(t.product()) + (t.region() < 0 ? "" : "@" + parts.regionId(t.region()));
                        trade.add("year " + (y + 1) + ": exports of " + id + " at their limit " + num(t.exportLimit()));
                        limits.append(limits.length() == 0 ? "" : ", ").append(id).append(" at ")
                                .append(num(t.exportLimit()));
                        if (t.region() >= 0) {
                            regions.add(parts.regionId(t.region()));
                        }
                    }
                }
                List<String> binding = at.dual() == null ? List.of() : binding(e, atModel, at);
                explanation.add("year " + (y + 1) + ": the exports earn at most " + num(parts.tradeBalance() - alone_)
                        + cur + ", " + num(alone_) + cur + " short"
                        + (limits.length() > 0 ? "; exports at their limits: " + limits
                        : "; what the economy can make for export that year falls short")
                        + (binding.isEmpty() ? "" : "; binding: " + String.join(", ", binding)));
            }
        }
        if (years.isEmpty()) {
            // no year short on its own: together they are (investment for one year's exports takes from another's)
            years.addAll(jointYears);
        }
        explanation.addAll(joint);
        if (years.isEmpty()) {
            // not found by the elastic LP (it failed, or rounding): every year is named, as the balance holds in each
            for (int y = 0; y < m.years; y++) {
                years.add(y + 1);
            }
        }
        explanation.add("allow a deficit (a lower \"tradeBalance\") or raise the export limits named");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("summary", "no plan meets the balance of trade: exports less imports at world prices must be at least "
                + num(parts.tradeBalance()) + cur + " in every year, and " + (years.size() == 1 ? "year " : "years ")
                + join(years) + " cannot earn it");
        d.put("explanation", explanation);
        d.put("constraints", List.of("tradeBalance"));
        d.put("years", years);
        d.put("regions", List.copyOf(regions));
        d.put("trade", trade);
        return d;
    }

    /**
     * The plan's LP with every λ at zero and a shortfall (in currency) allowed in each year's balance of
     * trade, the sum of shortfalls minimised; {@code shortfall[y]} is -1 for a year without a balance row.
     */
    /**
     * How many years (and republics) get an LP of their own: each is an LP of the plan's size, so a few on
     * small plans, none from 200,000 entries (a diagnosis should not take many times the plan's own time).
     */
    private static int budget(SpaceModel m) {
        return m.lp.entries() > 200_000 ? 0 : 12;
    }

    private record Elastic(SpaceModel model, int[] shortfall) {}

    private static Elastic elastic(Economy e, int alone) {
        SpaceModel m = new SpaceModel(e, alone);
        int[] shortfall = new int[m.years];
        Lp lp = m.lp;
        lp.setCost(m.least, 0);
        lp.setUpper(m.least, 0);
        for (int[] row : m.lambda) {
            for (int v : row) {
                if (v >= 0) {
                    lp.setUpper(v, 0);
                }
            }
        }
        for (int y = 0; y < m.years; y++) {
            shortfall[y] = -1;
            if (m.balanceRow[y] >= 0) {
                shortfall[y] = lp.addVar(0, Lp.INF, -1);
                lp.add(m.balanceRow[y], shortfall[y], m.balanceScale);
            }
        }
        return new Elastic(m, shortfall);
    }

    private static String join(Iterable<Integer> years) {
        StringBuilder b = new StringBuilder();
        for (int y : years) {
            b.append(b.length() == 0 ? "" : ", ").append(y);
        }
        return b.toString();
    }

    private static String percent(double lambda) {
        return num(100 * lambda) + "%";
    }

    private static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(7)).stripTrailingZeros().toPlainString();
    }
}
