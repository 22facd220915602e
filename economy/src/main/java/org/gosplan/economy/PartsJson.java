package org.gosplan.economy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** The optional parts (formats.md section 5) in the one-file form: read beside {@link EconomyJson}, and written. */
final class PartsJson {
    private static final Set<String> REGION = Set.of("id", "name");
    private static final Set<String> CAPITAL = Set.of("product", "depreciation", "lag");
    private static final Set<String> TRANSPORT = Set.of("id", "product", "from", "to", "loss", "capacity", "inputs");
    private static final Set<String> TRADE = Set.of("product", "region", "importPrice", "exportPrice", "importLimit",
            "exportLimit");
    private static final Set<String> STOCK = Set.of("product", "region", "quantity");

    private final EconomyJson.Reading in;
    private final EconomyBuilder b;

    PartsJson(EconomyJson.Reading in, EconomyBuilder b) {
        this.in = in;
        this.b = b;
    }

    /** {@code years}, {@code currency}, {@code tradeBalance} and {@code regions}: before the items naming them. */
    void head(JsonNode root) {
        JsonNode years = root.get("years");
        if (years != null && !years.isNull()) {
            double t = in.number(years, "/years", "\"years\"");
            int y = PartsRows.years(t, m -> in.error("/years", m));
            b.parts().years(Math.max(0, y));
        }
        b.parts().currency(in.optionalText(root, "", "currency"));
        JsonNode balance = root.get("tradeBalance");
        if (balance != null && !balance.isNull()) {
            double v = in.number(balance, "/tradeBalance", "\"tradeBalance\"");
            if (!Double.isNaN(v)) {
                b.parts().tradeBalance(v);
            }
        }
        JsonNode regions = in.array(root, "", "regions", false);
        for (int i = 0; regions != null && i < regions.size(); i++) {
            String at = "/regions/" + i;
            JsonNode r = in.object(regions.get(i), at, "a region");
            if (r == null) {
                continue;
            }
            in.unknownFields(r, at, REGION, "a region");
            String id = in.id(r, at);
            if (id != null && b.parts().addRegion(id, in.optionalText(r, at, "name")) < 0) {
                in.error(at + "/id", "region '" + id + "' is listed twice; ids must be unique");
            }
        }
    }

    private String text(JsonNode n, String at, String field) {
        return in.optionalText(n, at, field);
    }

    /** A number field, NaN when left out (or null, or in error: reported). */
    private double number(JsonNode n, String at, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Double.NaN : in.number(v, at + "/" + field, field);
    }

    /** The item's region: -1 for none, {@link PartsRows#BAD} when in error. */
    int region(JsonNode n, String at, String what) {
        return PartsRows.region(b.parts(), text(n, at, "region"), what, m -> in.error(at + "/region", m));
    }

    /** The item's year: 0 for none, -1 when in error. */
    int year(JsonNode n, String at, String what) {
        return PartsRows.year(b.parts(), number(n, at, "year"), what, m -> in.error(at + "/year", m));
    }

    void capital(JsonNode root) {
        JsonNode capital = in.array(root, "", "capital", false);
        for (int i = 0; capital != null && i < capital.size(); i++) {
            String at = "/capital/" + i;
            JsonNode c = in.object(capital.get(i), at, "a capital product");
            if (c == null) {
                continue;
            }
            in.unknownFields(c, at, CAPITAL, "a capital product");
            PartsRows.capital(b, text(c, at, "product"), number(c, at, "depreciation"), number(c, at, "lag"),
                    m -> in.error(at, m));
        }
    }

