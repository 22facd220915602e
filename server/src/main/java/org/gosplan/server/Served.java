package org.gosplan.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.Log;
import org.gosplan.record.Record;

/**
 * What the routes serve, and the few things every route does alike: the record and its log, the
 * limits, the latest checkpoint, JSON answers and errors.
 */
public final class Served {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Record record;
    private final Log log;
    private final Limits limits;
    private final Optional<Path> policy;
    private final Semaphore writes;
    private final AtomicReference<Signed> checkpoint = new AtomicReference<>();
    private final List<Routes.Page> pages = new ArrayList<>();

    Served(Record record, Log log, Limits limits, Path policy) {
        this.record = record;
        this.log = log;
        this.limits = limits;
        this.policy = Optional.ofNullable(policy);
        this.writes = new Semaphore(limits.concurrentWrites(), true);
    }

    public Record record() {
        return record;
    }

    public Log log() {
        return log;
    }

    public Limits limits() {
        return limits;
    }

    /** The witness policy named by {@code --policy}, for the capabilities that use one. */
    public Optional<Path> policy() {
        return policy;
    }

    /** Every capability's pages, in the order of {@link Capabilities#all}. */
    public List<Routes.Page> pages() {
        return List.copyOf(pages);
    }

    void addPages(List<Routes.Page> more) {
        pages.addAll(more);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The record as the log stands, with what other writers (another process, such as
     * {@code gosplan record DIR ...} beside the server) appended: the log's head is read again
     * with the checkpoint, at most about once a second, and the record folds what is new.
     */
    public org.gosplan.record.Snapshot current() throws IOException {
        checkpoint();
        return record.refresh();
    }

    /** A checkpoint and when it was signed ({@link System#nanoTime}). */
    private record Signed(Checkpoint checkpoint, long at) {}

    private static final long RESIGN_NANOS = 1_000_000_000L;

    /** The latest checkpoint: of the log as it is, or signed less than a second ago. */
    public Checkpoint checkpoint() throws IOException {
        return checkpoint(0);
    }

    /**
     * A checkpoint of at least {@code size} entries, with the witnesses' cosignatures the log keeps
     * on it: the log as it is, or one read less than a second ago. Signing takes the writer's lock
     * and stores the checkpoint, so while writes pour in the log signs at most about one a second
     * for readers, as tlog-tiles allows (the checkpoint may be cached a few seconds). Between
     * writes the stored checkpoint is read again once a second, so that cosignatures stored
     * after it was signed ('gosplan log witness') are served within a second.
     */
    public Checkpoint checkpoint(long size) throws IOException {
        Signed s = checkpoint.get();
        long now = System.nanoTime();
        if (s != null && s.checkpoint().size() >= size && now - s.at() < RESIGN_NANOS) {
            return s.checkpoint();
        }
        Checkpoint fresh = log.checkpoint();
        checkpoint.accumulateAndGet(new Signed(fresh, now),
                (a, b) -> a == null || b.checkpoint().size() >= a.checkpoint().size() ? b : a);
        return fresh;
    }

    /**
     * Runs a write holding one of the limited write slots: when all are taken for two seconds
     * the write is answered 429, so a flood of writes cannot pile up threads without end.
     */
    public <T> T write(Write<T> body) throws Exception {
        if (!writes.tryAcquire(2, TimeUnit.SECONDS)) {
            throw new HttpError(429, "the server is handling " + limits.concurrentWrites()
                    + " writes already; retry in a moment");
        }
        try {
            return body.run();
        } finally {
            writes.release();
        }
    }

    /**
     * Runs {@code body} holding every write slot: no event or upload is handled by this server
     * meanwhile (those that come wait, as for any busy slot).
     */
    <T> T exclusive(Write<T> body) throws Exception {
        writes.acquire(limits.concurrentWrites());
        try {
            return body.run();
        } finally {
            writes.release(limits.concurrentWrites());
        }
    }

    /** A write to run under {@link #write}. */
    @FunctionalInterface
    public interface Write<T> {
        T run() throws Exception;
    }

    /**
     * The request body, at most {@code limit} bytes: a longer body (by its Content-Length, or as
     * it arrives) is answered 413 without reading the rest.
     */
    public static byte[] body(Context ctx, long limit) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] b = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (b.length > limit) {
                throw tooLarge(limit);
            }
            return b;
        }
    }

    /**
     * The log index in path parameter {@code text}; 400 otherwise, saying that {@code what} (such
     * as "a ballot") is named by the entry number of its {@code event} (such as "ballot.opened").
     */
    public static long logIndex(String text, String what, String event) {
        if (!text.matches("\\d{1,18}")) {
            throw new HttpError(400, "'" + text + "' is not a log index; " + what + " is named by the entry number of"
                    + " its " + event + " event");
        }
        return Long.parseLong(text);
    }

    public static HttpError tooLarge(long limit) {
        return new HttpError(413, "the body is larger than this server takes here (" + limit + " bytes)");
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Answers {@code status} with {@code json}. */
    public static void json(Context ctx, int status, JsonNode json) {
        ctx.status(status);
        ctx.contentType("application/json");
        try {
            ctx.result(MAPPER.writeValueAsString(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers {@code status} with {@code {"error": message}}. */
    public static void error(Context ctx, int status, String message) {
        ObjectNode o = object();
        o.put("error", message);
        json(ctx, status, o);
    }
}
