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
import org.gosplan.inspection.Draws;
import org.gosplan.inspection.lottery.Lottery;
import org.gosplan.inspection.lottery.Pool;
import org.gosplan.inspection.lottery.Quota;
import org.gosplan.inspection.lottery.Selection;
import org.gosplan.record.Record;
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
        "Quotas that no panel can meet are named (the smallest set that cannot hold together), with exit code 2.",
        "With DIR INSPECTION it draws the panel of the inspection ordered at that entry: the pool is the inspectors",
        "registered then, less the exclusions; the seed is SHA-256(root at drawAt, the revealed secrets in log",
        "order, the inspection's index as 8 bytes). It records nothing: 'gosplan record DIR draw INSPECTION' does."},
        footer = {"", "Examples:",
                "  gosplan draw --pool people.csv --panel 20 --quotas quotas.csv",
                "  gosplan draw --pool people.csv --panel 20 --quotas quotas.csv --seed 5f1e... --json",
                "  gosplan draw data/log 7",
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

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "a log kept in PostgreSQL instead of DIR")
    String db;

    @Override
    public Integer call() throws IOException {
        if (pool == null) {
            if (dir == null && db == null || inspection == null) {
                throw new UsageException("give DIR INSPECTION to draw an inspection's panel from the record, or --pool"
                        + " PEOPLE.csv --panel K to draw on files");
            }
            if (panel != null || quotas != null || seed != null) {
                throw new UsageException("--panel, --quotas and --seed are for --pool; an inspection's draw takes them"
                        + " from the record");
            }
            return fromRecord();
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
            probabilities(o, s);
            if (seedBytes != null) {
                o.put("seed", HexFormat.of().formatHex(seedBytes));
                o.put("index", s.index(seedBytes));
                ArrayNode a = o.putArray("panel");
                s.draw(seedBytes).forEach(a::add);
            }
            o.put("leximin", s.leximin());
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
        w.write(String.format(Locale.ROOT, "smallest probability %.6f (panel/pool %.6f), %s; %d equally likely"
                + " panels", s.minProbability(), (double) panel / s.size(), s.leximin() ? "leximin"
                : "maximin (the leximin stopped at its budget)", s.panels()));
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

    private int fromRecord() throws IOException {
        long t0 = System.nanoTime();
        Draws.Draw d;
        try (Record r = RecordAccess.open(dir, db)) {
            d = Draws.compute(r, inspection, r.log().size());
        }
        double seconds = Durations.since(t0);
        Selection s = d.selection();
        if (json) {
            ObjectNode o = Json.object();
            o.put("inspection", d.inspection());
            o.put("pool", s.size());
            probabilities(o, s);
            o.put("seed", d.seedHex());
            d.panel().forEach(o.putArray("panel")::add);
            o.put("secrets", d.secrets());
            d.ignored().forEach(o.putArray("ignored")::add);
            o.put("leximin", s.leximin());
            o.put("seconds", seconds);
            Json.print(System.out, o);
            return ExitCode.OK;
        }
        BufferedWriter w = LeontiefCommand.Streams.stdout();
        w.write(String.format(Locale.ROOT, "inspection %d: %d inspectors in the pool, smallest probability %.6f;"
                + " seed %s from %d secret%s: panel %d of %d, %s", d.inspection(), s.size(), s.minProbability(),
                d.seedHex(), d.secrets(), d.secrets() == 1 ? "" : "s", s.index(d.seed()), s.panels(),
                Durations.format(seconds)));
        w.newLine();
        for (String id : d.panel()) {
            w.write("  " + id);
            w.newLine();
        }
        for (String i : d.ignored()) {
            w.write("ignored: " + i);
            w.newLine();
        }
        w.flush();
        return ExitCode.OK;
    }

    /** {@code "probabilities": {id: p}, "minProbability", "panels"}, as inspection.md's draw. */
    private static void probabilities(ObjectNode o, Selection s) {
        ObjectNode p = o.putObject("probabilities");
        for (int i = 0; i < s.size(); i++) {
            p.put(s.id(i), s.probability(i));
        }
        o.put("minProbability", s.minProbability());
        o.put("panels", s.panels());
        o.put("deviation", s.deviation());
    }

    private static byte[] hex(String s) {
        String h = s.startsWith("0x") ? s.substring(2) : s;
        if (h.isEmpty() || h.length() % 2 != 0 || !h.matches("[0-9a-fA-F]+")) {
            throw new UsageException("--seed '" + s + "' is not hexadecimal bytes; give an even number of hex digits,"
                    + " e.g. the 64 of a SHA-256");
        }
        return HexFormat.of().parseHex(h);
    }

    @Command(name = "draw", description = {
            "Records an inspection's drawn panel (draw.made): the lottery over the inspectors registered when it was",
            "ordered, less the exclusions, and the panel the seed picks, as 'gosplan draw DIR INSPECTION' shows it.",
            "The log must have reached the inspection's drawAt and every committed secret must be revealed (or the",
            "reveal deadline, drawAt + 1000 entries, passed), from members of at least two councils. The",
            "probabilities file is stored beside the log; 'gosplan verify' recomputes the whole draw."})
    static final class RecordDraw implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        RecordCommand parent;

        @Parameters(paramLabel = "INSPECTION", description = "the log index of the inspection.ordered event")
        long inspection;

        @picocli.CommandLine.Mixin
        RecordCommand.Signing signing;

        @Override
        public Integer call() throws IOException {
            try (Record rec = parent.open()) {
                long i = Draws.record(rec, inspection, signing.signer(rec));
                String hash = rec.event(i).body().get("probabilities").asText();
                return RecordCommand.report(signing, i, org.gosplan.record.EventTypes.DRAW_MADE, hash);
            }
        }
    }
}
