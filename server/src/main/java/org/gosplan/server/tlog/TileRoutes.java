package org.gosplan.server.tlog;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gosplan.ledger.Log;
import org.gosplan.server.HttpError;
import org.gosplan.server.Routes;
import org.gosplan.server.Served;

/**
 * The log for any standard client, as C2SP tlog-tiles says: {@code /checkpoint}, hash tiles and
 * entry bundles. Hash tiles are the store's own kept hashes, read as they lie (no hashing).
 */
public final class TileRoutes implements Routes {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    // Mutable resources: the spec asks that they not be cached beyond a few seconds.
    static final String MUTABLE = "public, max-age=5";
    // Full tiles and bundles never change: the most recently read are kept (8 KiB a hash tile),
    // so that a store whose reads cost a round trip (PostgreSQL) serves them from memory.
    private static final int CACHED = 2048;
    private final Map<TilePath, byte[]> full = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<TilePath, byte[]> eldest) {
            return size() > CACHED;
        }
    });

    @Override
    public void addTo(Javalin app, Served served) {
        app.get("/checkpoint", ctx -> {
            ctx.header("Cache-Control", MUTABLE);
            ctx.contentType("text/plain; charset=utf-8");
            ctx.result(served.checkpoint().toString());
        });
        app.get("/tile/<path>", ctx -> tile(ctx, served.log()));
    }

    private void tile(Context ctx, Log log) throws IOException {
        TilePath t = TilePath.parse(ctx.pathParam("path"));
        if (t == null) {
            throw new HttpError(400, "'/tile/" + ctx.pathParam("path") + "' is not a tile path: tiles are"
                    + " /tile/<L>/<N>[.p/<W>] and /tile/entries/<N>[.p/<W>] as C2SP tlog-tiles encodes them");
        }
        byte[] kept = t.width() == TilePath.FULL ? full.get(t) : null;
        Optional<byte[]> bytes = kept != null ? Optional.of(kept)
                : t.entries() ? bundle(log, t) : log.tile(t.level(), t.index(), t.width());
        if (kept == null && bytes.isPresent() && t.width() == TilePath.FULL) {
            full.put(t, bytes.get());
        }
        if (bytes.isEmpty()) {
            throw new HttpError(404, "the log (" + log.size() + " entries) has no such tile yet");
        }
        ctx.header("Cache-Control", t.width() == TilePath.FULL ? IMMUTABLE : MUTABLE);
        ctx.contentType("application/octet-stream");
        ctx.result(bytes.get());
    }

    /** Entries {@code [256 N, 256 N + W)}, each after its length as 2 bytes big-endian. */
    private static Optional<byte[]> bundle(Log log, TilePath t) throws IOException {
        if (t.index() > (Long.MAX_VALUE >>> 8) - 1) {
            return Optional.empty();
        }
        long first = t.index() << 8;
        if (first + t.width() > log.size()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long i = first; i < first + t.width(); i++) {
            byte[] e = log.entry(i);
            if (e.length > 0xffff) {
                throw new HttpError(500, "entry " + i + " is " + e.length + " bytes, more than an entry bundle can"
                        + " frame (65,535)");
            }
            out.write(e.length >>> 8);
            out.write(e.length & 0xff);
            out.write(e);
        }
        return Optional.of(out.toByteArray());
    }
}
