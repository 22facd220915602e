package org.gosplan.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.gosplan.economy.Economy;
import org.gosplan.economy.IoTable;
import org.gosplan.economy.Source;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.LeontiefSolution;
import org.gosplan.planner.leontief.Multipliers;

/**
 * What {@code gosplan leontief|multipliers|plan ... --spark MASTER} calls (by name, through
 * reflection: the app does not depend on this module, so its other commands never load Spark).
 * Each call starts a session on the master, computes on it and stops it; the answers are the
 * planner's own types, which the app prints as it prints the single machine's.
 */
public final class LocalBridge {
    private LocalBridge() {}

    /** Spark's INFO lines would bury the answer: warnings and errors only, unless the user set a configuration. */
    private static SparkSession start(String master) {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
            java.net.URL quiet = LocalBridge.class.getResource("quiet-log4j2.properties");
            if (quiet != null) {
                System.setProperty("log4j2.configurationFile", quiet.toString());
            }
        }
        return Main.session(master);
    }

    private static int partitions(JavaSparkContext sc) {
        return Math.max(1, sc.defaultParallelism());
    }

    /** {@code (I - A) x = y} of an economy or a table on Spark. */
    public static LeontiefSolution leontief(String master, Object economyOrTable, double[] y, double tolerance) {
        SparkSession spark = start(master);
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            SparkLeontief l = economyOrTable instanceof IoTable t ? SparkLeontief.of(sc, t, partitions(sc))
                    : SparkLeontief.of(sc, (Economy) economyOrTable, partitions(sc));
            return l.solve(y, tolerance);
        } finally {
            spark.stop();
        }
    }

    /** The multipliers and total intensities of an economy or a table, every solve on Spark. */
    public static Multipliers multipliers(String master, Object economyOrTable, LeontiefOptions options) {
        SparkSession spark = start(master);
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Source source = economyOrTable instanceof IoTable t
                    ? new Source(null, Source.Form.TABLE, null, t, java.util.List.of())
                    : new Source(null, Source.Form.ECONOMY_FOLDER, (Economy) economyOrTable, null, java.util.List.of());
            return Main.multipliers(sc, source, options, partitions(sc), new SparkLeontief[1]);
        } finally {
            spark.stop();
        }
    }

    /** The non-substitution plan on Spark. */
    public static Plan plan(String master, Economy e, PlanOptions options) {
        SparkSession spark = start(master);
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            return SparkPlanner.plan(sc, e, options, partitions(sc)).plan();
        } finally {
            spark.stop();
        }
    }
}