    /** A technique's {@code capital}: the stocks it needs per unit of level. */
    void capitalNeeds(JsonNode technique, String at, int t) {
        JsonNode needs = technique.get("capital");
        if (needs == null || needs.isNull()) {
            return;
        }
        if (!needs.isObject()) {
            in.error(at + "/capital", "\"capital\" must be an object of capital products with the stock needed per"
                    + " unit of level, such as {\"machine\": 2.0}");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = needs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String here = at + "/capital/" + EconomyJson.escape(e.getKey());
            double q = in.number(e.getValue(), here, "quantity");
            int p = b.productIndex(e.getKey());
            if (Double.isNaN(q)) {
                continue;
            }
            if (p < 0) {
                in.error(here, Ids.unknown("product", e.getKey(), "capital needs name capital products",
                        b.productIds()));
            } else if (q < 0) {
                in.error(here, "quantity " + e.getValue() + " is negative; a stock needed is >= 0");
            } else if (q > 0) {
                PartsRows.capitalNeed(b, t, p, q, m -> in.error(here, m));
            }
        }
    }

    void transport(JsonNode root) {
        JsonNode links = in.array(root, "", "transport", false);
        for (int i = 0; links != null && i < links.size(); i++) {
            String at = "/transport/" + i;
            JsonNode l = in.object(links.get(i), at, "a transport link");
            if (l == null) {
                continue;
            }
            in.unknownFields(l, at, TRANSPORT, "a transport link");
            String id = text(l, at, "id");
            int before = b.parts().transportIds().size();
            PartsRows.transport(b, id, text(l, at, "product"), text(l, at, "from"), text(l, at, "to"),
                    number(l, at, "loss"), number(l, at, "capacity"), m -> in.error(at, m));
            JsonNode inputs = l.get("inputs");
            if (b.parts().transportIds().size() == before || inputs == null || inputs.isNull()) {
                continue;
            }
            if (!inputs.isObject()) {
                in.error(at + "/inputs", "\"inputs\" must be an object of products and resources with quantities");
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> it = inputs.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String here = at + "/inputs/" + EconomyJson.escape(e.getKey());
                double q = in.number(e.getValue(), here, "quantity");
                if (!Double.isNaN(q) && q != 0) {
                    PartsRows.transportInput(b, before, e.getKey(), q, m -> in.error(here, m));
                }
            }
        }
    }

    void trade(JsonNode root) {
        JsonNode terms = in.array(root, "", "trade", false);
        for (int i = 0; terms != null && i < terms.size(); i++) {
            String at = "/trade/" + i;
            JsonNode t = in.object(terms.get(i), at, "trade terms");
            if (t == null) {
                continue;
            }
            in.unknownFields(t, at, TRADE, "trade terms");
            PartsRows.trade(b, text(t, at, "product"), text(t, at, "region"), number(t, at, "importPrice"),
                    number(t, at, "exportPrice"), number(t, at, "importLimit"), number(t, at, "exportLimit"),
                    m -> in.error(at, m));
        }
    }

    void stocks(JsonNode root) {
        JsonNode stocks = in.array(root, "", "stocks", false);
        for (int i = 0; stocks != null && i < stocks.size(); i++) {
            String at = "/stocks/" + i;
            JsonNode s = in.object(stocks.get(i), at, "a stock");
            if (s == null) {
                continue;
            }
            in.unknownFields(s, at, STOCK, "a stock");
            double q = number(s, at, "quantity");
            if (Double.isNaN(q) && !s.has("quantity")) {
                in.error(at + "/quantity", "a stock needs \"quantity\" (>= 0)");
                continue;
            }
            PartsRows.stock(b, text(s, at, "product"), text(s, at, "region"), q, m -> in.error(at, m));
        }
    }

    // ---- writing: each member only where the economy has it, so that an economy without parts writes as before

