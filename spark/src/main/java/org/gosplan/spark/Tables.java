package org.gosplan.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Source;
import org.gosplan.economy.SparseMatrix;

/**
 * The job's inputs and outputs. An economy folder on the local file system (or an economy JSON
 * file, or an input-output table folder) is read by the economy module, with its checks and
 * messages; the same tables as Parquet ({@code products.parquet}, ...), or as CSV on any other file
 * system Spark reads (HDFS, S3-compatible), are read by Spark. Answers are written by Spark, as
 * CSV with a header or as Parquet, one folder per table.
 */
final class Tables {
    private Tables() {}

    static final String[] NAMES = {"products", "resources", "techniques", "flows", "targets"};

    /** The economy (or table) at {@code input}. */
    static Source read(SparkSession spark, String input) {
        boolean local = !input.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || input.startsWith("file:");
        if (local) {
            Path path = Path.of(input.startsWith("file:") ? java.net.URI.create(input).getPath() : input);
            if (!Files.exists(path)) {
                throw new JobException(input + ": no such file or folder; give an economy folder (products.csv, ...),"
                        + " an economy JSON file, an input-output table folder, or the tables as Parquet");
            }
            if (!Files.exists(path.resolve("products.parquet"))) {
                return EconomyFiles.read(path, org.gosplan.economy.Progress.NONE);
            }
            return new Source(path, Source.Form.ECONOMY_FOLDER, readWithSpark(spark, path.toUri().toString(), "parquet"),
                    null, List.of());
        }
        String base = input.endsWith("/") ? input.substring(0, input.length() - 1) : input;
        String format = exists(spark, base + "/products.parquet") ? "parquet" : "csv";
        return new Source(null, Source.Form.ECONOMY_FOLDER, readWithSpark(spark, base, format), null, List.of());
    }

    /**
     * The format of the tables when {@code leontief} and {@code multipliers} read them on the
     * executors, else null (read on the driver by the economy module). {@code read} is the
     * {@code --read} option; without it, the executors read Parquet and any folder on a file system
     * other than the local one; the driver reads a local CSV folder, an economy JSON file or an
     * input-output table (with the economy module's checks and messages).
     */
    static String executorFormat(SparkSession spark, String input, String read) {
        if ("driver".equals(read)) {
            return null;
        }
        String base = base(input);
        boolean local = !input.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || input.startsWith("file:");
        if (exists(spark, base + "/products.parquet")) {
            return "parquet";
        }
        if (local && !Files.isDirectory(Path.of(input.startsWith("file:") ? java.net.URI.create(input).getPath()
                : input))) {
            if ("executors".equals(read)) {
                throw new JobException(input + ": no such folder; --read executors needs a folder of the economy's"
                        + " tables (products, techniques, flows, resources, targets) as CSV or Parquet");
            }
            return null;
        }
        if (!exists(spark, base + "/products.csv") || !exists(spark, base + "/flows.csv")) {
            if ("executors".equals(read)) {
                throw new JobException(input + ": no products.csv and flows.csv (nor products.parquet); --read"
                        + " executors needs the economy's tables as CSV or Parquet");
            }
            return local ? null : "csv";
        }
        return local && !"executors".equals(read) ? null : "csv";
    }

    /** The folder as a Spark path (a local path as a file: URI), without a trailing slash. */
    static String base(String input) {
        boolean local = !input.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") && !input.startsWith("file:");
        String b = local ? Path.of(input).toAbsolutePath().toUri().toString() : input;
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /**
     * An answer table written on the executors beside the ids that never left them: {@code products}
     * holds {@code (pid, p)}; row p gets {@code columns[c][p]} (the vectors are broadcast).
     */
    static void writeIndexed(SparkSession spark, String path, String format, String idName, Dataset<Row> products,
                             String[] names, double[][] columns) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<double[][]> bc = sc.broadcast(columns);
        JavaRDD<Row> rows = products.javaRDD().map(r -> {
            double[][] col = bc.value();
            int p = r.getInt(1);
            Object[] o = new Object[col.length + 1];
            o[0] = r.getString(0);
            for (int c = 0; c < col.length; c++) {
                o[c + 1] = col[c][p];
            }
            return RowFactory.create(o);
        });
        writeColumns(spark, rows, idName, names, format, path);
        bc.destroy();
    }

