package org.gosplan.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "convert", description = {
        "Converts between economy JSON, economy folder and (from) IO table, without loss.",
        "The output form follows from OUT's name: *.economy.json is one JSON file, anything else a folder.",
        "A table becomes an economy with one technique per sector; its factors become resources."})
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "economy JSON file, economy folder or IO-table folder")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "*.economy.json file or folder to write")
    Path out;

    @Option(names = "--force", description = "replace OUT if it exists")
    boolean force;

    @Override
    public Integer call() {
        boolean toJson = out.getFileName() != null && out.getFileName().toString().endsWith(".json");
        if (toJson && !out.getFileName().toString().endsWith(".economy.json")) {
            throw new UsageException(out + ": an economy JSON file must be named *.economy.json");
        }
        if (Files.exists(out) && !force && !isEmptyFolder(out)) {
            throw new UsageException(out + " exists; choose another name, or pass --force to replace it");
        }
        if (toJson && Files.isDirectory(out)) {
            throw new UsageException(out + " is a folder; the *.economy.json name asks for a file");
        }
        Source source = Inputs.readWarning(in, System.err);
        if (toJson) {
            EconomyFiles.writeJson(source.economy(), out);
        } else {
            EconomyFiles.writeFolder(source.economy(), out);
        }
        System.err.printf("wrote %s (%s, %,d products, %,d techniques)%n", out,
                toJson ? "economy JSON" : "economy folder", source.economy().products(), source.economy().techniques());
        return ExitCode.OK;
    }

    private static boolean isEmptyFolder(Path p) {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
