package org.gosplan.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The distributed products against the plain definition, computed here entry by entry. */
class BlockMatrixTest {
    @Test
    void gathersAndTheTransposeMatchTheDefinitionOnAnyPartitioning() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int trial = 0; trial < 4; trial++) {
            int n = 1 + rnd.nextInt(300);
            double[][] dense = new double[n][n];
            int[] cs = new int[n + 1];
            int nnz = 0;
            int[] ri = new int[n * n];
            double[] va = new double[n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    // some columns empty, some full
                    if (rnd.nextDouble() < (j % 7 == 0 ? 0.0 : 0.05)) {
                        dense[i][j] = rnd.nextDouble() - 0.3;
                        ri[nnz] = i;
                        va[nnz++] = dense[i][j];
                    }
                }
                cs[j + 1] = nnz;
            }
            int width = 1 + trial % 3;
            double[] v = new double[n * width];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextDouble() * 10 - 5;
            }
            double[] atv = new double[n * width];
            double[] av = new double[n * width];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int c = 0; c < width; c++) {
                        atv[j * width + c] += dense[i][j] * v[i * width + c];
                        av[i * width + c] += dense[i][j] * v[j * width + c];
                    }
                }
            }
            int parts = 1 + rnd.nextInt(7);
            BlockMatrix m = BlockMatrix.of(LocalSpark.context(), n, cs, ri, va, parts);
            BlockMatrix t = m.transpose();
            assertEquals(nnz, m.nonzeros);
            assertArrayEquals(atv, m.gather(v, width), 1e-12, "A^T v, n " + n + ", " + parts + " parts");
            assertArrayEquals(av, t.gather(v, width), 1e-12, "A v by the transpose, n " + n + ", " + parts + " parts");
            m.release();
            t.release();
        }
    }

    @Test
    void blocksAreBalancedByNonzeros() {
        int[] cs = {0, 100, 100, 100, 100, 200};
        int[] b = BlockMatrix.balance(5, cs, 2);
        assertEquals(0, b[0]);
        assertEquals(5, b[2]);
        assertEquals(1, b[1] >= 1 && b[1] <= 4 ? 1 : 0);
    }
}
