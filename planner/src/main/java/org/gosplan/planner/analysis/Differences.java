package org.gosplan.planner.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item-by-item differences between two sets of named figures (outputs, levels, resource use of
 * two plans): every id of either side, in the first side's order and then the second's new ones;
 * an id missing on one side counts as 0 there and is marked.
 */
public final class Differences {
    private Differences() {}

    /**
     * One item.
     *
     * @param id      its id
     * @param a       the first figure (0 when absent)
     * @param b       the second figure (0 when absent)
     * @param inA     whether the first side has it
     * @param inB     whether the second side has it
     */
    public record Row(String id, double a, double b, boolean inA, boolean inB) {
        /** {@code b - a}. */
        public double change() {
            return b - a;
        }

        /** {@code (b - a) / |a|}; NaN when {@code a = 0}. */
        public double relativeChange() {
            return a == 0.0 ? Double.NaN : (b - a) / Math.abs(a);
        }
    }

    public static List<Row> of(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            rows.put(e.getKey(), new Row(e.getKey(), e.getValue(), other == null ? 0.0 : other, true, other != null));
        }
        for (Map.Entry<String, Double> e : b.entrySet()) {
            if (!rows.containsKey(e.getKey())) {
                rows.put(e.getKey(), new Row(e.getKey(), 0.0, e.getValue(), false, true));
            }
        }
        return new ArrayList<>(rows.values());
    }

    public static List<Row> of(String[] ids, double[] a, double[] b) {
        List<Row> rows = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            rows.add(new Row(ids[i], a[i], b[i], true, true));
        }
        return rows;
    }
}
