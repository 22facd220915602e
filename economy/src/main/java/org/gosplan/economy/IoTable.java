package org.gosplan.economy;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A symmetric input-output table of national accounts (formats.md section 3), in the naming of
 * Miller and Blair: intermediate flows {@code Z} (n x n, row = supplier, column = user), final
 * demand {@code Y} (n x k categories), total output {@code x}, factor inputs {@code F} (m x n).
 * Immutable.
 *
 * <p>Derived quantities: {@code A = Z diag(x)^-1} ({@link #coefficients()}), {@code S = F
 * diag(x)^-1} ({@link #factorIntensities()}). A sector with {@code x = 0} gets zero columns in A
 * and S; it is never divided by.
 */
public final class IoTable {
    /** The value of the {@code format} field of {@code table.json}. */
    public static final String FORMAT = "gosplan/io-table@1";

    private final String name;
    private final String unit;
    private final String[] sectors;
    private final IdIndex sectorIndex;
    private final SparseMatrix z;
    private final String[] categories;
    private final double[][] y; // [category][sector]
    private final double[] x;
    private final boolean outputGiven;
    private final String[] factors;
    private final double[][] f; // [factor][sector]
    private final Map<String, String> factorUnits;
    private final String[] labels; // readable sector names (sectors.csv), null entries where none

    /**
     * @param z        n x n intermediate flows
     * @param y        final demand by category: {@code y[c][i]}
     * @param x        total output, or null to derive it as row sums of Z plus row sums of Y
     * @param f        factor inputs {@code f[factor][sector]}
     */
    public IoTable(String name, String unit, String[] sectors, SparseMatrix z, String[] categories, double[][] y,
                   double[] x, String[] factors, double[][] f, Map<String, String> factorUnits) {
        int n = sectors.length;
        if (z.rows() != n || z.cols() != n) {
            throw new IllegalArgumentException("Z is " + z.rows() + "x" + z.cols() + " for " + n + " sectors");
        }
        if (y.length != categories.length || f.length != factors.length) {
            throw new IllegalArgumentException("category or factor count mismatch");
        }
        for (double[] row : y) {
            if (row.length != n) {
                throw new IllegalArgumentException("Y row length mismatch");
            }
        }
        for (double[] row : f) {
            if (row.length != n) {
                throw new IllegalArgumentException("F row length mismatch");
            }
        }
        this.name = name == null ? "" : name;
        this.unit = unit;
        this.sectors = sectors.clone();
        this.sectorIndex = IdIndex.of(sectors);
        this.z = z;
        this.categories = categories.clone();
        this.y = deepCopy(y);
        this.outputGiven = x != null;
        this.x = x != null ? x.clone() : derivedOutput(z, this.y, n);
        this.factors = factors.clone();
        this.f = deepCopy(f);
        this.factorUnits = Collections.unmodifiableMap(new LinkedHashMap<>(factorUnits == null ? Map.of() : factorUnits));
        this.labels = new String[n];
    }

    private IoTable(IoTable t, String[] labels) {
        this.name = t.name;
        this.unit = t.unit;
        this.sectors = t.sectors;
        this.sectorIndex = t.sectorIndex;
        this.z = t.z;
        this.categories = t.categories;
        this.y = t.y;
        this.outputGiven = t.outputGiven;
        this.x = t.x;
        this.factors = t.factors;
        this.f = t.f;
        this.factorUnits = t.factorUnits;
        this.labels = labels;
    }

    /** The same table with readable sector names ({@code labels[i]} null or empty: none). */
    public IoTable withLabels(String[] labels) {
        if (labels.length != sectors.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + sectors.length + " sectors");
        }
        String[] l = labels.clone();
        for (int i = 0; i < l.length; i++) {
            if (l[i] != null && l[i].isEmpty()) {
                l[i] = null;
            }
        }
        return new IoTable(this, l);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[] derivedOutput(SparseMatrix z, double[][] y, int n) {
        double[] out = new double[n];
        int[] rows = z.rowIndexes();
        double[] v = z.values();
        for (int k = 0; k < z.nonzeros(); k++) {
            out[rows[k]] += v[k];
        }
        for (double[] cat : y) {
            for (int i = 0; i < n; i++) {
                out[i] += cat[i];
            }
        }
        return out;
    }

    public String name() {
        return name;
    }

    /** The monetary (or physical) unit of Z, Y and x; may be null. */
    public String unit() {
        return unit;
    }

    public int sectors() {
        return sectors.length;
    }

    public String sector(int i) {
        return sectors[i];
    }

    /** The sector's readable name (from sectors.csv), or null when not given. */
    public String label(int i) {
        return labels[i];
    }

    public int sectorIndex(String id) {
        return sectorIndex.indexOf(id);
    }

    /** Intermediate flows Z, n x n. */
    public SparseMatrix flows() {
        return z;
    }

    public int categories() {
        return categories.length;
    }

    public String category(int c) {
        return categories[c];
    }

    /** Final demand of category {@code c} for sector {@code i}. */
    public double finalDemand(int c, int i) {
        return y[c][i];
    }

    /** Row sums of Y: the total final demand for each sector. */
    public double[] finalDemand() {
        double[] out = new double[sectors.length];
        for (double[] cat : y) {
            for (int i = 0; i < out.length; i++) {
                out[i] += cat[i];
            }
        }
        return out;
    }

    /** Total output x (a copy): as given in x.csv, else row sums of Z plus row sums of Y. */
    public double[] output() {
        return x.clone();
    }

    public double output(int i) {
        return x[i];
    }

    /** Whether x came from x.csv rather than being derived. */
    public boolean outputGiven() {
        return outputGiven;
    }

    public int factors() {
        return factors.length;
    }

    public String factor(int r) {
        return factors[r];
    }

    public int factorIndex(String id) {
        for (int r = 0; r < factors.length; r++) {
            if (factors[r].equals(id)) {
                return r;
            }
        }
        return -1;
    }

    /** Factor input of factor {@code r} into sector {@code i}. */
    public double factorInput(int r, int i) {
        return f[r][i];
    }

    /** The unit of a factor, from table.json, falling back to the table's unit. */
    public String factorUnit(String factor) {
        return factorUnits.getOrDefault(factor, unit);
    }

    public Map<String, String> factorUnits() {
        return factorUnits;
    }

    /** Sectors with zero total output: their columns of A and S are zero. */
    public int[] zeroOutputSectors() {
        int[] out = new int[sectors.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0.0) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** The technical coefficients {@code A = Z diag(x)^-1}, zero columns where {@code x = 0}. */
    public SparseMatrix coefficients() {
        int n = sectors.length;
        int[] start = z.columnStarts();
        int[] rows = z.rowIndexes();
        double[] v = z.values();
        int[] ns = new int[n + 1];
        int nnz = 0;
        for (int j = 0; j < n; j++) {
            ns[j] = nnz;
            if (x[j] != 0.0) {
                for (int k = start[j]; k < start[j + 1]; k++) {
                    if (v[k] != 0.0) {
                        nnz++;
                    }
                }
            }
        }
        ns[n] = nnz;
        int[] ri = new int[nnz];
        double[] a = new double[nnz];
        int w = 0;
        for (int j = 0; j < n; j++) {
            if (x[j] == 0.0) {
                continue;
            }
            double xj = x[j];
            for (int k = start[j]; k < start[j + 1]; k++) {
                if (v[k] != 0.0) {
                    ri[w] = rows[k];
                    a[w++] = v[k] / xj;
                }
            }
        }
        return SparseMatrix.wrap(n, n, ns, ri, a);
    }

    /** Factor intensities {@code S = F diag(x)^-1}: {@code s[factor][sector]}, zero where {@code x = 0}. */
    public double[][] factorIntensities() {
        double[][] s = new double[factors.length][sectors.length];
        for (int r = 0; r < factors.length; r++) {
            for (int i = 0; i < sectors.length; i++) {
                s[r][i] = x[i] == 0.0 ? 0.0 : f[r][i] / x[i];
            }
        }
        return s;
    }
}
