package org.gosplan.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.gosplan.planner.PlannerException;
import scala.Tuple2;

/**
 * A square economy (one technique per product, one output per technique: what {@code leontief}
 * and {@code multipliers} need) read by the executors straight into column blocks of primitive
 * arrays, the flows split by Spark, never collected. The driver keeps vectors only: the final
 * demand, each resource's direct intensities, which product each technique makes (an int and a
 * double per technique); ids stay on the executors and are looked up by index for messages and
 * written beside the answers there.
 *
 * <p>How: products and techniques get their index from their order in the file (a zipWithIndex,
 * so the same order as the economy module reads them); the flows are joined to both by id (two
 * shuffles of the flows, the only ones of per-flow rows); a first pass over the joined flows sends
 * the driver the outputs and resource inputs as primitive arrays (and the first bad row, if any);
 * a second pass cuts the product inputs, divided by the output quantity, into compressed pieces by
 * destination block on the map side, so the shuffle that assembles the blocks moves a few large
 * arrays, not an object per coefficient.
 */
final class EconomyReader {
    private EconomyReader() {}

    /** The most products (and techniques) whose ids are broadcast to the executors for the joins. */
    static final long BROADCAST_IDS = 20_000_000L;

    /** What was read: the matrix in blocks, the vectors, and the products' ids on the executors. */
    record Read(BlockMatrix matrix, boolean transposed, double[] finalDemand, String[] resources,
                double[][] intensity, Dataset<Row> products) {
        /** Product ids by index (a filter on the executors: for messages, a few at a time). */
        String[] names(int[] indices) {
            return lookup(products, "pid", "p", indices);
        }
    }

    /**
     * Reads the tables under {@code base} ({@code products.FORMAT}, {@code resources.FORMAT},
     * {@code techniques.FORMAT}, {@code flows.FORMAT}, {@code targets.FORMAT}) into {@code parts}
     * column blocks of A, or of A^T when {@code transposed}.
     */
    static Read read(SparkSession spark, String base, String format, int parts, boolean transposed) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Dataset<Row> products = indexed(spark, Tables.table(spark, base, "products", format, true), "pid", "p",
                base + "/products." + format);
        Dataset<Row> techniques = indexed(spark, Tables.table(spark, base, "techniques", format, true), "tid", "t",
                base + "/techniques." + format);
        products.persist(StorageLevel.MEMORY_AND_DISK());
        techniques.persist(StorageLevel.MEMORY_AND_DISK());
        long n64 = products.count();
        long nt = techniques.count();
        if (n64 > Integer.MAX_VALUE - 8) {
            throw new JobException(base + "/products." + format + ": " + n64 + " products; at most 2^31 - 9");
        }
        int n = (int) n64;
        duplicate(products, "pid", base + "/products." + format, "product");
        duplicate(techniques, "tid", base + "/techniques." + format, "technique");

        // resources: few, on the driver
        List<String> resources = new ArrayList<>();
        Dataset<Row> res = Tables.table(spark, base, "resources", format, false);
        if (res != null) {
            requireColumn(res, "id", base + "/resources." + format);
            for (Row r : res.select(trim(col("id").cast("string"))).collectAsList()) {
                String id = r.getString(0);
                if (resources.contains(id)) {
                    throw new JobException(base + "/resources." + format + ": resource '" + id + "' is given twice");
                }
                resources.add(id);
            }
        }
        List<Row> rrows = new ArrayList<>();
        for (int r = 0; r < resources.size(); r++) {
            rrows.add(RowFactory.create(resources.get(r), r));
        }
        Dataset<Row> rtable = spark.createDataFrame(rrows,
                new StructType().add("rid", DataTypes.StringType).add("r", DataTypes.IntegerType));

        String flowsPath = base + "/flows." + format;
        Dataset<Row> flows = Tables.table(spark, base, "flows", format, true);
        for (String c : new String[] {"technique", "item", "quantity"}) {
            requireColumn(flows, c, flowsPath);
        }
        // Up to BROADCAST_IDS products the ids go to every executor as a hash table (about 50 bytes an id)
        // and the flows are never shuffled; beyond, both sides are shuffled by id (a sort-merge join).
        boolean small = n <= BROADCAST_IDS && nt <= BROADCAST_IDS;
        Dataset<Row> joined = flows
                .select(trim(col("technique").cast("string")).as("ft"), trim(col("item").cast("string")).as("fi"),
                        col("quantity").cast("string").as("qs"), col("quantity").cast("double").as("q"))
                .join(small ? broadcast(techniques) : techniques, col("ft").equalTo(col("tid")), "left")
                .join(small ? broadcast(products) : products, col("fi").equalTo(col("pid")), "left")
                .join(broadcast(rtable), col("fi").equalTo(col("rid")), "left")
                .select(col("ft"), col("fi"), col("qs"), col("q"), col("t"), col("p"), col("r"));
        JavaRDD<Row> x = joined.javaRDD(); // one RDD: the second pass reuses the joins' shuffle output, if any

