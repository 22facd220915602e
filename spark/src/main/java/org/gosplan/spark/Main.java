package org.gosplan.spark;

import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyException;
import org.gosplan.economy.Source;
import org.gosplan.planner.Plan;
import org.gosplan.planner.PlanMethod;
import org.gosplan.planner.PlanObjective;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.PlanStatus;
import org.gosplan.planner.PlannerException;
import org.gosplan.planner.leontief.LeontiefMethod;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.planner.leontief.LeontiefSolution;
import org.gosplan.planner.leontief.Multipliers;

/**
 * The Spark job (spark.md):
 * {@code spark-submit --class org.gosplan.spark.Main gosplan-spark.jar COMMAND INPUT OUTPUT [options]}.
 * Exit 0 with the answer written; 1 when a plan has no proven answer; 2 on bad input (the message
 * says what and where, a non-productive economy names its sectors).
 */
public final class Main {
    private Main() {}

    static final String USAGE = "usage: spark-submit --class org.gosplan.spark.Main gosplan-spark.jar"
            + " leontief|multipliers|plan|parquet INPUT OUTPUT [--tolerance 1e-10] [--format csv|parquet]"
            + " [--partitions N] [--objective fulfil|min-resource] [--resource ID] [--master URL]"
            + " [--read driver|executors]";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the job on its own session (stopped at the end) and returns its exit code. */
    public static int run(String... args) {
        Args a;
        try {
            a = Args.parse(args);
        } catch (JobException e) {
            System.err.println("gosplan-spark: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        SparkSession spark = session(a.master);
        try {
            return run(spark, args);
        } finally {
            spark.stop();
        }
    }

    /** Runs the job on a session that stays open; returns its exit code. */
    static int run(SparkSession spark, String... args) {
        try {
            return run(spark, Args.parse(args));
        } catch (JobException | PlannerException | EconomyException e) {
            System.err.println("gosplan-spark: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            // bad input found by an executor comes back wrapped in Spark's exception
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof JobException || c instanceof PlannerException || c instanceof EconomyException) {
                    System.err.println("gosplan-spark: " + c.getMessage());
                    return 2;
                }
            }
            throw e;
        }
    }

    /** A session on {@code master}, else on what spark-submit set, else on all local cores. */
    static SparkSession session(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("gosplan")
                .config("spark.ui.showConsoleProgress", "false");
        if (!new SparkConf().contains("spark.sql.broadcastTimeout")) {
            b.config("spark.sql.broadcastTimeout", "3600"); // the products' ids, broadcast for the joins, can be large
        }
        if (master != null) {
            b.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            b.master("local[*]");
        }
        return b.getOrCreate();
    }

    static int run(SparkSession spark, Args a) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = a.partitions > 0 ? a.partitions : Math.max(1, sc.defaultParallelism());
        String out = a.output.endsWith("/") ? a.output.substring(0, a.output.length() - 1) : a.output;
        if (a.command.equals("leontief") || a.command.equals("multipliers")) {
            String format = Tables.executorFormat(spark, a.input, a.read);
            if (format != null) {
                return onExecutors(spark, a, Tables.base(a.input), format, out, partitions);
            }
        }
        Source source = Tables.read(spark, a.input);
        long t0 = System.nanoTime();
        switch (a.command) {
            case "parquet": {
                if (source.economy() == null) {
                    throw new JobException(a.input + ": an economy, not a table, can be written as Parquet");
                }
                Tables.writeParquet(spark, source.economy(), out);
                System.err.println("wrote the economy's tables as Parquet in " + out);
                return 0;
            }
            case "leontief": {
                SparkLeontief l = source.table() != null ? SparkLeontief.of(sc, source.table(), partitions)
                        : SparkLeontief.of(sc, source.economy(), partitions);
                double[] y = source.table() != null ? source.table().finalDemand() : source.economy().finalDemand();
                LeontiefSolution s = l.solve(y, a.tolerance);
                double seconds = (System.nanoTime() - t0) / 1e9;
                Tables.write(spark, out + "/output", a.format, "product", ids(l), new String[] {"x"},
                        new double[][] {s.x()});
                Tables.writeText(spark, out + "/summary.json", summary(s.iterations(), s.residual(), seconds, l,
                        s.method(), l.products()));
                l.release();
                return 0;
            }
            case "multipliers": {
                SparkLeontief[] held = new SparkLeontief[1];
                Multipliers m = multipliers(sc, source, LeontiefOptions.DEFAULT.withTolerance(a.tolerance), partitions,
                        held);
                double seconds = (System.nanoTime() - t0) / 1e9;
                String[] names = new String[m.factors() + 1];
                double[][] cols = new double[m.factors() + 1][];
                names[0] = "output";
                cols[0] = m.output();
                for (int f = 0; f < m.factors(); f++) {
                    names[f + 1] = m.factor(f);
                    cols[f + 1] = m.total(f);
                }
                Tables.write(spark, out + "/multipliers", a.format, "product", ids(held[0]), names, cols);
                Tables.writeText(spark, out + "/summary.json", summary(m.iterations(), m.residual(), seconds, held[0],
                        m.method(), held[0].products()));
                held[0].release();
                return 0;
            }
            case "plan": {
                Economy e = source.economy();
                PlanOptions o = new PlanOptions(PlanObjective.of(a.objective), a.resource, PlanMethod.POLICY,
                        a.planTolerance, 0, 0, false);
                SparkPlanner.Result r = SparkPlanner.plan(sc, e, o, partitions);
                Plan p = r.plan();
                String[] tids = new String[e.techniques()];
                for (int t = 0; t < tids.length; t++) {
                    tids[t] = e.techniqueId(t);
                }
                String[] pids = new String[e.products()];
                for (int i = 0; i < pids.length; i++) {
                    pids[i] = e.productId(i);
                }
                Tables.write(spark, out + "/levels", a.format, "technique", tids, new String[] {"level"},
                        new double[][] {p.levels()});
                Tables.write(spark, out + "/valuations", a.format, "product", pids, new String[] {"valuation"},
                        new double[][] {p.valuations()});
                var c = p.certificate();
                Tables.writeText(spark, out + "/summary.json", "{\"status\": \"" + p.status().id() + "\", \"objective\": \""
                        + p.objective().id() + "\", \"value\": " + json(p.value()) + ", \"gap\": " + json(c.gap())
                        + ", \"primal_infeasibility\": " + json(c.primalInfeasibility()) + ", \"dual_infeasibility\": "
                        + json(c.dualInfeasibility()) + ", \"dual_value\": " + json(c.dualValue()) + ", \"steps\": "
                        + r.stats().steps() + ", \"iterations\": " + r.stats().iterations() + ", \"products\": "
                        + e.products() + ", \"techniques\": " + e.techniques() + ", \"seconds\": "
                        + json(r.stats().seconds()) + "}\n");
                return p.status() == PlanStatus.OPTIMAL ? 0 : 1;
            }
            default:
                throw new JobException("unknown command '" + a.command + "'");
        }
    }

