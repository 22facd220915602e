package org.gosplan.planner.lp;

/**
 * Curtis and Reid's least squares for {@link Scaling}: logs {@code x_i} of the row multipliers and
 * {@code y_j} of the column multipliers minimising {@code Σ (ln|a_ij| + x_i + y_j)²} over the nonzeros
 * of the problem in homogeneous form. Rows: products {@code 0..np-1}, resources {@code np..np+nr-1}, then
 * one row {@code z_t <= u_t τ} per technique with a capacity; columns: techniques {@code 0..nt-1}, λ
 * ({@code nt}, fulfil's targets) and τ ({@code nt+1}, the right-hand sides).
 *
 * <p>Solved as Curtis and Reid did, by conjugate gradients on the normal equations
 * {@code [D_r B; Bᵀ D_c] [x; y] = -[Σ_j ln|a_ij|; Σ_i ln|a_ij|]} ({@code B} the pattern, {@code D} the
 * counts of nonzeros), preconditioned by the counts: 25 iterations at 100,000 products, where
 * alternating row and column means, tried first, needed about 40 passes to settle to 1e-10. The logs
 * are summed in doubles (kept in floats, they alone put the multipliers of an economy and of its copy
 * in other units 2e-7 apart). The system is singular (a constant added to the rows of a connected part
 * and taken from its columns changes nothing); from zero, conjugate gradients stay in its range.
 */
final class ScalingLeastSquares {
    /** Iterations at most; each is one sweep over the coefficients. */
    static final int MAX_ITERATIONS = 1_000;
    /** Residual of the normal equations, relative to their right-hand side, that ends the iterations. */
    static final double RESIDUAL = 1e-13;

    private final LpModel m;
    private final int np;
    private final int nt;
    private final int rows;
    private final int cols;
    /**
     * The nonzeros besides N and R, as row and column of the unknowns and the log of the entry: targets in
     * λ's column (fulfil) or τ's, availabilities in τ's, and for each capacity the row {@code z_t - u_t τ}.
     */
    private final int[] extraRow;
    private final int[] extraCol;
    private final double[] extraLn;
    /** Nonzeros of each row, then of each column: the diagonal of the normal equations. */
    private final double[] count;
    /** The right-hand side {@code -Σ ln|a|} of each row, then of each column. */
    private final double[] rhs;
    int iterations;

    ScalingLeastSquares(LpModel m) {
        this.m = m;
        np = m.np;
        nt = m.nt;
        int nr = m.nr;
        rows = np + nr + nt;
        cols = nt + 2;
        int lambda = rows + nt;
        int tau = rows + nt + 1;
        int n = 0;
        int[] er = new int[m.targeted.length + m.limited.length + 2 * nt];
        int[] ec = new int[er.length];
        double[] el = new double[er.length];
        for (int p : m.targeted) {
            er[n] = p;
            ec[n] = m.fulfil() ? lambda : tau;
            el[n++] = Math.log(m.demand[p]);
        }
        for (int r : m.limited) {
            if (m.available[r] > 0) {
                er[n] = np + r;
                ec[n] = tau;
                el[n++] = Math.log(m.available[r]);
            }
        }
        for (int t = 0; t < nt; t++) {
            double u = m.capacity[t];
            if (u > 0 && u != Double.POSITIVE_INFINITY) {
                er[n] = np + nr + t;
                ec[n] = rows + t;
                el[n++] = 0.0;
                er[n] = np + nr + t;
                ec[n] = tau;
                el[n++] = Math.log(u);
            }
        }
        extraRow = java.util.Arrays.copyOf(er, n);
        extraCol = java.util.Arrays.copyOf(ec, n);
        extraLn = java.util.Arrays.copyOf(el, n);
        count = new double[rows + cols];
        rhs = new double[rows + cols];
        for (int t = 0; t < nt; t++) {
            add(m.nStart, m.nRow, m.nVal, 0, t);
            add(m.rStart, m.rRow, m.rVal, np, t);
        }
        for (int k = 0; k < n; k++) {
            count[extraRow[k]]++;
            count[extraCol[k]]++;
            rhs[extraRow[k]] -= extraLn[k];
            rhs[extraCol[k]] -= extraLn[k];
        }
    }

    /** Counts and right-hand side of column t of N or R (rows from {@code offset}). */
    private void add(int[] start, int[] row, double[] val, int offset, int t) {
        int j = rows + t;
        for (int q = start[t]; q < start[t + 1]; q++) {
            if (val[q] != 0.0) {
                double l = Math.log(Math.abs(val[q]));
                count[offset + row[q]]++;
                count[j]++;
                rhs[offset + row[q]] -= l;
                rhs[j] -= l;
            }
        }
    }

    /** The normal equations' matrix times v: the pattern product {@code [0 B; Bᵀ 0] v} plus the counts on the diagonal. */
    private void apply(double[] v, double[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = count[k] * v[k];
        }
        for (int t = 0; t < nt; t++) {
            int j = rows + t;
            out[j] += pattern(m.nStart, m.nRow, m.nVal, 0, t, v[j], v, out)
                    + pattern(m.rStart, m.rRow, m.rVal, np, t, v[j], v, out);
        }
        for (int k = 0; k < extraRow.length; k++) {
            out[extraRow[k]] += v[extraCol[k]];
            out[extraCol[k]] += v[extraRow[k]];
        }
    }

