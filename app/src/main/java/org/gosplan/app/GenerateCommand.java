package org.gosplan.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "generate", description = "(not yet available)")
final class GenerateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'generate' is not available yet");
    }
}
