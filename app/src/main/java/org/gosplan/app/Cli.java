package org.gosplan.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.gosplan.economy.Ids;
import org.gosplan.economy.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The top-level {@code gosplan} command and the mapping of failures to exit codes.
 *
 * <p>Each subcommand lives in its own class. Users' mistakes (exceptions of the modules' own
 * error types) become exit code 2 with their message and no stack trace; anything else is an
 * internal error, exit 3, with the trace only when {@code GOSPLAN_DEBUG} is set. With {@code --json}
 * a failure also prints {@code {"errors": [{"where", "message"}]}} on standard output, so that a
 * script always reads one document there.
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
                "Manual: gosplan help COMMAND [SUBCOMMAND], or gosplan COMMAND --help"})
public final class Cli extends CommandGroup {
    private Cli() {}

    /** The commands, in the order of the help page. */
    private static final List<Class<?>> COMMANDS = List.of(
            HelpCommand.class,
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
            CostCommand.class,
            DrawCommand.class,
            VoteCommand.class,
            TallyCommand.class,
            ReconcileCommand.class,
            VerifyCommand.class,
            ShowCommand.class,
            DemoCommand.class,
            LogCommand.class,
            CheckpointCommand.class,
            WitnessCommand.class,
            ServeCommand.class);

    /** The whole command tree: every command and its page (help, tests of every page). */
    static CommandLine commandLine() {
        return commandLine(COMMANDS);
    }

    /**
     * The command tree that {@code args} needs. Building picocli's model of every command (reflection
     * over each class, an instance of each) took most of a second of CPU before any command ran; a
     * command line that names its command first gets that command alone, and {@code --version} none.
     * Anything else (no command, help, a misspelt command, options before the command) gets them all,
     * so that lists of commands and "did you mean" answers stay whole.
     */
    static CommandLine commandLine(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return commandLine(List.of());
        }
        if (args.length > 0 && !args[0].equals("help")) {
            for (Class<?> c : COMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(List.of(c));
                }
            }
        }
        return commandLine(COMMANDS);
    }

    private static CommandLine commandLine(List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new Cli());
        for (Class<?> c : commands) {
            cl.addSubcommand(c);
        }
        cl.setExecutionExceptionHandler(Cli::handleException);
        cl.setParameterExceptionHandler(Cli::handleParameterException);
        Pages.configure(cl);
        return cl;
    }

    /** Whether the command line asks for JSON ({@code --json} before any {@code --}). */
    static boolean json(List<String> args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--json")) {
                return true;
            }
        }
        return false;
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        Problem p = usageProblem(e);
        PrintWriter err = cl.getErr();
        err.println("gosplan: " + p.message());
        if (e instanceof CommandGroup.MissingCommand) {
            cl.usage(err);
        } else {
            String path = commandPath(cl);
            err.println("Try 'gosplan help" + (path.isEmpty() ? "" : " " + path) + "' for usage.");
        }
        err.flush();
        if (json(List.of(args))) {
            Json.printErrors(System.out, List.of(p));
        }
        return ExitCode.BAD_INPUT;
    }

    /** What is wrong on the command line, and where: the unknown option or command with the nearest known one. */
    static Problem usageProblem(CommandLine.ParameterException e) {
        CommandLine cl = e.getCommandLine();
        // picocli finds a missing parameter before an unknown option, which is often the same one misspelt
        List<String> unmatched = e instanceof CommandLine.UnmatchedArgumentException
                ? ((CommandLine.UnmatchedArgumentException) e).getUnmatched() : cl.getUnmatchedArguments();
        if (!unmatched.isEmpty() && (e instanceof CommandLine.UnmatchedArgumentException
                || e instanceof CommandLine.MissingParameterException && unmatched.get(0).startsWith("-"))) {
            String arg = unmatched.get(0);
            if (arg.startsWith("-") && arg.length() > 1) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                List<String> names = new ArrayList<>();
                for (OptionSpec o : cl.getCommandSpec().options()) {
                    names.addAll(List.of(o.names()));
                }
                return new Problem(name, "unknown option '" + name + "'" + Ids.didYouMean(name, names));
            }
            if (!cl.getSubcommands().isEmpty()) {
                return new Problem(arg, unknownCommand(cl, arg));
            }
            return new Problem(arg, "unexpected argument '" + arg + "'; '" + cl.getCommandSpec().qualifiedName(" ")
                    + "' takes no more");
        }
        if (e instanceof CommandLine.MissingParameterException) {
            List<String> missing = new ArrayList<>();
            for (ArgSpec a : ((CommandLine.MissingParameterException) e).getMissing()) {
                missing.add(label(a));
            }
            return new Problem(String.join(", ", missing), e.getMessage());
        }
        if (e instanceof CommandGroup.MissingCommand) {
            return new Problem(cl.getCommandSpec().qualifiedName(" "), e.getMessage());
        }
        ArgSpec a = e.getArgSpec();
        return new Problem(a == null ? "command line" : label(a), e.getMessage());
    }

    private static String label(ArgSpec a) {
        return a.isOption() ? ((OptionSpec) a).longestName() : a.paramLabel();
    }

    /** "unknown command 'x'; did you mean 'y'?" among the subcommands of {@code cl}. */
    static String unknownCommand(CommandLine cl, String name) {
        List<String> names = new ArrayList<>(cl.getSubcommands().keySet());
        String near = Ids.didYouMean(name, names);
        return "unknown command '" + name + "'" + (near.isEmpty() ? "; the commands are " + String.join(", ", names)
                : near);
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
        if (json(parsed.originalArgs())) {
            Json.printErrors(System.out, Failures.problems(e));
        }
        return code;
    }
}
