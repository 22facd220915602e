package org.gosplan.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes an intruder would try: each refused with the right status, and nothing appended. */
class SecurityTest {
    @TempDir
    Path dir;

    private static byte[] bytes(Event e) {
        return e.entryBytes();
    }

    private static byte[] bytes(ObjectNode o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void refused(Fixture f, byte[] body, int status, String says) throws Exception {
        long before = f.log.size();
        HttpResponse<byte[]> r = f.post("/api/events", body);
        assertEquals(status, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(Fixture.json(r).path("error").asText().contains(says), Fixture.json(r).toString());
        assertEquals(before, f.log.size(), "nothing appended");
    }

    @Test
    void aSignedVoteIsRecordedOnceAndForgeriesAreRefused() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            Event vote = f.vote(f.citizen, 1);
            HttpResponse<byte[]> ok = f.post("/api/events", bytes(vote));
            assertEquals(201, ok.statusCode(), new String(ok.body(), StandardCharsets.UTF_8));
            long index = Fixture.json(ok).get("index").asLong();
            assertEquals(index + 1, f.log.size());
            assertArrayEquals(vote.entryBytes(), f.log.entry(index), "the entry is the event as signed");
            // At once readable with a proof against a checkpoint that holds it.
            var proof = Fixture.json(f.get("/api/events/" + index)).get("proof");
            assertEquals(index + 1, proof.get("size").asLong());
            assertEquals(HexFormat.of().formatHex(f.log.root(index + 1)), proof.get("root").asText());
            assertTrue(proof.get("checkpoint").asText().startsWith(Fixture.ORIGIN + "\n" + (index + 1) + "\n"));

            refused(f, bytes(vote), 409, "on the log already");

            ObjectNode unsigned = vote.toJson();
            unsigned.remove("sig");
            refused(f, bytes(unsigned), 400, "no field 'sig'");

            ObjectNode altered = f.vote(f.citizen, 2).toJson();
            ((ObjectNode) altered.get("body")).putArray("approve").add("north");
            refused(f, bytes(altered), 403, "signature does not verify");

            NoteSigner stranger = NoteSigner.fromSeed("stranger", Fixture.seed(9));
            refused(f, bytes(f.vote(stranger, 0)), 403, "not a registered member");

            ObjectNode member = Served.object();
            member.put("vkey", stranger.verifier().toString());
            member.put("role", "operator");
            member.putArray("councils");
            member.putObject("attrs");
            Event selfPromotion = Event.sign("member.registered", member, f.citizen, java.time.Instant.now());
            refused(f, bytes(selfPromotion), 403, "may not record member.registered");

            ObjectNode wrongBallot = Served.object();
            wrongBallot.put("ballot", 0);
            wrongBallot.putArray("approve").add("north");
            refused(f, bytes(Event.sign("vote.cast", wrongBallot, f.citizen, java.time.Instant.now())), 409,
                    "no ballot opened at entry 0");
        }
    }

    @Test
    void oversizedBodiesAreRefusedUnread() throws Exception {
        Limits small = new Limits(2_000, 1_000, 0, 0, 4);
        try (Fixture f = new Fixture(dir, small, List.of())) {
            ObjectNode big = f.vote(f.citizen, 0).toJson();
            ((ObjectNode) big.get("body")).put("padding", "x".repeat(3_000));
            refused(f, bytes(big), 413, "larger than");
            byte[] content = new byte[1_001];
            HttpResponse<byte[]> r = f.send("PUT", "/api/content/" + sha256(content), content);
            assertEquals(413, r.statusCode());
        }
    }

