package org.gosplan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.planner.EconomyGenerator;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.Planner;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.Multipliers;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit job end to end: an economy folder in, CSV or Parquet out, read back and compared. */
class JobTest {
    @TempDir
    Path dir;

    private static Map<String, double[]> read(String path, String format, String id, String... columns) {
        var reader = LocalSpark.session().read();
        List<Row> rows = (format.equals("csv") ? reader.option("header", "true").option("inferSchema", "true").csv(path)
                : reader.parquet(path)).collectAsList();
        Map<String, double[]> out = new HashMap<>();
        for (Row r : rows) {
            double[] v = new double[columns.length];
            for (int c = 0; c < columns.length; c++) {
                v[c] = ((Number) r.getAs(columns[c])).doubleValue();
            }
            out.put(r.getAs(id).toString(), v);
        }
        return out;
    }

    private static double[] column(Map<String, double[]> rows, Economy e, int c, boolean techniques) {
        int n = techniques ? e.techniques() : e.products();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = rows.get(techniques ? e.techniqueId(i) : e.productId(i));
            assertTrue(row != null, "no row for " + i);
            v[i] = row[c];
        }
        return v;
    }

    @Test
    void leontiefAndMultipliersFromAnEconomyFolderToCsvAndFromParquetToParquet() throws Exception {
        Path folder = dir.resolve("economy");
        new EconomyGenerator(3_000, 5, 3, 0.4, 0.9).writeFolder(folder);
        Economy e = EconomyFiles.readEconomy(folder);
        String out = dir.resolve("out").toString();
        assertEquals(0, Main.run(LocalSpark.session(), "leontief", folder.toString(), out, "--partitions", "3"));
        String summary = Files.readString(Path.of(out, "summary.json"));
        assertTrue(summary.contains("\"products\": 3000") && summary.contains("\"nonzeros\": 15000"), summary);
        Compare.close(column(read(out + "/output", "csv", "product", "x"), e, 0, false),
                Leontief.of(e).solve(e.finalDemand()).x(), SparkResultsTest.AGREE, "x from CSV");

        String parquet = dir.resolve("parquet").toString();
        assertEquals(0, Main.run(LocalSpark.session(), "parquet", folder.toString(), parquet));
        assertTrue(Files.isDirectory(Path.of(parquet, "flows.parquet")));
        String out2 = dir.resolve("out2").toString();
        assertEquals(0, Main.run(LocalSpark.session(), "multipliers", parquet, out2, "--format", "parquet"));
        Map<String, double[]> m = read(out2 + "/multipliers", "parquet", "product", "output", "labour");
        Multipliers single = Multipliers.of(e, LeontiefOptions.DEFAULT);
        Compare.close(column(m, e, 0, false), single.output(), SparkResultsTest.AGREE, "multipliers from Parquet");
        Compare.close(column(m, e, 1, false), single.total(0), SparkResultsTest.AGREE, "labour values from Parquet");
    }

    @Test
    void planWritesLevelsValuationsAndTheCertificate() throws Exception {
        Economy e = SparkResultsTest.withAlternatives(500, 5, true);
        Path file = dir.resolve("alt.economy.json");
        EconomyFiles.writeJson(e, file);
        String out = dir.resolve("plan").toString();
        assertEquals(0, Main.run(LocalSpark.session(), "plan", file.toString(), out));
        Plan single = Planner.plan(e, PlanOptions.fulfil());
        Compare.close(column(read(out + "/levels", "csv", "technique", "level"), e, 0, true), single.levels(),
                SparkResultsTest.AGREE, "levels");
        Compare.close(column(read(out + "/valuations", "csv", "product", "valuation"), e, 0, false),
                single.valuations(), SparkResultsTest.AGREE, "valuations");
        String summary = Files.readString(Path.of(out, "summary.json"));
        assertTrue(summary.contains("\"status\": \"optimal\""), summary);
        double value = Double.parseDouble(summary.replaceAll("(?s).*\"value\": ([^,]+),.*", "$1"));
        assertEquals(single.value(), value, 1e-8 * single.value());
    }

    @Test
    void badInputExitsTwo() {
        assertEquals(2, Main.run(LocalSpark.session(), "leontief", dir.resolve("nothing").toString(),
                dir.resolve("o").toString()));
        assertEquals(2, Main.run(LocalSpark.session(), "solve", "a", "b"));
        assertEquals(2, Main.run(LocalSpark.session(), "leontief", "a", "b", "--tolerance", "2"));
    }
}
