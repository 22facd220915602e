package org.gosplan.planner.leontief;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gosplan.economy.Economy;
import org.gosplan.economy.IoTable;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.PlannerException;

/**
 * The Leontief system of an economy with one technique per product, or of an input-output
 * table: solves {@code (I - A) x = y} for gross output and {@code (I - A)^T v = s} for what each
 * product costs in labour or any other factor (labour values, total intensities, multipliers).
 *
 * <p>{@code A} (products x products) is never copied: the solvers work on the economy's own
 * compressed columns (12 bytes a coefficient), with a technique's output quantity and the order
 * of techniques applied on the fly. {@code L = (I - A)^-1} is formed only by {@link #inverse()}.
 * Small systems (up to {@link LeontiefOptions#denseLimit()} sectors) are solved by dense LU,
 * larger ones by BiCGSTAB on all cores; see {@link LeontiefMethod}.
 *
 * <p>Every solve first makes sure the economy is productive (spectral radius of {@code A} below
 * 1; see {@link #productiveness()}) and throws a {@link PlannerException} naming the sectors
 * responsible when it is not; a solve never runs past its iteration limit and never returns
 * NaN. Results are deterministic: the same bits on every run and every number of cores.
 *
 * <p>Instances are immutable apart from cached checks and safe to share between threads (solves
 * run one at a time on the kernel pool).
 */
public final class Leontief {
    private final LeontiefOperator op;
    private final String[] sectorIds; // for tables and small cases; else ids come from the economy
    private final Economy economy;
    private final String kind; // "sector" or "product"
    private volatile Productiveness productiveness;

    private Leontief(LeontiefOperator op, String[] sectorIds, Economy economy, String kind) {
        this.op = op;
        this.sectorIds = sectorIds;
        this.economy = economy;
        this.kind = kind;
    }

    /**
     * The system of an economy with exactly one technique per product and one output per
     * technique (the square case). Column {@code p} of {@code A} is the product inputs of the
     * technique making {@code p}, divided by its output quantity.
     *
     * @throws PlannerException naming the first technique or product that breaks the square case
     */
    public static Leontief of(Economy e) {
        int n = e.products();
        SparseMatrix out = e.outputs();
        int[] os = out.columnStarts();
        int[] or = out.rowIndexes();
        double[] ov = out.values();
        int nt = e.techniques();
        int[] techniqueOf = new int[n];
        Arrays.fill(techniqueOf, -1);
        for (int t = 0; t < nt; t++) {
            int count = os[t + 1] - os[t];
            if (count != 1) {
                StringBuilder made = new StringBuilder();
                for (int k = os[t]; k < os[t + 1] && k < os[t] + 5; k++) {
                    made.append(k == os[t] ? "" : ", ").append('\'').append(e.productId(or[k])).append('\'');
                }
                throw new PlannerException("technique '" + e.techniqueId(t) + "' makes " + count + " products ("
                        + made + (count > 5 ? ", ..." : "") + "); a Leontief solve needs exactly one output per"
                        + " technique and one technique per product: split joint production, or use 'gosplan plan'");
            }
            int p = or[os[t]];
            if (!(ov[os[t]] > 0) || !Double.isFinite(ov[os[t]])) {
                throw new PlannerException("technique '" + e.techniqueId(t) + "' makes " + ov[os[t]] + " of product '"
                        + e.productId(p) + "'; the output quantity must be positive");
            }
            if (techniqueOf[p] >= 0) {
                throw new PlannerException("product '" + e.productId(p) + "' is made by two techniques, '"
                        + e.techniqueId(techniqueOf[p]) + "' and '" + e.techniqueId(t) + "'; a Leontief solve needs"
                        + " exactly one technique per product: keep one, or use 'gosplan plan' to choose between them");
            }
            techniqueOf[p] = t;
        }
        for (int p = 0; p < n; p++) {
            if (techniqueOf[p] < 0) {
                throw new PlannerException("product '" + e.productId(p) + "' is made by no technique; a Leontief solve"
                        + " needs exactly one technique per product: add a technique that makes it, or drop the product");
            }
        }
        boolean identity = true;
        boolean unit = true;
        for (int t = 0; t < nt; t++) {
            identity &= or[os[t]] == t;
            unit &= ov[os[t]] == 1.0;
        }
        int[] productOf = null;
        if (!identity) {
            productOf = new int[n];
            for (int t = 0; t < n; t++) {
                productOf[t] = or[os[t]];
            }
        }
        double[] invQ = null;
        if (!unit) {
            invQ = new double[n];
            for (int t = 0; t < n; t++) {
                invQ[t] = 1.0 / ov[os[t]];
            }
        }
        SparseMatrix b = e.productInputs();
        LeontiefOperator op = new LeontiefOperator(n, b.columnStarts(), b.rowIndexes(), b.values(), productOf, invQ);
        return new Leontief(op, null, e, "product");
    }

