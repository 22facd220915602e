package org.gosplan.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "log", description = "(not yet available)")
final class LogCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UsageException("'log' is not available yet");
    }
}
