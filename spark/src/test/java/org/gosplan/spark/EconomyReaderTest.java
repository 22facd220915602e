package org.gosplan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.planner.PlannerException;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.Multipliers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The economy read by the executors straight into blocks (no economy on the driver): the same
 * answers and the same messages as the single machine reading the same folder.
 */
class EconomyReaderTest {
    @TempDir
    Path dir;

    private static Map<String, double[]> read(String path, String... columns) {
        List<Row> rows = LocalSpark.session().read().option("header", "true").option("inferSchema", "true").csv(path)
                .collectAsList();
        Map<String, double[]> out = new HashMap<>();
        for (Row r : rows) {
            double[] v = new double[columns.length];
            for (int c = 0; c < columns.length; c++) {
                v[c] = ((Number) r.getAs(columns[c])).doubleValue();
            }
            out.put(r.getAs("product").toString(), v);
        }
        return out;
    }

    private static double[] column(Map<String, double[]> rows, Economy e, int c) {
        double[] v = new double[e.products()];
        for (int i = 0; i < v.length; i++) {
            double[] row = rows.get(e.productId(i));
            assertTrue(row != null, "no row for " + e.productId(i));
            v[i] = row[c];
        }
        return v;
    }

    @Test
    void permutedTechniquesMakingSeveralUnitsReadOnTheExecutorsGiveTheSingleMachinesAnswers() throws Exception {
        Economy e = SparkResultsTest.permuted(2_000);
        Path folder = dir.resolve("permuted");
        EconomyFiles.writeFolder(e, folder);
        Economy again = EconomyFiles.readEconomy(folder);
        String out = dir.resolve("x").toString();
        assertEquals(0, Main.run(LocalSpark.session(), "leontief", folder.toString(), out, "--read", "executors",
                "--partitions", "3"));
        String summary = Files.readString(Path.of(out, "summary.json"));
        assertTrue(summary.contains("\"products\": 2000") && summary.contains("\"nonzeros\": 14000"), summary);
        Compare.close(column(read(out + "/output", "x"), again, 0), Leontief.of(again).solve(again.finalDemand()).x(),
                SparkResultsTest.AGREE, "gross output read on the executors");

        String out2 = dir.resolve("m").toString();
        assertEquals(0, Main.run(LocalSpark.session(), "multipliers", folder.toString(), out2, "--read", "executors",
                "--partitions", "4"));
        Map<String, double[]> m = read(out2 + "/multipliers", "output", "labour", "land");
        Multipliers single = Multipliers.of(again, LeontiefOptions.DEFAULT);
        Compare.close(column(m, again, 0), single.output(), SparkResultsTest.AGREE, "output multipliers");
        Compare.close(column(m, again, 1), single.total(0), SparkResultsTest.AGREE, "labour values");
        Compare.close(column(m, again, 2), single.total(1), SparkResultsTest.AGREE, "land intensities");
    }

