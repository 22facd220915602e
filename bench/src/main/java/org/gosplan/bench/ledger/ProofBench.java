package org.gosplan.bench.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gosplan.ledger.ConsistencyProof;
import org.gosplan.ledger.InclusionProof;
import org.gosplan.ledger.Log;

/**
 * Proof serving at scale.
 *
 * <pre>
 *   ProofBench (--dir DIR | --db JDBC_URL) [--entries 10000000] [--entry 64] [--proofs 2000]
 * </pre>
 *
 * Fills the log to {@code --entries} (bulk appends of 65,536 entries; only when it is smaller),
 * reopens it, then times {@code --proofs} inclusion proofs of random entries in the whole tree
 * and as many consistency proofs from random older sizes, each checked (untimed) against the
 * roots. Prints p50/p99/max per proof and the time to open the log.
 */
public final class ProofBench {
    private ProofBench() {}

    public static void main(String[] args) throws Exception {
        String dir = null;
        String db = null;
        long target = 10_000_000;
        int entry = 64;
        int proofs = 2000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = args[++i];
                case "--db" -> db = args[++i];
                case "--entries" -> target = Long.parseLong(args[++i]);
                case "--entry" -> entry = Integer.parseInt(args[++i]);
                case "--proofs" -> proofs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Log log;
        if (db != null) {
            Log l;
            try {
                l = Log.openDb(db);
            } catch (RuntimeException e) {
                l = Log.initDb(db, "bench.example/proofs", null);
            }
            log = l;
        } else {
            Path p = Paths.get(dir);
            log = Files.exists(p) ? Log.open(p) : Log.init(p, "bench.example/proofs", null);
        }
        if (log.size() < target) {
            long t0 = System.nanoTime();
            Random r = new Random(1);
            long start = log.size();
            while (log.size() < target) {
                int n = (int) Math.min(65_536, target - log.size());
                List<byte[]> batch = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    byte[] e = new byte[entry];
                    r.nextBytes(e);
                    batch.add(e);
                }
                log.append(batch);
                if ((log.size() / 65_536) % 16 == 0) {
                    System.err.printf("  filled %,d entries%n", log.size());
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("filled %,d entries in %.1f s (%.0f entries/s in batches of 65,536)%n", log.size() - start, s,
                    (log.size() - start) / s);
        }
        log.close();
        long o0 = System.nanoTime();
        log = db != null ? Log.openDb(db) : Log.open(Paths.get(dir));
        double open = (System.nanoTime() - o0) / 1e6;
        long n = log.size();
        byte[] root = log.root(n);
        Random r = new Random(2);
        long[] inc = new long[proofs];
        long[] con = new long[proofs];
        int reads = 0;
        for (int k = -200; k < proofs; k++) { // 200 untimed warm-up rounds for the JIT
            long i = (long) (r.nextDouble() * n);
            long t0 = System.nanoTime();
            InclusionProof p = log.inclusionProof(i, n);
            long t1 = System.nanoTime();
            long m = 1 + (long) (r.nextDouble() * (n - 1));
            ConsistencyProof c = log.consistencyProof(m, n);
            long t2 = System.nanoTime();
            if (k >= 0) {
                inc[k] = t1 - t0;
                con[k] = t2 - t1;
            }
            if (!Arrays.equals(p.root(), root)) {
                throw new IllegalStateException("root changed");
            }
            p.verify();
            c.verify();
            reads += p.proof().size();
        }
        Arrays.sort(inc);
        Arrays.sort(con);
        System.out.printf("log of %,d entries (%s), opened in %.1f ms%n", n, db != null ? "postgresql" : "directory", open);
        System.out.printf("inclusion proof ms:   p50=%.3f p99=%.3f max=%.3f (n=%d, %.1f hashes each)%n", inc[proofs / 2] / 1e6,
                inc[(int) (proofs * 0.99)] / 1e6, inc[proofs - 1] / 1e6, proofs, reads / (double) (proofs + 200));
        System.out.printf("consistency proof ms: p50=%.3f p99=%.3f max=%.3f (n=%d)%n", con[proofs / 2] / 1e6,
                con[(int) (proofs * 0.99)] / 1e6, con[proofs - 1] / 1e6, proofs);
        log.close();
    }
}
