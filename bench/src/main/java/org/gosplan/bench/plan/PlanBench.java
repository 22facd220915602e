package org.gosplan.bench.plan;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.planner.Certificate;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStage;
import org.gosplan.planner.Planner;

/**
 * Times {@code Planner.plan} on a random economy of {@link PlanEconomies}.
 *
 * <pre>java -cp ... org.gosplan.bench.plan.PlanBench PRODUCTS [labour|hard] [methods,...] [seed] [export-folder]</pre>
 *
 * The method {@code none} only generates the economy (and writes it, given a folder).
 *
 * System properties: {@code techniques} (per product, default 2) and {@code inputs} (the mean count of product
 * inputs per technique, default 5) shape the economy; {@code minResource} (a resource: min-resource instead of fulfil),
 * {@code tolerance} (default 1e-7), {@code threads} (PDLP, default 0: by size),
 * {@code timeLimit} (seconds, PDLP and harmony, default none), {@code leastUse} (default true; false publishes
 * the first optimum, without the least-use stages); for PDLP experiments also
 * {@code gosplan.scaling} (default true: the planner's Curtis-Reid scaling, see {@code Scaling}),
 * {@code gosplan.pdlp.factor} (ε = tolerance × factor, default 0.1), {@code gosplan.pdlp.scaleRows}
 * (default true), {@code gosplan.pdlp.epsAbs}, {@code gosplan.pdlp.epsRel},
 * {@code gosplan.pdlp.termination} and {@code gosplan.pdlp.extra} (text proto, see {@code LpOrTools});
 * for the exact finish of PDLP's iterate {@code gosplan.finish} (default true), {@code gosplan.finish.seconds}
 * (its time budget), {@code gosplan.finish.products} and {@code gosplan.finish.techniques} (the sizes up to
 * which it is tried) and {@code gosplan.finish.trace} (a line per round on standard error).
 *
 * Prints one line per method: seconds, value, certificate, peak heap. With an export folder it
 * also writes the economy as an economy folder (for bench/scripts/plan_linprog.py).
 */
public final class PlanBench {
    private PlanBench() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        boolean hard = args.length > 1 && args[1].equals("hard");
        String[] methods = (args.length > 2 ? args[2] : "auto").split(",");
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        Path export = args.length > 4 ? Paths.get(args[4]) : null;
        double tol = Double.parseDouble(System.getProperty("tolerance", "1e-7"));
        int threads = Integer.getInteger("threads", 0);
        double timeLimit = Double.parseDouble(System.getProperty("timeLimit", "0"));
        long t0 = System.nanoTime();
        Economy e = PlanEconomies.generate(n, Integer.getInteger("techniques", 2), Integer.getInteger("inputs", 5), hard, seed);
        System.out.printf(Locale.ROOT, "economy: %s: %,d products, %,d techniques, %,d coefficients, %d resources"
                        + " (generated in %.1f s)%n", e.name(), e.products(), e.techniques(), e.nonzeros(),
                e.resources(), (System.nanoTime() - t0) / 1e9);
        if (export != null) {
            EconomyFiles.writeFolder(e, export);
            System.out.println("wrote " + export);
        }
        for (String m : methods) {
            if (m.equals("none")) {
                continue; // only generate (and export)
            }
            resetPeaks();
            String minimised = System.getProperty("minResource");
            PlanOptions o = (minimised == null ? PlanOptions.fulfil() : PlanOptions.minResource(minimised))
                    .withMethod(PlanMethod.of(m)).withTolerance(tol).withThreads(threads)
                    .withTimeLimit(timeLimit)
                    .withLeastUse(Boolean.parseBoolean(System.getProperty("leastUse", "true")));
            long s = System.nanoTime();
            Plan p = Planner.plan(e, o);
            double secs = (System.nanoTime() - s) / 1e9;
            Certificate c = p.certificate();
            System.out.printf(Locale.ROOT, "%-8s %-16s %8.2f s  status %-10s value %.12g  primal-inf %.1e  dual-inf %.1e"
                            + "  gap %.1e  iterations %d  peak heap %.2f GB%s%n", m, p.solver().method(), secs,
                    p.status().id(), p.value(), c == null ? Double.NaN : c.primalInfeasibility(),
                    c == null ? Double.NaN : c.dualInfeasibility(), c == null ? Double.NaN : c.gap(),
                    p.solver().iterations(), peakHeap() / 1e9,
                    p.solver().note() == null ? "" : "  (" + p.solver().note() + ")");
            if (p.leastUse() != null) {
                for (PlanStage st : p.leastUse()) {
                    Certificate sc = st.certificate();
                    System.out.printf(Locale.ROOT, "  least use of the %s resources: %-16s %8.2f s  value %.12g"
                                    + "  primal-inf %.1e  dual-inf %.1e  gap %.1e%s%n", st.minimises(),
                            st.solver().method(), st.solver().seconds(), st.value(), sc.primalInfeasibility(),
                            sc.dualInfeasibility(), sc.gap(),
                            st.solver().note() == null ? "" : "  (" + st.solver().note() + ")");
                }
            }
        }
    }

    public static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                b.resetPeakUsage();
            }
        }
    }

    public static long peakHeap() {
        long s = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                s += b.getPeakUsage().getUsed();
            }
        }
        return s;
    }
}
