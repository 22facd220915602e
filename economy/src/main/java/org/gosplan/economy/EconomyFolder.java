package org.gosplan.economy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The bulk form: a folder of CSV files (formats.md section 2). Reads stream; nothing is held twice. */
final class EconomyFolder {
    private EconomyFolder() {}

    private static final String[] PRODUCT_COLUMNS = {"id", "unit", "name"};
    private static final String[] RESOURCE_COLUMNS = {"id", "unit", "available", "region", "year"};
    private static final String[] TECHNIQUE_COLUMNS = {"id", "capacity", "region"};
    private static final String[] FLOW_COLUMNS = {"technique", "item", "quantity", "stock"};
    private static final String[] TARGET_COLUMNS = {"product", "quantity", "weight", "region", "year"};
    private static final boolean[] ID_ONLY = {true, false, false, false, false};
    private static final boolean[] THREE = {true, true, true, false};
    private static final boolean[] TWO = {true, true, false, false, false};

    static Economy read(Path folder, Problems problems, Progress progress) {
        JsonNode[] meta = new JsonNode[1];
        String name = readMeta(folder, problems, meta);
        return CsvReader.reporting(folder, problems, () -> read(folder, name, meta[0], problems, progress));
    }

    private static Economy read(Path folder, String name, JsonNode meta, Problems problems, Progress progress)
            throws IOException {
        long techniqueBytes = Files.isRegularFile(folder.resolve("techniques.csv"))
                ? Files.size(folder.resolve("techniques.csv")) : 0;
        // about 12 bytes a line in techniques.csv: size the id table once
        EconomyBuilder b = new EconomyBuilder(name, (int) Math.min(1 << 28, techniqueBytes / 12 + 16));
        if (meta != null) {
            new PartsJson(new EconomyJson.Reading("economy.json", problems), b).head(meta);
        }
        PartsFolder.readRegions(folder, b, problems);
        readProducts(folder, b, problems);
        PartsFolder.readCapital(folder, b, problems);
        readResources(folder, b, problems);
        int[] techniqueLines = readTechniques(folder, b, problems);
        PartsFolder.readTransport(folder, b, problems);
        if (problems.full()) {
            return null;
        }
        boolean[] hasOutput = new boolean[b.techniques()];
        int[] flowLines = readFlows(folder, b, problems, progress, hasOutput);
        // reported here, where the line of the technique is known (the builder could only name it)
        // (only when flows.csv read cleanly: a flow row in error may be the missing output)
        boolean flowsClean = !problems.hasErrors();
        for (int t = 0; t < hasOutput.length && flowsClean && !problems.full(); t++) {
            if (!hasOutput[t]) {
                String id = b.techniqueIds().id(t);
                problems.error("techniques.csv:" + techniqueLines[t], "technique '" + id + "' has no outputs;"
                        + " give it at least one product it makes: a row '" + id + ",<product>,<quantity > 0>'"
                        + " in flows.csv");
            }
        }
        int[] targetLines = readTargets(folder, b, problems);
        PartsFolder.readTrade(folder, b, problems);
        PartsFolder.readStocks(folder, b, problems);
        if (problems.hasErrors()) {
            return null;
        }
        return b.build(problems, f -> "flows.csv:" + flowLines[f], i -> "targets.csv:" + targetLines[i]);
}

    private static final java.util.Set<String> META = java.util.Set.of("format", "name", "currency", "tradeBalance",
            "years");

