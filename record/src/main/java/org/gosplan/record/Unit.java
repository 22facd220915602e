package org.gosplan.record;

import java.util.List;
import java.util.Map;

/**
 * A unit of production (inspection.md): an enterprise or workshop that runs these techniques of
 * the economy. Enterprise keys belong to it through their {@code unit} attribute.
 *
 * @param index the log index of the {@code unit.registered} event in effect
 */
public record Unit(String id, List<String> techniques, Map<String, String> attrs, long index) {
    public Unit {
        techniques = List.copyOf(techniques);
        attrs = Map.copyOf(attrs);
    }
}
