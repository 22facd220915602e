package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gosplan.ledger.NoteSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inspectorate's events (inspection.md, formats.md section 4): who may record them and what the record refuses. */
class InspectionEventsTest {
    @TempDir
    Path dir;

    private final NoteSigner operator = NoteSigner.fromSeed("log", new byte[32]);
    private final NoteSigner steelKey = NoteSigner.fromSeed("steel", SnapshotTestSeeds.seed(1));
    private final NoteSigner coalKey = NoteSigner.fromSeed("coal", SnapshotTestSeeds.seed(2));
    private final NoteSigner council = NoteSigner.fromSeed("council", SnapshotTestSeeds.seed(3));
    private final NoteSigner ida = NoteSigner.fromSeed("ida", SnapshotTestSeeds.seed(4));
    private final NoteSigner ivo = NoteSigner.fromSeed("ivo", SnapshotTestSeeds.seed(5));
    private final NoteSigner ina = NoteSigner.fromSeed("ina", SnapshotTestSeeds.seed(6));

    private MemoryLog log;
    private Record r;
    private String content; // a stored file, standing for every hash a body names
    private String plan;

    private static String name(NoteSigner k) {
        return Keys.signerName(k.verifier());
    }

    @BeforeEach
    void setUp() throws IOException {
        log = new MemoryLog(operator);
        r = Record.open(log, dir);
        content = r.content().put("{}".getBytes(StandardCharsets.UTF_8));
        plan = r.content().put("{\"plan\":1}".getBytes(StandardCharsets.UTF_8));
        r.registerMember(steelKey.verifier(), Role.ENTERPRISE, List.of(), Map.of("unit", "steelworks"), operator);
        r.registerMember(coalKey.verifier(), Role.ENTERPRISE, List.of(), Map.of("unit", "mine"), operator);
        r.registerMember(council.verifier(), Role.COUNCIL, List.of("north"), Map.of(), operator);
        r.registerMember(ida.verifier(), Role.INSPECTOR, List.of(), Map.of("region", "north"), operator);
        r.registerMember(ivo.verifier(), Role.INSPECTOR, List.of(), Map.of("region", "south"), operator);
        r.registerMember(ina.verifier(), Role.INSPECTOR, List.of(), Map.of("region", "south"), operator);
        ObjectNode p = Canonical.MAPPER.createObjectNode().put("size", 0).put("root", r.log().root(0))
                .put("economy", content)
                .put("targets", content).put("plan", plan).put("planner", "test").put("status", "optimal");
        p.putObject("options");
        r.append(EventTypes.PLAN_COMPUTED, p, operator);
        unit("steelworks", "make-steel");
        unit("mine", "dig-coal");
    }

    private long unit(String id, String... techniques) throws IOException {
        ObjectNode b = Canonical.MAPPER.createObjectNode().put("id", id);
        ArrayNode t = b.putArray("techniques");
        for (String s : techniques) {
            t.add(s);
        }
        b.putObject("attrs").put("region", "north");
        return r.append(EventTypes.UNIT_REGISTERED, b, operator);
    }

    private ObjectNode report(String unit, String planHash) {
        return Canonical.MAPPER.createObjectNode().put("unit", unit).put("plan", planHash).put("period", "2027-Q1")
                .put("report", content);
    }

    private long order(String unit, int panel, long drawAt) throws IOException {
        ObjectNode b = Canonical.MAPPER.createObjectNode().put("unit", unit).put("panel", panel).putNull("quotas")
                .put("drawAt", drawAt);
        b.putArray("exclude").add("region");
        return r.append(EventTypes.INSPECTION_ORDERED, b, council);
    }

    private ObjectNode draw(long inspection, String... panel) {
        ObjectNode b = Canonical.MAPPER.createObjectNode().put("inspection", inspection).put("seed", "0f".repeat(32))
                .put("probabilities", content);
        ArrayNode a = b.putArray("panel");
        for (String s : panel) {
            a.add(s);
        }
        return b;
    }

