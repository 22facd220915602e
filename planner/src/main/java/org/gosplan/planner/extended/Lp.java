package org.gosplan.planner.extended;

import com.google.ortools.Loader;
import com.google.ortools.modelbuilder.ModelBuilderHelper;
import com.google.ortools.modelbuilder.ModelSolverHelper;
import com.google.ortools.modelbuilder.SolveStatus;
import java.util.Arrays;

/**
 * A sparse LP, maximise {@code c·x} subject to {@code lo <= A x <= hi} and {@code l <= x <= u},
 * kept in growable primitive arrays, solved by OR-Tools (GLOP, or PDLP for large models), and
 * certified from the answer's own numbers: primal infeasibility of {@code x}, dual
 * infeasibility of the row duals and the reduced costs they imply, and the relative gap
 * between {@code c·x} and the dual bound. The solver sees the LP equilibrated by powers of two
 * ({@link LpScaling}), so that the data's units do not matter; the certificate is of the LP's own numbers.
 *
 * <p>Duals follow MPSolver: the dual of a row is the derivative of the objective by the row's
 * active bound.
 */
final class Lp {
    private double[] lower = new double[64];
    private double[] upper = new double[64];
    private double[] cost = new double[64];
    private int vars;
    private double[] rowLower = new double[64];
    private double[] rowUpper = new double[64];
    private int rows;
    private int[] entryRow = new int[256];
    private int[] entryVar = new int[256];
    private double[] entryValue = new double[256];
    private int entries;

    static final double INF = Double.POSITIVE_INFINITY;
    /**
     * From this many variables GLOP runs its dual simplex: on the five-year staircases of ExtendedBench it took
     * 26 to 27% less CPU than the primal (10.7 s instead of 14.5 s at 1,000 products, 68.6 s instead of 94.2 s at
     * 2,000; docs/benchmarks.md "Large plans"); smaller LPs keep the primal, as the tests were written against.
     */
    static final int DUAL_FROM = 5_000;
    /** GLOP's parameters in place of the default ({@link #DUAL_FROM}) where not null. */
    String glop;
    /** PDLP's own log lines go here where not null (the LP's statistics, its progress, the last iteration). */
    java.util.function.Consumer<String> pdlpLog;
    /** PDLP's verbosity where {@link #pdlpLog} is set: 1 the last iteration only, 2 also a line every 64 iterations. */
    int pdlpVerbosity = 1;

    int addVar(double lo, double hi, double c) {
        if (vars == lower.length) {
            lower = Arrays.copyOf(lower, vars * 2);
            upper = Arrays.copyOf(upper, vars * 2);
            cost = Arrays.copyOf(cost, vars * 2);
        }
        implied = null;
        lower[vars] = lo;
        upper[vars] = hi;
        cost[vars] = c;
        return vars++;
    }

    int addRow(double lo, double hi) {
        if (rows == rowLower.length) {
            rowLower = Arrays.copyOf(rowLower, rows * 2);
            rowUpper = Arrays.copyOf(rowUpper, rows * 2);
        }
        implied = null;
        rowLower[rows] = lo;
        rowUpper[rows] = hi;
        return rows++;
    }

    void add(int row, int var, double value) {
        if (value == 0) {
            return;
        }
        if (entries == entryRow.length) {
            entryRow = Arrays.copyOf(entryRow, entries * 2);
            entryVar = Arrays.copyOf(entryVar, entries * 2);
            entryValue = Arrays.copyOf(entryValue, entries * 2);
        }
        implied = null;
        entryRow[entries] = row;
        entryVar[entries] = var;
        entryValue[entries] = value;
        entries++;
    }

    void setCost(int var, double c) {
        cost[var] = c;
    }

    void setLower(int var, double lo) {
        implied = null;
        lower[var] = lo;
    }

    void setUpper(int var, double hi) {
        implied = null;
        upper[var] = hi;
    }

    void setRowLower(int row, double lo) {
        implied = null;
        rowLower[row] = lo;
    }

    double upper(int var) {
        return upper[var];
    }

    double rowUpper(int row) {
        return rowUpper[row];
    }

    int vars() {
        return vars;
    }

    int rows() {
        return rows;
    }

    int entries() {
        return entries;
    }

