package org.gosplan.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;
import org.gosplan.economy.Progress;
import org.gosplan.record.Member;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.gosplan.record.Snapshot;

/**
 * What {@code gosplan log list} prints, streamed: the entries are read a chunk at a time, only the
 * four fields a line shows are taken from each (its body is skipped, not built), and the lines go
 * out in blocks of some 64 K characters. The bytes are those the first version printed with one
 * {@code shown(i)} tree and one flushed {@code printf} per entry (179 s for 2,000,002 entries).
 * Any entry the record did not accept when it was opened (not an event, a refused one, one
 * appended since) is shown as {@code gosplan show} shows it, as before, errors included.
 */
final class EventList {
    /** Entries read at a time when every entry read is listed (no --type). */
    static final int CHUNK = 8192;
    /** Characters gathered before they are handed to standard output. */
    private static final int BLOCK = 1 << 16;

    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * What to list: from {@code from}, at most {@code limit} events (0: all), of {@code type} only
     * (null: all), of the log named {@code where} in messages.
     */
    record Query(long from, long limit, String type, String where) {}

    /** One listed event: the fields a line or a JSON element shows. */
    private record Line(long index, String type, String time, String signer, String signerName, String signerRole) {}

    private final Record record;
    private final Query query;
    private final Progress progress;
    private final Snapshot snapshot;
    private final long accepting; // below this, Record.accepted answers
    private final int most; // entries read at a time at most

    private EventList(Record record, Query query, Progress progress, int most) {
        this.most = most;
        this.record = record;
        this.query = query;
        this.progress = progress;
        this.snapshot = record.snapshot();
        this.accepting = record.foldedSize();
    }

    /** Visits each listed event in order. */
    @FunctionalInterface
    private interface Sink {
        void accept(Line line) throws IOException;
    }

    /**
     * Lists to {@code out} as readable lines; returns how many. Where an entry cannot be shown (a
     * log of raw lines), the lines before it are out and the error propagates, as before.
     */
    static long text(Record record, Query query, Progress progress, Writer out) throws IOException {
        return text(record, query, progress, out, CHUNK);
    }

    /** As above, reading at most {@code most} entries at a time (tests: many chunks on a short log). */
    static long text(Record record, Query query, Progress progress, Writer out, int most) throws IOException {
        boolean plainDigits = DecimalFormatSymbols.getInstance(Locale.getDefault(Locale.Category.FORMAT))
                .getZeroDigit() == '0';
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder(BLOCK + 256);
        try {
            return new EventList(record, query, progress, most).walk(record.log().size(), e -> {
                String who = e.signerName() != null ? e.signerName() + " (" + e.signerRole() + ")" : e.signer();
                if (plainDigits) {
                    String i = Long.toString(e.index());
                    pad(b, 6 - i.length()).append(i).append("  ").append(e.type());
                    pad(b, 20 - e.type().length()).append(' ').append(e.time()).append("  ").append(who).append(nl);
                } else {
                    b.append(String.format("%6d  %-20s %s  %s%n", e.index(), e.type(), e.time(), who));
                }
                if (b.length() >= BLOCK) {
                    out.append(b);
                    b.setLength(0);
                }
            });
        } finally {
            out.append(b);
            out.flush();
        }
    }

    /**
     * Writes {@code {"size", "events": [...]}} as {@link Json#print} prints the same tree, one
     * event at a time. Standard output gets one document or, on an error, nothing: where an entry
     * in the range could fail to show (one the record did not accept), the document is built whole
     * first, as before.
     */
    static void json(Record record, Query query, Progress progress, Writer out) throws IOException {
        json(record, query, progress, out, CHUNK);
    }

