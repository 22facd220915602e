package org.gosplan.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.gosplan.economy.Economy;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.Certificate;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanSolverInfo;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.PlannerException;
import scala.Tuple2;

/**
 * The least-resource plan where the non-substitution theorem applies (one scarce resource,
 * single outputs, no binding capacity), by the single machine's policy iteration with every step
 * on the cluster: the products and their makers in blocks ({@link PlanBlock}); a first policy from
 * a few value-iteration sweeps; each step a distributed solve of the transposed system of the
 * chosen techniques {@code (I - A_σ)^T v = c_σ} ({@link Krylov}, BiCGSTAB) and a distributed
 * improvement (every product switches to a technique cheaper by the single machine's margin, ties
 * keeping the current one, then the lowest index); then the levels {@code (I - A_σ) x = d}, λ, the
 * valuations and a certificate computed from the plan's own figures.
 */
public final class SparkPlanner {
    /** Residual of the policy's solves: the single machine settles its values to the last few digits. */
    static final double SOLVE_TOLERANCE = 1e-13;
    /** A technique replaces the current one only when cheaper by this relative margin (as on one machine). */
    static final double MARGIN = 1e-12;
    static final int MAX_STEPS = 100;

    private SparkPlanner() {}

    /** What a plan computed on the cluster took. */
    public record Stats(int steps, int products, int iterations, double seconds) {}

    /** The plan and what it took. */
    public record Result(Plan plan, Stats stats) {}

    public static Result plan(JavaSparkContext sc, Economy e, PlanOptions o, int partitions) {
        long t0 = System.nanoTime();
        org.gosplan.economy.Validation.requirePlannable(e);
        if (e.targets() == 0) {
            throw new PlannerException("the economy has no targets; give at least one (\"targets\" in an economy"
                    + " JSON file, targets.csv in an economy folder)");
        }
        boolean fulfil = o.objective() == PlanObjective.FULFIL;
        int scarce = scarce(e, o, fulfil);
        int np = e.products(), nt = e.techniques();
        // ---- each technique's product, net output and cost (as PolicyIteration)
        SparseMatrix outs = e.outputs(), ins = e.productInputs(), res = e.resourceInputs();
        int[] os = outs.columnStarts(), orow = outs.rowIndexes();
        int[] prod = new int[nt];
        double[] net = new double[nt];
        for (int t = 0; t < nt; t++) {
            if (os[t + 1] - os[t] != 1) {
                throw notApplicable("technique '" + e.techniqueId(t) + "' has joint production");
            }
            int p = orow[os[t]];
            double own = 0;
            for (int k = ins.columnStarts()[t]; k < ins.columnStarts()[t + 1]; k++) {
                if (ins.rowIndexes()[k] == p) {
                    own += ins.values()[k];
                }
            }
            net[t] = outs.values()[os[t]] - own;
            prod[t] = net[t] > 0 ? p : -1;
        }
        int[] ms = new int[np + 1];
        for (int t = 0; t < nt; t++) {
            if (prod[t] >= 0) {
                ms[prod[t] + 1]++;
            }
        }
        for (int p = 0; p < np; p++) {
            if (ms[p + 1] == 0) {
                throw notApplicable("no technique makes product '" + e.productId(p) + "'");
            }
            ms[p + 1] += ms[p];
        }
        int[] mt = new int[nt];
        int[] next = Arrays.copyOf(ms, np);
        for (int t = 0; t < nt; t++) {
            if (prod[t] >= 0) {
                mt[next[prod[t]]++] = t;
            }
        }
        // ---- blocks of products with their makers, balanced by the makers' coefficients
        int[] weight = new int[np + 1];
        for (int p = 0; p < np; p++) {
            int w = 0;
            for (int j = ms[p]; j < ms[p + 1]; j++) {
                int t = mt[j];
                w += 1 + ins.columnStarts()[t + 1] - ins.columnStarts()[t];
            }
            weight[p + 1] = weight[p] + w;
        }
        int[] bounds = BlockMatrix.balance(np, weight, partitions);
        List<PlanBlock> list = new ArrayList<>();
        for (int b = 0; b + 1 < bounds.length; b++) {
            list.add(block(e, bounds[b], bounds[b + 1], ms, mt, prod, net, scarce));
        }
        JavaRDD<PlanBlock> blocks = sc.parallelize(list, list.size()).persist(StorageLevel.MEMORY_ONLY());
        blocks.count();
        list = null;
        Jobs jobs = new Jobs(sc, blocks, np);
        try {
            return run(jobs, e, o, fulfil, scarce, t0);
        } finally {
            blocks.unpersist(false);
        }
    }

