package org.gosplan.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gosplan.economy.Problem;
import org.gosplan.economy.Source;
import org.gosplan.planner.analysis.DemandComparison;
import org.gosplan.planner.analysis.Differences;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.Multipliers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", description = {
        "Compares two final demands on one table or economy, or two plans.",
        "gosplan compare TABLE|ECONOMY --demand B.csv [--demand C.csv] pushes both demands through (I - A)^-1"
                + " and prints, per sector, the gross outputs and their difference, and the use of every factor or "
                + "resource; the first demand is the table's own (or the economy's targets) unless two --demand files "
                + "are given.",
        "gosplan compare PLAN_A.json PLAN_B.json compares two plans written by 'gosplan plan --json': lambda "
                + "(or the objective), every technique's level, net output and resource use.",
        "Readable tables list the largest changes first (--top); see docs/analyses.md."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "1..2", paramLabel = "TABLE|ECONOMY|PLAN",
            description = "a table or economy (with --demand), or two plan JSON files")
    List<Path> inputs;

    @Option(names = "--demand", paramLabel = "FILE",
            description = "final demand, a CSV with header sector,demand; once or twice")
    List<Path> demands = new ArrayList<>();

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "rows of each readable table, largest changes first; 0 for all (default ${DEFAULT-VALUE})")
    int top;

    @Mixin
    SolveOptions solve;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (top < 0) {
            throw new UsageException("--top " + top + ": give 0 (all rows) or a positive number");
        }
        if (inputs.size() == 2) {
            if (!demands.isEmpty()) {
                throw new UsageException("--demand compares demands on one table or economy; two plans are compared"
                        + " without it");
            }
            return plans(inputs.get(0), inputs.get(1));
        }
        if (demands.isEmpty() || demands.size() > 2) {
            throw new UsageException("compare " + inputs.get(0) + ": give --demand FILE once (against the "
                    + "table's own demand) or twice, or two plan JSON files");
        }
        return demands(inputs.get(0));
    }

    private int demands(Path path) throws IOException {
        LeontiefOptions options = solve.options();
        Source source = Inputs.readWarning(path, System.err, Problem.Concern.READING, Problem.Concern.COEFFICIENTS);
        Multipliers m = source.table() != null ? Multipliers.of(source.table(), options)
                : Multipliers.of(source.economy(), options);
        double[] a = demands.size() == 2 ? LeontiefCommand.DemandFile.read(demands.get(0), m.leontief())
                : source.table() != null ? source.table().finalDemand() : source.economy().finalDemand();
        double[] b = LeontiefCommand.DemandFile.read(demands.get(demands.size() - 1), m.leontief());
        String nameA = demands.size() == 2 ? demands.get(0).toString()
                : source.table() != null ? "the table's final demand" : "the economy's targets";
        String nameB = demands.get(demands.size() - 1).toString();
        DemandComparison c = DemandComparison.of(m, a, b, options);
        Map<String, String> labels = source.table() != null ? AnalysisInputs.labels(source.table()) : Map.of();
        List<Differences.Row> output = Differences.of(c.sectors(), c.outputA(), c.outputB());
        List<Differences.Row> demand = Differences.of(c.sectors(), c.demandA(), c.demandB());
        List<Differences.Row> use = Differences.of(c.factors(), c.useA(), c.useB());
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("a", nameA);
            doc.put("b", nameB);
            putRows(doc, "output", output);
            putRows(doc, "demand", demand);
            putRows(doc, "factors", use);
            AnalysisJson.put(doc, "residual", c.residual());
            AnalysisJson.putLabels(doc, labels);
            Json.print(System.out, doc);
            return ExitCode.OK;
        }
        BufferedWriter w = LeontiefCommand.Streams.stdout();
        w.write("a: " + nameA);
        w.newLine();
        w.write("b: " + nameB);
        w.newLine();
        w.newLine();
        TextTable t = TextTable.bySector(labels, "demand a", "demand b", "output a", "output b", "change", "change %");
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < c.sectors().length; i++) {
            index.put(c.sectors()[i], i);
        }
        for (Differences.Row r : largestFirst(output)) {
            int i = index.get(r.id());
            t.sector(r.id(), TextTable.money(c.demandA()[i]), TextTable.money(c.demandB()[i]), TextTable.money(r.a()),
                    TextTable.money(r.b()), TextTable.money(r.change()), TextTable.percent(r.relativeChange()));
        }
        t.print(w);
        footnote(w, output.size());
        if (!use.isEmpty()) {
            w.newLine();
            rowsTable("factor", use).print(w);
        }
        w.flush();
        return ExitCode.OK;
    }

    private int plans(Path fileA, Path fileB) throws IOException {
        JsonNode a = plan(fileA);
        JsonNode b = plan(fileB);
        List<Differences.Row> levels = Differences.of(figures(a, "levels"), figures(b, "levels"));
        List<Differences.Row> net = Differences.of(figures(a, "netOutput"), figures(b, "netOutput"));
        List<Differences.Row> use = Differences.of(figures(a, "resourceUse"), figures(b, "resourceUse"));
        double va = a.path("value").asDouble(Double.NaN);
        double vb = b.path("value").asDouble(Double.NaN);
        String objective = a.path("objective").asText("fulfil");
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("a", fileA.toString());
            doc.put("b", fileB.toString());
            ObjectNode status = doc.putObject("status");
            status.put("a", a.path("status").asText());
            status.put("b", b.path("status").asText());
            ObjectNode value = doc.putObject("value");
            AnalysisJson.put(value, "a", va);
            AnalysisJson.put(value, "b", vb);
            AnalysisJson.put(value, "change", vb - va);
            putRows(doc, "levels", levels);
            putRows(doc, "netOutput", net);
            putRows(doc, "resourceUse", use);
            Json.print(System.out, doc);
            return ExitCode.OK;
        }
        BufferedWriter w = LeontiefCommand.Streams.stdout();
        w.write("a: " + fileA + " (" + a.path("status").asText() + ")");
        w.newLine();
        w.write("b: " + fileB + " (" + b.path("status").asText() + ")");
        w.newLine();
        String what = "fulfil".equals(objective) ? "lambda" : "objective (" + objective + ")";
        w.write(String.format(Locale.ROOT, "%s: %.6g -> %.6g (%s)%n", what, va, vb,
                TextTable.percent(va == 0 ? Double.NaN : (vb - va) / Math.abs(va))));
        w.newLine();
        rowsTable("resource", use).print(w);
        footnote(w, use.size());
        w.newLine();
        rowsTable("technique", levels).print(w);
        footnote(w, levels.size());
        w.newLine();
        rowsTable("product", net).print(w);
        footnote(w, net.size());
        w.flush();
        return ExitCode.OK;
    }

    private TextTable rowsTable(String kind, List<Differences.Row> rows) {
        TextTable t = new TextTable(1, kind, "a", "b", "change", "change %");
        for (Differences.Row r : largestFirst(rows)) {
            t.row(r.id(), r.inA() ? TextTable.money(r.a()) : "-", r.inB() ? TextTable.money(r.b()) : "-",
                    TextTable.money(r.change()), TextTable.percent(r.relativeChange()));
        }
        return t;
    }

    private List<Differences.Row> largestFirst(List<Differences.Row> rows) {
        List<Differences.Row> sorted = new ArrayList<>(rows);
        sorted.sort((x, y) -> Double.compare(Math.abs(y.change()), Math.abs(x.change())));
        return top == 0 || sorted.size() <= top ? sorted : sorted.subList(0, top);
    }

    private void footnote(BufferedWriter w, int rows) throws IOException {
        if (top != 0 && rows > top) {
            w.write("(the " + top + " largest changes of " + rows + "; --top 0 for all)");
            w.newLine();
        }
    }

    private static void putRows(ObjectNode doc, String field, List<Differences.Row> rows) {
        ObjectNode o = doc.putObject(field);
        for (Differences.Row r : rows) {
            ObjectNode e = o.putObject(r.id());
            if (r.inA()) {
                AnalysisJson.put(e, "a", r.a());
            } else {
                e.putNull("a");
            }
            if (r.inB()) {
                AnalysisJson.put(e, "b", r.b());
            } else {
                e.putNull("b");
            }
            AnalysisJson.put(e, "change", r.change());
            AnalysisJson.put(e, "relative", r.relativeChange());
        }
    }

    private static JsonNode plan(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file; give two plans written by 'gosplan plan --json'");
        } catch (JsonProcessingException e) {
            throw new UsageException(file + ": not a plan: not JSON (line " + e.getLocation().getLineNr() + "); give"
                    + " two plans written by 'gosplan plan --json', or a table or economy with --demand");
        }
        if (root == null || !root.isObject() || !root.has("status") || !root.path("levels").isObject()) {
            throw new UsageException(file + ": not a plan: it has no \"status\" and \"levels\"; give two plans written"
                    + " by 'gosplan plan --json'");
        }
        return root;
    }

    private static Map<String, Double> figures(JsonNode plan, String field) {
        Map<String, Double> out = new LinkedHashMap<>();
        plan.path(field).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
        return out;
    }
}
