package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Progress;
import org.gosplan.ledger.Log;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signed record and replayable plans of cli.md ("Signed records and replayable plans"),
 * end to end through the {@code gosplan} command, on one kind of log store. Subclasses say where
 * the log lives (a data directory, or PostgreSQL) and how to damage it behind the command's back.
 */
abstract class RecordReplayScenarios {
    @TempDir
    Path tmp;

    /** Keys: the council, an enterprise and a stranger who is never registered. */
    Path councilKey;
    Path enterpriseKey;
    Path strangerKey;
    String councilVkey;
    String enterpriseVkey;
    String strangerVkey;

    /** Where the log is, as the record, verify and show commands take it: {DIR} or {"--db", URL}. */
    abstract String[] at();

    /** The same for {@code gosplan plan}: {"--record", DIR} or {"--db", URL}. */
    abstract String[] planAt();

    /** Makes a new empty log (exit 0). */
    abstract CliRun initLog(String origin);

    /** Opens the ledger log directly, to count its entries. */
    abstract Log openLog() throws IOException;

    @BeforeEach
    void aLogWithMembers() throws IOException {
        CliRun init = initLog("test.gosplan.org/replay");
        assertEquals(0, init.exit(), init.err());
        councilKey = tmp.resolve("council.key");
        enterpriseKey = tmp.resolve("enterprise.key");
        strangerKey = tmp.resolve("stranger.key");
        councilVkey = newKey(councilKey, "council-north");
        enterpriseVkey = newKey(enterpriseKey, "works-7");
        strangerVkey = newKey(strangerKey, "stranger");
        ok(record("member", councilVkey, "--role", "council"));
        ok(record("member", enterpriseVkey, "--role", "enterprise"));
        assertEquals(2, size());
    }

    // ---- helpers -------------------------------------------------------------------------

    static String[] cat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String[] cat(String first, String[] a, String... b) {
        return cat(cat(new String[] {first}, a), b);
    }

    String newKey(Path file, String name) {
        CliRun k = CliRun.of("key", "new", file.toString(), "--name", name);
        assertEquals(0, k.exit(), k.err());
        String vkey = k.out().trim();
        assertTrue(vkey.startsWith(name + "+"), vkey);
        return vkey;
    }

    CliRun record(String... rest) {
        return CliRun.of(cat("record", at(), rest));
    }

    CliRun verify(String... rest) {
        return CliRun.of(cat("verify", at(), rest));
    }

    CliRun show(long index) {
        return CliRun.of(cat("show", at(), Long.toString(index)));
    }

    CliRun plan(String... rest) {
        return CliRun.of(cat("plan", planAt(), rest));
    }

    static CliRun ok(CliRun r) {
        assertEquals(0, r.exit(), () -> "exit " + r.exit() + "\nout: " + r.out() + "\nerr: " + r.err());
        return r;
    }

    /** A refused command: exit 2, a one-line message naming why, no stack trace, nothing appended. */
    CliRun refused(long sizeBefore, CliRun r, String... messageParts) throws IOException {
        assertEquals(2, r.exit(), () -> "out: " + r.out() + "\nerr: " + r.err());
        assertTrue(r.noStackTrace(), r.err());
        for (String part : messageParts) {
            assertTrue(r.err().contains(part), () -> "'" + part + "' missing from: " + r.err());
        }
        assertEquals(sizeBefore, size(), "a refused event must not be appended");
        return r;
    }

    long size() throws IOException {
        try (Log log = openLog()) {
            return log.size();
        }
    }

    static JsonNode json(CliRun r) throws IOException {
        return Json.MAPPER.readTree(r.out());
    }

    long recordedIndex(CliRun r) throws IOException {
        ok(r);
        return json(r).get("index").asLong();
    }

    Path village() {
        return CliRun.examples().resolve("village.economy.json");
    }

    Path villageTargets() throws IOException {
        Path t = tmp.resolve("village-targets.csv");
        Files.writeString(t, "product,quantity,weight\nbread,80000,\nstraw,20000,0.5\ntractor,50,\n");
        return t;
    }

    /** The plan hash that {@code plan --record} reports on standard error. */
    static String planHash(CliRun r) {
        int i = r.err().indexOf("plan hash ");
        assertTrue(i >= 0, r.err());
        return r.err().substring(i + "plan hash ".length()).trim().substring(0, 64);
    }

