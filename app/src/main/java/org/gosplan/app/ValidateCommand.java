package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyException;
import org.gosplan.economy.Parts;
import org.gosplan.economy.Problem;
import org.gosplan.economy.Source;
import org.gosplan.economy.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", description = {
        "Checks an economy (JSON file or folder) or an input-output table folder.",
        "Reports every error found (file and line, or JSON pointer) and warnings for suspicious data.",
        "Exit 0 when valid, 2 when not."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ECONOMY|TABLE", description = "economy JSON file, economy folder or IO-table folder")
    Path path;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
        Source source = null;
        List<Problem> errors = List.of();
        List<Problem> warnings;
        try {
            source = Inputs.read(path, System.err);
            warnings = source.warnings();
        } catch (EconomyException e) {
            errors = e.errors();
            warnings = e.warnings();
        }
        if (source != null) {
            // An economy that every planning command refuses is not valid, however well formed its files.
            try {
                Validation.requirePlannable(source.economy());
            } catch (EconomyException e) {
                errors = e.errors();
            }
        }
        boolean valid = errors.isEmpty();
        Economy e = source == null ? null : source.economy();
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("valid", valid);
            doc.put("products", e == null ? 0 : e.products());
            doc.put("resources", e == null ? 0 : e.resources());
            doc.put("techniques", e == null ? 0 : e.techniques());
            doc.put("nonzeros", e == null ? 0 : e.nonzeros());
            if (e != null && e.hasParts()) {
                Parts p = e.parts();
                doc.put("regions", p.regions().size());
                doc.put("transport", p.transport().size());
                doc.put("trade", p.trade().size());
                doc.put("years", p.years());
                doc.put("capital", p.capital().size());
            }
            Json.putProblems(doc, "errors", errors);
            Json.putProblems(doc, "warnings", warnings);
            Json.print(System.out, doc);
        } else {
            if (valid) {
                System.out.printf("valid: %s%n", path);
                System.out.printf("  form        %s%n", formName(source.form()));
                System.out.printf("  name        %s%n", e.name());
                System.out.printf("  products    %,d%n", e.products());
                System.out.printf("  resources   %,d%n", e.resources());
                System.out.printf("  techniques  %,d%n", e.techniques());
                System.out.printf("  nonzeros    %,d%n", e.nonzeros());
                System.out.printf("  targets     %,d%n", e.targets());
                if (e.hasParts()) {
                    Parts p = e.parts();
                    System.out.printf("  regions     %,d (%,d transport links)%n", p.regions().size(),
                            p.transport().size());
                    System.out.printf("  trade       %,d products%s%n", p.trade().size(),
                            p.currency() == null ? "" : " in " + p.currency());
                    System.out.printf("  years       %,d (%,d capital products)%n", p.years(), p.capital().size());
                }
            } else {
                System.out.printf("invalid: %s (%d error%s)%n", path, errors.size(), errors.size() == 1 ? "" : "s");
                for (Problem p : errors) {
                    System.out.println("  error: " + p);
                }
            }
            for (Problem p : warnings) {
                System.out.println("  warning: " + p);
            }
        }
        return valid ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    static String formName(Source.Form form) {
        switch (form) {
            case ECONOMY_JSON: return "economy (JSON file)";
            case ECONOMY_FOLDER: return "economy (folder)";
            default: return "input-output table";
        }
    }
}
