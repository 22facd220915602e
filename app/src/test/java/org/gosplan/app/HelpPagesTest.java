package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command's own page, by --help and by 'gosplan help', and suggestions for what is misspelt (issue 16 item 7). */
class HelpPagesTest {

    @Test
    void everyCommandHasItsOwnPageByHelpOptionAndHelpCommand() {
        List<List<String>> all = JsonOutputTest.allCommands();
        assertTrue(all.size() > 25, "the walk found " + all.size() + " commands");
        for (List<String> path : all) {
            String usage = "Usage: " + String.join(" ", (List<String>) concat(List.of("gosplan"), path));
            CliRun byOption = CliRun.of(concat(path, List.of("--help")).toArray(new String[0]));
            assertEquals(0, byOption.exit(), path + ": " + byOption.err());
            assertTrue(byOption.out().startsWith(usage + " ") || byOption.out().startsWith(usage + "\n"),
                    path + " --help printed another page:\n" + byOption.out());
            CliRun byCommand = CliRun.of(concat(List.of("help"), path).toArray(new String[0]));
            assertEquals(0, byCommand.exit(), path + ": " + byCommand.err());
            assertEquals(byOption.out(), byCommand.out(), "help " + path);
            assertTrue(byOption.err().isEmpty(), byOption.err());
        }
        // -h too
        CliRun h = CliRun.of("record", "member", "-h");
        assertTrue(h.out().startsWith("Usage: gosplan record member "), h.out());
    }

    @Test
    void summariesAreWholeSentences() {
        List<List<String>> all = JsonOutputTest.allCommands();
        String list = CliRun.of("help").out().replaceAll("\\s+", " ");
        for (List<String> path : all) {
            if (path.isEmpty()) {
                continue;
            }
            CommandLine cl = Cli.commandLine();
            for (String name : path) {
                cl = cl.getSubcommands().get(name);
            }
            String s = Pages.summary(cl.getCommandSpec());
            assertTrue(Character.isUpperCase(s.charAt(0)) && s.endsWith(".") && !s.endsWith(":."), path + ": '" + s + "'");
            // A sentence says what the command does: its first word is a verb ("Checks", "Prints"), not a
            // noun phrase ("The optimal plan", "Gross output x ...")
            assertTrue(s.split(" ")[0].endsWith("s"), path + ": not a sentence that says what it does: '" + s + "'");
            assertTrue(s.length() <= 200, path + ": '" + s + "'");
            // cut whole: never inside a parenthesis ("Records a fulfilment report (gosplan/report@1.")
            assertEquals(s.chars().filter(c -> c == '(').count(), s.chars().filter(c -> c == ')').count(),
                    path + ": a parenthesis left open: '" + s + "'");
            if (path.size() == 1) {
                assertTrue(list.contains(" " + path.get(0) + " " + s), path + " not listed as '" + s + "' in\n" + list);
            }
        }
    }

    /**
     * An option's description written over several source lines reads as one paragraph: plan --help broke
     * "--no-least-use" after "least use of the" (issue 16 item 7, tried again as a new user).
     */
    @Test
    void optionDescriptionsAreParagraphs(@TempDir Path tmp) throws IOException {
        for (List<String> path : JsonOutputTest.allCommands()) {
            CommandLine cl = Cli.commandLine();
            for (String name : path) {
                cl = cl.getSubcommands().get(name);
            }
            for (var o : cl.getCommandSpec().options()) {
                String[] d = o.description();
                if (o.group() == null) {
                    assertEquals(d.length, Pages.paragraphs(d).length, path + " " + o.longestName() + ": "
                            + String.join(" | ", d));
                }
            }
        }
        String page = CliRun.of("plan", "--help").out();
        assertTrue(page.replaceAll("\\s+", " ").contains("the least use of the resources with the objective held"),
                page);
        CliRun r = CliRun.of("plan", CliRun.examples().resolve("village.economy.json").toString(), "--no-least-use",
                "--csv", tmp.resolve("plan.csv").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        // the options rebuilt as paragraphs still set their fields
        assertTrue(java.nio.file.Files.exists(tmp.resolve("plan.csv")));
        assertTrue(JsonOutputTest.oneDocument(r).get("leastUse") == null
                || JsonOutputTest.oneDocument(r).get("leastUse").get("stages").isEmpty(), r.out());
    }

    @Test
    void descriptionLinesJoinIntoParagraphs() {
        String[] p = Pages.paragraphs(new String[] {"The optimal plan: levels that meet the targets as fully as resources",
            "allow, with valuations.", "", "fulfil (default): maximise λ for every product,",
            "  resources within 'available'.", "min-resource: minimise one resource."});
        assertEquals(List.of("The optimal plan: levels that meet the targets as fully as resources allow, with valuations.",
                "", "fulfil (default): maximise λ for every product, resources within 'available'.",
                "min-resource: minimise one resource."), List.of(p));
    }

    @Test
    void unknownCommandsAndOptionsSuggestTheNearest() {
        String[][] cases = {
            {"pln", "unknown command 'pln'; did you mean 'plan'?"},
            {"log verfy DIR", "unknown command 'verfy'; did you mean 'verify'?"},
            {"help record membr", "unknown command 'membr'; did you mean 'member'?"},
            {"record DIR membr KEY", "unknown command 'membr'; did you mean 'member'?"},
            {"plan x.economy.json --metod pdlp", "unknown option '--metod'; did you mean '--method'?"},
            {"log init DIR --orign example.org/x", "unknown option '--orign'; did you mean '--origin'?"},
            {"validate --jsn x", "unknown option '--jsn'; did you mean '--json'?"},
        };
        for (String[] c : cases) {
            CliRun r = CliRun.of(c[0].split(" "));
            assertEquals(2, r.exit(), c[0] + ": " + r.err());
            assertTrue(r.err().startsWith("gosplan: " + c[1] + "\n"), c[0] + ": " + r.err());
            assertTrue(r.out().isEmpty(), r.out());
        }
        CliRun far = CliRun.of("xyzzy");
        assertTrue(far.err().startsWith("gosplan: unknown command 'xyzzy'; the commands are help, validate,"), far.err());
    }

    @Test
    void unknownIdsSuggestTheNearest(@TempDir Path tmp) throws IOException {
        String dir = tmp.resolve("log").toString();
        assertEquals(0, CliRun.of("log", "init", dir, "--origin", "example.org/ids").exit());
        Path key = tmp.resolve("council.key");
        CliRun k = CliRun.of("key", "new", key.toString(), "--name", "council-north");
        assertEquals(0, k.exit(), k.err());
        CliRun role = CliRun.of("record", dir, "member", k.out().strip(), "--role", "councl");
        assertEquals(2, role.exit(), role.err());
        assertTrue(role.err().contains("unknown role 'councl'; did you mean 'council'?"), role.err());

        assertEquals(0, CliRun.of("record", dir, "member", k.out().strip(), "--role", "council").exit());
        Path village = CliRun.examples().resolve("village.economy.json");
        assertEquals(0, CliRun.of("record", dir, "economy", village.toString()).exit());
        Path targets = Files.writeString(tmp.resolve("targets.csv"), "product,quantity,weight\nbred,5,\n");
        CliRun t = CliRun.of("record", dir, "targets", targets.toString(), "--key", key.toString());
        assertEquals(2, t.exit(), t.err());
        assertTrue(t.err().contains("unknown product 'bred'; did you mean 'bread'?"), t.err());

        CliRun r = CliRun.of("plan", village.toString(), "--objective", "min-resource", "--resource", "Land");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("no resource 'Land' in the economy; did you mean 'land'?"), r.err());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
