package org.gosplan.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The form of the inspectorate's event bodies (inspection.md), checked before recording and when verifying. */
final class InspectionBodies {
    private InspectionBodies() {}

    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{64}");

    static String problem(String type, JsonNode b) {
        switch (type) {
            case EventTypes.UNIT_REGISTERED: {
                String why = text(b, "id", "the unit's id");
                if (why != null) {
                    return type + " needs " + why;
                }
                why = EventBodies.nameProblem("unit id", b.get("id").asText());
                if (why != null) {
                    return why;
                }
                JsonNode t = b.get("techniques");
                if (t == null || !t.isArray() || t.isEmpty()) {
                    return type + " needs \"techniques\", a list of the techniques the unit runs (at least one)";
                }
                Set<String> seen = new HashSet<>();
                for (JsonNode n : t) {
                    if (!n.isTextual() || n.asText().isEmpty()) {
                        return type + "'s \"techniques\" must be technique ids (text)";
                    }
                    if (!seen.add(n.asText())) {
                        return "technique '" + n.asText() + "' is named twice";
                    }
                }
                return EventBodies.attributesProblem(type, b.get("attrs"));
            }
            case EventTypes.FULFILMENT_REPORTED: {
                String why = text(b, "unit", "the unit's id");
                why = why != null ? why : text(b, "period", "the period reported on (e.g. 2027-Q1)");
                if (why != null) {
                    return type + " needs " + why;
                }
                why = EventBodies.valueProblem("period", b.get("period").asText());
                if (why != null) {
                    return why;
                }
                return first(EventBodies.hash(b, "plan"), EventBodies.hash(b, "report"));
            }
            case EventTypes.INSPECTION_ORDERED: {
                String why = text(b, "unit", "the inspected unit's id");
                if (why != null) {
                    return type + " needs " + why;
                }
                if (!b.path("panel").canConvertToInt() || b.get("panel").asInt() < 1) {
                    return type + " needs \"panel\", the number of inspectors to draw (at least 1)";
                }
                if (!b.path("drawAt").canConvertToLong()) {
                    return type + " needs \"drawAt\", the tree size whose root seeds the draw";
                }
                JsonNode q = b.get("quotas");
                if (q != null && !q.isNull()) {
                    why = EventBodies.hash(b, "quotas");
                    if (why != null) {
                        return why + ", or null for no quotas";
                    }
                }
                JsonNode x = b.get("exclude");
                if (x != null) {
                    if (!x.isArray()) {
                        return type + "'s \"exclude\" must be a list of attribute keys";
                    }
                    for (JsonNode n : x) {
                        why = n.isTextual() ? EventBodies.nameProblem("attribute", n.asText())
                                : "an excluded attribute must be text";
                        if (why != null) {
                            return why;
                        }
                    }
                }
                return null;
            }
            case EventTypes.SECRET_COMMITTED:
                return first(index(b, type, "inspection"), EventBodies.hash(b, "hash"));
            case EventTypes.SECRET_REVEALED:
                return first(index(b, type, "inspection"), hex32(b, "secret"));
            case EventTypes.DRAW_MADE: {
                String why = first(index(b, type, "inspection"), hex32(b, "seed"));
                why = first(why, EventBodies.hash(b, "probabilities"));
                if (why != null) {
                    return why;
                }
                JsonNode p = b.get("panel");
                if (p == null || !p.isArray()) {
                    return type + " needs \"panel\", the drawn inspectors' signers";
                }
                Set<String> seen = new HashSet<>();
                for (JsonNode n : p) {
                    if (!n.isTextual()) {
                        return type + "'s \"panel\" must be signer names (text)";
                    }
                    if (!seen.add(n.asText())) {
                        return "inspector '" + n.asText() + "' is on the panel twice";
                    }
                }
                return null;
            }
            case EventTypes.FINDING_FILED:
                return first(index(b, type, "inspection"), EventBodies.hash(b, "finding"));
            case EventTypes.FINDING_ANSWERED:
                return first(index(b, type, "finding"), EventBodies.hash(b, "answer"));
            default:
                return null;
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String text(JsonNode b, String field, String what) {
        JsonNode n = b.get(field);
        return n != null && n.isTextual() && !n.asText().isBlank() ? null : "\"" + field + "\", " + what;
    }

    private static String index(JsonNode b, String type, String field) {
        JsonNode n = b.get(field);
        return n != null && n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0 ? null
                : type + " needs \"" + field + "\", the log index of the " + field;
    }

    private static String hex32(JsonNode b, String field) {
        JsonNode n = b.get(field);
        return n != null && n.isTextual() && HEX32.matcher(n.asText()).matches() ? null
                : "\"" + field + "\" must be 32 bytes in hex (64 lowercase hex digits)";
    }
}