        // pass 1: outputs and resource inputs to the driver, as primitive arrays
        final String where = flowsPath;
        // each partition of flows parsed once into primitive arrays (16 bytes a coefficient), kept for pass 2
        JavaRDD<Outputs> parsed = x.mapPartitions(it -> List.of(Outputs.of(it, where)).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK());
        long t0 = System.nanoTime();
        List<Outputs> firsts = parsed.map(Outputs::withoutInputs).collect();
        System.err.printf("flows read, joined to the ids and parsed into arrays on the executors: %.1f s%n",
                (System.nanoTime() - t0) / 1e9);
        for (Outputs o : firsts) {
            if (o.error != null) {
                throw new JobException(o.error);
            }
        }
        int[] makes = new int[(int) nt];
        Arrays.fill(makes, -1);
        int[] count = new int[(int) nt];
        double[] quantity = new double[(int) nt];
        for (Outputs o : firsts) {
            Coordinates made = o.outputs;
            for (int k = 0; k < made.size; k++) {
                int t = made.first[k];
                count[t]++;
                makes[t] = made.second[k];
                quantity[t] = made.value[k];
            }
        }
        int[] techniqueOf = square(n, makes, count, products, techniques);
        double[][] intensity = new double[resources.size()][n];
        for (Outputs o : firsts) {
            Coordinates used = o.resourceInputs;
            for (int k = 0; k < used.size; k++) {
                int t = used.first[k];
                double scale = quantity[t] == 1.0 ? 1.0 : 1.0 / quantity[t];
                intensity[used.second[k]][makes[t]] += used.value[k] * scale;
            }
        }
        firsts = null;

