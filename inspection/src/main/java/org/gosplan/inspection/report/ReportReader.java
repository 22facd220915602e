package org.gosplan.inspection.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.inspection.InspectionException;

/**
 * Reads {@code gosplan/report@1} files, streaming, so that a mistake is reported at its file, line,
 * column and field ({@code report.json:12:5 delivered[3].quantity: ...}) and a report of a million
 * lines never sits in memory as a tree. Unknown fields are refused (a misspelt {@code "recieved"}
 * would otherwise silently report nothing received).
 */
public final class ReportReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final String name;
    private final JsonParser p;

    private ReportReader(String name, JsonParser p) {
        this.name = name;
        this.p = p;
    }

    /** Reads the report file {@code file}. */
    public static Report read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    /** Reads a report from {@code in}; {@code name} is the file name errors start with. */
    public static Report read(InputStream in, String name) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            return new ReportReader(name, p).report();
        } catch (JsonProcessingException x) {
            JsonLocation at = x.getLocation();
            String where = at == null ? name : name + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new InspectionException(where, "not valid JSON: " + x.getOriginalMessage());
        }
    }

    private InspectionException error(String field, String message) {
        return error(p.currentTokenLocation(), field, message);
    }

    private InspectionException error(JsonLocation at, String field, String message) {
        return new InspectionException(name + ":" + at.getLineNr() + ":" + at.getColumnNr() + " " + field, message);
    }

    private Report report() throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw error("(top)", "a report is a JSON object {\"format\": \"" + Report.FORMAT + "\", \"unit\", \"plan\","
                    + " \"period\", \"levels\", \"delivered\", \"received\", \"resources\"}");
        }
        String format = null;
        String unit = null;
        String plan = null;
        String period = null;
        Map<String, Double> levels = new LinkedHashMap<>();
        List<Flow> delivered = new ArrayList<>();
        List<Flow> received = new ArrayList<>();
        Map<String, Double> resources = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonLocation name = p.currentTokenLocation();
            p.nextToken();
            switch (f) {
                case "format" -> format = text(f);
                case "unit" -> unit = text(f);
                case "plan" -> plan = text(f);
                case "period" -> period = text(f);
                case "levels" -> amounts(f, levels);
                case "delivered" -> flows(f, "to", delivered);
                case "received" -> flows(f, "from", received);
                case "resources" -> amounts(f, resources);
                default -> throw error(name, f, "unknown field; a report has \"format\", \"unit\", \"plan\","
                        + " \"period\","
                        + " \"levels\", \"delivered\", \"received\" and \"resources\"");
            }
        }
        if (p.nextToken() != null) {
            throw error("(end)", "text after the report's closing '}'");
        }
        if (!Report.FORMAT.equals(format)) {
            throw error("format", format == null ? "missing; a report says \"format\": \"" + Report.FORMAT + "\""
                    : "is '" + format + "'; this reader reads \"" + Report.FORMAT + "\"");
        }
        for (String[] required : new String[][] {{"unit", unit}, {"plan", plan}, {"period", period}}) {
            if (required[1] == null) {
                throw error(required[0], "missing; a report names its unit, the plan's hash and the period");
            }
        }
        return new Report(unit, plan, period, levels, delivered, received, resources);
    }

    private String text(String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING || p.getText().isBlank()) {
            throw error(field, "must be text (not blank)");
        }
        return p.getText();
    }

    private double quantity(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error(field, "must be a number");
        }
        double q = p.getDoubleValue();
        if (!(q >= 0) || Double.isInfinite(q)) {
            throw error(field, "must be finite and at least 0, not " + p.getText());
        }
        return q;
    }

    /** An object of id: amount, each id once. */
    private void amounts(String field, Map<String, Double> into) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error(field, "must be an object {\"<id>\": amount, ...}");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String id = p.currentName();
            p.nextToken();
            if (id.isBlank()) {
                throw error(field, "an id must not be blank");
            }
            into.put(id, quantity(field + "." + id));
        }
    }

    /** An array of {"product", to-or-from, "quantity"}. */
    private void flows(String field, String other, List<Flow> into) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(field, "must be a list [{\"product\", \"" + other + "\", \"quantity\"}, ...]");
        }
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            String at = field + "[" + i + "]";
            if (t != JsonToken.START_OBJECT) {
                throw error(at, "must be an object {\"product\", \"" + other + "\", \"quantity\"}");
            }
            JsonLocation line = p.currentTokenLocation();
            String product = null;
            String unit = null;
            double q = Double.NaN;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonLocation name = p.currentTokenLocation();
                p.nextToken();
                if (f.equals("product")) {
                    product = text(at + ".product");
                } else if (f.equals(other)) {
                    unit = text(at + "." + other);
                } else if (f.equals("quantity")) {
                    q = quantity(at + ".quantity");
                } else {
                    throw error(name, at + "." + f, "unknown field; a line has \"product\", \"" + other + "\" and"
                            + " \"quantity\"");
                }
            }
            if (product == null || unit == null || Double.isNaN(q)) {
                throw error(line, at, "needs \"product\", \"" + other + "\" and \"quantity\"");
            }
            into.add(new Flow(product, unit, q));
        }
    }
}