    /** The village with its targets and two plans: fulfil (returned first) and min-resource on labour. */
    long[] villageWithTwoPlans() throws IOException {
        ok(record("economy", village().toString(), "--json"));
        ok(record("targets", villageTargets().toString(), "--key", councilKey.toString()));
        long before = size();
        ok(plan("--json"));
        ok(plan("--objective", "min-resource", "--resource", "labour", "--key", councilKey.toString()));
        assertEquals(before + 2, size());
        return new long[] {before, before + 1};
    }

    /** An event file {"type", "body"} from a recorded event, with {@code edit} applied to its body. */
    Path eventFileFrom(long index, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        JsonNode ev = json(ok(show(index)));
        ObjectNode body = ((ObjectNode) ev.get("body")).deepCopy();
        edit.accept(body);
        ObjectNode file = Json.object();
        file.put("type", ev.get("type").asText());
        file.set("body", body);
        Path f = tmp.resolve("event-" + index + "-" + System.nanoTime() + ".json");
        Files.writeString(f, Json.MAPPER.writeValueAsString(file));
        return f;
    }

    // ---- scenarios -----------------------------------------------------------------------

    @Test
    void anUnregisteredKeyIsRefusedAndNothingIsRecorded() throws IOException {
        long n = size();
        refused(n, record("economy", village().toString(), "--key", strangerKey.toString()),
                "not a registered member", "stranger+");
        ok(record("economy", village().toString()));
        n = size();
        refused(n, record("targets", villageTargets().toString(), "--key", strangerKey.toString()),
                "not a registered member");
        refused(n, record("member", strangerVkey, "--role", "operator", "--key", strangerKey.toString()),
                "not a registered member");
        Path ev = tmp.resolve("member.json");
        Files.writeString(ev, "{\"type\": \"member.registered\", \"body\": {\"vkey\": \"" + strangerVkey
                + "\", \"role\": \"operator\"}}");
        refused(n, record("event", ev.toString(), "--key", strangerKey.toString()), "not a registered member");
        ok(record("targets", villageTargets().toString(), "--key", councilKey.toString()));
        n = size();
        refused(n, plan("--key", strangerKey.toString()), "not a registered member");
    }

    @Test
    void aRoleThatMayNotRecordTheTypeIsRefused() throws IOException {
        long n = size();
        // A council publishing an economy.
        refused(n, record("economy", village().toString(), "--key", councilKey.toString()),
                "has role council", "economy.published");
        ok(record("economy", village().toString()));
        n = size();
        // An enterprise setting targets (formats.md section 4: operators and councils set targets and record plans).
        refused(n, record("targets", villageTargets().toString(), "--key", enterpriseKey.toString()),
                "has role enterprise", "targets.set");
        // An enterprise registering a member.
        refused(n, record("member", strangerVkey, "--role", "council", "--key", enterpriseKey.toString()),
                "has role enterprise", "member.registered");
        // Nor through an event file.
        Path ev = tmp.resolve("member.json");
        Files.writeString(ev, "{\"type\": \"member.registered\", \"body\": {\"vkey\": \"" + strangerVkey
                + "\", \"role\": \"council\"}}");
        refused(n, record("event", ev.toString(), "--key", councilKey.toString()), "has role council");
        assertEquals(0, ok(verify()).exit());
    }

    @Test
    void aForgedPlanIsRecordedAndReplayNamesItAndTheFirstDifferences() throws IOException {
        long[] plans = villageWithTwoPlans();
        String otherPlan = json(ok(show(plans[1]))).get("body").get("plan").asText();
        // The fulfil plan's event, re-pointed at the min-resource plan's content and re-signed by
        // a registered council: well formed, allowed, false.
        Path forged = eventFileFrom(plans[0], b -> b.put("plan", otherPlan));
        long n = size();
        long forgedAt = recordedIndex(record("event", forged.toString(), "--key", councilKey.toString(), "--json"));
        assertEquals(n, forgedAt);
        assertEquals(n + 1, size());

        CliRun plain = verify();
        assertEquals(0, plain.exit(), plain.out() + plain.err());

        CliRun v = verify("--replay");
        assertEquals(1, v.exit(), v.out() + v.err());
        assertTrue(v.noStackTrace(), v.err());
        String out = v.out();
        assertTrue(out.contains("entry " + forgedAt + " (plan.computed"), out);
        assertFalse(out.contains("entry " + plans[0] + " ("), "the honest plans replay: " + out);
        assertFalse(out.contains("entry " + plans[1] + " ("), "the honest plans replay: " + out);
        // the last digit of the recorded level follows the planner's arithmetic (it moved with the scaling)
        // and so does the replayed level's: 150000 to within a unit in the last place
        assertTrue(out.matches("(?s).*levels of 'grain-by-tractor': 64057\\.028514257\\d* recorded, "
                + "(150000\\.0|149999\\.9999999999\\d*|150000\\.0000000000\\d*) replayed.*"), out);
        assertTrue(out.contains("levels of '"), out);
        assertTrue(out.contains("netOutput of '"), out);
        // Equal numbers written differently (150000 against 150000.0) are not differences.
        assertFalse(out.matches("(?s).*: (\\d+) recorded, \\1\\.0 replayed.*"), out);

        CliRun j = verify("--replay", "--json");
        assertEquals(1, j.exit());
        JsonNode doc = json(j);
        assertFalse(doc.get("ok").asBoolean());
        assertFalse(doc.get("valid").asBoolean(), "the verdict named as 'log verify' names it: " + doc);
        assertEquals(3, doc.get("plansReplayed").asLong());
        assertEquals(1, doc.get("problems").size(), doc.toString());
        assertTrue(doc.get("problems").get(0).asText().startsWith("entry " + forgedAt + " "), doc.toString());
    }

