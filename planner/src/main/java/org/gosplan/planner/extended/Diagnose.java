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
                return targets(e, m, x.last.x(), minimised);
            }
        }
        return balance(e, alone);
    }

    private static Map<String, Object> targets(Economy e, SpaceModel m, double[] x, int minimised) {
        Parts parts = e.parts();
        List<String> explanation = new ArrayList<>();
        Set<Integer> years = new LinkedHashSet<>();
        Set<String> regions = new LinkedHashSet<>();
        for (int y = 0; y < m.years; y++) {
            for (int g = 0; g < m.regions; g++) {
                int v = m.lambda[y][g];
                if (v >= 0 && x[v] < 1 - 1e-9) {
                    years.add(y + 1);
                    String where = parts.isRegional() ? " in " + parts.regionId(g) : "";
                    if (parts.isRegional()) {
                        regions.add(parts.regionId(g));
                    }
                    explanation.add("year " + (y + 1) + where + ": its targets can be met to " + percent(x[v])
                            + " at most where no other year and republic falls lower (fulfil, leximin)");
                }
            }
        }
        explanation.add("lower those targets, or plan them with --objective fulfil");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("summary", "the targets cannot all be met in full, so no plan minimises " + e.resourceId(minimised)
                + " with them: " + (years.size() == 1 ? "year " : "years ") + join(years)
                + (regions.isEmpty() ? "" : " in " + String.join(", ", regions)) + " fall short");
        d.put("explanation", explanation);
        d.put("constraints", List.of("targets"));
        d.put("years", List.copyOf(years));
        d.put("regions", List.copyOf(regions));
        d.put("trade", List.of());
        return d;
    }

    private static Map<String, Object> balance(Economy e, int alone) {
        Parts parts = e.parts();
        SpaceModel m = new SpaceModel(e, alone);
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
        int[] shortfall = new int[m.years];
        for (int y = 0; y < m.years; y++) {
            shortfall[y] = -1;
            if (m.balanceRow[y] >= 0) {
                shortfall[y] = lp.addVar(0, Lp.INF, -1);
                lp.add(m.balanceRow[y], shortfall[y], 1);
            }
        }
        Lp.Solution s = lp.solve(false, 1e-9, 0);
        String cur = parts.currency() == null ? "" : " " + parts.currency();
        List<String> explanation = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        Set<String> regions = new LinkedHashSet<>();
        List<String> trade = new ArrayList<>();
        if (s.x() != null) {
            for (int y = 0; y < m.years; y++) {
                double short_ = shortfall[y] < 0 ? parts.tradeBalance() : s.x()[shortfall[y]];
                if (short_ <= 1e-9 * (1 + Math.abs(parts.tradeBalance()))) {
                    continue;
                }
                years.add(y + 1);
                StringBuilder limits = new StringBuilder();
                for (int k = 0; k < parts.trade().size(); k++) {
                    Parts.Trade t = parts.trade().get(k);
                    int v = m.exports[y][k];
                    if (v >= 0 && Double.isFinite(t.exportLimit()) && s.x()[v] >= t.exportLimit() - 1e-9 * (1
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
                explanation.add("year " + (y + 1) + ": the exports earn at most " + num(parts.tradeBalance() - short_)
                        + cur + ", " + num(short_) + cur + " short"
                        + (limits.length() > 0 ? "; exports at their limits: " + limits
                        : "; what the economy can make for export that year falls short"));
            }
        }
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
