package org.gosplan.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gosplan.economy.Economy;
import org.gosplan.economy.Parts;
import org.gosplan.planner.extended.ExtendedPlan;
import org.gosplan.planner.extended.ExtendedStage;

/**
 * {@code gosplan plan --csv FILE} for an economy with republics, trade or years (docs/csv-export.md):
 * the tidy CSV of one-year plans with two more columns, {@code region} and {@code year}, so that a
 * pivot table reads every year and republic: {@code kind,id,label,region,year,quantity,value}.
 */
final class ExtendedCsv {
    private ExtendedCsv() {}

    static void plan(Path file, ExtendedPlan p, Labels labels) throws IOException {
        Economy e = p.economy();
        Parts parts = e.parts();
        int regions = Math.max(1, parts.regions().size());
        try (CsvOut out = CsvOut.open(file, "kind", "id", "label", "region", "year", "quantity", "value")) {
            String objective = p.minimisedResource() < 0 ? "fulfil" : "min-resource:" + e.resourceId(p.minimisedResource());
            out.line("plan", objective, p.status(), null, null, "value",
                    Double.isFinite(p.value()) ? CsvOut.number(p.value()) : null);
            if (!Double.isFinite(p.value())) {
                out.finish();
                return;
            }
            if (p.stages() != null) {
                for (ExtendedStage s : p.stages()) {
                    out.row(s.value(), "stage", s.minimises(), String.join(" ", s.resources()), null, null, "value");
                }
            }
            double[][][] demand = demand(e, p.years(), regions);
            for (int y = 0; y < p.years(); y++) {
                String year = Integer.toString(y + 1);
                for (int g = 0; g < regions; g++) {
                    out.row(p.lambda(y, g), "year", year, null, parts.regionId(parts.isRegional() ? g : -1), year,
                            "lambda");
                }
                for (int t = 0; t < e.techniques(); t++) {
                    out.row(p.level(y, t), "technique", e.techniqueId(t), labels.technique(t),
                            parts.regionId(parts.techniqueRegion(t)), year, "level");
                }
                for (int g = 0; g < regions; g++) {
                    String region = parts.regionId(parts.isRegional() ? g : -1);
                    for (int q = 0; q < e.products(); q++) {
                        String id = e.productId(q);
                        if (demand[y][g][q] > 0) {
                            out.row(demand[y][g][q], "product", id, labels.product(id), region, year, "target");
                        }
                        out.row(p.valuation(y, g, q), "product", id, labels.product(id), region, year, "valuation");
                    }
                    for (int c = 0; c < parts.capital().size(); c++) {
                        String id = e.productId(parts.capital().get(c).product());
                        out.row(p.stock(y, c, g), "capital", id, labels.product(id), region, year, "stock");
                        out.row(p.investment(y, c, g), "capital", id, labels.product(id), region, year, "investment");
                    }
                }
                List<Parts.Transport> links = parts.transport();
                for (int l = 0; l < links.size(); l++) {
                    out.row(p.sent(y, l), "transport", links.get(l).id(), null, parts.regionId(links.get(l).from()),
                            year, "sent");
                }
                for (int k = 0; k < parts.trade().size(); k++) {
                    Parts.Trade t = parts.trade().get(k);
                    String id = e.productId(t.product());
                    if (t.imports()) {
                        out.row(p.imports(y, k), "trade", id, labels.product(id), parts.regionId(t.region()), year,
                                "import");
                    }
                    if (t.exports()) {
                        out.row(p.exports(y, k), "trade", id, labels.product(id), parts.regionId(t.region()), year,
                                "export");
                    }
                }
                if (!parts.trade().isEmpty()) {
                    out.row(p.balance(y), "balance", parts.currency(), null, null, year, "balance");
                }
            }
            if (!parts.trade().isEmpty()) {
                out.row(p.tradePrice(), "balance", parts.currency(), null, null, null, "price");
            }
            for (int g = 0; g < parts.regions().size(); g++) {
                String id = parts.regionId(g);
                String name = parts.regions().get(g).name();
                out.row(p.regionLambda(g), "republic", id, name, id, null, "lambda");
                out.row(p.alone(g), "republic", id, name, id, null, "alone");
            }
            out.finish();
        }
    }

    /** The targets by year, republic and product: a target without a year holds in every year. */
    private static double[][][] demand(Economy e, int years, int regions) {
        double[][][] d = new double[years][regions][e.products()];
        Parts parts = e.parts();
        for (int i = 0; i < e.targets(); i++) {
            int g = Math.max(0, parts.targetRegion(i));
            for (int y = 0; y < years; y++) {
                if (parts.targetYear(i) == 0 || parts.targetYear(i) == y + 1) {
                    d[y][g][e.targetProduct(i)] += e.targetQuantity(i);
                }
            }
        }
        return d;
    }
}
