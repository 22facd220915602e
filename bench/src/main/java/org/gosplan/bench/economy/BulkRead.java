package org.gosplan.bench.economy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.SplittableRandom;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Source;

/**
 * Reading speed of the bulk folder form: writes an economy folder of {@code products} products,
 * one technique each with one output and {@code inputs} product inputs plus one labour input
 * (so {@code products * (inputs + 2)} flow rows), then reads it back with {@link EconomyFiles#read}
 * and prints the time and the peak heap. Run it under {@code -Xmx2g} to show the 2 GB bound.
 *
 * <pre>java -Xmx2g -cp ... org.gosplan.bench.economy.BulkRead FOLDER [products] [inputs]</pre>
 */
public final class BulkRead {
    private BulkRead() {}

    public static void main(String[] args) throws IOException {
        Path folder = Paths.get(args.length > 0 ? args[0] : "target/bulk");
        int products = args.length > 1 ? Integer.parseInt(args[1]) : 1_250_000;
        int inputs = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        if (!Files.isRegularFile(folder.resolve("flows.csv"))) {
            long t0 = System.nanoTime();
            write(folder, products, inputs);
            System.out.printf("wrote %s in %.1f s%n", folder, (System.nanoTime() - t0) / 1e9);
        }
        long flowBytes = Files.size(folder.resolve("flows.csv"));
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        System.gc();
        long t0 = System.nanoTime();
        Source s = EconomyFiles.read(folder, (task, done, total) -> { });
        double seconds = (System.nanoTime() - t0) / 1e9;
        Economy e = s.economy();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long rows = e.nonzeros();
        System.out.printf("read %,d flow rows (%,d MB) of %,d products in %.2f s: %.2f M rows/s;"
                        + " peak heap %,d MB (max heap %,d MB)%n",
                rows, flowBytes >> 20, e.products(), seconds, rows / seconds / 1e6, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    static void write(Path folder, int products, int inputs) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("economy.json"),
                "{\"format\": \"gosplan/economy@1\", \"name\": \"bulk " + products + "\"}\n");
        Files.writeString(folder.resolve("resources.csv"), "id,unit,available\nlabour,h,\n");
        SplittableRandom rnd = new SplittableRandom(42);
        try (BufferedWriter p = Files.newBufferedWriter(folder.resolve("products.csv"), StandardCharsets.UTF_8);
             BufferedWriter t = Files.newBufferedWriter(folder.resolve("techniques.csv"), StandardCharsets.UTF_8);
             BufferedWriter f = Files.newBufferedWriter(folder.resolve("flows.csv"), StandardCharsets.UTF_8)) {
            p.write("id,unit,name\n");
            t.write("id,capacity\n");
            f.write("technique,item,quantity\n");
            for (int i = 0; i < products; i++) {
                String id = "p" + i;
                p.write(id);
                p.write(",kg,\n");
                t.write("make-" + id);
                t.write(",\n");
                f.write("make-" + id + "," + id + ",1\n");
                int[] chosen = new int[inputs];
                for (int k = 0; k < inputs; k++) {
                    int j = rnd.nextInt(products);
                    boolean repeat = j == i;
                    for (int c = 0; c < k && !repeat; c++) {
                        repeat = chosen[c] == j;
                    }
                    if (repeat) {
                        k--;
                        continue;
                    }
                    chosen[k] = j;
                    f.write("make-" + id + ",p" + j + "," + String.format("-%.6f", 1e-5 + rnd.nextDouble() * 0.9 / inputs) + "\n");
                }
                f.write("make-" + id + ",labour," + String.format("-%.4f", 0.5 + rnd.nextDouble()) + "\n");
            }
        }
    }
}
