package org.gosplan.planner.extended;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.Parts;

/**
 * A leximin round of a plan over years where every product has exactly one technique (no capacity), solved
 * with the levels eliminated: each year's product rows {@code B z + P x >= 0} (B the square Leontief matrix of
 * that year's techniques, P the other columns there: {@code -λ d}, {@code -investment}) hold with equality at
 * an optimum, because {@code B⁻¹ >= 0} and every other use of a level (labour, capital) is non-negative, so a
 * surplus only costs. Then {@code z = -B⁻¹ P x}, and every other row {@code U z + V x} becomes
 * {@code (V - W P) x} with {@code W = U B⁻¹}: an LP in λ, the investments and the stocks alone, dense in its
 * capital rows (n/10 x n/10 a year) but without the random Leontief matrix whose LU factors fill in (GLOP on the
 * whole five-year LP: 13.1 s CPU at 1,000 products, 120.6 s at 2,000; docs/benchmarks.md "Five-year plans").
 *
 * <p>The rows of W are found by Gauss-Seidel sweeps of {@code w B = u} to rounding, one per distinct row of U
 * (a year whose Leontief matrix and row are those of an earlier year reuses it). GLOP solves the reduced LP;
 * the levels come back from {@code B z = -P x} and the product rows' duals from {@code B^T y_p = -U^T y}
 * (a level's reduced cost is zero), and {@link Lp#certify} checks the answer on the whole LP from its own
 * numbers. Returns null where the structure is not there or the certificate fails: the caller then solves
 * the whole LP.
 *
 * <p>Row generation: the rows of U enter the reduced LP only when needed. The first pass holds those over at
 * least half of their year's levels (labour); after each pass the levels are recovered and every row of U is
 * checked on them in its original sparse form (one pass over the entries), and the violated rows join (their W
 * rows made then). The reduced LP of the last pass is a relaxation of the whole reduced LP whose answer holds
 * every row, so it is the whole one's optimum; the rows left out have dual zero, and the certificate is of the
 * whole LP as before. The passes go on from GLOP's last basis ({@link WarmLp}). Measured on the random
 * five-year economies of ExtendedBench, most capital rows end in the LP anyway, so it is off by default
 * ({@link #ROW_GENERATION}; docs/benchmarks.md).
 */
final class LeontiefYears {
    private LeontiefYears() {}

    static final String METHOD = "glop+leontief";
    private static final int MAX_SWEEPS = 2_000;
    /** A row of U is violated beyond this, relative to its largest term or bound: it joins the reduced LP. */
    static final double VIOLATION = 1e-10;
    /**
     * GLOP's parameters for the reduced LP, {@code gosplan.leontief.glop}; without it those of {@link Lp} (its dual
     * simplex from 5,000 columns). An empty value gives the primal simplex, which a throwaway prototype found faster
     * at 5 x 10,000 products (148 s against 484 s of CPU); measured again in the whole plan: docs/benchmarks.md.
     */
    static final String GLOP = System.getProperty("gosplan.leontief.glop");
    /** {@code gosplan.leontief.trace}: one line a pass on standard error (rows in the LP, seconds). */
    static final boolean TRACE = Boolean.getBoolean("gosplan.leontief.trace");
    /**
     * {@code gosplan.leontief.rowgeneration=true}: the rows of U generated. Off by default: on the five-year
     * economies of ExtendedBench three quarters of the capital rows end in the LP anyway and GLOP's passes cost
     * more than one solve of the whole reduced LP (9.2 s against 6.7 s of CPU at 2,000 products; at 10,000 one
     * pass took 93 s of GLOP's CPU and the next, 207 rows added, 326 s: docs/benchmarks.md).
     */
    static final boolean ROW_GENERATION = Boolean.parseBoolean(System.getProperty("gosplan.leontief.rowgeneration", "false"));
    /** Whether the passes of row generation go on from GLOP's last basis ({@link WarmLp}) or solve afresh. */
    static final boolean WARM = Boolean.parseBoolean(System.getProperty("gosplan.leontief.warm", "true"));
    /**
     * {@code gosplan.leontief.pdlp=EPS}: OR-Tools' PDLP solves the reduced LP in GLOP's place, aiming at EPS (its
     * relative and absolute stopping tolerances); its answer, proven or not, goes to the certificate on the whole LP.
     * Off (0) by default: docs/benchmarks.md "a first-order method on the reduced LP".
     */
    static final double PDLP_EPS = Double.parseDouble(System.getProperty("gosplan.leontief.pdlp", "0"));
    /** PDLP's parameters added to those of {@link Lp} ({@code gosplan.leontief.pdlpparameters}, text format). */
    static final String PDLP_PARAMETERS = System.getProperty("gosplan.leontief.pdlpparameters", "");
    /** GLOP's parameters added for the warm passes ({@code gosplan.leontief.warmglop}). */
    static final String GLOP_WARM = System.getProperty("gosplan.leontief.warmglop", "");
    /** Of the last solve, for tests and measurements: passes, rows of U in the final LP, rows of U in all. */
    static volatile int[] lastStats;
    /** Of the last solve, where PDLP's answer was repaired: the primal infeasibility before and after, the dual
     * infeasibility and the gap after; else null. */
    static volatile double[] lastRepair;
    /** Of the last solve that came to a certificate on the whole LP, proven or not; else null. */
    static volatile Lp.Solution lastCertificate;
    /** Passes in which rows that neither bind nor have a dual leave the reduced LP. */
    static final int DROPPING_PASSES = Integer.getInteger("gosplan.leontief.dropping", 3);

