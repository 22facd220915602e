package org.gosplan.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "multipliers", description = "(not yet available)")
final class MultipliersCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'multipliers' is not available yet");
    }
}
