package org.gosplan.planner.lp;

import java.util.Arrays;
import java.util.function.Supplier;
import org.gosplan.economy.Economy;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlannerException;

/**
 * Kantorovich's problem for one economy and objective, in the arrays every method shares.
 *
 * <p>Net technology {@code N = outputs - productInputs} (products x techniques, CSC, one column
 * per technique), resource use {@code R} (resources x techniques), demand {@code d} (the
 * targets, zero where untargeted), availabilities {@code a} (NaN: unlimited) and capacities.
 *
 * <pre>
 * fulfil:        max λ        s.t. N z - λ d >= 0,  R_r z <= a_r (limited r),  0 <= z <= cap,  λ >= 0
 * min-resource:  min R_r0 z   s.t. N z >= d,        R_r z <= a_r (limited r),  0 <= z <= cap
 * </pre>
 *
 * The min-resource form also takes any cost vector {@code c >= 0} in place of {@code R_r0}
 * ({@link #withCost}, {@code costResource} -1): {@code min c z} over the same constraints, the LP of
 * {@link LeastUse}'s stages, which every method solves as it solves min-resource.
 *
 * Duals: product valuations {@code v >= 0}, resource prices {@code w >= 0} (limited resources),
 * capacity prices {@code μ >= 0}. The "profit" of technique t at prices (v, w) is
 * {@code (N^T v)_t - (R^T w)_t - c_t}, with {@code c = R_r0} (or the cost vector) for min-resource
 * and 0 for fulfil: dual feasibility is {@code profit_t <= μ_t}.
 */
public final class LpModel {
    public final Economy economy;
    final PlanObjective objective;
    /** The minimised resource (min-resource), else -1 (also for a cost vector of {@link #withCost}). */
    public final int costResource;
    public final int np;
    public final int nt;
    public final int nr;
    public final int[] nStart;
    public final int[] nRow;
    public final double[] nVal;
    public final int[] rStart;
    public final int[] rRow;
    public final double[] rVal;
    public final double[] demand;
    public final double[] available;
    public final double[] capacity;
    /** Cost per unit level (min-resource: use of the minimised resource, or the cost vector given), else null. */
    public final double[] cost;
    /** Limited resources in index order. */
    public final int[] limited;
    /** Products with a target, in index order. */
    public final int[] targeted;
    /** Outputs O and product inputs I in this model's units (the economy's, or {@link Scaling}'s, made when asked). */
    private final Supplier<SparseMatrix> outputs;
    private final Supplier<SparseMatrix> inputs;

    LpModel(Economy e, PlanObjective objective, int costResource) {
        this.economy = e;
        this.objective = objective;
        this.costResource = costResource;
        np = e.products();
        nt = e.techniques();
        nr = e.resources();
        SparseMatrix o = e.outputs();
        SparseMatrix in = e.productInputs();
        int[] os = o.columnStarts(), or = o.rowIndexes();
        double[] ov = o.values();
        int[] is = in.columnStarts(), ir = in.rowIndexes();
        double[] iv = in.values();
        // merge the two sorted columns: N = O - I
        int[] start = new int[nt + 1];
        long nnz = 0;
        for (int t = 0; t < nt; t++) {
            int a = os[t], ae = os[t + 1], b = is[t], be = is[t + 1];
            while (a < ae || b < be) {
                if (b >= be || (a < ae && or[a] < ir[b])) {
                    a++;
                } else if (a >= ae || ir[b] < or[a]) {
                    b++;
                } else {
                    a++;
                    b++;
                }
                nnz++;
            }
            if (nnz > Integer.MAX_VALUE - 16) {
                throw new PlannerException("the economy has more than 2^31 coefficients; split it");
            }
            start[t + 1] = (int) nnz;
        }
        int[] row = new int[(int) nnz];
        double[] val = new double[(int) nnz];
        int k = 0;
        for (int t = 0; t < nt; t++) {
            int a = os[t], ae = os[t + 1], b = is[t], be = is[t + 1];
            while (a < ae || b < be) {
                if (b >= be || (a < ae && or[a] < ir[b])) {
                    row[k] = or[a];
                    val[k++] = ov[a++];
                } else if (a >= ae || ir[b] < or[a]) {
                    row[k] = ir[b];
                    val[k++] = -iv[b++];
                } else {
                    row[k] = or[a];
                    val[k++] = ov[a++] - iv[b++];
                }
            }
        }
        nStart = start;
        nRow = row;
        nVal = val;
        SparseMatrix r = e.resourceInputs();
        rStart = r.columnStarts();
        rRow = r.rowIndexes();
        rVal = r.values();
        double[] avail = new double[nr];
        for (int i = 0; i < nr; i++) {
            avail[i] = e.available(i);
        }
        double[] cap = new double[nt];
        for (int t = 0; t < nt; t++) {
            cap[t] = e.capacity(t);
        }
        demand = e.finalDemand();
        available = avail;
        capacity = cap;
        cost = costOf(costResource);
        limited = limitedOf(available);
        targeted = targetedOf(demand);
        outputs = e::outputs;
        inputs = e::productInputs;
    }

