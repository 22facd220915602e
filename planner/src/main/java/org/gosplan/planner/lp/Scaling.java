package org.gosplan.planner.lp;

import java.util.function.Supplier;
import org.gosplan.economy.SparseMatrix;

/**
 * The problem in units where its numbers are near 1, so that no method cares what units the data
 * are in: pounds or millions of pounds, tonnes or grams. Every method plans the scaled model; its
 * answer comes back in the economy's units through {@link #unscale}, and is certified there.
 *
 * <p>Curtis and Reid's scaling (J. Inst. Maths Applics 10, 1972): row multipliers {@code ρ_i} and
 * column multipliers {@code γ_j} minimising {@code Σ (ln|a_ij| + ln ρ_i + ln γ_j)²} over the nonzeros
 * of the problem in homogeneous form: the product and resource rows, one row {@code z_t <= u_t τ} per
 * capacity, the techniques' columns, the column of λ (fulfil: the targets) and the column of the
 * constant {@code τ = 1} (availabilities, capacities and, for min-resource, the targets), normalised
 * to {@code γ_τ = 1} ({@link ScalingLeastSquares}). The scaled coefficients (the least squares' residuals) are
 * unique, so the same economy in other units (any product, resource or technique rescaled, or all targets, or all
 * availabilities and capacities) has the same scaled problem: the same plan, by the same steps, in the same time.
 * "The same" to rounding, in two passes: the first pass's multipliers, rounded to powers of two, prescale the
 * problem exactly; the second solves the least squares again on it, refined to rounding, and its multipliers
 * (within a factor of about 2 of 1) times the powers of two are the scaling. One pass left the scaled problems of
 * an economy and its copy 5e-12 apart (the logs it solves for reach 30, and the conjugate gradients stop at a
 * residual of 1e-13), enough for PDLP to take another path about once in 800 random economies: answers 1.3e-8
 * apart, or the exact finish giving up on one side only (PlanUnitsTest); two passes leave them 5e-16 apart, 40%
 * of the coefficients bit for bit. Powers of two alone would scale exactly but not the same (a factor of ten in
 * the data moves a multiplier by 3.3 powers of two, rounded one way or the other).
 *
 * <p>In the scaled model {@code N' = ρ N γ}, {@code R' = ρ R γ}, {@code d' = ρ d γ_λ} (fulfil) or
 * {@code ρ d} (min-resource), {@code a' = ρ a}, {@code u' = u / γ}; levels {@code z = γ z'},
 * {@code λ = γ_λ λ'}, valuations {@code v = ρ v' / s} and resource prices {@code w = ρ w' / s}, where
 * {@code s} is the factor between the scaled objective and the economy's ({@code 1 / γ_λ} for fulfil,
 * {@code ρ} of the minimised resource's row for min-resource). System property
 * {@code gosplan.scaling=false} turns it off, for measurements.
 */
final class Scaling {
    private final LpModel model;
    /** Multipliers of the product rows, then of the resource rows. */
    private final double[] row;
    /** Multipliers of the techniques' columns. */
    private final double[] column;
    private final double lambda;
    /** A cost vector's factor ({@link LpModel#withCost}): the scaled objective is the economy's times this. */
    private final double costFactor;
    private final int iterations;

    private Scaling(LpModel model, double[] row, double[] column, double lambda, double costFactor, int iterations) {
        this.model = model;
        this.row = row;
        this.column = column;
        this.lambda = lambda;
        this.costFactor = costFactor;
        this.iterations = iterations;
    }

