package org.gosplan.planner.analysis;

import java.util.Arrays;
import org.gosplan.economy.IoTable;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.PlannerException;

/**
 * Aggregation of a table's sectors into groups (Miller and Blair 2009, section 4.3): the flows
 * between groups, the groups' final demand, factor inputs and output are the sums over their
 * sectors, {@code Z* = S Z S'}, {@code Y* = S Y}, {@code F* = F S'}, {@code x* = S x}, where
 * {@code S} is the 0/1 matrix putting each sector in its group. Every total of the table is kept.
 *
 * <p>Z is summed by a sparse accumulator, one group column at a time: memory is the nonzeros of
 * Z plus one array as long as the number of groups.
 */
public final class Aggregation {
    private Aggregation() {}

    /**
     * @param groupOf for each sector of {@code t}, the index of its group in {@code groups}
     * @param groups  the group ids, in the order of the aggregated table
     * @param name    the aggregated table's name
     * @throws PlannerException when a sector has no group or a group no sector
     */
    public static IoTable of(IoTable t, int[] groupOf, String[] groups, String name) {
        int n = t.sectors();
        int g = groups.length;
        if (groupOf.length != n) {
            throw new IllegalArgumentException(groupOf.length + " groups for " + n + " sectors");
        }
        int[] count = new int[g + 1];
        for (int j = 0; j < n; j++) {
            if (groupOf[j] < 0 || groupOf[j] >= g) {
                throw new PlannerException("sector '" + t.sector(j) + "' is in no group; map every sector");
            }
            count[groupOf[j] + 1]++;
        }
        for (int k = 0; k < g; k++) {
            if (count[k + 1] == 0) {
                throw new PlannerException("group '" + groups[k] + "' has no sector");
            }
            count[k + 1] += count[k];
        }
        int[] members = new int[n]; // sectors ordered by group
        int[] next = Arrays.copyOf(count, g);
        for (int j = 0; j < n; j++) {
            members[next[groupOf[j]]++] = j;
        }

        SparseMatrix z = t.flows();
        int[] start = z.columnStarts();
        int[] rows = z.rowIndexes();
        double[] val = z.values();
        double[] acc = new double[g];
        int[] touched = new int[g];
        boolean[] isTouched = new boolean[g];
        int[] ns = new int[g + 1];
        int[] ri = new int[Math.max(16, Math.min(z.nonzeros(), 1 << 20))];
        double[] zv = new double[ri.length];
        int w = 0;
        for (int c = 0; c < g; c++) {
            ns[c] = w;
            int nt = 0;
            for (int m = count[c]; m < count[c + 1]; m++) {
                int j = members[m];
                for (int k = start[j]; k < start[j + 1]; k++) {
                    int r = groupOf[rows[k]];
                    if (!isTouched[r]) {
                        isTouched[r] = true;
                        touched[nt++] = r;
                    }
                    acc[r] += val[k];
                }
            }
            Arrays.sort(touched, 0, nt);
            if (w + nt > ri.length) {
                int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) w + nt, ri.length * 3L / 2));
                ri = Arrays.copyOf(ri, cap);
                zv = Arrays.copyOf(zv, cap);
            }
            for (int q = 0; q < nt; q++) {
                int r = touched[q];
                ri[w] = r;
                zv[w++] = acc[r];
                acc[r] = 0;
                isTouched[r] = false;
            }
        }
        ns[g] = w;
        SparseMatrix zg = SparseMatrix.wrap(g, g, ns, Arrays.copyOf(ri, w), Arrays.copyOf(zv, w));

        double[][] y = new double[t.categories()][g];
        for (int c = 0; c < t.categories(); c++) {
            for (int i = 0; i < n; i++) {
                y[c][groupOf[i]] += t.finalDemand(c, i);
            }
        }
        double[][] f = new double[t.factors()][g];
        for (int r = 0; r < t.factors(); r++) {
            for (int j = 0; j < n; j++) {
                f[r][groupOf[j]] += t.factorInput(r, j);
            }
        }
        double[] x = new double[g];
        for (int i = 0; i < n; i++) {
            x[groupOf[i]] += t.output(i);
        }
        String[] categories = new String[t.categories()];
        for (int c = 0; c < categories.length; c++) {
            categories[c] = t.category(c);
        }
        String[] factors = new String[t.factors()];
        for (int r = 0; r < factors.length; r++) {
            factors[r] = t.factor(r);
        }
        return new IoTable(name, t.unit(), groups, zg, categories, y, x, factors, f, t.factorUnits());
    }
}