    private String refused(String type, ObjectNode body, NoteSigner by) {
        long before = log.size();
        RecordException x = assertThrows(RecordException.class, () -> r.append(type, body, by));
        assertEquals(before, log.size(), "nothing recorded");
        return x.getMessage();
    }

    @Test
    void unitsAreRegisteredByOperatorsAndReadBack() throws IOException {
        Unit u = r.snapshot().unit("steelworks");
        assertEquals(List.of("make-steel"), u.techniques());
        assertEquals(Map.of("region", "north"), u.attrs());
        assertEquals(List.of("steelworks", "mine"), List.copyOf(r.snapshot().units().keySet()));
        // re-registration replaces, from that entry on
        long at = unit("steelworks", "make-steel", "roll-steel");
        assertEquals(List.of("make-steel", "roll-steel"), r.snapshot().unit("steelworks").techniques());
        assertEquals(List.of("make-steel"), r.snapshotAt(at).unit("steelworks").techniques());
        assertEquals(2, r.snapshotAt(at + 1).units().size());
        ObjectNode b = Canonical.MAPPER.createObjectNode().put("id", "farm");
        b.putArray("techniques").add("grow");
        assertTrue(refused(EventTypes.UNIT_REGISTERED, b, council).contains("may not record unit.registered"));
        b.putArray("techniques");
        assertTrue(refused(EventTypes.UNIT_REGISTERED, b, operator).contains("at least one"));
        b.putArray("techniques").add("grow").add("grow");
        assertTrue(refused(EventTypes.UNIT_REGISTERED, b, operator).contains("named twice"));
    }

    @Test
    void aReportIsRecordedByAKeyOfItsUnitOnly() throws IOException {
        r.append(EventTypes.FULFILMENT_REPORTED, report("steelworks", plan), steelKey);
        assertTrue(refused(EventTypes.FULFILMENT_REPORTED, report("steelworks", plan), coalKey)
                .contains("a key of unit 'mine', not of unit 'steelworks'"));
        assertTrue(refused(EventTypes.FULFILMENT_REPORTED, report("steelworks", plan), council)
                .contains("may not record fulfilment.reported"));
        assertTrue(refused(EventTypes.FULFILMENT_REPORTED, report("forge", plan), steelKey)
                .contains("unit 'forge' is not registered"));
        assertTrue(refused(EventTypes.FULFILMENT_REPORTED, report("steelworks", content), steelKey)
                .contains("is not a plan recorded on this log"));
        String absent = "cd".repeat(32);
        ObjectNode missing = report("steelworks", plan).put("report", absent);
        assertTrue(refused(EventTypes.FULFILMENT_REPORTED, missing, steelKey).contains("not stored beside the log"));
        assertTrue(refused(EventTypes.FULFILMENT_REPORTED, report("steelworks", plan).put("period", " "), steelKey)
                .contains("\"period\""));
    }

