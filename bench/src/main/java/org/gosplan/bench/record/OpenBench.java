package org.gosplan.bench.record;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.gosplan.ledger.Log;
import org.gosplan.record.Record;

/**
 * Opening a record from its saved state (issue 11), alone: {@code Record.open} on a data
 * directory, {@code --times} times in one JVM, each with the wall time and the CPU time the whole
 * process spent (all threads: the root check runs on every core), so that a figure taken on a
 * loaded machine still compares two builds. Run with either build's jar on the class path after
 * this module's classes; it calls only {@code Log.open} and {@code Record.open}.
 *
 * <pre>
 *   OpenBench --dir LOG [--times 3]
 * </pre>
 */
public final class OpenBench {
    private OpenBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int times = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--times" -> times = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int t = 0; t < times; t++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            long size;
            try (Record r = Record.open(Log.open(dir))) {
                size = r.snapshot().size();
            }
            System.out.printf("open %d: %.2f s wall, %.2f s CPU (%d entries)%n", t, (System.nanoTime() - wall) / 1e9,
                    (os.getProcessCpuTime() - cpu) / 1e9, size);
        }
    }
}
