package org.gosplan.bench.leontief;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.EconomyGenerator;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefMethod;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.LeontiefSolution;

/**
 * The Leontief solve on a random economy: memory bandwidth of the machine, time of one matrix
 * pass in each orientation and its distance from the bandwidth floor, and the time of the whole
 * solve by each method, forward and transposed. Optionally writes the system for the scipy
 * reference (bench/scripts/leontief_scipy.py).
 *
 * <pre>java -cp ... org.gosplan.bench.leontief.LeontiefBench [products] [inputs] [repeats] [export-dir]</pre>
 */
public final class LeontiefBench {
    private LeontiefBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path export = args.length > 3 ? Paths.get(args[3]) : null;
        String only = System.getProperty("methods", "bicgstab,power,gmres,gauss-seidel");
        long t0 = System.nanoTime();
        EconomyGenerator g = new EconomyGenerator(n, k, 42);
        SparseMatrix a = g.coefficients();
        double[] y = g.finalDemand();
        System.out.printf(Locale.ROOT, "economy: %,d products, %d inputs each, %,d coefficients (generated in %.1f s)%n",
                n, k, (long) a.nonzeros(), (System.nanoTime() - t0) / 1e9);
        if (export != null) {
            export(export, a, y);
            System.out.println("exported the system to " + export);
        }
        double bw = bandwidth();
        System.out.printf(Locale.ROOT, "memory bandwidth (read, all %d cores): %.1f GB/s%n",
                Runtime.getRuntime().availableProcessors(), bw / 1e9);
        Leontief l = Leontief.ofCoefficients(a, null);
        long nnz = a.nonzeros();
        // one pass: values (8) + row indexes (4) per coefficient, column starts (4), x read, out written
        double passBytes = 12.0 * nnz + 4.0 * (n + 1) + 8.0 * n * 2;
        double floor = passBytes / bw;
        double fwd = Double.MAX_VALUE, tr = Double.MAX_VALUE;
        double[] x = y.clone();
        for (int r = 0; r < Math.max(repeats * 4, 10); r++) {
            long s = System.nanoTime();
            double[] ax = l.multiply(x);
            fwd = Math.min(fwd, (System.nanoTime() - s) / 1e9);
            s = System.nanoTime();
            double[] atx = l.multiplyTransposed(x);
            tr = Math.min(tr, (System.nanoTime() - s) / 1e9);
            x[r % n] += ax[r % n] * 1e-300 + atx[r % n] * 1e-300; // keep the results alive
        }
        System.out.printf(Locale.ROOT, "matrix pass: %.0f MB to move; floor %.2f ms; A x %.2f ms (%.2fx floor, %.1f GB/s);"
                        + " A^T v %.2f ms (%.2fx floor, %.1f GB/s)%n", passBytes / 1e6, floor * 1e3,
                fwd * 1e3, fwd / floor, passBytes / fwd / 1e9, tr * 1e3, tr / floor, passBytes / tr / 1e9);
        System.out.printf(Locale.ROOT, "memory per coefficient held by the solver: 12 bytes (the economy's CSC arrays,"
                + " not copied) + %.2f bytes of per-sector arrays%n", (4.0 * n) / nnz);
        List<String> rows = new ArrayList<>();
        for (String name : only.split(",")) {
            if (name.isBlank() || name.equals("none")) {
                continue;
            }
            LeontiefMethod m = LeontiefMethod.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            for (boolean transposed : new boolean[] {false, true}) {
                if (m == LeontiefMethod.GAUSS_SEIDEL && n > 2_000_000) {
                    continue;
                }
                double best = Double.MAX_VALUE;
                LeontiefSolution sol = null;
                for (int r = 0; r < repeats; r++) {
                    long s = System.nanoTime();
                    sol = transposed ? l.solveTransposed(y, LeontiefOptions.DEFAULT.withMethod(m))
                            : l.solve(y, LeontiefOptions.DEFAULT.withMethod(m));
                    best = Math.min(best, (System.nanoTime() - s) / 1e9);
                }
                String row = String.format(Locale.ROOT, "%-13s %-10s  best %7.3f s  %4d iterations  residual %.2e",
                        m.name().toLowerCase(Locale.ROOT), transposed ? "(I-A)^T" : "(I-A)", best,
                        sol.iterations(), sol.residual());
                System.out.println(row);
                rows.add(row);
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap %,d MB%n", peak >> 20);
    }

    /** Read bandwidth with all cores: the best of several sums over a 512 MB array. */
    static double bandwidth() throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        double[] big = new double[64 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = i;
        }
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        double best = 0;
        try {
            for (int r = 0; r < 8; r++) {
                long s = System.nanoTime();
                List<Future<Double>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int from = (int) ((long) big.length * t / threads), to = (int) ((long) big.length * (t + 1) / threads);
                    parts.add(ex.submit(() -> sum(big, from, to)));
                }
                double total = 0;
                for (Future<Double> f : parts) {
                    total += f.get();
                }
                double secs = (System.nanoTime() - s) / 1e9;
                if (total == 42) {
                    System.out.print("");
                }
                best = Math.max(best, big.length * 8.0 / secs);
            }
        } finally {
            ex.shutdown();
        }
        return best;
    }

    private static double sum(double[] a, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i];
        }
        return s0 + s1 + s2 + s3;
    }

    /** Writes A (CSC: indptr int32, indices int32, data float64) and y (float64), little-endian. */
    static void export(Path dir, SparseMatrix a, double[] y) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("shape.txt"), a.rows() + " " + a.nonzeros() + "\n");
        writeInts(dir.resolve("indptr.bin"), a.columnStarts(), a.cols() + 1);
        writeInts(dir.resolve("indices.bin"), a.rowIndexes(), a.nonzeros());
        writeDoubles(dir.resolve("data.bin"), a.values(), a.nonzeros());
        writeDoubles(dir.resolve("y.bin"), y, y.length);
    }

    private static void writeInts(Path p, int[] v, int len) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(p), 1 << 20)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < len; i++) {
                if (b.remaining() < 4) {
                    o.write(b.array(), 0, b.position());
                    b.clear();
                }
                b.putInt(v[i]);
            }
            o.write(b.array(), 0, b.position());
        }
    }

    private static void writeDoubles(Path p, double[] v, int len) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(p), 1 << 20)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < len; i++) {
                if (b.remaining() < 8) {
                    o.write(b.array(), 0, b.position());
                    b.clear();
                }
                b.putDouble(v[i]);
            }
            o.write(b.array(), 0, b.position());
        }
    }

}
