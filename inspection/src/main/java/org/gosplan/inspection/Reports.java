package org.gosplan.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.inspection.reconcile.Books;
import org.gosplan.inspection.reconcile.Reconciler;
import org.gosplan.inspection.reconcile.Reconciliation;
import org.gosplan.inspection.report.Report;
import org.gosplan.inspection.report.ReportReader;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Event;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Keys;
import org.gosplan.record.Member;
import org.gosplan.record.Record;
import org.gosplan.record.Snapshot;
import org.gosplan.record.Unit;

/**
 * Units and their fulfilment reports on the record, and their reconciliation (inspection.md):
 * {@code gosplan record DIR unit}, {@code gosplan record DIR report} and {@code gosplan reconcile}.
 * Every check that can be made before anything is stored is made first; nothing is recorded when
 * one fails.
 */
public final class Reports {
    private Reports() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Registers unit {@code id} running {@code techniques} of the latest recorded economy, with
     * attributes (such as {@code region}) that inspections may exclude on. Operators only.
     */
    public static long registerUnit(Record record, String id, List<String> techniques, Map<String, String> attrs,
                                    NoteSigner by) throws IOException {
        record.checkMayRecord(EventTypes.UNIT_REGISTERED, by);
        Snapshot.Published latest = record.snapshot().economy();
        if (latest == null) {
            throw new InspectionException("", "refused, nothing recorded: no economy is recorded yet; a unit runs"
                    + " techniques of the latest recorded economy ('gosplan record DIR economy ECONOMY' first)");
        }
        if (techniques.isEmpty()) {
            throw new InspectionException("--techniques", "name at least one technique the unit runs");
        }
        Economy e = record.economy(latest.hash());
        for (String t : techniques) {
            if (e.techniqueIndex(t) < 0) {
                throw new InspectionException("--techniques", "no technique '" + t + "' in the latest economy ("
                        + latest.name() + ", entry " + latest.index() + ")"
                        + org.gosplan.economy.Ids.didYouMean(t, e.techniques(), e::techniqueId));
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id);
        techniques.forEach(body.putArray("techniques")::add);
        ObjectNode a = body.putObject("attrs");
        attrs.forEach(a::put);
        return record.append(EventTypes.UNIT_REGISTERED, body, by);
    }

    /** What recording a report gave: its log index and content hash. */
    public record Recorded(long index, String hash, Report report) {}

    /**
     * Records the report in {@code file}, signed by an enterprise key of its unit: the file is read
     * ({@code gosplan/report@1}, mistakes located), checked against the plan it names and its economy
     * and the registered units, stored beside the log as it is, and a {@code fulfilment.reported}
     * event names it.
     */
    public static Recorded record(Record record, Path file, NoteSigner by) throws IOException {
        Report report = ReportReader.read(file);
        String name = file.getFileName().toString();
        record.checkMayRecord(EventTypes.FULFILMENT_REPORTED, by);
        Snapshot s = record.snapshot();
        Member m = s.member(Keys.signerName(by.verifier()));
        if (!report.unit().equals(m.attrs().get("unit"))) {
            throw new InspectionException(name + " unit", "refused, nothing recorded: key '" + m.signer() + "' is "
                    + (m.attrs().get("unit") == null ? "of no unit" : "a key of unit '" + m.attrs().get("unit") + "'")
                    + ", not of unit '" + report.unit() + "' whose report this is; a unit's report is signed by one of"
                    + " its enterprise keys (--attr unit=" + report.unit() + ")");
        }
        Economy e = planEconomy(record, s, report.plan(), name + " plan");
        new Books(e, s.units().values()).check(report, name);
        String hash = record.content().put(file);
        ObjectNode body = JSON.createObjectNode();
        body.put("unit", report.unit());
        body.put("plan", report.plan());
        body.put("period", report.period());
        body.put("report", hash);
        return new Recorded(record.append(EventTypes.FULFILMENT_REPORTED, body, by), hash, report);
    }

    /** The economy plan {@code hash} was computed for, or an error at {@code where} for an unknown plan. */
    private static Economy planEconomy(Record record, Snapshot s, String hash, String where) throws IOException {
        Long at = s.planIndex(hash);
        if (at == null) {
            throw new InspectionException(where, "no plan " + hash + " is recorded on this log; give the hash of a"
                    + " recorded plan (the \"plan\" of a plan.computed event, as 'gosplan show DIR INDEX' prints it)");
        }
        return record.economy(record.event(at).body().get("economy").asText());
    }

    /** A reconciliation with the plan and period it was made for. */
    public record Reconciled(String plan, String period, Reconciliation result) {
        /**
         * {@code {"plan", "period", "units", "reported", "findings", "fulfilment"}}: what
         * {@code gosplan reconcile --json} prints and {@code GET /api/reconcile} answers.
         */
        public ObjectNode toJson() {
            ObjectNode o = JSON.createObjectNode();
            o.put("plan", plan);
            if (period == null) {
                o.putNull("period");
            } else {
                o.put("period", period);
            }
            o.put("units", result.units());
            o.put("reported", result.reported());
            com.fasterxml.jackson.databind.node.ArrayNode fs = o.putArray("findings");
            for (org.gosplan.inspection.reconcile.Finding f : result.findings()) {
                ObjectNode n = fs.addObject();
                n.put("kind", f.kind().id());
                f.units().forEach(n.putArray("units")::add);
                if (f.product() != null) {
                    n.put("product", f.product());
                }
                if (f.technique() != null) {
                    n.put("technique", f.technique());
                }
                if (f.resource() != null) {
                    n.put("resource", f.resource());
                }
                n.put("expected", f.expected());
                n.put("reported", f.reported());
                n.put("difference", f.difference());
                n.put("message", f.message());
            }
            ObjectNode ful = o.putObject("fulfilment");
            for (Map.Entry<String, Double> e : result.fulfilment().entrySet()) {
                if (e.getValue() == null) {
                    ful.putNull(e.getKey()); // planned at rounding level: no ratio
                } else {
                    ful.put(e.getKey(), e.getValue());
                }
            }
            return o;
        }
    }

    /**
     * Reconciles the reports of {@code plan} (null: the latest recorded plan) for {@code period} (null:
     * the period of the latest report on that plan): each unit's latest report counts.
     */
    public static Reconciled reconcile(Record record, String plan, String period, double tolerance)
            throws IOException {
        if (!(tolerance >= 0) || tolerance >= 1) {
            throw new InspectionException("--tolerance", tolerance + " is not a relative tolerance; give one in [0, 1),"
                    + " such as 1e-6");
        }
        Snapshot s = record.snapshot();
        if (plan == null) {
            if (s.plan() == null) {
                throw new InspectionException("--plan", "no plan is recorded yet; reports are reconciled against a"
                        + " recorded plan ('gosplan plan DIR --record')");
            }
            plan = s.plan().hash();
        }
        Economy e = planEconomy(record, s, plan, "--plan");
        // the latest report of each unit on this plan (and period), in one pass over the log
        Map<String, Event> latest = new LinkedHashMap<>();
        String lastPeriod = null;
        for (long i = 0; i < s.size(); i++) {
            Event ev;
            try {
                ev = record.event(i);
            } catch (RuntimeException x) {
                continue; // not an event; verify reports it
            }
            if (!ev.type().equals(EventTypes.FULFILMENT_REPORTED) || !plan.equals(ev.body().path("plan").asText())) {
                continue;
            }
            String p = ev.body().path("period").asText();
            if (period == null || period.equals(p)) {
                latest.put(p + "\n" + ev.body().path("unit").asText(), ev);
                lastPeriod = p;
            }
        }
        String chosen = period != null ? period : lastPeriod;
        Books books = new Books(e, s.units().values());
        if (chosen != null) {
            for (Event ev : latest.values()) {
                if (!chosen.equals(ev.body().get("period").asText())) {
                    continue;
                }
                String hash = ev.body().get("report").asText();
                try (InputStream in = record.content().open(hash)) {
                    books.add(ReportReader.read(in, "report " + hash), "report " + hash);
                }
            }
        }
        double[][] planned = planned(record, plan, e);
        return new Reconciled(plan, chosen, Reconciler.reconcile(books, planned[0], planned[1], tolerance));
    }

    /** The plan's technique levels and net outputs, from its stored JSON, indexed as the economy's. */
    private static double[][] planned(Record record, String plan, Economy e) throws IOException {
        JsonNode doc;
        try (InputStream in = record.content().open(plan)) {
            doc = JSON.readTree(in);
        }
        double[] levels = new double[e.techniques()];
        double[] net = new double[e.products()];
        doc.path("levels").fields().forEachRemaining(f -> {
            int t = e.techniqueIndex(f.getKey());
            if (t >= 0) {
                levels[t] = f.getValue().asDouble();
            }
        });
        doc.path("netOutput").fields().forEachRemaining(f -> {
            int p = e.productIndex(f.getKey());
            if (p >= 0) {
                net[p] = f.getValue().asDouble();
            }
        });
        return new double[][] {levels, net};
    }

    /** Reads a stored report (for showing it). */
    public static Report stored(Record record, String hash) throws IOException {
        try (InputStream in = record.content().open(hash)) {
            return ReportReader.read(in, "report " + hash);
        }
    }
}
