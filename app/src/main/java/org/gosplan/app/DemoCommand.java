package org.gosplan.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Problem;
import org.gosplan.economy.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole story on bundled data, for a new user's first minute: read the UK 2010 table, check
 * it, turn it into an economy and write it in both economy forms. Each later capability adds its
 * step here.
 */
@Command(name = "demo", description = {
        "Runs Gosplan's story on the bundled UK 2010 input-output table and prints each step.",
        "Writes its files under --out (default ./demo-data)."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "where to write the demo's files (default demo-data)")
    Path out = Paths.get("demo-data");

    @Override
    public Integer call() throws Exception {
        PrintStream o = System.out;
        Path examples = examples();
        Path uk = examples.resolve("uk-ons-2010");
        Files.createDirectories(out);

        o.println("== 1. Read and check the UK 2010 input-output table (ONS, 127 products)");
        o.println("   $ gosplan validate " + uk);
        long t0 = System.nanoTime();
        Source s = EconomyFiles.read(uk, new StderrProgress(System.err));
        Economy e = s.economy();
        o.printf("   valid: %d products, %d resources, %d techniques, %,d coefficients (%.0f ms)%n",
                e.products(), e.resources(), e.techniques(), e.nonzeros(), (System.nanoTime() - t0) / 1e6);
        for (Problem w : s.warnings()) {
            o.println("   warning: " + w.message());
        }

        o.println();
        o.println("== 2. The table as an economy: one technique per product, factors as resources");
        Path json = out.resolve("uk-2010.economy.json");
        Path folder = out.resolve("uk-2010");
        o.println("   $ gosplan convert " + uk + " " + json);
        EconomyFiles.writeJson(e, json);
        o.println("   $ gosplan convert " + json + " " + folder);
        EconomyFiles.writeFolder(EconomyFiles.readEconomy(json), folder);
        boolean same = EconomyFiles.readEconomy(folder).equals(e);
        o.printf("   wrote %s (%,d bytes) and %s/; read back: %s%n", json, Files.size(json), folder,
                same ? "the same economy, bit for bit" : "DIFFERENT (a bug: please report it)");

        o.println();
        o.println("Next: `gosplan help` lists the commands; examples/ holds more data (README.md has a tour).");
        return same ? ExitCode.OK : ExitCode.INTERNAL;
    }

    /** The bundled examples folder: beside the launcher, else relative to the working directory. */
    static Path examples() {
        String home = System.getProperty("gosplan.home");
        Path p = home != null ? Paths.get(home, "examples") : Paths.get("examples");
        if (!Files.isDirectory(p)) {
            throw new UsageException("cannot find the bundled examples at " + p
                    + "; run gosplan from its repository (the ./gosplan launcher sets this up)");
        }
        return p;
    }
}
