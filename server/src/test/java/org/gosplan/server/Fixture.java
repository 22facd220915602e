package org.gosplan.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Event;
import org.gosplan.record.Record;
import org.gosplan.record.Role;

/**
 * A record on an embedded log with an operator (the log's key), a council, a citizen and an
 * open approval ballot, served on a free loopback port.
 */
final class Fixture implements AutoCloseable {
    static final String ORIGIN = "test.gosplan.org/server";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final Log log;
    final Record record;
    final Server server;
    final NoteSigner operator;
    final NoteSigner council = NoteSigner.fromSeed("council", seed(1));
    final NoteSigner citizen = NoteSigner.fromSeed("citizen", seed(2));
    final long ballot;
    private int second;

    static byte[] seed(int n) {
        byte[] s = new byte[32];
        s[0] = (byte) n;
        s[31] = (byte) (n * 7);
        return s;
    }

    /** The options of the fixture's ballot: a vote names them by label. */
    static final List<String> OPTIONS = List.of("north", "south", "east");

    Fixture(Path dir, Limits limits, List<Routes> extra) throws IOException {
        log = Log.init(dir.resolve("record"), ORIGIN, null);
        operator = log.signingKey();
        record = Record.open(log);
        record.registerMember(council.verifier(), Role.COUNCIL, operator);
        record.registerMember(citizen.verifier(), Role.CITIZEN, operator);
        ObjectNode b = Served.object();
        b.put("title", "Which bakery opens first?");
        b.put("method", "approval");
        OPTIONS.forEach(b.putArray("options")::add);
        b.put("electorate", "all");
        b.put("seats", 1).putNull("budget").put("adopt", false);
        ballot = record.append(Event.sign("ballot.opened", b, council, Instant.parse("2026-01-01T00:00:00Z")));
        List<Routes> routes = new ArrayList<>(Capabilities.all());
        routes.addAll(extra);
        server = Server.start(record, log, "127.0.0.1", 0, limits, null, routes);
    }

    Fixture(Path dir) throws IOException {
        this(dir, Limits.defaults().unlimitedRates(), List.of());
    }

    /** A vote by {@code key} for option {@code option}, signed a second after the last one made here. */
    Event vote(NoteSigner key, int option) {
        ObjectNode b = Served.object();
        b.put("ballot", ballot);
        b.putArray("approve").add(OPTIONS.get(option));
        return Event.sign("vote.cast", b, key, Instant.parse("2026-01-01T01:00:00Z").plusSeconds(second++));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    HttpResponse<byte[]> send(String method, String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url(path)));
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    HttpResponse<byte[]> post(String path, byte[] body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return Served.mapper().readTree(r.body());
    }

    @Override
    public void close() throws IOException {
        server.close();
        record.close();
    }
}
