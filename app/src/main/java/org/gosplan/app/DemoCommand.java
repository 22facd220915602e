package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.IoTable;
import org.gosplan.economy.Problem;
import org.gosplan.economy.Source;
import org.gosplan.inspection.Draws;
import org.gosplan.inspection.Inspections;
import org.gosplan.inspection.Reports;
import org.gosplan.inspection.report.Expected;
import org.gosplan.inspection.report.Report;
import org.gosplan.inspection.report.ReportWriter;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.LeontiefSolution;
import org.gosplan.planner.leontief.Multipliers;
import org.gosplan.record.Keys;
import org.gosplan.record.PlanRecords;
import org.gosplan.record.Record;
import org.gosplan.record.Role;
import org.gosplan.record.Unit;
import org.gosplan.record.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole story on bundled data, for a new user's first minute: read the UK 2010 table,
 * compute its gross output and multipliers against what ONS published, plan it, put the inputs
 * and the plan on a signed record, and verify the record by replaying the plan.
 */
@Command(name = "demo", description = {
        "Runs Gosplan's story on the bundled UK 2010 input-output table and prints each step:",
        "validate, Leontief and multipliers, an optimal plan, a signed record, units reporting on the plan (one reports",
        "output it had no inputs for, and reconciliation names it), an inspection of that unit by inspectors drawn by",
        "a lottery seeded by secrets of two councils, a finding and the unit's answer, the councils' vote on proposals",
        "with the plan recomputed on the adopted targets, a verified replay with every tally and draw recomputed, and",
        "two witnesses on loopback that cosign the record's checkpoint and refuse a forked copy of the log.",
        "Writes its files under --out (default ./demo-data, replaced on each run).",
        "",
        "With --json, the story goes to standard error and standard output is one JSON document: {\"out\", \"record\",",
        "\"verified\", \"events\", \"plansReplayed\", \"tallies\", \"draws\", \"witnesses\", \"problems\", \"planHash\",",
        "\"seconds\", \"steps\": [{\"step\", \"title\", \"commands\": [{\"command\", \"entry\"}]}], \"next\": [{\"command\",",
        "\"what\"}]}."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "where to write the demo's files (default demo-data)")
    Path out = Paths.get("demo-data");

    @Option(names = "--json", description = "print what the demo did as one JSON document; the story goes to standard error")
    boolean json;

    /** Where the story is told: standard output, or standard error under --json. */
    private PrintStream o = System.out;
    private final ArrayNode steps = Json.MAPPER.createArrayNode();
    private final ArrayNode nextCommands = Json.MAPPER.createArrayNode();

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        o = json ? System.err : System.out;
        Path uk = shown(examples().resolve("uk-ons-2010"));
        clean(out);
        Files.createDirectories(out);

        step(1, "Read and check the UK 2010 input-output table (ONS, 127 products)", "gosplan validate " + uk);
        Source s = EconomyFiles.read(uk, new StderrProgress(System.err));
        Economy e = s.economy();
        IoTable t = s.table();
        o.printf("   valid: %d products, %d techniques, %,d coefficients, %d warnings (negative taxes, stock draws)%n",
                e.products(), e.techniques(), e.nonzeros(), s.warnings().size());

        step(2, "Gross output x solving (I - A) x = y, against the published x", "gosplan leontief " + uk);
        Leontief l = Leontief.of(t);
        LeontiefSolution x = l.solve(t.finalDemand());
        double worst = 0;
        for (int i = 0; i < t.sectors(); i++) {
            worst = Math.max(worst, Math.abs(x.x()[i] - t.output(i)) / Math.max(1, Math.abs(t.output(i))));
        }
        o.printf("   solved by %s in %d iterations, residual %.1e; largest relative difference from ONS's x: %.1e%n",
                x.method().name().toLowerCase(java.util.Locale.ROOT), x.iterations(), x.residual(), worst);

        step(3, "Multipliers: what each product costs in all inputs, direct and indirect", "gosplan multipliers " + uk);
        Multipliers m = Multipliers.of(t, LeontiefOptions.DEFAULT);
        int comp = indexOf(m, "compensation");
        double[] om = m.output();
        int[] top = IntStream.range(0, om.length).boxed().sorted(Comparator.comparingDouble(i -> -om[i]))
                .limit(3).mapToInt(Integer::intValue).toArray();
        for (int i : top) {
            o.printf("   %s: output multiplier %.4f, employment cost per GBP of output %.4f%n",
                    t.label(i) == null ? t.sector(i) : t.sector(i) + " (" + t.label(i) + ")", om[i], m.total(comp)[i]);
        }

        step(4, "The plan: least employment cost that meets final demand (Kantorovich's valuations)",
                "gosplan plan " + uk + " --objective min-resource --resource compensation");
        PlanOptions options = PlanOptions.minResource("compensation");
        Plan plan = org.gosplan.planner.Planner.plan(e, options);
        double dv = 0;
        int rc = e.resourceIndex("compensation");
        for (int p = 0; p < e.products(); p++) {
            dv = Math.max(dv, Math.abs(plan.valuation(p) - m.total(comp)[t.sectorIndex(e.productId(p))]));
        }
        o.printf("   %s by %s: employment cost %,.0f GBP million (%,.0f used); valuations equal the labour values"
                        + " of step 3 to %.1e%n", plan.status().id(), plan.solver().method(), plan.value(),
                plan.resourceUse(rc), dv);

        step(5, "Put it on the record: a signed, append-only Merkle log that anyone can replay", null);
        Path dir = out.resolve("record");
        Path councilKey = out.resolve("council.key");
        NoteSigner council = Keys.generate("council-demo");
        Keys.write(council, councilKey);
        Path targets = out.resolve("targets.csv");
        EconomyFiles.writeTargets(e, targets);
        long planIndex;
        String planHash;
        long[] inspection;
        Log log = Log.init(dir, "demo.gosplan.org/uk-2010", null);
        try (Record r = Record.open(log)) {
            cmd("gosplan log init " + dir + " --origin demo.gosplan.org/uk-2010");
            cmd("gosplan key new " + councilKey + " --name council-demo");
            long i = r.registerMember(council.verifier(), Role.COUNCIL, java.util.List.of("uk"), java.util.Map.of(),
                    log.signingKey());
            cmd("gosplan record " + dir + " member " + council.verifier() + " --role council --council uk", i);
            Record.Recorded ec = r.publishEconomy(uk, log.signingKey(), org.gosplan.economy.Progress.NONE);
            cmd("gosplan record " + dir + " economy " + uk, ec.index());
            Record.Recorded tg = r.setTargets(targets, council);
            cmd("gosplan record " + dir + " targets " + targets + " --key " + councilKey, tg.index());
            PlanRecords.Recorded pr = PlanRecords.computeAndRecord(r, options, log.signingKey());
            cmd("gosplan plan --record " + dir + " --objective min-resource --resource compensation", pr.index());
            o.println("   plan hash " + pr.hash());
            planHash = pr.hash();
            planIndex = pr.index();

            step(6, "The inspectorate: units report on the plan, reconciliation finds output on paper, and"
                    + " inspectors drawn by a lottery nobody can steer inspect the unit", null);
            Reports.Reconciled found = inspect(r, e, pr.plan(), pr.hash(), log.signingKey(), dir);
            inspection = inspection(r, found, council, councilKey, log.signingKey(), dir);
        }

        step(7, "The councils decide: proposals and their cost, a ballot, votes, the tally adopted, the plan redone",
                null);
        long tallyIndex = councils(dir, targets, council, councilKey, options, plan.resourceUse(rc));
        planIndex = tallyIndex + 1;

        step(8, "Verify the record: every hash, signature and role, replay every plan, recount every tally",
                "gosplan verify " + dir + " --replay");
        Verification v;
        java.util.List<String> logProblems = RecordAccess.verifyLog(dir, null);
        long[] draws = {0};
        java.util.List<String> drawProblems;
        try (Record r = RecordAccess.open(dir, null)) {
            v = r.verify(PlanRecords.replayer(), org.gosplan.council.ballot.Tallies.recounter());
            drawProblems = Draws.verify(r, draws);
        }
        boolean ok = v.ok() && logProblems.isEmpty() && drawProblems.isEmpty();
        o.printf("   %s: %d events, %d plans replayed to the same hash, %d tally recounted to the same result,"
                        + " %d draw recomputed to the same panel%n",
                ok ? "verified" : "VERIFICATION FAILED", v.events(), v.plansReplayed(), v.tallies(), draws[0]);
        for (String p : drawProblems) {
            o.println("   FAIL " + p);
        }
        for (String p : logProblems) {
            o.println("   FAIL " + p);
        }
        for (String p : v.problems()) {
            o.println("   FAIL " + p);
        }

        step(9, "Witnesses: two independent parties cosign the checkpoint, and refuse a forked copy of the log", null);
        DemoWitnesses.Shown w = new DemoWitnesses(o, out).run(dir);
        ok &= w.ok();

        o.println();
        // every command below runs as printed from the folder the demo ran in (DemoCommandTest runs them)
        String g = launcher();
        o.printf("Done in %s. Look next at:%n", Durations.format(Durations.since(start)));
        next(g + " show " + dir + " " + planIndex, "the plan event as recorded");
        next(g + " show " + dir + " " + planIndex + " --content", "the plan itself, as stored under its hash");
        next(g + " tally " + dir + " " + (tallyIndex - 5), "the councils' ballot counted again from the log");
        next(g + " draw " + dir + " " + inspection[0], "the inspection's lottery drawn again from the log");
        next(g + " show " + dir + " " + inspection[1], "the drawn inspector's finding on the record");
        next(g + " log checkpoint " + dir, "the signed tree head, with both witnesses' cosignatures");
        next(g + " checkpoint verify " + w.checkpoint() + " --policy " + w.policy(),
                "the 2-of-2 policy, checked again");
        next(g + " witness evidence --state " + w.witnessState(),
                "the split view: both checkpoints in full (exit 1: one was caught)");
        next(g + " plan " + shown(examples().resolve("village.economy.json")),
                "technique choice, capacities, two scarce resources");
        next(g + " help", "every command; README.md has a tour");
        if (json) {
            ObjectNode d = Json.object().put("out", shown(out).toString()).put("record", shown(dir).toString())
                    .put("verified", ok).put("events", v.events()).put("plansReplayed", v.plansReplayed())
                    .put("tallies", v.tallies()).put("draws", draws[0]).put("witnesses", w.ok());
            ArrayNode problems = d.putArray("problems");
            drawProblems.forEach(problems::add);
            logProblems.forEach(problems::add);
            v.problems().forEach(problems::add);
            d.put("planHash", planHash).put("seconds", Durations.since(start));
            d.set("steps", steps);
            d.set("next", nextCommands);
            Json.print(System.out, d);
        }
        return ok ? ExitCode.OK : ExitCode.NEGATIVE;
    }

    /**
     * Step 6: two citizens and the council, members of the council 'uk', vote by approval (two
     * seats, adopted) on three proposals: the published final demand, more public health care and
     * more rail. Returns the tally's index; the plan on the adopted targets follows it.
     */
    private long councils(Path dir, Path base, NoteSigner council, Path councilKey, PlanOptions options,
                          double employment) throws IOException {
        Path health = out.resolve("health.csv");
        Files.writeString(health, "product,quantity,weight\nNM_86,5000,1\n");
        Path rail = out.resolve("rail.csv");
        Files.writeString(rail, "product,quantity,weight\n49-1-2,2000,1\n");
        String key = " --key " + councilKey;
        try (Record r = RecordAccess.open(dir, null)) {
            NoteSigner root = r.log().signingKey();
            NoteSigner[] citizens = new NoteSigner[2];
            String[] names = {"ana", "ben"};
            for (int c = 0; c < 2; c++) {
                citizens[c] = Keys.generate(names[c]);
                Keys.write(citizens[c], out.resolve(names[c] + ".key"));
                long i = r.registerMember(citizens[c].verifier(), Role.CITIZEN, java.util.List.of("uk"),
                        java.util.Map.of(), root);
                cmd("gosplan record " + dir + " member " + citizens[c].verifier() + " --role citizen --council uk", i);
            }
            long[] p = new long[3];
            Path[] files = {base, health, rail};
            String[] titles = {"The final demand of 2010", "More public health care", "More rail"};
            for (int k = 0; k < 3; k++) {
                NoteSigner by = k == 0 ? council : citizens[k - 1];
                p[k] = org.gosplan.council.proposal.Proposals.make(r, files[k], titles[k], by).index();
                cmd("gosplan record " + dir + " proposal " + files[k] + " --title '" + titles[k] + "' --key "
                        + out.resolve(k == 0 ? "council.key" : names[k - 1] + ".key"), p[k]);
            }
            cmd("gosplan cost " + dir + " " + p[1]);
            var cost = org.gosplan.council.proposal.Costs.of(r, p[1], LeontiefOptions.DEFAULT);
            int rc = cost.economy().resourceIndex("compensation");
            o.printf("   GBP 5,000 million more health care needs GBP %,.0f million of employment, direct and"
                    + " indirect (%.2f%% of the plan's)%n", cost.resources()[rc], 100 * cost.resources()[rc] / employment);
            long ballot = org.gosplan.council.ballot.Ballots.open(r, new org.gosplan.council.ballot.Opening(
                    "The targets of next year", "approval", java.util.List.of(p[0], p[1], p[2]), java.util.List.of(), 2,
                    null, 0, "council:uk", true), council);
            cmd("gosplan record " + dir + " ballot --title 'The targets of next year' --method approval --proposals "
                    + p[0] + "," + p[1] + "," + p[2] + " --seats 2 --electorate council:uk --adopt" + key, ballot);
            String[] votes = {p[0] + "," + p[1], p[0] + "," + p[2], p[0] + "," + p[1] + "," + p[2]};
            NoteSigner[] voters = {citizens[0], citizens[1], council};
            String[] voterKeys = {"ana.key", "ben.key", "council.key"};
            for (int k = 0; k < 3; k++) {
                long i = org.gosplan.council.ballot.Ballots.vote(r, ballot, votes[k], null, voters[k]);
                cmd("gosplan vote " + dir + " " + ballot + " --approve " + votes[k] + " --key "
                        + out.resolve(voterKeys[k]), i);
            }
            long closed = org.gosplan.council.ballot.Ballots.close(r, ballot, council);
            cmd("gosplan record " + dir + " close " + ballot + key, closed);
            var tally = org.gosplan.council.ballot.Tallies.record(r, ballot, council);
            cmd("gosplan record " + dir + " tally " + ballot + key, tally.index());
            o.println("   approvals " + tally.json().get("counts") + "; winners " + tally.json().get("winners")
                    + (tally.counted().tally().ties().isEmpty() ? "" : "; " + tally.counted().tally().ties().get(0)));
            PlanRecords.Recorded pr = PlanRecords.computeAndRecord(r, options, root);
            cmd("gosplan plan --record " + dir + " --objective min-resource --resource compensation", pr.index());
            o.println("   the plan on the adopted targets (the final demand and more health care): hash " + pr.hash());
            return tally.index();
        }
    }

    /**
     * Three units report on the plan: the largest technique, the technique using most of its product,
     * and the rest of the economy. The second reports a quarter more output than its inputs allow.
     */
    private Reports.Reconciled inspect(Record r, Economy e, Plan plan, String planHash, NoteSigner operator,
                                       Path dir) throws IOException {
        double[] z = plan.levels();
        int big = 0;
        for (int t = 1; t < z.length; t++) {
            big = z[t] > z[big] ? t : big;
        }
        int made = e.outputs().rowIndexes()[e.outputs().columnStarts()[big]];
        int user = -1;
        double most = 0;
        for (int t = 0; t < e.techniques(); t++) {
            double use = t == big ? 0 : e.productInputs().get(made, t) * z[t];
            if (use > most) {
                most = use;
                user = t;
            }
        }
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (int t = 0; t < e.techniques(); t++) {
            if (t != big && t != user) {
                rest.add(e.techniqueId(t));
            }
        }
        java.util.List<Unit> units = java.util.List.of(
                new Unit("works-1", java.util.List.of(e.techniqueId(big)), java.util.Map.of(), -1),
                new Unit("works-2", java.util.List.of(e.techniqueId(user)), java.util.Map.of(), -1),
                new Unit("rest-of-economy", rest, java.util.Map.of(), -1));
        Path reports = out.resolve("reports");
        Files.createDirectories(reports);
        java.util.List<Report> expected = Expected.reports(e, z, units, planHash, "2027-Q1");
        java.util.List<NoteSigner> keys = new java.util.ArrayList<>();
        for (Unit unit : units) {
            long at = Reports.registerUnit(r, unit.id(), unit.techniques(), java.util.Map.of(), operator);
            cmd("gosplan record " + dir + " unit " + unit.id() + " --techniques " + (unit.techniques().size() > 2
                    ? unit.techniques().get(0) + ",...(" + unit.techniques().size() + ")"
                    : String.join(",", unit.techniques())), at);
            NoteSigner key = Keys.generate(unit.id());
            Keys.write(key, out.resolve(unit.id() + ".key"));
            keys.add(key);
            at = r.registerMember(key.verifier(), Role.ENTERPRISE, java.util.List.of(),
                    java.util.Map.of("unit", unit.id()), operator);
            cmd("gosplan record " + dir + " member " + key.verifier() + " --role enterprise --attr unit="
                    + unit.id(), at);
        }
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            NoteSigner key = keys.get(u);
            Path keyFile = out.resolve(unit.id() + ".key");
            Report report = expected.get(u);
            if (u == 1) {
                // a quarter more output than its inputs allow: levels and labour up, receipts as they were
                java.util.Map<String, Double> levels = new java.util.LinkedHashMap<>();
                report.levels().forEach((t, v) -> levels.put(t, 1.25 * v));
                java.util.Map<String, Double> used = new java.util.LinkedHashMap<>();
                report.resources().forEach((x, v) -> used.put(x, 1.25 * v));
                report = new Report(report.unit(), report.plan(), report.period(), levels, report.delivered(),
                        report.received(), used);
            }
            Path file = reports.resolve(unit.id() + ".json");
            ReportWriter.write(report, file);
            Reports.Recorded rec = Reports.record(r, file, key);
            cmd("gosplan record " + dir + " report " + file + " --key " + keyFile, rec.index());
        }
        o.printf("   units: works-1 runs %s, works-2 runs %s (the largest user of its product), rest-of-economy the"
                + " other %d; works-2 reports 25%% more output from the same inputs%n", e.techniqueId(big),
                e.techniqueId(user), rest.size());
        cmd("gosplan reconcile " + dir);
        Reports.Reconciled c = Reports.reconcile(r, planHash, "2027-Q1", 1e-6);
        java.util.Map<String, int[]> kinds = new java.util.TreeMap<>(); // kind -> {findings, naming works-2}
        for (org.gosplan.inspection.reconcile.Finding f : c.result().findings()) {
            int[] n = kinds.computeIfAbsent(f.kind().id(), k -> new int[2]);
            n[0]++;
            n[1] += f.units().contains("works-2") ? 1 : 0;
        }
        StringBuilder b = new StringBuilder();
        kinds.forEach((k, n) -> b.append(b.length() == 0 ? "" : ", ").append(n[0]).append(' ').append(k)
                .append(" (").append(n[1]).append(" naming works-2)"));
        o.printf("   %d findings: %s; the under-fulfilled products are the inputs works-2 says it used. The largest"
                + " naming works-2:%n", c.result().findings().size(), b);
        int shown = 0;
        for (org.gosplan.inspection.reconcile.Finding f : c.result().findings()) {
            if (f.units().contains("works-2") && shown++ < 2) {
                o.println("     " + f.kind().id() + ": " + f.message());
            }
        }
        return c;
    }

    /**
     * The council orders an inspection of works-2 by two inspectors, a man and a woman, none of works-2;
     * the councils 'uk' and 'regions' commit secrets before drawAt and reveal them after; the panel is
     * drawn and recorded, a drawn inspector files a finding and works-2 answers. Returns the indexes of
     * the inspection and of the finding.
     */
    private long[] inspection(Record r, Reports.Reconciled found, NoteSigner council, Path councilKey,
                              NoteSigner operator, Path dir) throws IOException {
        String[][] inspectors = {{"vera", "unit=works-2", "f"}, {"ines", "unit=rest-of-economy", "f"},
            {"olga", "unit=works-1", "f"}, {"rosa", "unit=rest-of-economy", "f"}, {"ivan", "unit=works-1", "m"},
            {"karl", "unit=rest-of-economy", "m"}};
        java.util.Map<String, NoteSigner> bySigner = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (String[] i : inspectors) {
            NoteSigner key = Keys.generate(i[0]);
            Keys.write(key, out.resolve(i[0] + ".key"));
            String[] unit = i[1].split("=");
            long at = r.registerMember(key.verifier(), Role.INSPECTOR, java.util.List.of(),
                    java.util.Map.of(unit[0], unit[1], "gender", i[2]), operator);
            cmd("gosplan record " + dir + " member " + key.verifier() + " --role inspector --attr " + i[1]
                    + " --attr gender=" + i[2], at);
            bySigner.put(Keys.signerName(key.verifier()), key);
            names.put(Keys.signerName(key.verifier()), i[0]);
        }
        NoteSigner regions = Keys.generate("council-regions");
        Path regionsKey = out.resolve("council-regions.key");
        Keys.write(regions, regionsKey);
        long at = r.registerMember(regions.verifier(), Role.COUNCIL, java.util.List.of("regions"), java.util.Map.of(),
                operator);
        cmd("gosplan record " + dir + " member " + regions.verifier() + " --role council --council regions", at);
        Path quotas = out.resolve("quotas.csv");
        Files.writeString(quotas, "attr,value,min,max\ngender,f,1,1\ngender,m,1,1\n");
        // drawAt past the two commitments: the seed's root is of a tree nobody could know when it was ordered
        long drawAt = r.log().size() + 3;
        long ordered = Inspections.order(r, "works-2", 2, quotas, java.util.List.of(), drawAt, council);
        cmd("gosplan record " + dir + " inspection --unit works-2 --panel 2 --quotas " + quotas + " --draw-at "
                + drawAt + " --key " + councilKey, ordered);
        java.security.SecureRandom random = new java.security.SecureRandom();
        NoteSigner[] committers = {council, regions};
        Path[] committerKeys = {councilKey, regionsKey};
        String[] secrets = new String[2];
        for (int k = 0; k < 2; k++) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            secrets[k] = java.util.HexFormat.of().formatHex(secret);
            String hash = org.gosplan.record.Canonical.sha256(secret);
            long i = Inspections.commit(r, ordered, hash, committers[k]);
            cmd("gosplan record " + dir + " commit --inspection " + ordered + " --hash " + hash + " --key "
                    + committerKeys[k], i);
        }
        for (int k = 0; k < 2; k++) {
            long i = Inspections.reveal(r, ordered, secrets[k], committers[k]);
            cmd("gosplan record " + dir + " reveal --inspection " + ordered + " --secret " + secrets[k] + " --key "
                    + committerKeys[k], i);
        }
        cmd("gosplan draw " + dir + " " + ordered);
        Draws.Draw d = Draws.compute(r, ordered, r.log().size());
        org.gosplan.inspection.lottery.Selection s = d.selection();
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            p.append(i == 0 ? "" : ", ").append(names.get(s.id(i)))
                    .append(String.format(java.util.Locale.ROOT, " %.4f", s.probability(i)));
        }
        o.printf("   pool of %d (vera works at works-2): %s; one man and one woman on every one of %d panels%n",
                s.size(), p, s.panels());
        o.printf("   seed = SHA-256(root at %d %s... || %d secrets in log order || index %d) = %s...: panel %d: %s%n",
                drawAt, r.log().root(drawAt).substring(0, 12), d.secrets(), ordered, d.seedHex().substring(0, 16),
                s.index(d.seed()), d.panel().stream().map(names::get).toList());
        long drawn = Draws.record(r, ordered, council);
        cmd("gosplan record " + dir + " draw " + ordered + " --key " + councilKey, drawn);
        String drawnName = names.get(d.panel().get(0));
        NoteSigner inspector = bySigner.get(d.panel().get(0));
        com.fasterxml.jackson.databind.node.ObjectNode finding = Json.object();
        finding.put("format", Inspections.FINDING_FORMAT);
        finding.put("summary", "works-2 reported a quarter more output than the inputs it received could make;"
                + " its stores hold no such stock");
        com.fasterxml.jackson.databind.node.ArrayNode list = finding.putArray("findings");
        for (org.gosplan.inspection.reconcile.Finding f : found.result().findings()) {
            if (f.units().contains("works-2") && list.size() < 3) {
                list.add(f.kind().id() + ": " + f.message());
            }
        }
        finding.put("verdict", "fraud");
        Path findingFile = out.resolve("finding.json");
        Files.writeString(findingFile, finding.toPrettyString() + "\n");
        Inspections.Filed filed = Inspections.file(r, findingFile, ordered, inspector);
        cmd("gosplan record " + dir + " finding " + findingFile + " --inspection " + ordered + " --key "
                + out.resolve(drawnName + ".key"), filed.index());
        Path answerFile = out.resolve("answer.json");
        Files.writeString(answerFile, "{\"format\": \"" + Inspections.ANSWER_FORMAT + "\", \"summary\": \"The"
                + " levels were reported from the plan, not the shop floor; a corrected report follows.\"}\n");
        NoteSigner unitKey = Keys.read(out.resolve("works-2.key"));
        Inspections.Filed answered = Inspections.answer(r, answerFile, filed.index(), unitKey);
        cmd("gosplan record " + dir + " answer " + answerFile + " --finding " + filed.index() + " --key "
                + out.resolve("works-2.key"), answered.index());
        o.printf("   %s, drawn, finds fraud; works-2 answers%n", drawnName);
        return new long[] {ordered, filed.index()};
    }

    private void step(int n, String title, String command) {
        o.println();
        o.println("== " + n + ". " + title);
        ObjectNode st = steps.addObject().put("step", n).put("title", title);
        st.putArray("commands");
        if (command != null) {
            cmd(command);
        }
    }

    private void cmd(String command) {
        o.println("   $ " + launched(command));
        commands().addObject().put("command", launched(command));
    }

    private void cmd(String command, long index) {
        o.println("   $ " + launched(command) + "   -> entry " + index);
        commands().addObject().put("command", launched(command)).put("entry", index);
    }

    /** The commands of the step being told. */
    private ArrayNode commands() {
        return (ArrayNode) steps.get(steps.size() - 1).get("commands");
    }

    private void next(String command, String what) {
        o.printf("  %-60s  %s%n", command, what);
        nextCommands.addObject().put("command", command).put("what", what);
    }

    private static String launched(String command) {
        return command.startsWith("gosplan ") ? launcher() + command.substring("gosplan".length()) : command;
    }

    /**
     * How to run gosplan from the working directory: the launcher beside the examples (./gosplan
     * from the repository's root), or plain 'gosplan' when run without the launcher.
     */
    static String launcher() {
        String home = System.getProperty("gosplan.home");
        if (home == null) {
            return "gosplan";
        }
        String p = shown(Paths.get(home, "gosplan")).toString();
        return p.contains("/") ? p : "./" + p;
    }

    /** A path as a user types it here: relative to the working directory when it lies below it, else absolute. */
    static Path shown(Path p) {
        Path cwd = Paths.get("").toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs) : abs;
    }

    private static int indexOf(Multipliers m, String factor) {
        for (int f = 0; f < m.factors(); f++) {
            if (m.factor(f).equals(factor)) {
                return f;
            }
        }
        throw new IllegalStateException("no factor " + factor);
    }

    /** Removes an earlier demo's files: only a folder that holds exactly what a demo writes. */
    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isRegularFile(dir.resolve("council.key")) && Files.list(dir).findAny().isPresent()) {
            throw new UsageException(dir + " exists and is not an earlier demo's folder; choose another --out");
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** The bundled examples folder: beside the launcher, else relative to the working directory. */
    static Path examples() {
        String home = System.getProperty("gosplan.home");
        Path p = home != null ? Paths.get(home, "examples") : Paths.get("examples");
        if (!Files.isDirectory(p)) {
            throw new UsageException("cannot find the bundled examples at " + p
                    + "; run gosplan from its repository (the ./gosplan launcher sets this up)");
        }
        return p;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
