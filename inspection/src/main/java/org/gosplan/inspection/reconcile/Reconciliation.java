package org.gosplan.inspection.reconcile;

import java.util.List;
import java.util.Map;

/**
 * What reconciling the reports of one plan and period found.
 *
 * @param units      how many units are registered
 * @param reported   how many of them reported
 * @param findings   largest first ({@code |difference|}), then by kind, units and product
 * @param fulfilment per product with a planned net output: reported net output / planned, in product order;
 *                   null where the planned amount is at rounding level (no ratio says anything there)
 */
public record Reconciliation(int units, int reported, List<Finding> findings, Map<String, Double> fulfilment) {
    public Reconciliation {
        findings = List.copyOf(findings);
        fulfilment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fulfilment));
    }
}
