package org.gosplan.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.InputStream;
import org.gosplan.record.Record;
import org.gosplan.record.Snapshot;
import org.gosplan.server.HttpError;
import org.gosplan.server.Routes;
import org.gosplan.server.Served;

/** The latest recorded plan: its {@code plan.computed} event and the plan document it names. */
public final class PlanRoutes implements Routes {
    @Override
    public void addTo(Javalin app, Served served) {
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
}
