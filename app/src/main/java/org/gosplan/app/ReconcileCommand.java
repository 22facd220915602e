package org.gosplan.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gosplan.inspection.Reports;
import org.gosplan.inspection.reconcile.Finding;
import org.gosplan.inspection.reconcile.Reconciliation;
import org.gosplan.record.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reconcile", description = {
        "Holds the fulfilment reports of a plan and period against each other and against the technology, and lists",
        "the findings, largest first: missing reports, deliveries their receivers do not confirm (double entry),",
        "output without the inputs or resources to make it, products under their planned net output, and products",
        "delivered beyond what was made and received. Each unit's latest report counts.",
        "Exit 0 when nothing is found, 1 when there are findings, 2 on bad input."})
final class ReconcileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", arity = "0..1", description = "the log's data directory")
    Path dir;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "a log kept in PostgreSQL instead of DIR")
    String db;

    @Option(names = "--plan", paramLabel = "HASH", description = "the plan's hash (default: the latest recorded plan)")
    String plan;

    @Option(names = "--period", paramLabel = "P",
            description = "the period, such as 2027-Q1 (default: that of the latest report on the plan)")
    String period;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-6",
            description = "figures within T of each other, relative to the larger, agree (default ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "findings shown, largest first (default ${DEFAULT-VALUE}; text only, --json gives all)")
    int top;

    @Option(names = "--json", description = "print {\"plan\", \"period\", \"units\", \"reported\", \"findings\","
            + " \"fulfilment\"}")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (top < 0) {
            throw new UsageException("--top " + top + " is negative; give how many findings to show");
        }
        Reports.Reconciled r;
        try (Record rec = RecordAccess.open(dir, db)) {
            r = Reports.reconcile(rec, plan, period, tolerance);
        }
        Reconciliation c = r.result();
        if (json) {
            Json.print(System.out, r.toJson());
        } else {
            print(System.out, r);
        }
        return c.findings().isEmpty() ? ExitCode.OK : ExitCode.NEGATIVE;
    }

    private void print(PrintStream out, Reports.Reconciled r) {
        Reconciliation c = r.result();
        out.println("plan " + r.plan() + (r.period() == null ? ", no reports yet" : ", period " + r.period()) + ": "
                + c.reported() + " of " + c.units() + " units reported");
        if (c.findings().isEmpty()) {
            out.println("no findings: the reports agree with each other, the technology and the plan (tolerance "
                    + tolerance + ")");
        } else {
            int shown = Math.min(top, c.findings().size());
            out.println(c.findings().size() + " finding" + (c.findings().size() == 1 ? "" : "s") + ", largest first"
                    + (shown < c.findings().size() ? " (the first " + shown + "; --json gives all)" : "") + ":");
            for (int i = 0; i < shown; i++) {
                Finding f = c.findings().get(i);
                out.println("  " + f.kind().id() + ": " + f.message());
            }
        }
        int under = 0;
        int none = 0; // planned at rounding level: no ratio ("—"), findings name any shortfall by amount
        for (Double v : c.fulfilment().values()) {
            under += v != null && v < 1 - tolerance ? 1 : 0;
            none += v == null ? 1 : 0;
        }
        out.println("fulfilment: " + under + " of " + (c.fulfilment().size() - none) + " planned products below plan"
                + (none == 0 ? "" : " (" + none + " more planned at rounding level: \u2014, no ratio)"));
    }
}
