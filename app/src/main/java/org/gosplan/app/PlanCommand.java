package org.gosplan.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gosplan.economy.Problem;
import org.gosplan.economy.Economy;
import org.gosplan.planner.Certificate;
import org.gosplan.planner.Diagnosis;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStage;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan", description = {
        "Computes the optimal plan (Kantorovich): technique levels that meet the targets as fully as resources allow,",
        "with the valuations (shadow prices) of products and resources and a certificate of optimality.",
        "",
        "fulfil (default): maximise λ such that net output >= λ * target for every product (>= 0 untargeted),",
        "  resources within 'available', levels within 'capacity'.",
        "min-resource: minimise the use of --resource while meeting every target.",
        "Among the plans optimal for that, the one that uses least of the resources: with the objective held at",
        "its optimum, the least sum over limited resources of use / available, then over unlimited ones of use",
        "(docs/least-use.md; --no-least-use publishes the first optimum found).",
        "",
        "Methods: auto (policy iteration where one scarce resource and single outputs allow it, exact at any",
        "size; else the simplex method for small problems, PDLP for large ones), exact (policy iteration or",
        "simplex), policy, simplex, pdlp (first-order, reports its gap), harmony (Cockshott's heuristic).",
        "",
        "An economy with republics, foreign trade or years (docs/republics-trade-years.md) is planned fulfil, leximin:",
        "the smallest λ over years and republics maximised, then the next; every republic also planned alone.",
        "--at-least-alone plans the republics alone first and holds each at least at its λ alone in the union.",
        "min-resource (every target met, the least use over the years), the least-use stages, --csv and",
        "--export-mps apply to it too; one year of one republic without trade goes to the one-year planner.",
        "",
        "Exit 0 with a plan proven optimal to --tolerance; 1 when the plan is infeasible (with a diagnosis)",
        "or unbounded, or has no proven answer (status limit: the plan, if any, is still printed, and what to",
        "try goes to standard error; --record then records nothing); 2 on bad input."})
