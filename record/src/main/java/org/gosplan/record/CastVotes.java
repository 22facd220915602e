package org.gosplan.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The votes that stand, ballot by ballot, in the entries {@code [0, size)} of a log: for each key
 * its last vote the record took in (a later vote replaces an earlier one), in the order of those
 * last votes. Each vote is its tie groups of options, each option its position in the ballot's
 * {@link Ballot#options()}; an approval vote is one group. Kept by the fold that opens a record and
 * saved with its state ({@link RecordState}), so a count of a million votes reads them from here
 * instead of parsing a million log entries again.
 */
public final class CastVotes {
    private final Map<Long, LinkedHashMap<String, int[][]>> byBallot = new HashMap<>();
    private final Map<Long, Map<String, Integer>> positions = new HashMap<>();
    private long size;

    /** The entries taken in: the votes of {@code [0, size())}. */
    public long size() {
        return size;
    }

    void setSize(long size) {
        this.size = size;
    }

    /**
     * The votes that stand in ballot {@code ballot} (opened at that log index), by signer, in the
     * order of each signer's last vote; empty when none was cast. Not to be changed.
     */
    public Map<String, int[][]> of(long ballot) {
        LinkedHashMap<String, int[][]> v = byBallot.get(ballot);
        return v == null ? Map.of() : Collections.unmodifiableMap(v);
    }

    /** The ballots with votes, by the log index of their opening. */
    Iterable<Long> ballots() {
        return byBallot.keySet();
    }

    /** Takes in the vote {@code body} of {@code signer} in {@code ballot}, which the record accepted. */
    void cast(Ballot ballot, String signer, JsonNode body) {
        put(ballot.index(), signer, groups(ballot, body, positions.computeIfAbsent(ballot.index(), k -> index(ballot))));
    }

    /** Takes in a vote already in positions (restoring saved state, or a vote after it). */
    void put(long ballot, String signer, int[][] groups) {
        LinkedHashMap<String, int[][]> v = byBallot.computeIfAbsent(ballot, k -> new LinkedHashMap<>());
        v.remove(signer);
        v.put(signer, groups);
    }

    /** Makes room for {@code n} voters in {@code ballot} (restoring saved state). */
    void expect(long ballot, int n) {
        byBallot.computeIfAbsent(ballot, k -> new LinkedHashMap<>(Math.max(16, (int) (n / 0.75f) + 1)));
    }

    /** Takes in the vote of a signer who has none in {@code ballot} yet (restoring saved state: one a key). */
    void putFirst(long ballot, String signer, int[][] groups) {
        if (byBallot.computeIfAbsent(ballot, k -> new LinkedHashMap<>()).putIfAbsent(signer, groups) != null) {
            throw new IllegalStateException("two votes of " + signer + " in ballot " + ballot);
        }
    }

    /** A well-formed vote's options as positions in the ballot's options (see {@link Ballot#voteProblem}). */
    public static int[][] groups(Ballot ballot, JsonNode body) {
        return groups(ballot, body, index(ballot));
    }

    private static int[][] groups(Ballot ballot, JsonNode body, Map<String, Integer> at) {
        if (Ballot.ranked(ballot.method())) {
            JsonNode rank = body.get("rank");
            int[][] out = new int[rank.size()][];
            for (int g = 0; g < out.length; g++) {
                out[g] = positions(rank.get(g), at);
            }
            return out;
        }
        return new int[][] {positions(body.get("approve"), at)};
    }

    private static int[] positions(JsonNode list, Map<String, Integer> at) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = at.get(list.get(i).asText());
        }
        return out;
    }

    private static Map<String, Integer> index(Ballot ballot) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < ballot.options().size(); i++) {
            at.put(ballot.options().get(i), i);
        }
        return at;
    }
}
