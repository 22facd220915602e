package org.gosplan.economy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A multi-regional table as pymrio's {@code save_all} writes it in its text format
 * (docs/tables.md): {@code file_parameters.json} naming each table's file and its numbers of
 * label columns and header lines; {@code Z.txt} (or {@code A.txt} with {@code x.txt}),
 * {@code Y.txt}, optional {@code x.txt} and {@code unit.txt}; and one sub-folder per extension
 * with its own {@code file_parameters.json}, {@code F.txt} and {@code unit.txt}. The sectors
 * are {@code region_sector}, the final-demand categories {@code region_category}, the factors
 * the extensions' rows. Multi-regional models come with issue 15: until then the regions are
 * read as one table.
 */
final class PymrioFolder {
    private PymrioFolder() {}

    static final String PARAMETERS = "file_parameters.json";
    static final TableFiles FILES = new TableFiles("Z.txt", "Y.txt", "x.txt", "F.txt");

    /** One entry of file_parameters.json. */
    private record Spec(String file, int indexCols, int headers) {}

    static IoTable read(Path folder, Problems problems, Progress progress) {
        TableMeta meta = TableMeta.read(folder, TableLayout.PYMRIO, problems);
        if (!Files.isRegularFile(folder.resolve("table.json"))) {
            meta = named(folder, meta);
        }
        Map<String, Spec> specs = parameters(folder, "", problems);
        if (specs == null) {
            return null;
        }
        TableMeta named = meta;
        return CsvReader.reporting(folder, problems, () -> read(folder, named, specs, problems, progress));
    }

    private static IoTable read(Path folder, TableMeta meta, Map<String, Spec> specs, Problems problems,
                                Progress progress) throws IOException {
        Spec zSpec = specs.get("Z");
        Spec aSpec = specs.get("A");
        Spec xSpec = specs.get("x");
        Spec ySpec = specs.get("Y");
        if (ySpec == null || (zSpec == null && (aSpec == null || xSpec == null))) {
            problems.error(PARAMETERS, "pymrio's file_parameters.json lists no " + (ySpec == null ? "Y" : "Z")
                    + "; a table needs Z (or A and x) and Y: in pymrio, calc_all() then save_all(path) writes them");
            return null;
        }
        Spec flows = zSpec != null ? zSpec : aSpec;
        IdIndex index;
        String[] sectors;
        try (PymrioFrame z = PymrioFrame.open(folder, flows.file(), flows.file(), flows.indexCols(), flows.headers(),
                true, problems)) {
            if (z == null) {
                return null;
            }
            sectors = z.columns();
            index = new IdIndex(sectors.length);
            int before = problems.errors().size();
            for (String s : sectors) {
                String p = Ids.problem(s);
                if (p != null) {
                    problems.error(flows.file() + ":1", p);
                } else if (index.add(s) < 0) {
                    problems.error(flows.file() + ":1", "sector '" + s + "' appears twice among the columns");
                }
            }
            if (problems.errors().size() > before) {
                return null;
            }
        }
        int n = sectors.length;
        double[] x = null;
        if (xSpec != null) {
            double[][] xs = columns(folder, xSpec, index, problems, new String[1][], false);
            if (xs != null) {
                if (xs.length != 1) {
                    problems.error(xSpec.file() + ":1", xSpec.file() + " has " + xs.length + " value columns;"
                            + " total output is one");
                } else {
                    x = xs[0];
                }
            }
        }
        if (zSpec == null && x == null) {
            return null; // A without a readable x (reported)
        }
        SparseMatrix zm = flows(folder, flows, zSpec == null ? x : null, index, problems, progress);
        String[][] categories = new String[1][];
        double[][] y = columns(folder, ySpec, index, problems, categories, true);
        String unit = meta.unit() != null ? meta.unit() : commonUnit(folder, specs.get("unit"), index, problems);
        List<String> factors = new ArrayList<>();
        List<double[]> f = new ArrayList<>();
        Map<String, String> factorUnits = new LinkedHashMap<>();
        extensions(folder, index, factors, f, factorUnits, problems);
        factorUnits.putAll(meta.factorUnits());
        if (problems.hasErrors() || zm == null || y == null) {
            return null;
        }
        return new IoTable(meta.name(), unit, sectors, zm, categories[0], y, x, factors.toArray(new String[0]),
                f.toArray(new double[0][]), factorUnits);
    }