    private static Result run(Jobs jobs, Economy e, PlanOptions o, boolean fulfil, int scarce, long t0) {
        int np = e.products(), nt = e.techniques();
        // ---- first policy: value-iteration sweeps from zero until the values settle roughly
        double[] v = new double[np];
        int[] policy = null;
        for (int it = 0; it < 50; it++) {
            Jobs.Sweep s = jobs.bellman(v);
            policy = s.policy;
            double change = 0, size = 0;
            for (int p = 0; p < np; p++) {
                change = Math.max(change, Math.abs(s.values[p] - v[p]));
                size = Math.max(size, Math.abs(s.values[p]));
            }
            v = s.values;
            if (!Double.isFinite(change) || !(size < 1e300)) {
                throw nonProductive();
            }
            if (change <= 1e-3 * size) {
                break;
            }
        }
        // ---- policy iteration: evaluate by a distributed solve, improve by a distributed sweep
        int steps = 0, iterations = 0;
        while (true) {
            steps++;
            final int[] pol = policy;
            double[] c = jobs.policyCosts(pol);
            Broadcast<int[]> bp = jobs.sc.broadcast(pol);
            Krylov.Outcome sol;
            try {
                sol = Krylov.solve((x, k) -> jobs.transposedProduct(bp, x), np, c, 1, SOLVE_TOLERANCE,
                        SparkLeontief.MAX_ITERATIONS);
            } finally {
                bp.destroy();
            }
            iterations += sol.iterations();
            if (!sol.converged()) {
                throw nonProductive();
            }
            v = sol.x();
            int switched = jobs.improve(v, policy);
            if (switched == 0) {
                break;
            }
            if (steps >= MAX_STEPS) {
                throw notApplicable("policy iteration did not settle in " + MAX_STEPS + " steps");
            }
        }
        // ---- levels for the demand: (I - A_σ) x = d
        double[] d = e.finalDemand();
        final int[] pol = policy;
        Broadcast<int[]> bp = jobs.sc.broadcast(pol);
        Krylov.Outcome lv;
        double[] ax;
        try {
            lv = Krylov.solve((x, k) -> jobs.forwardProduct(bp, x), np, d, 1, SOLVE_TOLERANCE,
                    SparkLeontief.MAX_ITERATIONS);
            if (!lv.converged()) {
                throw nonProductive();
            }
            ax = jobs.forwardProduct(bp, lv.x());
        } finally {
            bp.destroy();
        }
        iterations += lv.iterations();
        double[] x = lv.x();
        double[] outOf = jobs.netOutputs(policy);
        double[] z = new double[nt];
        for (int p = 0; p < np; p++) {
            z[policy[p]] = x[p] / outOf[p];
        }
        double[] use = jobs.resourceUse(z, e.resources());
        double lambda = Double.NaN, value;
        double[] w = new double[e.resources()];
        double[] netOutput = new double[np];
        double[] gross = new double[np];
        for (int p = 0; p < np; p++) {
            netOutput[p] = x[p] - ax[p];
            gross[p] = x[p] + ax[p];
        }
        double dual;
        if (fulfil) {
            double u = use[scarce], dv = 0;
            for (int p = 0; p < np; p++) {
                dv += d[p] * v[p];
            }
            if (!(u > 0) || !(dv > 0)) {
                throw notApplicable("the targets need none of the scarce resource; use gosplan plan");
            }
            lambda = e.available(scarce) / u;
            for (int t = 0; t < nt; t++) {
                z[t] *= lambda;
            }
            for (int r = 0; r < use.length; r++) {
                use[r] *= lambda;
            }
            for (int p = 0; p < np; p++) {
                netOutput[p] *= lambda;
                gross[p] *= lambda;
                v[p] /= dv;
            }
            w[scarce] = 1.0 / dv;
            value = lambda;
            dual = e.available(scarce) * w[scarce];
        } else {
            value = use[scarce];
            dual = 0;
            for (int p = 0; p < np; p++) {
                dual += d[p] * v[p];
            }
            if (e.isLimited(scarce) && use[scarce] > e.available(scarce) * (1 + 1e-12)) {
                throw new PlannerException("the plan is infeasible: meeting the targets needs at least "
                        + use[scarce] / e.available(scarce) + " times the '" + e.resourceId(scarce) + "' available");
            }
        }
        for (int t = 0; t < nt; t++) {
            if (z[t] > e.capacity(t) * (1 + 1e-12)) {
                throw notApplicable("the capacity of technique '" + e.techniqueId(t) + "' binds");
            }
        }
        // ---- the certificate, from the plan's own figures
        double primal = 0;
        double scale = fulfil ? lambda : 1.0;
        for (int p = 0; p < np; p++) {
            double short_ = scale * d[p] - netOutput[p];
            if (short_ > 0) {
                primal = Math.max(primal, short_ / Math.max(gross[p], Double.MIN_NORMAL));
            }
        }
        for (int r = 0; r < e.resources(); r++) {
            if (e.isLimited(r) && use[r] > e.available(r)) {
                primal = Math.max(primal, (use[r] - e.available(r)) / e.available(r));
            }
        }
        double dualInf = jobs.dualInfeasibility(v, fulfil ? w[scarce] : 1.0);
        double gap = value == dual ? 0 : Math.abs(value - dual) / Math.max(Math.abs(value), Math.abs(dual));
        Certificate cert = new Certificate(primal, dualInf, value, dual, gap);
        double seconds = (System.nanoTime() - t0) / 1e9;
        PlanStatus status = cert.proves(o.tolerance()) ? PlanStatus.OPTIMAL : PlanStatus.LIMIT;
        PlanSolverInfo info = new PlanSolverInfo("policy-iteration", seconds, steps, gap, true,
                "on Spark: " + steps + " policy step" + (steps == 1 ? "" : "s") + ", " + iterations
                        + " BiCGSTAB iterations, " + jobs.products + " distributed products");
        Plan plan = new Plan(e, status, o.objective(), scarce, value, z, netOutput, use, v, w, new double[nt], info,
                cert, null);
        return new Result(plan, new Stats(steps, jobs.products, iterations, seconds));
    }