    /** Whether the model has the shape this needs: one region, no transport or trade, more than one year. */
    static boolean applies(SpaceModel m) {
        return m.years > 1 && m.regions == 1 && m.parts.transport().isEmpty() && m.parts.trade().isEmpty()
                && m.e.techniques() == m.e.products();
    }

    /** The levels of every year: what decides whether the elimination pays. */
    static int columns(SpaceModel m) {
        return m.e.techniques() * m.years;
    }

    /** One year's square Leontief matrix, by rows and by columns, in local indices (product p, technique t). */
    private static final class Block {
        final int n;
        final int[] techOf;     // product -> its technique
        final int[] prodOf;     // technique -> its product
        final double[] diag;    // B[p, techOf[p]]
        final int[] rowStart, rowTech;   // off-diagonal entries by product row
        final double[] rowValue;
        final int[] colStart, colProd;   // off-diagonal entries by technique column
        final double[] colValue;

        Block(int n, int[] techOf, int[] prodOf, double[] diag, int[] rowStart, int[] rowTech, double[] rowValue,
              int[] colStart, int[] colProd, double[] colValue) {
            this.n = n;
            this.techOf = techOf;
            this.prodOf = prodOf;
            this.diag = diag;
            this.rowStart = rowStart;
            this.rowTech = rowTech;
            this.rowValue = rowValue;
            this.colStart = colStart;
            this.colProd = colProd;
            this.colValue = colValue;
        }

        boolean same(Block o) {
            return Arrays.equals(techOf, o.techOf) && Arrays.equals(diag, o.diag) && Arrays.equals(rowStart, o.rowStart)
                    && Arrays.equals(rowTech, o.rowTech) && Arrays.equals(rowValue, o.rowValue);
        }

        /** z with {@code B z = r} (levels by technique), or null when the sweeps do not settle. */
        double[] solve(double[] r) {
            double[] z = new double[n];
            for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                double change = 0;
                double size = 0;
                for (int p = 0; p < n; p++) {
                    double s = r[p];
                    for (int k = rowStart[p]; k < rowStart[p + 1]; k++) {
                        s -= rowValue[k] * z[rowTech[k]];
                    }
                    double v = s / diag[p];
                    int t = techOf[p];
                    change = Math.max(change, Math.abs(v - z[t]));
                    size = Math.max(size, Math.abs(v));
                    z[t] = v;
                }
                if (change <= 1e-14 * size) {
                    return z;
                }
            }
            return null;
        }

