package org.gosplan.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.Parts;

/**
 * Trade licences on the record ({@code trade.licensed}, by operators or a council): the monopoly
 * of foreign trade. A plan on the record imports or exports a product only where a licence allows
 * it, and at most its {@code limit} a year; the latest licence for a product, region and direction
 * replaces the earlier ones (limit 0 withdraws it). Body: {@code {"product", "region"?,
 * "direction": "import"|"export", "limit"?}}.
 */
public final class TradeLicences {
    private TradeLicences() {}

    /** One licence: {@code region} null for a product traded by the whole economy. */
    public record Licence(String product, String region, boolean imports, double limit) {
        /** The key the plan's JSON uses for the product: {@code product@region} or {@code product}. */
        public String place() {
            return region == null ? product : product + "@" + region;
        }

        String direction() {
            return imports ? "import" : "export";
        }
    }

    /** The body of a {@code trade.licensed} event. */
    public static ObjectNode body(Licence l) {
        ObjectNode b = Canonical.MAPPER.createObjectNode();
        b.put("product", l.product());
        if (l.region() != null) {
            b.put("region", l.region());
        }
        b.put("direction", l.direction());
        if (Double.isFinite(l.limit())) {
            b.put("limit", l.limit());
        }
        return b;
    }

    /** What is wrong with the body of a {@code trade.licensed} event, or null. */
    static String problem(JsonNode b) {
        if (!b.path("product").isTextual() || b.get("product").asText().isEmpty()) {
            return "trade.licensed needs \"product\", the id of the product traded";
        }
        if (b.has("region") && (!b.get("region").isTextual() || b.get("region").asText().isEmpty())) {
            return "trade.licensed: \"region\" must be the id of a republic";
        }
        String d = b.path("direction").asText("");
        if (!d.equals("import") && !d.equals("export")) {
            return "trade.licensed needs \"direction\": \"import\" or \"export\"";
        }
        if (b.has("limit") && (!b.get("limit").isNumber() || !(b.get("limit").asDouble() >= 0))) {
            return "trade.licensed: \"limit\" must be a number at least 0 (the most a year)";
        }
        return null;
    }

    /** The licences in force at tree size {@code size}: the latest accepted one for each product, region, direction. */
    public static List<Licence> at(Record record, long size) throws IOException {
        record.snapshot(); // folds the log, so that accepted() answers for every entry below size
        Map<String, Licence> latest = new LinkedHashMap<>();
        for (long i = 0; i < size; i++) {
            if (!record.accepted(i)) {
                continue;
            }
            Event e = record.event(i);
            if (!e.type().equals(EventTypes.TRADE_LICENSED)) {
                continue;
            }
            JsonNode b = e.body();
            Licence l = new Licence(b.get("product").asText(), b.has("region") ? b.get("region").asText() : null,
                    b.get("direction").asText().equals("import"),
                    b.has("limit") ? b.get("limit").asDouble() : Double.POSITIVE_INFINITY);
            latest.remove(l.place() + " " + l.direction());
            latest.put(l.place() + " " + l.direction(), l);
        }
        return List.copyOf(latest.values());
    }

    /**
     * {@code e} with its trade limits narrowed to the licences: an import or export without one
     * is held at 0, one with a limit at the smaller of that and the economy's own.
     */
    public static Economy apply(Economy e, List<Licence> licences) {
        Parts parts = e.parts();
        if (parts.trade().isEmpty()) {
            return e;
        }
        List<Parts.Trade> narrowed = new ArrayList<>();
        for (Parts.Trade t : parts.trade()) {
            String place = e.productId(t.product()) + (t.region() < 0 ? "" : "@" + parts.regionId(t.region()));
            narrowed.add(new Parts.Trade(t.product(), t.region(), t.importPrice(), t.exportPrice(),
                    Math.min(t.importLimit(), licensed(licences, place, true)),
                    Math.min(t.exportLimit(), licensed(licences, place, false))));
        }
        return e.withParts(parts.withTrade(narrowed));
    }

    private static double licensed(List<Licence> licences, String place, boolean imports) {
        for (Licence l : licences) {
            if (l.imports() == imports && l.place().equals(place)) {
                return l.limit();
            }
        }
        return 0;
    }

    /**
     * The imports and exports of a plan document (the plan's JSON of formats.md section 5) that no
     * licence allows, or that exceed a licence's limit in a year; null when it trades within them.
     */
    static String unlicensed(JsonNode plan, List<Licence> licences) {
        StringBuilder b = new StringBuilder();
        if (plan.path("years").isObject()) {
            Iterator<Map.Entry<String, JsonNode>> years = plan.get("years").fields();
            while (years.hasNext()) {
                Map.Entry<String, JsonNode> y = years.next();
                check(y.getValue(), licences, " in year " + y.getKey(), b);
            }
        } else {
            check(plan.path("trade"), licences, "", b);
        }
        return b.length() == 0 ? null : b.toString().replaceAll("; $", "");
    }

    private static void check(JsonNode flows, List<Licence> licences, String when, StringBuilder b) {
        for (boolean imports : new boolean[] {true, false}) {
            Iterator<Map.Entry<String, JsonNode>> it = flows.path(imports ? "imports" : "exports").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                double q = f.getValue().asDouble(0);
                double limit = licensed(licences, f.getKey(), imports);
                // the solver's own tolerance: a limit met to 1e-6 relative is met
                if (q > limit + 1e-6 * Math.max(1, Math.abs(limit))) {
                    b.append(imports ? "imports " : "exports ").append(q).append(" of '").append(f.getKey())
                            .append("'").append(when).append(limit == 0 ? " without a licence"
                                    : " beyond its licence's limit " + limit).append("; ");
                }
            }
        }
    }
}
