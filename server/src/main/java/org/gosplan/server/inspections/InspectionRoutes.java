package org.gosplan.server.inspections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gosplan.inspection.Draws;
import org.gosplan.inspection.InspectionException;
import org.gosplan.inspection.Reports;
import org.gosplan.record.Event;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Inspection;
import org.gosplan.record.Record;
import org.gosplan.record.Snapshot;
import org.gosplan.server.HttpError;
import org.gosplan.server.Routes;
import org.gosplan.server.Served;
import org.gosplan.server.pages.PageRoutes;

/**
 * Inspections and fulfilment: {@code GET /api/inspections/I} (the inspection, its draw with
 * everyone's probability and the seed's inputs, findings and answers), {@code GET /api/reconcile}
 * (as {@code gosplan reconcile --json}), the inspection page and the fulfilment page.
 */
public final class InspectionRoutes implements Routes {
    // A draw once made never changes; recomputing it runs the lottery, so each is computed once.
    private final Map<Long, Draws.Draw> draws = new ConcurrentHashMap<>();
    private final Map<Long, Findings> findings = new ConcurrentHashMap<>();

    @Override
    public void addTo(Javalin app, Served served) {
        app.get("/api/inspections", ctx -> {
            ArrayNode out = Served.mapper().createArrayNode();
            List<Inspection> all = new java.util.ArrayList<>(served.current().inspections().values());
            all.sort(java.util.Comparator.comparingLong(Inspection::index).reversed());
            for (Inspection i : all) {
                ObjectNode o = out.addObject().put("index", i.index()).put("unit", i.unit()).put("panel", i.panel());
                if (i.isDrawn()) {
                    o.put("drawn", i.drawn());
                } else {
                    o.putNull("drawn");
                }
            }
            Served.json(ctx, 200, out);
        });
        app.get("/inspections", ctx -> PageRoutes.page(ctx, InspectionRoutes.class, "inspections.html",
                "Inspections", "/assets/inspections/inspections.js"));
        app.get("/api/inspections/{index}", ctx -> {
            long index = Served.logIndex(ctx.pathParam("index"), "an inspection", "inspection.ordered");
            served.current();
            Served.json(ctx, 200, inspection(served.record(), index));
        });
        app.get("/api/reconcile", ctx -> {
            String tolerance = ctx.queryParam("tolerance");
            served.current(); // what other writers appended counts too
            try {
                Served.json(ctx, 200, Reports.reconcile(served.record(), blank(ctx.queryParam("plan")),
                        blank(ctx.queryParam("period")), tolerance == null ? 1e-6 : number(tolerance)).toJson());
            } catch (InspectionException e) {
                throw new HttpError(400, queryWords(e));
            }
        });
        app.get("/inspections/{index}", ctx -> PageRoutes.page(ctx, InspectionRoutes.class, "inspection.html",
                "Inspection", "/assets/inspections/inspection.js"));
        app.get("/fulfilment", ctx -> PageRoutes.page(ctx, InspectionRoutes.class, "fulfilment.html", "Fulfilment",
                "/assets/chart.umd.min.js", "/assets/inspections/fulfilment.js"));
        app.get("/assets/inspections/{name}", ctx -> {
            String name = ctx.pathParam("name");
            if (!List.of("inspection.js", "inspections.js", "fulfilment.js").contains(name)) {
                throw new HttpError(404, "no script " + name);
            }
            PageRoutes.script(ctx, InspectionRoutes.class, name);
        });
    }

    @Override
    public List<Page> pages() {
        return List.of(new Page("/inspections", "Inspections"), new Page("/fulfilment", "Fulfilment"));
    }