        /** w (by product) with {@code w B = u} (u by technique), or null when the sweeps do not settle. */
        double[] solveTransposed(double[] u) {
            double[] w = new double[n];
            for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                double change = 0;
                double size = 0;
                for (int t = 0; t < n; t++) {
                    double s = u[t];
                    for (int k = colStart[t]; k < colStart[t + 1]; k++) {
                        s -= w[colProd[k]] * colValue[k];
                    }
                    int p = prodOf[t];
                    double v = s / diag[p];
                    change = Math.max(change, Math.abs(v - w[p]));
                    size = Math.max(size, Math.abs(v));
                    w[p] = v;
                }
                if (change <= 1e-14 * size) {
                    return w;
                }
            }
            return null;
        }
    }

    /** Solves the LP of {@code m} as it stands (this round's bounds), certified on the whole LP; null: not here. */
    static Lp.Solution solve(SpaceModel m, double tolerance, double timeLimitSeconds) {
        return solve(m, tolerance, timeLimitSeconds, ROW_GENERATION, WARM);
    }

    /**
     * As {@link #solve(SpaceModel, double, double)}, with the rows of U generated ({@code rowGeneration}) or all
     * in the reduced LP from the start; the passes of row generation warm ({@link WarmLp}) or each afresh.
     */
    static Lp.Solution solve(SpaceModel m, double tolerance, double timeLimitSeconds, boolean rowGeneration,
                             boolean warmStart) {
        return solve(m, tolerance, timeLimitSeconds, rowGeneration, warmStart, PDLP_EPS);
    }

    /**
     * As {@link #solve(SpaceModel, double, double, boolean, boolean)}, the reduced LP (all its rows, solved afresh)
     * by PDLP aiming at {@code pdlpEps} where that is positive, by GLOP where it is 0.
     */
    static Lp.Solution solve(SpaceModel m, double tolerance, double timeLimitSeconds, boolean rowGeneration,
                             boolean warmStart, double pdlpEps) {
        long t0 = System.nanoTime();
        lastRepair = null;
        lastCertificate = null;
        Lp lp = m.lp;
        Lp.Numbers a = lp.numbers();
        int nv = a.cost().length;
        int nr = a.rowLower().length;
        int years = m.years;
        int n = m.e.products();
        int[] levelYear = new int[nv];
        int[] levelTech = new int[nv];
        Arrays.fill(levelYear, -1);
        for (int y = 0; y < years; y++) {
            for (int t = 0; t < n; t++) {
                int v = m.level[y][t];
                if (v < 0 || a.cost()[v] != 0 || a.lower()[v] != 0 || a.upper()[v] != Lp.INF) {
                    return null;
                }
                levelYear[v] = y;
                levelTech[v] = t;
            }
        }
        int[] productYear = new int[nr];
        int[] productOf = new int[nr];
        Arrays.fill(productYear, -1);
        for (int y = 0; y < years; y++) {
            for (int p = 0; p < n; p++) {
                int row = m.productRow[y][0][p];
                if (row < 0 || a.rowLower()[row] != 0 || a.rowUpper()[row] != Lp.INF) {
                    return null;
                }
                productYear[row] = y;
                productOf[row] = p;
            }
        }
        // the entries, sorted by column (Lp.numbers merges and sorts them by variable, then row)
        int entries = a.entryValue().length;
        // each year's B; P (other columns in product rows) by row; U (levels in other rows) by row
        List<List<double[]>> bEntries = new ArrayList<>(); // per year: {p, t, value}
        for (int y = 0; y < years; y++) {
            bEntries.add(new ArrayList<>());
        }
        Map<Integer, List<double[]>> pByRow = new HashMap<>();
        Map<Integer, List<double[]>> uByRow = new HashMap<>();
        int[] uYear = new int[nr];
        Arrays.fill(uYear, -1);
        for (int k = 0; k < entries; k++) {
            int row = a.entryRow()[k];
            int v = a.entryVar()[k];
            double value = a.entryValue()[k];
            if (levelYear[v] >= 0) {
                int y = levelYear[v];
                if (productYear[row] >= 0) {
                    if (productYear[row] != y) {
                        return null;
                    }
                    bEntries.get(y).add(new double[] {productOf[row], levelTech[v], value});
                } else {
                    if (value < 0 || (uYear[row] >= 0 && uYear[row] != y)) {
                        return null; // a level in two years' rows, or one that frees a resource: not this shape
                    }
                    uYear[row] = y;
                    uByRow.computeIfAbsent(row, r -> new ArrayList<>()).add(new double[] {levelTech[v], value});
                }
            } else if (productYear[row] >= 0) {
                pByRow.computeIfAbsent(row, r -> new ArrayList<>()).add(new double[] {v, value});
            }
        }
        Block[] block = new Block[years];
        for (int y = 0; y < years; y++) {
            block[y] = block(bEntries.get(y), n);
            if (block[y] == null) {
                return null;
            }
            for (int x = 0; x < y; x++) {
                if (block[x].same(block[y])) {
                    block[y] = block[x];
                    break;
                }
            }
        }
        List<Integer> uRows = new ArrayList<>(uByRow.keySet());
        uRows.sort(null);
        // rows with the same U in the same block share one row of W = U B⁻¹
        Map<String, Integer> groupOfKey = new HashMap<>();
        int[] groupOf = new int[nr];
        Arrays.fill(groupOf, -1);
        List<Integer> groupFirst = new ArrayList<>();
        for (int row : uRows) {
            List<double[]> u = uByRow.get(row);
            StringBuilder key = new StringBuilder().append(System.identityHashCode(block[uYear[row]])).append(':');
            for (double[] e : u) {
                key.append((int) e[0]).append('=').append(Double.doubleToLongBits(e[1])).append(',');
            }
            Integer g = groupOfKey.get(key.toString());
            if (g == null) {
                g = groupFirst.size();
                groupOfKey.put(key.toString(), g);
                groupFirst.add(row);
            }
            groupOf[row] = g;
        }
        // P of each year by product: the columns (not levels) in that year's product rows
        List<List<Integer>> productRowsOfYear = new ArrayList<>();
        int[][] yearCols = new int[years][];
        int[][] localOf = new int[years][];
        for (int y = 0; y < years; y++) {
            List<Integer> rows = new ArrayList<>();
            int[] local = new int[nv];
            Arrays.fill(local, -1);
            int count = 0;
            for (int p = 0; p < n; p++) {
                int prow = m.productRow[y][0][p];
                rows.add(prow);
                List<double[]> pe = pByRow.get(prow);
                if (pe != null) {
                    for (double[] e : pe) {
                        if (local[(int) e[0]] < 0) {
                            local[(int) e[0]] = count++;
                        }
                    }
                }
            }
            int[] cols = new int[count];
            for (int v = 0; v < nv; v++) {
                if (local[v] >= 0) {
                    cols[local[v]] = v;
                }
            }
            productRowsOfYear.add(rows);
            yearCols[y] = cols;
            localOf[y] = local;
        }
        // the columns of the reduced LP: those that are not levels
        int[] col = new int[nv];
        Arrays.fill(col, -1);
        int[] var = new int[nv];
        int kept = 0;
        for (int v = 0; v < nv; v++) {
            if (levelYear[v] < 0) {
                col[v] = kept;
                var[kept++] = v;
            }
        }
        // the rows of U enter the reduced LP as they are needed (row generation): at first those over at least
        // half of their year's levels (labour), then those the last answer violates, until it violates none
        boolean[] in = new boolean[nr];
        List<Integer> working = new ArrayList<>();
        for (int row : uRows) {
            if (!rowGeneration || 2 * uByRow.get(row).size() >= n) {
                in[row] = true;
                working.add(row);
            }
        }
        int[][] redCols = new int[nr][];
        double[][] redValues = new double[nr][];
        boolean[] failed = new boolean[1];
        double[] x = new double[nv];
        double[] y = new double[nr];
        double[] ydual = new double[nr];
        double[] rx0 = new double[kept];
        boolean[] inLp = new boolean[nr];
        List<Integer> lpRows = new ArrayList<>();
        WarmLp warm = null;
        // each row's entries on columns that are not levels (kept as they are in the reduced LP)
        int[] dStart = new int[nr + 1];
        for (int k = 0; k < entries; k++) {
            if (levelYear[a.entryVar()[k]] < 0) {
                dStart[a.entryRow()[k] + 1]++;
            }
        }
        for (int i = 0; i < nr; i++) {
            dStart[i + 1] += dStart[i];
        }
        int[] dVar = new int[dStart[nr]];
        double[] dValue = new double[dStart[nr]];
        int[] fill = Arrays.copyOf(dStart, nr);
        for (int k = 0; k < entries; k++) {
            int v = a.entryVar()[k];
            if (levelYear[v] < 0) {
                int row = a.entryRow()[k];
                dVar[fill[row]] = col[v];
                dValue[fill[row]++] = a.entryValue()[k];
            }
        }
        int iterations = 0;
        double lpSeconds = 0;
        double wSeconds = 0;
        while (true) {
            iterations++;
            long tw = System.nanoTime();
            // the reduced rows not yet made: one transposed solve per group, -W P by year
            List<Integer> missing = new ArrayList<>();
            for (int row : working) {
                if (redCols[row] == null) {
                    missing.add(row);
                }
            }
            Map<Integer, List<Integer>> byGroup = new HashMap<>();
            for (int row : missing) {
                byGroup.computeIfAbsent(groupOf[row], g -> new ArrayList<>()).add(row);
            }
            new ArrayList<>(byGroup.values()).parallelStream().forEach(rows -> {
                double[] u = new double[n];
                for (double[] e : uByRow.get(rows.get(0))) {
                    u[(int) e[0]] += e[1];
                }
                double[] wr = block[uYear[rows.get(0)]].solveTransposed(u);
                if (wr == null) {
                    failed[0] = true;
                    return;
                }
                for (int row : rows) {
                    int yr = uYear[row];
                    double[] acc = new double[yearCols[yr].length];
                    for (int prow : productRowsOfYear.get(yr)) {
                        double wp = wr[productOf[prow]];
                        List<double[]> pe = pByRow.get(prow);
                        if (wp == 0 || pe == null) {
                            continue;
                        }
                        for (double[] e : pe) {
                            acc[localOf[yr][(int) e[0]]] -= wp * e[1];
                        }
                    }
                    int nz = 0;
                    for (double v : acc) {
                        nz += v != 0 ? 1 : 0;
                    }
                    int[] cs = new int[nz];
                    double[] vs = new double[nz];
                    nz = 0;
                    for (int j = 0; j < acc.length; j++) {
                        if (acc[j] != 0) {
                            cs[nz] = yearCols[yr][j];
                            vs[nz++] = acc[j];
                        }
                    }
                    redValues[row] = vs;
                    redCols[row] = cs; // written last: the row is made
                }
            });
            if (failed[0]) {
                return null;
            }
            wSeconds += (System.nanoTime() - tw) / 1e9;
            double left = timeLimitSeconds > 0 ? timeLimitSeconds - (System.nanoTime() - t0) / 1e9 : 0;
            if (timeLimitSeconds > 0 && left <= 0) {
                return null;
            }
            Lp.Status status;
            double solveSeconds;
            Arrays.fill(ydual, 0);
            if (warm != null || rowGeneration && warmStart) {
                // GLOP through MPSolver, the rows added since the last pass appended: its dual simplex goes on
                // from the last basis
                if (warm == null) {
                    double[] lo = new double[kept];
                    double[] hi = new double[kept];
                    double[] c = new double[kept];
                    for (int j = 0; j < kept; j++) {
                        lo[j] = a.lower()[var[j]];
                        hi[j] = a.upper()[var[j]];
                        c[j] = a.cost()[var[j]];
                    }
                    for (int i = 0; i < nr; i++) {
                        if (productYear[i] < 0 && (uYear[i] < 0 || in[i])) {
                            lpRows.add(i);
                        }
                    }
                    int[][] rv = new int[lpRows.size()][];
                    double[][] rx = new double[lpRows.size()][];
                    double[] rlo = new double[lpRows.size()];
                    double[] rhi = new double[lpRows.size()];
                    for (int k = 0; k < lpRows.size(); k++) {
                        int row = lpRows.get(k);
                        rlo[k] = a.rowLower()[row];
                        rhi[k] = a.rowUpper()[row];
                        rv[k] = reducedVars(row, dStart, dVar, redCols, col);
                        rx[k] = reducedValues(row, dStart, dValue, redValues);
                    }
                    warm = new WarmLp(lo, hi, c, rlo, rhi, rv, rx, GLOP_WARM);
                } else {
                    for (int row : working) {
                        if (!inLp[row]) {
                            lpRows.add(row);
                            warm.addRow(a.rowLower()[row], a.rowUpper()[row], reducedVars(row, dStart, dVar, redCols, col),
                                    reducedValues(row, dStart, dValue, redValues));
                        }
                    }
                }
                for (int row : lpRows) {
                    inLp[row] = true;
                }
                WarmLp.Answer ans = warm.solve(left);
                status = ans.status();
                solveSeconds = ans.seconds();
                if (ans.x() != null) {
                    System.arraycopy(ans.x(), 0, rx0, 0, kept);
                    for (int k = 0; k < lpRows.size(); k++) {
                        ydual[lpRows.get(k)] = ans.dual()[k];
                    }
                }
            } else {
                // the reduced LP over the columns that are not levels, the rows that are not product rows (those of
                // U in the working set only), built afresh
                Lp reduced = new Lp();
                for (int j = 0; j < kept; j++) {
                    int v = var[j];
                    reduced.addVar(a.lower()[v], a.upper()[v], a.cost()[v]);
                }
                lpRows.clear();
                for (int i = 0; i < nr; i++) {
                    if (productYear[i] < 0 && (uYear[i] < 0 || in[i])) {
                        int ri = reduced.addRow(a.rowLower()[i], a.rowUpper()[i]);
                        lpRows.add(i);
                        int[] vs = reducedVars(i, dStart, dVar, redCols, col);
                        double[] xs = reducedValues(i, dStart, dValue, redValues);
                        for (int k = 0; k < vs.length; k++) {
                            reduced.add(ri, vs[k], xs[k]);
                        }
                    }
                }
                reduced.glop = GLOP;
                long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                Lp.Solution r;
                if (pdlpEps > 0) {
                    // PDLP on the reduced LP: its answer, proven or not, is certified on the whole LP below
                    if (TRACE) {
                        reduced.pdlpLog = line -> System.err.println("pdlp: " + line.strip());
                        reduced.pdlpVerbosity = Integer.getInteger("gosplan.leontief.pdlpverbosity", 1);
                    }
                    r = reduced.pdlp(tolerance, left, pdlpEps, PDLP_PARAMETERS);
                    status = r.x() != null ? Lp.Status.OPTIMAL : r.status();
                    if (TRACE) {
                        System.err.printf("leontief years: pdlp on the reduced LP (%d columns, %d rows): reduced"
                                        + " certificate primal %.2e dual %.2e gap %.2e%n", kept, lpRows.size(),
                                r.primalInfeasibility(), r.dualInfeasibility(), r.gap());
                    }
                } else {
                    r = reduced.solve(false, tolerance, left);
                    status = r.status();
                }
                solveSeconds = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9;
                if (r.x() != null) {
                    System.arraycopy(r.x(), 0, rx0, 0, kept);
                    for (int k = 0; k < lpRows.size(); k++) {
                        ydual[lpRows.get(k)] = r.dual()[k];
                    }
                }
            }
            lpSeconds += solveSeconds;
            if (status == Lp.Status.UNBOUNDED && working.size() < uRows.size()) {
                // too few rows to bound it: all of them
                for (int row : uRows) {
                    if (!in[row]) {
                        in[row] = true;
                        working.add(row);
                    }
                }
                continue;
            }
            if (status != Lp.Status.OPTIMAL) {
                return null; // infeasible, unbounded or unproven: the whole LP says so in its own terms
            }
            // back to the whole LP: the other columns as solved, the levels from B z = -P x
            Arrays.fill(x, 0);
            for (int j = 0; j < kept; j++) {
                x[var[j]] = rx0[j];
            }
            if (!levels(m, x, block, productRowsOfYear, pByRow, productOf)) {
                return null;
            }
            // every row of U on those levels: the violated ones join the working set
            double[] ax = new double[nr];
            double[] term = new double[nr];
            for (int k = 0; k < entries; k++) {
                int row = a.entryRow()[k];
                if (uYear[row] >= 0 && !in[row]) {
                    double t = a.entryValue()[k] * x[a.entryVar()[k]];
                    ax[row] += t;
                    term[row] = Math.max(term[row], Math.abs(t));
                }
            }
            List<Integer> violated = new ArrayList<>();
            int added = 0;
            for (int row : uRows) {
                if (in[row]) {
                    continue;
                }
                double lo = a.rowLower()[row];
                double hi = a.rowUpper()[row];
                double scale = 1 + Math.max(term[row], Math.max(finite(lo), finite(hi)));
                if (Math.max(lo - ax[row], ax[row] - hi) / scale > VIOLATION) {
                    violated.add(row);
                    added++;
                }
            }
            // in the first passes, rows with no dual that do not bind leave it again (the answer stays optimal
            // without them); they come back, their coefficients kept, if violated later. Later passes only add,
            // so that the passes end.
            int dropped = 0;
            if (rowGeneration && warm == null && iterations <= DROPPING_PASSES) {
                double[] act = new double[nr];
                for (int k = 0; k < entries; k++) {
                    int row = a.entryRow()[k];
                    if (in[row] && uYear[row] >= 0) {
                        act[row] += a.entryValue()[k] * x[a.entryVar()[k]];
                    }
                }
                List<Integer> still = new ArrayList<>();
                for (int row : working) {
                    double hi = a.rowUpper()[row];
                    double lo = a.rowLower()[row];
                    boolean slack = act[row] < hi - 1e-7 * (1 + finite(hi)) && act[row] > lo + 1e-7 * (1 + finite(lo));
                    if (2 * uByRow.get(row).size() < n && ydual[row] == 0 && slack) {
                        in[row] = false;
                        dropped++;
                    } else {
                        still.add(row);
                    }
                }
                working.clear();
                working.addAll(still);
            }
            for (int row : violated) {
                in[row] = true;
                working.add(row);
            }
            if (TRACE) {
                System.err.printf("leontief years: pass %d, %d of %d rows of U in the LP (%d added, %d dropped), LP %.2f s CPU, W %.2f s wall%n",
                        iterations, working.size(), uRows.size(), added, dropped, solveSeconds, wSeconds);
            }
            if (added == 0) {
                if (TRACE) {
                    double[] full = new double[nr];
                    for (int k = 0; k < entries; k++) {
                        full[a.entryRow()[k]] += a.entryValue()[k] * x[a.entryVar()[k]];
                    }
                    for (int yr = 0; yr < years; yr++) {
                        int tight = 0, dual = 0, all = 0, pos = 0;
                        for (int row : uRows) {
                            if (uYear[row] == yr) {
                                all++;
                                tight += full[row] >= a.rowUpper()[row] - 1e-9 * (1 + Math.abs(a.rowUpper()[row])) ? 1 : 0;
                                dual += in[row] && ydual[row] != 0 ? 1 : 0;
                            }
                        }
                        for (int v : yearCols[yr]) {
                            pos += x[v] > 1e-12 ? 1 : 0;
                        }
                        System.err.printf("  year %d: %d of %d rows of U tight, %d with a dual; %d of %d columns of P positive%n",
                                yr + 1, tight, all, dual, pos, yearCols[yr].length);
                    }
                }
                break;
            }
        }
        if (warm != null) {
            warm.close();
        }
        System.arraycopy(ydual, 0, y, 0, nr);
        for (int yr = 0; yr < years; yr++) {
            double[] u = new double[n];
            for (int row : working) {
                if (uYear[row] == yr && y[row] != 0) {
                    for (double[] e : uByRow.get(row)) {
                        u[(int) e[0]] += y[row] * e[1];
                    }
                }
            }
            double[] wp = block[yr].solveTransposed(u);
            if (wp == null) {
                return null;
            }
            for (int p = 0; p < n; p++) {
                y[m.productRow[yr][0][p]] = -wp[p];
            }
        }
        lastStats = new int[] {iterations, working.size(), uRows.size()};
        Lp.Solution s = lp.certify(x, y, METHOD, (System.nanoTime() - t0) / 1e9, tolerance);
        if (s.status() != Lp.Status.OPTIMAL && pdlpEps > 0 && s.primalInfeasibility() > tolerance) {
            // PDLP's answer is feasible only to its own tolerance: made exactly feasible, then certified again
            if (TRACE) {
                System.err.printf("leontief years: whole LP certificate before the repair: primal %.2e, dual %.2e,"
                        + " gap %.2e%n", s.primalInfeasibility(), s.dualInfeasibility(), s.gap());
            }
            double before = s.primalInfeasibility();
            if (repair(m, a, levelYear, uYear, x)) {
                s = lp.certify(x, y, METHOD, (System.nanoTime() - t0) / 1e9, tolerance);
                lastRepair = new double[] {before, s.primalInfeasibility(), s.dualInfeasibility(), s.gap()};
            }
        }
        // the certificate's bound charges a dual of the wrong sign at the bound the rows imply (Lp#certify): a proof
        // also of PDLP's answers, whose reduced costs of 8e-7 on stocks of 15 once hid a λ 1.4e-5 below the optimum
        lastCertificate = s;
        if (TRACE) {
            System.err.printf("leontief years: whole LP certificate %s, objective %.12g, primal %.2e, dual %.2e, gap %.2e%n",
                    s.status(), s.objective(), s.primalInfeasibility(), s.dualInfeasibility(), s.gap());
        }
        return s.status() == Lp.Status.OPTIMAL ? s : null;
    }

    /**
     * An answer that holds the rows of U only to a tolerance made to hold them exactly: year by year, the stocks
     * follow from the investments by their recurrence, and where a labour or capital row of the year is over its
     * bound, the year's λ, investments and levels are scaled down together by the least factor that brings every
     * such row back (the levels are linear in λ and the investments, {@code z = -B⁻¹ P x}, and U is non-negative);
     * t follows the least λ. The objective falls by about the relative violation. False where a stock is negative.
     */
    private static boolean repair(SpaceModel m, Lp.Numbers a, int[] levelYear, int[] uYear, double[] x) {
        List<Parts.Capital> capital = m.parts.capital();
        int nr = a.rowLower().length;
        for (int yr = 0; yr < m.years; yr++) {
            for (int c = 0; c < capital.size() && yr > 0; c++) {
                Parts.Capital k = capital.get(c);
                int inv = yr - k.lag() >= 0 ? m.invest[yr - k.lag()][c][0] : -1;
                x[m.stock[yr][c][0]] = (1 - k.depreciation()) * x[m.stock[yr - 1][c][0]] + (inv >= 0 ? x[inv] : 0);
            }
            double[] uAct = new double[nr];
            double[] other = new double[nr];
            for (int k = 0; k < a.entryValue().length; k++) {
                int row = a.entryRow()[k];
                if (uYear[row] == yr) {
                    int v = a.entryVar()[k];
                    if (levelYear[v] >= 0) {
                        uAct[row] += a.entryValue()[k] * x[v];
                    } else {
                        other[row] += a.entryValue()[k] * x[v];
                    }
                }
            }
            double alpha = 1;
            for (int row = 0; row < nr; row++) {
                if (uYear[row] == yr && uAct[row] > 0 && uAct[row] + other[row] > a.rowUpper()[row]) {
                    alpha = Math.min(alpha, (a.rowUpper()[row] - other[row]) / uAct[row]);
                }
            }
            if (alpha < 0) {
                return false;
            }
            if (alpha < 1) {
                if (m.lambda[yr][0] >= 0) {
                    x[m.lambda[yr][0]] *= alpha;
                }
                for (int c = 0; c < capital.size(); c++) {
                    if (m.invest[yr][c][0] >= 0) {
                        x[m.invest[yr][c][0]] *= alpha;
                    }
                }
                for (int t = 0; t < m.e.techniques(); t++) {
                    x[m.level[yr][t]] *= alpha;
                }
            }
        }
        for (int yr = 0; yr < m.years; yr++) {
            if (m.lambda[yr][0] >= 0) {
                x[m.least] = Math.min(x[m.least], x[m.lambda[yr][0]]);
            }
        }
        return true;
    }

    /** The levels of every year into {@code x} from {@code B z = -P x} (x holding the other columns); false: no. */
    private static boolean levels(SpaceModel m, double[] x, Block[] block, List<List<Integer>> productRowsOfYear,
                                  Map<Integer, List<double[]>> pByRow, int[] productOf) {
        int n = m.e.products();
        boolean[] ok = new boolean[] {true};
        java.util.stream.IntStream.range(0, m.years).parallel().forEach(yr -> {
            double[] rhs = new double[n];
            for (int prow : productRowsOfYear.get(yr)) {
                List<double[]> pe = pByRow.get(prow);
                if (pe != null) {
                    for (double[] e : pe) {
                        rhs[productOf[prow]] -= e[1] * x[(int) e[0]];
                    }
                }
            }
            double[] z = block[yr].solve(rhs);
            if (z == null) {
                ok[0] = false;
                return;
            }
            for (int t = 0; t < n; t++) {
                x[m.level[yr][t]] = Math.max(0, z[t]);
            }
        });
        return ok[0];
    }

    /** A row of the reduced LP: its own entries off the levels, then -W P (columns of the reduced LP). */
    private static int[] reducedVars(int row, int[] dStart, int[] dVar, int[][] redCols, int[] col) {
        int own = dStart[row + 1] - dStart[row];
        int[] rc = redCols[row];
        int[] v = Arrays.copyOf(Arrays.copyOfRange(dVar, dStart[row], dStart[row + 1]), own + (rc == null ? 0 : rc.length));
        for (int k = 0; rc != null && k < rc.length; k++) {
            v[own + k] = col[rc[k]];
        }
        return v;
    }

    private static double[] reducedValues(int row, int[] dStart, double[] dValue, double[][] redValues) {
        int own = dStart[row + 1] - dStart[row];
        double[] rv = redValues[row];
        double[] v = Arrays.copyOf(Arrays.copyOfRange(dValue, dStart[row], dStart[row + 1]), own + (rv == null ? 0 : rv.length));
        if (rv != null) {
            System.arraycopy(rv, 0, v, own, rv.length);
        }
        return v;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? Math.abs(v) : 0;
    }

    /** The square Leontief block of one year from its entries {p, t, value}; null when it is not one. */
    private static Block block(List<double[]> entries, int n) {
        int[] techOf = new int[n];
        int[] prodOf = new int[n];
        Arrays.fill(techOf, -1);
        Arrays.fill(prodOf, -1);
        double[] diag = new double[n];
        for (double[] e : entries) {
            if (e[2] > 0) {
                int p = (int) e[0];
                int t = (int) e[1];
                if (techOf[p] >= 0 || prodOf[t] >= 0) {
                    return null; // a joint product, or a product with two techniques
                }
                techOf[p] = t;
                prodOf[t] = p;
                diag[p] = e[2];
            }
        }
        for (int p = 0; p < n; p++) {
            if (techOf[p] < 0) {
                return null;
            }
        }
        int[] rowCount = new int[n + 1];
        int[] colCount = new int[n + 1];
        for (double[] e : entries) {
            if (e[2] < 0) {
                rowCount[(int) e[0] + 1]++;
                colCount[(int) e[1] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            rowCount[i + 1] += rowCount[i];
            colCount[i + 1] += colCount[i];
        }
        int nnz = rowCount[n];
        int[] rowTech = new int[nnz];
        double[] rowValue = new double[nnz];
        int[] colProd = new int[nnz];
        double[] colValue = new double[nnz];
        int[] rf = Arrays.copyOf(rowCount, n + 1);
        int[] cf = Arrays.copyOf(colCount, n + 1);
        // entries come sorted by technique, then product: rows filled in technique order, columns in product order
        for (double[] e : entries) {
            if (e[2] < 0) {
                int p = (int) e[0];
                int t = (int) e[1];
                rowTech[rf[p]] = t;
                rowValue[rf[p]++] = e[2];
                colProd[cf[t]] = p;
                colValue[cf[t]++] = e[2];
            }
        }
        return new Block(n, techOf, prodOf, diag, rowCount, rowTech, rowValue, colCount, colProd, colValue);
    }
}
