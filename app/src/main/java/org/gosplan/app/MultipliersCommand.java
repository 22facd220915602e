package org.gosplan.app;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gosplan.economy.Problem;
import org.gosplan.economy.Source;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.Multipliers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "multipliers", description = {
        "Computes the output multipliers (column sums of L = (I - A)^-1) and, for every factor or resource f,",
        "its total (direct plus indirect) intensity per unit of each sector's output: row f of S L.",
        "For labour in hours these are the labour values. A table's factors are the rows of F.csv;",
        "an economy's are its resources. The readable table adds Type I ratios (total / direct)."})
final class MultipliersCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TABLE|ECONOMY", description = "IO-table folder, economy JSON file or economy folder")
    Path path;

    @Option(names = "--csv", paramLabel = "FILE", description = {
            "also write a tidy CSV for spreadsheets: sector,label,quantity,factor,value with the quantities",
            "output_multiplier, direct, total and type_i (docs/csv-export.md)"})
    Path csv;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-10",
            description = "largest relative residual of each solve (default ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "auto",
            description = "auto, dense, power, gauss-seidel, bicgstab or gmres (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--spark", paramLabel = "MASTER", description = {
            "compute on Apache Spark: local[N] (N cores of this machine) or a cluster's master URL; BiCGSTAB",
            "on column blocks of A (spark.md). Needs the spark module: the gosplan launcher adds it"})
    String spark;

    @Option(names = "--type-ii", description = "Type I and II multipliers, households closed into the table (docs/analyses.md)")
    boolean typeII;

    @Option(names = "--households-row", paramLabel = "FACTOR", defaultValue = "compensation",
            description = "with --type-ii: the row of F.csv that is household income (default ${DEFAULT-VALUE})")
    String householdsRow;

    @Option(names = "--households-column", paramLabel = "CATEGORY", defaultValue = "households",
            description = "with --type-ii: the column of Y.csv that is household consumption (default ${DEFAULT-VALUE})")
    String householdsColumn;

    @Option(names = "--household-income", paramLabel = "AMOUNT",
            description = "with --type-ii: total household income (default: the total of the households row)")
    Double householdIncome;

    @Override
    public Integer call() throws IOException {
        LeontiefOptions options = LeontiefCommand.options(method, tolerance);
        String master = SparkBridge.master(spark);
        if (master != null && !method.equalsIgnoreCase("auto")) {
            throw new UsageException("--method " + method + ": on Spark the solves are BiCGSTAB (the power series where"
                    + " it stagnates); leave out --method with --spark");
        }
        if (typeII && master != null) {
            throw new UsageException("--type-ii is computed on one machine; leave out --spark");
        }
        if (typeII) {
            return TypeIIView.print(path, householdsRow, householdsColumn, householdIncome, options, json);
        }
        Source source = Inputs.readWarning(path, System.err, Problem.Concern.READING, Problem.Concern.COEFFICIENTS);
        Labels labels = Labels.of(source.economy());
        long t0 = System.nanoTime();
        Multipliers m = StderrProgress.during(System.err,
                "solving (I - A)^T v = s for the multipliers and every factor's intensities",
                progress -> master != null
                        ? SparkBridge.multipliers(master, source.table() != null ? source.table() : source.economy(),
                                options)
                        : source.table() != null ? Multipliers.of(source.table(), options)
                        : Multipliers.of(source.economy(), options));
        double seconds = (System.nanoTime() - t0) / 1e9;
        int n = m.leontief().size();
        if (csv != null) {
            CsvExports.multipliers(csv, m, labels);
        }
        if (json) {
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(
                    LeontiefCommand.Streams.noClose(System.out))) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeObjectFieldStart("output");
                for (int i = 0; i < n; i++) {
                    g.writeNumberField(m.leontief().sector(i), m.output()[i]);
                }
                g.writeEndObject();
                g.writeObjectFieldStart("factors");
                for (int f = 0; f < m.factors(); f++) {
                    g.writeObjectFieldStart(m.factor(f));
                    double[] v = m.total(f);
                    for (int i = 0; i < n; i++) {
                        g.writeNumberField(m.leontief().sector(i), v[i]);
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.writeNumberField("iterations", m.iterations());
                g.writeNumberField("residual", m.residual());
                g.writeNumberField("seconds", seconds);
                g.writeStringField("method", LeontiefCommand.methodName(m.method()));
                labels.writeJson(g);
                g.writeEndObject();
                g.writeRaw('\n');
            }
            System.out.flush();
            return ExitCode.OK;
        }
        BufferedWriter w = LeontiefCommand.Streams.stdout();
        int width = 6;
        for (int i = 0; i < n; i++) {
            width = Math.max(width, m.leontief().sector(i).length());
        }
        width = Math.min(width, 40);
        Labels.Column lc = labels.column(m.leontief());
        StringBuilder head = new StringBuilder(String.format("%-" + width + "s  %s%12s", "sector", lc.header(), "output"));
        // a factor's column is as wide as its name: clipped names could read the same (emission_type1_~)
        int[] factorWidth = new int[m.factors()];
        for (int f = 0; f < m.factors(); f++) {
            String name = m.factor(f);
            factorWidth[f] = Math.max(16, name.length());
            head.append(String.format("  %" + factorWidth[f] + "s  %9s", name, "type I"));
        }
        w.write(head.toString());
        w.newLine();
        for (int i = 0; i < n; i++) {
            String id = m.leontief().sector(i);
            StringBuilder line = new StringBuilder(String.format("%-" + width + "s  %s%12.6f", id, lc.cell(id),
                    m.output()[i]));
            for (int f = 0; f < m.factors(); f++) {
                double ratio = m.typeI(f, i);
                line.append(String.format("  %" + factorWidth[f] + ".6g  %9s", m.total(f)[i],
                        Double.isNaN(ratio) ? "-" : String.format("%.4f", ratio)));
            }
            w.write(line.toString());
            w.newLine();
        }
        w.newLine();
        w.write("output: column sums of L (output multipliers). For each factor: total intensity per unit of final"
                + " output (row of S L),");
        w.newLine();
        w.write("and its Type I ratio, total / direct ('-' where the direct intensity is zero).");
        w.newLine();
        w.write(String.format("%s: %d iterations, worst residual %.3g, %s%n",
                LeontiefCommand.methodName(m.method()), m.iterations(), m.residual(), Durations.format(seconds)));
        w.flush();
        return ExitCode.OK;
    }
}
