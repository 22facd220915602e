package org.gosplan.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.gosplan.economy.Economy;
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

    public static void main(String[] args) {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        long t0 = System.nanoTime();
        EconomyGenerator g = new EconomyGenerator(n, 10, 42);
        Economy e = g.economy();
        double[] y = e.finalDemand();
        double[] labour = g.labour();
        System.out.printf("%s n=%,d nonzeros=%,d: economy built in %.1f s%n", mode, n, e.nonzeros(), secs(t0));
        if (mode.equals("single")) {
            Leontief l = Leontief.of(e);
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
        String master = args[2];
        int parts = Integer.parseInt(args[3]);
        SparkSession spark = SparkSession.builder().master(master).appName("bench")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.maxResultSize", "0").getOrCreate();
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            SparkLeontief l = SparkLeontief.of(sc, e, parts);
            long t1 = System.nanoTime();
            LeontiefSolution v = l.solveTransposedAll(new double[][] {labour}, LeontiefOptions.DEFAULT_TOLERANCE)[0];
            int p1 = l.products();
            System.out.printf("spark transposed (blocks shipped in it): %.2f s, %d iterations, %d products,"
                    + " residual %.2e%n", secs(t1), v.iterations(), p1, v.residual());
            long t2 = System.nanoTime();
            v = l.solveTransposedAll(new double[][] {labour}, LeontiefOptions.DEFAULT_TOLERANCE)[0];
            int p2 = l.products() - p1;
            double s2 = secs(t2);
            System.out.printf("spark transposed again (blocks cached): %.2f s, %d products, %.3f s a product%n", s2,
                    p2, s2 / p2);
            long t3 = System.nanoTime();
            LeontiefSolution x = l.solve(y, LeontiefOptions.DEFAULT_TOLERANCE);
            int p3 = l.products() - p1 - p2;
            System.out.printf("spark forward (transpose by shuffle in it): %.2f s, %d iterations, %d products,"
                    + " residual %.2e%n", secs(t3), x.iterations(), p3, x.residual());
            long t4 = System.nanoTime();
            x = l.solve(y, LeontiefOptions.DEFAULT_TOLERANCE);
            int p4 = l.products() - p1 - p2 - p3;
            double s4 = secs(t4);
            System.out.printf("spark forward again: %.2f s, %d products, %.3f s a product%n", s4, p4, s4 / p4);
            System.out.printf("check x[0]=%.12g v[0]=%.12g%n", x.x()[0], v.x()[0]);
        } finally {
            spark.stop();
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
