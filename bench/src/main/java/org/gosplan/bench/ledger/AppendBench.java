package org.gosplan.bench.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.LogVerification;

/**
 * Durable append throughput and latency of the ledger.
 *
 * <pre>
 *   AppendBench (--dir DIR | --db JDBC_URL) [--writers 16] [--batch 1] [--entry 256] [--seconds 10] [--warmup 3]
 *               [--processes 1]
 * </pre>
 *
 * Each of {@code --writers} threads calls {@code Log.append} in a loop with {@code --batch}
 * entries of {@code --entry} random bytes per call (batch 1: {@code append(byte[])}), for
 * {@code --seconds} after {@code --warmup} seconds. Every call returns only once its entries are
 * durable (fsync'd files, or a committed PostgreSQL transaction). Prints entries/s and the
 * p50/p99/max latency of one append call; then checks the log with {@code verify}.
 *
 * <p>With {@code --processes N} the log is made here and N child JVMs append to it at once, each
 * with {@code --writers} threads and its own {@code Log} (so they take turns on the store's
 * writer lock); their windows start at the same wall-clock instant, and the total entries/s is
 * the sum of theirs.
 */
public final class AppendBench {
    private AppendBench() {}

    public static void main(String[] args) throws Exception {
        String dir = null;
        String db = null;
        int writers = 16;
        int batch = 1;
        int entry = 256;
        double seconds = 10;
        double warmup = 3;
        boolean verify = true;
        int processes = 1;
        long startAt = 0; // a child: the wall-clock instant its warm-up starts, on a log made by its parent
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = args[++i];
                case "--db" -> db = args[++i];
                case "--writers" -> writers = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--entry" -> entry = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--no-verify" -> verify = false;
                case "--processes" -> processes = Integer.parseInt(args[++i]);
                case "--start-at" -> startAt = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (processes > 1) {
            parent(args, dir, db, processes, seconds, verify);
            return;
        }
        Log log;
        if (startAt > 0) {
            log = db != null ? Log.openDb(db) : Log.open(Paths.get(dir));
            Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
        } else if (db != null) {
            log = Log.initDb(db, "bench.example/append", null);
        } else {
            Path p = Paths.get(dir);
            if (Files.exists(p)) {
                throw new IllegalArgumentException(p + " exists; give a new directory");
            }
            log = Log.init(p, "bench.example/append", null);
        }
        final int b = batch;
        final int size = entry;
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        long[][] latencies = new long[writers][];
        int[] counts = new int[writers];
        long[] entries = new long[writers];
        CountDownLatch done = new CountDownLatch(writers);
        for (int t = 0; t < writers; t++) {
            final int id = t;
            Thread th = new Thread(() -> {
                Random r = new Random(id);
                // A pool of distinct entries, so generating bytes is not what is measured.
                byte[][] pool = new byte[1024][];
                for (int k = 0; k < pool.length; k++) {
                    pool[k] = new byte[size];
                    r.nextBytes(pool[k]);
                }
                long[] lat = new long[1 << 16];
                int n = 0;
                long e = 0;
                int k = 0;
                try {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        if (b == 1) {
                            byte[] x = pool[k++ & 1023].clone();
                            x[0] = (byte) k;
                            x[1] = (byte) (k >>> 8);
                            log.append(x);
                        } else {
                            List<byte[]> list = new ArrayList<>(b);
                            for (int j = 0; j < b; j++) {
                                byte[] x = pool[k++ & 1023].clone();
                                x[0] = (byte) k;
                                x[1] = (byte) (k >>> 8);
                                list.add(x);
                            }
                            log.append(list);
                        }
                        long dt = System.nanoTime() - t0;
                        if (measuring.get()) {
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, 2 * n);
                            }
                            lat[n++] = dt;
                            e += b;
                        }
                    }
                } catch (Exception ex) {
                    ex.printStackTrace();
                } finally {
                    latencies[id] = lat;
                    counts[id] = n;
                    entries[id] = e;
                    done.countDown();
                }
            });
            th.setDaemon(true);
            th.start();
        }
        Thread.sleep((long) (warmup * 1000));
        long sizeBefore = log.size();
        long t0 = System.nanoTime();
        measuring.set(true);
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        long elapsed = System.nanoTime() - t0;
        long sizeAfter = log.size();
        stop.set(true);
        done.await();
        int total = 0;
        long totalEntries = 0;
        for (int t = 0; t < writers; t++) {
            total += counts[t];
            totalEntries += entries[t];
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < writers; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double secs = elapsed / 1e9;
        System.out.printf("store=%s writers=%d batch=%d entry=%dB seconds=%.1f%n", db != null ? "postgresql" : "directory",
                writers, batch, entry, secs);
        System.out.printf("entries/s=%.0f appends/s=%.0f (log grew by %d entries in the window)%n", totalEntries / secs,
                total / secs, sizeAfter - sizeBefore);
        System.out.printf("group commits=%d (mean %.1f entries per fsync round or transaction)%n", log.commits(), log.size() / (double) Math.max(1, log.commits()));
        System.out.printf("append latency ms: p50=%.3f p99=%.3f max=%.3f (n=%d)%n", pct(all, 0.50), pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, all.length);
        if (verify) {
            long v0 = System.nanoTime();
            LogVerification v = log.verify();
            System.out.printf("verify: valid=%s entries=%d in %.1f s%n", v.valid(), v.entries(), (System.nanoTime() - v0) / 1e9);
            if (!v.valid()) {
                System.out.println(v.problems());
                System.exit(1);
            }
        }
        log.close();
    }

    /** Makes the log, runs the child processes at once and sums what they appended. */
    private static void parent(String[] args, String dir, String db, int processes, double seconds, boolean verify)
            throws Exception {
        if (db != null) {
            Log.initDb(db, "bench.example/append", null).close();
        } else {
            Path p = Paths.get(dir);
            if (Files.exists(p)) {
                throw new IllegalArgumentException(p + " exists; give a new directory");
            }
            Log.init(p, "bench.example/append", null).close();
        }
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AppendBench.class.getName()));
        cmd.addAll(Arrays.asList(args));
        // JVMs take a while to start, more so on a busy machine.
        cmd.addAll(List.of("--processes", "1", "--no-verify", "--start-at",
                Long.toString(System.currentTimeMillis() + 3000 + 300L * processes)));
        List<Process> children = new ArrayList<>();
        for (int c = 0; c < processes; c++) {
            children.add(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        }
        double total = 0;
        for (int c = 0; c < processes; c++) {
            String out = new String(children.get(c).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (children.get(c).waitFor() != 0) {
                throw new IllegalStateException("process " + c + " failed:\n" + out);
            }
            for (String line : out.split("\n")) {
                System.out.println("process " + c + ": " + line);
                if (line.startsWith("entries/s=")) {
                    total += Double.parseDouble(line.substring("entries/s=".length(), line.indexOf(' ')));
                }
            }
        }
        System.out.printf("processes=%d total entries/s=%.0f (each process's window %.1f s, started together)%n",
                processes, total, seconds);
        try (Log log = db != null ? Log.openDb(db) : Log.open(Paths.get(dir))) {
            if (verify) {
                LogVerification v = log.verify();
                System.out.printf("verify: valid=%s entries=%d%n", v.valid(), v.entries());
                if (!v.valid()) {
                    System.out.println(v.problems());
                    System.exit(1);
                }
            }
        }
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
}
