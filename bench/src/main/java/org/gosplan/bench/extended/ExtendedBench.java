package org.gosplan.bench.extended;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.SplittableRandom;
import org.gosplan.bench.plan.PlanBench;
import org.gosplan.bench.plan.PlanEconomies;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.PartsBuilder;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.extended.ExtendedPlan;
import org.gosplan.planner.extended.ExtendedPlanner;

/**
 * Times {@link ExtendedPlanner} on random economies of {@link PlanEconomies} given the parts of
 * formats.md section 5.
 *
 * <pre>
 * java -cp ... org.gosplan.bench.extended.ExtendedBench years|years0 PRODUCTS [YEARS=5] [auto|glop|pdlp|none] [seed] [export-dir]
 * java -cp ... org.gosplan.bench.extended.ExtendedBench union PRODUCTS [REPUBLICS=10] [auto|glop|pdlp] [seed] [export-dir]
 * </pre>
 *
 * {@code years}: one technique per product, every tenth product durable (depreciation 5 to 15%,
 * lag 1), every technique needing one or two of them as capital (0.1 to 0.5 per unit of level),
 * initial stocks what the first year's plan at the λ its labour allows needs and 0 to 20% more, labour
 * growing 2% a year
 * ({@code years0}: the stocks of the runs before 2026-12-07 21:00, {@link #years(int, int, long, boolean)}).
 * {@code union}: REPUBLICS copies of the economy of PRODUCTS products (two techniques each, each
 * republic its own seed and labour), every tenth product carried to the next republic in a ring
 * with 2% lost and 0.01 h of the sender's labour per unit. With an export folder the first
 * leximin round's LP is written for bench/scripts/extended_highs.py (scipy's HiGHS). Methods:
 * {@code auto} (the planner's default: a first round that is a one-year plan goes to the one-year
 * planner from {@code Options.ONE_YEAR_FROM} columns), {@code glop} (GLOP on the whole LP whatever
 * its size), {@code pdlp} (PDLP on the whole LP), {@code none} (only the export).
 * System property {@code tolerance} (default 1e-6).
 */
