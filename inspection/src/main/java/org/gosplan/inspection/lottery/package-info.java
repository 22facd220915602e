/**
 * Selecting panels by lottery: the maximin (and leximin) distribution over panels that meet the
 * quotas, its rounding to equally likely panels, and the draw from a public seed. Pure functions
 * of the pool, the quotas and the seed; nothing here reads the log.
 */
package org.gosplan.inspection.lottery;
