package org.gosplan.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.gosplan.record.ContentStore;
import org.gosplan.server.HttpError;
import org.gosplan.server.Routes;
import org.gosplan.server.Served;

/**
 * Content beside the log, addressed by the SHA-256 of its bytes: stored before the event that
 * names it, refused when the bytes do not hash to the name.
 */
public final class ContentRoutes implements Routes {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    @Override
    public void addTo(Javalin app, Served served) {
        app.get("/api/content/{hash}", ctx -> get(ctx, served.record().content()));
        app.put("/api/content/{hash}", ctx -> served.write(() -> {
            put(ctx, served);
            return null;
        }));
    }

    private static String hash(Context ctx) {
        String h = ctx.pathParam("hash");
        if (!HASH.matcher(h).matches()) {
            throw new HttpError(400, "'" + h + "' is not a content name: content is named by the SHA-256 of its"
                    + " bytes, 64 lowercase hex digits");
        }
        return h;
    }

    private static void get(Context ctx, ContentStore content) throws IOException {
        String h = hash(ctx);
        if (!content.contains(h)) {
            throw new HttpError(404, "no content " + h + " is stored");
        }
        // Content never changes under its name.
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType("application/octet-stream");
        ctx.result(content.open(h));
    }

    private static void put(Context ctx, Served served) throws Exception {
        String h = hash(ctx);
        long limit = served.limits().contentBytes();
        if (ctx.req().getContentLengthLong() > limit) {
            throw Served.tooLarge(limit);
        }
        ContentStore content = served.record().content();
        Path tmp = Files.createTempFile("gosplan-upload-", ".content");
        try {
            MessageDigest d = sha256();
            long n;
            try (InputStream in = ctx.req().getInputStream();
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), d)) {
                n = copy(in, out, limit);
            }
            String actual = HexFormat.of().formatHex(d.digest());
            if (!actual.equals(h)) {
                throw new HttpError(400, "the body's " + n + " bytes hash to " + actual + ", not to " + h + ": PUT"
                        + " content at the SHA-256 of its bytes");
            }
            boolean had = content.contains(h);
            if (!had) {
                content.put(tmp);
            }
            ObjectNode o = Served.object();
            o.put("hash", h);
            o.put("bytes", n);
            Served.json(ctx, had ? 200 : 201, o);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buf = new byte[1 << 16];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > limit) {
                throw Served.tooLarge(limit);
            }
            out.write(buf, 0, r);
        }
        return n;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