    private static int scarce(Economy e, PlanOptions o, boolean fulfil) {
        if (fulfil) {
            int limited = -1, count = 0;
            for (int r = 0; r < e.resources(); r++) {
                if (e.isLimited(r)) {
                    limited = r;
                    count++;
                }
            }
            if (count != 1) {
                throw notApplicable(count == 0 ? "no resource is limited" : count + " resources are limited");
            }
            if (!(e.available(limited) > 0)) {
                throw notApplicable("the only limited resource has none available");
            }
            return limited;
        }
        if (e.resources() == 0) {
            throw new PlannerException("objective", "min-resource minimises a resource, but the economy has"
                    + " none; add a resource or use --objective fulfil");
        }
        int r0 = o.resource() == null ? 0 : e.resourceIndex(o.resource());
        if (r0 < 0) {
            throw new PlannerException("resource", "no resource '" + o.resource() + "' in the economy");
        }
        for (int r = 0; r < e.resources(); r++) {
            if (r != r0 && e.isLimited(r)) {
                throw notApplicable("resource '" + e.resourceId(r) + "' is limited besides the minimised one");
            }
        }
        return r0;
    }

    private static PlanBlock block(Economy e, int p0, int p1, int[] ms, int[] mt, int[] prod, double[] net,
                                   int scarce) {
        SparseMatrix ins = e.productInputs(), res = e.resourceInputs();
        int[] is = ins.columnStarts(), ir = ins.rowIndexes(), rs = res.columnStarts(), rr = res.rowIndexes();
        double[] iv = ins.values(), rv = res.values();
        int m = ms[p1] - ms[p0];
        int[] makerStart = new int[p1 - p0 + 1];
        int[] makers = new int[m];
        int[] technique = new int[m];
        double[] out = new double[m], cost = new double[m];
        int[] inStart = new int[m + 1], resStart = new int[m + 1];
        for (int p = p0; p < p1; p++) {
            makerStart[p - p0 + 1] = ms[p + 1] - ms[p0];
        }
        for (int j = 0; j < m; j++) {
            int t = mt[ms[p0] + j];
            makers[j] = j;
            technique[j] = t;
            out[j] = net[t];
            int own = prod[t];
            int c = 0;
            for (int k = is[t]; k < is[t + 1]; k++) {
                c += ir[k] != own ? 1 : 0;
            }
            inStart[j + 1] = inStart[j] + c;
            resStart[j + 1] = resStart[j] + rs[t + 1] - rs[t];
            for (int k = rs[t]; k < rs[t + 1]; k++) {
                if (rr[k] == scarce) {
                    cost[j] = rv[k];
                }
            }
        }
        int[] inRow = new int[inStart[m]];
        double[] inValue = new double[inStart[m]];
        int[] resRow = new int[resStart[m]];
        double[] resValue = new double[resStart[m]];
        for (int j = 0; j < m; j++) {
            int t = technique[j], own = prod[t], w = inStart[j];
            for (int k = is[t]; k < is[t + 1]; k++) {
                if (ir[k] != own) {
                    inRow[w] = ir[k];
                    inValue[w++] = iv[k];
                }
            }
            System.arraycopy(rr, rs[t], resRow, resStart[j], rs[t + 1] - rs[t]);
            System.arraycopy(rv, rs[t], resValue, resStart[j], rs[t + 1] - rs[t]);
        }
        return new PlanBlock(p0, makerStart, makers, technique, out, cost, inStart, inRow, inValue, resStart, resRow,
                resValue);
    }

