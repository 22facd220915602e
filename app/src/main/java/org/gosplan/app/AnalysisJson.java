package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** JSON pieces the analysis commands share: per-sector objects, labels, undefined numbers as null. */
final class AnalysisJson {
    private AnalysisJson() {}

    /** {@code "field": {"<id>": v, ...}}; NaN (undefined, such as a ratio over zero) becomes null. */
    static void putBySector(ObjectNode node, String field, String[] ids, double[] v) {
        ObjectNode o = node.putObject(field);
        for (int i = 0; i < ids.length; i++) {
            put(o, ids[i], v[i]);
        }
    }

    static void put(ObjectNode o, String field, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    /** {@code "labels": {"<id>": label}} when the table has labels. */
    static void putLabels(ObjectNode node, Map<String, String> labels) {
        if (!labels.isEmpty()) {
            ObjectNode o = node.putObject("labels");
            labels.forEach(o::put);
        }
    }
}
