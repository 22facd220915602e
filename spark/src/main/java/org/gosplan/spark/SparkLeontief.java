package org.gosplan.spark;

import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.gosplan.economy.Economy;
import org.gosplan.economy.IoTable;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.PlannerException;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefMethod;
import org.gosplan.planner.leontief.LeontiefSolution;

/**
 * The Leontief system {@code (I - A) x = y} and its transpose on Spark: {@code A} in column blocks
 * over the executors ({@link BlockMatrix}), {@code A^T} made from them by one shuffle when a
 * forward solve first needs it, and the solves of {@link Krylov} on the driver. The same answers
 * as {@link Leontief} on one machine, to the tolerance, with the same residual definition, the
 * same check of productiveness and the same message naming the sectors when it fails.
 */
public final class SparkLeontief {
    /** Iterations (BiCGSTAB steps, or power-series products) before a solve gives up, as on one machine. */
    static final int MAX_ITERATIONS = 2000;

    /** The ids of some sectors, by index: from arrays on the driver, or looked up on the executors. */
    @FunctionalInterface
    interface Names {
        String[] of(int[] indices);
    }

    private final JavaSparkContext sc;
    private final int n;
    private final long nonzeros;
    private final Names names;
    private final String kind;
    private final int partitions;
    private Supplier<BlockMatrix> ship; // the first copy of A, shipped from the driver (null once shipped)
    // At most one orientation cached at a time (12 bytes a coefficient in all): the other is made
    // from it by one shuffle when a solve needs it, and the first is then freed.
    private BlockMatrix columns; // A by column blocks: gathers give A^T v
    private BlockMatrix rows;    // A^T by column blocks: gathers give A x
    private double[] columnSums;
    private Boolean productive;
    private int products;        // distributed matrix products so far

    private SparkLeontief(JavaSparkContext sc, int n, long nonzeros, Names names, String kind, int partitions,
                          Supplier<BlockMatrix> ship, BlockMatrix columns, BlockMatrix rows) {
        this.sc = sc;
        this.n = n;
        this.nonzeros = nonzeros;
        this.names = names;
        this.kind = kind;
        this.partitions = partitions;
        this.ship = ship;
        this.columns = columns;
        this.rows = rows;
    }

    private static SparkLeontief shipped(JavaSparkContext sc, int n, int[] cs, int[] ri, double[] va, Names names,
                                         String kind, int partitions) {
        return new SparkLeontief(sc, n, cs[n], names, kind, partitions,
                () -> BlockMatrix.of(sc, n, cs, ri, va, partitions), null, null);
    }

    /**
     * The system of an economy read on the executors ({@link EconomyReader}): {@code m} is A by
     * column blocks, or A^T when {@code transposed}; nothing of A is on the driver.
     */
    static SparkLeontief ofBlocks(JavaSparkContext sc, BlockMatrix m, boolean transposed, Names names,
                                  int partitions) {
        return new SparkLeontief(sc, m.n, m.nonzeros, names, "product", partitions, null,
                transposed ? null : m, transposed ? m : null);
    }

    /**
     * An economy with one technique per product and one output per technique: column p of A is
     * the product inputs of the technique making p per unit of p. The same checks and messages
     * as {@link Leontief#of(Economy)}.
     */
    public static SparkLeontief of(JavaSparkContext sc, Economy e, int partitions) {
        Leontief.of(e); // the square case's checks and messages (no copy of the coefficients)
        int n = e.products();
        int[] techniqueOf = e.squareTechniqueOf();
        SparseMatrix out = e.outputs();
        SparseMatrix in = e.productInputs();
        int[] is = in.columnStarts(), ir = in.rowIndexes();
        double[] iv = in.values();
        Names names = idx -> {
            String[] s = new String[idx.length];
            for (int i = 0; i < idx.length; i++) {
                s[i] = e.productId(idx[i]);
            }
            return s;
        };
        boolean identity = true;
        for (int p = 0; p < n && identity; p++) {
            identity = techniqueOf[p] == p && out.values()[out.columnStarts()[p]] == 1.0;
        }
        if (identity) {
            // technique p makes one unit of p: A is the economy's own product inputs, not copied
            return shipped(sc, n, is, ir, iv, names, "product", partitions);
        }
        int[] cs = new int[n + 1];
        for (int p = 0; p < n; p++) {
            int t = techniqueOf[p];
            cs[p + 1] = cs[p] + is[t + 1] - is[t];
        }
        int[] ri = new int[cs[n]];
        double[] va = new double[cs[n]];
        for (int p = 0; p < n; p++) {
            int t = techniqueOf[p];
            double q = out.values()[out.columnStarts()[t]];
            int w = cs[p];
            for (int k = is[t]; k < is[t + 1]; k++) {
                ri[w] = ir[k];
                va[w++] = q == 1.0 ? iv[k] : iv[k] / q;
            }
        }
        return shipped(sc, n, cs, ri, va, names, "product", partitions);
    }