    /**
     * The same problem in other units ({@link Scaling}): the technology's values, demand, availabilities,
     * capacities, outputs and inputs given in those units, and the cost vector of a {@link #withCost}
     * model in them (null otherwise: a minimised resource's cost is its row of the scaled values); the
     * structure is shared.
     */
    LpModel(LpModel m, double[] nVal, double[] rVal, double[] cost, double[] demand, double[] available,
            double[] capacity, Supplier<SparseMatrix> outputs, Supplier<SparseMatrix> inputs) {
        this(m, m.objective, m.costResource, cost, nVal, rVal, demand, available, capacity, outputs, inputs);
    }

    /** The same technology with another objective, cost vector, demand, availabilities or capacities. */
    private LpModel(LpModel m, PlanObjective objective, int costResource, double[] cost, double[] demand,
                    double[] available, double[] capacity) {
        this(m, objective, costResource, cost, m.nVal, m.rVal, demand, available, capacity, m.outputs, m.inputs);
    }

    private LpModel(LpModel m, PlanObjective objective, int costResource, double[] cost, double[] nVal,
                    double[] rVal, double[] demand, double[] available, double[] capacity,
                    Supplier<SparseMatrix> outputs, Supplier<SparseMatrix> inputs) {
        this.economy = m.economy;
        this.objective = objective;
        this.costResource = costResource;
        np = m.np;
        nt = m.nt;
        nr = m.nr;
        nStart = m.nStart;
        nRow = m.nRow;
        this.nVal = nVal;
        rStart = m.rStart;
        rRow = m.rRow;
        this.rVal = rVal;
        this.demand = demand;
        this.available = available;
        this.capacity = capacity;
        this.cost = cost != null ? cost
                : costResource == m.costResource && rVal == m.rVal ? m.cost : costOf(costResource);
        this.limited = limitedOf(available);
        this.targeted = targetedOf(demand);
        this.outputs = outputs;
        this.inputs = inputs;
    }

    public LpModel with(PlanObjective newObjective, int newCostResource, double[] newDemand, double[] newAvailable,
                 double[] newCapacity) {
        return new LpModel(this, newObjective, newCostResource, null, newDemand, newAvailable, newCapacity);
    }

    /**
     * The same technology as a min-cost problem: minimise {@code cost · z} subject to {@code N z >= demand},
     * the resources within {@code available} (NaN: unlimited) and the capacities.
     */
    LpModel withCost(double[] newCost, double[] newDemand, double[] newAvailable) {
        return new LpModel(this, PlanObjective.MIN_RESOURCE, -1, newCost, newDemand, newAvailable, capacity);
    }

    /** Whether the objective is a cost vector of {@link #withCost} rather than fulfil or one resource. */
    public boolean generalCost() {
        return !fulfil() && costResource < 0;
    }

    private double[] costOf(int r0) {
        if (r0 < 0) {
            return null;
        }
        double[] c = new double[nt];
        for (int t = 0; t < nt; t++) {
            for (int q = rStart[t]; q < rStart[t + 1]; q++) {
                if (rRow[q] == r0) {
                    c[t] = rVal[q];
                }
            }
        }
        return c;
    }

