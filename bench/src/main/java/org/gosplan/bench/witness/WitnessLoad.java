package org.gosplan.bench.witness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.MerkleTree;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.NoteVerifier;
import org.gosplan.ledger.SignedNote;
import org.gosplan.ledger.witness.Answer;
import org.gosplan.ledger.witness.Witness;
import org.gosplan.server.witness.WitnessServer;

/**
 * Load on one witness over loopback HTTP: {@code --logs} logs, {@code --clients} client threads,
 * each owning a share of the logs and sending each log's next checkpoint (one to four entries
 * more) with its consistency proof, as a log does; every 200 is a durable state change.
 *
 * <pre>
 * java -cp "$BCP" org.gosplan.bench.witness.WitnessLoad --state /tmp/wl --logs 100 --clients 32 --seconds 20
 * </pre>
 *
 * The clients speak HTTP/1.1 on keep-alive sockets ({@link PlainHttp}), or with {@code --jdk-client}
 * the JDK's HttpClient, which costs more CPU than the witness. With {@code --direct} the client
 * threads call the witness in the same JVM instead of over HTTP, which separates the witness's
 * own cost from HTTP's.
 *
 * <p>The requests (a log's signature and proof each) are made before the timed window, so that the
 * window measures the witness and HTTP, not the logs. After the window every cosignature
 * collected is checked, and the witness's state must end at each log's last cosigned size.
 */
public final class WitnessLoad {
    private WitnessLoad() {}

