package org.gosplan.inspection.reconcile;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.IdIndex;
import org.gosplan.inspection.InspectionException;
import org.gosplan.inspection.report.Flow;
import org.gosplan.inspection.report.Report;
import org.gosplan.record.Unit;

/**
 * The registered units and their reports for one plan and period, on dense integer indexes:
 * ids are looked up once, as each report is added, and the reconciliation works on primitive
 * columns. Adding a report checks it against the economy and the units (a technique not of the
 * unit, an unknown product, resource or unit: an {@link InspectionException} naming the field),
 * which is also the check made before a report is recorded.
 */
public final class Books {
    final Economy economy;
    final IdIndex units = new IdIndex();
    final int[] techniqueStart; // unit u runs techniques unitTechnique[techniqueStart[u] .. techniqueStart[u+1])
    final int[] unitTechnique;
    final boolean[] reported;
    int reports;

    final Growable.Ints levelUnit = new Growable.Ints();
    final Growable.Ints levelTechnique = new Growable.Ints();
    final Growable.Doubles level = new Growable.Doubles();
    final Growable.Ints resourceUnit = new Growable.Ints();
    final Growable.Ints resource = new Growable.Ints();
    final Growable.Doubles used = new Growable.Doubles();
    // a delivery as its supplier reports it, and a receipt as its receiver reports it
    final Growable.Ints deliverySupplier = new Growable.Ints();
    final Growable.Ints deliveryReceiver = new Growable.Ints();
    final Growable.Ints deliveryProduct = new Growable.Ints();
    final Growable.Doubles delivered = new Growable.Doubles();
    final Growable.Ints receiptSupplier = new Growable.Ints();
    final Growable.Ints receiptReceiver = new Growable.Ints();
    final Growable.Ints receiptProduct = new Growable.Ints();
    final Growable.Doubles received = new Growable.Doubles();

    /**
     * Books for {@code economy}'s techniques and these units. A unit's techniques that the economy
     * lacks (registered for an earlier economy) are left out: the unit does not run them in this plan.
     */
    public Books(Economy economy, Collection<Unit> registered) {
        this.economy = economy;
        techniqueStart = new int[registered.size() + 1];
        Growable.Ints techniques = new Growable.Ints();
        int u = 0;
        for (Unit unit : registered) {
            if (units.add(unit.id()) < 0) {
                throw new IllegalArgumentException("unit '" + unit.id() + "' given twice");
            }
            for (String t : unit.techniques()) {
                int i = economy.techniqueIndex(t);
                if (i >= 0) {
                    techniques.add(i);
                }
            }
            techniqueStart[++u] = techniques.n;
        }
        unitTechnique = java.util.Arrays.copyOf(techniques.a, techniques.n);
        reported = new boolean[registered.size()];
    }

    public int units() {
        return units.size();
    }

    public int reported() {
        return reports;
    }

    /** Whether unit {@code id} has reported in these books. */
    public boolean hasReported(String id) {
        int u = units.indexOf(id);
        return u >= 0 && reported[u];
    }

    /**
     * Checks {@code report} against the economy and the units, without adding it; {@code name} is
     * what errors start with (the file's name).
     */
    public void check(Report report, String name) {
        int[] mark = mark();
        try {
            take(report, name, -1);
        } finally {
            rollBack(mark);
        }
    }

    /** Adds a unit's report: one per unit (the latest the caller holds); a second for the same unit is refused. */
    public void add(Report report, String name) {
        int u = unit(report.unit(), name, "unit");
        if (reported[u]) {
            throw new InspectionException(name + " unit", "unit '" + report.unit() + "' has already reported in these"
                    + " books; give its latest report only");
        }
        int[] mark = mark();
        boolean done = false;
        try {
            take(report, name, u);
            done = true;
        } finally {
            if (!done) {
                rollBack(mark);
            }
        }
        reported[u] = true;
        reports++;
    }

    /** Where the columns end now: a refused report is rolled back to it. */
    private int[] mark() {
        return new int[] {level.n, used.n, delivered.n, received.n};
    }

    private void rollBack(int[] m) {
        levelUnit.n = m[0];
        levelTechnique.n = m[0];
        level.n = m[0];
        resourceUnit.n = m[1];
        resource.n = m[1];
        used.n = m[1];
        deliverySupplier.n = m[2];
        deliveryReceiver.n = m[2];
        deliveryProduct.n = m[2];
        delivered.n = m[2];
        receiptReceiver.n = m[3];
        receiptSupplier.n = m[3];
        receiptProduct.n = m[3];
        received.n = m[3];
    }

    /** Looks every id of the report up once and appends its lines to the columns (the caller rolls back on error). */
    private void take(Report report, String name, int given) {
        int u = given >= 0 ? given : unit(report.unit(), name, "unit");
        techniques(report, u, name);
        for (Map.Entry<String, Double> e : report.resources().entrySet()) {
            int r = economy.resourceIndex(e.getKey());
            if (r < 0) {
                throw new InspectionException(name + " resources." + e.getKey(), "no resource '" + e.getKey()
                        + "' in the plan's economy");
            }
            resourceUnit.add(u);
            resource.add(r);
            used.add(e.getValue());
        }
        flows(report.delivered(), name, "delivered", "to", u, deliverySupplier, deliveryReceiver, deliveryProduct,
                delivered, true);
        flows(report.received(), name, "received", "from", u, receiptSupplier, receiptReceiver, receiptProduct,
                received, false);
    }

    private int unit(String id, String name, String field) {
        int u = units.indexOf(id);
        if (u < 0) {
            throw new InspectionException(name + " " + field, "unit '" + id + "' is not registered; an operator"
                    + " registers it with 'gosplan record DIR unit " + id + " --techniques ...'");
        }
        return u;
    }

    private void techniques(Report report, int u, String name) {
        for (Map.Entry<String, Double> e : report.levels().entrySet()) {
            int t = economy.techniqueIndex(e.getKey());
            boolean ours = false;
            for (int k = techniqueStart[u]; k < techniqueStart[u + 1] && !ours; k++) {
                ours = unitTechnique[k] == t;
            }
            if (t < 0 || !ours) {
                throw new InspectionException(name + " levels." + e.getKey(), (t < 0 ? "no technique '" + e.getKey()
                        + "' in the plan's economy" : "technique '" + e.getKey() + "' is not one of unit '"
                        + report.unit() + "''s") + "; the unit runs " + runs(u));
            }
            levelUnit.add(u);
            levelTechnique.add(t);
            level.add(e.getValue());
        }
    }

    private String runs(int u) {
        StringBuilder b = new StringBuilder();
        for (int k = techniqueStart[u]; k < techniqueStart[u + 1]; k++) {
            b.append(b.length() == 0 ? "" : ", ").append(economy.techniqueId(unitTechnique[k]));
        }
        return b.length() == 0 ? "no technique of this economy" : b.toString();
    }

    private void flows(List<Flow> lines, String name, String field, String other, int u, Growable.Ints supplier,
                       Growable.Ints receiver, Growable.Ints products, Growable.Doubles quantity, boolean ours) {
        for (int i = 0; i < lines.size(); i++) {
            Flow f = lines.get(i);
            int p = economy.productIndex(f.product());
            if (p < 0) {
                throw new InspectionException(name + " " + field + "[" + i + "].product", "no product '" + f.product()
                        + "' in the plan's economy");
            }
            int them = unit(f.unit(), name, field + "[" + i + "]." + other);
            products.add(p);
            supplier.add(ours ? u : them);
            receiver.add(ours ? them : u);
            quantity.add(f.quantity());
        }
    }
}