    /** An input-output table: {@code A = Z diag(x)^-1}, as {@link Leontief#of(IoTable)}. */
    public static SparkLeontief of(JavaSparkContext sc, IoTable t, int partitions) {
        SparseMatrix a = t.coefficients();
        String[] ids = new String[t.sectors()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = t.sector(i);
        }
        Names names = idx -> {
            String[] s = new String[idx.length];
            for (int i = 0; i < idx.length; i++) {
                s[i] = ids[idx[i]];
            }
            return s;
        };
        return shipped(sc, ids.length, a.columnStarts(), a.rowIndexes(), a.values(), names, "sector", partitions);
    }

    public int size() {
        return n;
    }

    public long nonzeros() {
        return nonzeros;
    }

    public String sector(int i) {
        return names.of(new int[] {i})[0];
    }

    /** Distributed matrix products so far (each one Spark job). */
    public int products() {
        return products;
    }

    /** The orientation held now, shipping A from the driver the first time. */
    private BlockMatrix held() {
        if (columns == null && rows == null) {
            columns = ship.get();
            ship = null;
        }
        return columns != null ? columns : rows;
    }

    private BlockMatrix columns() {
        if (columns == null) {
            BlockMatrix r = held();
            if (columns == null) {
                columns = r.transpose();
                r.release();
                rows = null;
            }
        }
        return columns;
    }

    private BlockMatrix rows() {
        if (rows == null) {
            BlockMatrix c = held();
            if (rows == null) {
                rows = c.transpose();
                c.release();
                columns = null;
            }
        }
        return rows;
    }

    /** {@code x} with {@code (I - A) x = y}. */
    public LeontiefSolution solve(double[] y, double tolerance) {
        check(y);
        requireProductive(tolerance);
        BlockMatrix at = rows();
        Krylov.Outcome o = Krylov.solve((x, k) -> {
            products++;
            return at.gather(x, k);
        }, n, y.clone(), 1, tolerance, MAX_ITERATIONS);
        return answer(o, tolerance, 1)[0];
    }

    /** {@code v} with {@code (I - A)^T v = s} for each right-hand side, all sharing every pass over A. */
    public LeontiefSolution[] solveTransposedAll(double[][] rhs, double tolerance) {
        for (double[] r : rhs) {
            check(r);
        }
        requireProductive(tolerance);
        return answer(transposed(rhs, tolerance), tolerance, rhs.length);
    }

