package org.gosplan.planner.extended;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 */
final class LeontiefYears {
    private LeontiefYears() {}

    static final String METHOD = "glop+leontief";
    private static final int MAX_SWEEPS = 2_000;

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
        long t0 = System.nanoTime();
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
        // W = U B⁻¹ for each row with levels, one solve per distinct (block, row)
        List<Integer> uRows = new ArrayList<>(uByRow.keySet());
        uRows.sort(null);
        double[][] w = new double[nr][];
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int row : uRows) {
            List<double[]> u = uByRow.get(row);
            StringBuilder key = new StringBuilder().append(System.identityHashCode(block[uYear[row]])).append(':');
            for (double[] e : u) {
                key.append((int) e[0]).append('=').append(Double.doubleToLongBits(e[1])).append(',');
            }
            byKey.computeIfAbsent(key.toString(), s -> new ArrayList<>()).add(row);
        }
        List<List<Integer>> groups = new ArrayList<>(byKey.values());
        boolean[] failed = new boolean[1];
        groups.parallelStream().forEach(rows -> {
            int row = rows.get(0);
            double[] u = new double[n];
            for (double[] e : uByRow.get(row)) {
                u[(int) e[0]] += e[1];
            }
            double[] wr = block[uYear[row]].solveTransposed(u);
            if (wr == null) {
                failed[0] = true;
                return;
            }
            for (int r : rows) {
                w[r] = wr;
            }
        });
        if (failed[0]) {
            return null;
        }
        // the reduced LP over the columns that are not levels, and every row that is not a product row
        Lp reduced = new Lp();
        int[] col = new int[nv];
        Arrays.fill(col, -1);
        int[] var = new int[nv];
        int kept = 0;
        for (int v = 0; v < nv; v++) {
            if (levelYear[v] < 0) {
                col[v] = reduced.addVar(a.lower()[v], a.upper()[v], a.cost()[v]);
                var[kept++] = v;
            }
        }
        int[] rowOf = new int[nr];
        Arrays.fill(rowOf, -1);
        int[] origRow = new int[nr];
        int rowsKept = 0;
        for (int i = 0; i < nr; i++) {
            if (productYear[i] < 0) {
                rowOf[i] = reduced.addRow(a.rowLower()[i], a.rowUpper()[i]);
                origRow[rowsKept++] = i;
            }
        }
        for (int k = 0; k < entries; k++) {
            int row = a.entryRow()[k];
            int v = a.entryVar()[k];
            if (levelYear[v] < 0 && productYear[row] < 0) {
                reduced.add(rowOf[row], col[v], a.entryValue()[k]);
            }
        }
        // U z = -W P x: row i gains -Σ_p W_i[p] P[p, j] on column j (P of the year of row i)
        List<List<Integer>> productRowsOfYear = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            List<Integer> rows = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                rows.add(m.productRow[y][0][p]);
            }
            productRowsOfYear.add(rows);
        }
        for (int row : uRows) {
            double[] wr = w[row];
            Map<Integer, Double> sum = new java.util.TreeMap<>();
            for (int prow : productRowsOfYear.get(uYear[row])) {
                double wp = wr[productOf[prow]];
                List<double[]> pe = pByRow.get(prow);
                if (wp == 0 || pe == null) {
                    continue;
                }
                for (double[] e : pe) {
                    sum.merge((int) e[0], -wp * e[1], Double::sum);
                }
            }
            for (Map.Entry<Integer, Double> e : sum.entrySet()) {
                reduced.add(rowOf[row], col[e.getKey()], e.getValue());
            }
        }
        Lp.Solution r = reduced.solve(false, tolerance, timeLimitSeconds);
        if (r.status() != Lp.Status.OPTIMAL || r.x() == null) {
            return null; // infeasible, unbounded or unproven: the whole LP says so in its own terms
        }
        // back to the whole LP: the other columns as solved, the levels from B z = -P x
        double[] x = new double[nv];
        double[] y = new double[nr];
        for (int j = 0; j < kept; j++) {
            x[var[j]] = r.x()[j];
        }
        for (int i = 0; i < rowsKept; i++) {
            y[origRow[i]] = r.dual()[i];
        }
        for (int yr = 0; yr < years; yr++) {
            double[] rhs = new double[n];
            double[] u = new double[n];
            for (int prow : productRowsOfYear.get(yr)) {
                List<double[]> pe = pByRow.get(prow);
                if (pe != null) {
                    for (double[] e : pe) {
                        rhs[productOf[prow]] -= e[1] * x[(int) e[0]];
                    }
                }
            }
            for (int row : uRows) {
                if (uYear[row] == yr && y[row] != 0) {
                    for (double[] e : uByRow.get(row)) {
                        u[(int) e[0]] += y[row] * e[1];
                    }
                }
            }
            double[] z = block[yr].solve(rhs);
            double[] wp = block[yr].solveTransposed(u);
            if (z == null || wp == null) {
                return null;
            }
            for (int t = 0; t < n; t++) {
                x[m.level[yr][t]] = Math.max(0, z[t]);
            }
            for (int p = 0; p < n; p++) {
                y[m.productRow[yr][0][p]] = -wp[p];
            }
        }
        Lp.Solution s = lp.certify(x, y, METHOD, (System.nanoTime() - t0) / 1e9, tolerance);
        return s.status() == Lp.Status.OPTIMAL ? s : null;
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