public final class ExtendedBench {
    private ExtendedBench() {}

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int n = Integer.parseInt(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : kind.startsWith("years") ? 5 : 10;
        String method = args.length > 3 ? args[3] : "auto";
        boolean pdlp = method.equals("pdlp");
        // auto: a first round that is a one-year plan goes to the one-year planner from 5,000 columns;
        // glop: GLOP on the whole LP whatever its size (the method before), pdlp: PDLP on the whole LP
        // -DoneYearFrom=N: the levels eliminated from N level columns (below the default, for measurements)
        int oneYearFrom = method.equals("auto") ? Integer.getInteger("oneYearFrom", ExtendedPlanner.Options.ONE_YEAR_FROM)
                : Integer.MAX_VALUE;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        Path export = args.length > 5 ? Paths.get(args[5]) : null;
        double tol = Double.parseDouble(System.getProperty("tolerance", "1e-6"));
        long t0 = System.nanoTime();
        Economy e = kind.startsWith("years") ? years(n, count, seed, kind.equals("years0")) : union(n, count, seed);
        System.out.printf("%s: %,d products, %,d techniques, %,d coefficients, generated in %.1f s%n", e.name(),
                e.products(), e.techniques(), e.nonzeros(), (System.nanoTime() - t0) / 1e9);
        if (export != null) {
            int[] size = ExtendedPlanner.exportFirstRound(e, export);
            System.out.printf("wrote the first round's LP to %s: %,d rows, %,d columns, %,d entries%n", export,
                    size[0], size[1], size[2]);
        }
        if (method.equals("none")) {
            return; // the LP written for another solver, not planned here
        }
        PlanBench.resetPeaks();
        long t1 = System.nanoTime();
        long cpu0 = cpuNanos();
        ExtendedPlan p = ExtendedPlanner.plan(e, new ExtendedPlanner.Options(pdlp, tol, 0, oneYearFrom));
        double secs = (System.nanoTime() - t1) / 1e9;
        // on a shared machine the wall clock says more of the neighbours than of the planner: CPU time beside it
        System.out.printf("%s %s: %.2f s in all (%.2f s of CPU; %d rounds%s), first round's solver %.2f s, value %.9g,"
                        + " primal %.1e dual %.1e gap %.1e, peak heap %.2f GB%n", p.status(), p.method(), secs,
                (cpuNanos() - cpu0) / 1e9,
                p.rounds(), kind.equals("union") ? ", each republic alone too" : "", p.firstRoundSeconds(), p.value(),
                p.primalInfeasibility(), p.dualInfeasibility(), p.gap(), PlanBench.peakHeap() / 1e9);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The economy's products, resources, techniques, flows and targets into {@code b}, ids suffixed. */
    private static void copy(Economy e, EconomyBuilder b, String suffix, boolean products, int region) {
        PartsBuilder parts = b.parts();
        if (products) {
            for (int p = 0; p < e.products(); p++) {
                b.addProduct(e.productId(p), e.productUnit(p), null);
            }
        }
        int[] resource = new int[e.resources()];
        for (int r = 0; r < e.resources(); r++) {
            resource[r] = b.addResource(e.resourceId(r) + suffix, e.resourceUnit(r), e.available(r));
            if (region >= 0) {
                parts.resourceRegion(resource[r], region);
            }
        }
        SparseMatrix out = e.outputs(), pin = e.productInputs(), rin = e.resourceInputs();
        for (int t = 0; t < e.techniques(); t++) {
            int tb = b.addTechnique(e.techniqueId(t) + suffix, e.capacity(t));
            if (region >= 0) {
                parts.techniqueRegion(tb, region);
            }
            for (int k = out.columnStarts()[t]; k < out.columnStarts()[t + 1]; k++) {
                b.output(tb, out.rowIndexes()[k], out.values()[k]);
            }
            for (int k = pin.columnStarts()[t]; k < pin.columnStarts()[t + 1]; k++) {
                b.productInput(tb, pin.rowIndexes()[k], pin.values()[k]);
            }
            for (int k = rin.columnStarts()[t]; k < rin.columnStarts()[t + 1]; k++) {
                b.resourceInput(tb, resource[rin.rowIndexes()[k]], rin.values()[k]);
            }
        }
        for (int i = 0; i < e.targets(); i++) {
            b.target(e.targetProduct(i), e.targetQuantity(i), 1, region, 0);
        }
    }

    static Economy years(int n, int years, long seed) {
        return years(n, years, seed, false);
    }

    /**
     * The five-year economy. Every technique needs one or two capital goods; the initial stock of each is what
     * its users need in year 1 at the λ that year's labour allows (their levels from the Leontief system of the
     * one technique a product has: {@link #grossOutput}), 0 to 20% more, so that the first year is limited by
     * labour and capital together and the later years' growth (labour 2% a year) needs investment. With {@code typicalStocks} the
     * stocks of the runs before 2026-12-07 21:00 instead: 9.35 (a product's typical gross output) times the
     * users' coefficients, which left one good short by chance (λ = 0.72 at 200 products, set by one capital
     * good in year 1; labour 19% idle; the stocks running down: docs/benchmarks.md "Five-year plans").
     */
    static Economy years(int n, int years, long seed, boolean typicalStocks) {
        Economy base = PlanEconomies.generate(n, 1, 5, false, seed);
        EconomyBuilder b = new EconomyBuilder(years + "-year plan of " + n + " products, seed " + seed,
                base.techniques());
        PartsBuilder parts = b.parts();
        parts.years(years);
        copy(base, b, "", true, -1);
        SplittableRandom rnd = new SplittableRandom(seed + 1000);
        int capital = (n + 9) / 10;
        double[] need = new double[capital];
        double[] level = typicalStocks ? null : grossOutput(base);
        if (level != null) {
            // at the λ year 1's labour allows (below 1 where λ = 1 needs more than there is)
            SparseMatrix rin = base.resourceInputs();
            double labour = 0;
            for (int t = 0; t < base.techniques(); t++) {
                for (int k = rin.columnStarts()[t]; k < rin.columnStarts()[t + 1]; k++) {
                    labour += rin.values()[k] * level[t];
                }
            }
            double lambda = Math.min(1, base.available(0) / labour);
            for (int t = 0; t < level.length; t++) {
                level[t] *= lambda;
            }
        }
        for (int c = 0; c < capital; c++) {
            parts.capital(10 * c, 0.05 + 0.1 * rnd.nextDouble(), 1);
        }
        for (int t = 0; t < base.techniques(); t++) {
            int first = rnd.nextInt(capital);
            int second = capital > 1 && rnd.nextBoolean() ? (first + 1 + rnd.nextInt(capital - 1)) % capital : -1;
            for (int c : new int[] {first, second}) {
                if (c >= 0) {
                    double q = 0.1 + 0.4 * rnd.nextDouble();
                    b.capitalInput(t, 10 * c, q);
                    need[c] += q * (typicalStocks ? 9.35 : level[t]); // 9.35: a typical gross output (PlanEconomies)
                }
            }
        }
        for (int c = 0; c < capital; c++) {
            parts.stock(10 * c, -1, typicalStocks ? need[c] : need[c] * (1 + 0.2 * rnd.nextDouble()));
        }
        for (int y = 2; y <= years; y++) {
            parts.availability(0, y, base.available(0) * Math.pow(1.02, y - 1));
        }
        return b.build();
    }

    /**
     * The levels that make the targets of an economy of one technique per product (technique t makes product
     * t): {@code out_t z_t - sum_s in[t,s] z_s = d_t}, by Jacobi sweeps, which converge because every
     * technique's inputs are at most 0.7 of its output (PlanEconomies); 200 sweeps leave 0.7^200.
     */
    static double[] grossOutput(Economy e) {
        int n = e.techniques();
        double[] d = new double[e.products()];
        for (int i = 0; i < e.targets(); i++) {
            d[e.targetProduct(i)] += e.targetQuantity(i);
        }
        SparseMatrix out = e.outputs(), in = e.productInputs();
        double[] made = new double[n];
        for (int t = 0; t < n; t++) {
            for (int k = out.columnStarts()[t]; k < out.columnStarts()[t + 1]; k++) {
                made[t] += out.values()[k]; // one output, its own product
            }
        }
        double[] z = new double[n];
        double[] used = new double[e.products()];
        for (int sweep = 0; sweep < 200; sweep++) {
            java.util.Arrays.fill(used, 0);
            for (int s = 0; s < n; s++) {
                for (int k = in.columnStarts()[s]; k < in.columnStarts()[s + 1]; k++) {
                    used[in.rowIndexes()[k]] += in.values()[k] * z[s];
                }
            }
            for (int t = 0; t < n; t++) {
                z[t] = (d[t] + used[t]) / made[t];
            }
        }
        return z;
    }

    static Economy union(int n, int republics, long seed) {
        EconomyBuilder b = new EconomyBuilder(republics + " republics of " + n + " products, seed " + seed,
                2 * n * republics);
        PartsBuilder parts = b.parts();
        for (int g = 0; g < republics; g++) {
            parts.addRegion("r" + g, null);
        }
        for (int g = 0; g < republics; g++) {
            copy(PlanEconomies.generate(n, 2, 5, false, seed + g), b, "@r" + g, g == 0, g);
        }
        for (int g = 0; g < republics; g++) {
            int to = (g + 1) % republics;
            for (int p = 0; p < n; p += 10) {
                int l = parts.addTransport("carry-p" + p + "-r" + g, p, g, to, 0.02, Double.POSITIVE_INFINITY);
                parts.transportInput(l, b.resourceIndex("labour@r" + g), true, 0.01);
            }
        }
        return b.build();
    }
}
