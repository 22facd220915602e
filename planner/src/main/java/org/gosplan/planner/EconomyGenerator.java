package org.gosplan.planner;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyBuilder;
import org.gosplan.economy.SparseMatrix;

/**
 * Random productive economies of any size, for benchmarks and tests. Product {@code p} is made
 * by technique {@code p} (one unit per unit level) from {@code inputs} other products chosen
 * uniformly at random, with positive coefficients whose column sum is drawn uniformly from
 * {@code [minColumnSum, maxColumnSum]} (below 1, so the economy is productive with spectral
 * radius at most {@code maxColumnSum}), plus labour drawn from {@code [0.5, 1.5)} hours per
 * unit; every product is targeted with a final demand drawn from {@code [1, 100)}. The same
 * parameters and seed give the same economy, bit for bit, in every form.
 */
public final class EconomyGenerator {
    private final int products;
    private final int inputs;
    private final long seed;
    private final double minColumnSum;
    private final double maxColumnSum;

    /**
     * @param products      number of products (and techniques)
     * @param inputs        product inputs per technique (fewer when there are fewer other products)
     * @param seed          the random seed
     * @param minColumnSum  smallest column sum of A, at least 0
     * @param maxColumnSum  largest column sum of A, below 1
     */
    public EconomyGenerator(int products, int inputs, long seed, double minColumnSum, double maxColumnSum) {
        if (products < 1 || inputs < 0) {
            throw new IllegalArgumentException("products must be at least 1 and inputs at least 0");
        }
        if (!(minColumnSum >= 0 && minColumnSum <= maxColumnSum && maxColumnSum < 1)) {
            throw new IllegalArgumentException("need 0 <= minColumnSum <= maxColumnSum < 1");
        }
        this.products = products;
        this.inputs = Math.min(inputs, products - 1);
        this.seed = seed;
        this.minColumnSum = minColumnSum;
        this.maxColumnSum = maxColumnSum;
    }

    /** The default shape of the benchmarks: column sums uniform on [0.2, 0.8]. */
    public EconomyGenerator(int products, int inputs, long seed) {
        this(products, inputs, seed, 0.2, 0.8);
    }

    /** Visits the generated technology column by column. */
    public interface Visitor {
        /**
         * Technique {@code t} (making product t) with product inputs {@code rows[0..count-1]}
         * (ascending) in {@code quantities}, {@code labour} hours per unit and final demand
         * {@code demand} for product t.
         */
        void technique(int t, int[] rows, double[] quantities, int count, double labour, double demand);
    }

