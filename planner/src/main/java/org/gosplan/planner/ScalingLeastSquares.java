package org.gosplan.planner;

/**
 * Curtis and Reid's least squares for {@link Scaling}: logs {@code x_i} of the row multipliers and
 * {@code y_j} of the column multipliers minimising {@code Σ (ln|a_ij| + x_i + y_j)²} over the nonzeros
 * of the problem in homogeneous form. Rows: products {@code 0..np-1}, resources {@code np..np+nr-1}, then
 * one row {@code z_t <= u_t τ} per technique with a capacity; columns: techniques {@code 0..nt-1}, λ
 * ({@code nt}, fulfil's targets) and τ ({@code nt+1}, the right-hand sides).
 *
 * <p>Solved as Curtis and Reid did, by conjugate gradients on the normal equations
 * {@code [D_r B; Bᵀ D_c] [x; y] = -[Σ_j ln|a_ij|; Σ_i ln|a_ij|]} ({@code B} the pattern, {@code D} the
 * counts of nonzeros), preconditioned by the counts: alternating row and column means, tried first,
 * needed 40 passes to settle to 1e-10 on small random economies and on some left the multipliers
 * of an economy and of its copy in other units 2e-7 apart. The system is singular (a constant added
 * to the rows of a connected part and taken from its columns changes nothing); from zero, conjugate
 * gradients stay in its range.
 */
final class ScalingLeastSquares {
    /** Iterations at most; each is one sweep over the coefficients. */
    static final int MAX_ITERATIONS = 1_000;
    /** Residual of the normal equations, relative to their right-hand side, that ends the iterations. */
    static final double RESIDUAL = 1e-13;

    private final LpModel m;
    private final int np;
    private final int nr;
    private final int nt;
    private final int rows;
    private final int cols;
    /** Logs of |N| and R, in doubles: in floats the multipliers of an economy and of its copy in other units differed by 2e-7. */
    private final double[] ln;
    private final double[] lr;
    /** Logs of the targets, availabilities (NaN: none, or zero) and capacities (NaN: none). */
    private final double[] lnD;
    private final double[] lnA;
    private final double[] lnU;
    /** Nonzeros of each row, then of each column: the diagonal of the normal equations. */
    private final double[] count;
    int iterations;

    ScalingLeastSquares(LpModel m) {
        this.m = m;
        np = m.np;
        nr = m.nr;
        nt = m.nt;
        rows = np + nr + nt;
        cols = nt + 2;
        ln = logs(m.nVal);
        lr = logs(m.rVal);
        lnD = new double[np];
        java.util.Arrays.fill(lnD, Double.NaN);
        for (int p : m.targeted) {
            lnD[p] = Math.log(m.demand[p]);
        }
        lnA = new double[nr];
        java.util.Arrays.fill(lnA, Double.NaN);
        for (int r : m.limited) {
            lnA[r] = m.available[r] > 0 ? Math.log(m.available[r]) : Double.NaN;
        }
        lnU = new double[nt];
        for (int t = 0; t < nt; t++) {
            double u = m.capacity[t];
            lnU[t] = u > 0 && u != Double.POSITIVE_INFINITY ? Math.log(u) : Double.NaN;
        }
        double[] ones = new double[rows + cols];
        java.util.Arrays.fill(ones, 1.0);
        count = new double[rows + cols];
        sweep(ones, count, false, true);
    }

    private static double[] logs(double[] v) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k] == 0.0 ? 0.0 : Math.log(Math.abs(v[k]));
        }
        return out;
    }

    /** The column of the targets: λ's for fulfil, τ's for min-resource. */
    private int targetColumn() {
        return m.fulfil() ? nt : nt + 1;
    }

    /**
     * One sweep over the nonzeros: with {@code logs}, the right-hand side {@code -Σ ln|a|} per row and
     * column into {@code out}; else the product of the pattern matrix {@code [0 B; Bᵀ 0]} with {@code v}
     * (rows first, then columns), or with {@code counting} the number of nonzeros per row and column.
     */
    private void sweep(double[] v, double[] out, boolean logs, boolean counting) {
        java.util.Arrays.fill(out, 0.0);
        int c0 = rows;
        for (int t = 0; t < nt; t++) {
            double yt = v == null ? 0 : v[c0 + t];
            double s = 0;
            for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                if (m.nVal[q] != 0.0) {
                    int i = m.nRow[q];
                    out[i] += logs ? -ln[q] : counting ? 1 : yt;
                    s += logs ? -ln[q] : counting ? 1 : v[i];
                }
            }
            for (int q = m.rStart[t]; q < m.rStart[t + 1]; q++) {
                if (m.rVal[q] != 0.0) {
                    int i = np + m.rRow[q];
                    out[i] += logs ? -lr[q] : counting ? 1 : yt;
                    s += logs ? -lr[q] : counting ? 1 : v[i];
                }
            }
            if (!Double.isNaN(lnU[t])) {
                // the capacity row z_t - u_t τ: entries 1 (log 0) for z_t and u_t for τ
                int i = np + nr + t;
                out[i] += logs ? 0 : counting ? 1 : yt;
                s += logs ? 0 : counting ? 1 : v[i];
                out[i] += logs ? -lnU[t] : counting ? 1 : v[c0 + nt + 1];
                out[c0 + nt + 1] += logs ? -lnU[t] : counting ? 1 : v[i];
            }
            out[c0 + t] += s;
        }
        int d = c0 + targetColumn();
        for (int p : m.targeted) {
            out[p] += logs ? -lnD[p] : counting ? 1 : v[d];
            out[d] += logs ? -lnD[p] : counting ? 1 : v[p];
        }
        int tau = c0 + nt + 1;
        for (int r : m.limited) {
            if (!Double.isNaN(lnA[r])) {
                out[np + r] += logs ? -lnA[r] : counting ? 1 : v[tau];
                out[tau] += logs ? -lnA[r] : counting ? 1 : v[np + r];
            }
        }
    }

    /** The normal equations' matrix times v: the pattern product plus the counts on the diagonal. */
    private void apply(double[] v, double[] out) {
        sweep(v, out, false, false);
        for (int k = 0; k < out.length; k++) {
            out[k] += count[k] * v[k];
        }
    }

    /** The solution: row logs {@code [0, rows)}, then column logs {@code [rows, rows + cols)}. */
    double[] solve() {
        int n = rows + cols;
        double[] b = new double[n];
        sweep(null, b, true, false);
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
        for (iterations = 1; iterations <= MAX_ITERATIONS; iterations++) {
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
            if (dot(r, r) <= RESIDUAL * RESIDUAL * bb) {
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
