package org.gosplan.planner.leontief;

import org.gosplan.economy.Economy;
import org.gosplan.economy.IoTable;
import org.gosplan.economy.SparseMatrix;

/**
 * Output multipliers and total factor intensities of a Leontief system: the column sums of
 * {@code L = (I - A)^-1} and, for every factor (or resource) {@code f} with direct intensities
 * {@code s_f} (a row of {@code S}, per unit of each sector's output), the row {@code s_f L}: the
 * direct plus indirect use of {@code f} per unit of each sector's final output. When {@code f}
 * is labour in hours these are the labour values. All come from one multi-right-hand-side
 * transposed solve, {@code (I - A)^T [m, v_1, ...] = [1, s_1, ...]}; L is never formed.
 */
public final class Multipliers {
    private final Leontief leontief;
    private final double[] output;
    private final String[] factors;
    private final double[][] direct;
    private final double[][] total;
    private final int iterations;
    private final double residual;
    private final LeontiefMethod method;

    private Multipliers(Leontief leontief, double[] output, String[] factors, double[][] direct, double[][] total,
                        int iterations, double residual, LeontiefMethod method) {
        this.leontief = leontief;
        this.output = output;
        this.factors = factors;
        this.direct = direct;
        this.total = total;
        this.iterations = iterations;
        this.residual = residual;
        this.method = method;
    }

    /** For a table: factors are all rows of F (negative ones such as taxes included), {@code S = F diag(x)^-1}. */
    public static Multipliers of(IoTable table, LeontiefOptions options) {
        return of(table, options, Leontief::solveTransposedAll);
    }

    /**
     * The transposed solves {@code (I - A)^T V = S} of several right-hand sides: {@link Leontief}'s own, or
     * another engine's on the same system (the spark module's, on a cluster).
     */
    @FunctionalInterface
    public interface TransposedSolver {
        LeontiefSolution[] solve(Leontief system, double[][] rhs, LeontiefOptions options);
    }

    /** As {@link #of(IoTable, LeontiefOptions)}, with the solves done by {@code solver}. */
    public static Multipliers of(IoTable table, LeontiefOptions options, TransposedSolver solver) {
        Leontief l = Leontief.of(table);
        String[] names = new String[table.factors()];
        for (int f = 0; f < names.length; f++) {
            names[f] = table.factor(f);
        }
        return compute(l, names, table.factorIntensities(), options, solver);
    }

    /**
     * For an economy with one technique per product: factors are its resources, with direct
     * intensity the resource input of the technique making each product per unit of that product.
     */
    public static Multipliers of(Economy economy, LeontiefOptions options) {
        return of(economy, options, Leontief::solveTransposedAll);
    }

    /** As {@link #of(Economy, LeontiefOptions)}, with the solves done by {@code solver}. */
    public static Multipliers of(Economy economy, LeontiefOptions options, TransposedSolver solver) {
        Leontief l = Leontief.of(economy);
        int n = economy.products();
        int m = economy.resources();
        String[] names = new String[m];
        for (int r = 0; r < m; r++) {
            names[r] = economy.resourceId(r);
        }
        LeontiefOperator op = l.operator();
        double[][] s = new double[m][n];
        SparseMatrix res = economy.resourceInputs();
        int[] cs = res.columnStarts();
        int[] ri = res.rowIndexes();
        double[] v = res.values();
        for (int t = 0; t < n; t++) {
            int p = op.productOf == null ? t : op.productOf[t];
            double scale = op.invQ == null ? 1.0 : op.invQ[t];
            for (int q = cs[t]; q < cs[t + 1]; q++) {
                s[ri[q]][p] = v[q] * scale;
            }
        }
        return compute(l, names, s, options, solver);
    }

    /** For any system and any direct intensities {@code direct[f][sector]}. */
    public static Multipliers compute(Leontief l, String[] factorNames, double[][] direct, LeontiefOptions options) {
        return compute(l, factorNames, direct, options, Leontief::solveTransposedAll);
    }

    private static Multipliers compute(Leontief l, String[] factorNames, double[][] direct, LeontiefOptions options,
                                       TransposedSolver solver) {
        int n = l.size();
        int m = direct.length;
        double[][] rhs = new double[m + 1][];
        rhs[0] = new double[n];
        java.util.Arrays.fill(rhs[0], 1.0);
        for (int f = 0; f < m; f++) {
            rhs[f + 1] = direct[f];
        }
        LeontiefSolution[] sol = solver.solve(l, rhs, options);
        double[][] total = new double[m][];
        double worst = sol[0].residual();
        for (int f = 0; f < m; f++) {
            total[f] = sol[f + 1].x();
            worst = Math.max(worst, sol[f + 1].residual());
        }
        return new Multipliers(l, sol[0].x(), factorNames.clone(), direct, total, sol[0].iterations(), worst,
                sol[0].method());
    }

    public Leontief leontief() {
        return leontief;
    }

    /** Output multipliers: column sums of L, in sector order. Shared, do not modify. */
    public double[] output() {
        return output;
    }

    public int factors() {
        return factors.length;
    }

    public String factor(int f) {
        return factors[f];
    }

    /** Direct intensity of factor f per unit of output of each sector (row f of S). Shared. */
    public double[] direct(int f) {
        return direct[f];
    }

    /** Total (direct and indirect) intensity of factor f per unit of final output of each sector (row f of S L). Shared. */
    public double[] total(int f) {
        return total[f];
    }

    /**
     * The Type I multiplier of factor f for sector j: total over direct intensity; NaN when the
     * direct intensity is zero (callers print it as absent).
     */
    public double typeI(int f, int j) {
        double d = direct[f][j];
        return d == 0.0 ? Double.NaN : total[f][j] / d;
    }

    public int iterations() {
        return iterations;
    }

    /** The worst relative residual over all the right-hand sides. */
    public double residual() {
        return residual;
    }

    public LeontiefMethod method() {
        return method;
    }
}
