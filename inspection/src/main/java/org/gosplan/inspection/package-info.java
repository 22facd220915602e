/**
 * The inspectorate: units of production, fulfilment reports and their reconciliation against each
 * other and the technology, inspections ordered on the record. Its lottery (which panels of
 * inspectors may be drawn, and with what probabilities) lives in {@code lottery}, which knows
 * nothing of the log so that anyone can check it on plain files.
 */
package org.gosplan.inspection;
