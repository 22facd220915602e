package org.gosplan.bench.ledger;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.Merkle;

/**
 * The root check under the saved state (issue 11), alone: the RFC 9162 root of a log's entries
 * recomputed from their bytes in perfect subtrees of 2^14 entries, one thread, the old way (each
 * chunk's leaf hashes as arrays from {@code Log.leafHashes}, folded by {@code Merkle.nodeHash} one
 * node at a time) and the new ({@code Log.rangeRoot}: one digest call per leaf where the entries
 * lie, the nodes folded in place), alternated. Thread CPU time, so the figure holds on a loaded
 * machine; both roots must equal the log's own.
 *
 * <pre>
 *   RootCheckBench --dir LOG [--rounds 3] [--only old|new]
 * </pre>
 */
public final class RootCheckBench {
    private RootCheckBench() {}

    private static final int LEVEL = 14;

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int rounds = 3;
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i]; // old or new (a profile of one)
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (Log log = Log.open(dir)) {
            long size = log.size() >>> LEVEL << LEVEL; // whole chunks: the root of that size
            byte[] want = log.root(size);
            System.out.printf("%d entries (the first %d, %d chunks of 2^%d)%n", log.size(), size, size >>> LEVEL, LEVEL);
            for (int round = 0; round < rounds; round++) {
                for (boolean fast : new boolean[] {false, true}) {
                    if (only.equals(fast ? "old" : "new")) {
                        continue;
                    }
                    long cpu = mx.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    byte[] root = fast ? rootNew(log, size) : rootOld(log, size);
                    double c = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
                    double w = (System.nanoTime() - wall) / 1e9;
                    if (!Arrays.equals(want, root)) {
                        throw new IllegalStateException("root " + HexFormat.of().formatHex(root) + " is not the log's");
                    }
                    System.out.printf("round %d %s: %.2f s CPU, %.2f s wall%n", round, fast ? "new (rangeRoot)" : "old (leafHashes)", c, w);
                }
            }
        }
    }

    private static byte[] rootOld(Log log, long size) throws Exception {
        Border whole = new Border();
        for (long from = 0; from < size; from += 1 << LEVEL) {
            Border sub = new Border();
            for (byte[] leaf : log.leafHashes(from, 1 << LEVEL)) {
                sub.add(leaf);
            }
            whole.add(sub.root());
        }
        return whole.root();
    }

    private static byte[] rootNew(Log log, long size) throws Exception {
        Border whole = new Border();
        for (long from = 0; from < size; from += 1 << LEVEL) {
            whole.add(log.rangeRoot(from, 1 << LEVEL));
        }
        return whole.root();
    }

    /** Hashes appended one by one (RFC 9162), merged as a binary counter carries. */
    private static final class Border {
        private final byte[][] border = new byte[64][];
        private long size;

        void add(byte[] h) {
            int level = 0;
            for (long s = size; (s & 1) == 1; s >>>= 1) {
                h = Merkle.nodeHash(border[level], h);
                level++;
            }
            border[level] = h;
            size++;
        }

        byte[] root() {
            byte[] h = null;
            for (int level = 0; level < 64; level++) {
                if (((size >>> level) & 1) == 1) {
                    h = h == null ? border[level] : Merkle.nodeHash(border[level], h);
                }
            }
            return h;
        }
    }
}