    public static void main(String[] args) throws Exception {
        Path state = null;
        int logs = 100;
        int clients = 32;
        int seconds = 20;
        int warmup = 3;
        boolean viaHttp = true;
        boolean jdkClient = false;
        int perLogOption = 0;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--state" -> state = Path.of(args[i + 1]);
                case "--logs" -> logs = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--direct" -> {
                    viaHttp = false;
                    i--;
                }
                case "--per-log" -> perLogOption = Integer.parseInt(args[i + 1]);
                case "--jdk-client" -> {
                    jdkClient = true;
                    i--;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --state DIR --logs N --clients N --seconds S --warmup S [--per-log N]"
                        + " [--direct | --jdk-client]");
            }
        }
        if (state == null || Files.exists(state)) {
            throw new IllegalArgumentException("give --state DIR, a directory that does not exist yet");
        }
        // every log has the same entries (the witness cannot tell), each its own origin and key
        int perLog = 12_000;
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < perLog * 3; i++) {
            leaves.add(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        MerkleTree tree = MerkleTree.ofLeaves(leaves);
        NoteSigner[] keys = new NoteSigner[logs];
        List<NoteVerifier> vkeys = new ArrayList<>();
        for (int l = 0; l < logs; l++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) l;
            seed[1] = (byte) (l >> 8);
            keys[l] = NoteSigner.fromSeed("bench.example/log" + l, seed);
            vkeys.add(keys[l].verifier());
        }
        Cosigner w = Cosigner.fromSeed("bench.example/witness", new byte[32]);
        long expected = (long) 3000 * (seconds + warmup + 2); // requests the window may use, generously
        int perLogRequests = perLogOption > 0 ? Math.min(perLog, perLogOption)
                : (int) Math.min(perLog, expected / logs + 200);
        System.out.printf("making %d requests for %d logs (signatures and proofs, outside the timing)...%n",
                (long) perLogRequests * logs, logs);
        String[][] bodies = new String[logs][];
        long[][] sizes = new long[logs][];
        ExecutorService prep = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<?>> made = new ArrayList<>();
        for (int l = 0; l < logs; l++) {
            int log = l;
            made.add(prep.submit(() -> {
                java.util.Random r = new java.util.Random(log);
                bodies[log] = new String[perLogRequests];
                sizes[log] = new long[perLogRequests];
                long old = 0;
                for (int k = 0; k < perLogRequests; k++) {
                    long size = Math.min(tree.size(), old + 1 + r.nextInt(4));
                    String note = SignedNote.sign(Checkpoint.text(keys[log].name(), size, tree.root(size)), keys[log])
                            .toString();
                    bodies[log][k] = Witness.requestBody(old, old == 0 ? List.of() : tree.consistencyProof(old, size),
                            note);
                    sizes[log][k] = size;
                    old = size;
                }
            }));
        }
        for (Future<?> f : made) {
            f.get();
        }
        prep.shutdown();

        long[] total = new long[1];
        try (Witness witness = Witness.open(state, w, vkeys);
             WitnessServer server = WitnessServer.start(witness, "127.0.0.1", 0)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/add-checkpoint");
            LongAdder ok = new LongAdder();
            LongAdder other = new LongAdder();
            LongAdder latencyNanos = new LongAdder();
            AtomicLong maxLatency = new AtomicLong();
            int[] next = new int[logs];
            String[][] answers = new String[logs][perLogRequests];
            long start = System.nanoTime();
            long measureFrom = start + warmup * 1_000_000_000L;
            long end = measureFrom + seconds * 1_000_000_000L;
            Thread[] threads = new Thread[clients];
            int nClients = clients;
            int nLogs = logs;
            boolean direct = !viaHttp;
            boolean jdk = jdkClient;
            int port = server.port();
            LongAdder measured = new LongAdder();
            for (int c = 0; c < clients; c++) {
                int me = c;
                threads[c] = new Thread(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10)).build();
                    PlainHttp plain;
                    try {
                        plain = direct || jdk ? null : new PlainHttp("127.0.0.1", port, "/add-checkpoint");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
                    List<Integer> mine = new ArrayList<>();
                    for (int l = me; l < nLogs; l += nClients) {
                        mine.add(l);
                    }
                    int turn = 0;
                    while (System.nanoTime() < end && !mine.isEmpty()) {
                        int log = mine.get(turn++ % mine.size());
                        int k = next[log];
                        if (k == perLogRequests) {
                            mine.remove(Integer.valueOf(log));
                            continue;
                        }
                        long t0 = System.nanoTime();
                        try {
                            int status;
                            String body;
                            if (direct) {
                                Answer a = witness.addCheckpoint(bodies[log][k].getBytes(StandardCharsets.UTF_8));
                                status = a.status();
                                body = a.body();
                            } else if (plain != null) {
                                status = plain.post(bodies[log][k].getBytes(StandardCharsets.UTF_8), answer);
                                body = answer.toString(StandardCharsets.UTF_8);
                            } else {
                                HttpResponse<String> a = http.send(HttpRequest.newBuilder(uri)
                                        .POST(HttpRequest.BodyPublishers.ofString(bodies[log][k])).build(),
                                        HttpResponse.BodyHandlers.ofString());
                                status = a.statusCode();
                                body = a.body();
                            }
                            long t1 = System.nanoTime();
                            if (status == 200) {
                                answers[log][k] = body;
                                next[log] = k + 1;
                                ok.increment();
                                if (t0 >= measureFrom && t1 <= end) {
                                    measured.increment();
                                    latencyNanos.add(t1 - t0);
                                    maxLatency.accumulateAndGet(t1 - t0, Math::max);
                                }
                            } else {
                                other.increment();
                                System.err.println(log + " " + status + " " + body);
                            }
                        } catch (IOException | InterruptedException e) {
                            other.increment();
                            System.err.println(e);
                        }
                    }
                    try {
                        if (plain != null) {
                            plain.close();
                        }
                    } catch (IOException e) {
                        System.err.println(e);
                    }
                });
                threads[c].start();
            }
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            long cpuFrom = 0;
            long writesFrom = 0;
            long fsyncsFrom = 0;
            long wait = measureFrom - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            cpuFrom = os.getProcessCpuTime();
            writesFrom = witness.durableWrites()[0];
            fsyncsFrom = witness.durableWrites()[1];
            wait = end - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            long cpu = os.getProcessCpuTime() - cpuFrom;
            long writes = witness.durableWrites()[0] - writesFrom;
            long fsyncs = witness.durableWrites()[1] - fsyncsFrom;
            for (Thread t : threads) {
                t.join();
            }
            long n = measured.sum();
            System.out.printf((direct ? "direct calls, no HTTP: " : jdk ? "over loopback HTTP, the JDK's client: "
                    : "over loopback HTTP, a plain keep-alive client: ")
                    + "%d logs, %d clients, %d s after %d s warm-up: %d cosigned (%.0f add-checkpoint/s),"
                    + " mean latency %.2f ms, max %.1f ms; %d other answers or failures in all%n", logs, clients,
                    seconds, warmup, n, n / (double) seconds, n == 0 ? 0 : latencyNanos.sum() / 1e6 / n,
                    maxLatency.get() / 1e6, other.sum());
            System.out.printf("in the window: %.2f ms of CPU per request (witness, HTTP and clients together, %d"
                    + " cores), %d durable state changes in %d fsyncs (%.1f a group)%n", n == 0 ? 0 : cpu / 1e6 / n,
                    Runtime.getRuntime().availableProcessors(), writes, fsyncs,
                    fsyncs == 0 ? 0 : writes / (double) fsyncs);
            // every cosignature answered is valid, and the state ends where the clients think it does
            long checked = 0;
            for (int l = 0; l < logs; l++) {
                for (int k = 0; k < next[l]; k++) {
                    String note = bodies[l][k].substring(bodies[l][k].indexOf("\n\n") + 2) + answers[l][k];
                    w.verifier().verify(SignedNote.parse(note)).orElseThrow();
                    checked++;
                }
            }
            System.out.printf("checked %d cosignatures: all valid%n", checked);
            total[0] = ok.sum();
        }
        long lines = Files.readAllLines(state.resolve("cosigned")).size();
        System.out.printf("state journal: %d durable cosigned checkpoints for %d answered 200%n", lines, total[0]);
        if (lines != total[0]) {
            throw new IllegalStateException("the journal does not hold one line per cosignature answered");
        }
    }
}
