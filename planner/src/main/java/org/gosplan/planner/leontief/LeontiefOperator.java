package org.gosplan.planner.leontief;

/**
 * The technical-coefficient matrix {@code A} (n x n, products x products) as an operator over
 * the economy's own compressed arrays: no copy of the coefficients is made.
 *
 * <p>The arrays are those of a CSC matrix {@code B} whose column {@code t} holds the inputs of
 * technique {@code t} per unit level; technique {@code t} makes product {@code productOf[t]}
 * at {@code q[t]} per unit level, so that column {@code productOf[t]} of {@code A} is column
 * {@code t} of {@code B} divided by {@code q[t]}. The permutation and the scaling are applied
 * to vectors on the fly ({@code productOf} and {@code invQ} are null in the common case of the
 * identity and unit outputs).
 *
 * <p>Both products read the matrix once: {@code A^T v} is a gather down each column (parallel
 * over columns: every output is one dot product in a fixed order), {@code A x} a scatter of two
 * fixed halves of the columns, each whole and on its own thread into its own accumulator, added
 * at the end. The halves are a function of the matrix alone, so results do not depend on the
 * number of threads. (A cache-blocked variant for very large systems, off by default, sweeps the
 * rows in segments; see {@link #BLOCK}.)
 *
 * <p>Several vectors at once are stored interleaved: element {@code i} of vector {@code c} of
 * {@code k} is at {@code [i * k + c]}, so one pass over the matrix serves all of them.
 */
final class LeontiefOperator {
    final int n;
    final int[] colStart;
    final int[] rowIndex;
    final double[] value;
    /** Product made by technique t; null for the identity. */
    final int[] productOf;
    /** Technique making product p; null for the identity. */
    final int[] techniqueOf;
    /** 1 / output quantity of technique t; null when all are 1. */
    final double[] invQ;
    /** Diagonal of A in product order. */
    final double[] diagonal;
    final long nonzeros;

    // parallel layout, fixed at construction for the pool's thread count
    private final int parts;
    /** Column ranges of the gather, balanced by nonzeros: parts + 1 bounds. */
    private final int[] colBounds;
    /**
     * Row segments: segments + 1 bounds, multiples of CHUNK. For systems up to {@link #BLOCK} * 2
     * rows, one segment; beyond, segments of {@link #BLOCK} rows, so
     * that the vector slice a segment touches stays in the last-level cache: the scatter gives
     * the segments round-robin to the parts, and the gather ({@link #blocked}) sweeps the matrix
     * once per segment.
     */
    private final int[] rowBounds;
    private final int segments;
    /** Whether the gather sweeps segment by segment. */
    private final boolean blocked;
    /** For segment g >= 1 and column t: first position in column t with row >= rowBounds[g]. */
    private final int[][] split;

    /** First column of the second half of the scatter, or -1 for one sequential scatter. */
    private final int halfMid;
    /** The second half's accumulator (n * k), kept between products. */
    private double[] spare;

    /**
     * Rows per cache block of large systems (system property {@code gosplan.kernel.block}). Off by
     * default: measured at 10 million products the segment sweeps (many short, unpredictable
     * loops) cost more than the random reads they save (docs/benchmarks.md, "Leontief solves").
     */
    static final int BLOCK = Integer.getInteger("gosplan.kernel.block", 1 << 29);

    LeontiefOperator(int n, int[] colStart, int[] rowIndex, double[] value, int[] productOf, double[] invQ) {
        this(n, colStart, rowIndex, value, productOf, invQ, KernelPool.partsFor((long) colStart[n] + n));
    }

    /** With a given number of parts (at most the pool's threads): for tests of determinism. */
    LeontiefOperator(int n, int[] colStart, int[] rowIndex, double[] value, int[] productOf, double[] invQ,
                     int requestedParts) {
        this(n, colStart, rowIndex, value, productOf, invQ, requestedParts, BLOCK);
    }

