package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.IoTable;
import org.gosplan.planner.analysis.Aggregation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "aggregate", description = {
        "Aggregates a table's sectors into groups and writes the aggregated table.",
        "Z, Y, F and x are summed over each group's sectors (Miller & Blair 2009, section 4.3), so every "
                + "total is kept; OUT is a new folder in the table format.",
        "The map is a CSV with header sector,group (a third column, label, names the groups); every sector of"
                + " the table must be mapped exactly once.",
        "Needs a table; see docs/analyses.md."})
final class AggregateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TABLE", description = "IO-table folder")
    Path path;

    @Parameters(index = "1", paramLabel = "OUT", description = "the folder to write (new, or empty)")
    Path out;

    @Option(names = "--map", paramLabel = "FILE", required = true,
            description = "CSV with header sector,group or sector,group,label")
    Path map;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw new UsageException(out + " exists and is not an empty folder; give a new folder for the aggregated"
                    + " table (nothing is overwritten)");
        }
        IoTable t = AnalysisInputs.table(path, "aggregate");
        List<String[]> rows = AnalysisInputs.csv(map);
        if (rows.isEmpty() || rows.get(0).length < 2 || rows.get(0).length > 3 || !rows.get(0)[0].equals("sector")
                || !rows.get(0)[1].equals("group") || (rows.get(0).length == 3 && !rows.get(0)[2].equals("label"))) {
            throw new UsageException(map + ":1: the header must be sector,group or sector,group,label");
        }
        int n = t.sectors();
        int[] groupOf = new int[n];
        java.util.Arrays.fill(groupOf, -1);
        Map<String, Integer> groups = new LinkedHashMap<>();
        Map<String, String> groupLabels = new LinkedHashMap<>();
        for (int line = 1; line < rows.size(); line++) {
            String[] r = rows.get(line);
            String where = map + ":" + (line + 1);
            if (r.length == 1 && r[0].isBlank()) {
                continue;
            }
            if (r.length != rows.get(0).length) {
                throw new UsageException(where + ": expected " + String.join(",", rows.get(0)));
            }
            int i = AnalysisInputs.sector(t, r[0], where);
            if (groupOf[i] >= 0) {
                throw new UsageException(where + ": sector '" + r[0] + "' is mapped twice; map each sector to one group");
            }
            if (r[1].isBlank() || r[1].chars().anyMatch(c -> c < 0x20 || c == ',')) {
                throw new UsageException(where + ": the group id '" + r[1] + "' must be a non-empty id without commas"
                        + " or control characters");
            }
            Integer g = groups.get(r[1]);
            if (g == null) {
                g = groups.size();
                groups.put(r[1], g);
            }
            groupOf[i] = g;
            if (r.length == 3 && !r[2].isEmpty()) {
                String before = groupLabels.putIfAbsent(r[1], r[2]);
                if (before != null && !before.equals(r[2])) {
                    throw new UsageException(where + ": group '" + r[1] + "' is labelled '" + before + "' above and '"
                            + r[2] + "' here; give a group one label");
                }
            }
        }
        List<String> unmapped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (groupOf[i] < 0) {
                unmapped.add("'" + t.sector(i) + "'");
            }
        }
        if (!unmapped.isEmpty()) {
            throw new UsageException(map + ": " + unmapped.size() + " sector" + (unmapped.size() == 1 ? " is" : "s are")
                    + " not mapped: " + String.join(", ", unmapped.subList(0, Math.min(10, unmapped.size())))
                    + (unmapped.size() > 10 ? ", ..." : "") + "; add a line sector,group for each");
        }
        String[] ids = groups.keySet().toArray(new String[0]);
        IoTable a = Aggregation.of(t, groupOf, ids, t.name().isEmpty() ? "aggregated"
                : t.name() + ", aggregated to " + ids.length + " groups");
        EconomyFiles.writeTable(a, groupLabels, out);
        int[] members = new int[ids.length];
        for (int g : groupOf) {
            members[g]++;
        }
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("folder", out.toString());
            doc.put("sectors", n);
            ObjectNode gs = doc.putObject("groups");
            for (int g = 0; g < ids.length; g++) {
                ObjectNode o = gs.putObject(ids[g]);
                o.put("sectors", members[g]);
                o.put("output", a.output(g));
            }
            AnalysisJson.putLabels(doc, groupLabels);
            Json.print(System.out, doc);
            return ExitCode.OK;
        }
        TextTable table = TextTable.bySector(groupLabels, "sectors", "output");
        for (int g = 0; g < ids.length; g++) {
            table.sector(ids[g], Integer.toString(members[g]), TextTable.money(a.output(g)));
        }
        BufferedWriter w = LeontiefCommand.Streams.stdout();
        table.print(w);
        w.newLine();
        w.write(String.format(java.util.Locale.ROOT, "wrote %s: %d sectors in %d groups%n", out, n, ids.length));
        w.flush();
        return ExitCode.OK;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
