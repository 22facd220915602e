package org.gosplan.server;

import java.util.List;
import org.gosplan.server.ballots.BallotRoutes;
import org.gosplan.server.inspections.InspectionRoutes;
import org.gosplan.server.api.ContentRoutes;
import org.gosplan.server.api.EventRoutes;
import org.gosplan.server.api.PlanRoutes;
import org.gosplan.server.pages.PageRoutes;
import org.gosplan.server.tlog.TileRoutes;

/**
 * The one list of what the server serves. A new capability (ballots, inspections, the witness
 * endpoint) adds its {@link Routes} here and nowhere else.
 */
public final class Capabilities {
    private Capabilities() {}

    public static List<Routes> all() {
        return List.of(new TileRoutes(), new EventRoutes(), new ContentRoutes(), new PlanRoutes(), new PageRoutes(),
                new BallotRoutes(), new InspectionRoutes());
    }
}
