package org.gosplan.app;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gosplan.economy.Economy;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.planner.leontief.Leontief;

/**
 * Readable names beside the ids: a product's name (an economy's {@code name}, a table's
 * {@code sectors.csv} label), and for a technique that makes one product only, that product's
 * name. Empty for data without names, and then every output looks as it did without them.
 */
final class Labels {
    /** Widest label a readable table shows; longer ones end in '~' (the JSON and CSV carry them whole). */
    static final int WIDTH = 40;

    private final Economy economy;
    private final Map<String, String> products;

    private Labels(Economy economy, Map<String, String> products) {
        this.economy = economy;
        this.products = products;
    }

    static Labels of(Economy e) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int p = 0; p < e.products(); p++) {
            String name = e.productName(p);
            if (name != null && !name.isEmpty()) {
                m.put(e.productId(p), name);
            }
        }
        return new Labels(e, m);
    }

    boolean isEmpty() {
        return products.isEmpty();
    }

    /** The product's (or sector's) label, or null. */
    String product(String id) {
        return products.get(id);
    }

    /** The label of the one product technique {@code t} makes, or null (several outputs, or no name). */
    String technique(int t) {
        if (products.isEmpty()) {
            return null;
        }
        SparseMatrix out = economy.outputs();
        int[] start = out.columnStarts();
        if (start[t + 1] - start[t] != 1) {
            return null;
        }
        return products.get(economy.productId(out.rowIndexes()[start[t]]));
    }

    /** {@code "labels": {"<product id>": "name", ...}} (only products that have one). */
    void writeJson(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("labels");
        for (Map.Entry<String, String> en : products.entrySet()) {
            g.writeStringField(en.getKey(), en.getValue());
        }
        g.writeEndObject();
    }

    /** The same as a map, for documents built as maps. */
    Map<String, Object> asMap() {
        return new LinkedHashMap<>(products);
    }

    /** The id with its label beside it (clipped to {@link #WIDTH}), or the id alone. */
    static String beside(String id, String label) {
        return label == null ? id : id + "  " + clip(label, WIDTH);
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "~";
    }

    /** The label column of a readable table of sectors, after the id column: nothing without labels. */
    Column column(Leontief l) {
        int w = 0;
        for (int i = 0; i < l.size(); i++) {
            String label = products.get(l.sector(i));
            if (label != null) {
                w = Math.max(w, Math.min(WIDTH, label.length()));
            }
        }
        return new Column(this, w == 0 ? 0 : Math.max(w, "label".length()));
    }

    /** A label column {@code width} wide (0: no column), each cell followed by two spaces. */
    record Column(Labels labels, int width) {
        String header() {
            return width == 0 ? "" : String.format("%-" + width + "s  ", "label");
        }

        String cell(String id) {
            if (width == 0) {
                return "";
            }
            String label = labels.product(id);
            return String.format("%-" + width + "s  ", label == null ? "" : clip(label, width));
        }
    }
}