    /** As above, reading at most {@code most} entries at a time. */
    static void json(Record record, Query query, Progress progress, Writer out, int most) throws IOException {
        long size = record.log().size();
        EventList list = new EventList(record, query, progress, most);
        if (list.mayFail(size)) {
            ObjectNode doc = Json.object();
            doc.put("size", size);
            var events = doc.putArray("events");
            list.walk(size, e -> element(events.addObject(), e));
            out.write(Json.MAPPER.writeValueAsString(doc));
            out.write(System.lineSeparator());
            out.flush();
            return;
        }
        try (JsonGenerator g = Json.MAPPER.writer().createGenerator(new java.io.BufferedWriter(out, BLOCK))) {
            g.writeStartObject();
            g.writeNumberField("size", size);
            g.writeArrayFieldStart("events");
            list.walk(size, e -> {
                g.writeStartObject();
                g.writeNumberField("index", e.index());
                g.writeStringField("type", e.type());
                g.writeStringField("time", e.time());
                g.writeStringField("signer", e.signer());
                g.writeStringField("signerName", e.signerName());
                g.writeStringField("signerRole", e.signerRole());
                g.writeEndObject();
            });
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void element(ObjectNode o, Line e) {
        o.put("index", e.index()).put("type", e.type()).put("time", e.time()).put("signer", e.signer())
                .put("signerName", e.signerName()).put("signerRole", e.signerRole());
    }

    /**
     * Standard output as a writer: each write is one {@code System.out.print} (so in its charset, and
     * one flush of the autoflushing stream per block, not per line).
     */
    static Writer stdout() {
        return new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                System.out.print(new String(cbuf, off, len));
            }

            @Override
            public void write(String str, int off, int len) {
                System.out.print(off == 0 && len == str.length() ? str : str.substring(off, off + len));
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
    }

    private static StringBuilder pad(StringBuilder b, int spaces) {
        for (int k = 0; k < spaces; k++) {
            b.append(' ');
        }
        return b;
    }

    /** Whether an entry from {@code query.from} on could throw where it is shown: one not accepted at the opening. */
    private boolean mayFail(long size) throws IOException {
        if (size > accepting) {
            return true;
        }
        for (long i = query.from(); i < size; i++) {
            if (!record.accepted(i)) {
                try {
                    record.shown(i);
                } catch (RecordException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The events listed from one chunk, and how far the reading has got (for progress). */
    private record Chunk(java.util.List<Line> lines, long done, long total) {}

    private static final Object END = new Object();

    /**
     * Reads the range a chunk at a time and gives {@code sink} each event listed; returns how many.
     * One thread reads and parses the next chunks while this one writes out the last (the two
     * halves of the work take about as long each); lines come out in order, and where reading
     * fails, the lines before the failure come out first and then its exception is thrown here.
     */
    private long walk(long size, Sink sink) throws IOException {
        java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(4);
        Thread reader = new Thread(() -> {
            Object last = END;
            try {
                read(size, queue);
            } catch (InterruptedException e) {
                return; // the writer gave up
            } catch (IOException | RuntimeException | Error e) {
                last = e;
            }
            try {
                queue.put(last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "log-list-reader");
        reader.setDaemon(true);
        reader.start();
        long listed = 0;
        try {
            while (true) {
                Object o;
                try {
                    o = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while listing");
                }
                if (o instanceof Chunk c) {
                    for (Line e : c.lines()) {
                        sink.accept(e);
                    }
                    listed += c.lines().size();
                    progress.update("listing events", c.done(), c.total());
                } else if (o == END) {
                    return listed;
                } else if (o instanceof IOException e) {
                    throw e;
                } else if (o instanceof RuntimeException e) {
                    throw e;
                } else {
                    throw (Error) o;
                }
            }
        } finally {
            reader.interrupt(); // done already, or stop reading for a writer that failed
        }
    }

    /** The reading half of {@link #walk}: each chunk's listed events into {@code queue}, in order. */
    private void read(long size, java.util.concurrent.BlockingQueue<Object> queue)
            throws IOException, InterruptedException {
        long listed = 0;
        long limit = query.limit();
        long want = limit == 0 ? size - query.from() : limit;
        // With --type, how many entries give the events wanted is not known: chunks grow from 64.
        int chunk = query.type() == null ? most : Math.min(most, 64);
        for (long base = query.from(); base < size && (limit == 0 || listed < limit); ) {
            int n = (int) Math.min(chunk, size - base);
            if (query.type() == null && limit > 0) {
                n = (int) Math.min(n, limit - listed); // no more entries read than lines wanted
            }
            byte[][] raw = record.log().entries(base, n);
            java.util.List<Line> lines = new java.util.ArrayList<>(query.type() == null ? n : 16);
            for (int k = 0; k < n && (limit == 0 || listed < limit); k++) {
                Line e;
                try {
                    e = line(base + k, raw[k]);
                } catch (IOException | RuntimeException x) {
                    queue.put(new Chunk(lines, base + k - query.from(), size - query.from()));
                    throw x;
                }
                raw[k] = null;
                if (query.type() != null && !query.type().equals(e.type())) {
                    continue;
                }
                listed++;
                lines.add(e);
            }
            base += n;
            chunk = (int) Math.min(most, 2L * chunk);
            queue.put(new Chunk(lines, query.type() == null ? listed : base - query.from(),
                    query.type() == null ? want : size - query.from()));
        }
    }

    /** Entry {@code index} as listed: from its top-level fields where the record accepted it, else as shown. */
    private Line line(long index, byte[] entry) throws IOException {
        if (index < accepting && index <= snapshot.size() && record.accepted(index)) {
            Line fast = fields(index, entry);
            if (fast != null) {
                return fast;
            }
        }
        ObjectNode e;
        try {
            e = record.shown(index);
        } catch (RecordException ex) {
            if (index == 0) {
                throw new UsageException(query.where() + " holds raw lines, not signed events: 'gosplan"
                        + " log prove' and 'gosplan log verify' work on it, 'list' and 'show' on records");
            }
            throw ex;
        }
        JsonNode name = e.get("signerName");
        JsonNode role = e.get("signerRole");
        return new Line(index, e.path("type").asText(), e.path("time").asText(), e.path("signer").asText(),
                name.isTextual() ? name.asText() : null, role.isTextual() ? role.asText() : null);
    }

    /** The fields of an accepted event, and its signer as it stood at the entry; null where not in plain form. */
    private Line fields(long index, byte[] entry) {
        String[] f = canonicalTail(entry);
        if (f == null) {
            f = topFields(entry);
        }
        if (f == null) {
            return null;
        }
        Member m = snapshot.memberAt(f[2], index);
        return new Line(index, f[0], f[1], f[2], m == null ? null : m.key().name(), m == null ? null : m.role().id());
    }

    private static final byte[] V = lit("\",\"v\":1}");
    /** What comes before each of type, time and signer, from the closing quote of the string before it. */
    private static final byte[][] BEFORE = {lit("\",\"type\":\""), lit("\",\"time\":\""), lit("\",\"signer\":\"")};

    private static byte[] lit(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@code type}, {@code time} and {@code signer} of an event entry the record parsed, read from
     * the end of its bytes where they end as canonical JSON (RFC 8785) puts them, keys in order
     * {@code body, sig, signer, time, type, v}: {@code ...","signer":"S","time":"T","type":"Y","v":1}}
     * with S, T and Y free of backslashes, and no backslash before that first quote; null
     * otherwise. In valid JSON that end can be read one way only: every quote in it follows a byte
     * that is not a backslash, so is a string's boundary, and the final brace closes the top-level
     * object, whose last members these are, the ones the parsed tree keeps. So only for an entry
     * known to be valid JSON (one the record accepted).
     */
    static String[] canonicalTail(byte[] e) {
        int close = e.length - V.length; // the closing quote of type's value
        if (close < 0 || !Arrays.equals(e, close, e.length, V, 0, V.length)) {
            return null;
        }
        String[] out = new String[3];
        for (int k = 0; k < 3; k++) {
            int q = close;
            while (--q >= 0 && e[q] != '"') {
                if (e[q] == '\\') {
                    return null;
                }
            }
            byte[] lit = BEFORE[k];
            int from = q + 1 - lit.length;
            if (q < 0 || from < 1 || e[from - 1] == '\\' || !Arrays.equals(e, from, q + 1, lit, 0, lit.length)) {
                return null;
            }
            out[k] = new String(e, q + 1, close - q - 1, StandardCharsets.UTF_8);
            close = from;
        }
        return out;
    }

    /**
     * {@code type}, {@code time} and {@code signer} of an event entry, read as {@code Event.parse}
     * reads them (one object of the six fields, each once, the body skipped, not built); null where
     * the entry is not in that plain form (then it is shown the long way, which says what is wrong).
     */
    static String[] topFields(byte[] entry) {
        String type = null;
        String time = null;
        String signer = null;
        int seen = 0;
        try (JsonParser p = FACTORY.createParser(entry)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                int bit;
                switch (f) {
                    case "type" -> {
                        bit = 1;
                        type = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    }
                    case "time" -> {
                        bit = 2;
                        time = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    }
                    case "signer" -> {
                        bit = 4;
                        signer = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    }
                    case "body", "sig", "v" -> {
                        bit = f.equals("body") ? 8 : f.equals("sig") ? 16 : 32;
                        p.skipChildren();
                    }
                    default -> {
                        return null;
                    }
                }
                if ((seen & bit) != 0) {
                    return null; // a field twice: the tree keeps the last, shown says which
                }
                seen |= bit;
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (seen != 63 || type == null || time == null || signer == null) {
            return null;
        }
        return new String[] {type, time, signer};
    }
}
