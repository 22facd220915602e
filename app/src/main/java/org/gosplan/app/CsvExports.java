package org.gosplan.app;

import java.io.IOException;
import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.Multipliers;

/** What {@code --csv FILE} writes for leontief, multipliers and plan: the columns of docs/csv-export.md. */
final class CsvExports {
    private CsvExports() {}

    /** {@code sector,label,quantity,value}: final_demand and gross_output of every sector. */
    static void leontief(Path file, Leontief l, Labels labels, double[] y, double[] x) throws IOException {
        try (CsvOut out = CsvOut.open(file, "sector", "label", "quantity", "value")) {
            for (int i = 0; i < l.size(); i++) {
                String id = l.sector(i);
                String label = labels.product(id);
                out.row(y[i], id, label, "final_demand");
                out.row(x[i], id, label, "gross_output");
            }
            out.finish();
        }
    }

    /**
     * {@code sector,label,quantity,factor,value}: output_multiplier of every sector (factor empty),
     * then for every factor its direct and total intensity and the type_i ratio (total / direct,
     * left out where the direct intensity is zero).
     */
    static void multipliers(Path file, Multipliers m, Labels labels) throws IOException {
        Leontief l = m.leontief();
        try (CsvOut out = CsvOut.open(file, "sector", "label", "quantity", "factor", "value")) {
            for (int i = 0; i < l.size(); i++) {
                String id = l.sector(i);
                String label = labels.product(id);
                out.row(m.output()[i], id, label, "output_multiplier", null);
                for (int f = 0; f < m.factors(); f++) {
                    out.row(m.direct(f)[i], id, label, "direct", m.factor(f));
                    out.row(m.total(f)[i], id, label, "total", m.factor(f));
                    out.row(m.typeI(f, i), id, label, "type_i", m.factor(f));
                }
            }
            out.finish();
        }
    }

    /**
     * {@code kind,id,label,quantity,value}: one plan row (id the objective, label the status,
     * quantity value), then technique rows (level, capacity, capacity_price), product rows
     * (target, net_output, valuation) and resource rows (available, use, price). Without a
     * solution (infeasible, unbounded) only the plan row.
     */
    static void plan(Path file, Plan p, Labels labels) throws IOException {
        Economy e = p.economy();
        try (CsvOut out = CsvOut.open(file, "kind", "id", "label", "quantity", "value")) {
            String objective = p.objective() == PlanObjective.FULFIL ? "fulfil"
                    : "min-resource:" + e.resourceId(p.costResource());
            out.line("plan", objective, p.status().id(), "value",
                    Double.isFinite(p.value()) ? CsvOut.number(p.value()) : null);
            if (p.hasSolution()) {
                for (int t = 0; t < e.techniques(); t++) {
                    String id = e.techniqueId(t);
                    String label = labels.technique(t);
                    out.row(p.level(t), "technique", id, label, "level");
                    if (e.hasCapacity(t)) {
                        out.row(e.capacity(t), "technique", id, label, "capacity");
                        out.row(p.capacityPrice(t), "technique", id, label, "capacity_price");
                    }
                }
                double[] y = e.finalDemand();
                for (int q = 0; q < e.products(); q++) {
                    String id = e.productId(q);
                    String label = labels.product(id);
                    if (y[q] != 0) {
                        out.row(y[q], "product", id, label, "target");
                    }
                    out.row(p.netOutput(q), "product", id, label, "net_output");
                    out.row(p.valuation(q), "product", id, label, "valuation");
                }
                for (int r = 0; r < e.resources(); r++) {
                    String id = e.resourceId(r);
                    if (e.isLimited(r)) {
                        out.row(e.available(r), "resource", id, null, "available");
                    }
                    out.row(p.resourceUse(r), "resource", id, null, "use");
                    out.row(p.resourcePrice(r), "resource", id, null, "price");
                }
            }
            out.finish();
        }
    }
}
