package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gosplan.economy.IoTable;
import org.gosplan.planner.analysis.Ghosh;
import org.gosplan.planner.leontief.LeontiefOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ghosh", description = {
        "Computes the gross output that primary inputs drive, by the Ghosh supply-side model.",
        "x' = v' G with G = (I - B)^-1 and the allocation coefficients B = diag(x)^-1 Z (Miller & Blair 2009,"
                + " section 12.1).",
        "v is the table's own primary inputs (x less the column sums of Z: value added, imports, taxes), "
                + "which gives back x; --primary FILE replaces them for the sectors it lists.",
        "Needs a table; see docs/analyses.md."})
final class GhoshCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TABLE", description = "IO-table folder")
    Path path;

    @Option(names = "--primary", paramLabel = "FILE",
            description = "primary inputs of some sectors: a CSV with header sector,primary")
    Path primary;

    @Mixin
    SolveOptions solve;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() throws IOException {
        LeontiefOptions options = solve.options();
        IoTable t = AnalysisInputs.table(path, "ghosh");
        Map<String, String> labels = AnalysisInputs.labels(t);
        Ghosh g = Ghosh.of(t);
        double[] v = g.primaryInputs();
        if (primary != null) {
            double[] given = AnalysisInputs.sectorValues(primary, "primary", t);
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(given[i])) {
                    v[i] = given[i];
                }
            }
        }
        Ghosh.Supply s = g.supply(v, options);
        String[] ids = new String[t.sectors()];
        double[] change = new double[ids.length];
        double[] relative = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = t.sector(i);
            change[i] = s.output()[i] - t.output(i);
            relative[i] = t.output(i) == 0 ? Double.NaN : change[i] / t.output(i);
        }
        if (json) {
            ObjectNode doc = Json.object();
            AnalysisJson.putBySector(doc, "primaryInputs", ids, v);
            AnalysisJson.putBySector(doc, "output", ids, s.output());
            AnalysisJson.putBySector(doc, "tableOutput", ids, t.output());
            AnalysisJson.putBySector(doc, "change", ids, change);
            AnalysisJson.put(doc, "residual", s.residual());
            AnalysisJson.putLabels(doc, labels);
            Json.print(System.out, doc);
            return ExitCode.OK;
        }
        double[] own = g.primaryInputs();
        TextTable table = TextTable.bySector(labels, "primary (table)", "primary", "output (table)", "output", "change");
        for (int i = 0; i < ids.length; i++) {
            table.sector(ids[i], TextTable.money(own[i]), TextTable.money(v[i]), TextTable.money(t.output(i)),
                    TextTable.money(s.output()[i]), TextTable.percent(relative[i]));
        }
        BufferedWriter w = LeontiefCommand.Streams.stdout();
        table.print(w);
        w.newLine();
        w.write(String.format(java.util.Locale.ROOT, "output: x' = v' G from the primary inputs v%s; change against"
                + " the table's output. Residual %.3g.", primary == null ? " of the table" : " given", s.residual()));
        w.newLine();
        w.flush();
        return ExitCode.OK;
    }
}