    static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("gosplan.scaling", "true"));
    }

    /** The scaled model; {@code m} itself when scaling is turned off. */
    LpModel model() {
        return model;
    }

    /**
     * The scaled model with the targets themselves in its units ({@code ρ d}) rather than fulfil's scaled column of
     * λ ({@code ρ d γ_λ}): harmony measures net output against the targets, not against a multiple of them.
     */
    LpModel forHarmony() {
        if (row == null || !model.fulfil()) {
            return model;
        }
        double[] targets = new double[model.np];
        for (int p = 0; p < model.np; p++) {
            targets[p] = model.demand[p] / lambda;
        }
        return model.with(model.objective, model.costResource, targets, model.available, model.capacity);
    }

    /** Iterations the least squares took (0 when turned off). */
    int iterations() {
        return iterations;
    }

    static Scaling of(LpModel m) {
        if (!enabled()) {
            return new Scaling(m, null, null, 1.0, 1.0, 0);
        }
        // Two passes, so that the scaled problem of the same economy in other units is the same to rounding (a few
        // units in the last place), not to the least squares' convergence (5e-12 in one pass, enough for PDLP to take
        // another path). The first pass's multipliers are logs up to ~30 in size, known to ~1e-14 at best; rounded to
        // powers of two they scale exactly. The second pass solves the least squares again on that prescaled problem,
        // whose logs are small (the units' residue, within a factor 2 of the first optimum), so its multipliers, known
        // to rounding, carry only that residue.
        Pass first = Pass.of(m, false);
        double[] rho = new double[m.np + m.nr];
        double[] gamma = new double[m.nt];
        for (int i = 0; i < rho.length; i++) {
            rho[i] = powerOfTwo(first.rho[i]);
        }
        for (int t = 0; t < gamma.length; t++) {
            gamma[t] = powerOfTwo(first.gamma[t]);
        }
        double gl = m.fulfil() ? powerOfTwo(first.lambda) : 1.0;
        Pass second = Pass.of(scaled(m, rho, gamma, gl, 1.0), true);
        for (int i = 0; i < rho.length; i++) {
            rho[i] *= second.rho[i];
        }
        for (int t = 0; t < gamma.length; t++) {
            gamma[t] *= second.gamma[t];
        }
        gl *= second.lambda;
        double kappa = m.generalCost() ? costFactor(m, gamma) : 1.0;
        return new Scaling(scaled(m, rho, gamma, gl, kappa), rho, gamma, gl, kappa,
                first.iterations + second.iterations);
    }

    /**
     * The first pass's residual: it only chooses powers of two, and any choice near the optimum gives the second
     * pass the same problem up to units.
     */
    static final double FIRST_PASS = 1e-6;

    /** The power of two nearest to x in ratio (x > 0 and finite, else 1). */
    static double powerOfTwo(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            return 1.0;
        }
        return Math.scalb(1.0, (int) Math.round(Math.log(x) / Math.log(2)));
    }

    /** One pass of the least squares: multipliers with the gauge γ_τ = 1. */
    private record Pass(double[] rho, double[] gamma, double lambda, int iterations) {
        static Pass of(LpModel m, boolean refine) {
            int np = m.np, nr = m.nr, nt = m.nt;
            ScalingLeastSquares ls = new ScalingLeastSquares(m);
            double[] u = refine ? ls.solveToRounding() : ls.solve(FIRST_PASS);
            int c0 = ls.rows();
            double yt = u[c0 + nt + 1];
            // τ is the constant 1: move the gauge so that γ_τ = 1 (rows up, columns down, by the same factor)
            double[] rho = new double[np + nr];
            for (int i = 0; i < np + nr; i++) {
                rho[i] = Math.exp(u[i] + yt);
            }
            double[] gamma = new double[nt];
            for (int t = 0; t < nt; t++) {
                gamma[t] = Math.exp(u[c0 + t] - yt);
            }
            double gl = m.fulfil() ? Math.exp(u[c0 + nt] - yt) : 1.0;
            return new Pass(rho, gamma, gl, ls.iterations);
        }
    }

    /**
     * The factor that brings a cost vector's scaled entries {@code c_t γ_t} to a geometric mean of 1. The
     * entries are invariant under a change of units (γ takes the technique's unit), so the factor is too.
     */
    private static double costFactor(LpModel m, double[] gamma) {
        double sum = 0;
        int n = 0;
        for (int t = 0; t < m.nt; t++) {
            double c = Math.abs(m.cost(t) * gamma[t]);
            if (c > 0 && Double.isFinite(c)) {
                sum += Math.log(c);
                n++;
            }
        }
        return n == 0 ? 1.0 : Math.exp(-sum / n);
    }

    private static LpModel scaled(LpModel m, double[] rho, double[] gamma, double gl, double kappa) {
        int np = m.np, nt = m.nt;
        double[] nVal = new double[m.nVal.length];
        double[] rVal = new double[m.rVal.length];
        double[] cap = new double[nt];
        for (int t = 0; t < nt; t++) {
            double g = gamma[t];
            for (int q = m.nStart[t]; q < m.nStart[t + 1]; q++) {
                nVal[q] = m.nVal[q] * rho[m.nRow[q]] * g;
            }
            for (int q = m.rStart[t]; q < m.rStart[t + 1]; q++) {
                rVal[q] = m.rVal[q] * rho[np + m.rRow[q]] * g;
            }
            cap[t] = m.capacity[t] / g;
        }
        double[] demand = new double[np];
        for (int p = 0; p < np; p++) {
            demand[p] = m.demand[p] * rho[p] * gl;
        }
        double[] available = new double[m.nr];
        for (int r = 0; r < m.nr; r++) {
            available[r] = m.available[r] * rho[np + r];
        }
        double[] cost = null;
        if (m.generalCost()) {
            cost = new double[nt];
            for (int t = 0; t < nt; t++) {
                cost[t] = m.cost(t) * gamma[t] * kappa;
            }
        }
        return new LpModel(m, nVal, rVal, cost, demand, available, cap, lazily(() -> scaled(m.outputs(), rho, gamma)),
                lazily(() -> scaled(m.inputs(), rho, gamma)));
    }

    private static SparseMatrix scaled(SparseMatrix a, double[] rho, double[] gamma) {
        int[] s = a.columnStarts();
        int[] r = a.rowIndexes();
        double[] v = a.values();
        double[] out = new double[s[a.cols()]];
        for (int t = 0; t < a.cols(); t++) {
            for (int q = s[t]; q < s[t + 1]; q++) {
                out[q] = v[q] * rho[r[q]] * gamma[t];
            }
        }
        return SparseMatrix.wrap(a.rows(), a.cols(), s, r, out);
    }

    /** A supplier that makes its value once, when first asked. */
    private static <T> Supplier<T> lazily(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }

    /** Levels in the economy's units, in the scaled model's ({@code z' = z / γ}): a start for a method. */
    double[] scaledLevels(double[] z) {
        if (column == null) {
            return z.clone();
        }
        double[] out = new double[z.length];
        for (int t = 0; t < z.length; t++) {
            out[t] = z[t] / column[t];
        }
        return out;
    }

    /** A method's answer on the scaled model, in the economy's units. */
    LpSolution unscale(LpSolution s) {
        if (row == null) {
            return s;
        }
        LpModel m = model;
        int np = m.np;
        double[] z = null;
        if (s.z() != null) {
            z = new double[m.nt];
            for (int t = 0; t < m.nt; t++) {
                z[t] = s.z()[t] * column[t];
            }
        }
        // the scaled objective is the economy's times this: λ' = λ / γ_λ, or ρ_r0 times the resource's use
        // (or κ times a cost vector's value)
        double objective = m.fulfil() ? 1.0 / lambda : m.generalCost() ? costFactor : row[np + m.costResource];
        double[] v = null;
        if (s.v() != null) {
            v = new double[np];
            for (int p = 0; p < np; p++) {
                v[p] = s.v()[p] * row[p] / objective;
            }
        }
        double[] w = null;
        if (s.w() != null) {
            w = new double[m.nr];
            for (int r = 0; r < m.nr; r++) {
                w[r] = s.w()[r] * row[np + r] / objective;
            }
        }
        return new LpSolution(s.outcome(), z, s.lambda() * lambda, v, w, s.method(), s.iterations(), s.seconds(),
                s.deterministic(), s.note());
    }
}
