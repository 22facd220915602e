package org.gosplan.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** The form of each event type's body (formats.md section 4): checked before recording and when verifying. */
final class EventBodies {
    private EventBodies() {}

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** What is wrong with the body, or null. */
    static String problem(Event e) {
        JsonNode b = e.body();
        switch (e.type()) {
            case EventTypes.MEMBER_REGISTERED:
                if (!b.path("vkey").isTextual() || !b.path("role").isTextual()) {
                    return "member.registered needs body {\"vkey\": \"<name>+<id>+<key>\", \"role\": \"...\"}";
                }
                try {
                    Keys.parseVerifier(b.get("vkey").asText());
                    Role.parse(b.get("role").asText());
                } catch (RecordException x) {
                    return x.getMessage();
                }
                return null;
            case EventTypes.ECONOMY_PUBLISHED:
                return hash(b, "hash") != null ? hash(b, "hash")
                        : !b.path("bytes").canConvertToLong() ? "economy.published needs \"bytes\", the content's size"
                        : !b.path("form").isTextual() ? "economy.published needs \"form\""
                        : null;
            case EventTypes.TARGETS_SET:
                return hash(b, "hash") != null ? hash(b, "hash") : hash(b, "economy");
            case EventTypes.PLAN_COMPUTED:
                for (String f : new String[] {"economy", "targets", "plan"}) {
                    if (hash(b, f) != null) {
                        return hash(b, f);
                    }
                }
                if (!b.path("size").canConvertToLong() || !b.path("root").isTextual()) {
                    return "plan.computed needs \"size\" and \"root\" of the tree it read";
                }
                if (!b.path("options").isObject() || !b.path("planner").isTextual() || !b.path("status").isTextual()) {
                    return "plan.computed needs \"options\", \"planner\" and \"status\"";
                }
                return null;
            default:
                return null;
        }
    }

    private static String hash(JsonNode body, String field) {
        JsonNode h = body.get(field);
        return h != null && h.isTextual() && HASH.matcher(h.asText()).matches() ? null
                : "\"" + field + "\" must be a SHA-256 hash (64 lowercase hex digits)";
    }
}
