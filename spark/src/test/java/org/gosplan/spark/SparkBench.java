package org.gosplan.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.planner.EconomyGenerator;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.LeontiefSolution;

/**
 * docs/benchmarks.md, "Leontief solves on Spark": the forward solve and the transposed solve
 * (labour values) of {@code EconomyGenerator(N, 10, seed 42)}, on one machine ({@code single}) or
 * on Spark ({@code spark MASTER PARTITIONS}); run each under {@code /usr/bin/time -v} for the
 * peak memory. Not a test: a program.
 */
public final class SparkBench {
    private SparkBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        long t0 = System.nanoTime();
        if (mode.equals("single") || mode.equals("single-read")) {
            Leontief l;
            double[] y, labour;
            if (mode.equals("single")) {
                // the generator's arrays only (12 bytes a coefficient): the single machine's kernel at its leanest
                EconomyGenerator g = new EconomyGenerator(Integer.parseInt(args[1]), 10, 42);
                l = Leontief.ofCoefficients(g.coefficients(), null);
                y = g.finalDemand();
                labour = g.labour();
            } else {
                // the economy folder read as 'gosplan leontief' reads it
                Economy e = EconomyFiles.readEconomy(java.nio.file.Path.of(args[1]));
                l = Leontief.of(e);
                y = e.finalDemand();
                // labour per unit: the generated economy's technique p makes one unit of p
                labour = new double[e.products()];
                var res = e.resourceInputs();
                for (int t = 0; t < e.techniques(); t++) {
                    for (int k = res.columnStarts()[t]; k < res.columnStarts()[t + 1]; k++) {
                        labour[t] += res.values()[k];
                    }
                }
            }
            System.out.printf("%s n=%,d: economy in %.1f s%n", mode, l.size(), secs(t0));
            long t1 = System.nanoTime();
            LeontiefSolution x = l.solve(y);
            System.out.printf("single forward: %.2f s, %d iterations, residual %.2e (%s)%n", secs(t1), x.iterations(),
                    x.residual(), x.method());
            long t2 = System.nanoTime();
            LeontiefSolution v = l.solveTransposed(labour);
            System.out.printf("single transposed: %.2f s, %d iterations, residual %.2e%n", secs(t2), v.iterations(),
                    v.residual());
            System.out.printf("check x[0]=%.12g v[0]=%.12g%n", x.x()[0], v.x()[0]);
            return;
        }
        // spark FOLDER MASTER PARTITIONS: the folder read by the executors, nothing of A on the driver
        String folder = args[1];
        String master = args[2];
        int parts = Integer.parseInt(args[3]);
        SparkSession spark = SparkSession.builder().master(master).appName("bench")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.maxResultSize", "0").config("spark.sql.broadcastTimeout", "3600").getOrCreate();
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            EconomyReader.Read r = EconomyReader.read(spark, Tables.base(folder), "csv", parts, false);
            SparkLeontief l = SparkLeontief.ofBlocks(sc, r.matrix(), false, r::names, parts);
            System.out.printf("spark n=%,d nonzeros=%,d: read on the executors into %d blocks in %.1f s%n", l.size(),
                    l.nonzeros(), parts, secs(t0));
            double[] labour = r.intensity()[0];
            long t1 = System.nanoTime();
            LeontiefSolution v = l.solveTransposedAll(new double[][] {labour}, LeontiefOptions.DEFAULT_TOLERANCE)[0];
            int p1 = l.products();
            double s1 = secs(t1);
            System.out.printf("spark transposed (productiveness checked in it): %.2f s, %d iterations, %d products,"
                    + " %.3f s a product, residual %.2e%n", s1, v.iterations(), p1, s1 / p1, v.residual());
            long t3 = System.nanoTime();
            LeontiefSolution x = l.solve(r.finalDemand(), LeontiefOptions.DEFAULT_TOLERANCE);
            int p3 = l.products() - p1;
            double s3 = secs(t3);
            System.out.printf("spark forward (A^T made by one shuffle in it, A freed): %.2f s, %d iterations,"
                    + " %d products, residual %.2e%n", s3, x.iterations(), p3, x.residual());
            long t4 = System.nanoTime();
            x = l.solve(r.finalDemand(), LeontiefOptions.DEFAULT_TOLERANCE);
            int p4 = l.products() - p1 - p3;
            double s4 = secs(t4);
            System.out.printf("spark forward again: %.2f s, %d products, %.3f s a product%n", s4, p4, s4 / p4);
            System.out.printf("check x[0]=%.12g v[0]=%.12g%n", x.x()[0], v.x()[0]);
            System.out.printf("driver heap used at the end: %.2f GB%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e9);
        } finally {
            spark.stop();
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