    @Test
    void contentIsStoredOnlyUnderTheHashOfItsBytes() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            byte[] content = "product,quantity,weight\nbread,10,\n".getBytes(StandardCharsets.UTF_8);
            String h = sha256(content);
            byte[] other = "product,quantity,weight\nbread,99,\n".getBytes(StandardCharsets.UTF_8);
            HttpResponse<byte[]> lie = f.send("PUT", "/api/content/" + h, other);
            assertEquals(400, lie.statusCode());
            assertTrue(Fixture.json(lie).get("error").asText().contains("hash to " + sha256(other)));
            assertFalse(f.record.content().contains(h));
            assertEquals(201, f.send("PUT", "/api/content/" + h, content).statusCode());
            assertEquals(200, f.send("PUT", "/api/content/" + h, content).statusCode(), "stored already");
            HttpResponse<byte[]> back = f.get("/api/content/" + h);
            assertEquals(200, back.statusCode());
            assertArrayEquals(content, back.body());
            assertEquals(404, f.get("/api/content/" + sha256(other)).statusCode());
        }
    }

    @Test
    void pathsThatClimbOutOfTilesOrContentNameNothing() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            // PRIVATE+KEY+<name>+<id>+<base64 of the key>; the base64 may hold '+' too.
            String secret = Files.readString(dir.resolve("record").resolve("log.key")).strip().split("\\+", 5)[4];
            for (String p : new String[] {"/tile/../log.key", "/tile/0/../../log.key", "/tile/0/..%2f..%2flog.key",
                    "/tile/entries/%2e%2e/%2e%2e/log.key", "/tile/0/x000/000", "/tile/00/000", "/tile/0/000.p/0",
                    "/tile/0/000.p/256", "/tile/64/000", "/tile/0/0000", "/tile/0/-01", "/api/content/..%2f..%2flog.key",
                    "/api/content/../../record/log.key", "/api/content/" + "A".repeat(64), "/assets/..%2fPageRoutes.class",
                    "/assets/%2e%2e/%2e%2e/record/log.key", "/events/..%2f..%2flog.key", "/%2e%2e/record/log.key",
                    "/tile/0/000.p/3/../../../log.key"}) {
                HttpResponse<byte[]> r = f.get(p);
                String body = new String(r.body(), StandardCharsets.UTF_8);
                assertTrue(r.statusCode() == 400 || r.statusCode() == 404, p + " answered " + r.statusCode());
                assertFalse(body.contains(secret), p + " gave away the key");
            }
            assertEquals(200, f.get("/tile/0/000.p/3").statusCode(), "a real tile of the 3-entry log");
            assertEquals(404, f.get("/tile/0/000.p/4").statusCode(), "no entry 3 yet");
            assertEquals(404, f.get("/tile/0/000").statusCode(), "no full tile yet");
        }
    }

    @Test
    void requestsBeyondTheRateAreAnswered429() throws Exception {
        try (Fixture f = new Fixture(dir, new Limits(Limits.MAX_ENTRY, 1 << 20, 5, 1, 4), List.of())) {
            int[] statuses = new int[4];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = f.post("/api/events", bytes(f.vote(f.citizen, i % 3))).statusCode();
            }
            assertEquals(201, statuses[0]);
            assertEquals(429, statuses[statuses.length - 1], java.util.Arrays.toString(statuses));
            int reads429 = 0;
            for (int i = 0; i < 20; i++) {
                HttpResponse<byte[]> r = f.get("/checkpoint");
                if (r.statusCode() == 429) {
                    reads429++;
                    assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
                }
            }
            assertTrue(reads429 >= 5, "a burst of 10 reads at 5 a second, then 429: " + reads429);
        }
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Sends {@code request} as it is on a socket of its own; the whole answer, status line first. */
    private static String raw(Fixture f, String request) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", f.server.port())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    /**
     * Requests shaped as an intruder shapes them, sent byte for byte: oversized headers and
     * request lines, encoded climbs out of the assets and the root, TRACE, a Host with markup.
     * Each is refused, none is answered with a file or with what it sent.
     */
    @Test
    void malformedRequestsAreRefusedWithoutEchoOrFiles() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            String big = "x".repeat(20_000);
            String tooBig = raw(f, "GET /api/log HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + big
                    + "\r\nConnection: close\r\n\r\n");
            assertEquals(431, status(tooBig), tooBig);
            assertFalse(tooBig.contains("xxxxxxxxxx"), "the header is not echoed");
            String longLine = raw(f, "GET /events/" + big + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertEquals(414, status(longLine), longLine.substring(0, 40));
            assertFalse(longLine.contains("xxxxxxxxxx"), "the path is not echoed");
            for (String path : new String[] {"/assets/..%2f..%2fpages%2fshell.html", "/assets/%2e%2e/shell.html",
                "/assets/..%5cshell.html", "/%2e%2e/%2e%2e/etc/passwd", "/assets/%2e%2e%2f%2e%2e%2fserver%2fServer.class",
                "/api/content/..%2f..%2f..%2fetc%2fpasswd", "/tile/entries/..%2f..%2fhead"}) {
                String a = raw(f, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                assertTrue(status(a) == 400 || status(a) == 404, path + ": " + a);
                assertFalse(a.contains("{{main}}") || a.contains("root:") || a.contains("CAFEBABE")
                        || a.contains("\u00ca\u00fe\u00ba\u00be"), path + " served a file: " + a);
            }
            String trace = raw(f, "TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Secret: trace-me\r\nConnection: close\r\n\r\n");
            assertEquals(405, status(trace), trace);
            assertTrue(trace.contains("Allow: GET, HEAD, POST, PUT"), trace);
            assertFalse(trace.contains("trace-me"), "TRACE does not echo the request: " + trace);
            // a person who mistypes a page gets a page that leads back; a program gets JSON
            String lost = raw(f, "GET /ballotz HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
            assertEquals(404, status(lost), lost);
            assertTrue(lost.contains("Nothing here") && lost.contains("Content-Security-Policy: default-src 'self'"), lost);
            String api = raw(f, "GET /api/ballotz HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
            assertEquals(404, status(api), api);
            assertTrue(api.contains("{\"error\":\"nothing is served at /api/ballotz\"}"), api);
            String host = raw(f, "GET /nothing HTTP/1.1\r\nHost: <script>alert(1)</script>\r\nConnection: close\r\n\r\n");
            assertEquals(400, status(host), host);
            assertFalse(host.contains("<script>"), "the Host is not echoed: " + host);
            // what a page's path carries is never written into the page: /events/<script> is the same page
            String page = raw(f, "GET /events/%3Cimg%20src=x%20onerror=alert(1)%3E HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n");
            assertEquals(200, status(page));
            assertFalse(page.contains("alert(1)"), page);
            assertTrue(page.contains("Content-Security-Policy: default-src 'self'"), page);
        }
    }
}
