package org.gosplan.server;

import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.util.List;
import org.gosplan.ledger.LedgerException;
import org.gosplan.ledger.Log;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gosplan serve}: one record on the web, reads open to all, writes only as signed events
 * (and content addressed by hash). What is served is the routes of {@link Capabilities#all}.
 */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final Javalin app;
    private final Served served;
    private final UnnamedContent unnamed; // null: unnamed content kept for ever

    private Server(Javalin app, Served served, UnnamedContent unnamed) {
        this.app = app;
        this.served = served;
        this.unnamed = unnamed;
    }

    /**
     * Starts serving {@code record} (kept in {@code log}) on {@code host}:{@code port} (0: any
     * free port) with the routes of {@code capabilities}.
     */
    public static Server start(Record record, Log log, String host, int port, Limits limits, Path policy,
                               List<Routes> capabilities) {
        Served served = new Served(record, log, limits, policy);
        RateLimits reads = new RateLimits(limits.readsPerSecond());
        RateLimits writes = new RateLimits(limits.writesPerSecond());
        // Javalin answers HEAD on a GET route by itself with 200 and no headers of the GET (Content-Length:
        // 0); HEAD must answer what GET would, less the body, so each GET route also gets a HEAD route
        // running the same handler (Jetty sends no body for HEAD, but the headers and length stay)
        List<HandlerMetaInfo> gets = new java.util.ArrayList<>();
        Javalin app = Javalin.create(config -> {
            config.events.handlerAdded(h -> {
                if (h.getHttpMethod() == HandlerType.GET) {
                    gets.add(h);
                }
            });
            config.showJavalinBanner = false;
            config.http.maxRequestSize = limits.contentBytes();
            config.router.ignoreTrailingSlashes = false;
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            boolean write = ctx.method().name().equals("POST") || ctx.method().name().equals("PUT");
            if (!(write ? writes : reads).allow(ctx.ip())) {
                ctx.header("Retry-After", "1");
                throw new HttpError(429, "too many " + (write ? "writes" : "requests") + " from " + ctx.ip()
                        + "; this server takes " + (write ? limits.writesPerSecond() : limits.readsPerSecond())
                        + " a second from one address: slow down and retry");
            }
        });
        app.exception(HttpError.class, (e, ctx) -> Served.error(ctx, e.status(), e.getMessage()));
        app.exception(RecordException.class, (e, ctx) -> Served.error(ctx, 400, e.getMessage()));
        app.exception(LedgerException.class, (e, ctx) -> Served.error(ctx, 400, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            Served.error(ctx, 500, "the server failed to answer this request: " + e);
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                String method = ctx.method().name();
                if (!List.of("GET", "HEAD", "POST", "PUT").contains(method)) {
                    // TRACE, OPTIONS, DELETE, ...: nothing here answers them, whatever the path
                    ctx.header("Allow", "GET, HEAD, POST, PUT");
                    Served.error(ctx, 405, method + " is not answered here: reads are GET, writes are POST"
                            + " /api/events and PUT /api/content/<sha256>");
                } else if (method.equals("GET") && !ctx.path().startsWith("/api/") && !ctx.path().startsWith("/tile/")
                        && String.valueOf(ctx.header("Accept")).contains("text/html")) {
                    // a person in a browser: a page that says so and leads back, not JSON
                    org.gosplan.server.pages.PageRoutes.page(ctx, org.gosplan.server.pages.PageRoutes.class,
                            "notfound.html", "Nothing here");
                } else {
                    Served.error(ctx, 404, "nothing is served at " + ctx.path());
                }
            }
        });
        app.error(413, ctx -> notJson(ctx, 413, "the body is larger than this server takes"));
        for (Routes r : capabilities) {
            r.addTo(app, served);
            served.addPages(r.pages());
        }
        for (HandlerMetaInfo h : List.copyOf(gets)) {
            app.head(h.getPath(), h.getHandler());
        }
        app.start(host, port);
        return new Server(app, served, UnnamedContent.start(served));
    }

    private static void notJson(Context ctx, int status, String message) {
        String r = ctx.result();
        if (r == null || !r.startsWith("{")) {
            Served.error(ctx, status, message);
        }
    }

    /** The port served on. */
    public int port() {
        return app.port();
    }

    public Served served() {
        return served;
    }

    /** Stops serving (the record stays open: its owner closes it). */
    @Override
    public void close() {
        if (unnamed != null) {
            unnamed.close();
        }
        app.stop();
    }
}