    private static PlannerException notApplicable(String why) {
        return new PlannerException("method", "the Spark plan is policy iteration, which does not apply to this"
                + " problem: " + why + "; plan it on one machine with 'gosplan plan' (simplex or PDLP)");
    }

    private static PlannerException nonProductive() {
        return notApplicable("the cheapest techniques do not form a productive economy (the values do not converge)");
    }

    /** The distributed passes; every one a Spark job over the cached blocks. */
    static final class Jobs {
        final JavaSparkContext sc;
        final JavaRDD<PlanBlock> blocks;
        final int np;
        int products;

        Jobs(JavaSparkContext sc, JavaRDD<PlanBlock> blocks, int np) {
            this.sc = sc;
            this.blocks = blocks;
            this.np = np;
        }

        record Sweep(double[] values, int[] policy) {}

        /** One value-iteration sweep: each product's cheapest maker at v (the first of equals). */
        Sweep bellman(double[] v) {
            Broadcast<double[]> bv = sc.broadcast(v);
            try {
                List<Tuple2<Integer, Tuple2<double[], int[]>>> parts = blocks.map(b -> {
                    double[] vv = bv.value();
                    int n = b.products();
                    double[] w = new double[n];
                    int[] pol = new int[n];
                    for (int i = 0; i < n; i++) {
                        double best = Double.POSITIVE_INFINITY;
                        int bt = -1;
                        for (int j = b.makerStart()[i]; j < b.makerStart()[i + 1]; j++) {
                            double c = b.unitCost(j, vv);
                            if (c < best) {
                                best = c;
                                bt = b.technique()[j];
                            }
                        }
                        w[i] = best;
                        pol[i] = bt;
                    }
                    return new Tuple2<>(b.first(), new Tuple2<>(w, pol));
                }).collect();
                double[] w = new double[np];
                int[] pol = new int[np];
                for (var t : parts) {
                    System.arraycopy(t._2()._1(), 0, w, t._1(), t._2()._1().length);
                    System.arraycopy(t._2()._2(), 0, pol, t._1(), t._2()._2().length);
                }
                return new Sweep(w, pol);
            } finally {
                bv.destroy();
            }
        }

