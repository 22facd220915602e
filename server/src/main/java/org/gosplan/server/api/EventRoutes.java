package org.gosplan.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HexFormat;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.InclusionProof;
import org.gosplan.ledger.Log;
import org.gosplan.record.Event;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.gosplan.server.HttpError;
import org.gosplan.server.Limits;
import org.gosplan.server.Routes;
import org.gosplan.server.Served;

/**
 * Events for programs: the log's identity, events in order, one event with its inclusion proof,
 * and signed events posted, each checked by {@link Record#append(Event)}, the check
 * {@code gosplan record} makes.
 */
public final class EventRoutes implements Routes {
    static final int MAX_LIMIT = 1000;

    @Override
    public void addTo(Javalin app, Served served) {
        app.get("/api/log", ctx -> log(ctx, served));
        app.get("/api/events", ctx -> list(ctx, served));
        app.get("/api/events/{index}", ctx -> one(ctx, served));
        app.post("/api/events", ctx -> served.write(() -> {
            post(ctx, served);
            return null;
        }));
    }

    private static void log(Context ctx, Served served) throws Exception {
        Log log = served.log();
        Checkpoint cp = served.checkpoint();
        ObjectNode o = Served.object();
        o.put("origin", log.origin());
        o.put("vkey", log.verifierKey().toString());
        o.put("size", cp.size());
        o.put("checkpoint", cp.toString());
        Served.json(ctx, 200, o);
    }

    private static long number(Context ctx, String name, long fallback) {
        String s = ctx.queryParam(name);
        if (s == null) {
            return fallback;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new HttpError(400, "?" + name + "=" + s + " is not a whole number");
        }
    }

    private static void list(Context ctx, Served served) throws Exception {
        long size = served.log().size();
        long from = number(ctx, "from", 0);
        long limit = number(ctx, "limit", 100);
        if (from < 0 || limit < 0 || limit > MAX_LIMIT) {
            throw new HttpError(400, "give ?from=I (0 or more) and ?limit=N (0 to " + MAX_LIMIT + ")");
        }
        ObjectNode o = Served.object();
        o.put("size", size);
        o.put("from", from);
        ArrayNode events = o.putArray("events");
        for (long i = from; i < Math.min(size, from + limit); i++) {
            events.add(served.record().shown(i));
        }
        Served.json(ctx, 200, o);
    }

    private static void one(Context ctx, Served served) throws Exception {
        long index;
        try {
            index = Long.parseLong(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw new HttpError(400, "'" + ctx.pathParam("index") + "' is not an event index (a whole number)");
        }
        Checkpoint cp = served.checkpoint(Math.min(index + 1, served.log().size()));
        if (index < 0 || index >= cp.size()) {
            throw new HttpError(404, "there is no event " + index + "; the log has " + cp.size() + " (0 to "
                    + (cp.size() - 1) + ")");
        }
        ObjectNode o = served.record().shown(index);
        InclusionProof p = served.log().inclusionProof(index, cp.size());
        ObjectNode proof = o.putObject("proof");
        proof.put("size", cp.size());
        proof.put("root", HexFormat.of().formatHex(p.root()));
        ArrayNode path = proof.putArray("inclusion");
        for (byte[] h : p.proof()) {
            path.add(HexFormat.of().formatHex(h));
        }
        // The checkpoint the proof is against, so that a reader checks the two together.
        proof.put("checkpoint", cp.toString());
        Served.json(ctx, 200, o);
    }

    private static void post(Context ctx, Served served) throws Exception {
        byte[] body = Served.body(ctx, served.limits().eventBytes());
        Event e;
        try {
            e = Event.parse(body, "the body");
        } catch (RecordException x) {
            throw new HttpError(400, x.getMessage() + "; POST a signed event {\"v\", \"type\", \"time\", \"signer\","
                    + " \"body\", \"sig\"} as formats.md section 4 says");
        }
        // Canonical JSON is never longer than 6 bytes for each byte of the JSON it was parsed from
        // (strings and whitespace only shrink; a number such as 9e20 grows from 4 bytes to 21,
        // and numbers are separated): only a large body is canonicalised here to be measured.
        if (body.length > Limits.MAX_ENTRY / 6 && e.entryBytes().length > Limits.MAX_ENTRY) {
            throw Served.tooLarge(Limits.MAX_ENTRY);
        }
        long index;
        try {
            index = served.record().append(e);
        } catch (RecordException x) {
            switch (x.kind()) {
                case FORBIDDEN:
                    throw new HttpError(403, x.getMessage());
                case CONFLICT:
                    throw new HttpError(409, x.getMessage());
                default:
                    throw new HttpError(400, x.getMessage());
            }
        }
        ObjectNode o = Served.object();
        o.put("index", index);
        o.put("size", index + 1);
        ctx.header("Location", "/api/events/" + index);
        Served.json(ctx, 201, o);
    }
}
