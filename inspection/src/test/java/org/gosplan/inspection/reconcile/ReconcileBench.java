package org.gosplan.inspection.reconcile;

import java.util.Random;
import org.gosplan.inspection.report.Flow;

/**
 * Reconciliation at scale (docs/benchmarks.md): a generated economy of {@code products} techniques
 * with {@code inputs} inputs each, run by about 3/4 as many units, every one reporting; then the same
 * with one unit in a hundred not reporting and one in a hundred understating a receipt by half.
 * Times taking the reports into the books (ids looked up) and the reconciliation itself.
 *
 * <pre>java -Xmx6g -cp ... org.gosplan.inspection.reconcile.ReconcileBench 133334 8 5</pre>
 */
public final class ReconcileBench {
    private ReconcileBench() {}

    public static void main(String[] args) {
        int products = Integer.parseInt(args[0]);
        int inputs = Integer.parseInt(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long t0 = System.nanoTime();
        GeneratedBooks g = new GeneratedBooks(products, inputs, 1);
        long lines = 0;
        for (GeneratedBooks.Mutable m : g.reports) {
            lines += m.delivered.size();
        }
        System.out.printf("generated %d units, %d delivery lines (and as many receipts) in %.2f s%n", g.units.size(),
                lines, (System.nanoTime() - t0) / 1e9);
        run("honest", g, repeats);
        Random r = new Random(2);
        for (int u = 0; u < g.reports.size(); u++) {
            int x = r.nextInt(100);
            if (x == 0) {
                g.reports.set(u, null);
            } else if (x == 1 && !g.reports.get(u).received.isEmpty()) {
                Flow f = g.reports.get(u).received.get(0);
                g.reports.get(u).received.set(0, new Flow(f.product(), f.unit(), f.quantity() / 2));
            }
        }
        run("dishonest", g, repeats);
    }

    private static void run(String what, GeneratedBooks g, int repeats) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < repeats; i++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Books b = g.books();
            long c1 = cpu.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            Reconciliation r = Reconciler.reconcile(b, g.levels, g.net, 1e-6);
            long c2 = cpu.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            // CPU time of this thread too: on a shared, loaded machine the wall clock mostly measures the others
            System.out.printf("%s: books %.3f s (cpu %.3f s), reconcile %.3f s (cpu %.3f s), %d findings"
                    + " (%d reported of %d)%n", what, (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t2 - t1) / 1e9,
                    (c2 - c1) / 1e9, r.findings().size(), r.reported(), r.units());
        }
    }
}
