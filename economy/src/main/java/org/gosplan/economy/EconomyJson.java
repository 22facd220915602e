package org.gosplan.economy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The one-file form (formats.md section 1). Errors name the file and the JSON pointer of the
 * offending value, and the line and column when the JSON itself is malformed.
 */
final class EconomyJson {
    private EconomyJson() {}

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Set<String> TOP = Set.of("format", "name", "products", "resources", "techniques", "targets",
            "currency", "tradeBalance", "years", "regions", "transport", "trade", "capital", "stocks");
    private static final Set<String> PRODUCT = Set.of("id", "unit", "name");
    private static final Set<String> RESOURCE = Set.of("id", "unit", "available", "region", "year");
    private static final Set<String> TECHNIQUE = Set.of("id", "outputs", "inputs", "capacity", "region", "capital");
    private static final Set<String> TARGET = Set.of("product", "quantity", "weight", "region", "year");

    /** Parses a JSON file into a tree; null (and a problem naming line and column) when it is malformed. */
    static JsonNode parse(Path file, Problems problems) {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = MAPPER.readTree(in);
            if (root == null || root.isMissingNode()) {
                problems.error(name + ":1", "the file is empty; it should hold one JSON object");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? name : name + ":" + at.getLineNr() + ":" + at.getColumnNr();
            String msg = e.getOriginalMessage();
            if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException
                    || (msg != null && msg.contains("end-of-input"))) {
                msg = "the JSON ends too early (is the file truncated?): " + msg;
            } else if (msg != null && msg.startsWith("Non-standard token")) {
                // Jackson names its own switch here; the user needs to know what JSON allows instead
                String token = msg.replaceFirst("(?s)^Non-standard token '([^']*)'.*", "$1");
                msg = token + " is not a number JSON allows; write a finite decimal number such as 1500 or 2.5e3"
                        + " (a missing value is left out, and a quantity 'not a number' is a mistake to fix)";
            } else if (msg != null && msg.startsWith("Duplicate field")) {
                msg = msg + "; each key may appear once in an object (add quantities up)";
            } else {
                msg = "malformed JSON: " + msg;
            }
            problems.error(where, msg);
            return null;
        } catch (IOException e) {
            problems.error(file.toString(), "cannot read: " + e.getMessage());
            return null;
        }
    }

    static void checkFormat(JsonNode root, String file, String expected, Problems problems) {
        JsonNode f = root.get("format");
        if (f == null) {
            problems.error(file + ":/format", "missing \"format\"; add \"format\": \"" + expected + "\"");
        } else if (!f.isTextual() || !f.asText().equals(expected)) {
            problems.error(file + ":/format", "\"format\" is " + f + " but this reader reads \"" + expected + "\"");
        }
    }

    static Economy read(Path file, Problems problems) {
        JsonNode root = parse(file, problems);
        if (root == null) {
            return null;
        }
        return new Reading(file.getFileName().toString(), problems).economy(root);
    }

    /** One read: the file name for messages and the problems found. */
    static final class Reading {
        private final String file;
        private final Problems problems;

        Reading(String file, Problems problems) {
            this.file = file;
            this.problems = problems;
        }

        void error(String pointer, String message) {
            problems.error(file + ":" + pointer, message);
        }

        Economy economy(JsonNode root) {
            if (!root.isObject()) {
                error("/", "an economy is a JSON object with \"format\", \"products\", \"techniques\", ...");
                return null;
            }
            checkFormat(root, file, Economy.FORMAT, problems);
            unknownFields(root, "", TOP, "an economy");
            String name = optionalText(root, "", "name");
            EconomyBuilder b = new EconomyBuilder(name == null ? "" : name);
            PartsJson parts = new PartsJson(this, b);
            parts.head(root);

            JsonNode products = array(root, "", "products", true);
            for (int i = 0; products != null && i < products.size(); i++) {
                String at = "/products/" + i;
                JsonNode p = object(products.get(i), at, "a product");
                if (p == null) {
                    continue;
                }
                unknownFields(p, at, PRODUCT, "a product");
                String id = id(p, at);
                if (id != null && b.addProduct(id, optionalText(p, at, "unit"), optionalText(p, at, "name")) < 0) {
                    error(at + "/id", "product '" + id + "' is listed twice; ids must be unique");
                }
            }
            parts.capital(root);
            java.util.BitSet defined = new java.util.BitSet();
            JsonNode resources = array(root, "", "resources", false);
            for (int i = 0; resources != null && i < resources.size(); i++) {
                String at = "/resources/" + i;
                JsonNode r = object(resources.get(i), at, "a resource");
                if (r == null) {
                    continue;
                }
                unknownFields(r, at, RESOURCE, "a resource");
                String id = id(r, at);
                double available = Double.NaN;
                if (r.has("available") && !r.get("available").isNull()) {
                    available = number(r.get("available"), at + "/available", "available amount");
                    if (available < 0) {
                        error(at + "/available", "available amount " + available + " is negative; give an amount"
                                + " >= 0, or leave \"available\" out for unlimited");
                    }
                }
                int region = parts.region(r, at, "resource '" + id + "'");
                int year = parts.year(r, at, "resource '" + id + "'");
                if (id != null && region != PartsRows.BAD && year >= 0) {
                    PartsRows.resource(b, defined, id, optionalText(r, at, "unit"), available, region, year,
                            m -> error(at + "/id", m));
                }
            }
            JsonNode techniques = array(root, "", "techniques", true);
            for (int i = 0; techniques != null && i < techniques.size() && !problems.full(); i++) {
                String at = "/techniques/" + i;
                JsonNode t = object(techniques.get(i), at, "a technique");
                if (t == null) {
                    continue;
                }
                unknownFields(t, at, TECHNIQUE, "a technique");
                String id = id(t, at);
                double capacity = Double.POSITIVE_INFINITY;
                if (t.has("capacity") && !t.get("capacity").isNull()) {
                    capacity = number(t.get("capacity"), at + "/capacity", "capacity");
                    if (capacity < 0) {
                        error(at + "/capacity", "capacity " + capacity + " is negative; give a bound >= 0, or leave"
                                + " \"capacity\" out for none");
                    }
                }
                int region = parts.region(t, at, "technique '" + id + "'");
                if (id == null) {
                    continue;
                }
                int ti = b.addTechnique(id, capacity);
                if (ti < 0) {
                    error(at + "/id", "technique '" + id + "' is listed twice; ids must be unique");
                    continue;
                }
                if (region >= 0) {
                    b.parts().techniqueRegion(ti, region);
                }
                parts.capitalNeeds(t, at, ti);
                JsonNode outputs = t.get("outputs");
                if (outputs == null || !outputs.isObject() || outputs.isEmpty()) {
                    error(at + "/outputs", "technique '" + id + "' needs \"outputs\": an object of products it makes,"
                            + " such as {\"grain\": 1.0}");
                } else {
                    flows(b, ti, outputs, at + "/outputs", true);
                }
                JsonNode inputs = t.get("inputs");
                if (inputs != null && !inputs.isNull()) {
                    if (!inputs.isObject()) {
                        error(at + "/inputs", "\"inputs\" must be an object of products and resources with quantities");
                    } else {
                        flows(b, ti, inputs, at + "/inputs", false);
                    }
                }
            }
            parts.transport(root);
            JsonNode targets = array(root, "", "targets", false);
            for (int i = 0; targets != null && i < targets.size(); i++) {
                String at = "/targets/" + i;
                JsonNode t = object(targets.get(i), at, "a target");
                if (t == null) {
                    continue;
                }
                unknownFields(t, at, TARGET, "a target");
                JsonNode pn = t.get("product");
                if (pn == null || !pn.isTextual()) {
                    error(at + "/product", "a target needs \"product\": the id of a product");
                    continue;
                }
                int p = b.productIndex(pn.asText());
                if (p < 0) {
                    error(at + "/product", Ids.unknown("product", pn.asText(), "targets name products listed"
                            + " in \"products\"", b.productIds()));
                    continue;
                }
                JsonNode qn = t.get("quantity");
                if (qn == null) {
                    error(at + "/quantity", "a target needs \"quantity\" (> 0)");
                    continue;
                }
                double q = number(qn, at + "/quantity", "quantity");
                if (Double.isNaN(q)) {
                    continue; // reported by number(): not a number
                }
                if (!(q > 0)) {
                    error(at + "/quantity", "target quantity " + qn + " must be > 0");
                    continue;
                }
                double w = 1.0;
                if (t.has("weight") && !t.get("weight").isNull()) {
                    w = number(t.get("weight"), at + "/weight", "weight");
                    if (Double.isNaN(w)) {
                        continue;
                    }
                    if (!(w > 0)) {
                        error(at + "/weight", "weight " + t.get("weight") + " must be > 0 (leave it out for 1)");
                        continue;
                    }
                }
                int region = parts.region(t, at, "the target for '" + pn.asText() + "'");
                int year = parts.year(t, at, "the target for '" + pn.asText() + "'");
                if (region != PartsRows.BAD && year >= 0) {
                    b.target(p, q, w, region, year);
                }
            }
            parts.trade(root);
            parts.stocks(root);
            if (problems.hasErrors()) {
                return null;
            }
            return b.build(problems, null, i -> file + ":/targets/" + i);
        }

        private void flows(EconomyBuilder b, int t, JsonNode map, String at, boolean outputs) {
            Iterator<Map.Entry<String, JsonNode>> it = map.fields();
            boolean any = false;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String item = e.getKey();
                String here = at + "/" + escape(item);
                double q = number(e.getValue(), here, "quantity");
                if (Double.isNaN(q)) {
                    continue;
                }
                if (q < 0) {
                    error(here, "quantity " + e.getValue() + " is negative; all quantities are >= 0 (an input is"
                            + " listed under \"inputs\", an output under \"outputs\")");
                    continue;
                }
                int p = b.productIndex(item);
                if (outputs) {
                    if (p < 0) {
                        error(here, b.resourceIndex(item) >= 0
                                ? "'" + item + "' is a resource, which no technique can make; outputs are products"
                                : Ids.unknown("product", item, "add it to \"products\"", b.productIds()));
                    } else if (q > 0) {
                        b.output(t, p, q);
                        any = true;
                    }
                } else if (p >= 0) {
                    if (q > 0) {
                        b.productInput(t, p, q);
                    }
                } else {
                    int r = b.resourceIndex(item);
                    if (r < 0) {
                        error(here, Ids.unknown("item", item, "inputs name products or resources listed in"
                                + " \"products\" or \"resources\"", b.productIds(), b.resourceIds()));
                    } else if (q > 0) {
                        b.resourceInput(t, r, q);
                    }
                }
            }
            if (outputs && !any && !problems.hasErrors()) {
                error(at, "every output quantity is 0; a technique must make something (a quantity > 0)");
            }
        }

        JsonNode array(JsonNode parent, String at, String field, boolean required) {
            JsonNode a = parent.get(field);
            if (a == null || a.isNull()) {
                if (required) {
                    error(at + "/" + field, "missing \"" + field + "\": a JSON array");
                }
                return null;
            }
            if (!a.isArray()) {
                error(at + "/" + field, "\"" + field + "\" must be a JSON array");
                return null;
            }
            return a;
        }

        JsonNode object(JsonNode n, String at, String what) {
            if (!n.isObject()) {
                error(at, what + " must be a JSON object, not " + n.getNodeType().toString().toLowerCase());
                return null;
            }
            return n;
        }

        void unknownFields(JsonNode n, String at, Set<String> known, String what) {
            n.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) {
                    error(at + "/" + escape(f), "unknown field '" + f + "' in " + what + "; its fields are "
                            + String.join(", ", new java.util.TreeSet<>(known)));
                }
            });
        }

        String id(JsonNode n, String at) {
            JsonNode id = n.get("id");
            if (id == null || !id.isTextual()) {
                error(at + "/id", "missing \"id\": a non-empty string");
                return null;
            }
            String p = Ids.problem(id.asText());
            if (p != null) {
                error(at + "/id", p);
                return null;
            }
            return id.asText();
        }

        String optionalText(JsonNode n, String at, String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                error(at + "/" + field, "\"" + field + "\" must be a string");
                return null;
            }
            return v.asText().isEmpty() ? null : v.asText();
        }

        double number(JsonNode v, String at, String what) {
            if (!v.isNumber()) {
                error(at, what + " must be a number, not " + v + (v.isTextual() ? " (remove the quotes)" : ""));
                return Double.NaN;
            }
            double d = v.asDouble();
            if (Double.isInfinite(d)) {
                error(at, what + " " + v + " is too large for a double");
                return Double.NaN;
            }
            return d;
        }
    }

    /** RFC 6901 escaping of one pointer token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    // ---- writing

    static void write(Economy e, Path file) {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("format", Economy.FORMAT);
            g.writeStringField("name", e.name());
            Parts parts = e.parts();
            PartsJson.head(g, parts);
            g.writeArrayFieldStart("products");
            for (int p = 0; p < e.products(); p++) {
                g.writeStartObject();
                g.writeStringField("id", e.productId(p));
                if (e.productUnit(p) != null) {
                    g.writeStringField("unit", e.productUnit(p));
                }
                if (e.productName(p) != null) {
                    g.writeStringField("name", e.productName(p));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("resources");
            for (int r = 0; r < e.resources(); r++) {
                g.writeStartObject();
                g.writeStringField("id", e.resourceId(r));
                if (e.resourceUnit(r) != null) {
                    g.writeStringField("unit", e.resourceUnit(r));
                }
                if (e.isLimited(r)) {
                    g.writeFieldName("available");
                    g.writeNumber(Numbers.format(e.available(r)));
                }
                PartsJson.region(g, parts, parts.resourceRegion(r));
                g.writeEndObject();
                PartsJson.availability(g, e, r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("techniques");
            SparseMatrix out2 = e.outputs(), pin = e.productInputs(), rin = e.resourceInputs();
            for (int t = 0; t < e.techniques(); t++) {
                g.writeStartObject();
                g.writeStringField("id", e.techniqueId(t));
                g.writeObjectFieldStart("outputs");
                entries(g, out2, t, e, false);
                g.writeEndObject();
                g.writeObjectFieldStart("inputs");
                entries(g, pin, t, e, false);
                entries(g, rin, t, e, true);
                g.writeEndObject();
                if (e.hasCapacity(t)) {
                    g.writeFieldName("capacity");
                    g.writeNumber(Numbers.format(e.capacity(t)));
                }
                PartsJson.region(g, parts, parts.techniqueRegion(t));
                PartsJson.capitalNeeds(g, e, t);
                g.writeEndObject();
            }
            g.writeEndArray();
            PartsJson.transport(g, e);
            g.writeArrayFieldStart("targets");
            for (int i = 0; i < e.targets(); i++) {
                g.writeStartObject();
                g.writeStringField("product", e.productId(e.targetProduct(i)));
                g.writeFieldName("quantity");
                g.writeNumber(Numbers.format(e.targetQuantity(i)));
                if (e.targetWeight(i) != 1.0) {
                    g.writeFieldName("weight");
                    g.writeNumber(Numbers.format(e.targetWeight(i)));
                }
                PartsJson.region(g, parts, parts.targetRegion(i));
                if (parts.targetYear(i) > 0) {
                    g.writeNumberField("year", parts.targetYear(i));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            PartsJson.tail(g, e);
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException x) {
            throw new EconomyException(file.toString(), "cannot write: " + x.getMessage());
        }
    }

    private static void entries(JsonGenerator g, SparseMatrix m, int t, Economy e, boolean resources)
            throws IOException {
        int[] start = m.columnStarts();
        int[] rows = m.rowIndexes();
        double[] v = m.values();
        for (int k = start[t]; k < start[t + 1]; k++) {
            g.writeFieldName(resources ? e.resourceId(rows[k]) : e.productId(rows[k]));
            g.writeNumber(Numbers.format(v[k]));
        }
    }
}