    /** The name pymrio's metadata.json gives the system, when there is no table.json to name it. */
    private static TableMeta named(Path folder, TableMeta meta) {
        Path file = folder.resolve("metadata.json");
        if (!Files.isRegularFile(file)) {
            return meta;
        }
        JsonNode root = EconomyJson.parse(file, new Problems()); // an unreadable one only loses the name
        if (root == null || !root.path("name").isTextual()) {
            return meta;
        }
        return new TableMeta(meta.layout(), root.get("name").asText(), meta.unit(), meta.factorUnits(), meta.file());
    }

    /** file_parameters.json of {@code folder}: table name -> its file and shape; null when unusable. */
    private static Map<String, Spec> parameters(Path folder, String prefix, Problems problems) {
        String shown = prefix + PARAMETERS;
        Path file = folder.resolve(PARAMETERS);
        if (!Files.isRegularFile(file)) {
            problems.error(shown, "missing " + PARAMETERS + "; pymrio's save_all writes it beside the tables");
            return null;
        }
        Problems local = new Problems();
        JsonNode root = EconomyJson.parse(file, local);
        for (Problem p : local.errors()) {
            problems.error(prefix + p.where(), p.message());
        }
        if (root == null) {
            return null;
        }
        JsonNode files = root.path("files");
        if (!files.isObject()) {
            problems.error(shown + ":/files", "pymrio's " + PARAMETERS + " holds an object \"files\" naming each"
                    + " table's file, nr_index_col and nr_header");
            return null;
        }
        Map<String, Spec> specs = new LinkedHashMap<>();
        var it = files.fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode s = e.getValue();
            String name = s.path("name").asText("");
            int indexCols = count(s.path("nr_index_col"));
            int headers = count(s.path("nr_header"));
            String at = shown + ":/files/" + e.getKey();
            if (name.isEmpty() || indexCols < 1 || headers < 1) {
                problems.error(at, "each table needs \"name\", \"nr_index_col\" and \"nr_header\" (1 or more)");
            } else if (!name.endsWith(".txt") && !name.endsWith(".csv") && !name.endsWith(".tsv")) {
                problems.error(at, "'" + name + "' is not in pymrio's text format; save with"
                        + " save_all(path, table_format='txt')");
            } else {
                specs.put(e.getKey(), new Spec(prefix + name, indexCols, headers));
            }
        }
        return specs;
    }

    /** pymrio writes the counts as strings ("2"); numbers are taken too. */
    private static int count(JsonNode n) {
        if (n.isInt()) {
            return n.asInt();
        }
        if (n.isTextual() && n.asText().matches("\\d{1,3}")) {
            return Integer.parseInt(n.asText());
        }
        return -1;
    }

    /** Z, or A with each column times {@code x} when x is given: rows and columns the same sectors. */
    private static SparseMatrix flows(Path folder, Spec spec, double[] x, IdIndex index, Problems problems,
                                      Progress progress) throws IOException {
        int n = index.size();
        boolean coefficients = x != null;
        try (PymrioFrame z = PymrioFrame.open(folder, spec.file(), spec.file(), spec.indexCols(), spec.headers(), true,
                problems)) {
            if (z == null) {
                return null;
            }
            int before = problems.errors().size();
            SparseMatrix.Builder b = new SparseMatrix.Builder(n, n);
            boolean[] seen = new boolean[n];
            int rowsRead = 0;
            while (z.next() && !problems.full()) {
                if ((++rowsRead & 63) == 0) {
                    progress.update("reading " + folder.getFileName() + "/" + spec.file(), z.bytesRead(), z.size());
                }
                if (!z.complete(problems)) {
                    continue;
                }
                int i = row(z, index, seen, problems);
                if (i < 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    double v = z.value(j, true);
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        problems.error(z.where(), "column '" + index.id(j) + "': '" + z.text(j)
                                + "' is not a number; write a decimal number (0 for no flow)");
                    } else if (v < 0) {
                        problems.error(z.where(), "column '" + index.id(j) + "': intermediate flow " + z.text(j)
                                + " is negative; flows are >= 0");
                    } else if (v != 0) {
                        b.add(i, j, coefficients ? v * x[j] : v);
                    }
                }
            }
            z.report(problems);
            missing(spec.file(), index, seen, "row", problems);
            return problems.errors().size() > before ? null : b.build((row, col, at) -> { });
        }
    }

    /** The row's sector, or -1 (reported) when it is unknown or seen before. */
    private static int row(PymrioFrame f, IdIndex index, boolean[] seen, Problems problems) {
        String id = f.row();
        int i = index.indexOf(id);
        if (i < 0) {
            problems.error(f.where(), "row '" + id + "' is not among the sectors (the columns of Z)");
        } else if (seen[i]) {
            problems.error(f.where(), "sector '" + id + "' has two rows");
            i = -1;
        } else {
            seen[i] = true;
        }
        return i;
    }

    private static void missing(String file, IdIndex index, boolean[] seen, String what, Problems problems) {
        for (int i = 0; i < seen.length && !problems.full(); i++) {
            if (!seen[i]) {
                problems.error(file, "sector '" + index.id(i) + "' has no " + what + "; every sector of Z needs one");
            }
        }
    }

    /** A table with one row per sector (Y, x): {@code values[column][sector]}. */
    private static double[][] columns(Path folder, Spec spec, IdIndex index, Problems problems, String[][] names,
                                      boolean emptyIsZero) throws IOException {
        int n = index.size();
        try (PymrioFrame t = PymrioFrame.open(folder, spec.file(), spec.file(), spec.indexCols(), spec.headers(),
                true, problems)) {
            if (t == null) {
                return null;
            }
            names[0] = t.columns();
            int k = t.width();
            double[][] values = new double[k][n];
            boolean[] seen = new boolean[n];
            while (t.next() && !problems.full()) {
                if (!t.complete(problems)) {
                    continue;
                }
                int i = row(t, index, seen, problems);
                if (i < 0) {
                    continue;
                }
                for (int c = 0; c < k; c++) {
                    double v = t.value(c, emptyIsZero);
                    if (Double.isNaN(v) || Double.isInfinite(v) || (!emptyIsZero && v < 0)) {
                        problems.error(t.where(), "column '" + names[0][c] + "': '" + t.text(c) + "' is not a"
                                + (emptyIsZero ? "" : " non-negative") + " number");
                    } else {
                        values[c][i] = v;
                    }
                }
            }
            t.report(problems);
            missing(spec.file(), index, seen, "row", problems);
            return values;
        }
    }

    /** The unit every sector shares in unit.txt, or null when they differ or it is absent. */
    private static String commonUnit(Path folder, Spec spec, IdIndex index, Problems problems) throws IOException {
        if (spec == null) {
            return null;
        }
        try (PymrioFrame u = PymrioFrame.open(folder, spec.file(), spec.file(), spec.indexCols(), spec.headers(),
                false, problems)) {
            if (u == null || u.width() != 1) {
                return null;
            }
            String unit = null;
            while (u.next()) {
                if (u.complete(problems)) {
                    String s = u.text(0);
                    if (unit != null && !unit.equals(s)) {
                        return null;
                    }
                    unit = s;
                }
            }
            return unit;
        }
    }

    /** Each sub-folder that pymrio saved an extension in: its rows of F become factors. */
    private static void extensions(Path folder, IdIndex index, List<String> factors, List<double[]> f,
                                   Map<String, String> units, Problems problems) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.filter(p -> Files.isRegularFile(p.resolve(PARAMETERS))).sorted().forEach(dirs::add);
        }
        IdIndex seenFactors = new IdIndex();
        Map<String, String> origin = new LinkedHashMap<>();
        for (Path dir : dirs) {
            String prefix = dir.getFileName() + "/";
            Map<String, Spec> specs = parameters(dir, prefix, problems);
            if (specs == null) {
                continue;
            }
            Spec fSpec = specs.get("F");
            if (fSpec == null) {
                continue; // an extension of final demand alone, or of coefficients only: nothing per sector to read
            }
            if (specs.containsKey("F_Y")) {
                problems.warn(specs.get("F_Y").file(), "the extension's direct use by final demand (F_Y, such as"
                        + " households' own emissions) is not read: multipliers are per unit of output");
            }
            Map<String, String> extUnits = new LinkedHashMap<>();
            Spec uSpec = specs.get("unit");
            if (uSpec != null) {
                readUnits(folder, uSpec, extUnits, problems);
            }
            readF(folder, fSpec, index, problems, (id, row, where) -> {
                if (seenFactors.add(id) < 0) {
                    problems.error(where, "factor '" + id + "' is also a row of " + origin.get(id)
                            + "; factors need distinct names across extensions");
                    return;
                }
                origin.put(id, fSpec.file());
                factors.add(id);
                f.add(row);
                if (extUnits.containsKey(id)) {
                    units.put(id, extUnits.get(id));
                }
            });
        }
    }

    private interface FactorRow {
        void accept(String id, double[] row, String where);
    }

    private static void readF(Path folder, Spec spec, IdIndex index, Problems problems, FactorRow out)
            throws IOException {
        int n = index.size();
        try (PymrioFrame t = PymrioFrame.open(folder, spec.file(), spec.file(), spec.indexCols(), spec.headers(),
                true, problems)) {
            if (t == null) {
                return;
            }
            String[] cols = t.columns();
            int[] sectorOf = new int[cols.length];
            boolean[] seen = new boolean[n];
            int before = problems.errors().size();
            for (int c = 0; c < cols.length; c++) {
                sectorOf[c] = index.indexOf(cols[c]);
                if (sectorOf[c] < 0) {
                    problems.error(spec.file() + ":1", "column '" + cols[c] + "' is not a sector of Z");
                } else if (seen[sectorOf[c]]) {
                    problems.error(spec.file() + ":1", "sector '" + cols[c] + "' appears twice among the columns");
                } else {
                    seen[sectorOf[c]] = true;
                }
            }
            missing(spec.file(), index, seen, "column", problems);
            if (problems.errors().size() > before) {
                return;
            }
            while (t.next() && !problems.full()) {
                if (!t.complete(problems)) {
                    continue;
                }
                String id = t.row();
                String p = Ids.problem(id);
                if (p != null) {
                    problems.error(t.where(), p);
                    continue;
                }
                double[] row = new double[n];
                for (int c = 0; c < cols.length; c++) {
                    double v = t.value(c, true);
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        problems.error(t.where(), "factor '" + id + "', sector '" + cols[c] + "': '" + t.text(c)
                                + "' is not a number");
                    } else {
                        row[sectorOf[c]] = v;
                    }
                }
                out.accept(id, row, t.where());
            }
            t.report(problems);
        }
    }

    private static void readUnits(Path folder, Spec spec, Map<String, String> units, Problems problems)
            throws IOException {
        try (PymrioFrame u = PymrioFrame.open(folder, spec.file(), spec.file(), spec.indexCols(), spec.headers(),
                false, problems)) {
            if (u == null || u.width() != 1) {
                return;
            }
            while (u.next()) {
                if (u.complete(problems)) {
                    units.put(u.row(), u.text(0));
                }
            }
        }
    }
}