    /**
     * Adds up the entries of one row and variable (a technique that uses some of its own output
     * has two), which OR-Tools would refuse as a duplicate term.
     */
    private void mergeEntries() {
        long[] key = new long[entries];
        for (int k = 0; k < entries; k++) {
            key[k] = (long) entryVar[k] * rows + entryRow[k];
        }
        boolean sorted = true;
        for (int k = 1; k < entries && sorted; k++) {
            sorted = key[k] > key[k - 1];
        }
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[entries];
        for (int k = 0; k < entries; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(key[a], key[b]));
        int[] r = new int[entries];
        int[] v = new int[entries];
        double[] x = new double[entries];
        int n = 0;
        for (int i = 0; i < entries; i++) {
            int k = order[i];
            if (n > 0 && r[n - 1] == entryRow[k] && v[n - 1] == entryVar[k]) {
                x[n - 1] += entryValue[k];
            } else {
                r[n] = entryRow[k];
                v[n] = entryVar[k];
                x[n] = entryValue[k];
                n++;
            }
        }
        entryRow = r;
        entryVar = v;
        entryValue = x;
        entries = n;
    }

    /**
     * Writes the LP as raw little-endian arrays for a second solver (bench/scripts/extended_highs.py):
     * {@code c, lb, ub, rlo, rhi} (float64) and the entries {@code rows, cols} (int32) and {@code vals} (float64).
     */
    void write(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        doubles(dir.resolve("c.f64"), cost, vars);
        doubles(dir.resolve("lb.f64"), lower, vars);
        doubles(dir.resolve("ub.f64"), upper, vars);
        doubles(dir.resolve("rlo.f64"), rowLower, rows);
        doubles(dir.resolve("rhi.f64"), rowUpper, rows);
        ints(dir.resolve("rows.i32"), entryRow, entries);
        ints(dir.resolve("cols.i32"), entryVar, entries);
        doubles(dir.resolve("vals.f64"), entryValue, entries);
    }

