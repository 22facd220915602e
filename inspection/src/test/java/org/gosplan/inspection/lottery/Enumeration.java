package org.gosplan.inspection.lottery;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference the lottery is held to: every panel of the pool written out, person by person
 * (no types, no column generation, no duals), and the leximin found by asking, after each
 * maximin stage, whether each person left could get more than the stage's value while nobody
 * else gets less.
 */
final class Enumeration {
    private Enumeration() {}

    /** Every panel of {@code k} that meets the quotas, as pool indexes. */
    static List<int[]> panels(Pool pool, int k, List<Quota> quotas) {
        List<int[]> out = new ArrayList<>();
        int n = pool.size();
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) != k) {
                continue;
            }
            boolean ok = true;
            for (Quota q : quotas) {
                int c = 0;
                for (int i = 0; i < n; i++) {
                    String v = pool.members().get(i).attributes().get(q.attribute());
                    if ((mask >> i & 1) == 1 && q.value().equals(v)) {
                        c++;
                    }
                }
                ok &= c >= q.min() && c <= q.max();
            }
            if (ok) {
                int[] p = new int[k];
                int s = 0;
                for (int i = 0; i < n; i++) {
                    if ((mask >> i & 1) == 1) {
                        p[s++] = i;
                    }
                }
                out.add(p);
            }
        }
        return out;
    }

    /** The leximin selection probabilities over {@code panels} of a pool of {@code n}. */
    static double[] leximin(int n, List<int[]> panels) {
        Solvers.load();
        boolean[] fixed = new boolean[n];
        double[] value = new double[n];
        int open = n;
        while (open > 0) {
            double z = solve(n, panels, fixed, value, -1, 0);
            int before = open;
            for (int i = 0; i < n; i++) {
                if (!fixed[i] && solve(n, panels, fixed, value, i, z) <= z + 1e-7) {
                    fixed[i] = true;
                    value[i] = z;
                    open--;
                }
            }
            if (open == before) {
                throw new IllegalStateException("no one fixed at " + z);
            }
        }
        return value;
    }

    /**
     * With {@code target < 0}: the largest {@code z} with every free person at least z and every
     * fixed one at least its value. Otherwise the largest probability of {@code target} with every
     * free person at least {@code z}.
     */
    private static double solve(int n, List<int[]> panels, boolean[] fixed, double[] value, int target, double z) {
        MPSolver lp = MPSolver.createSolver("GLOP");
        MPVariable[] l = new MPVariable[panels.size()];
        MPConstraint one = lp.makeConstraint(1, 1);
        for (int p = 0; p < l.length; p++) {
            l[p] = lp.makeNumVar(0, 1, "l" + p);
            one.setCoefficient(l[p], 1);
        }
        MPVariable zv = lp.makeNumVar(target < 0 ? 0 : z - 1e-9, target < 0 ? 1 : z - 1e-9, "z");
        MPConstraint[] row = new MPConstraint[n];
        for (int i = 0; i < n; i++) {
            row[i] = lp.makeConstraint(fixed[i] ? value[i] - 1e-9 : 0, Double.POSITIVE_INFINITY);
            if (!fixed[i]) {
                row[i].setCoefficient(zv, -1);
            }
        }
        for (int p = 0; p < l.length; p++) {
            for (int i : panels.get(p)) {
                row[i].setCoefficient(l[p], 1);
            }
        }
        if (target < 0) {
            lp.objective().setCoefficient(zv, 1);
        } else {
            for (int p = 0; p < l.length; p++) {
                for (int i : panels.get(p)) {
                    if (i == target) {
                        lp.objective().setCoefficient(l[p], 1);
                    }
                }
            }
        }
        lp.objective().setMaximization();
        MPSolver.ResultStatus s = lp.solve();
        if (s != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("reference LP " + s);
        }
        double v = lp.objective().value();
        lp.delete();
        return v;
    }
}
