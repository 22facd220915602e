package org.gosplan.inspection.report;

/**
 * One line of a report's {@code delivered} or {@code received} list.
 *
 * @param product  the product's id
 * @param unit     the unit delivered to ({@code to}) or received from ({@code from})
 * @param quantity how much, in the product's unit of measure (finite, at least 0)
 */
public record Flow(String product, String unit, double quantity) {}
