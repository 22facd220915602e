package org.gosplan.council.ballot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gosplan.council.count.Tally;

/**
 * A tally as {@code gosplan tally --json} prints it and {@code ballot.tallied} hashes it
 * (councils.md): {@code {"ballot", "method", "voters", "winners", "ranking", "counts", "rounds",
 * "ties"}}. On a ballot over proposals, options are named as votes name them, by number (in
 * winners, ranking and the rounds' proposal, elected and excluded); counts and per-option values
 * are JSON objects, keyed by the option's name as text.
 */
public final class TallyJson {
    private TallyJson() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> OPTION_FIELDS = Set.of("proposal", "elected", "excluded");

    /** The JSON of {@code t}: for ballot {@code ballot} (null when counted from a file). */
    public static ObjectNode of(Tally t, Long ballot, boolean proposals) {
        ObjectNode o = MAPPER.createObjectNode();
        if (ballot == null) {
            o.putNull("ballot");
        } else {
            o.put("ballot", ballot);
        }
        o.put("method", t.method());
        o.put("voters", t.voters());
        ArrayNode winners = o.putArray("winners");
        t.winners().forEach(w -> add(winners, w, proposals));
        ArrayNode ranking = o.putArray("ranking");
        for (List<String> group : t.ranking()) {
            ArrayNode g = ranking.addArray();
            group.forEach(w -> add(g, w, proposals));
        }
        o.set("counts", MAPPER.valueToTree(t.counts()));
        ArrayNode rounds = o.putArray("rounds");
        for (Map<String, Object> r : t.rounds()) {
            ObjectNode round = MAPPER.valueToTree(r);
            if (proposals) {
                for (String f : OPTION_FIELDS) {
                    if (round.has(f)) {
                        round.replace(f, numbered(round.get(f)));
                    }
                }
            }
            rounds.add(round);
        }
        ArrayNode ties = o.putArray("ties");
        t.ties().forEach(ties::add);
        return o;
    }

    private static void add(ArrayNode to, String option, boolean proposals) {
        if (proposals) {
            to.add(Long.parseLong(option));
        } else {
            to.add(option);
        }
    }

    /** A proposal named by text, or a list of them, as numbers. */
    private static JsonNode numbered(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            return MAPPER.getNodeFactory().numberNode(Long.parseLong(n.asText()));
        }
        if (n.isArray()) {
            ArrayNode a = MAPPER.createArrayNode();
            n.forEach(x -> a.add(numbered(x)));
            return a;
        }
        return n;
    }
}