    /** Reads economy.json; {@code root[0]} gets its tree for the fields beyond the name. */
    private static String readMeta(Path folder, Problems problems, JsonNode[] rootOut) {
        Path meta = folder.resolve("economy.json");
        String fallback = folder.toAbsolutePath().normalize().getFileName() == null ? ""
                : folder.toAbsolutePath().normalize().getFileName().toString();
        if (!Files.isRegularFile(meta)) {
            problems.error(meta.toString(), "missing economy.json; write {\"format\": \"" + Economy.FORMAT
                    + "\", \"name\": \"" + fallback + "\"} there");
            return fallback;
        }
        JsonNode root = EconomyJson.parse(meta, problems);
        if (root == null) {
            return fallback;
        }
        if (!root.isObject()) {
            problems.error("economy.json:/", "must be a JSON object with \"format\" and \"name\"");
            return fallback;
        }
        EconomyJson.checkFormat(root, "economy.json", Economy.FORMAT, problems);
        root.fieldNames().forEachRemaining(f -> {
            if (!META.contains(f)) {
                problems.error("economy.json:/" + f, "unknown field '" + f + "'; economy.json of a folder holds"
                        + " only \"format\" and \"name\" (and \"currency\", \"tradeBalance\", \"years\"; the"
                        + " other parts are CSV files beside it)");
            }
        });
        rootOut[0] = root;
        JsonNode n = root.get("name");
        if (n == null) {
            return fallback;
        }
        if (!n.isTextual()) {
            problems.error("economy.json:/name", "\"name\" must be a string");
            return fallback;
        }
        return n.asText();
    }

    private static void readProducts(Path folder, EconomyBuilder b, Problems problems) throws IOException {
        try (CsvReader csv = CsvReader.open(folder, "products.csv", problems, true)) {
            if (csv == null) {
                return;
            }
            Header h = Header.read(csv, PRODUCT_COLUMNS, ID_ONLY, problems);
            if (h == null) {
                return;
            }
            while (csv.next() && !problems.full()) {
                if (!width(csv, h, problems)) {
                    continue;
                }
                String id = id(csv, h.at(0), problems);
                if (id != null && b.addProduct(id, optional(csv, h.at(1)), optional(csv, h.at(2))) < 0) {
                    problems.error(csv.where(), duplicate("product", id, b.resourceIndex(id) >= 0));
                }
            }
        }
    }

    private static void readResources(Path folder, EconomyBuilder b, Problems problems) throws IOException {
        try (CsvReader csv = CsvReader.open(folder, "resources.csv", problems, false)) {
            if (csv == null) {
                return;
            }
            Header h = Header.read(csv, RESOURCE_COLUMNS, ID_ONLY, problems);
            if (h == null) {
                return;
            }
            java.util.BitSet defined = new java.util.BitSet();
            while (csv.next() && !problems.full()) {
                if (!width(csv, h, problems)) {
                    continue;
                }
                String id = id(csv, h.at(0), problems);
                double available = Double.NaN;
                int a = h.at(2);
                if (a >= 0 && !csv.isEmpty(a)) {
                    available = quantity(csv, a, "available", problems);
                    if (available < 0) {
                        problems.error(csv.where(), "available amount " + csv.text(a) + " of resource '" + id
                                + "' is negative; give an amount >= 0, or leave it empty for unlimited");
                    }
                }
                int region = PartsRows.region(b.parts(), optional(csv, h.at(3)), "resource '" + id + "'",
                        m -> problems.error(csv.where(), m));
                int year = PartsRows.year(b.parts(), PartsFolder.number(csv, h, 4, "year", problems),
                        "resource '" + id + "'", m -> problems.error(csv.where(), m));
                if (id != null && region != PartsRows.BAD && year >= 0) {
                    PartsRows.resource(b, defined, id, optional(csv, h.at(1)), available, region, year,
                            m -> problems.error(csv.where(), m));
                }
            }
        }
    }

    /** Returns the line of each technique by its index. */
    private static int[] readTechniques(Path folder, EconomyBuilder b, Problems problems) throws IOException {
        int[] lines = new int[16];
        try (CsvReader csv = CsvReader.open(folder, "techniques.csv", problems, true)) {
            if (csv == null) {
                return lines;
            }
            Header h = Header.read(csv, TECHNIQUE_COLUMNS, ID_ONLY, problems);
            if (h == null) {
                return lines;
            }
            while (csv.next() && !problems.full()) {
                if (!width(csv, h, problems)) {
                    continue;
                }
                String id = id(csv, h.at(0), problems);
                double capacity = Double.POSITIVE_INFINITY;
                int c = h.at(1);
                if (c >= 0 && !csv.isEmpty(c)) {
                    capacity = quantity(csv, c, "capacity", problems);
                    if (capacity < 0) {
                        problems.error(csv.where(), "capacity " + csv.text(c) + " of technique '" + id
                                + "' is negative; give a bound >= 0, or leave it empty for none");
                    }
                }
                int region = PartsRows.region(b.parts(), optional(csv, h.at(2)), "technique '" + id + "'",
                        m -> problems.error(csv.where(), m));
                if (id != null) {
                    int t = b.addTechnique(id, capacity);
                    if (t < 0) {
                        problems.error(csv.where(), "technique '" + id + "' is listed twice; ids must be unique");
                    } else {
                        if (region >= 0) {
                            b.parts().techniqueRegion(t, region);
                        }
                        if (t == lines.length) {
                            lines = Arrays.copyOf(lines, t * 2);
                        }
                        lines[t] = (int) Math.min(Integer.MAX_VALUE, csv.line());
                    }
                }
            }
        }
        return lines;
    }

