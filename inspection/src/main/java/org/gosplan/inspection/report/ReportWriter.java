package org.gosplan.inspection.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes a report as {@code gosplan/report@1}, one line per delivery or receipt, streaming. */
public final class ReportWriter {
    private ReportWriter() {}

    private static final JsonFactory JSON = JsonFactory.builder().build();

    public static void write(Report r, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", Report.FORMAT);
            g.writeStringField("unit", r.unit());
            g.writeStringField("plan", r.plan());
            g.writeStringField("period", r.period());
            amounts(g, "levels", r.levels());
            flows(g, "delivered", "to", r.delivered());
            flows(g, "received", "from", r.received());
            amounts(g, "resources", r.resources());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void amounts(JsonGenerator g, String field, Map<String, Double> m) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Double> e : m.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void flows(JsonGenerator g, String field, String other, List<Flow> lines) throws IOException {
        g.writeRaw('\n');
        g.writeArrayFieldStart(field);
        for (Flow f : lines) {
            g.writeRaw('\n');
            g.writeStartObject();
            g.writeStringField("product", f.product());
            g.writeStringField(other, f.unit());
            g.writeNumberField("quantity", f.quantity());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
