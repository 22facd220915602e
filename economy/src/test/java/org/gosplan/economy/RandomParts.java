package org.gosplan.economy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random valid economies with the optional parts of formats.md section 5 (regions, transport,
 * trade, years, capital, stocks, yearly availability), for property tests.
 */
final class RandomParts {
    private RandomParts() {}

    static Arbitrary<Economy> economies() {
        return Arbitraries.randomValue(RandomParts::economy);
    }

    private static double maybe(Random r, double none) {
        return r.nextInt(3) == 0 ? none : RandomEconomies.positive(r);
    }

    static Economy economy(Random r) {
        Set<String> items = new HashSet<>();
        Set<String> techIds = new HashSet<>();
        EconomyBuilder b = new EconomyBuilder(RandomEconomies.id(r, new HashSet<>()));
        PartsBuilder parts = b.parts();
        int regions = r.nextInt(4);
        int years = r.nextInt(2) == 0 ? 0 : 1 + r.nextInt(5);
        parts.years(years);
        if (r.nextBoolean()) {
            parts.currency(RandomEconomies.id(r, new HashSet<>()));
        }
        if (r.nextBoolean()) {
            parts.tradeBalance(r.nextBoolean() ? RandomEconomies.positive(r) : -RandomEconomies.positive(r));
        }
        Set<String> regionIds = new HashSet<>();
        for (int k = 0; k < regions; k++) {
            parts.addRegion(RandomEconomies.id(r, regionIds), RandomEconomies.text(r));
        }
        int np = 1 + r.nextInt(6);
        for (int p = 0; p < np; p++) {
            b.addProduct(RandomEconomies.id(r, items), RandomEconomies.text(r), RandomEconomies.text(r));
        }
        List<Integer> capital = new ArrayList<>();
        if (years > 0) {
            for (int p = 0; p < np; p++) {
                if (r.nextInt(3) == 0) {
                    parts.capital(p, r.nextInt(4) == 0 ? 0 : r.nextInt(4) == 0 ? 1 : r.nextDouble(), 1 + r.nextInt(3));
                    capital.add(p);
                }
            }
        }
        int nr = r.nextInt(4);
        for (int k = 0; k < nr; k++) {
            // a resource given only for particular years has no amount of its own
            int res = b.addResource(RandomEconomies.id(r, items), RandomEconomies.text(r), maybe(r, Double.NaN));
            if (regions > 0) {
                parts.resourceRegion(res, r.nextInt(regions));
            }
            for (int y = 1; y <= years; y++) {
                if (r.nextInt(3) == 0) {
                    parts.availability(res, y, maybe(r, Double.NaN));
                }
            }
        }
        int nt = r.nextInt(8);
        for (int t = 0; t < nt; t++) {
            int ti = b.addTechnique(RandomEconomies.id(r, techIds), maybe(r, Double.POSITIVE_INFINITY));
            b.output(ti, r.nextInt(np), RandomEconomies.positive(r));
            if (np > 1 && r.nextBoolean()) {
                int p = r.nextInt(np);
                b.productInput(ti, p, RandomEconomies.positive(r));
            }
            if (nr > 0 && r.nextBoolean()) {
                b.resourceInput(ti, r.nextInt(nr), RandomEconomies.positive(r));
            }
            if (!capital.isEmpty() && r.nextBoolean()) {
                b.capitalInput(ti, capital.get(r.nextInt(capital.size())), RandomEconomies.positive(r));
            }
            if (regions > 0) {
                parts.techniqueRegion(ti, r.nextInt(regions));
            }
        }
        if (regions >= 2) {
            int links = r.nextInt(4);
            for (int l = 0; l < links; l++) {
                int from = r.nextInt(regions);
                int to = (from + 1 + r.nextInt(regions - 1)) % regions;
                int li = parts.addTransport(RandomEconomies.id(r, techIds), r.nextInt(np), from, to,
                        r.nextInt(3) == 0 ? 0 : r.nextDouble() * 0.99, maybe(r, Double.POSITIVE_INFINITY));
                if (r.nextBoolean()) {
                    parts.transportInput(li, r.nextInt(np), false, RandomEconomies.positive(r));
                }
                if (nr > 0 && r.nextBoolean()) {
                    parts.transportInput(li, r.nextInt(nr), true, RandomEconomies.positive(r));
                }
            }
        }
        for (int p = 0; p < np; p++) {
            for (int region = regions == 0 ? -1 : 0; region < Math.max(regions, 0); region++) {
                int kind = r.nextInt(3);
                if (kind == 0) {
                    b.target(p, RandomEconomies.positive(r), r.nextBoolean() ? 1.0 : RandomEconomies.positive(r),
                            region, 0);
                } else if (kind == 1) {
                    for (int y = 1; y <= years; y++) {
                        if (r.nextBoolean()) {
                            b.target(p, RandomEconomies.positive(r), 1.0, region, y);
                        }
                    }
                }
                if (regions == 0) {
                    break;
                }
            }
        }
        for (int p = 0; p < np; p++) {
            if (r.nextInt(3) == 0) {
                double importPrice = maybe(r, Double.NaN);
                double exportPrice = r.nextInt(3) == 0 ? Double.NaN
                        : Double.isNaN(importPrice) ? RandomEconomies.positive(r) : importPrice * r.nextDouble();
                if (Double.isNaN(importPrice) && Double.isNaN(exportPrice)) {
                    importPrice = 1;
                }
                parts.trade(p, regions == 0 ? -1 : r.nextInt(regions), importPrice, exportPrice,
                        maybe(r, Double.POSITIVE_INFINITY), maybe(r, Double.POSITIVE_INFINITY));
            }
        }
        for (int p : capital) {
            if (r.nextBoolean()) {
                double q = r.nextInt(4) == 0 ? 0 : RandomEconomies.positive(r);
                parts.stock(p, regions == 0 ? -1 : r.nextInt(regions), q);
            }
        }
        return b.build();
    }
}