    private Krylov.Outcome transposed(double[][] rhs, double tolerance) {
        int k = rhs.length;
        double[] b = new double[n * k];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                b[i * k + c] = rhs[c][i];
            }
        }
        BlockMatrix a = columns();
        return Krylov.solve((x, w) -> {
            products++;
            return a.gather(x, w);
        }, n, b, k, tolerance, MAX_ITERATIONS);
    }

    private LeontiefSolution[] answer(Krylov.Outcome o, double tolerance, int k) {
        if (!o.converged()) {
            throw new PlannerException(o.failure() + "; the residual reached is " + worst(o.residual())
                    + " (tolerance " + tolerance + ")." + hintNotProductive());
        }
        LeontiefMethod method = o.method().equals("power") ? LeontiefMethod.POWER : LeontiefMethod.BICGSTAB;
        LeontiefSolution[] out = new LeontiefSolution[k];
        for (int c = 0; c < k; c++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = o.x()[i * k + c];
            }
            out[c] = new LeontiefSolution(x, o.iterations(), o.residual()[c], method);
        }
        return out;
    }

    /** Frees the blocks cached on the executors. */
    public void release() {
        if (columns != null) {
            columns.release();
        }
        if (rows != null) {
            rows.release();
        }
        columns = null;
        rows = null;
    }

    private void check(double[] v) {
        if (v.length != n) {
            throw new IllegalArgumentException("vector of " + v.length + " for " + n + " sectors");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                throw new PlannerException("the value for " + kind + " '" + sector(i) + "' is not a finite number");
            }
        }
    }

    private static double worst(double[] r) {
        double w = 0;
        for (double v : r) {
            w = Math.max(w, v);
        }
        return w;
    }

    // ------------------------------------------------------------------ productiveness, as on one machine

    /** Column sums of A: gathered from A's blocks, or summed by row from A^T's (kept: a vector). */
    double[] columnSums() {
        if (columnSums == null) {
            BlockMatrix m = held();
            columnSums = m == columns ? m.columnSums() : m.rowSums();
        }
        return columnSums;
    }

    private double[] rowSums() {
        BlockMatrix m = held();
        return m == columns ? m.rowSums() : m.columnSums();
    }

    /**
     * Throws a {@link PlannerException} naming the sectors whose inputs add up to 1 or more when
     * the spectral radius of A is not below 1: column sums or row sums below 1 prove it at once,
     * else the output multipliers {@code (I - A^T)^-1 1}, solved on the cluster, must exist and be
     * at least 1 (the test and the message of {@link Leontief#requireProductive}).
     */
    public void requireProductive(double tolerance) {
        if (productive == null) {
            productive = decide(tolerance);
        }
        if (!productive) {
            throw new PlannerException(notProductive());
        }
    }

    private boolean decide(double tolerance) {
        if (n == 0) {
            return true;
        }
        boolean negative = held().anyNegative();
        double maxCol = 0;
        for (double s : columnSums()) {
            maxCol = Math.max(maxCol, s);
        }
        if (!negative && maxCol < 1) {
            return true;
        }
        double maxRow = 0;
        for (double s : rowSums()) {
            maxRow = Math.max(maxRow, s);
        }
        if (!negative && maxRow < 1) {
            return true;
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        Krylov.Outcome o = transposed(new double[][] {ones}, tolerance);
        if (!o.converged()) {
            return false;
        }
        if (negative) {
            return true;
        }
        double minM = Double.POSITIVE_INFINITY;
        for (double m : o.x()) {
            minM = Math.min(minM, m);
        }
        return minM >= 1 - 1e-9;
    }

    private String notProductive() {
        double[] colSums = columnSums();
        Integer[] order = new Integer[n];
        int count = 0;
        for (int j = 0; j < n; j++) {
            if (colSums[j] >= 1) {
                order[count++] = j;
            }
        }
        Integer[] big = Arrays.copyOf(order, count);
        Arrays.sort(big, (a, b) -> Double.compare(colSums[b], colSums[a]));
        int[] named = new int[Math.min(count, 10)];
        for (int i = 0; i < named.length; i++) {
            named[i] = big[i];
        }
        String[] ids = names.of(named);
        StringBuilder msg = new StringBuilder("the economy is not productive: the spectral radius of A is at least 1,"
                + " so some final demand cannot be met by any non-negative gross output");
        if (count > 0) {
            msg.append(". ").append(count == 1 ? "This " + kind + " uses" : "These " + count + " " + kind + "s use")
                    .append(" inputs adding up to 1 or more per unit of output: ");
            for (int i = 0; i < Math.min(count, 10); i++) {
                msg.append(i == 0 ? "" : ", ").append('\'').append(ids[i]).append("' (")
                        .append(String.format("%.6g", colSums[big[i]])).append(')');
            }
            if (count > 10) {
                msg.append(", and ").append(count - 10).append(" more");
            }
            msg.append("; check their input coefficients and units (an input per unit of output, not a total)");
        } else {
            msg.append("; check the input coefficients for negative values or wrong units");
        }
        return msg.toString();
    }

    private String hintNotProductive() {
        double[] cs = columnSums();
        int[] over = new int[5];
        int shown = 0;
        for (int j = 0; j < n && shown < 5; j++) {
            if (cs[j] >= 1) {
                over[shown++] = j;
            }
        }
        String[] ids = names.of(Arrays.copyOf(over, shown));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append('\'').append(ids[i]).append('\'');
        }
        return shown == 0 ? " Try a looser --tolerance." : " The economy may not be productive: " + b
                + " use inputs adding up to 1 or more per unit of output.";
    }
}
