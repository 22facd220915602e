package org.gosplan.council.count;

import java.util.List;
import java.util.Map;

/**
 * The result of a count, in the shape of {@code gosplan tally}'s JSON (councils.md): the method,
 * the number of voters, the winners in order of election or purchase, the full ranking where
 * the method gives one (tie groups, winner first; empty otherwise), the counts per option
 * (approvals or first preferences, by option name, in option order), the rounds (STV stages,
 * equal-shares purchases: each a JSON object whose fields the method documents) and every tie
 * the count broke, in words.
 */
public record Tally(String method, long voters, List<String> winners, List<List<String>> ranking,
        Map<String, Number> counts, List<Map<String, Object>> rounds, List<String> ties) {
    public Tally {
        winners = List.copyOf(winners);
        ranking = ranking.stream().map(List::copyOf).toList();
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
        rounds = rounds.stream().map(r -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(r)))
                .toList();
        ties = List.copyOf(ties);
    }
}