    @Test
    void anInspectionIsDrawnAfterItsDrawAtAndOnlyItsPanelFilesFindings() throws IOException {
        long size = log.size();
        assertTrue(refused(EventTypes.INSPECTION_ORDERED, Canonical.MAPPER.createObjectNode().put("unit", "mine")
                .put("panel", 2).put("drawAt", size + 1), council).contains("must exceed the log's size"));
        assertTrue(refused(EventTypes.INSPECTION_ORDERED, Canonical.MAPPER.createObjectNode().put("unit", "forge")
                .put("panel", 2).put("drawAt", size + 5), council).contains("'forge' is not registered"));
        assertTrue(refused(EventTypes.INSPECTION_ORDERED, Canonical.MAPPER.createObjectNode().put("unit", "mine")
                .put("panel", 2).put("drawAt", size + 5), steelKey).contains("may not record inspection.ordered"));
        long i = order("mine", 2, size + 4);
        Inspection in = r.snapshot().inspection(i);
        assertEquals("mine", in.unit());
        assertEquals(List.of("region"), in.exclude());
        assertNull(in.quotas());

        ObjectNode commit = Canonical.MAPPER.createObjectNode().put("inspection", i).put("hash", content);
        r.append(EventTypes.SECRET_COMMITTED, commit, council);
        assertTrue(refused(EventTypes.SECRET_COMMITTED, commit, ida).contains("may not record secret.committed"));
        assertTrue(refused(EventTypes.SECRET_COMMITTED, commit.deepCopy().put("inspection", i + 1), council)
                .contains("no inspection ordered at entry " + (i + 1)));
        // the log has i + 2 entries; drawAt is i + 4
        assertTrue(refused(EventTypes.DRAW_MADE, draw(i, name(ida), name(ivo)), council)
                .contains("is drawn once the log has"));
        ObjectNode reveal = Canonical.MAPPER.createObjectNode().put("inspection", i).put("secret", "01".repeat(32));
        assertTrue(refused(EventTypes.SECRET_REVEALED, reveal, council).contains("revealed once the log has "
                + (i + 4) + " entries"));
        // other secrets each time: the same event signed again would be refused as a replay
        r.append(EventTypes.SECRET_COMMITTED, commit.deepCopy().put("hash", "cd".repeat(32)), council);
        r.append(EventTypes.SECRET_COMMITTED, commit.deepCopy().put("hash", "ef".repeat(32)), council);
        r.append(EventTypes.SECRET_REVEALED, reveal, council);
        // past drawAt: recorded, the draw ignores it
        r.append(EventTypes.SECRET_COMMITTED, commit.deepCopy().put("hash", "ab".repeat(32)), council);
        assertTrue(refused(EventTypes.DRAW_MADE, draw(i, name(ida)), council).contains("a panel of 2, not 1"));
        assertTrue(refused(EventTypes.DRAW_MADE, draw(i, name(ida), name(steelKey)), council)
                .contains("was not a registered inspector"));
        ObjectNode finding = Canonical.MAPPER.createObjectNode().put("inspection", i).put("finding", content);
        assertTrue(refused(EventTypes.FINDING_FILED, finding, ida).contains("not drawn yet"));
        long d = r.append(EventTypes.DRAW_MADE, draw(i, name(ida), name(ivo)), council);
        assertEquals(List.of(name(ida), name(ivo)), r.snapshot().inspection(i).members());
        assertEquals(d, r.snapshot().inspection(i).drawn());
        assertTrue(refused(EventTypes.DRAW_MADE, draw(i, name(ida), name(ivo)), council).contains("was drawn at"));

        assertTrue(refused(EventTypes.FINDING_FILED, finding, ina).contains("is not on inspection " + i
                + "'s drawn panel"));
        assertTrue(refused(EventTypes.FINDING_FILED, finding, council).contains("may not record finding.filed"));
        long f = r.append(EventTypes.FINDING_FILED, finding, ivo);
        assertEquals(name(ivo), r.snapshot().finding(f).signer());

        ObjectNode answer = Canonical.MAPPER.createObjectNode().put("finding", f).put("answer", content);
        assertTrue(refused(EventTypes.FINDING_ANSWERED, answer, steelKey).contains("not of unit 'mine'"));
        assertTrue(refused(EventTypes.FINDING_ANSWERED, answer.deepCopy().put("finding", d), coalKey)
                .contains("no finding filed at entry " + d));
        r.append(EventTypes.FINDING_ANSWERED, answer, coalKey);

        // a fresh fold reads the same, and verify accepts the whole log
        assertEquals(r.snapshot().inspection(i), r.snapshotAt(log.size()).inspection(i));
        Verification v = r.verify(null);
        assertTrue(v.ok(), String.valueOf(v.problems()));
        assertEquals(List.of(), r.refusals());
    }
}