    private static boolean exists(SparkSession spark, String path) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
        } catch (IOException e) {
            return false;
        }
    }

    private static Iterator<Row> rows(SparkSession spark, String base, String name, String format, boolean required) {
        Dataset<Row> d = table(spark, base, name, format, required);
        return d == null ? java.util.Collections.emptyIterator() : d.toLocalIterator();
    }

    /** One of the five tables as Spark reads it (CSV: a header, every column a string); null if absent and optional. */
    static Dataset<Row> table(SparkSession spark, String base, String name, String format, boolean required) {
        String path = base + "/" + name + "." + format;
        if (!exists(spark, path)) {
            if (required) {
                throw new JobException(path + ": missing; an economy needs products, techniques and flows"
                        + " (formats.md section 2)");
            }
            return null;
        }
        return format.equals("csv")
                ? spark.read().option("header", "true").option("inferSchema", "false").csv(path)
                : spark.read().parquet(path);
    }

    private static String str(Row r, String field) {
        int i = r.fieldIndex(field);
        return r.isNullAt(i) ? null : r.get(i).toString().trim();
    }

    private static double num(Row r, String field, double absent, String where) {
        String s = r.schema().getFieldIndex(field).isEmpty() ? null : str(r, field);
        if (s == null || s.isEmpty()) {
            return absent;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new JobException(where + ": " + field + " '" + s + "' is not a number");
        }
    }

    private static String field(Row r, String field, String where) {
        if (r.schema().getFieldIndex(field).isEmpty()) {
            throw new JobException(where + ": no column '" + field + "'");
        }
        String s = str(r, field);
        if (s == null || s.isEmpty()) {
            throw new JobException(where + ": " + field + " is empty");
        }
        return s;
    }

    /** The five tables, read by Spark and collected row by row into an economy on the driver. */
    static Economy readWithSpark(SparkSession spark, String base, String format) {
        EconomyBuilder b = new EconomyBuilder("");
        int line = 0;
        for (Iterator<Row> it = rows(spark, base, "products", format, true); it.hasNext(); ) {
            Row r = it.next();
            String where = base + "/products." + format + " row " + ++line;
            String id = field(r, "id", where);
            if (b.addProduct(id, optional(r, "unit"), optional(r, "name")) < 0) {
                throw new JobException(where + ": product '" + id + "' is given twice (or is also a resource)");
            }
        }
        line = 0;
        for (Iterator<Row> it = rows(spark, base, "resources", format, false); it.hasNext(); ) {
            Row r = it.next();
            String where = base + "/resources." + format + " row " + ++line;
            String id = field(r, "id", where);
            if (b.addResource(id, optional(r, "unit"), num(r, "available", Double.NaN, where)) < 0) {
                throw new JobException(where + ": resource '" + id + "' is given twice (or is also a product)");
            }
        }
        line = 0;
        for (Iterator<Row> it = rows(spark, base, "techniques", format, true); it.hasNext(); ) {
            Row r = it.next();
            String where = base + "/techniques." + format + " row " + ++line;
            String id = field(r, "id", where);
            if (b.addTechnique(id, num(r, "capacity", Double.POSITIVE_INFINITY, where)) < 0) {
                throw new JobException(where + ": technique '" + id + "' is given twice");
            }
        }
        line = 0;
        for (Iterator<Row> it = rows(spark, base, "flows", format, true); it.hasNext(); ) {
            Row r = it.next();
            String where = base + "/flows." + format + " row " + ++line;
            String tid = field(r, "technique", where);
            String item = field(r, "item", where);
            double q = num(r, "quantity", Double.NaN, where);
            int t = b.techniqueIndex(tid);
            if (t < 0) {
                throw new JobException(where + ": no technique '" + tid + "' in techniques." + format);
            }
            if (!Double.isFinite(q) || q == 0) {
                throw new JobException(where + ": the quantity must be a non-zero number (> 0 an output, < 0 an input)");
            }
            int p = b.productIndex(item);
            if (p >= 0) {
                if (q > 0) {
                    b.output(t, p, q);
                } else {
                    b.productInput(t, p, -q);
                }
                continue;
            }
            int res = b.resourceIndex(item);
            if (res < 0) {
                throw new JobException(where + ": no product or resource '" + item + "'");
            }
            if (q > 0) {
                throw new JobException(where + ": resource '" + item + "' cannot be an output");
            }
            b.resourceInput(t, res, -q);
        }
        line = 0;
        for (Iterator<Row> it = rows(spark, base, "targets", format, false); it.hasNext(); ) {
            Row r = it.next();
            String where = base + "/targets." + format + " row " + ++line;
            String id = field(r, "product", where);
            int p = b.productIndex(id);
            if (p < 0) {
                throw new JobException(where + ": no product '" + id + "'");
            }
            b.target(p, num(r, "quantity", Double.NaN, where), num(r, "weight", 1.0, where));
        }
        return b.build();
    }

    private static String optional(Row r, String field) {
        return r.schema().getFieldIndex(field).isEmpty() ? null : str(r, field);
    }

    /** Writes an economy's five tables as Parquet under {@code base} (the {@code parquet} command). */
    static void writeParquet(SparkSession spark, Economy e, String base) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Row> products = new ArrayList<>();
        for (int p = 0; p < e.products(); p++) {
            products.add(RowFactory.create(e.productId(p), e.productUnit(p), e.productName(p)));
        }
        save(spark, products, schema("id", "unit", "name"), base + "/products.parquet");
        List<Row> resources = new ArrayList<>();
        StructType rs = new StructType().add("id", DataTypes.StringType).add("unit", DataTypes.StringType)
                .add("available", DataTypes.DoubleType);
        for (int r = 0; r < e.resources(); r++) {
            resources.add(RowFactory.create(e.resourceId(r), e.resourceUnit(r),
                    e.isLimited(r) ? e.available(r) : null));
        }
        save(spark, resources, rs, base + "/resources.parquet");
        List<Row> techniques = new ArrayList<>();
        StructType ts = new StructType().add("id", DataTypes.StringType).add("capacity", DataTypes.DoubleType);
        for (int t = 0; t < e.techniques(); t++) {
            techniques.add(RowFactory.create(e.techniqueId(t), e.hasCapacity(t) ? e.capacity(t) : null));
        }
        save(spark, techniques, ts, base + "/techniques.parquet");
        StructType fs = new StructType().add("technique", DataTypes.StringType).add("item", DataTypes.StringType)
                .add("quantity", DataTypes.DoubleType);
        List<Row> flows = new ArrayList<>();
        flows(e, e.outputs(), 1.0, false, flows);
        flows(e, e.productInputs(), -1.0, false, flows);
        flows(e, e.resourceInputs(), -1.0, true, flows);
        save(spark, flows, fs, base + "/flows.parquet");
        StructType gs = new StructType().add("product", DataTypes.StringType).add("quantity", DataTypes.DoubleType)
                .add("weight", DataTypes.DoubleType);
        List<Row> targets = new ArrayList<>();
        for (int i = 0; i < e.targets(); i++) {
            targets.add(RowFactory.create(e.productId(e.targetProduct(i)), e.targetQuantity(i), e.targetWeight(i)));
        }
        save(spark, targets, gs, base + "/targets.parquet");
        sc.hashCode(); // the context stays the session's
    }

    private static void flows(Economy e, SparseMatrix m, double sign, boolean resources, List<Row> out) {
        int[] cs = m.columnStarts(), ri = m.rowIndexes();
        double[] v = m.values();
        for (int t = 0; t < e.techniques(); t++) {
            for (int k = cs[t]; k < cs[t + 1]; k++) {
                out.add(RowFactory.create(e.techniqueId(t), resources ? e.resourceId(ri[k]) : e.productId(ri[k]),
                        sign * v[k]));
            }
        }
    }

    private static StructType schema(String... names) {
        StructField[] f = new StructField[names.length];
        for (int i = 0; i < names.length; i++) {
            f[i] = DataTypes.createStructField(names[i], DataTypes.StringType, true);
        }
        return DataTypes.createStructType(f);
    }

    private static void save(SparkSession spark, List<Row> rows, StructType schema, String path) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    }

    /**
     * One answer table: an id column and numeric columns, {@code columns[c][i]} for row i, as CSV
     * (with a header) or Parquet in the folder {@code path}. Rows are made on the executors from
     * broadcast arrays, a million to a file.
     */
    static void write(SparkSession spark, String path, String format, String idName, String[] ids,
                      String[] names, double[][] columns) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int n = ids.length;
        int files = Math.max(1, (int) Math.min(1000, (n + 999_999L) / 1_000_000));
        Broadcast<String[]> bi = sc.broadcast(ids);
        Broadcast<double[][]> bc = sc.broadcast(columns);
        List<Integer> parts = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            parts.add(f);
        }
        final int count = files;
        JavaRDD<Row> rows = sc.parallelize(parts, files).flatMap(f -> {
            int from = (int) ((long) n * f / count), to = (int) ((long) n * (f + 1) / count);
            String[] id = bi.value();
            double[][] col = bc.value();
            List<Row> out = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                Object[] r = new Object[col.length + 1];
                r[0] = id[i];
                for (int c = 0; c < col.length; c++) {
                    r[c + 1] = col[c][i];
                }
                out.add(RowFactory.create(r));
            }
            return out.iterator();
        });
        writeColumns(spark, rows, idName, names, format, path);
        bi.destroy();
        bc.destroy();
    }

    /** A small text file (summary.json) on whatever file system {@code path} is on. */
    /** Rows of an id and one number a column, written on the executors as CSV with a header or as Parquet. */
    private static void writeColumns(SparkSession spark, JavaRDD<Row> rows, String idName, String[] names,
                                     String format, String path) {
        StructType schema = new StructType().add(idName, DataTypes.StringType, false);
        for (String name : names) {
            schema = schema.add(name, DataTypes.DoubleType, false);
        }
        var w = spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite);
        if (format.equals("csv")) {
            w.option("header", "true").csv(path);
        } else {
            w.parquet(path);
        }
    }

    static void writeText(SparkSession spark, String path, String text) {
        try {
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = p.getFileSystem(conf);
            try (OutputStream out = fs.create(p, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new JobException("cannot write " + path + ": " + e.getMessage());
        }
    }
}
