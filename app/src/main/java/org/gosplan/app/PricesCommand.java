package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gosplan.economy.Ids;
import org.gosplan.economy.IoTable;
import org.gosplan.planner.analysis.PriceModel;
import org.gosplan.planner.leontief.LeontiefOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "prices", description = {
        "Shows how a cost push spreads through the prices, by the Leontief price model.",
        "Unit prices p' = v' (I - A)^-1 cover each sector's inputs and its value added per unit v (Miller & "
                + "Blair 2009, section 2.6); with the table's own v every price is 1.",
        "--factor raises one factor row of F per unit of output in every sector (compensation=10%%), "
                + "--value-added raises one sector's value added per unit (01=0.05), and --hold fixes a sector's price "
                + "(01=1.2: set abroad or by decision) and prices the others around it.",
        "The price level is the average weighted by final demand. Needs a table; see docs/analyses.md."})
final class PricesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TABLE", description = "IO-table folder")
    Path path;

    @Option(names = "--factor", paramLabel = "FACTOR=RATE",
            description = "raise a factor's payment per unit of output in every sector by RATE (0.1 or 10%%)")
    List<String> factorRaises = new ArrayList<>();

    @Option(names = "--value-added", paramLabel = "SECTOR=AMOUNT",
            description = "add AMOUNT to a sector's value added per unit of output (0.05: five cents a unit)")
    List<String> valueAddedRaises = new ArrayList<>();

    @Option(names = "--hold", paramLabel = "SECTOR=PRICE", description = "hold a sector's price at PRICE (1 is today's)")
    List<String> holds = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "CATEGORY",
            description = "final-demand column of Y.csv weighting the price level (default: all final demand)")
    String weights;

    @Mixin
    SolveOptions solve;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() throws IOException {
        LeontiefOptions options = solve.options();
        IoTable t = AnalysisInputs.table(path, "prices");
        Map<String, String> labels = AnalysisInputs.labels(t);
        int n = t.sectors();
        double[] w = weights(t);
        PriceModel model = PriceModel.of(t);
        double[] base = model.valueAdded();
        double[] v = base.clone();
        for (String raise : factorRaises) {
            Map.Entry<String, Double> e = AnalysisInputs.assignment("--factor", raise);
            int f = t.factorIndex(e.getKey());
            if (f < 0) {
                String near = Ids.didYouMean(e.getKey(), t.factors(), t::factor);
                throw new UsageException("--factor " + raise + ": the table has no factor row '" + e.getKey() + "'"
                        + (near.isEmpty() ? "; its rows are " + String.join(", ", AnalysisInputs.ids(t.factors(),
                        t::factor)) : near));
            }
            for (int j = 0; j < n; j++) {
                if (t.output(j) != 0) {
                    v[j] += e.getValue() * t.factorInput(f, j) / t.output(j);
                }
            }
        }
        for (String raise : valueAddedRaises) {
            Map.Entry<String, Double> e = AnalysisInputs.assignment("--value-added", raise);
            v[AnalysisInputs.sector(t, e.getKey(), "--value-added " + raise)] += e.getValue();
        }
        int[] held = new int[holds.size()];
        double[] heldPrice = new double[holds.size()];
        boolean[] seen = new boolean[n];
        for (int k = 0; k < holds.size(); k++) {
            Map.Entry<String, Double> e = AnalysisInputs.assignment("--hold", holds.get(k));
            held[k] = AnalysisInputs.sector(t, e.getKey(), "--hold " + holds.get(k));
            if (seen[held[k]]) {
                throw new UsageException("--hold " + holds.get(k) + ": sector '" + e.getKey() + "' is held twice");
            }
            seen[held[k]] = true;
            heldPrice[k] = e.getValue();
        }
        PriceModel.Prices before = model.prices(base, options);
        PriceModel.Prices after = model.prices(v, held, heldPrice, options);
        String[] ids = new String[n];
        double[] change = new double[n];
        for (int j = 0; j < n; j++) {
            ids[j] = t.sector(j);
            change[j] = after.price()[j] / before.price()[j] - 1;
        }
        double levelBefore = before.level(w);
        double levelAfter = after.level(w);
        if (json) {
            ObjectNode doc = Json.object();
            AnalysisJson.putBySector(doc, "prices", ids, after.price());
            AnalysisJson.putBySector(doc, "base", ids, before.price());
            AnalysisJson.putBySector(doc, "change", ids, change);
            AnalysisJson.putBySector(doc, "valueAdded", ids, v);
            ObjectNode level = doc.putObject("level");
            level.put("weights", weights == null ? "final demand" : weights);
            AnalysisJson.put(level, "base", levelBefore);
            AnalysisJson.put(level, "after", levelAfter);
            AnalysisJson.put(level, "change", levelAfter / levelBefore - 1);
            AnalysisJson.put(doc, "residual", Math.max(before.residual(), after.residual()));
            AnalysisJson.putLabels(doc, labels);
            Json.print(System.out, doc);
            return ExitCode.OK;
        }
        TextTable table = TextTable.bySector(labels, "value added", "price (table)", "price", "change");
        for (int j = 0; j < n; j++) {
            table.sector(ids[j], TextTable.f4(v[j]), TextTable.f4(before.price()[j]), TextTable.f4(after.price()[j]),
                    (seen[j] ? "held " : "") + TextTable.percent(change[j]));
        }
        BufferedWriter out = LeontiefCommand.Streams.stdout();
        table.print(out);
        out.newLine();
        out.write(String.format(Locale.ROOT, "price level (weighted by %s): %.6f -> %.6f, %s%n",
                weights == null ? "final demand" : "'" + weights + "'", levelBefore, levelAfter,
                TextTable.percent(levelAfter / levelBefore - 1)));
        out.write("value added: per unit of output after the changes; price: p' = v' (I - A)^-1, held prices as given.");
        out.newLine();
        out.flush();
        return ExitCode.OK;
    }

    private double[] weights(IoTable t) {
        if (weights == null) {
            return t.finalDemand();
        }
        for (int c = 0; c < t.categories(); c++) {
            if (t.category(c).equals(weights)) {
                double[] w = new double[t.sectors()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = t.finalDemand(c, i);
                }
                return w;
            }
        }
        throw new UsageException("--weights " + weights + ": no final-demand column '" + weights + "' in Y.csv; check"
                + " the header of Y.csv");
    }
}
