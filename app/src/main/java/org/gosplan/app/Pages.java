package org.gosplan.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The help pages, set up once for every command so that the command classes need not each do it:
 * {@code -h, --help} on every command, summaries that are whole sentences in the lists of commands,
 * descriptions that wrap as paragraphs, and the shape of each command's {@code --json} document.
 */
final class Pages {
    private Pages() {}

    /** The JSON document of each command whose {@code --json} option does not already describe it. */
    private static final Map<String, String> JSON = Map.ofEntries(
            Map.entry("gosplan validate", "{\"valid\", \"products\", \"resources\", \"techniques\", \"nonzeros\","
                    + " \"errors\": [{\"where\", \"message\"}], \"warnings\": [...]}"),
            Map.entry("gosplan leontief", "{\"output\": {\"<sector>\": x, ...}, \"iterations\", \"residual\","
                    + " \"seconds\", \"method\"}"),
            Map.entry("gosplan multipliers", "{\"output\": {\"<sector>\": m, ...}, \"factors\": {\"<factor>\":"
                    + " {\"<sector>\": v, ...}, ...}, \"iterations\", \"residual\", \"seconds\", \"method\"}"),
            Map.entry("gosplan plan", "{\"status\", \"objective\", \"value\", \"levels\", \"netOutput\","
                    + " \"resourceUse\", \"valuations\", \"resourcePrices\", \"capacityPrices\", \"solver\","
                    + " \"certificate\", ...; \"diagnosis\" when infeasible} (docs/spec/cli.md)"),
            Map.entry("gosplan verify", "{\"valid\", \"ok\" (the same verdict, its old name), \"entries\", \"events\","
                    + " \"plansReplayed\", \"problems\": [...], \"notes\": [...], \"seconds\"}"),
            Map.entry("gosplan log init", "{\"origin\", \"key\", \"size\"}"),
            Map.entry("gosplan log prove", "{\"index\", \"size\", \"root\", \"proof\", \"leafHash\"} for --index,"
                    + " {\"from\", \"to\", \"oldRoot\", \"newRoot\", \"proof\"} for --from"));

    static final String ERRORS = "{\"errors\": [{\"where\", \"message\"}]}";

    /** Sets up the pages of {@code cl} and all its subcommands. */
    static void configure(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("show this help and exit").build());
        }
        spec.usageMessage().description(paragraphs(spec.usageMessage().description()));
        // An option's description written over several source lines is one paragraph too: picocli would
        // otherwise break the page where the source breaks ("... of the" / "resources" on plan --help)
        for (OptionSpec o : new ArrayList<>(spec.options())) {
            String[] d = o.description();
            String[] joined = paragraphs(d);
            if (o.group() == null && joined.length < d.length) {
                spec.remove(o);
                spec.addOption(o.toBuilder().description(joined).build());
            }
        }
        if (spec.findOption("--json") != null) {
            List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
            footer.add("");
            String shape = JSON.get(spec.qualifiedName(" "));
            footer.add("With --json, standard output is one JSON document" + (shape == null ? "" : ": " + shape)
                    + ". Bad input (exit 2) prints " + ERRORS + " there as well as the message on standard error.");
            spec.usageMessage().footer(footer.toArray(new String[0]));
        }
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Pages::commandList);
        for (CommandLine sub : cl.getSubcommands().values()) {
            configure(sub);
        }
    }

    /**
     * The description's lines joined into paragraphs: a line continues the one before unless that one
     * ends a sentence or is empty. The classes break their text where the
     * source is wide, not where the page is; picocli wraps each paragraph to the page.
     */
    static String[] paragraphs(String[] lines) {
        List<String> out = new ArrayList<>();
        StringBuilder b = null;
        for (String line : lines) {
            String t = line.strip();
            if (b != null && !t.isEmpty() && b.length() > 0 && !b.toString().endsWith(".")) {
                b.append(' ').append(t);
                continue;
            }
            if (b != null) {
                out.add(b.toString());
            }
            b = new StringBuilder(t);
        }
        if (b != null) {
            out.add(b.toString());
        }
        return out.toArray(new String[0]);
    }

    /** Longer than this, a summary is cut at its first colon: the list is for finding a command. */
    private static final int SUMMARY = 100;

    /**
     * A command's summary: its header, else the first sentence of its description, up to its first
     * colon where that sentence is long (what follows a colon details what precedes it).
     */
    static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        if (header.length > 0) {
            return String.join(" ", header).strip();
        }
        String[] d = paragraphs(spec.usageMessage().description());
        if (d.length == 0) {
            return "";
        }
        String first = firstSentence(d[0]);
        if (first.length() <= SUMMARY) {
            return first;
        }
        // Without its parentheses (details) the sentence may be short enough, and stays whole
        String plain = withoutParentheses(first);
        if (plain.length() <= SUMMARY) {
            return plain;
        }
        int colon = colonOutsideParentheses(first);
        return colon > 0 ? first.substring(0, colon) + "." : first;
    }

    /** The text with every parenthesised part, and the space before it, taken out. */
    static String withoutParentheses(String text) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                if (depth++ == 0) {
                    while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
                        b.setLength(b.length() - 1);
                    }
                }
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int colonOutsideParentheses(String text) {
        int depth = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && c == ':' && text.charAt(i + 1) == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static String firstSentence(String text) {
        for (int i = text.indexOf(". "); i >= 0; i = text.indexOf(". ", i + 1)) {
            if (!text.regionMatches(Math.max(0, i - 3), "e.g", 0, 3) && !text.regionMatches(Math.max(0, i - 3), "i.e", 0, 3)) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }

    /** The list of subcommands, each with its {@link #summary}. */
    private static String commandList(Help help) {
        Map<String, Help> subs = help.subcommands();
        if (subs.isEmpty()) {
            return "";
        }
        int names = 0;
        for (String name : subs.keySet()) {
            names = Math.max(names, name.length());
        }
        int width = help.commandSpec().usageMessage().width();
        TextTable table = TextTable.forColumns(help.colorScheme(),
                new Column(names + 4, 2, Column.Overflow.SPAN),
                new Column(Math.max(20, width - names - 4), 1, Column.Overflow.WRAP));
        for (Map.Entry<String, Help> e : subs.entrySet()) {
            table.addRowValues(e.getKey(), summary(e.getValue().commandSpec()));
        }
        return table.toString();
    }
}