    /** The system of an input-output table: {@code A = Z diag(x)^-1}, zero columns where {@code x = 0}. */
    public static Leontief of(IoTable t) {
        SparseMatrix a = t.coefficients();
        String[] ids = new String[t.sectors()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = t.sector(i);
        }
        return new Leontief(new LeontiefOperator(ids.length, a.columnStarts(), a.rowIndexes(), a.values(), null, null),
                ids, null, "sector");
    }

    /**
     * The system of a given coefficient matrix {@code A} (square, CSC; its arrays are used, not
     * copied). Sectors are named {@code 0, 1, ...} in messages unless {@code ids} is given.
     */
    public static Leontief ofCoefficients(SparseMatrix a, String[] ids) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("A is " + a.rows() + "x" + a.cols() + ", not square");
        }
        if (ids != null && ids.length != a.rows()) {
            throw new IllegalArgumentException(ids.length + " ids for " + a.rows() + " sectors");
        }
        return new Leontief(new LeontiefOperator(a.rows(), a.columnStarts(), a.rowIndexes(), a.values(), null, null),
                ids, null, "sector");
    }

    /**
     * The engine's BiCGSTAB (the same steps, stopping rule and restarts as {@link LeontiefMethod#BICGSTAB})
     * on {@code (I - M) x = b} for {@code k} right-hand sides interleaved in {@code b}, where M is known
     * only by its products: for another engine's matrix (the spark module's, spread over a cluster).
     * Stops when every column's true relative residual {@code ‖b - x + M x‖∞ / ‖b‖∞} is at most
     * {@code tolerance}, after {@code maxIterations}, or when the iteration breaks down.
     */
    public static KrylovOperator.Result bicgstab(KrylovOperator m, double[] b, int k, double tolerance,
                                                 int maxIterations) {
        LeontiefSolvers.Outcome o = LeontiefSolvers.bicgstab(m, b, k, tolerance, maxIterations);
        return new KrylovOperator.Result(o.x, o.iterations, o.residual, o.converged, o.failure);
    }

    /** Number of sectors (products). */
    public int size() {
        return op.n;
    }

    /** Number of stored coefficients of A. */
    public long nonzeros() {
        return op.nonzeros;
    }

    /** The id of sector (product) {@code i}. */
    public String sector(int i) {
        if (sectorIds != null) {
            return sectorIds[i];
        }
        if (economy != null) {
            return economy.productId(i);
        }
        return Integer.toString(i);
    }

    /** The coefficient {@code A(i, j)}: input of {@code i} per unit of output of {@code j}. */
    public double coefficient(int i, int j) {
        return op.get(i, j);
    }

    /** Column sums of A: inputs (in the units of each input) per unit of output of each sector. */
    public double[] columnSums() {
        return op.columnSums();
    }

    /** {@code A x}, on all cores. */
    public double[] multiply(double[] x) {
        check(x);
        double[] out = new double[op.n];
        op.multiply(x, out, 1, null, 1.0, null);
        return out;
    }

    /** {@code A^T v}, on all cores. */
    public double[] multiplyTransposed(double[] v) {
        check(v);
        double[] out = new double[op.n];
        op.multiplyTransposed(v, out, 1, null, 1.0);
        return out;
    }

    // ------------------------------------------------------------------ solves

    /** Gross output {@code x} with {@code (I - A) x = y}, default options (tolerance 1e-10). */
    public LeontiefSolution solve(double[] y) {
        return solve(y, LeontiefOptions.DEFAULT);
    }

    /** Gross output {@code x} with {@code (I - A) x = y}. */
    public LeontiefSolution solve(double[] y, LeontiefOptions options) {
        return solveAll(new double[][] {y}, options)[0];
    }

    /** {@code v} with {@code (I - A)^T v = s}: for {@code s} a factor's direct intensities, its total intensities. */
    public LeontiefSolution solveTransposed(double[] s) {
        return solveTransposed(s, LeontiefOptions.DEFAULT);
    }

    public LeontiefSolution solveTransposed(double[] s, LeontiefOptions options) {
        return solveTransposedAll(new double[][] {s}, options)[0];
    }

    /** Several right-hand sides at once: every pass over the matrix serves them all. */
    public LeontiefSolution[] solveAll(double[][] ys, LeontiefOptions options) {
        return solveMany(ys, options, false);
    }

    /** Several transposed right-hand sides at once. */
    public LeontiefSolution[] solveTransposedAll(double[][] ss, LeontiefOptions options) {
        return solveMany(ss, options, true);
    }

    private LeontiefSolution[] solveMany(double[][] rhs, LeontiefOptions options, boolean transposed) {
        for (double[] r : rhs) {
            check(r);
        }
        requireProductive(options);
        return solveUnchecked(rhs, options, transposed);
    }

    private LeontiefSolution[] solveUnchecked(double[][] rhs, LeontiefOptions options, boolean transposed) {
        int n = op.n;
        int k = rhs.length;
        if (k == 0) {
            return new LeontiefSolution[0];
        }
        if (n == 0) {
            LeontiefSolution[] empty = new LeontiefSolution[k];
            for (int c = 0; c < k; c++) {
                empty[c] = new LeontiefSolution(new double[0], 0, 0.0, chooseMethod(options));
            }
            return empty;
        }
        LeontiefMethod method = chooseMethod(options);
        LeontiefSolvers.Outcome o = run(method, rhs, options, transposed);
        if (!o.converged && options.method() == LeontiefMethod.AUTO && method != LeontiefMethod.DENSE) {
            // AUTO falls back on the power series, which converges whenever A is productive
            method = LeontiefMethod.POWER;
            o = run(method, rhs, options, transposed);
        }
        if (!o.converged) {
            throw new PlannerException(o.failure + "; the residual reached is " + worst(o.residual)
                    + " (tolerance " + options.tolerance() + ")." + hintNotProductive());
        }
        LeontiefSolution[] out = new LeontiefSolution[k];
        for (int c = 0; c < k; c++) {
            double[] x = new double[n];
            if (k == 1) {
                x = o.x;
            } else {
                for (int i = 0; i < n; i++) {
                    x[i] = o.x[i * k + c];
                }
            }
            out[c] = new LeontiefSolution(x, o.iterations, o.residual[c], method);
        }
        return out;
    }

    private LeontiefMethod chooseMethod(LeontiefOptions options) {
        if (options.method() != LeontiefMethod.AUTO) {
            return options.method();
        }
        return op.n <= options.denseLimit() ? LeontiefMethod.DENSE : LeontiefMethod.BICGSTAB;
    }

    private LeontiefSolvers.Outcome run(LeontiefMethod method, double[][] rhs, LeontiefOptions options,
                                        boolean transposed) {
        int n = op.n;
        int k = rhs.length;
        double tol = options.tolerance();
        int maxIt = options.maxIterations();
        switch (method) {
            case DENSE:
                if ((long) n * n > 400_000_000L) {
                    throw new PlannerException("the dense LU would need " + ((long) n * n * 8 >> 20)
                            + " MB for " + n + " sectors; use an iterative method (bicgstab)");
                }
                return LeontiefSolvers.dense(op, transposed, interleave(rhs, n), k);
            case POWER:
                return LeontiefSolvers.power(op, transposed, interleave(rhs, n), k, tol, maxIt);
            case BICGSTAB:
                return LeontiefSolvers.bicgstab(op, transposed, interleave(rhs, n), k, tol, maxIt);
            case GAUSS_SEIDEL:
            case GMRES: {
                double[] x = new double[n * k];
                double[] res = new double[k];
                int its = 0;
                for (int c = 0; c < k; c++) {
                    LeontiefSolvers.Outcome o = method == LeontiefMethod.GMRES
                            ? LeontiefSolvers.gmres(op, transposed, rhs[c].clone(), tol, maxIt, 30)
                            : LeontiefSolvers.gaussSeidel(op, transposed, rhs[c].clone(), tol, maxIt);
                    if (!o.converged) {
                        return o;
                    }
                    for (int i = 0; i < n; i++) {
                        x[i * k + c] = o.x[i];
                    }
                    res[c] = o.residual[0];
                    its = Math.max(its, o.iterations);
                }
                return new LeontiefSolvers.Outcome(x, its, res, true, null);
            }
            default:
                throw new IllegalArgumentException("method " + method);
        }
    }

    private static double[] interleave(double[][] rhs, int n) {
        int k = rhs.length;
        if (k == 1) {
            return rhs[0].clone();
        }
        double[] b = new double[n * k];
        for (int c = 0; c < k; c++) {
            double[] r = rhs[c];
            for (int i = 0; i < n; i++) {
                b[i * k + c] = r[i];
            }
        }
        return b;
    }

    private static double worst(double[] r) {
        double w = 0;
        for (double v : r) {
            w = Math.max(w, v);
        }
        return w;
    }

    private void check(double[] v) {
        if (v.length != op.n) {
            throw new IllegalArgumentException("vector of " + v.length + " for " + op.n + " sectors");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new PlannerException("the value for " + kind + " '" + sector(i) + "' is not a finite number");
            }
        }
    }

    // ------------------------------------------------------------------ productiveness

    /**
     * Whether the economy is productive, i.e. the spectral radius of A is below 1, so that every
     * non-negative final demand has a non-negative gross output. For a non-negative A, column sums
     * (or row sums) all below 1 prove it at once; otherwise the multipliers {@code m = (I - A^T)^-1 1}
     * are solved for, and {@code m >= 1} (so {@code A^T m = m - 1 < m}, a Collatz-Wielandt bound
     * below 1) proves it, while a failed or negative solve disproves it. Cached.
     */
    public Productiveness productiveness() {
        return productiveness(LeontiefOptions.DEFAULT);
    }

    public Productiveness productiveness(LeontiefOptions options) {
        Productiveness p = productiveness;
        if (p == null) {
            p = decideProductiveness(options);
            productiveness = p;
        }
        return p;
    }

    /** Throws a {@link PlannerException} naming the responsible sectors when not productive. */
    public void requireProductive(LeontiefOptions options) {
        Productiveness p = productiveness(options);
        if (!p.productive()) {
            throw new PlannerException(p.explanation());
        }
    }

    private Productiveness decideProductiveness(LeontiefOptions options) {
        int n = op.n;
        if (n == 0) {
            return new Productiveness(true, 0.0, "there are no sectors", new int[0], new double[0]);
        }
        double[] colSums = op.columnSums();
        boolean negative = op.hasNegative();
        double maxCol = 0;
        for (double s : colSums) {
            maxCol = Math.max(maxCol, s);
        }
        if (!negative && maxCol < 1) {
            return new Productiveness(true, maxCol, "every column of A sums to less than 1 (largest "
                    + maxCol + ")", new int[0], new double[0]);
        }
        double[] rowSums = new double[n];
        for (int t = 0; t < n; t++) {
            double scale = op.invQ == null ? 1.0 : op.invQ[t];
            for (int q = op.colStart[t]; q < op.colStart[t + 1]; q++) {
                rowSums[op.rowIndex[q]] += op.value[q] * scale;
            }
        }
        double maxRow = 0;
        for (double s : rowSums) {
            maxRow = Math.max(maxRow, s);
        }
        if (!negative && maxRow < 1) {
            return new Productiveness(true, maxRow, "every row of A sums to less than 1 (largest " + maxRow + ")",
                    new int[0], new double[0]);
        }
        // Solve for the output multipliers m = (I - A^T)^-1 1; productive iff it exists and m >= 1.
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        LeontiefSolvers.Outcome o;
        try {
            LeontiefMethod method = chooseMethod(options);
            o = run(method, new double[][] {ones}, options, true);
            if (!o.converged && method != LeontiefMethod.POWER && method != LeontiefMethod.DENSE) {
                o = run(LeontiefMethod.POWER, new double[][] {ones}, options, true);
            }
        } catch (PlannerException e) {
            o = null;
        }
        double minM = Double.POSITIVE_INFINITY;
        if (o != null && o.converged) {
            for (double m : o.x) {
                minM = Math.min(minM, m);
            }
        }
        if (negative) {
            // no certificate for A with negative entries: accept any solvable system
            if (o != null && o.converged) {
                return new Productiveness(true, Double.NaN, "I - A is invertible (A has negative entries, so"
                        + " productiveness in the strict sense is not checked)", new int[0], new double[0]);
            }
        } else if (o != null && o.converged && minM >= 1 - 1e-9) {
            // A^T m = m - 1 + r with |r| <= tol: the ratio (A^T m)_j / m_j <= 1 - (1 - tol) / max m < 1
            double maxM = 0;
            for (double m : o.x) {
                maxM = Math.max(maxM, m);
            }
            double bound = 1 - (1 - options.tolerance()) / maxM;
            return new Productiveness(true, bound, "the output multipliers (I - A^T)^-1 1 are all at least 1,"
                    + " which bounds the spectral radius of A by " + bound, new int[0], new double[0]);
        }
        // not productive: name the columns summing to 1 or more, largest first
        int count = 0;
        for (double s : colSums) {
            if (s >= 1) {
                count++;
            }
        }
        Integer[] order = new Integer[count];
        int w = 0;
        for (int j = 0; j < n; j++) {
            if (colSums[j] >= 1) {
                order[w++] = j;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(colSums[b], colSums[a]));
        int[] sectors = new int[count];
        double[] sums = new double[count];
        for (int i = 0; i < count; i++) {
            sectors[i] = order[i];
            sums[i] = colSums[order[i]];
        }
        StringBuilder msg = new StringBuilder("the economy is not productive: the spectral radius of A is at least 1,"
                + " so some final demand cannot be met by any non-negative gross output");
        if (count > 0) {
            msg.append(". ").append(count == 1 ? "This " + kind + " uses" : "These " + count + " " + kind + "s use")
                    .append(" inputs adding up to 1 or more per unit of output: ");
            for (int i = 0; i < Math.min(count, 10); i++) {
                msg.append(i == 0 ? "" : ", ").append('\'').append(sector(sectors[i])).append("' (")
                        .append(String.format("%.6g", sums[i])).append(')');
            }
            if (count > 10) {
                msg.append(", and ").append(count - 10).append(" more");
            }
            msg.append("; check their input coefficients and units (an input per unit of output, not a total)");
        } else {
            msg.append("; check the input coefficients for negative values or wrong units");
        }
        return new Productiveness(false, Double.NaN, msg.toString(), sectors, sums);
    }

    private String hintNotProductive() {
        List<String> big = new ArrayList<>();
        double[] cs = op.columnSums();
        for (int j = 0; j < cs.length && big.size() < 5; j++) {
            if (cs[j] >= 1) {
                big.add("'" + sector(j) + "'");
            }
        }
        return big.isEmpty() ? " Try a looser --tolerance or another method."
                : " The economy may not be productive: " + String.join(", ", big)
                        + " use inputs adding up to 1 or more per unit of output.";
    }

    /**
     * The verdict on productiveness.
     *
     * @param productive  whether the spectral radius of A is below 1
     * @param bound       an upper bound on the spectral radius when productive (NaN when unknown)
     * @param explanation why, in words; when not productive, the message for the user
     * @param sectors     when not productive: the sectors whose column of A sums to 1 or more, largest first
     * @param columnSums  their column sums
     */
    public record Productiveness(boolean productive, double bound, String explanation, int[] sectors,
                                 double[] columnSums) {}

    // ------------------------------------------------------------------ the inverse

    /** Largest number of sectors for which {@link #inverse()} forms L. */
    public static final int INVERSE_LIMIT = 5000;

    /**
     * The Leontief inverse {@code L = (I - A)^-1} as dense rows {@code L[i][j]}, by LU; only for
     * up to {@link #INVERSE_LIMIT} sectors.
     */
    public double[][] inverse() {
        int n = op.n;
        if (n > INVERSE_LIMIT) {
            throw new PlannerException("the Leontief inverse of " + n + " sectors would take " + ((long) n * n * 8 >> 20)
                    + " MB; it is formed only up to " + INVERSE_LIMIT + " sectors");
        }
        requireProductive(LeontiefOptions.DEFAULT);
        double[] inv = LeontiefSolvers.inverse(op);
        if (inv == null) {
            throw new PlannerException("I - A is singular: the Leontief inverse does not exist." + hintNotProductive());
        }
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = Arrays.copyOfRange(inv, i * n, (i + 1) * n);
        }
        return l;
    }

    // ------------------------------------------------------------------ for Multipliers

    LeontiefOperator operator() {
        return op;
    }

    Economy economy() {
        return economy;
    }
}
