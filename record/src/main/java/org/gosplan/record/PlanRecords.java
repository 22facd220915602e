package org.gosplan.record;

import org.gosplan.ledger.NoteSigner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.Planner;

/**
 * Plans on the record: {@code plan --record} plans the latest recorded economy and targets and
 * records a {@code plan.computed} event naming everything replay needs; {@link #replayer()}
 * recomputes such a plan and compares hashes.
 *
 * <p>What is hashed is the canonical JSON (RFC 8785) of the plan document of cli.md less
 * {@code solver.seconds} and the {@code seconds} of each {@code leastUse} stage, the figures that differ from
 * run to run.
 *
 * <p>The options recorded name {@code leastUse}; a plan recorded before the least-use stages existed has no
 * such option and is replayed without them, so that it gives the plan that was recorded.
 */
public final class PlanRecords {
    private PlanRecords() {}

    /** The planner named in events; replay notes when a log was made by another one. */
    public static final String PLANNER = "gosplan-planner/" + version();

    private static String version() {
        Package p = Planner.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    /**
     * A recorded plan: the plan, its event index and its hash; index -1 and no hash or document when it was
     * not recorded (status limit, see {@link #computeAndRecord}).
     */
    public record Recorded(Plan plan, long index, String hash, ObjectNode document) {
        public boolean recorded() {
            return index >= 0;
        }
    }

    /** The plan document as a JSON tree, with or without {@code solver.seconds}. */
    public static ObjectNode document(Plan plan, boolean withSeconds) {
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

    /** SHA-256 of the canonical plan document less its seconds. */
    public static String hash(Plan plan) {
        return Canonical.sha256(Canonical.bytes(document(plan, false)));
    }

    static ObjectNode options(PlanOptions o) {
        ObjectNode n = Canonical.MAPPER.createObjectNode();
        n.put("objective", o.objective().id());
        if (o.resource() != null) {
            n.put("resource", o.resource());
        }
        n.put("method", o.method().id());
        n.put("tolerance", o.tolerance());
        n.put("timeLimit", o.timeLimitSeconds());
        n.put("threads", o.threads());
        n.put("leastUse", o.leastUse());
        if (o.atLeastAlone()) {
            // only when on: the options of plans recorded without it keep their bytes
            n.put("atLeastAlone", true);
        }
        return n;
    }

    static PlanOptions options(JsonNode n) {
        PlanOptions o = PlanOptions.DEFAULT
                .withObjective(PlanObjective.of(n.path("objective").asText("fulfil")))
                .withMethod(PlanMethod.of(n.path("method").asText("auto")));
        if (n.path("resource").isTextual()) {
            o = o.withResource(n.get("resource").asText());
        }
        if (n.path("tolerance").isNumber()) {
            o = o.withTolerance(n.get("tolerance").asDouble());
        }
        if (n.path("timeLimit").isNumber()) {
            o = o.withTimeLimit(n.get("timeLimit").asDouble());
        }
        if (n.path("threads").canConvertToInt()) {
            o = o.withThreads(n.get("threads").asInt());
        }
        // absent: recorded before the least-use stages, which its plan did not have
        return o.withLeastUse(n.path("leastUse").asBoolean(false))
                .withAtLeastAlone(n.path("atLeastAlone").asBoolean(false));
    }

    /**
     * Plans the latest economy and targets on the record and records the plan, unless it has no proven
     * answer (status limit: not proven optimal, infeasible or unbounded): such a plan is no basis for a
     * decision, and one cut off by a time limit could not even be replayed; it comes back unrecorded.
     */
    public static Recorded computeAndRecord(Record record, PlanOptions options, NoteSigner key) throws IOException {
        return computeAndRecord(record, latest(record), options, key);
    }

    /** What a plan on the record reads: the tree size, the snapshot there, and its economy with its targets. */
    public record Latest(long size, Snapshot snapshot, Economy economy) {
        /** Whether the economy has republics, trade or years: planned by {@link PartPlans}. */
        public boolean hasParts() {
            return economy.hasParts();
        }
    }

    /** The latest economy and targets on the record, refused when either is missing or they do not match. */
    public static Latest latest(Record record) throws IOException {
        long size = record.log().size();
        Snapshot s = record.snapshotAt(size);
        if (s.economy() == null) {
            throw new RecordException("no economy is recorded yet; record one with 'gosplan record DIR economy ECONOMY'");
        }
        if (s.targets() == null) {
            throw new RecordException("no targets are recorded yet; a council records them with"
                    + " 'gosplan record DIR targets FILE'");
        }
        if (!s.targets().name().equals(s.economy().hash())) {
            throw new RecordException("the latest targets (entry " + s.targets().index() + ") were set for another"
                    + " economy than the latest (entry " + s.economy().index() + "); record targets for it first");
        }
        return new Latest(size, s, record.economyWithTargets(s.economy().hash(), s.targets().hash()));
    }

    /** As {@link #computeAndRecord(Record, PlanOptions, NoteSigner)}, from inputs read by {@link #latest}. */
    public static Recorded computeAndRecord(Record record, Latest in, PlanOptions options, NoteSigner key)
            throws IOException {
        long size = in.size();
        Snapshot s = in.snapshot();
        Economy e = in.economy();
        if (e.hasParts()) {
            // planned as one year of one closed economy, its republics, trade and years would be silently dropped
            throw new RecordException("the recorded economy has republics, foreign trade or years, which this"
                    + " planner does not cover; plan it with PartPlans (docs/republics-trade-years.md)");
        }
        Plan plan = Planner.plan(e, options);
        if (plan.status() == org.gosplan.planner.PlanStatus.LIMIT) {
            return new Recorded(plan, -1, null, null);
        }
        ObjectNode doc = document(plan, false);
        byte[] canonical = Canonical.bytes(doc);
        String planHash = record.content().put(canonical);
        ObjectNode body = Canonical.MAPPER.createObjectNode();
        body.put("size", size);
        body.put("root", record.log().root(size));
        body.put("economy", s.economy().hash());
        body.put("targets", s.targets().hash());
        body.set("options", options(options));
        body.put("planner", PLANNER);
        body.put("plan", planHash);
        if (Double.isFinite(plan.value())) {
            body.put("value", plan.value());
        } else {
            body.putNull("value");
        }
        body.put("status", plan.status().id());
        body.put("deterministic", plan.solver().deterministic());
        long index = record.append(EventTypes.PLAN_COMPUTED, body, key);
        return new Recorded(plan, index, planHash, document(plan, true));
    }

    /** Recomputes recorded plans from their recorded inputs. */
    public static Record.PlanReplay replayer() {
        return (record, event, index) -> {
            JsonNode b = event.body();
            Economy e = record.economyWithTargets(b.get("economy").asText(), b.get("targets").asText());
            if (e.hasParts()) {
                return PartPlans.replay(record, event, e);
            }
            PlanOptions o;
            try {
                o = options(b.path("options"));
            } catch (RuntimeException x) {
                return "its options cannot be read: " + x.getMessage();
            }
            Plan plan = Planner.plan(e, o);
            ObjectNode again = document(plan, false);
            String hash = Canonical.sha256(Canonical.bytes(again));
            String recorded = b.get("plan").asText();
            // The event's own claims (value, status) must be those of the plan it names: a
            // re-signed event with an altered value but the honest plan hash is a false record.
            if (hash.equals(recorded)) {
                return claims(b, again);
            }
            JsonNode stored;
            try (InputStream in = record.content().open(recorded)) {
                stored = Canonical.MAPPER.readTree(in);
            } catch (com.fasterxml.jackson.core.JsonProcessingException | RecordException x) {
                stored = null;
            }
            if (stored == null || !stored.isObject()) {
                return "plan hash " + hash + " instead of the recorded " + recorded
                        + "; the recorded plan content is missing or not a plan document";
            }
            // Tolerance only where the method itself says it is not bit-for-bit reproducible:
            // the event's own "deterministic" claim is not trusted.
            boolean deterministic = plan.solver().deterministic();
            if (!deterministic) {
                double worst = largestDifference(stored, again);
                if (worst <= 10 * o.tolerance()) {
                    return claims(b, stored);
                }
                return "the method is not bit-for-bit deterministic, and the largest difference, " + worst
                        + ", exceeds 10 x its tolerance " + o.tolerance() + "; " + differences(stored, again);
            }
            return "plan hash " + hash + " instead of the recorded " + recorded + "; " + differences(stored, again);
        };
    }

    /**
     * What the event body claims about its plan (value, status) that the plan document it names
     * contradicts, or null.
     */
    static String claims(JsonNode body, JsonNode plan) {
        StringBuilder b = new StringBuilder();
        if (!body.path("status").equals(plan.path("status"))) {
            b.append("the event says status ").append(body.path("status")).append(" but the plan's status is ")
                    .append(plan.path("status"));
        }
        JsonNode v = body.path("value");
        JsonNode w = plan.path("value");
        boolean agree = w.isNumber() ? same(v, w) : !v.isNumber();
        if (!agree) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append("the event says value ").append(v).append(" but the plan's value is ").append(w);
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a != null && b != null && a.isNumber() && b.isNumber()) {
            return a.asDouble() == b.asDouble();
        }
        return a != null && a.equals(b);
    }

    /** The first differences a planner understands: status, value, then the first levels and net outputs. */
    static String differences(JsonNode recorded, JsonNode replayed) {
        StringBuilder b = new StringBuilder();
        if (!recorded.path("status").equals(replayed.path("status"))) {
            b.append("status ").append(recorded.path("status")).append(" recorded, ").append(replayed.path("status"))
                    .append(" replayed; ");
        }
        if (!same(recorded.path("value"), replayed.path("value"))) {
            b.append("value ").append(recorded.path("value")).append(" recorded, ").append(replayed.path("value"))
                    .append(" replayed; ");
        }
        for (String section : new String[] {"levels", "netOutput"}) {
            int shown = 0;
            Iterator<Map.Entry<String, JsonNode>> it = replayed.path(section).fields();
            while (it.hasNext() && shown < 5) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode old = recorded.path(section).get(f.getKey());
                if (!same(old, f.getValue())) {
                    b.append(section).append(" of '").append(f.getKey()).append("': ").append(old)
                            .append(" recorded, ").append(f.getValue()).append(" replayed; ");
                    shown++;
                }
            }
            Iterator<String> names = recorded.path(section).fieldNames();
            while (names.hasNext() && shown < 5) {
                String n = names.next();
                if (!replayed.path(section).has(n)) {
                    b.append(section).append(" of '").append(n).append("' recorded but not replayed; ");
                    shown++;
                }
            }
        }
        if (b.length() == 0) {
            b.append("the levels and net outputs agree; other fields differ (valuations, certificate or solver)");
        }
        return b.toString().replaceAll("; $", "");
    }

    /** The largest relative difference between the numbers of two plan documents. */
    static double largestDifference(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble(), y = b.asDouble();
            return Math.abs(x - y) / Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
        }
        if (a.isObject() && b.isObject()) {
            double worst = 0;
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().equals("solver")) {
                    continue;
                }
                JsonNode other = b.get(f.getKey());
                worst = Math.max(worst, other == null ? Double.POSITIVE_INFINITY : largestDifference(f.getValue(), other));
            }
            return worst;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return Double.POSITIVE_INFINITY;
            }
            double worst = 0;
            for (int i = 0; i < a.size(); i++) {
                worst = Math.max(worst, largestDifference(a.get(i), b.get(i)));
            }
            return worst;
        }
        return a.equals(b) ? 0 : Double.POSITIVE_INFINITY;
    }
}
