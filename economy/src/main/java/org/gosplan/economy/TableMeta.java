package org.gosplan.economy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A table folder's optional {@code table.json}: its layout ({@code format}), name, unit, the
 * units of its factors and, for a layout held in one file, that file's name.
 */
record TableMeta(TableLayout layout, String name, String unit, Map<String, String> factorUnits, String file) {
    private static final Set<String> FIELDS = Set.of("format", "name", "unit", "factorUnits", "file");

    /** What a folder without table.json gets: its folder name and no units. */
    static TableMeta none(Path folder, TableLayout layout) {
        Path n = folder.toAbsolutePath().normalize().getFileName();
        return new TableMeta(layout, n == null ? "" : n.toString(), null, Map.of(), null);
    }

    /**
     * The layout other than Gosplan's own that table.json names, or null (a Gosplan table is told
     * by its Z.csv; a table.json that cannot be read is reported by {@link #read}).
     */
    static TableLayout declaredLayout(Path folder) {
        Path meta = folder.resolve("table.json");
        if (!Files.isRegularFile(meta)) {
            return null;
        }
        JsonNode root = EconomyJson.parse(meta, new Problems());
        if (root == null || !root.isObject() || !root.path("format").isTextual()) {
            return null;
        }
        TableLayout l = TableLayout.ofFormat(root.get("format").asText());
        return l == TableLayout.GOSPLAN ? null : l;
    }

    /** Reads {@code folder/table.json}, reporting every mistake in it; the default when it is absent. */
    static TableMeta read(Path folder, TableLayout layout, Problems problems) {
        TableMeta none = none(folder, layout);
        Path meta = folder.resolve("table.json");
        if (!Files.isRegularFile(meta)) {
            return none;
        }
        JsonNode root = EconomyJson.parse(meta, problems);
        if (root == null) {
            return none;
        }
        if (!root.isObject()) {
            problems.error("table.json:/", "table.json must be a JSON object");
            return none;
        }
        JsonNode format = root.get("format");
        if (format == null) {
            problems.error("table.json:/format", "missing \"format\"; add \"format\": \"" + IoTable.FORMAT + "\"");
        } else if (!format.isTextual() || TableLayout.ofFormat(format.asText()) == null) {
            problems.error("table.json:/format", "\"format\" is " + format + "; a table is one of "
                    + TableLayout.formats());
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                problems.error("table.json:/" + f, "unknown field '" + f + "'; table.json holds format, name,"
                        + " unit, factorUnits and (for one-file layouts) file");
            }
        });
        for (String f : new String[] {"name", "unit", "file"}) {
            if (root.hasNonNull(f) && !root.get(f).isTextual()) {
                problems.error("table.json:/" + f, "\"" + f + "\" must be a string");
            }
        }
        Map<String, String> factorUnits = new LinkedHashMap<>();
        JsonNode fu = root.get("factorUnits");
        if (fu != null && fu.isObject()) {
            fu.fields().forEachRemaining(e -> factorUnits.put(e.getKey(), e.getValue().asText()));
        } else if (fu != null && !fu.isNull()) {
            problems.error("table.json:/factorUnits", "\"factorUnits\" must be an object of factor -> unit");
        }
        String file = root.hasNonNull("file") ? root.get("file").asText() : null;
        if (file != null && layout != TableLayout.OECD_ICIO) {
            problems.error("table.json:/file", "\"file\" names the one CSV file of an \"oecd-icio\" table;"
                    + " this layout has no such file");
        }
        return new TableMeta(layout, root.hasNonNull("name") ? root.get("name").asText() : none.name(),
                root.hasNonNull("unit") ? root.get("unit").asText() : null, factorUnits, file);
    }
}
