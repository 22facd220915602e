package org.gosplan.ledger;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The process the kill -9 test kills: appends forever from several threads and prints
 * {@code ack <index> <tag>} for each entry once its append has returned (so: once durable).
 * Thread 0 appends batches of 7, the others one entry at a time (the odd ones by appendInOrder).
 */
public final class CrashWriter {
    private CrashWriter() {}

    /** The 256-byte entry of a tag. */
    static byte[] content(String tag) {
        byte[] t = tag.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[256];
        for (int i = 0; i < out.length; i++) {
            out[i] = t[i % t.length];
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        String target = args[0];
        int threads = Integer.parseInt(args[1]);
        Log log = target.startsWith("db:") ? Log.openDb(target.substring(3)) : Log.open(Paths.get(target.substring(4)));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int id = t;
            Thread th = new Thread(() -> {
                try {
                    for (long seq = 0; ; seq++) {
                        if (id == 0) {
                            List<byte[]> batch = new ArrayList<>();
                            String[] tags = new String[7];
                            for (int j = 0; j < 7; j++) {
                                tags[j] = "t" + id + "s" + seq + "j" + j;
                                batch.add(content(tags[j]));
                            }
                            AppendResult a = log.append(batch);
                            StringBuilder b = new StringBuilder();
                            for (int j = 0; j < 7; j++) {
                                b.append("ack ").append(a.first() + j).append(' ').append(tags[j]).append('\n');
                            }
                            synchronized (out) {
                                out.print(b);
                                out.flush();
                            }
                        } else {
                            String tag = "t" + id + "s" + seq;
                            // odd threads through checked appends in order, which are pipelined the same way
                            long index = id % 2 == 1 ? log.appendInOrder(content(tag), size -> { })
                                    : log.append(content(tag));
                            synchronized (out) {
                                out.println("ack " + index + " " + tag);
                            }
                        }
                    }
                } catch (IOException e) {
                    e.printStackTrace();
                }
            });
            th.start();
            all.add(th);
        }
        for (Thread th : all) {
            th.join();
        }
        System.err.println(Arrays.toString(args) + " stopped");
    }
}
