package org.gosplan.server.ballots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.util.List;
import org.gosplan.council.ballot.Counting;
import org.gosplan.council.ballot.TallyJson;
import org.gosplan.council.proposal.Costs;
import org.gosplan.council.proposal.ProposalCost;
import org.gosplan.economy.Economy;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.record.Ballot;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.gosplan.record.Snapshot;
import org.gosplan.server.HttpError;
import org.gosplan.server.Routes;
import org.gosplan.server.Served;
import org.gosplan.server.pages.PageRoutes;

/**
 * Ballots: {@code GET /api/ballots/I} (the ballot, its options with each proposal's cost, the votes
 * so far, and once closed its tally as {@code gosplan tally --json} prints it) and the ballot page.
 */
public final class BallotRoutes implements Routes {
    // A closed ballot never changes; counting it reads its votes from the log (and, for equal
    // shares, costs every proposal), so each closed ballot is counted once.
    private final java.util.Map<Long, ObjectNode> closed = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void addTo(Javalin app, Served served) {
        app.get("/api/ballots/{index}", ctx -> {
            long index = Served.logIndex(ctx.pathParam("index"), "a ballot", "ballot.opened");
            ObjectNode kept = closed.get(index);
            if (kept == null) {
                served.current();
                kept = ballot(served.record(), index);
                if (!kept.get("closed").isNull()) {
                    closed.put(index, kept);
                }
            }
            Served.json(ctx, 200, kept);
        });
        app.get("/api/ballots", ctx -> {
            served.current();
            Served.json(ctx, 200, list(served.record()));
        });
        app.get("/ballots", ctx -> PageRoutes.page(ctx, BallotRoutes.class, "ballots.html", "Ballots",
                "/assets/ballots/ballots.js"));
        app.get("/assets/ballots/ballots.js", ctx -> PageRoutes.script(ctx, BallotRoutes.class, "ballots.js"));
        app.get("/ballots/{index}", ctx -> PageRoutes.page(ctx, BallotRoutes.class, "ballot.html", "Ballot",
                "/assets/ballots/ballot.js"));
        app.get("/assets/ballots/ballot.js", ctx -> PageRoutes.script(ctx, BallotRoutes.class, "ballot.js"));
    }

    @Override
    public List<Page> pages() {
        return List.of(new Page("/ballots", "Ballots"));
    }

    /** Every ballot, newest first: {@code [{"index", "title", "method", "closed"}]}. */
    static ArrayNode list(Record record) throws IOException {
        ArrayNode out = Served.mapper().createArrayNode();
        List<Ballot> all = new java.util.ArrayList<>(record.refresh().ballots().values());
        all.sort(java.util.Comparator.comparingLong(Ballot::index).reversed());
        for (Ballot b : all) {
            ObjectNode o = out.addObject();
            o.put("index", b.index());
            o.set("title", record.event(b.index()).body().get("title"));
            o.put("method", b.method());
            if (b.isClosed()) {
                o.put("closed", b.closed());
            } else {
                o.putNull("closed");
            }
        }
        return out;
    }

    /** The ballot at entry {@code index} as the API serves it. */
    static ObjectNode ballot(Record record, long index) throws IOException {
        Snapshot at = record.refresh();
        Ballot b = at.ballot(index);
        if (b == null) {
            throw new HttpError(404, "entry " + index + " opens no ballot; GET /api/ballots lists the "
                    + at.ballots().size() + " ballots on the record");
        }
        Counting.Counted c = Counting.count(record, at, index);
        ObjectNode o = Served.object();
        o.put("index", index);
        o.set("opened", record.shown(index));
        o.set("title", c.opened().get("title"));
        o.put("method", b.method());
        o.set("seats", c.opened().get("seats"));
        o.set("budget", c.opened().get("budget"));
        if (b.isClosed()) {
            o.put("closed", b.closed());
        } else {
            o.putNull("closed");
        }
        o.set("options", options(record, b));
        // the voters whose votes count (each key's last): the votes so far while it is open
        o.put("votes", c.tally().voters());
        if (b.isClosed()) {
            o.set("tally", TallyJson.of(c.tally(), index, b.proposals()));
        } else {
            o.putNull("tally");
        }
        return o;
    }

    /**
     * The options, each proposal with its cost on the economy and plan that stood when the ballot
     * opened (what voters see, and what equal shares counts with); labels have no cost.
     */
    private static ArrayNode options(Record record, Ballot b) throws IOException {
        ArrayNode out = Served.mapper().createArrayNode();
        Economy economy = b.proposals() && b.economy() != null ? record.economy(b.economy().hash()) : null;
        for (String option : b.options()) {
            ObjectNode o = out.addObject();
            if (!b.proposals()) {
                o.put("option", option);
                o.putNull("cost");
                continue;
            }
            long proposal = Long.parseLong(option);
            o.put("option", proposal);
            o.set("title", record.event(proposal).body().get("title"));
            if (economy == null) {
                o.putNull("cost");
                o.put("why", "no economy was recorded when the ballot opened");
                continue;
            }
            try {
                o.set("cost", cost(Costs.of(record, proposal, economy, b.economy(), b.plan(),
                        LeontiefOptions.DEFAULT)));
            } catch (RecordException e) {
                o.putNull("cost");
                o.put("why", e.getMessage());
            }
        }
        return out;
    }

    /** A proposal's cost as {@code gosplan cost --json} prints it: resources, shares, valuation. */
    private static JsonNode cost(ProposalCost c) {
        ObjectNode o = Served.object();
        Economy e = c.economy();
        ObjectNode resources = o.putObject("resources");
        ObjectNode shares = o.putObject("shares");
        for (int i = 0; i < e.resources(); i++) {
            resources.put(e.resourceId(i), c.resources()[i]);
            number(shares, e.resourceId(i), c.share(i));
        }
        number(o, "valuation", c.valuation());
        return o;
    }

    private static void number(ObjectNode o, String field, double x) {
        if (Double.isFinite(x)) {
            o.put(field, x);
        } else {
            o.putNull(field);
        }
    }
}
