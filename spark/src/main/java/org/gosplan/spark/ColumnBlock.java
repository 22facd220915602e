package org.gosplan.spark;

import java.io.Serializable;

/**
 * Columns {@code first .. first + columns() - 1} of a sparse matrix as compressed columns of
 * primitives: column {@code first + j} holds {@code value[k]} in row {@code rowIndex[k]} (a global
 * row) for {@code k} in {@code colStart[j] .. colStart[j + 1] - 1}. The unit a partition holds and
 * ships; never one object per coefficient (12 bytes a coefficient, as on one machine).
 */
record ColumnBlock(int first, int[] colStart, int[] rowIndex, double[] value) implements Serializable {
    int columns() {
        return colStart.length - 1;
    }

    long nonzeros() {
        return colStart[colStart.length - 1];
    }

    /**
     * {@code out[j] = Σ_k value[k] v[rowIndex[k] * width + c]} for each column j and each of the
     * {@code width} interleaved vectors c: this block's slice of {@code M^T v}, one dot product per
     * column in a fixed order (the same bits on any number of partitions).
     */
    double[] gather(double[] v, int width) {
        int m = columns();
        double[] out = new double[m * width];
        if (width == 1) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = colStart[j]; k < colStart[j + 1]; k++) {
                    s += value[k] * v[rowIndex[k]];
                }
                out[j] = s;
            }
            return out;
        }
        for (int j = 0; j < m; j++) {
            int o = j * width;
            for (int k = colStart[j]; k < colStart[j + 1]; k++) {
                double a = value[k];
                int r = rowIndex[k] * width;
                for (int c = 0; c < width; c++) {
                    out[o + c] += a * v[r + c];
                }
            }
        }
        return out;
    }
}