    /**
     * {@code leontief} or {@code multipliers} on an economy read by the executors
     * ({@link EconomyReader}): the driver holds vectors only.
     */
    static int onExecutors(SparkSession spark, Args a, String base, String format, String out, int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long t0 = System.nanoTime();
        boolean forward = a.command.equals("leontief");
        EconomyReader.Read r = EconomyReader.read(spark, base, format, partitions, forward);
        SparkLeontief l = SparkLeontief.ofBlocks(sc, r.matrix(), r.transposed(), r::names, partitions);
        System.err.printf("read %,d products and %,d coefficients on the executors in %.1f s%n", l.size(),
                l.nonzeros(), (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        if (forward) {
            LeontiefSolution s = l.solve(r.finalDemand(), a.tolerance);
            double seconds = (System.nanoTime() - t1) / 1e9;
            Tables.writeIndexed(spark, out + "/output", a.format, "product", r.products(), new String[] {"x"},
                    new double[][] {s.x()});
            Tables.writeText(spark, out + "/summary.json", summary(s.iterations(), s.residual(), seconds, l,
                    s.method(), l.products()));
        } else {
            int m = r.resources().length;
            double[][] rhs = new double[m + 1][];
            rhs[0] = new double[l.size()];
            java.util.Arrays.fill(rhs[0], 1.0);
            System.arraycopy(r.intensity(), 0, rhs, 1, m);
            LeontiefSolution[] sol = l.solveTransposedAll(rhs, a.tolerance);
            double seconds = (System.nanoTime() - t1) / 1e9;
            String[] names = new String[m + 1];
            double[][] cols = new double[m + 1][];
            names[0] = "output";
            double worst = 0;
            for (int c = 0; c <= m; c++) {
                cols[c] = sol[c].x();
                worst = Math.max(worst, sol[c].residual());
                if (c > 0) {
                    names[c] = r.resources()[c - 1];
                }
            }
            Tables.writeIndexed(spark, out + "/multipliers", a.format, "product", r.products(), names, cols);
            Tables.writeText(spark, out + "/summary.json", summary(sol[0].iterations(), worst, seconds, l,
                    sol[0].method(), l.products()));
        }
        l.release();
        r.products().unpersist();
        return 0;
    }

    /** Multipliers with every transposed solve on the cluster; {@code held[0]} gets the system. */
    static Multipliers multipliers(JavaSparkContext sc, Source source, LeontiefOptions options, int partitions,
                                   SparkLeontief[] held) {
        SparkLeontief l = source.table() != null ? SparkLeontief.of(sc, source.table(), partitions)
                : SparkLeontief.of(sc, source.economy(), partitions);
        held[0] = l;
        Multipliers.TransposedSolver solver = (system, rhs, o) -> l.solveTransposedAll(rhs, o.tolerance());
        return source.table() != null ? Multipliers.of(source.table(), options, solver)
                : Multipliers.of(source.economy(), options, solver);
    }

    private static String[] ids(SparkLeontief l) {
        String[] ids = new String[l.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = l.sector(i);
        }
        return ids;
    }

    private static String summary(int iterations, double residual, double seconds, SparkLeontief l,
                                  LeontiefMethod method, int products) {
        return "{\"iterations\": " + iterations + ", \"residual\": " + json(residual) + ", \"seconds\": "
                + json(seconds) + ", \"products\": " + l.size() + ", \"nonzeros\": " + l.nonzeros()
                + ", \"method\": \"" + method.name().toLowerCase(Locale.ROOT) + "\", \"distributed_products\": "
                + products + "}\n";
    }

    static String json(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    /** The command line. */
    static final class Args {
        String command;
        String input;
        String output;
        double tolerance = LeontiefOptions.DEFAULT_TOLERANCE;
        double planTolerance = PlanOptions.DEFAULT_TOLERANCE;
        boolean toleranceGiven;
        String format = "csv";
        int partitions;
        String objective = "fulfil";
        String resource;
        String master;
        String read;

        static Args parse(String[] args) {
            Args a = new Args();
            java.util.List<String> positional = new java.util.ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String s = args[i];
                if (!s.startsWith("--")) {
                    positional.add(s);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new JobException(s + " needs a value");
                }
                String v = args[++i];
                switch (s) {
                    case "--tolerance":
                        try {
                            a.tolerance = Double.parseDouble(v);
                        } catch (NumberFormatException e) {
                            throw new JobException("--tolerance " + v + ": give a number between 0 and 1, such as 1e-10");
                        }
                        if (!(a.tolerance > 0 && a.tolerance < 1)) {
                            throw new JobException("--tolerance " + v + ": give a number between 0 and 1, such as 1e-10");
                        }
                        a.planTolerance = a.tolerance;
                        a.toleranceGiven = true;
                        break;
                    case "--format":
                        if (!v.equals("csv") && !v.equals("parquet")) {
                            throw new JobException("--format " + v + ": choose csv or parquet");
                        }
                        a.format = v;
                        break;
                    case "--partitions":
                        try {
                            a.partitions = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            a.partitions = -1;
                        }
                        if (a.partitions < 1) {
                            throw new JobException("--partitions " + v + ": give a whole number, at least 1");
                        }
                        break;
                    case "--objective":
                        if (!v.equals("fulfil") && !v.equals("min-resource")) {
                            throw new JobException("--objective " + v + ": choose fulfil or min-resource");
                        }
                        a.objective = v;
                        break;
                    case "--resource":
                        a.resource = v;
                        break;
                    case "--master":
                        a.master = v;
                        break;
                    case "--read":
                        if (!v.equals("driver") && !v.equals("executors")) {
                            throw new JobException("--read " + v + ": choose driver or executors");
                        }
                        a.read = v;
                        break;
                    default:
                        throw new JobException("unknown option " + s);
                }
            }
            if (positional.size() != 3) {
                throw new JobException("expected COMMAND INPUT OUTPUT, got " + positional.size() + " arguments");
            }
            a.command = positional.get(0);
            if (!java.util.Set.of("leontief", "multipliers", "plan", "parquet").contains(a.command)) {
                throw new JobException("unknown command '" + a.command + "': choose leontief, multipliers, plan or"
                        + " parquet");
            }
            a.input = positional.get(1);
            a.output = positional.get(2);
            return a;
        }
    }
}
