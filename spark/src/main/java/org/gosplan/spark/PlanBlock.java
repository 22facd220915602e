package org.gosplan.spark;

import java.io.Serializable;

/**
 * Products {@code first .. first + products() - 1} with every technique that makes one of them,
 * as primitive arrays: what a partition of the plan holds. Techniques are local indexes {@code j}
 * (global id {@code technique[j]}); the makers of product {@code first + i} are
 * {@code makers[makerStart[i] .. makerStart[i + 1] - 1]}. Technique j's product inputs other than
 * its own product are compressed columns ({@code inStart}, {@code inRow} global products,
 * {@code inValue}), its resource inputs likewise ({@code resStart}, {@code resRow},
 * {@code resValue}); {@code out[j]} is its net output of its product (output less own use) and
 * {@code cost[j]} its use of the resource the plan minimises or is limited by.
 */
record PlanBlock(int first, int[] makerStart, int[] makers, int[] technique, double[] out, double[] cost,
                 int[] inStart, int[] inRow, double[] inValue, int[] resStart, int[] resRow, double[] resValue)
        implements Serializable {

    int products() {
        return makerStart.length - 1;
    }

    /** Unit cost of local technique j at values v: {@code (c_j + Σ_{q != own} I_qj v_q) / o_j}. */
    double unitCost(int j, double[] v) {
        double s = cost[j];
        for (int k = inStart[j]; k < inStart[j + 1]; k++) {
            s += inValue[k] * v[inRow[k]];
        }
        return s / out[j];
    }
}
