package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gosplan.economy.IoTable;
import org.gosplan.planner.analysis.Linkages;
import org.gosplan.planner.leontief.LeontiefOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "linkages", description = {
        "Computes the backward and forward linkages of every sector, and finds the key sectors.",
        "Backward linkages are the column sums of A (direct) and of L = (I - A)^-1 (total); forward linkages "
                + "the row sums of the allocation coefficients B = diag(x)^-1 Z (direct) and of the Ghosh inverse G = "
                + "(I - B)^-1 (total), as in Miller & Blair (2009), section 12.2.",
        "Normalised by their average over the sectors, the total backward linkages are Rasmussen's power of "
                + "dispersion and the total forward linkages the sensitivity of dispersion; a key sector has both above"
                + " 1.",
        "Needs a table; see docs/analyses.md."})
final class LinkagesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TABLE", description = "IO-table folder")
    Path path;

    @Mixin
    SolveOptions solve;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() throws IOException {
        LeontiefOptions options = solve.options();
        IoTable t = AnalysisInputs.table(path, "linkages");
        Map<String, String> labels = AnalysisInputs.labels(t);
        Linkages l = Linkages.of(t, options);
        String[] ids = l.sectors();
        double[] nb = Linkages.normalised(l.backwardTotal());
        double[] nf = Linkages.normalised(l.forwardTotal());
        if (json) {
            ObjectNode doc = Json.object();
            AnalysisJson.putBySector(doc, "backwardDirect", ids, l.backwardDirect());
            AnalysisJson.putBySector(doc, "backwardTotal", ids, l.backwardTotal());
            AnalysisJson.putBySector(doc, "forwardDirect", ids, l.forwardDirect());
            AnalysisJson.putBySector(doc, "forwardTotal", ids, l.forwardTotal());
            AnalysisJson.putBySector(doc, "backwardNormalised", ids, nb);
            AnalysisJson.putBySector(doc, "forwardNormalised", ids, nf);
            ArrayNode key = doc.putArray("keySectors");
            for (int j = 0; j < ids.length; j++) {
                if (l.keySector(j)) {
                    key.add(ids[j]);
                }
            }
            AnalysisJson.putLabels(doc, labels);
            Json.print(System.out, doc);
            return ExitCode.OK;
        }
        TextTable table = TextTable.bySector(labels, "back direct", "back total", "fwd direct", "fwd total",
                "back norm", "fwd norm", "key");
        for (int j = 0; j < ids.length; j++) {
            table.sector(ids[j], TextTable.f4(l.backwardDirect()[j]), TextTable.f4(l.backwardTotal()[j]),
                    TextTable.f4(l.forwardDirect()[j]), TextTable.f4(l.forwardTotal()[j]), TextTable.f4(nb[j]),
                    TextTable.f4(nf[j]), l.keySector(j) ? "key" : "");
        }
        BufferedWriter w = LeontiefCommand.Streams.stdout();
        table.print(w);
        w.newLine();
        w.write("back: backward linkages, column sums of A (direct) and L (total); fwd: forward, row sums of B (direct)"
                + " and G (total).");
        w.newLine();
        w.write("norm: total linkage over the average of all sectors; 'key' where both are above 1.");
        w.newLine();
        w.flush();
        return ExitCode.OK;
    }
}
