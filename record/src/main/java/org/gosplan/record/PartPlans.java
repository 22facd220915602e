package org.gosplan.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.gosplan.economy.Economy;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.extended.ExtendedObjectives;
import org.gosplan.planner.extended.ExtendedPlan;
import org.gosplan.planner.extended.ExtendedPlanner;

/**
 * Plans on the record of an economy with republics, foreign trade or years (formats.md section
 * 5): planned by {@link ExtendedPlanner} within the trade licences in force
 * ({@link TradeLicences}), recorded as a {@code plan.computed} event like any plan, and replayed
 * the same way. Replay also reads the recorded plan document itself and refuses one that trades
 * beyond the licences, whoever signed it: the monopoly of foreign trade holds on the record.
 *
 * <p>The hash is that of the canonical plan JSON of formats.md section 5 less {@code solver.seconds}.
 */
public final class PartPlans {
    private PartPlans() {}

    /** A recorded plan, index -1 and no hash when it was not recorded (no proven answer). */
    public record Recorded(ExtendedPlan plan, long index, String hash, List<TradeLicences.Licence> licences) {
        public boolean recorded() {
            return index >= 0;
        }
    }

    /** The plan document as a JSON tree, with or without {@code solver.seconds}. */
    public static ObjectNode document(ExtendedPlan plan, boolean withSeconds) {
        ObjectNode doc = Canonical.MAPPER.valueToTree(plan.toMap());
        if (!withSeconds && doc.path("solver").isObject()) {
            ((ObjectNode) doc.get("solver")).remove("seconds");
        }
        if (!withSeconds) {
            for (JsonNode stage : doc.path("leastUse").path("stages")) {
                ((ObjectNode) stage).remove("seconds");
            }
        }
        return doc;
    }

    /**
     * The option that says the least-use stages ran on a plan of an economy with parts. A plan recorded
     * before they existed has {@code leastUse} among its options (one-year plans had the stages) but not
     * this, and is replayed without them, so that replay recomputes the plan that was recorded.
     */
    static final String STAGES = "partsLeastUse";

    /** The extended planner's options for {@code o}, refused where it plans otherwise (as {@code gosplan plan}). */
    static ExtendedPlanner.Options options(PlanOptions o) {
        PlanMethod m = o.method();
        if (m != PlanMethod.AUTO && m != PlanMethod.EXACT && m != PlanMethod.SIMPLEX && m != PlanMethod.PDLP) {
            throw new RecordException("--method " + m.id() + " does not plan republics, trade or years;"
                    + " use auto, exact, simplex or pdlp");
        }
        return new ExtendedPlanner.Options(m == PlanMethod.PDLP, o.tolerance(), o.timeLimitSeconds());
    }

    /**
     * Plans the latest economy and targets (read by {@link PlanRecords#latest}) within the licences
     * in force and records the plan, unless it has no proven answer (status limit).
     */
    public static Recorded computeAndRecord(Record record, PlanRecords.Latest in, PlanOptions options, NoteSigner key)
            throws IOException {
        ExtendedPlanner.Options o = options(options);
        record.checkMayRecord(EventTypes.PLAN_COMPUTED, key);
        List<TradeLicences.Licence> licences = TradeLicences.at(record, in.size());
        ExtendedPlan plan = ExtendedObjectives.plan(TradeLicences.apply(in.economy(), licences), o, options);
        if (plan.status().equals("limit")) {
            return new Recorded(plan, -1, null, licences);
        }
        String planHash = record.content().put(Canonical.bytes(document(plan, false)));
        Snapshot s = in.snapshot();
        ObjectNode body = Canonical.MAPPER.createObjectNode();
        body.put("size", in.size());
        body.put("root", record.log().root(in.size()));
        body.put("economy", s.economy().hash());
        body.put("targets", s.targets().hash());
        ObjectNode recordedOptions = PlanRecords.options(options);
        recordedOptions.put(STAGES, options.leastUse());
        body.set("options", recordedOptions);
        body.put("planner", PlanRecords.PLANNER);
        body.put("plan", planHash);
        if (Double.isFinite(plan.value())) {
            body.put("value", plan.value());
        } else {
            body.putNull("value");
        }
        body.put("status", plan.status());
        body.put("deterministic", !o.pdlp());
        // for the reader; replay reads the licences from the log itself, not from this claim
        ArrayNode ls = body.putArray("licences");
        licences.forEach(l -> ls.add(TradeLicences.body(l)));
        long index = record.append(EventTypes.PLAN_COMPUTED, body, key);
        return new Recorded(plan, index, planHash, licences);
    }

    /** Replays a recorded plan of {@code e} (the economy with its targets): null when it is the recorded one. */
    static String replay(Record record, Event event, Economy e) throws IOException {
        JsonNode b = event.body();
        ExtendedPlanner.Options o;
        PlanOptions goal;
        try {
            goal = PlanRecords.options(b.path("options")).withLeastUse(b.path("options").path(STAGES).asBoolean(false));
            o = options(goal);
        } catch (RuntimeException x) {
            return "its options cannot be read: " + x.getMessage();
        }
        List<TradeLicences.Licence> licences = TradeLicences.at(record, b.get("size").asLong());
        String recorded = b.get("plan").asText();
        JsonNode stored;
        try (InputStream in = record.content().open(recorded)) {
            stored = Canonical.MAPPER.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RecordException x) {
            stored = null;
        }
        if (stored != null && stored.isObject()) {
            String trade = TradeLicences.unlicensed(stored, licences);
            if (trade != null) {
                return "the recorded plan trades beyond the licences on the record at tree size " + b.get("size")
                        + ": " + trade;
            }
        }
        ExtendedPlan plan = ExtendedObjectives.plan(TradeLicences.apply(e, licences), o, goal);
        ObjectNode again = document(plan, false);
        String hash = Canonical.sha256(Canonical.bytes(again));
        if (hash.equals(recorded)) {
            return PlanRecords.claims(b, again);
        }
        if (stored == null || !stored.isObject()) {
            return "plan hash " + hash + " instead of the recorded " + recorded
                    + "; the recorded plan content is missing or not a plan document";
        }
        if (o.pdlp()) {
            double worst = PlanRecords.largestDifference(stored, again);
            if (worst <= 10 * o.tolerance()) {
                return PlanRecords.claims(b, stored);
            }
            return "PDLP is not bit-for-bit deterministic, and the largest difference, " + worst
                    + ", exceeds 10 x its tolerance " + o.tolerance() + "; " + PlanRecords.differences(stored, again);
        }
        return "plan hash " + hash + " instead of the recorded " + recorded + "; "
                + PlanRecords.differences(stored, again);
    }
}
