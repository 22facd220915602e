package org.gosplan.app;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gosplan.economy.Problem;
import org.gosplan.economy.Source;
import org.gosplan.planner.leontief.Leontief;
import org.gosplan.planner.leontief.LeontiefMethod;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.LeontiefSolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "leontief", description = {
        "Computes the gross output x that meets a final demand y, solving (I - A) x = y.",
        "y is the row sums of Y.csv (a table), the targets (an economy), or the sector,demand CSV of --demand.",
        "An economy must have exactly one technique per product and one output per technique.",
        "Exit 2 when the economy is not productive, naming the sectors responsible."})
final class LeontiefCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TABLE|ECONOMY", description = "IO-table folder, economy JSON file or economy folder")
    Path path;

    @Option(names = "--demand", paramLabel = "FILE", description = "final demand: a CSV with header sector,demand")
    Path demand;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-10",
            description = "largest relative residual ‖(I-A)x - y‖∞ / ‖y‖∞ (default ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "auto",
            description = "auto, dense, power, gauss-seidel, bicgstab or gmres (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--inverse", paramLabel = "FILE",
            description = "also write the Leontief inverse L = (I - A)^-1 as CSV (up to 5000 sectors)")
    Path inverse;

    @Option(names = "--csv", paramLabel = "FILE", description = {
            "also write a tidy CSV for spreadsheets: sector,label,quantity,value with the quantities",
            "final_demand and gross_output (docs/csv-export.md)"})
    Path csv;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--spark", paramLabel = "MASTER", description = {
            "compute on Apache Spark: local[N] (N cores of this machine) or a cluster's master URL; BiCGSTAB",
            "on column blocks of A (spark.md). Needs the spark module: the gosplan launcher adds it"})
    String spark;

    @Override
    public Integer call() throws IOException {
        LeontiefOptions options = options(method, tolerance);
        String master = SparkBridge.master(spark);
        if (master != null && !method.equalsIgnoreCase("auto")) {
            throw new UsageException("--method " + method + ": on Spark the solves are BiCGSTAB (the power series where"
                    + " it stagnates); leave out --method with --spark");
        }
        if (inverse != null && Files.isDirectory(inverse)) {
            throw new UsageException(inverse + " is a folder; --inverse needs a file name such as L.csv");
        }
        Source source = Inputs.readWarning(path, System.err, Problem.Concern.READING, Problem.Concern.COEFFICIENTS);
        Labels labels = Labels.of(source.economy());
        Leontief l = source.table() != null ? Leontief.of(source.table()) : Leontief.of(source.economy());
        double[] y = demand != null ? DemandFile.read(demand, l)
                : source.table() != null ? source.table().finalDemand() : source.economy().finalDemand();
        if (inverse != null && l.size() > Leontief.INVERSE_LIMIT) {
            throw new UsageException("--inverse: " + l.size() + " sectors; the Leontief inverse is written only up to "
                    + Leontief.INVERSE_LIMIT + " sectors (it has n^2 entries); leave --inverse out");
        }
        long t0 = System.nanoTime();
        LeontiefSolution s = StderrProgress.during(System.err, String.format(java.util.Locale.ROOT,
                "solving (I - A) x = y for %,d sectors", l.size()), progress -> master != null
                        ? SparkBridge.leontief(master, source.table() != null ? source.table() : source.economy(), y,
                                options.tolerance())
                        : l.solve(y, options));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (inverse != null) {
            writeInverse(l, inverse);
        }
        if (csv != null) {
            CsvExports.leontief(csv, l, labels, y, s.x());
        }
        if (json) {
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(Streams.noClose(System.out))) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeObjectFieldStart("output");
                double[] x = s.x();
                for (int i = 0; i < x.length; i++) {
                    g.writeNumberField(l.sector(i), x[i]);
                }
                g.writeEndObject();
                g.writeNumberField("iterations", s.iterations());
                g.writeNumberField("residual", s.residual());
                g.writeNumberField("seconds", seconds);
                g.writeStringField("method", methodName(s.method()));
                labels.writeJson(g);
                g.writeEndObject();
                g.writeRaw('\n');
            }
            System.out.flush();
        } else {
            BufferedWriter w = Streams.stdout();
            int width = 6;
            for (int i = 0; i < l.size(); i++) {
                width = Math.max(width, l.sector(i).length());
            }
            width = Math.min(width, 40);
            Labels.Column lc = labels.column(l);
            w.write(String.format("%-" + width + "s  %s%20s  %20s%n", "sector", lc.header(), "final demand",
                    "gross output"));
            double[] x = s.x();
            for (int i = 0; i < x.length; i++) {
                w.write(String.format("%-" + width + "s  %s%20.6f  %20.6f%n", l.sector(i), lc.cell(l.sector(i)), y[i],
                        x[i]));
            }
            w.write(String.format("%n%s: %d iterations, residual %.3g, %s%n", methodName(s.method()),
                    s.iterations(), s.residual(), Durations.format(seconds)));
            w.flush();
        }
        return ExitCode.OK;
    }

    static LeontiefOptions options(String method, double tolerance) {
        LeontiefMethod m;
        switch (method.toLowerCase(java.util.Locale.ROOT)) {
            case "auto": m = LeontiefMethod.AUTO; break;
            case "dense": case "lu": m = LeontiefMethod.DENSE; break;
            case "power": case "jacobi": m = LeontiefMethod.POWER; break;
            case "gauss-seidel": case "gs": m = LeontiefMethod.GAUSS_SEIDEL; break;
            case "bicgstab": m = LeontiefMethod.BICGSTAB; break;
            case "gmres": m = LeontiefMethod.GMRES; break;
            default:
                throw new UsageException("--method " + method + ": choose auto, dense, power, gauss-seidel, bicgstab"
                        + " or gmres");
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new UsageException("--tolerance " + tolerance + ": give a number between 0 and 1, such as 1e-10");
        }
        return LeontiefOptions.DEFAULT.withMethod(m).withTolerance(tolerance);
    }

    static String methodName(LeontiefMethod m) {
        return m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static void writeInverse(Leontief l, Path file) {
        double[][] inv = l.inverse();
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write("sector");
                for (int j = 0; j < inv.length; j++) {
                    w.write(',');
                    w.write(Streams.csv(l.sector(j)));
                }
                w.write('\n');
                for (int i = 0; i < inv.length; i++) {
                    w.write(Streams.csv(l.sector(i)));
                    for (int j = 0; j < inv.length; j++) {
                        w.write(',');
                        w.write(Double.toString(inv[i][j]));
                    }
                    w.write('\n');
                }
            }
            Files.move(temp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort
            }
        }
        System.err.printf("wrote %s (Leontief inverse, %d x %d)%n", file, inv.length, inv.length);
    }

    /** The sector,demand CSV of --demand. */
    static final class DemandFile {
        private DemandFile() {}

        static double[] read(Path file, Leontief l) {
            if (!Files.exists(file)) {
                throw new UsageException(file + ": no such file; --demand needs a CSV with header sector,demand");
            }
            List<String[]> rows = AnalysisInputs.csv(file);
            if (rows.isEmpty() || rows.get(0).length != 2 || !rows.get(0)[0].trim().equals("sector")
                    || !rows.get(0)[1].trim().equals("demand")) {
                throw new UsageException(file + ":1: the header must be sector,demand");
            }
            java.util.HashMap<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < l.size(); i++) {
                index.put(l.sector(i), i);
            }
            double[] y = new double[l.size()];
            boolean[] seen = new boolean[l.size()];
            for (int n = 1; n < rows.size(); n++) {
                String[] r = rows.get(n);
                if (r.length == 1 && r[0].isBlank()) {
                    continue;
                }
                String where = file + ":" + (n + 1);
                if (r.length != 2) {
                    throw new UsageException(where + ": expected sector,demand");
                }
                String id = r[0].trim();
                String value = r[1].trim();
                Integer i = index.get(id);
                if (i == null) {
                    String near = org.gosplan.economy.Ids.didYouMean(id, l.size(), l::sector);
                    throw new UsageException(where + ": no sector or product '" + id + "' in the economy"
                            + (near.isEmpty() ? "; check the id" : near));
                }
                if (seen[i]) {
                    throw new UsageException(where + ": '" + id + "' is given twice; give each sector once");
                }
                seen[i] = true;
                double d;
                try {
                    d = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new UsageException(where + ": the demand '" + value + "' is not a number");
                }
                if (!Double.isFinite(d)) {
                    throw new UsageException(where + ": the demand '" + value + "' is not a finite number");
                }
                y[i] = d;
            }
            return y;
        }
    }

    /** Standard output for large answers: buffered, never closed. */
    static final class Streams {
        private Streams() {}

        static java.io.OutputStream noClose(java.io.OutputStream out) {
            return new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }

        static BufferedWriter stdout() {
            return new BufferedWriter(new java.io.OutputStreamWriter(noClose(System.out), StandardCharsets.UTF_8), 1 << 16);
        }

        /** An id as a CSV field (quoted when it holds a quote). */
        static String csv(String id) {
            return id.indexOf('"') >= 0 || id.indexOf(',') >= 0 ? '"' + id.replace("\"", "\"\"") + '"' : id;
        }
    }
}