    /** Returns the line of each flow by its ordinal, for errors found when the matrices are built. */
    private static int[] readFlows(Path folder, EconomyBuilder b, Problems problems, Progress progress,
                                   boolean[] hasOutput) throws IOException {
        int[] lines = new int[1024];
        try (CsvReader csv = CsvReader.open(folder, "flows.csv", problems, true)) {
            if (csv == null) {
                return lines;
            }
            Header h = Header.read(csv, FLOW_COLUMNS, THREE, problems);
            if (h == null) {
                return lines;
            }
            int tc = h.at(0), ic = h.at(1), qc = h.at(2), sc = h.at(3);
            IdIndex techniques = b.techniqueIds(), products = b.productIds(), resources = b.resourceIds();
            int technique = -1;
            int zeros = 0;
            long rows = 0;
            String task = "reading " + folder.getFileName() + "/flows.csv";
            while (csv.next() && !problems.full()) {
                if ((++rows & 0xFFFF) == 0) {
                    progress.update(task, csv.bytesRead(), csv.size());
                }
                if (!width(csv, h, problems)) {
                    continue;
                }
                // Flows come grouped by technique: look the id up only when it changes.
                if (technique < 0 || !csv.sameAsRemembered(tc)) {
                    technique = csv.lookup(techniques, tc);
                    if (technique < 0) {
                        if (b.parts().transportIndex(csv.text(tc)) >= 0) {
                            transportFlow(csv, h, b, problems);
                            continue;
                        }
                        problems.error(csv.where(), Ids.unknown("technique", csv.text(tc), "add it to techniques.csv",
                                techniques));
                        continue;
                    }
                    csv.remember(tc);
                }
                boolean stock = sc >= 0 && stock(csv, sc, problems);
                double q = csv.number(qc);
                if (Double.isNaN(q) || Double.isInfinite(q)) {
                    problems.error(csv.where(), "quantity '" + csv.text(qc) + "' is not a number; write a"
                            + " decimal number such as 2.5 or -1e-3 (positive for an output, negative for an input)"
                            + Numbers.spacesHint(csv.text(qc)));
                    continue;
                }
                if (q == 0) {
                    if (zeros++ < 3) {
                        problems.warn(csv.where(), "quantity 0 means no flow; the row is ignored");
                    }
                    continue;
                }
                int p = csv.lookup(products, ic);
                if (b.flows() == lines.length) {
                    lines = Arrays.copyOf(lines, (int) Math.min(Integer.MAX_VALUE - 8, lines.length * 2L));
                }
                lines[b.flows()] = (int) Math.min(Integer.MAX_VALUE, csv.line());
                if (stock) {
                    if (p < 0 || q > 0) {
                        problems.error(csv.where(), "a row with stock true is the capital a technique needs: its item"
                                + " is a capital product and its quantity negative (the stock per unit of level)");
                    } else {
                        int t = technique;
                        PartsRows.capitalNeed(b, t, p, -q, m -> problems.error(csv.where(), m));
                    }
                    continue;
                }
                if (p >= 0) {
                    if (q > 0) {
                        b.output(technique, p, q);
                        hasOutput[technique] = true;
                    } else {
                        b.productInput(technique, p, -q);
                    }
                    continue;
                }
                int r = csv.lookup(resources, ic);
                String item = r < 0 || q > 0 ? csv.text(ic) : null;
                if (r < 0) {
                    problems.error(csv.where(), Ids.unknown("item", item, "add it to products.csv or resources.csv",
                            products, resources));
                } else if (q > 0) {
                    problems.error(csv.where(), "'" + item + "' is a resource, which no technique can make; an input"
                            + " of a resource has a negative quantity (" + (-q) + ")");
                } else {
                    b.resourceInput(technique, r, -q);
                }
            }
            if (zeros > 3) {
                problems.warn("flows.csv", zeros + " rows in all have quantity 0 and are ignored");
            }
            progress.update(task, csv.size(), csv.size());
        }
        return lines;
    }

