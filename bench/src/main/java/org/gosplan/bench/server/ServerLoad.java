package org.gosplan.bench.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gosplan.bench.ProcessCost;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Event;
import org.gosplan.record.Record;
import org.gosplan.record.Role;

/**
 * Load on {@code gosplan serve} from concurrent clients on loopback, each a thread with its own
 * keep-alive connection. Three steps (docs/benchmarks.md, "The server"):
 * <pre>
 * CP=bench/target/classes:$(cat bench/target/classpath.txt)
 * java -cp $CP org.gosplan.bench.server.ServerLoad prepare DIR EVENTS [JDBC_URL]
 * java -jar app/target/gosplan.jar serve DIR/record --listen 127.0.0.1:8181 \
 *     --reads-per-second 0 --writes-per-second 0 &amp;
 * java -cp $CP org.gosplan.bench.server.ServerLoad reads http://127.0.0.1:8181 CLIENTS SECONDS
 * java -cp $CP org.gosplan.bench.server.ServerLoad writes http://127.0.0.1:8181 CLIENTS DIR/events.jsonl
 * </pre>
 * {@code prepare} makes a record with 64 voters and an open ballot, and EVENTS signed votes.
 * Votes are signed before the clock starts, so the write figure is the server's: parse, check
 * (signature, registration, role, ballot), append, fsync, 201.
 */
public final class ServerLoad {
    private ServerLoad() {}

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "prepare":
                prepare(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? args[3] : null);
                break;
            case "reads":
                reads(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                break;
            case "writes":
                writes(args[1], Integer.parseInt(args[2]), Path.of(args[3]), args.length > 4 ? Long.parseLong(args[4]) : 0,
                        args.length > 5 && args[5].equals("plain"));
                break;
            default:
                System.err.println("usage: ServerLoad prepare DIR EVENTS [JDBC_URL] | reads URL CLIENTS SECONDS"
                        + " | writes URL CLIENTS EVENTS_FILE [SERVER_PID [jdk|plain]]");
                System.exit(2);
        }
    }

    /** A record in DIR/record, or in PostgreSQL at {@code jdbc} when given; the votes in DIR/events.jsonl. */
    static void prepare(Path dir, int events, String jdbc) throws IOException {
        Files.createDirectories(dir);
        List<NoteSigner> voters = new ArrayList<>();
        long ballot;
        // The record closes its log.
        String origin = "load.gosplan.org/bench";
        try (Record r = Record.open(jdbc == null ? Log.init(dir.resolve("record"), origin, null)
                : Log.initDb(jdbc, origin, null))) {
            NoteSigner operator = r.log().signingKey();
            for (int i = 0; i < 64; i++) {
                NoteSigner v = NoteSigner.generate("voter" + i);
                r.registerMember(v.verifier(), Role.CITIZEN, operator);
                voters.add(v);
            }
            ObjectNode b = new ObjectMapper().createObjectNode();
            b.put("title", "load");
            b.put("method", "approval");
            b.putArray("options").add("a").add("b").add("c");
            b.put("electorate", "all");
            b.put("seats", 1).putNull("budget").put("adopt", false);
            ballot = r.append("ballot.opened", b, operator);
        }
        // Votes a second apart in their time field: no two alike, so none is refused as a replay.
        Instant t = Instant.parse("2027-01-01T00:00:00Z");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < events; i++) {
            ObjectNode body = new ObjectMapper().createObjectNode();
            body.put("ballot", ballot);
            body.putArray("approve").add(String.valueOf((char) ('a' + i % 3)));
            Event e = Event.sign("vote.cast", body, voters.get(i % voters.size()), t.plusSeconds(i));
            out.append(new String(e.entryBytes(), StandardCharsets.UTF_8)).append('\n');
        }
        Files.writeString(dir.resolve("events.jsonl"), out);
        System.out.println("prepared " + (jdbc == null ? dir.resolve("record") : jdbc) + " and " + events + " signed votes in "
                + dir.resolve("events.jsonl"));
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    /** Each client alternates the checkpoint and the first full hash tile (or a partial one). */
    static void reads(String url, int clients, int seconds) throws Exception {
        String[] paths = {"/checkpoint", "/tile/0/000", "/tile/entries/000"};
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, Long> statuses = new HashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int id = c;
            threads.add(started(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int i = id;
                while (System.nanoTime() < end) {
                    HttpRequest r = HttpRequest.newBuilder(URI.create(url + paths[i++ % paths.length])).build();
                    try {
                        int s = http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (s == 200 ? ok : failed).incrementAndGet();
                        if (s != 200) {
                            synchronized (statuses) {
                                statuses.merge(s, 1L, Long::sum);
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("reads: %d clients, %.1f s: %d ok (%.0f/s), %d failed %s%n", clients, s, ok.get(),
                ok.get() / s, failed.get(), statuses);
    }

    /**
     * The clients post the file's events between them, each once; 201 counts only when durable.
     * With the server's process id (same machine), also the server's CPU per write, and the
     * client's own. {@code plain}: each client a keep-alive socket speaking HTTP/1.1 itself
     * ({@link PlainHttp}), which costs the shared cores less than the JDK's HttpClient.
     */
    static void writes(String url, int clients, Path events, long serverPid, boolean plain) throws Exception {
        List<String> lines = Files.readAllLines(events);
        AtomicInteger next = new AtomicInteger();
        AtomicLong created = new AtomicLong();
        Map<Integer, Long> statuses = new HashMap<>();
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        ProcessCost server0 = ProcessCost.of(serverPid);
        ProcessCost jit0 = ProcessCost.compilers(serverPid);
        ProcessCost client0 = ProcessCost.now();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads.add(started(() -> {
                HttpClient http = plain ? null : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI u = URI.create(url);
                org.gosplan.bench.witness.PlainHttp socket = null;
                java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
                int i;
                while ((i = next.getAndIncrement()) < lines.size()) {
                    int s;
                    try {
                        if (plain) {
                            if (socket == null) {
                                socket = new org.gosplan.bench.witness.PlainHttp(u.getHost(), u.getPort(), "/api/events");
                            }
                            s = socket.post(lines.get(i).getBytes(StandardCharsets.UTF_8), answer);
                        } else {
                            HttpRequest r = HttpRequest.newBuilder(URI.create(url + "/api/events"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(lines.get(i))).build();
                            s = http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
                        }
                    } catch (Exception e) {
                        s = -1;
                        firstError.compareAndSet(null, e.toString());
                        if (socket != null) {
                            try {
                                socket.close();
                            } catch (IOException x) {
                                // it is being dropped
                            }
                        }
                        socket = null;
                    }
                    if (s == 201) {
                        created.incrementAndGet();
                    } else {
                        synchronized (statuses) {
                            statuses.merge(s, 1L, Long::sum);
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double s = (System.nanoTime() - start) / 1e9;
        ProcessCost server = ProcessCost.of(serverPid).since(server0);
        ProcessCost jit = ProcessCost.compilers(serverPid).since(jit0);
        ProcessCost client = ProcessCost.now().since(client0);
        System.out.printf("writes: %d clients, %.1f s: %d created (%.0f/s), refused or failed %s%n", clients, s,
                created.get(), created.get() / s, statuses);
        if (firstError.get() != null) {
            System.out.println("  the first failure (-1): " + firstError.get());
        }
        long n = Math.max(1, created.get());
        if (serverPid > 0) {
            System.out.printf("  server: %s, of which its JIT compiler threads %.0f µs; client: %s%n", server.perOp(n),
                    1e6 * jit.total() / n, client.perOp(n));
        }
    }
}
