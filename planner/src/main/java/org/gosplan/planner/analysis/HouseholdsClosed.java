package org.gosplan.planner.analysis;

import java.util.Arrays;
import org.gosplan.economy.IoTable;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.PlannerException;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.Multipliers;

/**
 * Type II multipliers: the table with households closed into it (Miller and Blair 2009,
 * sections 2.5 and 6.2). Households become sector n+1: their row is the household income each
 * sector pays per unit of output (a factor row of F, such as compensation, over x), their column
 * what households buy per unit of income (a final-demand column of Y, such as household
 * consumption, over total household income). The closed inverse {@code L̄ = (I - Ā)^-1} then
 * counts the spending of the income that production pays out (the induced effect) besides the
 * direct and indirect effects of Type I.
 *
 * <p>Type I and Type II totals both come from one multi-right-hand-side transposed solve each
 * ({@link Multipliers#compute}); neither inverse is formed.
 */
public final class HouseholdsClosed {
    /** The id of the households sector in the closed system. */
    public static final String HOUSEHOLDS = "households";

    private HouseholdsClosed() {}

    /**
     * Closes a table with the factor row {@code incomeRow} of F and the final-demand column
     * {@code consumptionColumn} of Y. {@code income} is total household income, the divisor of
     * the consumption column; NaN takes the row's total (household income earned in production).
     *
     * @throws PlannerException naming the row or column when the table has none by that name
     */
    public static TypeII of(IoTable t, String incomeRow, String consumptionColumn, double income,
                            LeontiefOptions options) {
        int f = t.factorIndex(incomeRow);
        if (f < 0) {
            throw new PlannerException("no factor row '" + incomeRow + "' in F.csv (it has " + list(t, true)
                    + "); name the row of household income, such as compensation");
        }
        int c = -1;
        for (int k = 0; k < t.categories(); k++) {
            if (t.category(k).equals(consumptionColumn)) {
                c = k;
            }
        }
        if (c < 0) {
            throw new PlannerException("no final-demand column '" + consumptionColumn + "' in Y.csv (it has "
                    + list(t, false) + "); name the column of household consumption");
        }
        int n = t.sectors();
        double total = 0;
        for (int j = 0; j < n; j++) {
            total += t.factorInput(f, j);
        }
        double divisor = Double.isNaN(income) ? total : income;
        if (!(divisor > 0) || !Double.isFinite(divisor)) {
            throw new PlannerException("household income " + divisor + " (the total of row '" + incomeRow
                    + "' unless given) must be a positive number to divide household consumption by");
        }
        double[] row = new double[n];
        double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            row[j] = t.output(j) == 0.0 ? 0.0 : t.factorInput(f, j) / t.output(j);
            column[j] = t.finalDemand(c, j) / divisor;
        }
        return of(t, row, column, 0.0, f, options);
    }

    /**
     * Closes a table with given household coefficients: {@code row[j]} income per unit of output of
     * sector j, {@code column[i]} purchases from sector i per unit of income, {@code self}
     * households' purchases from households per unit of income. Type I and II effects are given for
     * every factor of F; {@code incomeFactor} (or -1) is the factor whose row is the household
     * row, whose Type II effect is then row n+1 of L̄ as Miller and Blair define it.
     */
    public static TypeII of(IoTable t, double[] row, double[] column, double self, int incomeFactor,
                            LeontiefOptions options) {
        int n = t.sectors();
        SparseMatrix a = t.coefficients();
        int[] start = a.columnStarts();
        int[] rows = a.rowIndexes();
        double[] val = a.values();
        int cap = a.nonzeros() + 2 * n + 1;
        int[] ns = new int[n + 2];
        int[] ri = new int[cap];
        double[] av = new double[cap];
        int w = 0;
        for (int j = 0; j < n; j++) {
            ns[j] = w;
            for (int k = start[j]; k < start[j + 1]; k++) {
                ri[w] = rows[k];
                av[w++] = val[k];
            }
            if (row[j] != 0.0) {
                ri[w] = n;
                av[w++] = row[j];
            }
        }
        ns[n] = w;
        for (int i = 0; i < n; i++) {
            if (column[i] != 0.0) {
                ri[w] = i;
                av[w++] = column[i];
            }
        }
        if (self != 0.0) {
            ri[w] = n;
            av[w++] = self;
        }
        ns[n + 1] = w;
        String[] ids = Arrays.copyOf(TableVectors.sectorIds(t), n + 1);
        ids[n] = HOUSEHOLDS;
        Leontief closed = Leontief.ofCoefficients(SparseMatrix.wrap(n + 1, n + 1, ns, Arrays.copyOf(ri, w),
                Arrays.copyOf(av, w)), ids);

        int m = t.factors();
        double[][] s = t.factorIntensities();
        String[] names = new String[m + 1];
        double[][] padded = new double[m + 1][];
        for (int f = 0; f < m; f++) {
            names[f] = t.factor(f);
            padded[f] = Arrays.copyOf(s[f], n + 1);
        }
        names[m] = HOUSEHOLDS;
        padded[m] = new double[n + 1];
        padded[m][n] = 1.0;
        double[][] openDirect = Arrays.copyOf(s, m + 1);
        openDirect[m] = row;
        Multipliers open = Multipliers.compute(Leontief.of(t), names, openDirect, options);
        Multipliers induced = Multipliers.compute(closed, names, padded, options);

        double[] householdRow = Arrays.copyOf(induced.total(m), n);
        double[] outputII = new double[n];
        double[][] typeI = new double[m][];
        double[][] typeII = new double[m][];
        for (int j = 0; j < n; j++) {
            outputII[j] = induced.output()[j] - householdRow[j];
        }
        for (int f = 0; f < m; f++) {
            typeI[f] = open.total(f);
            typeII[f] = f == incomeFactor ? householdRow.clone() : Arrays.copyOf(induced.total(f), n);
        }
        String[] factors = Arrays.copyOf(names, m);
        return new TypeII(TableVectors.sectorIds(t), factors, s, typeI, typeII, open.output(), outputII,
                open.total(m), householdRow, row.clone(), Math.max(open.residual(), induced.residual()));
    }

    private static String list(IoTable t, boolean factors) {
        int k = factors ? t.factors() : t.categories();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < k; i++) {
            b.append(i == 0 ? "" : ", ").append('\'').append(factors ? t.factor(i) : t.category(i)).append('\'');
        }
        return k == 0 ? "none" : b.toString();
    }

    /**
     * Type I and Type II multipliers and effects.
     *
     * @param sectors        sector ids
     * @param factors        factor ids (rows of F)
     * @param direct         direct intensity of each factor per unit of output, {@code [factor][sector]}
     * @param typeIEffects   direct plus indirect use per unit of final demand (row of S L)
     * @param typeIIEffects  direct, indirect and induced use per unit of final demand (row of S̄ L̄)
     * @param outputTypeI    column sums of L
     * @param outputTypeII   column sums of L̄ over the n sectors (households' row left out)
     * @param incomeTypeIEffects household income per unit of final demand, direct and indirect: {@code a_{n+1} L}
     * @param householdIncome row n+1 of L̄: household income per unit of final demand, induced effect included
     * @param householdRow   the household row: income per unit of output
     * @param residual       the worst relative residual of the solves
     */
    public record TypeII(String[] sectors, String[] factors, double[][] direct, double[][] typeIEffects,
                         double[][] typeIIEffects, double[] outputTypeI, double[] outputTypeII,
                         double[] incomeTypeIEffects, double[] householdIncome, double[] householdRow, double residual) {

        /** The Type I income multiplier of sector j: Type I income effect over direct income; NaN where none is paid. */
        public double incomeTypeI(int j) {
            return householdRow[j] == 0.0 ? Double.NaN : incomeTypeIEffects[j] / householdRow[j];
        }

        /** Type II income multiplier of sector j, {@code l̄_{n+1,j} / a_{n+1,j}}; NaN where no income is paid. */
        public double incomeTypeII(int j) {
            return householdRow[j] == 0.0 ? Double.NaN : householdIncome[j] / householdRow[j];
        }

        /** Type I multiplier of factor f for sector j (effect over direct); NaN where the direct intensity is 0. */
        public double typeI(int f, int j) {
            return direct[f][j] == 0.0 ? Double.NaN : typeIEffects[f][j] / direct[f][j];
        }

        /** Type II multiplier of factor f for sector j; NaN where the direct intensity is 0. */
        public double typeII(int f, int j) {
            return direct[f][j] == 0.0 ? Double.NaN : typeIIEffects[f][j] / direct[f][j];
        }
    }
}
