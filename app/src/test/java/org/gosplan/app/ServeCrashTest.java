package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.LogVerification;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Event;
import org.gosplan.record.Record;
import org.gosplan.record.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gosplan serve} killed with SIGKILL in the middle of writes from many clients: every
 * event it answered 201 is on the log at the index it gave, byte for byte, and the log verifies.
 */
class ServeCrashTest {
    @TempDir
    Path tmp;

    @Test
    void aKillDuringWritesLosesNoAcknowledgedEvent() throws Exception {
        Path dir = tmp.resolve("record");
        NoteSigner voter = NoteSigner.generate("voter");
        long ballot;
        try (Record r = Record.open(Log.init(dir, "crash.gosplan.org/test", null))) {
            NoteSigner operator = r.log().signingKey();
            r.registerMember(voter.verifier(), Role.CITIZEN, operator);
            ObjectNode b = Json.object();
            b.put("title", "crash");
            b.put("method", "approval");
            b.putArray("options").add("a").add("b");
            b.put("electorate", "all");
            b.put("seats", 1).putNull("budget").put("adopt", false);
            ballot = r.append("ballot.opened", b, operator);
        }
        List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "org.gosplan.app.Main", "serve", dir.toString(),
                "--listen", "127.0.0.1:0", "--reads-per-second", "0", "--writes-per-second", "0", "--json");
        Process server = new ProcessBuilder(cmd).redirectError(tmp.resolve("serve.err").toFile()).start();
        Map<Long, byte[]> acknowledged = new ConcurrentHashMap<>();
        try {
            // --json prints one document once serving, indented: it ends with a line "}".
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder doc = new StringBuilder();
            for (String line = out.readLine(); line != null; line = line.equals("}") ? null : out.readLine()) {
                doc.append(line).append('\n');
            }
            String url = Json.MAPPER.readTree(doc.toString()).get("url").asText();
            HttpClient http = HttpClient.newHttpClient();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        ObjectNode body = Json.object();
                        body.put("ballot", ballot);
                        body.putArray("approve").add("a");
                        int n = next.getAndIncrement();
                        // A second apart: no two votes alike, so none is a replay.
                        Instant time = Instant.parse("2027-01-01T00:00:00Z").plusSeconds(n);
                        Event e = Event.sign("vote.cast", body, voter, time);
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "api/events"))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(e.entryBytes())).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 201) {
                                JsonNode j = Json.MAPPER.readTree(r.body());
                                acknowledged.put(j.get("index").asLong(), e.entryBytes());
                            }
                        } catch (Exception x) {
                            return; // the server is gone
                        }
                    }
                });
                t.start();
                clients.add(t);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            server.waitFor();
            stop.set(true);
            for (Thread t : clients) {
                t.join();
            }
        } finally {
            server.destroyForcibly();
        }
        assertTrue(acknowledged.size() >= 200, "writes acknowledged before the kill: " + acknowledged.size());
        try (Log log = Log.open(dir)) {
            LogVerification v = log.verify();
            assertTrue(v.valid(), v.problems().toString());
            for (Map.Entry<Long, byte[]> a : acknowledged.entrySet()) {
                assertTrue(a.getKey() < log.size(), "acknowledged entry " + a.getKey() + " is on the log");
                assertArrayEquals(a.getValue(), log.entry(a.getKey()), "entry " + a.getKey());
            }
        }
        try (Record r = Record.open(Log.open(dir))) {
            assertEquals(List.of(), r.refusals(), "every entry is a valid event where it stands");
        }
    }
}