final class PlanCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ECONOMY", arity = "0..1",
            description = "economy JSON file, economy folder or IO-table folder (not with --record)")
    Path path;

    @Option(names = "--record", paramLabel = "DIR", description = {
            "plan the latest economy and targets recorded in the log DIR, and record the plan as a",
            "plan.computed event that 'gosplan verify --replay' can recompute"})
    Path record;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "with --record: a log kept in PostgreSQL instead of DIR")
    String db;

    @Option(names = "--key", paramLabel = "KEY", description = "with --record: the private key that signs (default: the log's own)")
    Path key;

    @Option(names = "--objective", paramLabel = "fulfil|min-resource", defaultValue = "fulfil",
            description = "what to optimise (default: ${DEFAULT-VALUE})")
    String objective;

    @Option(names = "--resource", paramLabel = "ID", description = "the resource min-resource minimises (default: the first)")
    String resource;

    @Option(names = "--method", paramLabel = "auto|exact|policy|simplex|pdlp|harmony", defaultValue = "auto",
            description = "how to compute the plan (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--tolerance", paramLabel = "EPS", defaultValue = "1e-7",
            description = "optimal when primal and dual infeasibility and relative gap are at most this (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "0",
            description = "time limit for PDLP and harmony, 0 for none")
    double timeLimit;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "threads for PDLP (default 0: 1 below 100,000 techniques, 2 from there); the same count "
                    + "gives the same plan bit for bit, on any machine, unless --time-limit stops it")
    int threads;

    @Option(names = "--no-least-use", description = {
            "publish the first optimum the method finds, without the stages that then plan the least use of the",
            "resources with the objective held (for benchmarking; the default plans them: no idle resource is",
            "spent on surplus that nobody asked for)"})
    boolean noLeastUse;

    @Option(names = "--at-least-alone", description = {
            "with republics: plan every republic alone first, then the union's leximin with each republic's λ at",
            "least its λ alone (no republic worse off than alone; the default is the plain leximin)"})
    boolean atLeastAlone;

    @Option(names = "--export-mps", paramLabel = "FILE", description = "also write the LP in free MPS format to FILE")
    Path mps;

    @Option(names = "--csv", paramLabel = "FILE", description = {
            "also write a tidy CSV for spreadsheets: kind,id,label,quantity,value with technique levels, net",
            "output, valuations, resource use and prices (docs/csv-export.md)"})
    Path csv;

    @Option(names = "--republic", paramLabel = "ID", description = {
            "plan only this republic of an economy with republics, as if it left the union: its own techniques,",
            "resources, targets and trade, no transport"})
    String republic;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--spark", paramLabel = "MASTER", description = {
            "plan on Apache Spark: local[N] or a cluster's master URL; policy iteration with every step a",
            "distributed solve, where the non-substitution theorem applies (spark.md). The gosplan launcher adds Spark"})
    String spark;

    @Override
    public Integer call() throws java.io.IOException {
        PlanOptions options = new PlanOptions(PlanObjective.of(objective), resource, PlanMethod.of(method), tolerance,
                timeLimit, threads, !noLeastUse, atLeastAlone);
        String master = SparkBridge.master(spark);
        if (master != null && (record != null || db != null || mps != null || republic != null)) {
            throw new UsageException("--spark plans an ECONOMY file or folder; leave out --record, --db, --export-mps"
                    + " and --republic");
        }
        if (record != null || db != null) {
            return planOnTheRecord(options);
        }
        if (path == null) {
            throw new UsageException("give the ECONOMY to plan, or --record DIR to plan what a log holds");
        }
        if (key != null) {
            throw new UsageException("--key signs a recorded plan: use it with --record DIR");
        }
        Economy read = Inputs.readWarning(path, System.err, Problem.Concern.READING, Problem.Concern.PLANNING)
                .economy();
        // one year of one republic without trade: the one-year planner's plan and methods, exactly
        Economy plain = republic == null ? org.gosplan.planner.extended.OneYearEconomy.of(read) : null;
        boolean extended = org.gosplan.planner.extended.ExtendedPlanner.applies(read) && plain == null;
        if (master != null) {
            if (extended) {
                throw new UsageException(path + " has republics, trade or years: plan it without --spark");
            }
            Economy oneYear = plain != null ? plain : read;
            Plan plan = StderrProgress.during(System.err, "planning on Spark (" + master + ")",
                    progress -> SparkBridge.plan(master, oneYear, options));
            print(plan);
            return exitCode(plan, options);
        }
        if (extended) {
            return ExtendedPlanOutput.plan(read, options, json, mps, csv, republic);
        }
        if (plain != null && plain != read) {
            System.err.println("gosplan: one year, one republic, no trade or capital needs: planned as a one-year"
                    + " economy (docs/republics-trade-years.md)");
        }
        Economy e = plain != null ? plain : read;
        if (republic != null) {
            throw new UsageException("--republic names a republic, but " + path + " has none (formats.md section 5)");
        }
        if (mps != null) {
            Planner.exportMps(e, options, mps);
            System.err.println("wrote the LP to " + mps);
        }
        Plan plan = StderrProgress.during(System.err, null, progress -> Planner.plan(e, options, progress));
        print(plan);
        return exitCode(plan, options);
    }

    /** 1 for infeasible, unbounded and limit (no proven answer: what to try goes to standard error), else 0. */
    static int exitCode(Plan plan, PlanOptions options) {
        if (plan.status() == PlanStatus.LIMIT) {
            System.err.println("gosplan: " + org.gosplan.planner.LimitAdvice.of(plan, options));
        }
        return plan.status() == PlanStatus.OPTIMAL ? ExitCode.OK : ExitCode.NEGATIVE;
    }

    private int planOnTheRecord(PlanOptions options) throws java.io.IOException {
        if (path != null) {
            throw new UsageException("with --record the economy and targets come from the log; leave out ECONOMY ("
                    + path + ")");
        }
        if (mps != null) {
            throw new UsageException("--export-mps works on an ECONOMY file, not with --record");
        }
        try (org.gosplan.record.Record r = RecordAccess.open(record, db)) {
            org.gosplan.ledger.NoteSigner signer = key == null ? r.log().signingKey() : org.gosplan.record.Keys.read(key);
            org.gosplan.record.PlanRecords.Latest latest = org.gosplan.record.PlanRecords.latest(r);
            if (latest.hasParts()) {
                return planPartsOnTheRecord(r, latest, options, signer);
            }
            org.gosplan.record.PlanRecords.Recorded rec = org.gosplan.record.PlanRecords.computeAndRecord(r, latest,
                    options, signer);
            if (rec.recorded()) {
                System.err.printf("recorded plan.computed at index %d, plan hash %s%n", rec.index(), rec.hash());
            } else {
                System.err.println("gosplan: recorded nothing: a plan without a proven answer (status limit) is not"
                        + " recorded");
            }
            Plan plan = rec.plan();
            print(plan);
            return exitCode(plan, options);
        }
    }

    /** An economy with republics, trade or years on the record: planned within the trade licences recorded. */
    private int planPartsOnTheRecord(org.gosplan.record.Record r, org.gosplan.record.PlanRecords.Latest latest,
                                     PlanOptions options, org.gosplan.ledger.NoteSigner signer)
            throws java.io.IOException {
        if (republic != null) {
            throw new UsageException("--republic is not for plans on the record of an economy with republics, trade"
                    + " or years: the union plan is recorded");
        }
        org.gosplan.record.PartPlans.Recorded rec = org.gosplan.record.PartPlans.computeAndRecord(r, latest, options,
                signer);
        if (rec.recorded()) {
            System.err.printf("recorded plan.computed at index %d, plan hash %s, within %d trade licence%s%n",
                    rec.index(), rec.hash(), rec.licences().size(), rec.licences().size() == 1 ? "" : "s");
        } else {
            System.err.println("gosplan: recorded nothing: a plan without a proven answer (status limit) is not"
                    + " recorded");
        }
        return ExtendedPlanOutput.show(rec.plan(), json, null, csv);
    }

    /** The plan on standard output (JSON with the products' labels, or readable), and in the --csv file. */
    private void print(Plan plan) throws java.io.IOException {
        Labels labels = Labels.of(plan.economy());
        if (csv != null) {
            CsvExports.plan(csv, plan, labels);
        }
        if (json) {
            Map<String, Object> doc = new java.util.LinkedHashMap<>(plan.toMap());
            doc.put("labels", labels.asMap());
            Json.print(System.out, doc);
        } else {
            printReadable(plan);
        }
    }

    private static final int SHOW = 15;

    static void printReadable(Plan p) {
        Economy e = p.economy();
        var out = System.out;
        String obj = p.objective() == PlanObjective.FULFIL ? "fulfil"
                : "min-resource " + e.resourceId(p.costResource());
        out.printf("plan: %s (%s) for %s%n", p.status().id(), obj, e.name().isEmpty() ? "the economy" : e.name());
        // OR-Tools' solvers do not report their iterations (0): no count is shown rather than a wrong one
        long iterations = p.solver().iterations();
        out.printf("  solver      %s, %s%s%s%n", p.solver().method(), Durations.format(p.solver().seconds()),
                iterations > 0 ? ", " + iterations + (iterations == 1 ? " iteration" : " iterations") : "",
                p.solver().deterministic() ? "" : " (not bit-for-bit reproducible)");
        if (p.solver().note() != null) {
            out.printf("  note        %s%n", p.solver().note());
        }
        Diagnosis d = p.diagnosis();
        if (!p.hasSolution()) {
            if (d != null) {
                out.println();
                out.println(d.summary());
                for (String line : d.explanation()) {
                    out.println("  " + line);
                }
            }
            return;
        }
        if (p.objective() == PlanObjective.FULFIL) {
            out.printf("  value       λ = %s: %s%n", num(p.value()), fulfilment(p.value()));
        } else {
            int r = p.costResource();
            out.printf("  value       %s%s of %s used at least%n", num(p.value()), unit(e.resourceUnit(r)),
                    e.resourceId(r));
        }
        Labels labels = Labels.of(e);
        String idCol = "%-" + (labels.isEmpty() ? 28 : 30 + Labels.WIDTH) + "s";
        Certificate c = p.certificate();
        out.printf("  certificate primal infeasibility %s, dual infeasibility %s, gap %s (dual bound %s)%n",
                sci(c.primalInfeasibility()), sci(c.dualInfeasibility()), sci(c.gap()), num(c.dualValue()));
        if (p.leastUse() != null) {
            for (PlanStage st : p.leastUse()) {
                Certificate sc = st.certificate();
                out.printf("  least use   %s resources (%s): %s, by %s in %s, gap %s%n", st.minimises(),
                        String.join(", ", st.resources()), num(st.value()), st.solver().method(),
                        Durations.format(st.solver().seconds()), sci(Math.max(sc.gap(),
                                Math.max(sc.primalInfeasibility(), sc.dualInfeasibility()))));
            }
        }
        out.println();
        List<String> br = p.bindingResources();
        out.println("Binding resources" + (br.isEmpty() ? ": none" : " (use = available; price per extra unit):"));
        for (String id : br) {
            int r = e.resourceIndex(id);
            out.printf("  %-28s %s%s   price %s%n", id, num(e.available(r)), unit(e.resourceUnit(r)),
                    num(p.resourcePrice(r)));
        }
        List<String> bc = p.bindingCapacities();
        out.println("Binding capacities" + (bc.isEmpty() ? ": none" : " (level = capacity; price per extra unit):"));
        for (int i = 0; i < bc.size() && i < SHOW; i++) {
            int t = e.techniqueIndex(bc.get(i));
            out.printf("  " + idCol + " %s   price %s%n", Labels.beside(bc.get(i), labels.technique(t)), num(e.capacity(t)),
                    num(p.capacityPrice(t)));
        }
        more(bc.size());
        List<String> bn = p.bottlenecks(SHOW);
        out.println("Bottleneck products" + (bn.isEmpty() ? ": none" : " (binding targets, largest share of the value first):"));
        double[] y = e.finalDemand();
        for (String id : bn) {
            int q = e.productIndex(id);
            out.printf("  " + idCol + " target %s%s   valuation %s%n", Labels.beside(id, labels.product(id)), num(y[q]),
                    unit(e.productUnit(q)), num(p.valuation(q)));
        }
        Map<String, List<String>> ch = p.choices();
        out.println("Techniques chosen where there was a choice" + (ch.isEmpty() ? ": none" : ":"));
        int shown = 0;
        for (Map.Entry<String, List<String>> en : ch.entrySet()) {
            if (shown++ >= SHOW) {
                break;
            }
            out.printf("  " + idCol + " %s%n", Labels.beside(en.getKey(), labels.product(en.getKey())),
                    en.getValue().isEmpty() ? "(not made)" : String.join(", ", en.getValue()));
        }
        more(ch.size());
        out.println("Largest technique levels:");
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < e.techniques(); t++) {
            if (p.level(t) > 0) {
                order.add(t);
            }
        }
        order.sort((a, b) -> {
            int x = Double.compare(p.level(b), p.level(a));
            return x != 0 ? x : Integer.compare(a, b);
        });
        for (int i = 0; i < order.size() && i < SHOW; i++) {
            int t = order.get(i);
            out.printf("  " + idCol + " %s%n", Labels.beside(e.techniqueId(t), labels.technique(t)), num(p.level(t)));
        }
        more(order.size());
        out.println("(all figures: gosplan plan --json, or --csv FILE for a spreadsheet)");
    }

    /** λ in words: how far the targets are met. */
    static String fulfilment(double lambda) {
        if (lambda < 1) {
            return "every target met to " + num(100 * lambda) + "%";
        }
        if (lambda == 1) {
            return "every target met in full";
        }
        return "every target met, " + num(lambda) + " times over";
    }

    private static void more(int n) {
        if (n > SHOW) {
            System.out.printf("  ... and %,d more%n", n - SHOW);
        }
    }

    private static String unit(String u) {
        return u == null || u.isEmpty() ? "" : " " + u;
    }

    static String num(double x) {
        if (!Double.isFinite(x)) {
            return "-";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) x);
        }
        double a = Math.abs(x);
        if (a >= 1e-4 && a < 1e15) {
            return new java.math.BigDecimal(x).round(new java.math.MathContext(7)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.6g", x);
    }

    static String sci(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1e", x) : "-";
    }
}