    /** Adds {@code vj} to the rows of column t's nonzeros in {@code out}; returns the sum of those rows' {@code v}. */
    private static double pattern(int[] start, int[] row, double[] val, int offset, int t, double vj, double[] v,
                                  double[] out) {
        double s = 0;
        for (int q = start[t]; q < start[t + 1]; q++) {
            if (val[q] != 0.0) {
                int i = offset + row[q];
                out[i] += vj;
                s += v[i];
            }
        }
        return s;
    }

    /** The solution: row logs {@code [0, rows)}, then column logs {@code [rows, rows + cols)}. */
    double[] solve() {
        return conjugateGradients(rhs, RESIDUAL);
    }

    /** As {@link #solve}, to the residual {@code relative} (a first pass that only needs the multipliers' size). */
    double[] solve(double relative) {
        return conjugateGradients(rhs, relative);
    }

    /**
     * As {@link #solve}, then refined once (the residual of the normal equations recomputed, the correction solved
     * and added): the solution to rounding where the logs are small ({@link Scaling}'s second pass), not only to
     * {@link #RESIDUAL}. Measured on random economies, one correction brings the scaled problems of an economy and
     * of its copy in other units from 1e-13 apart to rounding (5e-16, 40% of the coefficients bit for bit); a
     * second gains nothing.
     */
    double[] solveToRounding() {
        double[] u = conjugateGradients(rhs, RESIDUAL);
        int n = rows + cols;
        double[] r = new double[n];
        apply(u, r);
        for (int k = 0; k < n; k++) {
            r[k] = rhs[k] - r[k];
        }
        // the system is singular (a constant up on a connected part's rows and down on its columns); rounding leaves
        // the recomputed residual a little outside its range, where conjugate gradients would diverge
        projectOutGauge(r);
        double[] du = conjugateGradients(r, RESIDUAL);
        for (int k = 0; k < n; k++) {
            u[k] += du[k];
        }
        return u;
    }

    /** The connected part of each row and column (rows, then columns), made when first asked. */
    private int[] part;
    private int parts;

    /** Takes from r its component along each connected part's null vector (+1 on its rows, -1 on its columns). */
    private void projectOutGauge(double[] r) {
        int n = rows + cols;
        if (part == null) {
            int[] up = new int[n];
            for (int k = 0; k < n; k++) {
                up[k] = k;
            }
            for (int t = 0; t < nt; t++) {
                for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                    if (m.nVal[q] != 0.0) {
                        join(up, m.nRow[q], rows + t);
                    }
                }
                for (int q = m.rStart[t]; q < m.rStart[t + 1]; q++) {
                    if (m.rVal[q] != 0.0) {
                        join(up, np + m.rRow[q], rows + t);
                    }
                }
            }
            for (int k = 0; k < extraRow.length; k++) {
                join(up, extraRow[k], extraCol[k]);
            }
            part = new int[n];
            int[] number = new int[n];
            java.util.Arrays.fill(number, -1);
            for (int k = 0; k < n; k++) {
                int root = find(up, k);
                if (number[root] < 0) {
                    number[root] = parts++;
                }
                part[k] = number[root];
            }
        }
        double[] sum = new double[parts];
        double[] size = new double[parts];
        for (int k = 0; k < n; k++) {
            sum[part[k]] += k < rows ? r[k] : -r[k];
            size[part[k]]++;
        }
        for (int k = 0; k < n; k++) {
            double c = sum[part[k]] / size[part[k]];
            r[k] -= k < rows ? c : -c;
        }
    }

    private static int find(int[] up, int k) {
        while (up[k] != k) {
            up[k] = up[up[k]];
            k = up[k];
        }
        return k;
    }

    private static void join(int[] up, int a, int b) {
        int x = find(up, a), y = find(up, b);
        if (x != y) {
            up[Math.max(x, y)] = Math.min(x, y);
        }
    }

    private double[] conjugateGradients(double[] b, double relative) {
        int n = rows + cols;
        double[] u = new double[n];
        double[] r = b.clone();
        double[] z = new double[n];
        double[] q = new double[n];
        double bb = dot(b, b);
        if (bb == 0) {
            return u;
        }
        precondition(r, z);
        double[] p = z.clone();
        double rz = dot(r, z);
        for (int i = 1; i <= MAX_ITERATIONS; i++) {
            iterations++;
            apply(p, q);
            double pq = dot(p, q);
            if (!(pq > 0)) {
                break;
            }
            double alpha = rz / pq;
            for (int k = 0; k < n; k++) {
                u[k] += alpha * p[k];
                r[k] -= alpha * q[k];
            }
            if (dot(r, r) <= relative * relative * bb) {
                break;
            }
            precondition(r, z);
            double next = dot(r, z);
            double beta = next / rz;
            rz = next;
            for (int k = 0; k < n; k++) {
                p[k] = z[k] + beta * p[k];
            }
        }
        return u;
    }

    private void precondition(double[] r, double[] z) {
        for (int k = 0; k < r.length; k++) {
            z[k] = count[k] > 0 ? r[k] / count[k] : 0.0;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    int rows() {
        return rows;
    }
}
