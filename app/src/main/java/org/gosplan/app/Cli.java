package org.gosplan.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code gosplan} command and the mapping of failures to exit codes.
 *
 * <p>Each subcommand lives in its own class. Users' mistakes (exceptions of the modules' own
 * error types) become exit code 2 with their message and no stack trace; anything else is an
 * internal error, exit 3, with the trace only when {@code GOSPLAN_DEBUG} is set.
 */
@Command(name = "gosplan",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Democratic, verifiable economic planning.",
        footer = {"", "Examples:",
                "  gosplan demo                                   the story on bundled data",
                "  gosplan validate examples/uk-ons-2010          check a table or an economy",
                "  gosplan convert examples/uk-ons-2010 uk.economy.json",
                "", "Exit codes: 0 ok, 1 negative answer, 2 bad input or usage, 3 internal error.",
                "Manual of one command: gosplan help COMMAND"},
        subcommands = {
                CommandLine.HelpCommand.class,
                ValidateCommand.class,
                ConvertCommand.class,
                LeontiefCommand.class,
                MultipliersCommand.class,
                LinkagesCommand.class,
                GhoshCommand.class,
                PricesCommand.class,
                AggregateCommand.class,
                CompareCommand.class,
                PlanCommand.class,
                GenerateCommand.class,
                KeyCommand.class,
                RecordCommand.class,
                VerifyCommand.class,
                ShowCommand.class,
                DemoCommand.class,
                LogCommand.class,
        })
public final class Cli extends CommandGroup {
    private Cli() {}

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        cl.setExecutionExceptionHandler(Cli::handleException);
        cl.setParameterExceptionHandler(Cli::handleParameterException);
        return cl;
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("gosplan: " + e.getMessage());
        String path = commandPath(e.getCommandLine());
        err.println("Try 'gosplan help" + (path.isEmpty() ? "" : " " + path) + "' for usage.");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static String commandPath(CommandLine cl) {
        String path = cl.getCommandSpec().qualifiedName(" ");
        return path.startsWith("gosplan") ? path.substring("gosplan".length()).trim() : path;
    }

    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        int code = Failures.exitCode(e);
        if (code == ExitCode.INTERNAL) {
            err.println("gosplan: internal error: " + e);
            if (System.getenv("GOSPLAN_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("(set GOSPLAN_DEBUG=1 for the stack trace, and please report it)");
            }
        } else {
            err.println(Failures.message(e));
        }
        err.flush();
        return code;
    }
}