    @Test
    void theBlocksHoldTheEconomysCoefficientsInEitherOrientation() throws Exception {
        Economy e = SparkResultsTest.permuted(500);
        Path folder = dir.resolve("small");
        EconomyFiles.writeFolder(e, folder);
        Economy again = EconomyFiles.readEconomy(folder);
        double[] v = new double[500];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble();
        }
        // A v and A^T v from the economy's own arrays: column p of A is the inputs of the technique making p per unit
        double[] av = new double[500], atv = new double[500];
        int[] techniqueOf = again.squareTechniqueOf();
        var in = again.productInputs();
        var outputs = again.outputs();
        for (int p = 0; p < 500; p++) {
            int t = techniqueOf[p];
            double q = outputs.values()[outputs.columnStarts()[t]];
            for (int k = in.columnStarts()[t]; k < in.columnStarts()[t + 1]; k++) {
                double a = in.values()[k] / q;
                av[in.rowIndexes()[k]] += a * v[p];
                atv[p] += a * v[in.rowIndexes()[k]];
            }
        }
        for (boolean transposed : new boolean[] {false, true}) {
            EconomyReader.Read read = EconomyReader.read(LocalSpark.session(), Tables.base(folder.toString()), "csv", 3,
                    transposed);
            assertEquals(3_500, read.matrix().nonzeros);
            // A^T v from A's blocks, A v from A^T's: against (I - A) applied on one machine
            double[] got = read.matrix().gather(v, 1);
            double[] want = transposed ? av : atv;
            for (int i = 0; i < v.length; i++) {
                assertEquals(want[i], got[i], 1e-14, "product " + i + (transposed ? " (A v)" : " (A^T v)"));
            }
            Compare.close(read.finalDemand(), again.finalDemand(), 0, "final demand");
            assertEquals(List.of("labour", "land"), List.of(read.resources()));
            assertEquals("p17", read.names(new int[] {17})[0]);
            read.matrix().release();
        }
    }

    @Test
    void aNonProductiveEconomyReadOnTheExecutorsStopsWithTheSingleMachinesMessage() throws Exception {
        EconomyBuilder b = new EconomyBuilder("not productive");
        int coal = b.addProduct("coal", null, null);
        int steel = b.addProduct("steel", null, null);
        int tc = b.addTechnique("mine", Double.POSITIVE_INFINITY);
        int ts = b.addTechnique("mill", Double.POSITIVE_INFINITY);
        b.output(tc, coal, 1).productInput(tc, steel, 0.7).productInput(tc, coal, 0.5);
        b.output(ts, steel, 1).productInput(ts, coal, 0.9).productInput(ts, steel, 0.4);
        b.target(coal, 1, 1);
        Economy e = b.build();
        Path folder = dir.resolve("np");
        EconomyFiles.writeFolder(e, folder);
        EconomyReader.Read read = EconomyReader.read(LocalSpark.session(), Tables.base(folder.toString()), "csv", 2, true);
        SparkLeontief s = SparkLeontief.ofBlocks(LocalSpark.context(), read.matrix(), true, read::names, 2);
        PlannerException x = assertThrows(PlannerException.class, () -> s.solve(read.finalDemand(), 1e-10));
        PlannerException one = assertThrows(PlannerException.class, () -> Leontief.of(e).solve(e.finalDemand()));
        assertEquals(one.getMessage(), x.getMessage());
        assertEquals(2, Main.run(LocalSpark.session(), "leontief", folder.toString(), dir.resolve("o").toString(),
                "--read", "executors"));
    }

    @Test
    void badTablesAreNamedAndExitTwo() throws Exception {
        Economy e = SparkResultsTest.permuted(50);
        Path folder = dir.resolve("bad");
        EconomyFiles.writeFolder(e, folder);
        String base = Tables.base(folder.toString());
        Path flows = folder.resolve("flows.csv");
        String good = Files.readString(flows);

        Files.writeString(flows, good + "t3,steel,-1\n");
        RuntimeException x = assertThrows(RuntimeException.class,
                () -> EconomyReader.read(LocalSpark.session(), base, "csv", 2, false));
        assertTrue(rootMessage(x).contains("no product or resource 'steel'"), rootMessage(x));

        // a second technique making p0: the single machine's message
        Files.writeString(flows, good);
        Files.writeString(folder.resolve("techniques.csv"), Files.readString(folder.resolve("techniques.csv"))
                + "extra,\n");
        Files.writeString(flows, good + "extra,p0,1\n");
        Files.writeString(folder.resolve("products.csv"), Files.readString(folder.resolve("products.csv")));
        PlannerException two = assertThrows(PlannerException.class,
                () -> EconomyReader.read(LocalSpark.session(), base, "csv", 2, false));
        assertTrue(two.getMessage().startsWith("product 'p0' is made by two techniques, 't49' and 'extra'"),
                two.getMessage());
    }

    private static String rootMessage(Throwable t) {
        String m = t.getMessage();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JobException) {
                return c.getMessage();
            }
            m = c.getMessage();
        }
        return m;
    }
}
