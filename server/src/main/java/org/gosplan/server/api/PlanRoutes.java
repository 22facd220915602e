package org.gosplan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gosplan.record.Event;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Record;
import org.gosplan.record.Snapshot;
import org.gosplan.server.HttpError;
import org.gosplan.server.Routes;
import org.gosplan.server.Served;

/**
 * The recorded plans: {@code GET /api/plans/latest} (the latest {@code plan.computed} event and the
 * plan document it names) and {@code GET /api/plans} (every plan, with the periods units reported on
 * against it: what the fulfilment page offers to choose from).
 */
public final class PlanRoutes implements Routes {
    // Every accepted plan.computed read so far, oldest first, and for each plan hash the units that
    // reported on it, by period; the log is read once, each request reading only what is new.
    private final List<ObjectNode> plans = new ArrayList<>();
    private final Map<String, Map<String, Set<String>>> reports = new HashMap<>();
    private long read;

    @Override
    public void addTo(Javalin app, Served served) {
        app.get("/api/plans", ctx -> Served.json(ctx, 200, plans(served)));
        app.get("/api/plans/latest", ctx -> {
            Record r = served.record();
            Snapshot.Published p = served.current().plan();
            if (p == null) {
                throw new HttpError(404, "no plan is recorded yet; an operator records one with"
                        + " 'gosplan plan --record DIR'");
            }
            ObjectNode o = Served.object();
            o.set("event", r.shown(p.index()));
            try (InputStream in = r.content().open(p.hash())) {
                o.set("plan", Served.mapper().readTree(in));
            }
            Served.json(ctx, 200, o);
        });
    }

    /**
     * Every accepted plan, newest first: {@code [{"index", "time", "plan", "status", "value",
     * "reports": {"<period>": units reporting}}]}.
     */
    private synchronized ArrayNode plans(Served served) throws IOException {
        served.current();
        Record r = served.record();
        long size = r.foldedSize();
        for (; read < size; read++) {
            if (!r.accepted(read)) {
                continue;
            }
            Event e = r.event(read);
            JsonNode b = e.body();
            if (e.type().equals(EventTypes.PLAN_COMPUTED)) {
                ObjectNode o = Served.object();
                o.put("index", read);
                o.put("time", e.time());
                o.set("plan", b.get("plan"));
                o.set("status", b.get("status"));
                o.set("value", b.get("value"));
                plans.add(o);
                reports.putIfAbsent(b.get("plan").asText(), new TreeMap<>());
            } else if (e.type().equals(EventTypes.FULFILMENT_REPORTED)) {
                Map<String, Set<String>> byPeriod = reports.get(b.path("plan").asText());
                if (byPeriod != null) {
                    byPeriod.computeIfAbsent(b.get("period").asText(), k -> new TreeSet<>()).add(b.get("unit").asText());
                }
            }
        }
        ArrayNode out = Served.mapper().createArrayNode();
        for (int i = plans.size() - 1; i >= 0; i--) {
            ObjectNode o = plans.get(i).deepCopy();
            ObjectNode periods = o.putObject("reports");
            reports.get(o.get("plan").asText()).forEach((period, units) -> periods.put(period, units.size()));
            out.add(o);
        }
        return out;
    }
}
