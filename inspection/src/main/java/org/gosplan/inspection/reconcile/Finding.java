package org.gosplan.inspection.reconcile;

import java.util.List;

/**
 * One discrepancy between reports, or between reports and the technology or the plan.
 * {@code difference} is always {@code reported - expected}; findings are listed by its size.
 *
 * @param units     the units concerned (for a delivery mismatch: the supplier, then the receiver)
 * @param product   the product concerned, or null
 * @param technique the technique concerned, or null
 * @param resource  the resource concerned (resource-short), or null
 * @param expected  what the counterpart, the technology or the plan says
 * @param reported  what the report(s) say
 * @param message   what it means, in a sentence
 */
public record Finding(Kind kind, List<String> units, String product, String technique, String resource,
                      double expected, double reported, double difference, String message) {
    public Finding {
        units = List.copyOf(units);
    }
}
