package org.gosplan.bench.witness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.SignedNote;
import org.gosplan.ledger.witness.Witness;
import org.gosplan.server.witness.WitnessServer;

/**
 * The soak: a real log (the embedded store) appends one entry a second and sends each new
 * checkpoint to a witness on loopback HTTP, as {@code gosplan log witness} does, for
 * {@code --seconds}. At the end every second's checkpoint must have exactly one valid
 * cosignature (none lost), no size two roots (none double), and the witness's durable state one
 * line per cosignature, in order.
 *
 * <pre>
 * java -cp "$BCP" org.gosplan.bench.witness.WitnessSoak --dir /tmp/soak --seconds 600
 * </pre>
 */
public final class WitnessSoak {
    private WitnessSoak() {}

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int seconds = 600;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --dir DIR"
                        + " --seconds S");
            }
        }
        if (dir == null || Files.exists(dir)) {
            throw new IllegalArgumentException("give --dir DIR, a directory that does not exist yet");
        }
        Cosigner w = Cosigner.fromSeed("soak.example/witness", new byte[32]);
        TreeMap<Long, String> cosigned = new TreeMap<>();
        int conflicts = 0;
        long maxLatency = 0;
        try (Log log = Log.init(dir.resolve("log"), "soak.example/log", NoteSigner.generate("soak.example/log"));
             Witness witness = Witness.open(dir.resolve("witness"), w, List.of(log.verifierKey()));
             WitnessServer server = WitnessServer.start(witness, "127.0.0.1", 0)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/add-checkpoint");
            long old = 0;
            long start = System.nanoTime();
            for (int s = 1; s <= seconds; s++) {
                long due = start + s * 1_000_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                log.append(("second " + s).getBytes(StandardCharsets.UTF_8));
                Checkpoint cp = log.checkpoint();
                long t0 = System.nanoTime();
                while (true) {
                    List<byte[]> proof = old == 0 || old == cp.size() ? List.of()
                            : log.consistencyProof(old, cp.size()).proof();
                    HttpResponse<String> a = http.send(HttpRequest.newBuilder(uri)
                            .POST(HttpRequest.BodyPublishers.ofString(Witness.requestBody(old, proof, cp.toString())))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (a.statusCode() == 409) {
                        conflicts++;
                        old = Long.parseLong(a.body().strip());
                        continue;
                    }
                    if (a.statusCode() != 200) {
                        throw new IllegalStateException("second " + s + ": " + a.statusCode() + " " + a.body());
                    }
                    SignedNote note = SignedNote.parse(cp + a.body());
                    w.verifier().verify(note).orElseThrow();
                    String root = Base64.getEncoder().encodeToString(cp.root());
                    if (cosigned.put(cp.size(), root) != null) {
                        throw new IllegalStateException("size " + cp.size() + " cosigned twice");
                    }
                    old = cp.size();
                    break;
                }
                maxLatency = Math.max(maxLatency, System.nanoTime() - t0);
                if (s % 60 == 0) {
                    System.out.printf("%d s: log size %d, %d cosigned%n", s, log.size(), cosigned.size());
                }
            }
            if (cosigned.size() != seconds || cosigned.firstKey() != 1 || cosigned.lastKey() != seconds) {
                throw new IllegalStateException("lost cosignatures: " + cosigned.size() + " of " + seconds);
            }
            for (var e : cosigned.entrySet()) {
                if (!e.getValue().equals(Base64.getEncoder().encodeToString(log.root(e.getKey())))) {
                    throw new IllegalStateException("size " + e.getKey() + " cosigned with a root the log never had");
                }
            }
        }
        List<String> journal = Files.readAllLines(dir.resolve("witness").resolve("cosigned"));
        long prev = 0;
        for (String line : journal) {
            Checkpoint c = Checkpoint.parse(new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8));
            if (c.size() != prev + 1) {
                throw new IllegalStateException("the witness's journal goes from " + prev + " to " + c.size());
            }
            prev = c.size();
        }
        if (journal.size() != seconds) {
            throw new IllegalStateException("the witness's journal has " + journal.size() + " lines, not " + seconds);
        }
        System.out.printf("soak of %d s: %d checkpoints, each cosigned exactly once (valid, one root per size),"
                + " journal of %d lines in order; %d 409 answers; slowest cosigning %.1f ms%n", seconds, seconds,
                journal.size(), conflicts, maxLatency / 1e6);
    }
}
