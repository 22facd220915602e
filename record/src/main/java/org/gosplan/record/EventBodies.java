package org.gosplan.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** The form of each event type's body (formats.md section 4): checked before recording and when verifying. */
final class EventBodies {
    private EventBodies() {}

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    /** Council names and attribute keys: a letter or digit, then letters, digits, '.', '_' or '-'. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");

    /** What is wrong with a council name or attribute key, or null. */
    static String nameProblem(String what, String name) {
        return NAME.matcher(name).matches() ? null
                : what + " '" + name + "' must start with a letter or digit and hold only letters, digits, '.', '_'"
                        + " or '-' (64 at most)";
    }

    /** What is wrong with an attribute value, or null. */
    static String valueProblem(String key, String value) {
        if (value.length() > 256) {
            return "attribute '" + key + "' is longer than 256 characters";
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return "attribute '" + key + "' holds a control character";
            }
        }
        return null;
    }

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
                return membership(b);
            case EventTypes.MEMBER_REVOKED:
                return b.path("signer").isTextual() && b.size() == 1 ? null
                        : "member.revoked needs body {\"signer\": \"<name>+<key id>\"}";
            case EventTypes.PROPOSAL_MADE:
                if (!b.path("title").isTextual() || b.get("title").asText().isBlank()) {
                    return "proposal.made needs a \"title\" (text)";
                }
                return hash(b, "targets") != null ? hash(b, "targets") : hash(b, "economy");
            case EventTypes.BALLOT_OPENED:
                return ballotProblem(b);
            case EventTypes.VOTE_CAST:
                if (!b.path("ballot").canConvertToLong()) {
                    return "vote.cast needs \"ballot\", the log index of the ballot";
                }
                return b.path("approve").isArray() != b.path("rank").isArray() ? null
                        : "vote.cast needs either \"approve\" or \"rank\" (a list)";
            case EventTypes.BALLOT_CLOSED:
                return b.path("ballot").canConvertToLong() ? null
                        : "ballot.closed needs \"ballot\", the log index of the ballot";
            case EventTypes.BALLOT_TALLIED:
                if (!b.path("ballot").canConvertToLong() || !b.path("winners").isArray()) {
                    return "ballot.tallied needs \"ballot\" and \"winners\"";
                }
                return hash(b, "result") != null ? hash(b, "result")
                        : b.has("targets") ? hash(b, "targets") : null;
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
            case EventTypes.TRADE_LICENSED:
                return TradeLicences.problem(b);
            case EventTypes.UNIT_REGISTERED:
            case EventTypes.FULFILMENT_REPORTED:
            case EventTypes.INSPECTION_ORDERED:
            case EventTypes.SECRET_COMMITTED:
            case EventTypes.SECRET_REVEALED:
            case EventTypes.DRAW_MADE:
            case EventTypes.FINDING_FILED:
            case EventTypes.FINDING_ANSWERED:
                return InspectionBodies.problem(e.type(), b);
            default:
                return null;
        }
    }

    /** What is wrong with the attributes object {@code attrs} (absent is fine), or null. */
    static String attributesProblem(String type, JsonNode attrs) {
        if (attrs == null) {
            return null;
        }
        if (!attrs.isObject()) {
            return type + "'s \"attrs\" must be an object of text attributes";
        }
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> f = it.next();
            String why = nameProblem("attribute", f.getKey());
            if (why == null) {
                why = f.getValue().isTextual() ? valueProblem(f.getKey(), f.getValue().asText())
                        : "attribute '" + f.getKey() + "' must be text";
            }
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /** Longest ballot title, in characters, as for proposals. */
    static final int TITLE = 200;

    /** What is wrong with a {@code ballot.opened} body (councils.md), or null. */
    private static String ballotProblem(JsonNode b) {
        if (!b.path("title").isTextual() || b.get("title").asText().isBlank() || b.get("title").asText().length() > TITLE) {
            return "ballot.opened needs a \"title\" (text, " + TITLE + " characters at most)";
        }
        String method = b.path("method").asText();
        if (!Ballot.METHODS.contains(method)) {
            return "unknown method '" + method + "'; the methods are " + String.join(", ", Ballot.METHODS);
        }
        if (!b.path("electorate").isTextual()) {
            return "ballot.opened needs an \"electorate\" (council:NAME, role:ROLE or all)";
        }
        try {
            Electorate.parse(b.get("electorate").asText());
        } catch (RecordException x) {
            return x.getMessage();
        }
        JsonNode options = b.path("options");
        if (!options.isArray() || options.isEmpty()) {
            return "ballot.opened needs \"options\": proposals' log indexes or candidates' labels, at least one";
        }
        boolean proposals = options.get(0).isIntegralNumber();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode o : options) {
            if (proposals ? !o.isIntegralNumber() || o.asLong() < 0
                    : !o.isTextual() || o.asText().isBlank() || o.asText().length() > TITLE) {
                return "the options are all proposals (log indexes) or all candidates (labels, " + TITLE
                        + " characters at most), not '" + o.asText() + "'";
            }
            if (!proposals) {
                String why = valueProblem("candidate", o.asText());
                if (why != null || o.asText().contains(",") || o.asText().contains("{")) {
                    return "candidate '" + o.asText() + "' holds a control character, a comma or a brace";
                }
            }
            if (!seen.add(o.asText())) {
                return "option '" + o.asText() + "' is named twice; name each option once";
            }
        }
        boolean equalShares = method.equals("equal-shares");
        JsonNode seats = b.path("seats");
        if (equalShares ? !seats.isNull() : !seats.isIntegralNumber() || seats.asLong() < 1
                || seats.asLong() > options.size()) {
            return equalShares ? "an equal-shares ballot has no seats (\"seats\": null): the budget decides"
                    : "\"seats\" must be a whole number from 1 to the number of options (" + options.size() + ")";
        }
        JsonNode budget = b.path("budget");
        if (equalShares) {
            if (!budget.isObject() || !budget.path("resource").isTextual() || !budget.path("amount").isNumber()
                    || !(budget.get("amount").asDouble() > 0) || budget.size() != 2) {
                return "an equal-shares ballot needs \"budget\": {\"resource\": ID, \"amount\": a positive number}";
            }
            if (!proposals) {
                return "an equal-shares ballot's options are proposals (--proposals), whose costs it weighs";
            }
        } else if (!budget.isNull()) {
            return "only an equal-shares ballot has a budget (\"budget\": null)";
        }
        if (!b.path("adopt").isBoolean()) {
            return "ballot.opened needs \"adopt\" (true or false)";
        }
        if (b.get("adopt").asBoolean() && !proposals) {
            return "only a ballot over proposals can be adopted: candidates have no targets";
        }
        for (var it = b.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!java.util.Set.of("title", "method", "options", "seats", "budget", "electorate", "adopt").contains(f)) {
                return "ballot.opened has no field '" + f + "'";
            }
        }
        return null;
    }

    /** The councils and attributes of a registration: absent in older events, well-formed when present. */
    private static String membership(JsonNode b) {
        JsonNode councils = b.get("councils");
        if (councils != null) {
            if (!councils.isArray()) {
                return "member.registered's \"councils\" must be a list of council names";
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (JsonNode c : councils) {
                String why = c.isTextual() ? nameProblem("council", c.asText()) : "a council name must be text";
                if (why != null) {
                    return why;
                }
                if (!seen.add(c.asText())) {
                    return "council '" + c.asText() + "' is named twice";
                }
            }
        }
        return attributesProblem("member.registered", b.get("attrs"));
    }

    static String hash(JsonNode body, String field) {
        JsonNode h = body.get(field);
        return h != null && h.isTextual() && HASH.matcher(h.asText()).matches() ? null
                : "\"" + field + "\" must be a SHA-256 hash (64 lowercase hex digits)";
    }
}