    /**
     * An error of {@code gosplan reconcile}'s options (where "--plan") in the words of this API: the
     * query parameter ("query parameter plan"), since no one here gives a command-line option.
     */
    static String queryWords(InspectionException e) {
        String where = e.where();
        if (!where.startsWith("--")) {
            return e.getMessage();
        }
        return "query parameter " + where.substring(2) + ": " + e.getMessage().substring(where.length() + 2);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new HttpError(400, "tolerance '" + s + "' is not a number; give one such as 1e-6");
        }
    }

    private ObjectNode inspection(Record record, long index) throws IOException {
        Snapshot at = record.refresh();
        Inspection i = at.inspection(index);
        if (i == null) {
            throw new HttpError(404, "entry " + index + " orders no inspection; GET /api/inspections lists"
                    + " the " + at.inspections().size() + " inspections on the record");
        }
        ObjectNode o = Served.object();
        o.put("index", index);
        o.set("ordered", record.shown(index));
        o.put("unit", i.unit());
        o.put("panel", i.panel());
        o.put("drawAt", i.drawAt());
        i.exclude().forEach(o.putArray("exclude")::add);
        o.put("quotas", i.quotas());
        if (i.isDrawn()) {
            o.put("drawn", i.drawn());
            o.set("draw", draw(record, i));
        } else {
            o.putNull("drawn");
            o.putNull("draw");
        }
        o.set("findings", findings.computeIfAbsent(index, Findings::new).upTo(record, at.size()));
        return o;
    }

    /** The recorded draw, with each candidate's probability and what went into the seed. */
    private JsonNode draw(Record record, Inspection i) throws IOException {
        JsonNode made = record.event(i.drawn()).body();
        ObjectNode d = Served.object();
        d.set("seed", made.get("seed"));
        d.set("panel", made.get("panel"));
        try (InputStream in = record.content().open(made.get("probabilities").asText())) {
            d.set("probabilities", Served.mapper().readTree(in));
        }
        ObjectNode seed = d.putObject("seedInputs");
        seed.put("root", record.log().root(i.drawAt()));
        seed.put("rootSize", i.drawAt());
        seed.put("inspection", i.index());
        try {
            Draws.Draw recomputed = draws.computeIfAbsent(i.index(), k -> {
                try {
                    return Draws.compute(record, k, i.drawn());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            seed.put("secrets", recomputed.secrets());
            recomputed.ignored().forEach(seed.putArray("ignored")::add);
            d.put("recomputed", recomputed.seedHex().equals(made.get("seed").asText())
                    && recomputed.panel().equals(Served.mapper().convertValue(made.get("panel"), List.class)));
        } catch (InspectionException e) {
            d.put("recomputed", false);
            d.put("why", e.getMessage());
        }
        return d;
    }

    /**
     * The findings filed on an inspection, each with its document and the unit's answers, found by
     * reading the entries after the order (the record keeps no index of them). Each request reads
     * only the entries added since the last one, so a long log is read once, not once a request.
     */
    private static final class Findings {
        private final long inspection;
        private long read;
        private final ArrayNode found = Served.mapper().createArrayNode();
        private final Map<Long, ObjectNode> byIndex = new java.util.HashMap<>();

        Findings(long inspection) {
            this.inspection = inspection;
            this.read = inspection + 1;
        }

        synchronized ArrayNode upTo(Record record, long size) throws IOException {
            for (; read < size; read++) {
                Event ev = record.event(read);
                if (ev.type().equals(EventTypes.FINDING_FILED)
                        && ev.body().path("inspection").asLong(-1) == inspection) {
                    ObjectNode f = found.addObject();
                    f.put("index", read);
                    f.put("signer", ev.signer());
                    f.set("finding", content(record, ev.body().get("finding").asText()));
                    f.putArray("answers");
                    byIndex.put(read, f);
                } else if (ev.type().equals(EventTypes.FINDING_ANSWERED)
                        && byIndex.containsKey(ev.body().path("finding").asLong(-1))) {
                    ObjectNode a = ((ArrayNode) byIndex.get(ev.body().get("finding").asLong()).get("answers"))
                            .addObject();
                    a.put("index", read);
                    a.put("signer", ev.signer());
                    a.set("answer", content(record, ev.body().get("answer").asText()));
                }
            }
            return found.deepCopy();
        }
    }

    private static JsonNode content(Record record, String hash) throws IOException {
        try (InputStream in = record.content().open(hash)) {
            return Served.mapper().readTree(in);
        }
    }
}
