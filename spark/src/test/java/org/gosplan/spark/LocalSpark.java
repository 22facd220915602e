package org.gosplan.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** One local[2] session for all the tests of a run: starting Spark takes seconds. */
final class LocalSpark {
    private LocalSpark() {}

    private static SparkSession spark;

    static synchronized SparkSession session() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("gosplan-tests")
                    .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "4").getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
        }
        return spark;
    }

    static JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }
}
