package org.gosplan.economy;

import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed sparse column form (CSC): the entries of column
 * {@code j} are at positions {@code columnStart[j] .. columnStart[j+1]-1} of {@code rowIndex}
 * and {@code value}, rows ascending and distinct. 12 bytes per nonzero.
 *
 * <p>In an {@link Economy} the columns are techniques. Kernels read the arrays directly through
 * {@link #columnStarts()}, {@link #rowIndexes()} and {@link #values()}: those return the
 * matrix's own arrays, not copies, and must never be written to.
 */
public final class SparseMatrix {
    private final int rows;
    private final int cols;
    private final int[] columnStart;
    private final int[] rowIndex;
    private final double[] value;

    private SparseMatrix(int rows, int cols, int[] columnStart, int[] rowIndex, double[] value) {
        this.rows = rows;
        this.cols = cols;
        this.columnStart = columnStart;
        this.rowIndex = rowIndex;
        this.value = value;
    }

    /**
     * Wraps CSC arrays, taking ownership of them. Checks the structure: starts non-decreasing,
     * rows in range, ascending and distinct within each column, values finite.
     */
    public static SparseMatrix wrap(int rows, int cols, int[] columnStart, int[] rowIndex, double[] value) {
        if (rows < 0 || cols < 0 || columnStart.length != cols + 1 || columnStart[0] != 0
                || rowIndex.length < columnStart[cols] || value.length < columnStart[cols]) {
            throw new IllegalArgumentException("inconsistent CSC arrays");
        }
        for (int j = 0; j < cols; j++) {
            int s = columnStart[j], e = columnStart[j + 1];
            if (e < s) {
                throw new IllegalArgumentException("column starts decrease at column " + j);
            }
            for (int k = s; k < e; k++) {
                int r = rowIndex[k];
                if (r < 0 || r >= rows || (k > s && rowIndex[k - 1] >= r)) {
                    throw new IllegalArgumentException("row indexes out of order in column " + j);
                }
                if (!Double.isFinite(value[k])) {
                    throw new IllegalArgumentException("non-finite value in column " + j);
                }
            }
        }
        int nnz = columnStart[cols];
        return new SparseMatrix(rows, cols, columnStart,
                rowIndex.length == nnz ? rowIndex : Arrays.copyOf(rowIndex, nnz),
                value.length == nnz ? value : Arrays.copyOf(value, nnz));
    }

    /** An all-zero matrix. */
    public static SparseMatrix zero(int rows, int cols) {
        return new SparseMatrix(rows, cols, new int[cols + 1], new int[0], new double[0]);
    }

    /** Builds a CSC matrix from a dense column-major-agnostic array {@code dense[row][col]}, dropping zeros. */
    public static SparseMatrix fromDense(double[][] dense, int rows, int cols) {
        int nnz = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (dense[i][j] != 0.0) {
                    nnz++;
                }
            }
        }
        int[] start = new int[cols + 1];
        int[] ri = new int[nnz];
        double[] v = new double[nnz];
        int k = 0;
        for (int j = 0; j < cols; j++) {
            start[j] = k;
            for (int i = 0; i < rows; i++) {
                double a = dense[i][j];
                if (a != 0.0) {
                    ri[k] = i;
                    v[k++] = a;
                }
            }
        }
        start[cols] = k;
        return wrap(rows, cols, start, ri, v);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int nonzeros() {
        return columnStart[cols];
    }

    /** Shared, not copied: do not modify. Length {@code cols + 1}. */
    public int[] columnStarts() {
        return columnStart;
    }

    /** Shared, not copied: do not modify. Length {@code nonzeros()}. */
    public int[] rowIndexes() {
        return rowIndex;
    }

    /** Shared, not copied: do not modify. Length {@code nonzeros()}. */
    public double[] values() {
        return value;
    }

    /** The entry at (row, col), zero when not stored. Binary search within the column. */
    public double get(int row, int col) {
        int k = Arrays.binarySearch(rowIndex, columnStart[col], columnStart[col + 1], row);
        return k >= 0 ? value[k] : 0.0;
    }

    /** Sum of column {@code j}. */
    public double columnSum(int j) {
        double s = 0;
        for (int k = columnStart[j]; k < columnStart[j + 1]; k++) {
            s += value[k];
        }
        return s;
    }

    /** The transpose, as a new CSC matrix (equivalently this matrix in CSR form). */
    public SparseMatrix transpose() {
        int nnz = nonzeros();
        int[] start = new int[rows + 1];
        for (int k = 0; k < nnz; k++) {
            start[rowIndex[k] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            start[i + 1] += start[i];
        }
        int[] next = Arrays.copyOf(start, rows);
        int[] ci = new int[nnz];
        double[] v = new double[nnz];
        for (int j = 0; j < cols; j++) {
            for (int k = columnStart[j]; k < columnStart[j + 1]; k++) {
                int p = next[rowIndex[k]]++;
                ci[p] = j;
                v[p] = value[k];
            }
        }
        return new SparseMatrix(cols, rows, start, ci, v);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SparseMatrix)) {
            return false;
        }
        SparseMatrix m = (SparseMatrix) o;
        int nnz = nonzeros();
        return rows == m.rows && cols == m.cols
                && Arrays.equals(columnStart, m.columnStart)
                && Arrays.equals(rowIndex, 0, nnz, m.rowIndex, 0, nnz)
                && Arrays.equals(value, 0, nnz, m.value, 0, nnz);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(columnStart) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "SparseMatrix[" + rows + "x" + cols + ", " + nonzeros() + " nonzeros]";
    }

    /**
     * Accumulates entries column by column or in any order, then sorts them into CSC. Adding the
     * same (row, col) twice is reported by {@link #build} through {@link DuplicateEntry}.
     */
    public static final class Builder {
        private final int rows;
        private final int cols;
        private int[] col = new int[16];
        private int[] row = new int[16];
        private double[] val = new double[16];
        private int size;

        public Builder(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
        }

        public Builder add(int r, int c, double v) {
            if (size == col.length) {
                int n = Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, size * 3L / 2));
                col = Arrays.copyOf(col, n);
                row = Arrays.copyOf(row, n);
                val = Arrays.copyOf(val, n);
            }
            col[size] = c;
            row[size] = r;
            val[size] = v;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        /** Sorts into CSC; on a repeated (row, col) calls {@code onDuplicate} and keeps the first. */
        public SparseMatrix build(DuplicateEntry onDuplicate) {
            int[] start = new int[cols + 1];
            for (int k = 0; k < size; k++) {
                start[col[k] + 1]++;
            }
            for (int j = 0; j < cols; j++) {
                start[j + 1] += start[j];
            }
            int[] next = Arrays.copyOf(start, cols);
            int[] ri = new int[size];
            double[] v = new double[size];
            int[] order = new int[size];
            for (int k = 0; k < size; k++) {
                int p = next[col[k]]++;
                ri[p] = row[k];
                v[p] = val[k];
                order[p] = k;
            }
            // Sort rows within each column (insertion sort: columns are short), then drop repeats.
            int w = 0;
            int[] outStart = new int[cols + 1];
            for (int j = 0; j < cols; j++) {
                int s = start[j], e = start[j + 1];
                for (int a = s + 1; a < e; a++) {
                    int r = ri[a];
                    double x = v[a];
                    int o = order[a];
                    int b = a - 1;
                    while (b >= s && (ri[b] > r || (ri[b] == r && order[b] > o))) {
                        ri[b + 1] = ri[b];
                        v[b + 1] = v[b];
                        order[b + 1] = order[b];
                        b--;
                    }
                    ri[b + 1] = r;
                    v[b + 1] = x;
                    order[b + 1] = o;
                }
                outStart[j] = w;
                for (int a = s; a < e; a++) {
                    if (a > s && ri[a] == ri[a - 1]) {
                        onDuplicate.found(ri[a], j, order[a]);
                        continue;
                    }
                    ri[w] = ri[a];
                    v[w] = v[a];
                    w++;
                }
            }
            outStart[cols] = w;
            return wrap(rows, cols, outStart, ri, v);
        }
    }

    /** Told of a repeated (row, col) while building; {@code addedAt} is the position in insertion order. */
    @FunctionalInterface
    public interface DuplicateEntry {
        void found(int row, int col, int addedAt);
    }
}
