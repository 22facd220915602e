package org.gosplan.planner.extended;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LpScalingTest {
    /**
     * A dense matrix {@code 2^(p_i + q_j)} is a matrix of ones in other units: the scaling must find those units
     * exactly, every multiplier a power of two and every scaled entry exactly 1.
     */
    @Property(tries = 60)
    void aMatrixOfOnesInOtherUnitsScalesToOnes(@ForAll @IntRange(min = 1, max = 8) int rows,
                                               @ForAll @IntRange(min = 1, max = 8) int vars, @ForAll long seed) {
        Random random = new Random(seed);
        int[] p = new int[rows];
        int[] q = new int[vars];
        for (int i = 0; i < rows; i++) {
            p[i] = random.nextInt(81) - 40;
        }
        for (int j = 0; j < vars; j++) {
            q[j] = random.nextInt(81) - 40;
        }
        int n = rows * vars;
        int[] entryRow = new int[n];
        int[] entryVar = new int[n];
        double[] entryValue = new double[n];
        int k = 0;
        for (int j = 0; j < vars; j++) {
            for (int i = 0; i < rows; i++) {
                entryRow[k] = i;
                entryVar[k] = j;
                entryValue[k] = (random.nextBoolean() ? 1 : -1) * Math.scalb(1.0, p[i] + q[j]);
                k++;
            }
        }
        LpScaling s = LpScaling.of(rows, vars, entryRow, entryVar, entryValue, n);
        for (double r : s.row) {
            assertEquals(r, Math.scalb(1.0, Math.getExponent(r)), "a power of two");
        }
        for (double c : s.column) {
            assertEquals(c, Math.scalb(1.0, Math.getExponent(c)), "a power of two");
        }
        for (k = 0; k < n; k++) {
            assertEquals(1.0, Math.abs(entryValue[k] * s.row[entryRow[k]] * s.column[entryVar[k]]));
        }
    }
}