    @Test
    void aForgedValueWithTheHonestPlanHashIsFoundByReplay() throws IOException {
        long[] plans = villageWithTwoPlans();
        Path forged = eventFileFrom(plans[0], b -> b.put("value", 99.5));
        long at = recordedIndex(record("event", forged.toString(), "--key", councilKey.toString(), "--json"));
        CliRun v = verify("--replay");
        assertEquals(1, v.exit(), v.out());
        assertTrue(v.out().contains("entry " + at + " (plan.computed"), v.out());
        assertTrue(v.out().contains("value 99.5"), v.out());

        Path status = eventFileFrom(plans[1], b -> b.put("status", "infeasible"));
        long at2 = recordedIndex(record("event", status.toString(), "--key", councilKey.toString(), "--json"));
        CliRun w = verify("--replay");
        assertEquals(1, w.exit(), w.out());
        assertTrue(w.out().contains("entry " + at2 + " (plan.computed"), w.out());
        assertTrue(w.out().contains("status \"infeasible\""), w.out());
    }

    @Test
    void aForgedClaimOfNonDeterminismBuysNoTolerance() throws IOException {
        long[] plans = villageWithTwoPlans();
        String otherPlan = json(ok(show(plans[1]))).get("body").get("plan").asText();
        Path forged = eventFileFrom(plans[0], b -> {
            b.put("plan", otherPlan);
            b.put("deterministic", false);
            ((ObjectNode) b.get("options")).put("tolerance", 1e12);
        });
        long at = recordedIndex(record("event", forged.toString(), "--key", councilKey.toString(), "--json"));
        CliRun v = verify("--replay");
        assertEquals(1, v.exit(), v.out());
        assertTrue(v.out().contains("entry " + at + " (plan.computed"), v.out());
    }

    @Test
    void aPlanHashNamingContentThatIsNotAPlanFailsVerificationWithoutCrashing() throws IOException {
        long[] plans = villageWithTwoPlans();
        String targets = json(ok(show(plans[0]))).get("body").get("targets").asText();
        Path forged = eventFileFrom(plans[0], b -> b.put("plan", targets));
        long at = recordedIndex(record("event", forged.toString(), "--key", councilKey.toString(), "--json"));
        CliRun v = verify("--replay");
        assertEquals(1, v.exit(), v.out() + v.err());
        assertTrue(v.noStackTrace(), v.err());
        assertTrue(v.out().contains("entry " + at + " (plan.computed"), v.out());
        assertTrue(v.out().contains("not a plan document"), v.out());
    }

    @Test
    void aPlanNamingContentThatIsNotStoredIsRefused() throws IOException {
        long[] plans = villageWithTwoPlans();
        Path forged = eventFileFrom(plans[0], b -> b.put("plan", "ab".repeat(32)));
        long n = size();
        refused(n, record("event", forged.toString(), "--key", councilKey.toString()), "not stored");
    }

    @Test
    void anEventWithAnAlteredSignatureIsFound() throws IOException {
        long[] plans = villageWithTwoPlans();
        ObjectNode ev = (ObjectNode) json(ok(show(plans[0])));
        ev.remove("index");
        ev.remove("signerName");
        ev.remove("signerRole");
        String sig = ev.get("sig").asText();
        ev.put("sig", (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1));
        // Appended behind the record's back (through the ledger, as 'log append' refuses an
        // event log): the tree is sound, the event is not.
        long n = size();
        try (Log log = openLog()) {
            log.append(org.gosplan.record.Canonical.bytes(ev));
        }
        assertEquals(n + 1, size());
        CliRun v = verify();
        assertEquals(1, v.exit(), v.out());
        assertTrue(v.out().contains("entry " + n + " (plan.computed"), v.out());
        assertTrue(v.out().contains("signature does not verify"), v.out());
        // Verification goes on past it: the honest plans still replay.
        CliRun r = verify("--replay", "--json");
        assertEquals(1, r.exit());
        assertEquals(2, json(r).get("plansReplayed").asLong(), r.out());
    }

