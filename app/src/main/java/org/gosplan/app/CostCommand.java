package org.gosplan.app;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gosplan.council.proposal.Costs;
import org.gosplan.council.proposal.ProposalCost;
import org.gosplan.economy.Economy;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.record.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cost", description = {
        "Says what a proposal costs before anyone votes: the gross output its targets need, every resource's total use",
        "(direct and indirect) and its share of what is available, and its value at the plan's valuations.",
        "From the latest recorded economy and plan: the techniques the plan runs (for each product, the one making it",
        "at the largest level) form one square Leontief system, solved once; no new plan is computed. With no plan",
        "for the latest economy yet, each product's technique is its cheapest in labour, direct and indirect (labour",
        "being the resource named labour, else the first resource), and there is no valuation.",
        "PROPOSAL is the log index of the proposal.made event."})
final class CostCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "the log's data directory")
    Path dir;

    @Parameters(index = "1", paramLabel = "PROPOSAL", description = "the proposal's log index")
    long proposal;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "a log kept in PostgreSQL instead of DIR")
    String db;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "products shown, largest gross output first (default ${DEFAULT-VALUE}; text only)")
    int top;

    @Option(names = "--json", description = "print {\"proposal\", \"resources\", \"shares\", \"valuation\", \"output\"}")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (top < 0) {
            throw new UsageException("--top " + top + " is negative; give how many products to show");
        }
        ProposalCost c;
        long t0 = System.nanoTime();
        try (Record r = RecordAccess.open(dir, db)) {
            c = Costs.of(r, proposal, LeontiefOptions.DEFAULT);
        }
        double seconds = Durations.since(t0);
        Economy e = c.economy();
        for (String note : c.notes()) {
            System.err.println("gosplan: note: " + note);
        }
        if (json) {
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(LeontiefCommand.Streams.noClose(System.out))) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("proposal", c.proposal());
                g.writeObjectFieldStart("resources");
                for (int i = 0; i < e.resources(); i++) {
                    g.writeNumberField(e.resourceId(i), c.resources()[i]);
                }
                g.writeEndObject();
                g.writeObjectFieldStart("shares");
                for (int i = 0; i < e.resources(); i++) {
                    number(g, e.resourceId(i), c.share(i));
                }
                g.writeEndObject();
                number(g, "valuation", c.valuation());
                g.writeObjectFieldStart("output");
                for (int p = 0; p < e.products(); p++) {
                    if (c.output()[p] != 0) {
                        g.writeNumberField(e.productId(p), c.output()[p]);
                    }
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
            }
            System.out.flush();
            return ExitCode.OK;
        }
        BufferedWriter w = LeontiefCommand.Streams.stdout();
        w.write("proposal " + c.proposal() + ": " + c.title());
        w.newLine();
        String labour = c.labour() < 0 ? "none" : "'" + e.resourceId(c.labour()) + "'"
                + (e.resourceId(c.labour()).equals("labour") ? "" : " (the first resource; none is named labour)");
        w.write(c.plan() >= 0 ? "at the techniques the plan at entry " + c.plan() + " runs"
                : "at each product's cheapest technique in labour, " + labour + ": no plan of the latest economy is"
                        + " recorded yet");
        w.newLine();
        w.newLine();
        TextTable res = new TextTable(1, "resource", "total use", "available", "share");
        for (int i = 0; i < e.resources(); i++) {
            res.row(e.resourceId(i), TextTable.money(c.resources()[i]),
                    e.isLimited(i) ? TextTable.money(e.available(i)) : "unlimited",
                    Double.isNaN(c.share(i)) ? "-" : String.format(java.util.Locale.ROOT, "%.4f%%", 100 * c.share(i)));
        }
        res.print(w);
        w.newLine();
        w.write("value at the plan's valuations: " + (Double.isNaN(c.valuation()) ? "none (no plan)"
                : String.format(java.util.Locale.ROOT, "%.6g", c.valuation())));
        w.newLine();
        // the top N by insertion into a short array: no boxing or sort of a million products
        int[] order = new int[top];
        int shown = 0;
        int nonzero = 0;
        double[] x = c.output();
        for (int p = 0; p < x.length; p++) {
            if (x[p] == 0) {
                continue;
            }
            nonzero++;
            int i = Math.min(shown, top - 1);
            if (top == 0 || shown == top && x[p] <= x[order[top - 1]]) {
                continue;
            }
            while (i > 0 && x[order[i - 1]] < x[p]) {
                order[i] = order[i - 1];
                i--;
            }
            order[i] = p;
            shown = Math.min(shown + 1, top);
        }
        if (shown > 0) {
            w.newLine();
            w.write("gross output needed" + (shown < nonzero ? ", the " + shown + " largest of " + nonzero
                    + " products (--json gives all)" : "") + ":");
            w.newLine();
            TextTable out = new TextTable(1, "product", "gross output", "of which targeted");
            double[] d = e.finalDemand();
            for (int i = 0; i < shown; i++) {
                int p = order[i];
                out.row(e.productId(p), TextTable.money(c.output()[p]), TextTable.money(d[p]));
            }
            out.print(w);
        }
        w.newLine();
        w.write(c.solves() + " Leontief solve" + (c.solves() == 1 ? "" : "s") + " (" + c.solve().method().name()
                .toLowerCase(java.util.Locale.ROOT) + ", " + c.solve().iterations() + " iterations, residual "
                + String.format(java.util.Locale.ROOT, "%.1e", c.solve().residual()) + ", "
                + Durations.format(c.seconds().solve()) + "); " + Durations.format(seconds) + " in all, of which reading"
                + " the economy " + Durations.format(c.seconds().economy()) + " and the plan "
                + Durations.format(c.seconds().plan()));
        w.newLine();
        w.flush();
        return ExitCode.OK;
    }

    private static void number(JsonGenerator g, String field, double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, v);
        }
    }
}