    /** A flow row of a transport link: an input per unit moved. */
    private static void transportFlow(CsvReader csv, Header h, EconomyBuilder b, Problems problems) {
        int link = b.parts().transportIndex(csv.text(h.at(0)));
        if (h.at(3) >= 0 && stock(csv, h.at(3), problems)) {
            problems.error(csv.where(), "transport '" + csv.text(h.at(0)) + "' needs no capital; leave stock empty");
            return;
        }
        double q = csv.number(h.at(2));
        if (Double.isNaN(q) || Double.isInfinite(q) || q > 0) {
            problems.error(csv.where(), "quantity '" + csv.text(h.at(2)) + "' of transport '" + csv.text(h.at(0))
                    + "': a transport link's rows are its inputs per unit moved, negative numbers such as -0.5");
            return;
        }
        if (q < 0) {
            PartsRows.transportInput(b, link, csv.text(h.at(1)), -q, m -> problems.error(csv.where(), m));
        }
    }

    private static boolean stock(CsvReader csv, int field, Problems problems) {
        if (csv.isEmpty(field)) {
            return false;
        }
        String v = csv.text(field);
        if (v.equals("true")) {
            return true;
        }
        if (!v.equals("false")) {
            problems.error(csv.where(), "stock is '" + v + "'; write true (the row is capital the technique needs),"
                    + " false or nothing");
        }
        return false;
    }

    private static int[] readTargets(Path folder, EconomyBuilder b, Problems problems) throws IOException {
        return readTargets(folder.resolve("targets.csv"), false, b::productIndex,
                id -> Ids.unknown("product", id, TARGETS_NAME, b.productIds()), b::target, b.parts(), false, problems);
    }

    /** Receives the targets read. */
    interface TargetSink {
        void target(int product, double quantity, double weight, int region, int year);
    }

    static final String TARGETS_NAME = "targets name products of the economy";

    /**
     * Reads a targets file; returns the line of each target by its ordinal. {@code unknownProduct}
     * says what is wrong with an id {@code productIndex} does not know. {@code regionOptional}
     * lets a target of an economy with republics go without one (-1), as targets were stored before
     * they kept their place.
     */
    static int[] readTargets(Path file, boolean required, java.util.function.ToIntFunction<String> productIndex,
                             java.util.function.UnaryOperator<String> unknownProduct, TargetSink sink,
                             PartsBuilder parts, boolean regionOptional, Problems problems) throws IOException {
        int[] lines = new int[16];
        int n = 0;
        Path folder = file.toAbsolutePath().getParent();
        try (CsvReader csv = CsvReader.open(folder, file.getFileName().toString(), problems, required)) {
            if (csv == null) {
                return lines;
            }
            Header h = Header.read(csv, TARGET_COLUMNS, TWO, problems);
            if (h == null) {
                return lines;
            }
            while (csv.next() && !problems.full()) {
                if (!width(csv, h, problems)) {
                    continue;
                }
                String id = csv.text(h.at(0));
                int p = productIndex.applyAsInt(id);
                // a field that is not a number is reported once, as such, and not again as "must be > 0"
                boolean qNumber = Double.isFinite(csv.number(h.at(1)));
                double q = quantity(csv, h.at(1), "quantity", problems);
                double w = 1.0;
                int wc = h.at(2);
                if (wc >= 0 && !csv.isEmpty(wc)) {
                    boolean wNumber = Double.isFinite(csv.number(wc));
                    w = quantity(csv, wc, "weight", problems);
                    if (wNumber && !(w > 0)) {
                        problems.error(csv.where(), "weight " + csv.text(wc) + " must be > 0 (or empty for 1)");
                    }
                }
                if (p < 0) {
                        problems.error(csv.where(), unknownProduct.apply(id));
                    continue;
                }
                if (!qNumber) {
                    continue;
                }
                if (!(q > 0)) {
                    problems.error(csv.where(), "target quantity " + csv.text(h.at(1)) + " for '" + id
                            + "' must be > 0; leave out products with no target");
                    continue;
                }
                String regionId = optional(csv, h.at(3));
                int region = regionOptional && (regionId == null || regionId.isEmpty()) ? -1
                        : PartsRows.region(parts, regionId, "the target for '" + id + "'",
                                m -> problems.error(csv.where(), m));
                int year = PartsRows.year(parts, PartsFolder.number(csv, h, 4, "year", problems),
                        "the target for '" + id + "'", m -> problems.error(csv.where(), m));
                if (region == PartsRows.BAD || year < 0) {
                    continue;
                }
                if (n == lines.length) {
                    lines = Arrays.copyOf(lines, n * 2);
                }
                lines[n++] = (int) Math.min(Integer.MAX_VALUE, csv.line());
                sink.target(p, q, w, region, year);
            }
        }
        return lines;
    }

