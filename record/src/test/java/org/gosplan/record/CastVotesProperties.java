package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gosplan.ledger.NoteVerifier;

/**
 * The votes kept in flat arrays stand as a map of each signer's last vote would: a later vote
 * replaces an earlier one and moves to the end; saved with the roster's numbering and read back,
 * and copied and added to, they are the same votes in the same order.
 */
class CastVotesProperties {
    @Property(tries = 300)
    void flatVotesStandAsAMapOfLastVotes(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int keys,
                                         @ForAll @IntRange(min = 0, max = 150) int votes) throws IOException {
        Random r = new Random(seed);
        Roster roster = null;
        List<String> signers = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            byte[] key = new byte[32];
            r.nextBytes(key);
            Member m = new Member(NoteVerifier.restored("v" + k, r.nextInt(), key), Role.CITIZEN, k);
            if (roster == null) {
                roster = Roster.of(m);
            } else {
                roster.put(m, k + 1);
            }
            signers.add(m.signer());
        }
        CastVotes cast = new CastVotes();
        Map<Long, LinkedHashMap<String, int[][]>> want = new LinkedHashMap<>();
        long[] ballots = {3, 17};
        for (int i = 0; i < votes; i++) {
            long ballot = ballots[r.nextInt(2)];
            String signer = signers.get(r.nextInt(keys));
            int[][] groups = new int[r.nextInt(4)][];
            for (int g = 0; g < groups.length; g++) {
                groups[g] = new int[r.nextInt(3)];
                for (int p = 0; p < groups[g].length; p++) {
                    groups[g][p] = r.nextInt(20);
                }
            }
            cast.put(ballot, signer, groups);
            LinkedHashMap<String, int[][]> w = want.computeIfAbsent(ballot, b -> new LinkedHashMap<>());
            w.remove(signer);
            w.put(signer, groups);
        }
        same(want, cast, ballots);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        roster.write(out);
        cast.write(out, roster);
        out.flush();
        ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
        Roster readRoster = Roster.read(in, keys + 1);
        CastVotes read = CastVotes.read(in, readRoster);
        assertEquals(0, in.remaining());
        same(want, read, ballots);

        // a copy takes later votes, the original stays as it was
        CastVotes.Votes copy = read.votes(3).copy();
        String late = signers.get(r.nextInt(keys));
        copy.put(late, new int[][] {{1}});
        LinkedHashMap<String, int[][]> after = new LinkedHashMap<>(want.getOrDefault(3L, new LinkedHashMap<>()));
        after.remove(late);
        after.put(late, new int[][] {{1}});
        same(after, copy.asMap());
        same(want, read, ballots);
    }

    private static void same(Map<Long, LinkedHashMap<String, int[][]>> want, CastVotes got, long[] ballots) {
        for (long b : ballots) {
            Map<String, int[][]> w = want.getOrDefault(b, new LinkedHashMap<>());
            same(w, got.of(b));
            assertEquals(w.size(), got.votes(b).count());
            List<int[]> flat = new ArrayList<>();
            got.votes(b).forEach((ranks, from, to) -> flat.add(java.util.Arrays.copyOfRange(ranks, from, to)));
            int i = 0;
            for (int[][] groups : w.values()) {
                List<Integer> expect = new ArrayList<>();
                for (int[] g : groups) {
                    expect.add(g.length);
                    for (int p : g) {
                        expect.add(p);
                    }
                }
                assertArrayEquals(expect.stream().mapToInt(Integer::intValue).toArray(), flat.get(i++));
            }
        }
    }

    private static void same(Map<String, int[][]> want, Map<String, int[][]> got) {
        assertEquals(List.copyOf(want.keySet()), List.copyOf(got.keySet()));
        for (String s : want.keySet()) {
            assertArrayEquals(want.get(s), got.get(s));
        }
    }
}
