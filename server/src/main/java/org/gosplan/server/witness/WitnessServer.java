package org.gosplan.server.witness;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.gosplan.ledger.witness.Answer;
import org.gosplan.ledger.witness.Witness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gosplan witness serve}: a {@link Witness} on HTTP as C2SP tlog-witness says,
 * {@code POST /add-checkpoint} (submission prefix: the root) and {@code GET /<origin hash>/checkpoint}
 * (monitoring prefix: the root). Javalin parses HTTP; the witness decides.
 */
public final class WitnessServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WitnessServer.class);
    /** A checkpoint with 63 proof lines and a hundred signatures is well under this. */
    static final long MAX_BODY = 64 * 1024;

    private final Javalin app;

    private WitnessServer(Javalin app) {
        this.app = app;
    }

    /** Serves {@code witness} on {@code host}:{@code port} (0: any free port) until {@link #close}. */
    public static WitnessServer start(Witness witness, String host, int port) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY;
            config.useVirtualThreads = false;
        });
        addTo(app, witness);
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            text(ctx, 500, "the witness failed to answer: " + e.getMessage() + "\n");
        });
        app.start(host, port);
        return new WitnessServer(app);
    }

    /** Adds the witness's routes to an app of its own or to a server that serves more. */
    public static void addTo(Javalin app, Witness witness) {
        io.javalin.http.Handler add = ctx -> {
            Answer a = witness.addCheckpoint(ctx.bodyAsBytes());
            ctx.status(a.status());
            ctx.contentType(a.contentType());
            ctx.result(a.body());
        };
        app.post("/add-checkpoint", add);
        // a client that joins a submission prefix ending in '/' (as policies often write it) and "/add-checkpoint"
        app.post("//add-checkpoint", add);
        app.get("/{originHash}/checkpoint", ctx -> {
            var note = witness.latest(ctx.pathParam("originHash"));
            if (note.isPresent()) {
                text(ctx, 200, note.get());
            } else {
                text(ctx, 404, "no checkpoint cosigned for that origin hash (lowercase hex SHA-256 of the origin)\n");
            }
        });
    }

    private static void text(Context ctx, int status, String body) {
        ctx.status(status);
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(body);
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