    @Test
    void replayOfEveryPlanInALogOfSeveralEconomiesTargetsAndPlansPasses() throws IOException {
        List<String> hashes = new ArrayList<>();
        // The village: fulfil by the default method and by the simplex method, min-resource on labour.
        ok(record("economy", village().toString()));
        ok(record("targets", villageTargets().toString(), "--key", councilKey.toString()));
        hashes.add(planHash(ok(plan())));
        hashes.add(planHash(ok(plan("--method", "simplex", "--key", councilKey.toString()))));
        hashes.add(planHash(ok(plan("--objective", "min-resource", "--resource", "labour"))));
        // New village targets, planned again.
        Path t2 = tmp.resolve("village-targets-2.csv");
        Files.writeString(t2, "product,quantity,weight\nbread,60000,2\ntractor,80,\n");
        ok(record("targets", t2.toString(), "--key", councilKey.toString()));
        hashes.add(planHash(ok(plan("--objective", "min-resource", "--resource", "land", "--key", councilKey.toString()))));
        // The UK 2010 table (an IO table as it is), with its final demand as the targets.
        Path uk = CliRun.examples().resolve("uk-ons-2010");
        Path ukTargets = tmp.resolve("uk-targets.csv");
        EconomyFiles.writeTargets(EconomyFiles.read(uk, Progress.NONE).economy(), ukTargets);
        ok(record("economy", uk.toString()));
        ok(record("targets", ukTargets.toString(), "--key", councilKey.toString()));
        hashes.add(planHash(ok(plan("--objective", "min-resource", "--resource", "compensation"))));
        hashes.add(planHash(ok(plan("--objective", "min-resource", "--resource", "compensation", "--method", "simplex"))));
        // Fulfil on the UK table has no scarce resource: unbounded (exit 1), recorded all the same.
        CliRun unbounded = plan("--objective", "fulfil");
        assertEquals(1, unbounded.exit(), unbounded.err());
        hashes.add(planHash(unbounded));
        // A random economy from the generator.
        Path random = tmp.resolve("random");
        ok(CliRun.of("generate", random.toString(), "--products", "400", "--inputs", "6", "--seed", "11"));
        ok(record("economy", random.toString()));
        ok(record("targets", random.resolve("targets.csv").toString(), "--key", councilKey.toString()));
        hashes.add(planHash(ok(plan("--objective", "min-resource", "--resource", "labour"))));

        assertEquals(hashes.size(), hashes.stream().distinct().count(), "different plans, different hashes");
        CliRun v = verify("--replay", "--json");
        assertEquals(0, v.exit(), v.out() + v.err());
        JsonNode doc = json(v);
        assertTrue(doc.get("ok").asBoolean(), doc.toString());
        assertEquals(hashes.size(), doc.get("plansReplayed").asLong());
        assertEquals(size(), doc.get("events").asLong());
        assertEquals(0, doc.get("problems").size());
    }

    @Test
    void showPrintsTheEventWithIndexSignerNameAndRole() throws IOException {
        long[] plans = villageWithTwoPlans();
        JsonNode op = json(ok(show(plans[0])));
        assertEquals(plans[0], op.get("index").asLong());
        assertEquals("test.gosplan.org/replay", op.get("signerName").asText());
        assertEquals("operator", op.get("signerRole").asText());
        assertEquals("plan.computed", op.get("type").asText());
        assertEquals(1, op.get("v").asInt());
        assertTrue(op.get("sig").isTextual());
        assertEquals(plans[0], op.get("body").get("size").asLong());
        List<String> first = new ArrayList<>();
        op.fieldNames().forEachRemaining(first::add);
        assertEquals(List.of("index", "signerName", "signerRole"), first.subList(0, 3));

        JsonNode ent = json(ok(show(plans[1])));
        assertEquals("council-north", ent.get("signerName").asText());
        assertEquals("council", ent.get("signerRole").asText());
        assertEquals(councilVkey.substring(0, councilVkey.indexOf('+', councilVkey.indexOf('+') + 1)), ent.get("signer").asText());

        JsonNode member = json(ok(show(0)));
        assertEquals(0, member.get("index").asLong());
        assertEquals("member.registered", member.get("type").asText());
        assertEquals(councilVkey, member.get("body").get("vkey").asText());
        assertEquals("council", member.get("body").get("role").asText());
    }

