package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gosplan.inspection.lottery.Lottery;
import org.gosplan.inspection.lottery.Pool;
import org.gosplan.inspection.lottery.Quota;
import org.gosplan.inspection.lottery.Selection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "draw", description = {
        "Draws a panel by a lottery nobody can steer: among all panels of the given size that meet the quotas, the",
        "selection probabilities that make the least likely person as likely as possible (maximin, then leximin),",
        "rounded to 1,000 equally likely panels; the seed picks panel seed mod 1000.",
        "With --pool it works on files, for citizens' panels and for checking the method: PEOPLE.csv has an id",
        "column and one column per attribute, the quotas file the columns attr,value,min,max (as the Sortition",
        "Foundation's). It prints every person's probability and, with --seed, the panel drawn.",
        "Quotas that no panel can meet are named (the smallest set that cannot hold together), with exit code 2."},
        footer = {"", "Examples:",
                "  gosplan draw --pool people.csv --panel 20 --quotas quotas.csv",
                "  gosplan draw --pool people.csv --panel 20 --quotas quotas.csv --seed 5f1e... --json",
                "", "The method and its references: docs/lottery.md."})
final class DrawCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", arity = "0..1", description = "the log's data directory")
    Path dir;

    @Parameters(index = "1", paramLabel = "INSPECTION", arity = "0..1",
            description = "the log index of the inspection.ordered event")
    Long inspection;

    @Option(names = "--pool", paramLabel = "PEOPLE.csv", description = "draw from the people of this file")
    Path pool;

    @Option(names = "--panel", paramLabel = "K", description = "the panel's size (with --pool)")
    Integer panel;

    @Option(names = "--quotas", paramLabel = "FILE", description = "the quotas: attr,value,min,max (with --pool)")
    Path quotas;

    @Option(names = "--seed", paramLabel = "HEX", description = "draw the panel seed mod 1000 (with --pool)")
    String seed;

    @Option(names = "--json", description = "print {\"pool\", \"probabilities\", \"minProbability\", \"panels\","
            + " \"seed\", \"panel\"}")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (pool == null) {
            if (dir == null) {
                throw new UsageException("give --pool PEOPLE.csv --panel K to draw on files, or DIR INSPECTION to draw"
                        + " an inspection's panel from the record");
            }
            throw new UsageException("drawing an inspection's panel from the record is not built yet; give --pool"
                    + " PEOPLE.csv --panel K to draw on files");
        }
        if (dir != null) {
            throw new UsageException("--pool draws on files and takes no DIR or INSPECTION; give one or the other");
        }
        if (panel == null) {
            throw new UsageException("--panel is missing; give the panel's size, e.g. --panel 20");
        }
        byte[] seedBytes = seed == null ? null : hex(seed);
        long t0 = System.nanoTime();
        Pool people = Pool.read(pool);
        List<Quota> q = quotas == null ? List.of() : Quota.read(quotas);
        Selection s = Lottery.select(people, panel, q);
        double seconds = Durations.since(t0);
        if (json) {
            ObjectNode o = Json.object();
            o.put("pool", s.size());
            o.put("panelSize", panel);
            ObjectNode p = o.putObject("probabilities");
            for (int i = 0; i < s.size(); i++) {
                p.put(s.id(i), s.probability(i));
            }
            o.put("minProbability", s.minProbability());
            o.put("panels", s.panels());
            if (seedBytes != null) {
                o.put("seed", HexFormat.of().formatHex(seedBytes));
                o.put("index", s.index(seedBytes));
                ArrayNode a = o.putArray("panel");
                s.draw(seedBytes).forEach(a::add);
            }
            o.put("types", s.types());
            o.put("stages", s.stages());
            o.put("seconds", seconds);
            Json.print(System.out, o);
            return ExitCode.OK;
        }
        BufferedWriter w = LeontiefCommand.Streams.stdout();
        w.write(String.format(Locale.ROOT, "lottery: %d people, panels of %d, %d quota%s; %d types of people alike in"
                + " every quota, %d leximin stage%s, %s", s.size(), panel, q.size(), q.size() == 1 ? "" : "s",
                s.types(), s.stages(), s.stages() == 1 ? "" : "s", Durations.format(seconds)));
        w.newLine();
        w.write(String.format(Locale.ROOT, "smallest probability %.6f (panel/pool %.6f); %d equally likely panels",
                s.minProbability(), (double) panel / s.size(), s.panels()));
        w.newLine();
        w.newLine();
        TextTable t = new TextTable(1, "id", "probability", "of 1000 panels");
        for (int i = 0; i < s.size(); i++) {
            t.row(s.id(i), String.format(Locale.ROOT, "%.6f", s.probability(i)),
                    Integer.toString(s.seats(i)));
        }
        t.print(w);
        if (seedBytes != null) {
            w.newLine();
            w.write("seed " + HexFormat.of().formatHex(seedBytes) + ": panel " + s.index(seedBytes) + " of "
                    + s.panels() + ":");
            w.newLine();
            for (String id : s.draw(seedBytes)) {
                w.write("  " + id);
                w.newLine();
            }
        }
        w.flush();
        return ExitCode.OK;
    }

    private static byte[] hex(String s) {
        String h = s.startsWith("0x") ? s.substring(2) : s;
        if (h.isEmpty() || h.length() % 2 != 0 || !h.matches("[0-9a-fA-F]+")) {
            throw new UsageException("--seed '" + s + "' is not hexadecimal bytes; give an even number of hex digits,"
                    + " e.g. the 64 of a SHA-256");
        }
        return HexFormat.of().parseHex(h);
    }
}