    static boolean width(CsvReader csv, Header h, Problems problems) {
        if (csv.fields() != h.width) {
            problems.error(csv.where(), "this row has " + csv.fields() + " field" + (csv.fields() == 1 ? "" : "s")
                    + " but the header has " + h.width + "; every row needs one value per column (quote values"
                    + " that contain commas)");
            return false;
        }
        return true;
    }

    private static String id(CsvReader csv, int field, Problems problems) {
        String id = csv.text(field);
        String p = Ids.problem(id);
        if (p != null) {
            problems.error(csv.where(), p);
            return null;
        }
        return id;
    }

    private static String optional(CsvReader csv, int field) {
        return field < 0 || csv.isEmpty(field) ? null : csv.text(field);
    }

    private static double quantity(CsvReader csv, int field, String what, Problems problems) {
        double v = csv.number(field);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            problems.error(csv.where(), what + " '" + csv.text(field) + "' is not a number; write a decimal number"
                    + " such as 1500 or 2.5e3" + Numbers.spacesHint(csv.text(field)));
            return 0;
        }
        return v;
    }

    private static String duplicate(String kind, String id, boolean otherKind) {
        return otherKind
                ? kind + " '" + id + "' has the id of a " + ("product".equals(kind) ? "resource" : "product")
                        + "; an id names one item, so rename one of them"
                : kind + " '" + id + "' is listed twice; ids must be unique";
    }

    // ---- writing

    static void write(Economy e, Path folder) {
        Parts parts = e.parts();
        boolean regional = parts.isRegional();
        boolean yearly = parts.years() > 0;
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("economy.json"), "{\n  \"format\": " + EconomyJson.quote(Economy.FORMAT)
                    + ",\n  \"name\": " + EconomyJson.quote(e.name()) + PartsFolder.meta(parts) + "\n}\n");
            try (Writer w = writer(folder, "products.csv")) {
                w.write("id,unit,name\n");
                for (int p = 0; p < e.products(); p++) {
                    row(w, e.productId(p), e.productUnit(p), e.productName(p));
                }
            }
            try (Writer w = writer(folder, "resources.csv")) {
                w.write("id,unit,available" + (regional ? ",region" : "") + (yearly ? ",year" : "") + "\n");
                for (int r = 0; r < e.resources(); r++) {
                    String region = parts.regionId(parts.resourceRegion(r));
                    row(w, extra(regional, yearly, region, 0, e.resourceId(r), e.resourceUnit(r),
                            e.isLimited(r) ? Numbers.format(e.available(r)) : null));
                    for (Parts.Availability a : parts.availability()) {
                        if (a.resource() == r) {
                            row(w, extra(regional, yearly, region, a.year(), e.resourceId(r), null,
                                    PartsFolder.finite(a.available())));
                        }
                    }
                }
            }
            try (Writer w = writer(folder, "techniques.csv")) {
                w.write("id,capacity" + (regional ? ",region" : "") + "\n");
                for (int t = 0; t < e.techniques(); t++) {
                    row(w, extra(regional, false, parts.regionId(parts.techniqueRegion(t)), 0, e.techniqueId(t),
                            e.hasCapacity(t) ? Numbers.format(e.capacity(t)) : null));
                }
            }
            SparseMatrix capital = parts.capitalInputs();
            try (Writer w = writer(folder, "flows.csv")) {
                w.write(capital == null ? "technique,item,quantity\n" : "technique,item,quantity,stock\n");
                String plain = capital == null ? "" : ",";
                SparseMatrix out = e.outputs(), pin = e.productInputs(), rin = e.resourceInputs();
                for (int t = 0; t < e.techniques(); t++) {
                    String tid = field(e.techniqueId(t));
                    flows(w, tid, out, t, e, false, 1, plain);
                    flows(w, tid, pin, t, e, false, -1, plain);
                    flows(w, tid, rin, t, e, true, -1, plain);
                    if (capital != null) {
                        flows(w, tid, capital, t, e, false, -1, ",true");
                    }
                }
                for (Parts.Transport l : parts.transport()) {
                    for (Parts.Input i : l.inputs()) {
                        row(w, capital == null
                                ? new String[] {l.id(), i.resource() ? e.resourceId(i.item()) : e.productId(i.item()),
                                    Numbers.format(-i.quantity())}
                                : new String[] {l.id(), i.resource() ? e.resourceId(i.item()) : e.productId(i.item()),
                                    Numbers.format(-i.quantity()), null});
                    }
                }
            }
            writeTargets(e, folder.resolve("targets.csv"));
            PartsFolder.write(e, folder);
        } catch (IOException x) {
            throw new EconomyException(folder.toString(), "cannot write: " + x.getMessage());
        }
    }

    /** The fields, then the region (where the economy is regional) and the year (where it has years; 0: empty). */
    private static String[] extra(boolean regional, boolean yearly, String region, int year, String... fields) {
        String[] all = Arrays.copyOf(fields, fields.length + (regional ? 1 : 0) + (yearly ? 1 : 0));
        int at = fields.length;
        if (regional) {
            all[at++] = region;
        }
        if (yearly) {
            all[at] = year == 0 ? null : Integer.toString(year);
        }
        return all;
    }

    static void writeTargets(Economy e, Path file) {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            Parts parts = e.parts();
            boolean regional = parts.isRegional();
            boolean yearly = parts.years() > 0;
            w.write("product,quantity,weight" + (regional ? ",region" : "") + (yearly ? ",year" : "") + "\n");
            for (int i = 0; i < e.targets(); i++) {
                row(w, extra(regional, yearly, parts.regionId(parts.targetRegion(i)), parts.targetYear(i),
                        e.productId(e.targetProduct(i)), Numbers.format(e.targetQuantity(i)),
                        Numbers.format(e.targetWeight(i))));
            }
        } catch (IOException x) {
            throw new EconomyException(file.toString(), "cannot write: " + x.getMessage());
        }
    }

    private static void flows(Writer w, String tid, SparseMatrix m, int t, Economy e, boolean resources, int sign,
                              String stock) throws IOException {
        int[] start = m.columnStarts();
        int[] rows = m.rowIndexes();
        double[] v = m.values();
        for (int k = start[t]; k < start[t + 1]; k++) {
            w.write(tid);
            w.write(',');
            w.write(field(resources ? e.resourceId(rows[k]) : e.productId(rows[k])));
            w.write(',');
            w.write(Numbers.format(sign * v[k]));
            w.write(stock);
            w.write('\n');
        }
    }

    static Writer writer(Path folder, String name) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8), 1 << 16);
    }

    static void row(Writer w, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            if (fields[i] != null) {
                w.write(field(fields[i]));
            }
        }
        w.write('\n');
    }

    /** RFC 4180 quoting where needed. */
    static String field(String s) {
        boolean quote = s.isEmpty();
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
