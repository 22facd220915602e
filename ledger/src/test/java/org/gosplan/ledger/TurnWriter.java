package org.gosplan.ledger;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * A writer process of the concurrent-writers test: opens the log, appends {@code count} entries
 * {@code "<name> <k>"} in batches of {@code batch}, asks for a checkpoint after each, and prints
 * {@code batch <first> <count> <checkpoint size>} per batch. Exits 1 if a checkpoint is older
 * than the batch it follows.
 */
public final class TurnWriter {
    private TurnWriter() {}

    static byte[] content(String name, int k) {
        return (name + " " + k).getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        String target = args[0];
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Log log = target.startsWith("db:") ? Log.openDb(target.substring(3))
                : Log.open(Paths.get(target.substring(4)))) {
            for (int k = 0; k < count; k += batch) {
                List<byte[]> entries = new ArrayList<>();
                for (int j = k; j < Math.min(count, k + batch); j++) {
                    entries.add(content(name, j));
                }
                AppendResult a = log.append(entries);
                Checkpoint cp = log.checkpoint();
                out.println("batch " + a.first() + " " + a.count() + " " + cp.size());
                if (cp.size() < a.size()) {
                    System.err.println("checkpoint of size " + cp.size() + " after an append to size " + a.size());
                    System.exit(1);
                }
            }
        }
    }
}
