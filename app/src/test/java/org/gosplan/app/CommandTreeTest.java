package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link Main#run} builds picocli's model of the named command alone (issue 11): every command's
 * page, and its answers to an unknown option, a missing parameter or a subcommand's page, are the
 * same as through the whole tree of commands.
 */
class CommandTreeTest {
    /** Commands that, given nothing, would start work (a demo, a server) instead of refusing. */
    private static final Set<String> NOT_ALONE = Set.of("demo", "serve", "witness");

    @Test
    void eachCommandAloneAnswersAsTheWholeTreeDoes() {
        int lines = 0;
        CommandLine whole = Cli.commandLine();
        for (String name : whole.getSubcommands().keySet()) {
            List<String[]> cases = new ArrayList<>();
            cases.add(new String[] {name, "--help"});
            cases.add(new String[] {name, "--no-such-option"});
            if (!NOT_ALONE.contains(name)) {
                cases.add(new String[] {name});
            }
            for (String sub : whole.getSubcommands().get(name).getSubcommands().keySet()) {
                cases.add(new String[] {name, sub, "--help"});
                cases.add(new String[] {name, "DIR", sub, "--help"});
            }
            for (String[] args : cases) {
                assertEquals(run(() -> Cli.commandLine().execute(args)), run(() -> Main.run(args)),
                        String.join(" ", args));
                lines++;
            }
        }
        assertTrue(lines > 100, lines + " command lines");
    }

    private static synchronized String run(IntSupplier command) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(b, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(b, true, StandardCharsets.UTF_8));
            int code = command.getAsInt();
            return code + "\n" + b.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