        /** Local index of global technique t among block b's makers of product first + i. */
        static int local(PlanBlock b, int i, int t) {
            for (int j = b.makerStart()[i]; j < b.makerStart()[i + 1]; j++) {
                if (b.technique()[j] == t) {
                    return j;
                }
            }
            throw new IllegalStateException("technique " + t + " does not make product " + (b.first() + i));
        }

        /** {@code c_σ(q) / o_σ(q)} for every product q. */
        double[] policyCosts(int[] policy) {
            Broadcast<int[]> bp = sc.broadcast(policy);
            try {
                return slices(blocks.map(b -> {
                    int[] pol = bp.value();
                    double[] c = new double[b.products()];
                    for (int i = 0; i < c.length; i++) {
                        int j = local(b, i, pol[b.first() + i]);
                        c[i] = b.cost()[j] / b.out()[j];
                    }
                    return new Tuple2<>(b.first(), c);
                }).collect());
            } finally {
                bp.destroy();
            }
        }

        /** The net output {@code o_σ(p)} of each product's chosen technique. */
        double[] netOutputs(int[] policy) {
            Broadcast<int[]> bp = sc.broadcast(policy);
            try {
                return slices(blocks.map(b -> {
                    int[] pol = bp.value();
                    double[] c = new double[b.products()];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = b.out()[local(b, i, pol[b.first() + i])];
                    }
                    return new Tuple2<>(b.first(), c);
                }).collect());
            } finally {
                bp.destroy();
            }
        }

        /** {@code (A_σ^T v)_q = Σ_{r != q} I_{r σ(q)} v_r / o_σ(q)}: a gather, one slice per block. */
        double[] transposedProduct(Broadcast<int[]> bp, double[] v) {
            products++;
            Broadcast<double[]> bv = sc.broadcast(v);
            try {
                return slices(blocks.map(b -> {
                    int[] pol = bp.value();
                    double[] vv = bv.value();
                    double[] out = new double[b.products()];
                    for (int i = 0; i < out.length; i++) {
                        int j = local(b, i, pol[b.first() + i]);
                        double s = 0;
                        for (int k = b.inStart()[j]; k < b.inStart()[j + 1]; k++) {
                            s += b.inValue()[k] * vv[b.inRow()[k]];
                        }
                        out[i] = s / b.out()[j];
                    }
                    return new Tuple2<>(b.first(), out);
                }).collect());
            } finally {
                bv.destroy();
            }
        }

        /**
         * {@code (A_σ x)_p = Σ_{q != p} I_{p σ(q)} x_q / o_σ(q)}: a scatter of each block's columns into a
         * vector of length n, summed over the blocks by a tree (8 n bytes a block move: the policy changes A_σ,
         * so no transposed copy is kept; this product runs only for the levels, once per plan).
         */
        double[] forwardProduct(Broadcast<int[]> bp, double[] x) {
            products++;
            Broadcast<double[]> bx = sc.broadcast(x);
            final int n = np;
            try {
                return blocks.map(b -> {
                    int[] pol = bp.value();
                    double[] xx = bx.value();
                    double[] out = new double[n];
                    for (int i = 0; i < b.products(); i++) {
                        int j = local(b, i, pol[b.first() + i]);
                        double xq = xx[b.first() + i] / b.out()[j];
                        for (int k = b.inStart()[j]; k < b.inStart()[j + 1]; k++) {
                            out[b.inRow()[k]] += b.inValue()[k] * xq;
                        }
                    }
                    return out;
                }).treeReduce(SparkPlanner::addInto);
            } finally {
                bx.destroy();
            }
        }