    /** Generates, calling the visitor for techniques 0, 1, ... in order. */
    public void generate(Visitor visitor) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] rows = new int[inputs];
        double[] w = new double[inputs];
        long[] packed = new long[inputs];
        for (int t = 0; t < products; t++) {
            int k = 0;
            while (k < inputs) {
                int r = rnd.nextInt(products);
                boolean repeat = r == t;
                for (int c = 0; c < k && !repeat; c++) {
                    repeat = rows[c] == r;
                }
                if (!repeat) {
                    rows[k++] = r;
                }
            }
            double sum = 0;
            for (int c = 0; c < inputs; c++) {
                w[c] = 0.05 + rnd.nextDouble();
                sum += w[c];
            }
            double colSum = minColumnSum + (maxColumnSum - minColumnSum) * rnd.nextDouble();
            for (int c = 0; c < inputs; c++) {
                packed[c] = ((long) rows[c] << 32) | c;
            }
            Arrays.sort(packed, 0, inputs);
            double[] q = new double[inputs];
            for (int c = 0; c < inputs; c++) {
                int from = (int) packed[c];
                rows[c] = (int) (packed[c] >>> 32);
                q[c] = w[from] / sum * colSum;
            }
            System.arraycopy(q, 0, w, 0, inputs);
            double labour = 0.5 + rnd.nextDouble();
            double demand = 1 + 99 * rnd.nextDouble();
            visitor.technique(t, rows, w, inputs, labour, demand);
        }
    }

    /** Only the coefficient matrix A (products x products, CSC), without ids: for benchmarks. */
    public SparseMatrix coefficients() {
        long nnz = (long) products * inputs;
        if (nnz > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many coefficients for one array: " + nnz);
        }
        int[] start = new int[products + 1];
        int[] ri = new int[(int) nnz];
        double[] v = new double[(int) nnz];
        generate((t, rows, q, count, labour, demand) -> {
            int s = t * inputs;
            start[t] = s;
            System.arraycopy(rows, 0, ri, s, count);
            System.arraycopy(q, 0, v, s, count);
        });
        start[products] = (int) nnz;
        return SparseMatrix.wrap(products, products, start, ri, v);
    }

    /** The final demand vector of the generated economy. */
    public double[] finalDemand() {
        double[] y = new double[products];
        generate((t, rows, q, count, labour, demand) -> y[t] = demand);
        return y;
    }

    /** The labour intensities (hours per unit of each product). */
    public double[] labour() {
        double[] l = new double[products];
        generate((t, rows, q, count, labour, demand) -> l[t] = labour);
        return l;
    }

    /** The economy, with ids {@code p<i>}, techniques {@code make-p<i>} and the resource {@code labour}. */
    public Economy economy() {
        EconomyBuilder b = new EconomyBuilder("random " + products + "x" + inputs + " seed " + seed, products);
        for (int p = 0; p < products; p++) {
            b.addProduct("p" + p, null, null);
        }
        int labourId = b.addResource("labour", "h", Double.NaN);
        generate((t, rows, q, count, labour, demand) -> {
            int tech = b.addTechnique("make-p" + t, Double.POSITIVE_INFINITY);
            b.output(tech, t, 1.0);
            for (int c = 0; c < count; c++) {
                b.productInput(tech, rows[c], q[c]);
            }
            b.resourceInput(tech, labourId, labour);
            b.target(t, demand, 1.0);
        });
        return b.build();
    }

    /** Writes the economy as a folder of CSV files (formats.md section 2), streaming: any size. */
    public void writeFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("economy.json"), "{\"format\": \"" + Economy.FORMAT + "\", \"name\": \"random "
                + products + "x" + inputs + " seed " + seed + "\"}\n");
        Files.writeString(folder.resolve("resources.csv"), "id,unit,available\nlabour,h,\n");
        int buf = 1 << 20;
        try (BufferedWriter pw = Files.newBufferedWriter(folder.resolve("products.csv"), StandardCharsets.UTF_8);
             BufferedWriter tw = Files.newBufferedWriter(folder.resolve("techniques.csv"), StandardCharsets.UTF_8);
             BufferedWriter fw = new BufferedWriter(Files.newBufferedWriter(folder.resolve("flows.csv"),
                     StandardCharsets.UTF_8), buf);
             BufferedWriter yw = Files.newBufferedWriter(folder.resolve("targets.csv"), StandardCharsets.UTF_8)) {
            pw.write("id,unit,name\n");
            tw.write("id,capacity\n");
            fw.write("technique,item,quantity\n");
            yw.write("product,quantity,weight\n");
            StringBuilder sb = new StringBuilder(512);
            IOException[] failure = new IOException[1];
            generate((t, rows, q, count, labour, demand) -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    pw.write("p");
                    pw.write(Integer.toString(t));
                    pw.write(",,\n");
                    tw.write("make-p");
                    tw.write(Integer.toString(t));
                    tw.write(",\n");
                    sb.setLength(0);
                    sb.append("make-p").append(t).append(",p").append(t).append(",1\n");
                    for (int c = 0; c < count; c++) {
                        sb.append("make-p").append(t).append(",p").append(rows[c]).append(',').append(-q[c]).append('\n');
                    }
                    sb.append("make-p").append(t).append(",labour,").append(-labour).append('\n');
                    fw.append(sb);
                    sb.setLength(0);
                    sb.append('p').append(t).append(',').append(demand).append(",\n");
                    yw.append(sb);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }
}