    @Test
    void badInputsExitTwoWithAClearMessage() throws IOException {
        long n = size();
        refused(n, record("member", "not-a-key", "--role", "council"), "not-a-key", "verifier key");
        refused(n, record("member", strangerVkey + "x", "--role", "council"), "verifier key");
        refused(n, record("member", strangerVkey, "--role", "king"), "unknown role 'king'", "operator, council");
        Path none = tmp.resolve("no-such.key");
        refused(n, record("member", strangerVkey, "--role", "council", "--key", none.toString()),
                "no-such.key", "key new");
        Path garbage = tmp.resolve("garbage.key");
        Files.writeString(garbage, "hello\n");
        refused(n, record("member", strangerVkey, "--role", "council", "--key", garbage.toString()), "garbage.key");
        CliRun s = show(n + 5);
        refused(n, s, "index " + (n + 5) + " is outside the log", "has " + n + " entries");
        refused(n, show(-1), "outside the log");
        refused(n, CliRun.of(cat("show", at(), "seven")), "seven");
        refused(n, CliRun.of(cat("show", at())), "INDEX");
        // Targets before any economy; a plan before any economy.
        refused(n, record("targets", villageTargets().toString(), "--key", councilKey.toString()), "no economy");
        refused(n, plan(), "no economy");
        Path notJson = tmp.resolve("e.json");
        Files.writeString(notJson, "{\"type\": ");
        refused(n, record("event", notJson.toString()), "not JSON");
        Files.writeString(notJson, "{\"type\": \"plan.computed\", \"body\": {}, \"sig\": \"x\"}");
        refused(n, record("event", notJson.toString()), "unknown field 'sig'");
        Files.writeString(notJson, "{\"type\": \"plan.computed\", \"body\": {\"economy\": 1}}");
        refused(n, record("event", notJson.toString()), "SHA-256");
        refused(n, record("economy", tmp.resolve("missing.economy.json").toString()), "missing.economy.json");
    }

    /** Raw lines would break an event log for good: 'log append' refuses them, and appends nothing. */
    @Test
    void logAppendToAnEventLogIsRefused() throws IOException {
        villageWithTwoPlans();
        long n = size();
        Path lines = tmp.resolve("raw.lines");
        Files.writeString(lines, "alpha\nbeta\n");
        CliRun r = CliRun.of(cat("log", cat(new String[] {"append"}, at()), lines.toString()));
        refused(n, r, "holds signed events", "gosplan record", "nothing appended");
        ok(verify());
    }

    /** A bad entry (put there behind the record's back) is named in Gosplan's words, not the JSON parser's. */
    @Test
    void verifySaysWhatIsWrongWithAnEntryThatIsNotAnEvent() throws IOException {
        villageWithTwoPlans();
        long n = size();
        try (Log log = openLog()) {
            log.append("alpha".getBytes(StandardCharsets.UTF_8));
            log.append("{\"v\":1,\"type\":\"plan.computed\"}".getBytes(StandardCharsets.UTF_8));
        }
        CliRun v = verify();
        assertEquals(1, v.exit(), v.out() + v.err());
        assertTrue(v.out().contains("entry " + n + " is not a signed event: it is not JSON (it begins 'alpha')"),
                v.out());
        assertTrue(v.out().contains("entry " + (n + 1) + " is not a signed event: it has no field 'time'"), v.out());
        assertFalse(v.out().contains("Unrecognized token"), v.out());
        assertFalse(v.out().contains("Source: "), v.out());
    }

    @Test
    void aPlanWithoutAProvenAnswerIsNotRecorded() throws IOException {
        ok(record("economy", village().toString(), "--json"));
        ok(record("targets", villageTargets().toString(), "--key", councilKey.toString()));
        long before = size();
        // harmony's plan is not proven optimal (status limit): no basis for a decision, so nothing is recorded
        CliRun r = plan("--method", "harmony", "--json");
        assertEquals(1, r.exit(), () -> "out: " + r.out() + "\nerr: " + r.err());
        assertTrue(r.noStackTrace(), r.err());
        assertEquals("limit", json(r).get("status").asText());
        assertTrue(r.err().contains("recorded nothing"), r.err());
        assertEquals(before, size(), "a plan without a proven answer must not be appended");
        ok(plan("--json"));
        assertEquals(before + 1, size());
    }
}
