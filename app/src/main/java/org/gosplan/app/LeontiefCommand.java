package org.gosplan.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "leontief", description = "(not yet available)")
final class LeontiefCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'leontief' is not available yet");
    }
}
