package org.gosplan.server.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A witness killed with SIGKILL while a log is being cosigned, restarted on the same state, then
 * offered a fork (same key, other entries) at every size it may have forgotten: it must never
 * cosign two roots for one size. Without a durable state before each answer it would: after a
 * restart on lost state it would take the fork from the smaller size it remembers.
 */
class WitnessKilledTest {
    static final int SHARED = 1;
    static final int SIZE = 4000;

    @TempDir
    Path dir;

    /** Every cosignature answered: size to root. */
    private final Map<Long, byte[]> cosigned = new HashMap<>();

    @Test
    void aWitnessKilledMidRunNeverCosignsTwoRootsForOneSize() throws Exception {
        Branch log = new Branch(WitnessServerTest.LOG, SHARED, SIZE, "log");
        Branch fork = new Branch(WitnessServerTest.LOG, SHARED, SIZE, "fork");
        Random random = new Random(12);
        long known = 0; // the size the log believes the witness last cosigned
        for (int round = 0; round < 6; round++) {
            Process p = startWitness(round);
            Client c = new Client(port(round, p));
            if (round == 0) { // past the shared entries, where the fork is no longer consistent with the log
                record(log, SHARED + 1, c.add(log.request(0, SHARED + 1)));
                known = SHARED + 1;
            }
            // the fork first: from whatever the witness says it holds, at that size and one beyond
            HttpResponse<String> probe = c.add(fork.request(SIZE, SIZE));
            long held = probe.statusCode() == 409 ? Long.parseLong(probe.body().strip()) : SIZE;
            assertTrue(held >= known, "round " + round + ": the witness forgot size " + known
                    + " it had answered for; it remembers " + held);
            for (long size = Math.max(held, 1); size <= Math.min(held + 2, SIZE); size++) {
                record(fork, size, c.add(fork.request(held, size)));
            }
            // then the log, growing by a few entries per request, until the witness is killed
            AtomicBoolean dead = new AtomicBoolean();
            AtomicLong reached = new AtomicLong(known);
            java.util.List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            long from = held;
            Thread driver = new Thread(() -> {
                long old = from;
                Random r = new Random(from);
                while (!dead.get()) {
                    long size = Math.min(SIZE, old + 1 + r.nextInt(3));
                    try {
                        HttpResponse<String> a = c.add(log.request(old, size));
                        if (a.statusCode() == 409) {
                            old = Long.parseLong(a.body().strip());
                        } else {
                            record(log, size, a);
                            assertEquals(200, a.statusCode(), a.body());
                            old = size;
                            reached.set(size);
                        }
                    } catch (IOException | InterruptedException e) {
                        return; // killed
                    } catch (Throwable e) {
                        failures.add(e);
                        return;
                    }
                }
            });
            driver.start();
            // some cosignatures first, however slow the machine, then a kill at a random moment
            long before = known;
            for (int i = 0; i < 600 && reached.get() < before + 2 && driver.isAlive(); i++) {
                Thread.sleep(50);
            }
            Thread.sleep(random.nextInt(500));
            p.destroyForcibly().waitFor();
            dead.set(true);
            driver.join();
            if (!failures.isEmpty()) {
                throw new AssertionError("round " + round, failures.get(0));
            }
            known = reached.get();
        }
        assertTrue(known >= SHARED + 12, "the log was cosigned up to " + known + " only: the test did not exercise"
                + " the witness");
    }

    private synchronized void record(Branch branch, long size, HttpResponse<String> a) {
        if (a.statusCode() != 200) {
            return;
        }
        String note = branch.checkpoint(size) + a.body();
        try {
            WitnessServerTest.W.verifier().verify(SignedNote.parse(note)).orElseThrow();
        } catch (Exception e) {
            fail("a 200 without a valid cosignature: " + e);
        }
        byte[] root = Checkpoint.parse(note).root();
        byte[] before = cosigned.putIfAbsent(size, root);
        if (before != null && !Arrays.equals(before, root)) {
            fail("the witness cosigned two roots for size " + size);
        }
    }

    private Process startWitness(int round) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WitnessChild.class.getName(),
                dir.resolve("state").toString(), dir.resolve("port" + round).toString(),
                WitnessServerTest.LOG.verifier().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("witness" + round + ".out").toFile()).start();
    }

    private int port(int round, Process p) throws Exception {
        Path f = dir.resolve("port" + round);
        for (int i = 0; i < 2400 && !Files.exists(f); i++) {
            if (!p.isAlive()) {
                fail("the witness exited: " + Files.readString(dir.resolve("witness" + round + ".out")));
            }
            Thread.sleep(50);
        }
        return Integer.parseInt(Files.readString(f).strip());
    }
}