    /** With given parts and cache block (rows, a multiple of CHUNK): for tests of the blocked kernels. */
    LeontiefOperator(int n, int[] colStart, int[] rowIndex, double[] value, int[] productOf, double[] invQ,
                     int requestedParts, int blockRows) {
        this.n = n;
        this.colStart = colStart;
        this.rowIndex = rowIndex;
        this.value = value;
        this.productOf = productOf;
        this.invQ = invQ;
        this.nonzeros = colStart[n];
        if (productOf != null) {
            techniqueOf = new int[n];
            for (int t = 0; t < n; t++) {
                techniqueOf[productOf[t]] = t;
            }
        } else {
            techniqueOf = null;
        }
        diagonal = new double[n];
        for (int t = 0; t < n; t++) {
            int p = productOf == null ? t : productOf[t];
            for (int k = colStart[t]; k < colStart[t + 1]; k++) {
                if (rowIndex[k] == p) {
                    diagonal[p] = value[k] * (invQ == null ? 1.0 : invQ[t]);
                }
            }
        }
        this.parts = Math.max(1, Math.min(requestedParts, KernelPool.THREADS));
        colBounds = new int[parts + 1];
        for (int s = 1; s < parts; s++) {
            long goal = (nonzeros + n) * s / parts;
            int lo = colBounds[s - 1], hi = n;
            while (lo < hi) { // first column t with colStart[t] + t >= goal
                int mid = (lo + hi) >>> 1;
                if ((long) colStart[mid] + mid < goal) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            // chunk-aligned, so that fused reductions see whole chunks
            colBounds[s] = (int) Math.max(colBounds[s - 1], Math.min((long) n, Math.round(lo / (double) KernelPool.CHUNK)
                    * KernelPool.CHUNK));
        }
        colBounds[parts] = n;
        blocked = n > 2L * blockRows;
        if (blocked) {
            segments = (n + blockRows - 1) / blockRows;
            rowBounds = new int[segments + 1];
            for (int g = 0; g <= segments; g++) {
                rowBounds[g] = (int) Math.min(n, (long) g * blockRows);
            }
        } else {
            segments = 1;
            rowBounds = new int[] {0, n};
        }
        // the two fixed column halves of the scatter, balanced by nonzeros; a function of the
        // matrix alone, so that results do not depend on the number of threads
        if (nonzeros + n >= 200_000) {
            long goal = (nonzeros + n) / 2;
            int lo = 0, hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if ((long) colStart[mid] + mid < goal) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            halfMid = lo;
        } else {
            halfMid = -1;
        }
        split = new int[segments][];
        for (int s = 1; s < segments; s++) {
            int[] sp = new int[n];
            int bound = rowBounds[s];
            for (int t = 0; t < n; t++) {
                int k = colStart[t], e = colStart[t + 1];
                while (k < e && rowIndex[k] < bound) {
                    k++;
                }
                sp[t] = k;
            }
            split[s] = sp;
        }
    }

    // ------------------------------------------------------------------ forward: out = add + sign * A x

    /**
     * {@code out = add + sign * A x} for {@code k} interleaved vectors; {@code add} may be null
     * (zero). {@code out} must not be {@code x}. {@code after}, when given, runs on each part's row
     * range once that range of {@code out} is final (for fused vector work).
     */
    void multiply(double[] x, double[] out, int k, double[] add, double sign, RangeTask after) {
        if (after == null) {
            multiplyReduce(false, x, out, k, add, sign, 0, 0, (from, to, acc) -> { });
        } else {
            multiplyReduce(false, x, out, k, add, sign, 0, 0, (from, to, acc) -> after.run(from, to));
        }
    }

    /**
     * The forward product of systems below the blocked size: the columns in two fixed halves, each
     * scattered whole (predictable loops) into its own accumulator on its own thread, then added
     * ({@code out = add + sign * (half0 + half1)}) chunk by chunk with {@code post}.
     */
    private synchronized double[] forwardHalves(double[] x, double[] out, int k, double[] add, double sign,
                                                int width, int maxFrom, KernelVectors.Chunk post) {
        int len = n * k;
        if (halfMid < 0) {
            java.util.Arrays.fill(out, 0, len, 0.0);
            scatterColumns(x, out, k, 0, n);
            return KernelVectors.reduce(n, k, width, maxFrom, (from, to, acc) -> {
                finish(out, from * k, to * k, add, sign);
                post.run(from, to, acc);
            });
        }
        if (spare == null || spare.length < len) {
            spare = new double[len];
        }
        final double[] other = spare;
        KernelPool.run(Math.min(2, KernelPool.THREADS), s -> {
            if (s == 0) {
                java.util.Arrays.fill(out, 0, len, 0.0);
                scatterColumns(x, out, k, 0, halfMid);
            }
            if (s == 1 || KernelPool.THREADS == 1) {
                java.util.Arrays.fill(other, 0, len, 0.0);
                scatterColumns(x, other, k, halfMid, n);
            }
        });
        return KernelVectors.reduce(n, k, width, maxFrom, (from, to, acc) -> {
            int a = from * k, b = to * k;
            if (add == null) {
                for (int i = a; i < b; i++) {
                    out[i] = sign * (out[i] + other[i]);
                }
            } else if (sign == -1.0) {
                for (int i = a; i < b; i++) {
                    out[i] = add[i] - (out[i] + other[i]);
                }
            } else {
                for (int i = a; i < b; i++) {
                    out[i] = add[i] + sign * (out[i] + other[i]);
                }
            }
            post.run(from, to, acc);
        });
    }

    /** Scatters whole columns t0..t1-1: {@code out[row] += B(row, t) x[p(t)] / q(t)}. */
    private void scatterColumns(double[] x, double[] out, int k, int t0, int t1) {
        final int[] cs = colStart;
        final int[] ri = rowIndex;
        final double[] v = value;
        final int[] perm = productOf;
        final double[] iq = invQ;
        if (k == 1) {
            for (int t = t0; t < t1; t++) {
                double xt = x[perm == null ? t : perm[t]];
                if (iq != null) {
                    xt *= iq[t];
                }
                for (int q = cs[t], e = cs[t + 1]; q < e; q++) {
                    out[ri[q]] += v[q] * xt;
                }
            }
            return;
        }
        double[] xt = new double[k];
        for (int t = t0; t < t1; t++) {
            int base = (perm == null ? t : perm[t]) * k;
            double scale = iq == null ? 1.0 : iq[t];
            for (int c = 0; c < k; c++) {
                xt[c] = x[base + c] * scale;
            }
            for (int q = cs[t], e = cs[t + 1]; q < e; q++) {
                double aq = v[q];
                int o = ri[q] * k;
                for (int c = 0; c < k; c++) {
                    out[o + c] += aq * xt[c];
                }
            }
        }
    }

    private void scatterSegment(int g, double[] x, double[] out, int k) {
        java.util.Arrays.fill(out, rowBounds[g] * k, rowBounds[g + 1] * k, 0.0);
        int[] lo = split[g];
        int[] hi = g + 1 < segments ? split[g + 1] : null;
        if (k == 1) {
            scatter1(x, out, lo, hi);
        } else {
            scatterK(x, out, k, lo, hi);
        }
    }

    private void scatter1(double[] x, double[] out, int[] lo, int[] hi) {
        final int[] cs = colStart;
        final int[] ri = rowIndex;
        final double[] v = value;
        final int[] perm = productOf;
        final double[] iq = invQ;
        for (int t = 0; t < n; t++) {
            int a = lo == null ? cs[t] : lo[t];
            int b = hi == null ? cs[t + 1] : hi[t];
            if (a == b) {
                continue;
            }
            double xt = x[perm == null ? t : perm[t]];
            if (iq != null) {
                xt *= iq[t];
            }
            for (int q = a; q < b; q++) {
                out[ri[q]] += v[q] * xt;
            }
        }
    }

    private void scatterK(double[] x, double[] out, int k, int[] lo, int[] hi) {
        final int[] cs = colStart;
        final int[] ri = rowIndex;
        final double[] v = value;
        final int[] perm = productOf;
        final double[] iq = invQ;
        double[] xt = new double[k];
        for (int t = 0; t < n; t++) {
            int a = lo == null ? cs[t] : lo[t];
            int b = hi == null ? cs[t + 1] : hi[t];
            if (a == b) {
                continue;
            }
            int base = (perm == null ? t : perm[t]) * k;
            double scale = iq == null ? 1.0 : iq[t];
            for (int c = 0; c < k; c++) {
                xt[c] = x[base + c] * scale;
            }
            for (int q = a; q < b; q++) {
                double aq = v[q];
                int o = ri[q] * k;
                for (int c = 0; c < k; c++) {
                    out[o + c] += aq * xt[c];
                }
            }
        }
    }

    private static void finish(double[] out, int from, int to, double[] add, double sign) {
        if (add == null) {
            if (sign != 1.0) {
                for (int i = from; i < to; i++) {
                    out[i] *= sign;
                }
            }
        } else if (sign == 1.0) {
            for (int i = from; i < to; i++) {
                out[i] = add[i] + out[i];
            }
        } else if (sign == -1.0) {
            for (int i = from; i < to; i++) {
                out[i] = add[i] - out[i];
            }
        } else {
            for (int i = from; i < to; i++) {
                out[i] = add[i] + sign * out[i];
            }
        }
    }

    // ------------------------------------------------------------------ transposed: out = add + sign * A^T v

    /**
     * {@code out = add + sign * A^T v} for {@code k} interleaved vectors; {@code add} may be null.
     * {@code out} must not be {@code v}.
     */
    void multiplyTransposed(double[] v, double[] out, int k, double[] add, double sign) {
        if (blocked) {
            gatherBlocked(v, out, k);
            KernelPool.run(parts, s -> finishTransposed(out, k, colBounds[s], colBounds[s + 1], add, sign));
            return;
        }
        KernelPool.run(parts, s -> {
            if (k == 1) {
                gather1(v, out, colBounds[s], colBounds[s + 1], add, sign);
            } else {
                gatherK(v, out, k, colBounds[s], colBounds[s + 1], add, sign);
            }
        });
    }

    /**
     * The raw dots {@code out[p(t)] = sum over column t of B(i, t) x[i]} of a large system, one
     * sweep per row segment so that the slice of x a sweep reads stays in cache; the segments'
     * partial sums are added in segment order (a fixed order: results do not depend on threads).
     */
    private void gatherBlocked(double[] x, double[] out, int k) {
        for (int g = 0; g < segments; g++) {
            final int seg = g;
            int[] lo = split[g];
            int[] hi = g + 1 < segments ? split[g + 1] : null;
            KernelPool.run(parts, s -> {
                int t0 = colBounds[s], t1 = colBounds[s + 1];
                final int[] cs = colStart;
                final int[] ri = rowIndex;
                final double[] v = value;
                final int[] perm = productOf;
                if (k == 1) {
                    for (int t = t0; t < t1; t++) {
                        int a = lo == null ? cs[t] : lo[t];
                        int b = hi == null ? cs[t + 1] : hi[t];
                        double d = 0;
                        for (int q = a; q < b; q++) {
                            d += v[q] * x[ri[q]];
                        }
                        int p = perm == null ? t : perm[t];
                        out[p] = seg == 0 ? d : out[p] + d;
                    }
                } else {
                    for (int t = t0; t < t1; t++) {
                        int a = lo == null ? cs[t] : lo[t];
                        int b = hi == null ? cs[t + 1] : hi[t];
                        int base = (perm == null ? t : perm[t]) * k;
                        if (seg == 0) {
                            java.util.Arrays.fill(out, base, base + k, 0.0);
                        }
                        for (int q = a; q < b; q++) {
                            double aq = v[q];
                            int o = ri[q] * k;
                            for (int c = 0; c < k; c++) {
                                out[base + c] += aq * x[o + c];
                            }
                        }
                    }
                }
            });
        }
    }

    /** {@code out[p(t)] = add[p(t)] + sign * invQ[t] * out[p(t)]} for the columns t0..t1-1. */
    private void finishTransposed(double[] out, int k, int t0, int t1, double[] add, double sign) {
        final int[] perm = productOf;
        final double[] iq = invQ;
        for (int t = t0; t < t1; t++) {
            double scale = (iq == null ? 1.0 : iq[t]) * sign;
            int base = (perm == null ? t : perm[t]) * k;
            for (int c = 0; c < k; c++) {
                double d = scale * out[base + c];
                out[base + c] = add == null ? d : add[base + c] + d;
            }
        }
    }

    private void gather1(double[] x, double[] out, int t0, int t1, double[] add, double sign) {
        final int[] cs = colStart;
        final int[] ri = rowIndex;
        final double[] v = value;
        final int[] perm = productOf;
        final double[] iq = invQ;
        for (int t = t0; t < t1; t++) {
            double a0 = 0, a1 = 0;
            int q = cs[t], e = cs[t + 1];
            for (; q + 1 < e; q += 2) {
                a0 += v[q] * x[ri[q]];
                a1 += v[q + 1] * x[ri[q + 1]];
            }
            if (q < e) {
                a0 += v[q] * x[ri[q]];
            }
            double d = a0 + a1;
            if (iq != null) {
                d *= iq[t];
            }
            int p = perm == null ? t : perm[t];
            out[p] = add == null ? sign * d : add[p] + sign * d;
        }
    }

    private void gatherK(double[] x, double[] out, int k, int t0, int t1, double[] add, double sign) {
        final int[] cs = colStart;
        final int[] ri = rowIndex;
        final double[] v = value;
        final int[] perm = productOf;
        final double[] iq = invQ;
        double[] acc = new double[k];
        for (int t = t0; t < t1; t++) {
            java.util.Arrays.fill(acc, 0.0);
            for (int q = cs[t], e = cs[t + 1]; q < e; q++) {
                double aq = v[q];
                int o = ri[q] * k;
                for (int c = 0; c < k; c++) {
                    acc[c] += aq * x[o + c];
                }
            }
            double scale = (iq == null ? 1.0 : iq[t]) * sign;
            int base = (perm == null ? t : perm[t]) * k;
            for (int c = 0; c < k; c++) {
                out[base + c] = add == null ? scale * acc[c] : add[base + c] + scale * acc[c];
            }
        }
    }

    // ------------------------------------------------------------------ fused products

    /**
     * {@code out = add + sign * A x} (or {@code A^T x}), then {@code post} on every chunk of
     * {@link KernelPool#CHUNK} rows of {@code out} once it is final, on the thread that made it
     * while it is still in cache; the chunk accumulators ({@code width} values, those from
     * {@code maxFrom} on combined by maximum) are added in chunk order, as
     * {@link KernelVectors#reduce} does, so the result is the same for any number of threads.
     */
    double[] multiplyReduce(boolean transposed, double[] x, double[] out, int k, double[] add, double sign,
                            int width, int maxFrom, KernelVectors.Chunk post) {
        int chunk = KernelPool.CHUNK;
        int chunks = (n + chunk - 1) / chunk;
        double[] partial = new double[Math.max(1, chunks) * width];
        if (transposed && productOf != null) {
            multiplyTransposed(x, out, k, add, sign);
            return KernelVectors.reduce(n, k, width, maxFrom, post);
        }
        if (transposed && blocked) {
            gatherBlocked(x, out, k);
        }
        if (!transposed && !blocked) {
            return forwardHalves(x, out, k, add, sign, width, maxFrom, post);
        }
        KernelPool.run(parts, s -> {
            int r0, r1;
            double[] acc = new double[width];
            if (transposed) {
                r0 = colBounds[s];
                r1 = colBounds[s + 1];
                for (int c0 = r0; c0 < r1; c0 += chunk) {
                    int c1 = Math.min(r1, c0 + chunk);
                    if (blocked) {
                        finishTransposed(out, k, c0, c1, add, sign);
                    } else if (k == 1) {
                        gather1(x, out, c0, c1, add, sign);
                    } else {
                        gatherK(x, out, k, c0, c1, add, sign);
                    }
                    java.util.Arrays.fill(acc, 0.0);
                    post.run(c0, c1, acc);
                    System.arraycopy(acc, 0, partial, (c0 / chunk) * width, width);
                }
            } else {
                for (int g = s; g < segments; g += parts) {
                    r0 = rowBounds[g];
                    r1 = rowBounds[g + 1];
                    scatterSegment(g, x, out, k);
                    for (int c0 = r0; c0 < r1; c0 += chunk) {
                        int c1 = Math.min(r1, c0 + chunk);
                        finish(out, c0 * k, c1 * k, add, sign);
                        java.util.Arrays.fill(acc, 0.0);
                        post.run(c0, c1, acc);
                        System.arraycopy(acc, 0, partial, (c0 / chunk) * width, width);
                    }
                }
            }
        });
        return KernelVectors.combine(partial, chunks, width, maxFrom);
    }

    // ------------------------------------------------------------------ helpers

    /** A(i, j) in product coordinates (binary search). */
    double get(int i, int j) {
        int t = techniqueOf == null ? j : techniqueOf[j];
        int k = java.util.Arrays.binarySearch(rowIndex, colStart[t], colStart[t + 1], i);
        return k < 0 ? 0.0 : value[k] * (invQ == null ? 1.0 : invQ[t]);
    }

    /** Column sums of A in product order. */
    double[] columnSums() {
        double[] s = new double[n];
        for (int t = 0; t < n; t++) {
            double a = 0;
            for (int q = colStart[t]; q < colStart[t + 1]; q++) {
                a += value[q];
            }
            s[productOf == null ? t : productOf[t]] = a * (invQ == null ? 1.0 : invQ[t]);
        }
        return s;
    }

    /** Whether some coefficient is negative. */
    boolean hasNegative() {
        for (int q = 0; q < nonzeros; q++) {
            if (value[q] < 0) {
                return true;
            }
        }
        return false;
    }

    /** A as a dense row-major array, for small tables. */
    double[] dense() {
        double[] d = new double[n * n];
        for (int t = 0; t < n; t++) {
            int j = productOf == null ? t : productOf[t];
            double s = invQ == null ? 1.0 : invQ[t];
            for (int q = colStart[t]; q < colStart[t + 1]; q++) {
                d[rowIndex[q] * n + j] += value[q] * s;
            }
        }
        return d;
    }

    /** Work on a range of rows or elements. */
    @FunctionalInterface
    interface RangeTask {
        void run(int from, int to);
    }
}