        /** Switches products to strictly cheaper makers (by the margin); returns how many switched. */
        int improve(double[] v, int[] policy) {
            Broadcast<double[]> bv = sc.broadcast(v);
            Broadcast<int[]> bp = sc.broadcast(policy);
            try {
                List<Tuple2<Integer, int[]>> parts = blocks.map(b -> {
                    double[] vv = bv.value();
                    int[] pol = bp.value();
                    int[] next = new int[b.products()];
                    for (int i = 0; i < next.length; i++) {
                        int cur = local(b, i, pol[b.first() + i]);
                        double best = b.unitCost(cur, vv);
                        double bar = best - MARGIN * Math.abs(best);
                        int bt = cur;
                        for (int j = b.makerStart()[i]; j < b.makerStart()[i + 1]; j++) {
                            if (j == cur) {
                                continue;
                            }
                            double c = b.unitCost(j, vv);
                            if (c < bar && c < best) {
                                best = c;
                                bt = j;
                            }
                        }
                        next[i] = b.technique()[bt];
                    }
                    return new Tuple2<>(b.first(), next);
                }).collect();
                int switched = 0;
                for (var t : parts) {
                    int[] nx = t._2();
                    for (int i = 0; i < nx.length; i++) {
                        if (policy[t._1() + i] != nx[i]) {
                            policy[t._1() + i] = nx[i];
                            switched++;
                        }
                    }
                }
                return switched;
            } finally {
                bv.destroy();
                bp.destroy();
            }
        }

        /** {@code R z}: every resource's use at levels z. */
        double[] resourceUse(double[] z, int nr) {
            Broadcast<double[]> bz = sc.broadcast(z);
            try {
                return blocks.map(b -> {
                    double[] zz = bz.value();
                    double[] use = new double[nr];
                    for (int j = 0; j < b.technique().length; j++) {
                        double l = zz[b.technique()[j]];
                        if (l != 0) {
                            for (int k = b.resStart()[j]; k < b.resStart()[j + 1]; k++) {
                                use[b.resRow()[k]] += b.resValue()[k] * l;
                            }
                        }
                    }
                    return use;
                }).reduce(SparkPlanner::addInto);
            } finally {
                bz.destroy();
            }
        }

        /**
         * The largest profit {@code o_t v_p - Σ I_qt v_q - c_t w} of any technique, relative to its gross
         * value {@code o_t v_p + Σ I_qt v_q + c_t w} (0 when none profits): what the certificate's dual
         * infeasibility measures for techniques that nothing bounds.
         */
        double dualInfeasibility(double[] v, double w) {
            Broadcast<double[]> bv = sc.broadcast(v);
            try {
                return blocks.map(b -> {
                    double[] vv = bv.value();
                    double worst = 0;
                    for (int i = 0; i < b.products(); i++) {
                        for (int j = b.makerStart()[i]; j < b.makerStart()[i + 1]; j++) {
                            double inputs = b.cost()[j] * w;
                            for (int k = b.inStart()[j]; k < b.inStart()[j + 1]; k++) {
                                inputs += b.inValue()[k] * vv[b.inRow()[k]];
                            }
                            double made = b.out()[j] * vv[b.first() + i];
                            double profit = made - inputs;
                            double gross = made + inputs;
                            if (profit > 0 && gross > 0) {
                                worst = Math.max(worst, profit / gross);
                            }
                        }
                    }
                    return worst;
                }).reduce(Math::max);
            } finally {
                bv.destroy();
            }
        }

        private double[] slices(List<Tuple2<Integer, double[]>> parts) {
            double[] out = new double[np];
            for (Tuple2<Integer, double[]> t : parts) {
                System.arraycopy(t._2(), 0, out, t._1(), t._2().length);
            }
            return out;
        }
    }

    /** Partial sums from the blocks added together: {@code a += c}, a returned. */
    static double[] addInto(double[] a, double[] c) {
        for (int i = 0; i < a.length; i++) {
            a[i] += c[i];
        }
        return a;
    }

}