    private static void doubles(java.nio.file.Path file, double[] a, int n) throws java.io.IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(a, 0, n);
        java.nio.file.Files.write(file, b.array());
    }

    private static void ints(java.nio.file.Path file, int[] a, int n) throws java.io.IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(a, 0, n);
        java.nio.file.Files.write(file, b.array());
    }

    /** What came back: the status, and where solved the values, row duals and certificate. */
    record Solution(Status status, double[] x, double[] dual, double objective, double primalInfeasibility,
                    double dualInfeasibility, double gap, double dualBound, String method, double seconds) {}

    enum Status { OPTIMAL, INFEASIBLE, UNBOUNDED, LIMIT }

    private static boolean loaded;

    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    /**
     * Up to this many variables an LP is small: PDLP aims 1,000 times closer than the tolerance (its iterations are
     * cheap there), and where it still does not prove its answer GLOP solves the LP, as the one-year planner's
     * stages do. On the bundled five-year plan (50 variables) PDLP at a tenth of the tolerance left the λ of the
     * years 5e-9 apart, relative, and its least-use stage, a feasible set without interior, at its iteration limit
     * (gap 2.3e-4); at 1e-4 of the tolerance the λ are within 5e-11 of GLOP's, and the stage still ends at its
     * limit (gap 6e-8), so GLOP plans it (issue 16).
     */
    static final int SMALL = 5_000;

    /**
     * Solves by GLOP ({@code pdlp} false) or PDLP to {@code tolerance}; a small LP ({@link #SMALL}) that PDLP does
     * not prove, without a time limit, by GLOP after it: its method then reads {@code pdlp+glop}.
     */
    Solution solve(boolean pdlp, double tolerance, double timeLimit) {
        if (!pdlp) {
            Solution s = solve(false, tolerance, timeLimit, 0);
            return s.status() == Status.LIMIT && timeLimit <= 0 ? polished(s, tolerance) : s;
        }
        boolean small = vars <= SMALL;
        Solution s = solve(true, tolerance, timeLimit, small ? tolerance / 1e4 : tolerance / 10);
        if (s.status() == Status.OPTIMAL || s.status() == Status.INFEASIBLE || s.status() == Status.UNBOUNDED
                || !small || timeLimit > 0) {
            return s;
        }
        Solution g = solve(false, tolerance, timeLimit, 0);
        return new Solution(g.status(), g.x(), g.dual(), g.objective(), g.primalInfeasibility(),
                g.dualInfeasibility(), g.gap(), g.dualBound(), FALLBACK, s.seconds() + g.seconds());
    }

    /**
     * GLOP's answer that its own numbers do not prove, or none, tried once more. Without an answer (GLOP
     * stopped short, seen on 1 random federation in 500 of AtLeastAloneTest): GLOP again without its presolve.
     * With levels of the order of 1e-7 left in rows they overdraw (a technique run at 1e-7 on a product that
     * nothing makes, seen on 2 in 1,500: the violation 3e-7, above the tolerance, in a row whose other terms
     * are 0): those levels put at their lower bound, at most three rounds, and the answer certified again on
     * the LP's own numbers, as every answer is. What neither proves stays as it was (status LIMIT).
     */
    private Solution polished(Solution s, double tolerance) {
        if (s.x() == null) {
            String before = glop;
            glop = "use_preprocessing: false" + (vars >= DUAL_FROM ? " use_dual_simplex: true" : "");
            try {
                Solution again = solve(false, tolerance, 0, 0);
                return again.status() == Status.LIMIT && again.x() != null ? snapped(again, tolerance) : again;
            } finally {
                glop = before;
            }
        }
        return snapped(s, tolerance);
    }

    /** Below this a level that overdraws a row is rounding, put at its lower bound by {@link #polished}. */
    static final double TINY = 1e-6;

    private Solution snapped(Solution s, double tolerance) {
        double[] x = s.x().clone();
        boolean changed = false;
        for (int round = 0; round < 3; round++) {
            double[] ax = new double[rows];
            double[] term = new double[rows];
            for (int k = 0; k < entries; k++) {
                double a = entryValue[k] * x[entryVar[k]];
                ax[entryRow[k]] += a;
                term[entryRow[k]] = Math.max(term[entryRow[k]], Math.abs(a));
            }
            int snapped = 0;
            for (int k = 0; k < entries; k++) {
                int i = entryRow[k];
                int j = entryVar[k];
                double scale = rowScale(i, term[i]);
                boolean under = (rowLower[i] - ax[i]) / scale > tolerance && entryValue[k] < 0;
                boolean over = (ax[i] - rowUpper[i]) / scale > tolerance && entryValue[k] > 0;
                if ((under || over) && x[j] > lower[j] && x[j] - lower[j] <= TINY && lower[j] == 0) {
                    x[j] = 0;
                    snapped++;
                }
            }
            if (snapped == 0) {
                break;
            }
            changed = true;
        }
        if (!changed) {
            return s;
        }
        Solution c = certify(x, s.dual(), s.method(), s.seconds(), tolerance);
        return c.status() == Status.OPTIMAL ? c : s;
    }

    /** The method of a small LP PDLP did not prove and GLOP solved. */
    static final String FALLBACK = "pdlp+glop";

    /**
     * PDLP alone, aiming at {@code eps} (its relative and absolute stopping tolerances), its answer certified to
     * {@code tolerance} and returned even where unproven (status LIMIT, x and duals as they are): for a caller that
     * certifies on another LP, as {@link LeontiefYears} does.
     */
    Solution pdlp(double tolerance, double timeLimit, double eps, String parameters) {
        pdlpParameters = parameters;
        return solve(true, tolerance, timeLimit, eps);
    }

    /** PDLP's parameters added to those {@link #solve(boolean, double, double)} sets (text format), or "". */
    private String pdlpParameters = "";

    private Solution solve(boolean pdlp, double tolerance, double timeLimit, double eps) {
        load();
        long t0 = System.nanoTime();
        ModelBuilderHelper m = new ModelBuilderHelper();
        // gosplan.extended.solver: another simplex code of OR-Tools (clp) in GLOP's place, for measurements
        String simplex = System.getProperty("gosplan.extended.solver", "glop");
        ModelSolverHelper solver = new ModelSolverHelper(pdlp ? "pdlp" : simplex);
        try {
            mergeEntries();
            // the solver sees the LP equilibrated by powers of two (exact), the certificate the LP's own numbers
            LpScaling sc = LpScaling.of(rows, vars, entryRow, entryVar, entryValue, entries);
            for (int j = 0; j < vars; j++) {
                int v = m.addVar();
                m.setVarLowerBound(v, lower[j] / sc.column[j]);
                m.setVarUpperBound(v, upper[j] / sc.column[j]);
                if (cost[j] != 0) {
                    m.setVarObjectiveCoefficient(v, cost[j] * sc.column[j]);
                }
            }
            for (int i = 0; i < rows; i++) {
                int c = m.addLinearConstraint();
                m.setConstraintLowerBound(c, rowLower[i] * sc.row[i]);
                m.setConstraintUpperBound(c, rowUpper[i] * sc.row[i]);
            }
            for (int k = 0; k < entries; k++) {
                if (entryValue[k] != 0) {
                    m.addConstraintTerm(entryRow[k], entryVar[k],
                            entryValue[k] * sc.row[entryRow[k]] * sc.column[entryVar[k]]);
                }
            }
            m.setMaximize(true);
            // neither solver has an iteration limit of its own, and either can run for ever on a small LP (PDLP
            // stalled short of its tolerance, GLOP pivoting: the one-year planner, PlanBoundTest): bounded by
            // iteration counts far above what they need, growing with the size (deterministic, unlike time)
            long size = (long) vars + rows;
            solver.setSolverSpecificParameters(pdlp
                    ? "verbosity_level: " + (pdlpLog != null ? pdlpVerbosity : 0) + " termination_criteria { iteration_limit: "
                            + Math.min(Integer.MAX_VALUE, 200_000 + 100 * size) // PDLP's limit is 32-bit
                            + " simple_optimality_criteria { eps_optimal_absolute: "
                            + eps + " eps_optimal_relative: " + eps + " } } " + pdlpParameters
                    : simplex.equals("glop") ? "primal_feasibility_tolerance: 1e-10 dual_feasibility_tolerance: 1e-10"
                            + " max_number_of_iterations: " + (10_000 + 50 * (size + 1)) + " "
                            + (glop != null ? glop
                                    : System.getProperty("gosplan.extended.glop", vars >= DUAL_FROM ? "use_dual_simplex: true" : ""))
                            : "");
            if (timeLimit > 0) {
                solver.setTimeLimitInSeconds(timeLimit);
            }
            solver.enableOutput(pdlp && pdlpLog != null);
            if (pdlp && pdlpLog != null) {
                solver.setLogCallback(pdlpLog);
            }
            solver.solve(m);
            SolveStatus status = solver.getStatus();
            double seconds = (System.nanoTime() - t0) / 1e9;
            String method = pdlp ? "pdlp" : simplex;
            switch (status) {
                case OPTIMAL:
                case FEASIBLE:
                    break;
                case INFEASIBLE:
                    return new Solution(Status.INFEASIBLE, null, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, method, seconds);
                case UNBOUNDED:
                    return new Solution(Status.UNBOUNDED, null, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, method, seconds);
                default:
                    if (!(pdlp && solver.hasResponse())) {
                        return new Solution(Status.LIMIT, null, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                                Double.NaN, method, seconds);
                    }
            }
            double[] x = new double[vars];
            for (int j = 0; j < vars; j++) {
                x[j] = solver.getVariableValue(j) * sc.column[j];
            }
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                y[i] = solver.getDualValue(i) * sc.row[i];
            }
            return certify(x, y, method, seconds, tolerance);
        } finally {
            solver.delete();
            m.delete();
        }
    }

    /**
     * The certificate of {@code x} and {@code y} from this LP's own numbers. The reduced cost of
     * a variable is {@code c_j - (A^T y)_j}; a positive one bounds the objective by its upper
     * bound, a negative one by its lower bound; a row dual of sign {@code s} by the row's upper
     * ({@code s > 0}) or lower bound. Where that bound is infinite, the dual is charged at the bound the
     * other rows imply ({@link #implied()}), as the one-year certificate charges a technique's profit at the
     * bound its limited resources set on its level: the dual bound is then a bound on every feasible
     * point's objective, a proof, whatever the size of the dual's wrong sign (PDLP's reduced costs of 8e-7 on
     * stocks of 13 to 16 hid a λ 1.4e-5 below the optimum from a gap of 2.8e-7 when they were left out of
     * it, issue 15). Only a dual whose needed bound is not implied either is dual infeasibility, measured by
     * the dual's size.
     */
    Solution certify(double[] x, double[] y, String method, double seconds, double tolerance) {
        double[] ax = new double[rows];
        double[] aty = new double[vars];
        // the largest term of each row: a residual is measured against the row's own size, so that a
        // balance (bounds 0) of quantities in units a billion times smaller is held to the same relative
        // standard as in the economy's own units (issue 16 item 1)
        double[] term = new double[rows];
        for (int k = 0; k < entries; k++) {
            double a = entryValue[k] * x[entryVar[k]];
            ax[entryRow[k]] += a;
            term[entryRow[k]] = Math.max(term[entryRow[k]], Math.abs(a));
            aty[entryVar[k]] += entryValue[k] * y[entryRow[k]];
        }
        double primal = 0;
        double objective = 0;
        for (int j = 0; j < vars; j++) {
            primal = Math.max(primal, Math.max(lower[j] - x[j], x[j] - upper[j]));
            objective += cost[j] * x[j];
        }
        for (int i = 0; i < rows; i++) {
            double scale = rowScale(i, term[i]);
            primal = Math.max(primal, Math.max(rowLower[i] - ax[i], ax[i] - rowUpper[i]) / scale);
        }
        Implied imp = implied();
        double bound = 0;
        double dualInf = 0;
        for (int i = 0; i < rows; i++) {
            double b = y[i] > 0 ? rowUpper[i] : y[i] < 0 ? rowLower[i] : 0;
            if (Double.isInfinite(b)) {
                b = y[i] > 0 ? imp.rowUpper[i] : imp.rowLower[i];
            }
            if (Double.isInfinite(b)) {
                dualInf = Math.max(dualInf, Math.abs(y[i]));
            } else {
                bound += y[i] * b;
            }
        }
        for (int j = 0; j < vars; j++) {
            double d = cost[j] - aty[j];
            double b = d > 0 ? upper[j] : d < 0 ? lower[j] : 0;
            if (Double.isInfinite(b)) {
                b = d > 0 ? imp.upper[j] : imp.lower[j];
            }
            if (Double.isInfinite(b)) {
                dualInf = Math.max(dualInf, Math.abs(d));
            } else {
                bound += d * b;
            }
        }
        double gap = Math.abs(bound - objective) / (1 + Math.abs(objective));
        Status status = Math.max(primal, Math.max(dualInf, gap)) <= Math.max(tolerance, 1e-9)
                ? Status.OPTIMAL : Status.LIMIT;
        return new Solution(status, x, y, objective, primal, dualInf, gap, bound, method, seconds);
    }

    /** Bounds every feasible point keeps: of the variables, and of the rows' activities {@code A x}. */
    record Implied(double[] lower, double[] upper, double[] rowLower, double[] rowUpper, int passes) {}

    /** The implied bounds of the LP as it is now: made once, kept until the LP changes. */
    private Implied implied;

    /** {@code gosplan.lp.trace}: each propagation's passes and time on standard error, for measurements. */
    static final boolean TRACE_IMPLIED = Boolean.getBoolean("gosplan.lp.trace");

    /** At most this many passes of {@link #implied()}: enough for a chain of years (each pass carries a bound one row on). */
    static final int PASSES = 64;

    /**
     * The implied bounds, by activity-based bound propagation: a row with a finite upper bound whose other terms
     * have a finite least activity bounds each of its variables of positive coefficient from above (negative:
     * from below), a finite lower bound with a finite greatest activity of the others likewise; pass after pass,
     * each from the bounds the last one left (O(entries) a pass), until no bound becomes finite or tightens by more
     * than {@link #SIGNIFICANT} of its size, or {@link #PASSES}. The rows' activity bounds follow from the variables'.
     * Each bound is valid for every feasible point up to rounding (about 1e-16 of the terms), far below any
     * certificate's tolerance.
     */
    Implied implied() {
        if (implied != null) {
            return implied;
        }
        long t0 = TRACE_IMPLIED ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : 0;
        double[] lo = Arrays.copyOf(lower, vars);
        double[] hi = Arrays.copyOf(upper, vars);
        double[] minAct = new double[rows];
        double[] maxAct = new double[rows];
        int[] minInf = new int[rows];
        int[] maxInf = new int[rows];
        int passes = 0;
        boolean tightened = true;
        while (tightened && passes < PASSES) {
            passes++;
            activities(lo, hi, minAct, maxAct, minInf, maxInf);
            double[] newLo = Arrays.copyOf(lo, vars);
            double[] newHi = Arrays.copyOf(hi, vars);
            tightened = false;
            for (int k = 0; k < entries; k++) {
                int i = entryRow[k];
                int j = entryVar[k];
                double a = entryValue[k];
                if (a == 0) {
                    continue; // entries of one row and variable that cancelled when added up
                }
                if (rowUpper[i] < INF) {
                    // a x_j <= rowUpper - (least activity of the row's other terms)
                    double rest = rest(minAct[i], minInf[i], a > 0 ? a * lo[j] : a * hi[j]);
                    if (Double.isFinite(rest)) {
                        double b = (rowUpper[i] - rest) / a;
                        if (a > 0 && b < newHi[j]) {
                            tightened |= significant(newHi[j], b);
                            newHi[j] = b;
                        } else if (a < 0 && b > newLo[j]) {
                            tightened |= significant(newLo[j], b);
                            newLo[j] = b;
                        }
                    }
                }
                if (rowLower[i] > -INF) {
                    // a x_j >= rowLower - (greatest activity of the row's other terms)
                    double rest = rest(maxAct[i], maxInf[i], a > 0 ? a * hi[j] : a * lo[j]);
                    if (Double.isFinite(rest)) {
                        double b = (rowLower[i] - rest) / a;
                        if (a > 0 && b > newLo[j]) {
                            tightened |= significant(newLo[j], b);
                            newLo[j] = b;
                        } else if (a < 0 && b < newHi[j]) {
                            tightened |= significant(newHi[j], b);
                            newHi[j] = b;
                        }
                    }
                }
            }
            lo = newLo;
            hi = newHi;
        }
        activities(lo, hi, minAct, maxAct, minInf, maxInf);
        for (int i = 0; i < rows; i++) {
            minAct[i] = minInf[i] > 0 ? -INF : minAct[i];
            maxAct[i] = maxInf[i] > 0 ? INF : maxAct[i];
        }
        implied = new Implied(lo, hi, minAct, maxAct, passes);
        if (TRACE_IMPLIED) {
            System.err.printf("lp: implied bounds of %,d columns, %,d rows, %,d entries: %d passes, %.3f s of CPU%n", vars,
                    rows, entries, passes,
                    (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t0) / 1e9);
        }
        return implied;
    }

    /** Each row's least and greatest activity over the box {@code lo, hi}: the finite terms added up, the infinite ones counted. */
    private void activities(double[] lo, double[] hi, double[] minAct, double[] maxAct, int[] minInf, int[] maxInf) {
        Arrays.fill(minAct, 0);
        Arrays.fill(maxAct, 0);
        Arrays.fill(minInf, 0);
        Arrays.fill(maxInf, 0);
        for (int k = 0; k < entries; k++) {
            int i = entryRow[k];
            int j = entryVar[k];
            double a = entryValue[k];
            if (a == 0) {
                continue;
            }
            double least = a > 0 ? a * lo[j] : a * hi[j];
            double most = a > 0 ? a * hi[j] : a * lo[j];
            if (Double.isInfinite(least)) {
                minInf[i]++;
            } else {
                minAct[i] += least;
            }
            if (Double.isInfinite(most)) {
                maxInf[i]++;
            } else {
                maxAct[i] += most;
            }
        }
    }

    /** A row's activity bound without one term: finite only where every other term is. */
    private static double rest(double sum, int infinite, double term) {
        if (Double.isInfinite(term)) {
            return infinite == 1 ? sum : Double.NaN;
        }
        return infinite == 0 ? sum - term : Double.NaN;
    }

    /**
     * A tightening by less than this part of the bound ends the passes: every bound stays valid, and the charge of a
     * dual at it is the dual times the bound, so a bound looser by 1e-3 changes the gap by 1e-3 of that charge. Bounds
     * that feed back through the rows (a product's balance through its inputs, republics through trade) tighten
     * geometrically, some slowly: on `union 1000 10` the passes reach {@link #PASSES} at 1e-3 as at 1e-9 (0.3 to
     * 0.7 s of CPU in 13.6), on `years 2000 5` 9 and 17 passes (docs/benchmarks.md, the PDLP section).
     */
    static final double SIGNIFICANT = 1e-3;

    private static boolean significant(double old, double tighter) {
        return Double.isInfinite(old) || Math.abs(old - tighter) > SIGNIFICANT * (1 + Math.abs(tighter));
    }

    /** What a residual of row {@code i} is measured against: its largest term or bound (see {@link #certify}). */
    private double rowScale(int i, double term) {
        return 1 + Math.max(term, Math.max(finite(rowLower[i]), finite(rowUpper[i])));
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? Math.abs(v) : 0;
    }

    /** A copy of the LP's numbers (entries of one row and variable added up), for a writer in another format. */
    record Numbers(double[] lower, double[] upper, double[] cost, double[] rowLower, double[] rowUpper,
                   int[] entryRow, int[] entryVar, double[] entryValue) {}

    Numbers numbers() {
        mergeEntries();
        return new Numbers(Arrays.copyOf(lower, vars), Arrays.copyOf(upper, vars), Arrays.copyOf(cost, vars),
                Arrays.copyOf(rowLower, rows), Arrays.copyOf(rowUpper, rows), Arrays.copyOf(entryRow, entries),
                Arrays.copyOf(entryVar, entries), Arrays.copyOf(entryValue, entries));
    }
}
