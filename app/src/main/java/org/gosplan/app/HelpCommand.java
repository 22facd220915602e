package org.gosplan.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gosplan help [COMMAND [SUBCOMMAND]]}: the page of any command, however deep. */
@Command(name = "help", helpCommand = true, description = {
        "Prints the manual of a command, as 'gosplan COMMAND --help' does.",
        "Give the command's whole path for a subcommand: gosplan help record member, gosplan help log init."})
final class HelpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "a command and its subcommands, such as: log init")
    List<String> path = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine cl = spec.root().commandLine();
        for (String name : path) {
            CommandLine sub = cl.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(cl, Cli.unknownCommand(cl, name));
            }
            cl = sub;
        }
        cl.usage(System.out);
        return ExitCode.OK;
    }
}
