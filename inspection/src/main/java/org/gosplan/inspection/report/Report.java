package org.gosplan.inspection.report;

import java.util.List;
import java.util.Map;

/**
 * A fulfilment report ({@code gosplan/report@1}, inspection.md): what one unit says it did in one
 * period of a plan. Ids as the file writes them; maps in the file's order.
 *
 * @param levels    the level each technique ran at
 * @param delivered what it delivered to other units
 * @param received  what it received from other units
 * @param resources how much of each resource it used
 */
public record Report(String unit, String plan, String period, Map<String, Double> levels, List<Flow> delivered,
                     List<Flow> received, Map<String, Double> resources) {
    public static final String FORMAT = "gosplan/report@1";

    public Report {
        levels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
        delivered = List.copyOf(delivered);
        received = List.copyOf(received);
        resources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resources));
    }
}