    private static int[] limitedOf(double[] available) {
        int nl = 0;
        for (double a : available) {
            if (!Double.isNaN(a)) {
                nl++;
            }
        }
        int[] out = new int[nl];
        nl = 0;
        for (int i = 0; i < available.length; i++) {
            if (!Double.isNaN(available[i])) {
                out[nl++] = i;
            }
        }
        return out;
    }

    private static int[] targetedOf(double[] demand) {
        int n = 0;
        for (double d : demand) {
            if (d > 0) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int p = 0; p < demand.length; p++) {
            if (demand[p] > 0) {
                out[n++] = p;
            }
        }
        return out;
    }

    /** Products made per unit level (products x techniques), in this model's units. */
    SparseMatrix outputs() {
        return outputs.get();
    }

    /** Products used per unit level (products x techniques), in this model's units. */
    SparseMatrix inputs() {
        return inputs.get();
    }

    public boolean fulfil() {
        return objective == PlanObjective.FULFIL;
    }

    public boolean isLimited(int r) {
        return !Double.isNaN(available[r]);
    }

    public double cost(int t) {
        return cost == null ? 0.0 : cost[t];
    }

    /** Net output {@code N z}. */
    public double[] net(double[] z) {
        double[] out = new double[np];
        for (int t = 0; t < nt; t++) {
            double zt = z[t];
            if (zt != 0.0) {
                for (int q = nStart[t]; q < nStart[t + 1]; q++) {
                    out[nRow[q]] += nVal[q] * zt;
                }
            }
        }
        return out;
    }

    /** Gross row activity {@code |N| z}, the scale of each product balance. */
    double[] grossActivity(double[] z) {
        double[] out = new double[np];
        for (int t = 0; t < nt; t++) {
            double zt = z[t];
            if (zt != 0.0) {
                for (int q = nStart[t]; q < nStart[t + 1]; q++) {
                    out[nRow[q]] += Math.abs(nVal[q]) * zt;
                }
            }
        }
        return out;
    }

    /** Resource use {@code R z}, all resources. */
    public double[] resourceUse(double[] z) {
        double[] out = new double[nr];
        for (int t = 0; t < nt; t++) {
            double zt = z[t];
            if (zt != 0.0) {
                for (int q = rStart[t]; q < rStart[t + 1]; q++) {
                    out[rRow[q]] += rVal[q] * zt;
                }
            }
        }
        return out;
    }

    /** Whether technique t makes product p (a positive net coefficient). */
    boolean makes(int t, int p) {
        int k = Arrays.binarySearch(nRow, nStart[t], nStart[t + 1], p);
        return k >= 0 && nVal[k] > 0;
    }

    /** Techniques with a positive net output of each product, as CSR over products. */
    public int[][] makers() {
        int[] count = new int[np + 1];
        for (int t = 0; t < nt; t++) {
            for (int q = nStart[t]; q < nStart[t + 1]; q++) {
                if (nVal[q] > 0) {
                    count[nRow[q] + 1]++;
                }
            }
        }
        for (int p = 0; p < np; p++) {
            count[p + 1] += count[p];
        }
        int[] next = Arrays.copyOf(count, np);
        int[] tech = new int[count[np]];
        for (int t = 0; t < nt; t++) {
            for (int q = nStart[t]; q < nStart[t + 1]; q++) {
                if (nVal[q] > 0) {
                    tech[next[nRow[q]]++] = t;
                }
            }
        }
        return new int[][] {count, tech};
    }

    /** The capacity bound of technique t, or the bound its limited resources imply; +inf when none. */
    double levelBound(int t) {
        double ub = capacity[t];
        for (int q = rStart[t]; q < rStart[t + 1]; q++) {
            int r = rRow[q];
            if (isLimited(r) && rVal[q] > 0) {
                ub = Math.min(ub, available[r] / rVal[q]);
            }
        }
        return ub;
    }
}
