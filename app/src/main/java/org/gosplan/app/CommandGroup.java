package org.gosplan.app;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: called alone it is a usage mistake, answered with their list. */
abstract class CommandGroup implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new MissingCommand(spec.commandLine(), "missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** A group called without one of its commands. */
    static final class MissingCommand extends CommandLine.ParameterException {
        private static final long serialVersionUID = 1L;

        MissingCommand(CommandLine cl, String message) {
            super(cl, message);
        }
    }
}
