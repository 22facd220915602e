package org.gosplan.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Problem;
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

    @Option(names = "--json", description = "print {\"wrote\", \"form\", \"products\", \"techniques\"} as JSON")
    boolean json;

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
        Source source = Inputs.readWarning(in, System.err, Problem.Concern.READING, Problem.Concern.PLANNING);
        // Write beside OUT and move into place, so a crash or a full disk never leaves half a file
        // under OUT's name, and an old OUT is replaced only once the new one is complete.
        Path absolute = out.toAbsolutePath();
        Path parent = absolute.getParent();
        Path temp = parent.resolve("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(parent);
            if (toJson) {
                EconomyFiles.writeJson(source.economy(), temp);
            } else {
                EconomyFiles.writeFolder(source.economy(), temp);
            }
            replace(temp, absolute);
        } catch (IOException e) {
            throw new UsageException("cannot write " + out + ": " + e.getMessage());
        } finally {
            deleteTree(temp);
        }
        System.err.printf("wrote %s (%s, %,d products, %,d techniques)%n", out,
                toJson ? "economy JSON" : "economy folder", source.economy().products(), source.economy().techniques());
        if (json) {
            Json.print(System.out, Json.object().put("wrote", out.toString())
                    .put("form", toJson ? "economy JSON" : "economy folder")
                    .put("products", source.economy().products()).put("techniques", source.economy().techniques()));
        }
        return ExitCode.OK;
    }

    private static void replace(Path temp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
            Files.move(target, old);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            System.err.println("gosplan: could not remove " + p + ": " + e.getMessage());
        }
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
