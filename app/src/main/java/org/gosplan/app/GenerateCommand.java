package org.gosplan.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.planner.EconomyGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", description = {
        "Writes a random productive economy, for benchmarks and tests: product p<i> is made by technique",
        "make-p<i> from INPUTS other products chosen at random, with coefficients whose column sums are drawn",
        "from [--min-column-sum, --max-column-sum], plus labour; every product has a final-demand target.",
        "OUT is a folder (the bulk CSV form, written as it is generated: any size) or a *.economy.json file.",
        "The same options and seed give the same economy."})
final class GenerateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OUT", description = "folder or *.economy.json file to write")
    Path out;

    @Option(names = "--products", paramLabel = "N", defaultValue = "1000",
            description = "number of products (default ${DEFAULT-VALUE})")
    int products;

    @Option(names = "--inputs", paramLabel = "K", defaultValue = "10",
            description = "product inputs per technique (default ${DEFAULT-VALUE})")
    int inputs;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--min-column-sum", defaultValue = "0.2",
            description = "smallest column sum of A (default ${DEFAULT-VALUE})")
    double minColumnSum;

    @Option(names = "--max-column-sum", defaultValue = "0.8",
            description = "largest column sum of A, below 1 (default ${DEFAULT-VALUE})")
    double maxColumnSum;

    @Option(names = "--force", description = "replace OUT if it exists")
    boolean force;

    @Option(names = "--json", description = "print {\"wrote\", \"products\", \"inputs\", \"seed\", \"seconds\"} as JSON")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (products < 1) {
            throw new UsageException("--products " + products + ": give at least 1");
        }
        if (inputs < 0) {
            throw new UsageException("--inputs " + inputs + ": give 0 or more");
        }
        if (!(minColumnSum >= 0 && minColumnSum <= maxColumnSum && maxColumnSum < 1)) {
            throw new UsageException("column sums: need 0 <= --min-column-sum <= --max-column-sum < 1 for a productive"
                    + " economy; got " + minColumnSum + " and " + maxColumnSum);
        }
        if ((long) products * Math.min(inputs, products - 1) > Integer.MAX_VALUE - 16) {
            throw new UsageException("--products x --inputs is too large: at most about 2.1 billion coefficients");
        }
        if (Files.exists(out) && !force) {
            throw new UsageException(out + " exists; choose another name, or pass --force to replace it");
        }
        boolean toJson = out.getFileName() != null && out.getFileName().toString().endsWith(".json");
        if (toJson && !out.getFileName().toString().endsWith(".economy.json")) {
            throw new UsageException(out + ": an economy JSON file must be named *.economy.json");
        }
        EconomyGenerator g = new EconomyGenerator(products, inputs, seed, minColumnSum, maxColumnSum);
        long t0 = System.nanoTime();
        if (toJson) {
            if (products > 200_000) {
                throw new UsageException("--products " + products + ": a JSON economy is for up to 200000 products;"
                        + " write a folder instead");
            }
            EconomyFiles.writeJson(g.economy(), out);
        } else {
            if (Files.exists(out)) {
                deleteFolder(out);
            }
            g.writeFolder(out);
        }
        double seconds = Durations.since(t0);
        System.err.printf("wrote %s: %,d products, %,d inputs each, seed %d (%s)%n", out, products,
                Math.min(inputs, products - 1), seed, Durations.format(seconds));
        if (json) {
            Json.print(System.out, Json.object().put("wrote", out.toString()).put("products", products)
                    .put("inputs", Math.min(inputs, products - 1)).put("seed", seed).put("seconds", seconds));
        }
        return ExitCode.OK;
    }

    private static void deleteFolder(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            Files.delete(p);
            return;
        }
        for (String name : new String[] {"economy.json", "products.csv", "resources.csv", "techniques.csv",
                "flows.csv", "targets.csv"}) {
            Files.deleteIfExists(p.resolve(name));
        }
    }
}
