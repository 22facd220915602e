package org.gosplan.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "plan", description = "(not yet available)")
final class PlanCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'plan' is not available yet");
    }
}