    static void head(JsonGenerator g, Parts parts) throws IOException {
        if (parts.currency() != null) {
            g.writeStringField("currency", parts.currency());
        }
        if (parts.tradeBalance() != 0) {
            g.writeFieldName("tradeBalance");
            g.writeNumber(Numbers.format(parts.tradeBalance()));
        }
        if (parts.years() > 0) {
            g.writeNumberField("years", parts.years());
        }
        if (parts.isRegional()) {
            g.writeArrayFieldStart("regions");
            for (Parts.Region r : parts.regions()) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                if (r.name() != null) {
                    g.writeStringField("name", r.name());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    static void region(JsonGenerator g, Parts parts, int region) throws IOException {
        if (region >= 0) {
            g.writeStringField("region", parts.regionId(region));
        }
    }

    /** The rows of a resource for particular years, after its own row. */
    static void availability(JsonGenerator g, Economy e, int r) throws IOException {
        for (Parts.Availability a : e.parts().availability()) {
            if (a.resource() != r) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("id", e.resourceId(r));
            if (!Double.isNaN(a.available())) {
                g.writeFieldName("available");
                g.writeNumber(Numbers.format(a.available()));
            }
            region(g, e.parts(), e.parts().resourceRegion(r));
            g.writeNumberField("year", a.year());
            g.writeEndObject();
        }
    }

    static void capitalNeeds(JsonGenerator g, Economy e, int t) throws IOException {
        SparseMatrix m = e.parts().capitalInputs();
        if (m == null || m.columnStarts()[t] == m.columnStarts()[t + 1]) {
            return;
        }
        g.writeObjectFieldStart("capital");
        for (int k = m.columnStarts()[t]; k < m.columnStarts()[t + 1]; k++) {
            g.writeFieldName(e.productId(m.rowIndexes()[k]));
            g.writeNumber(Numbers.format(m.values()[k]));
        }
        g.writeEndObject();
    }

    static void transport(JsonGenerator g, Economy e) throws IOException {
        Parts parts = e.parts();
        if (parts.transport().isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("transport");
        for (Parts.Transport l : parts.transport()) {
            g.writeStartObject();
            g.writeStringField("id", l.id());
            g.writeStringField("product", e.productId(l.product()));
            g.writeStringField("from", parts.regionId(l.from()));
            g.writeStringField("to", parts.regionId(l.to()));
            number(g, "loss", l.loss());
            if (l.capacity() != Double.POSITIVE_INFINITY) {
                number(g, "capacity", l.capacity());
            }
            g.writeObjectFieldStart("inputs");
            for (Parts.Input i : l.inputs()) {
                g.writeFieldName(i.resource() ? e.resourceId(i.item()) : e.productId(i.item()));
                g.writeNumber(Numbers.format(i.quantity()));
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code trade}, {@code capital} and {@code stocks}, after the targets. */
    static void tail(JsonGenerator g, Economy e) throws IOException {
        Parts parts = e.parts();
        if (!parts.trade().isEmpty()) {
            g.writeArrayFieldStart("trade");
            for (Parts.Trade t : parts.trade()) {
                g.writeStartObject();
                g.writeStringField("product", e.productId(t.product()));
                region(g, parts, t.region());
                optional(g, "importPrice", t.importPrice());
                optional(g, "exportPrice", t.exportPrice());
                optional(g, "importLimit", t.importLimit());
                optional(g, "exportLimit", t.exportLimit());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!parts.capital().isEmpty()) {
            g.writeArrayFieldStart("capital");
            for (Parts.Capital c : parts.capital()) {
                g.writeStartObject();
                g.writeStringField("product", e.productId(c.product()));
                number(g, "depreciation", c.depreciation());
                g.writeNumberField("lag", c.lag());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!parts.stocks().isEmpty()) {
            g.writeArrayFieldStart("stocks");
            for (Parts.Stock s : parts.stocks()) {
                g.writeStartObject();
                g.writeStringField("product", e.productId(s.product()));
                region(g, parts, s.region());
                number(g, "quantity", s.quantity());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static void number(JsonGenerator g, String field, double v) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(Numbers.format(v));
    }

    /** Writes a number unless it is NaN or infinite (left out: forbidden or unbounded). */
    private static void optional(JsonGenerator g, String field, double v) throws IOException {
        if (Double.isFinite(v)) {
            number(g, field, v);
        }
    }
}