        // pass 2: the product inputs into blocks
        int[] bounds = new int[parts + 1];
        for (int b = 0; b <= parts; b++) {
            bounds[b] = (int) ((long) n * b / parts);
        }
        Broadcast<int[]> bMakes = sc.broadcast(makes);
        Broadcast<double[]> bQuantity = sc.broadcast(quantity);
        final int[] bb = bounds;
        final boolean tr = transposed;
        JavaRDD<ColumnBlock> blocks = parsed
                .flatMapToPair(o -> Piece.cut(o, bMakes.value(), bQuantity.value(), bb, tr).iterator())
                .partitionBy(new BlockMatrix.BlockPartitioner(parts))
                .mapPartitionsWithIndex((d, it) -> List.of(Piece.merge(d, bb, it)).iterator(), true)
                .persist(StorageLevel.MEMORY_ONLY());
        long t1 = System.nanoTime();
        long nonzeros = blocks.map(ColumnBlock::nonzeros).reduce(Long::sum);
        System.err.printf("%,d coefficients cut into %d blocks by one shuffle: %.1f s%n", nonzeros, parts,
                (System.nanoTime() - t1) / 1e9);
        techniques.unpersist();
        parsed.unpersist();
        bMakes.destroy();
        bQuantity.destroy();
        BlockMatrix m = BlockMatrix.ofBlocks(sc, n, nonzeros, bounds, blocks);
        return new Read(m, transposed, finalDemand(spark, base, format, products, n), resources.toArray(new String[0]),
                intensity, products);
    }

    /** A table with its rows numbered in file order: columns {@code idName} (trimmed id) and {@code index}. */
    private static Dataset<Row> indexed(SparkSession spark, Dataset<Row> table, String idName, String index,
                                        String where) {
        requireColumn(table, "id", where);
        JavaRDD<Row> rows = table.select(trim(col("id").cast("string"))).javaRDD().zipWithIndex().map(t -> {
            String id = t._1().getString(0);
            if (id == null || id.isEmpty()) {
                throw new JobException(where + " row " + (t._2() + 1) + ": id is empty");
            }
            return RowFactory.create(id, (int) (long) t._2());
        });
        return spark.createDataFrame(rows, new StructType().add(idName, DataTypes.StringType, false)
                .add(index, DataTypes.IntegerType, false));
    }

    private static void requireColumn(Dataset<Row> d, String c, String where) {
        if (!Arrays.asList(d.columns()).contains(c)) {
            throw new JobException(where + ": no column '" + c + "'");
        }
    }

    private static void duplicate(Dataset<Row> d, String id, String where, String what) {
        List<Row> twice = d.groupBy(id).count().filter(col("count").gt(1)).limit(1).collectAsList();
        if (!twice.isEmpty()) {
            throw new JobException(where + ": " + what + " '" + twice.get(0).getString(0) + "' is given twice");
        }
    }

    private static String[] lookup(Dataset<Row> d, String idName, String index, int... indices) {
        if (indices.length == 0) {
            return new String[0];
        }
        Object[] boxed = Arrays.stream(indices).boxed().toArray();
        Map<Integer, String> found = new HashMap<>();
        for (Row r : d.filter(col(index).isin(boxed)).select(col(idName), col(index)).collectAsList()) {
            found.put(r.getInt(1), r.getString(0));
        }
        String[] s = new String[indices.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = found.get(indices[i]);
        }
        return s;
    }

    /** The square case's checks with {@code Leontief.of}'s messages; the technique making each product. */
    private static int[] square(int n, int[] makes, int[] count, Dataset<Row> products, Dataset<Row> techniques) {
        int[] techniqueOf = new int[n];
        Arrays.fill(techniqueOf, -1);
        for (int t = 0; t < makes.length; t++) {
            if (count[t] != 1) {
                String tid = lookup(techniques, "tid", "t", t)[0];
                String made = count[t] == 0 ? "" : "'" + lookup(products, "pid", "p", makes[t])[0] + "'"
                        + (count[t] > 1 ? ", ..." : "");
                throw new PlannerException("technique '" + tid + "' makes " + count[t] + " products (" + made
                        + "); a Leontief solve needs exactly one output per technique and one technique per product:"
                        + " split joint production, or use 'gosplan plan'");
            }
            int p = makes[t];
            if (techniqueOf[p] >= 0) {
                String[] two = lookup(techniques, "tid", "t", techniqueOf[p], t);
                throw new PlannerException("product '" + lookup(products, "pid", "p", p)[0] + "' is made by two"
                        + " techniques, '" + two[0] + "' and '" + two[1] + "'; a Leontief solve needs exactly one"
                        + " technique per product: keep one, or use 'gosplan plan' to choose between them");
            }
            techniqueOf[p] = t;
        }
        for (int p = 0; p < n; p++) {
            if (techniqueOf[p] < 0) {
                throw new PlannerException("product '" + lookup(products, "pid", "p", p)[0] + "' is made by no"
                        + " technique; a Leontief solve needs exactly one technique per product: add a technique that"
                        + " makes it, or drop the product");
            }
        }
        return techniqueOf;
    }

    /** The final demand: the targets' quantities summed by product, sent to the driver as arrays. */
    private static double[] finalDemand(SparkSession spark, String base, String format, Dataset<Row> products, int n) {
        double[] y = new double[n];
        Dataset<Row> targets = Tables.table(spark, base, "targets", format, false);
        if (targets == null) {
            return y;
        }
        String where = base + "/targets." + format;
        requireColumn(targets, "product", where);
        requireColumn(targets, "quantity", where);
        List<Tuple2<int[], double[]>> pieces = targets
                .select(trim(col("product").cast("string")).as("tp"), col("quantity").cast("string").as("qs"),
                        col("quantity").cast("double").as("q"))
                .join(products, col("tp").equalTo(col("pid")), "left").javaRDD().mapPartitions(it -> {
                    int[] p = new int[16];
                    double[] q = new double[16];
                    int k = 0;
                    while (it.hasNext()) {
                        Row r = it.next();
                        if (r.isNullAt(r.fieldIndex("p"))) {
                            throw new JobException(where + ": no product '" + r.getAs("tp") + "'");
                        }
                        if (r.isNullAt(r.fieldIndex("q"))) {
                            throw new JobException(where + ": quantity '" + r.getAs("qs") + "' of product '"
                                    + r.getAs("tp") + "' is not a number");
                        }
                        if (k == p.length) {
                            p = Arrays.copyOf(p, 2 * k);
                            q = Arrays.copyOf(q, 2 * k);
                        }
                        p[k] = r.getAs("p");
                        q[k++] = r.getAs("q");
                    }
                    return List.of(new Tuple2<>(Arrays.copyOf(p, k), Arrays.copyOf(q, k))).iterator();
                }).collect();
        for (Tuple2<int[], double[]> piece : pieces) {
            for (int k = 0; k < piece._1().length; k++) {
                y[piece._1()[k]] += piece._2()[k];
            }
        }
        return y;
    }

    /** Pass 1 of one partition: its outputs and resource inputs, or its first bad row. */
    static final class Outputs implements Serializable {
        private static final long serialVersionUID = 1L;
        /** (technique, product made, quantity made). */
        Coordinates outputs = new Coordinates(0);
        /** (technique, resource, amount used). */
        Coordinates resourceInputs = new Coordinates(0);
        /** (technique, product used, amount used). */
        Coordinates productInputs = new Coordinates(0);
        String error;

        /** What the driver needs: all but the product inputs. */
        Outputs withoutInputs() {
            Outputs o = new Outputs();
            o.outputs = outputs;
            o.resourceInputs = resourceInputs;
            o.error = error;
            return o;
        }

        static Outputs of(Iterator<Row> it, String where) {
            Outputs o = new Outputs();
            Coordinates outputs = new Coordinates(1024), resourceInputs = new Coordinates(1024);
            Coordinates productInputs = new Coordinates(1024);
            while (it.hasNext()) {
                Row r = it.next();
                String tech = r.getString(0), item = r.getString(1);
                String what = where + ": the flow of '" + item + "' in technique '" + tech + "'";
                if (r.isNullAt(4)) {
                    o.error = what + ": no technique '" + tech + "' in techniques";
                    return o;
                }
                double q = r.isNullAt(3) ? Double.NaN : r.getDouble(3);
                if (!Double.isFinite(q) || q == 0) {
                    o.error = what + ": quantity '" + r.getString(2) + "' must be a non-zero number (> 0 an output,"
                            + " < 0 an input)";
                    return o;
                }
                int t = r.getInt(4);
                if (!r.isNullAt(5)) {
                    if (q > 0) {
                        outputs.add(t, r.getInt(5), q);
                    } else {
                        productInputs.add(t, r.getInt(5), -q);
                    }
                    continue;
                }
                if (r.isNullAt(6)) {
                    o.error = what + ": no product or resource '" + item + "'";
                    return o;
                }
                if (q > 0) {
                    o.error = what + ": resource '" + item + "' cannot be an output";
                    return o;
                }
                resourceInputs.add(t, r.getInt(6), -q);
            }
            o.outputs = outputs.trimmed();
            o.resourceInputs = resourceInputs.trimmed();
            o.productInputs = productInputs.trimmed();
            return o;
        }
    }

    /**
     * Coefficients bound for one block, as coordinates (column and row global, 16 bytes a
     * coefficient in the shuffle), cut on the map side.
     */
    record Piece(int[] column, int[] row, double[] value) implements Serializable {
        static List<Tuple2<Integer, Piece>> cut(Outputs o, int[] makes, double[] quantity, int[] bounds,
                                               boolean transposed) {
            int parts = bounds.length - 1;
            Coordinates[] pieces = new Coordinates[parts];
            for (int d = 0; d < parts; d++) {
                pieces[d] = new Coordinates(256);
            }
            Coordinates used = o.productInputs;
            for (int e = 0; e < used.size; e++) {
                int t = used.first[e];
                int c = makes[t], row = used.second[e];
                double qt = quantity[t];
                double a = qt == 1.0 ? used.value[e] : used.value[e] / qt;
                if (transposed) {
                    int s = c;
                    c = row;
                    row = s;
                }
                pieces[BlockMatrix.blockOf(bounds, c)].add(c, row, a);
            }
            List<Tuple2<Integer, Piece>> out = new ArrayList<>();
            for (int d = 0; d < parts; d++) {
                if (pieces[d].size > 0) {
                    Coordinates p = pieces[d].trimmed();
                    out.add(new Tuple2<>(d, new Piece(p.first, p.second, p.value)));
                }
                pieces[d] = null;
            }
            return out;
        }

        /** Block d from its pieces: compressed columns, rows ascending within each column. */
        static ColumnBlock merge(int d, int[] bounds, Iterator<Tuple2<Integer, Piece>> it) {
            int c0 = bounds[d], width = bounds[d + 1] - c0;
            List<Piece> pieces = new ArrayList<>();
            int[] cs = new int[width + 1];
            while (it.hasNext()) {
                Piece p = it.next()._2();
                pieces.add(p);
                for (int c : p.column) {
                    cs[c - c0 + 1]++;
                }
            }
            for (int j = 0; j < width; j++) {
                cs[j + 1] += cs[j];
            }
            int[] next = Arrays.copyOf(cs, width);
            int[] ri = new int[cs[width]];
            double[] va = new double[cs[width]];
            for (int i = 0; i < pieces.size(); i++) {
                Piece p = pieces.get(i);
                for (int k = 0; k < p.column.length; k++) {
                    int at = next[p.column[k] - c0]++;
                    ri[at] = p.row[k];
                    va[at] = p.value[k];
                }
                pieces.set(i, null); // let each piece go as soon as it is copied
            }
            BlockMatrix.sortColumns(cs, ri, va);
            return new ColumnBlock(c0, cs, ri, va);
        }
    }
}
