package org.gosplan.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
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
 *
 * <p>A ballot's votes are primitive arrays ({@link Votes}), each vote written flat: its groups one
 * after another, each its length and then its options' positions. Its voters are numbers in one
 * {@link Signers}. A million votes are a few arrays, not millions of objects.
 */
public final class CastVotes {
    private final Map<Long, Votes> byBallot = new HashMap<>();
    private final Map<Long, Map<String, Integer>> positions = new HashMap<>();
    private final Signers signers;
    private long size;

    public CastVotes() {
        this(new Signers());
    }

    private CastVotes(Signers signers) {
        this.signers = signers;
    }

    /** The entries taken in: the votes of {@code [0, size())}. */
    public long size() {
        return size;
    }

    void setSize(long size) {
        this.size = size;
    }

    /**
     * The votes that stand in ballot {@code ballot} (opened at that log index), by signer, in the
     * order of each signer's last vote; empty when none was cast. Built on each call: counts read
     * {@link #votes} instead.
     */
    public Map<String, int[][]> of(long ballot) {
        Votes v = byBallot.get(ballot);
        return v == null ? Map.of() : v.asMap();
    }

    /** The votes that stand in ballot {@code ballot}, empty when none was cast. Not to be changed: see {@link Votes#copy}. */
    public Votes votes(long ballot) {
        Votes v = byBallot.get(ballot);
        return v == null ? new Votes(signers) : v;
    }

    /** The ballots with votes, by the log index of their opening. */
    Iterable<Long> ballots() {
        return byBallot.keySet();
    }

    /** Takes in the vote {@code body} of {@code signer} in {@code ballot}, which the record accepted. */
    void cast(Ballot ballot, String signer, JsonNode body) {
        put(ballot.index(), signer, groups(ballot, body, positions.computeIfAbsent(ballot.index(), k -> index(ballot))));
    }

    /** Takes in a vote already in positions (a vote after saved state). */
    void put(long ballot, String signer, int[][] groups) {
        byBallot.computeIfAbsent(ballot, k -> new Votes(signers)).put(signer, groups);
    }

    /**
     * The votes of one ballot that stand, in the order of each voter's last vote: vote {@code i}
     * of {@link #count()} is {@code ranks()[from(i) .. to(i))}, its groups one after another, each
     * its length and its options' positions in the ballot's options.
     */
    public static final class Votes {
        private final Signers signers;
        private int[] who = new int[16]; // each slot's voter, -1 where a later vote replaced it
        private int[] start = new int[17]; // slot s: data[start[s] .. start[s + 1])
        private int[] data = new int[64];
        private int slots;
        private int live;
        private int[] slotOf = new int[0]; // by voter: its slot + 1, 0 for none

        Votes(Signers signers) {
            this.signers = signers;
        }

        /** A copy that takes later votes ({@link #put}) without changing this one. */
        public Votes copy() {
            Votes c = new Votes(signers.copy());
            c.who = Arrays.copyOf(who, Math.max(16, slots));
            c.start = Arrays.copyOf(start, Math.max(17, slots + 1));
            c.data = Arrays.copyOf(data, Math.max(64, start[slots]));
            c.slots = slots;
            c.live = live;
            c.slotOf = slotOf.clone();
            return c;
        }

        /** The votes that stand. */
        public int count() {
            return live;
        }

        /** What a visit of the votes sees: one vote, its ranks flat in {@code ranks[from .. to)}. */
        public interface Visitor {
            void vote(int[] ranks, int from, int to);
        }

        /** Every vote that stands, in the order of each voter's last vote. */
        public void forEach(Visitor visitor) {
            for (int s = 0; s < slots; s++) {
                if (who[s] >= 0) {
                    visitor.vote(data, start[s], start[s + 1]);
                }
            }
        }

        /** {@code signer}'s vote, replacing any earlier one. */
        public void put(String signer, int[][] groups) {
            int n = 0;
            for (int[] g : groups) {
                n += 1 + g.length;
            }
            int at = begin(signers.add(signer), n);
            for (int[] g : groups) {
                data[at++] = g.length;
                for (int p : g) {
                    data[at++] = p;
                }
            }
        }

        /** A new slot for voter {@code voter}'s vote of {@code n} ints (replacing any earlier); where they go. */
        private int begin(int voter, int n) {
            if (voter >= slotOf.length) {
                slotOf = Arrays.copyOf(slotOf, Math.max(voter + 1, slotOf.length * 2));
            }
            if (slotOf[voter] > 0) {
                who[slotOf[voter] - 1] = -1;
                live--;
            }
            if (slots == who.length) {
                who = Arrays.copyOf(who, slots * 2);
            }
            if (slots + 2 > start.length) {
                start = Arrays.copyOf(start, start.length * 2);
            }
            int at = start[slots];
            if (at + (long) n > Integer.MAX_VALUE - 16) {
                throw new RecordException("the votes of one ballot pass 2^31 options; a count of this size is not supported");
            }
            if (at + n > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(at + n, 2L * data.length)));
            }
            who[slots] = voter;
            slotOf[voter] = ++slots;
            start[slots] = at + n;
            live++;
            return at;
        }

        /** The votes as a map, by signer, in the order of each signer's last vote. */
        Map<String, int[][]> asMap() {
            LinkedHashMap<String, int[][]> out = new LinkedHashMap<>();
            for (int s = 0; s < slots; s++) {
                if (who[s] >= 0) {
                    int p = start[s];
                    java.util.List<int[]> groups = new java.util.ArrayList<>();
                    while (p < start[s + 1]) {
                        int n = data[p++];
                        groups.add(Arrays.copyOfRange(data, p, p + n));
                        p += n;
                    }
                    out.put(signers.name(who[s]), groups.toArray(new int[0][]));
                }
            }
            return Collections.unmodifiableMap(out);
        }

        /**
         * u32 votes, then each vote's voter (its position in {@code roster}, u32), then each vote's
         * length (u32), then all the votes' ints one after another: read back in three bulk copies.
         * Voters below {@code shared} are numbered as in the roster already.
         */
        void write(DataOutputStream out, Roster roster, int shared) throws IOException {
            out.writeInt(live);
            for (int s = 0; s < slots; s++) {
                if (who[s] >= 0) {
                    int voter = who[s] < shared ? who[s] : roster.ordinal(signers.name(who[s]));
                    if (voter < 0) {
                        throw new IOException("a vote by " + signers.name(who[s]) + ", who is not on the roster");
                    }
                    out.writeInt(voter);
                }
            }
            for (int s = 0; s < slots; s++) {
                if (who[s] >= 0) {
                    out.writeInt(start[s + 1] - start[s]);
                }
            }
            for (int s = 0; s < slots; s++) {
                if (who[s] >= 0) {
                    for (int p = start[s]; p < start[s + 1]; p++) {
                        out.writeInt(data[p]);
                    }
                }
            }
        }

        /**
         * What {@link #write} wrote, its voters numbered as in {@code signers} ({@code keys} of them).
         * The votes' ints are taken as written: what each vote's groups hold is checked by the count
         * that reads them ({@code Stv.Ballots}, the ballots' own constructors).
         */
        static Votes read(ByteBuffer in, Signers signers, int keys) {
            Votes v = new Votes(signers);
            int n = in.getInt();
            if (n < 0 || (long) n * 8 > in.remaining()) {
                throw new IllegalStateException("vote count " + n);
            }
            v.who = new int[Math.max(16, n)];
            v.start = new int[Math.max(17, n + 1)];
            v.slotOf = new int[keys];
            java.nio.IntBuffer ints = in.asIntBuffer(); // big-endian, as DataOutputStream wrote
            ints.get(v.who, 0, n);
            ints.get(v.start, 1, n);
            long total = 0;
            for (int i = 0; i < n; i++) {
                int voter = v.who[i];
                int m = v.start[i + 1];
                if (voter < 0 || voter >= keys || v.slotOf[voter] != 0 || m < 0) {
                    throw new IllegalStateException("vote " + i + " by voter " + voter + ": none such, or twice");
                }
                v.slotOf[voter] = i + 1;
                total += m;
                v.start[i + 1] = (int) Math.min(Integer.MAX_VALUE, total);
            }
            if (total > ints.remaining() || total > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("votes past the end");
            }
            v.data = new int[(int) Math.max(64, total)];
            ints.get(v.data, 0, (int) total);
            in.position((int) (in.position() + 4L * (2L * n + total)));
            v.slots = n;
            v.live = n;
            return v;
        }
    }

    /**
     * The votes for {@link RecordState}: u32 ballots; each: u64 ballot, then its {@link Votes},
     * voters numbered as in {@code roster}.
     */
    void write(DataOutputStream out, Roster roster) throws IOException {
        out.writeInt(byBallot.size());
        // restored from saved state, the votes' voters began as a copy of the roster's keys, which a
        // roster only appends to: below that count the numbers are the roster's, above it by name
        int shared = Math.min(restoredKeys, roster.size());
        for (long b : new java.util.TreeSet<>(byBallot.keySet())) {
            out.writeLong(b);
            byBallot.get(b).write(out, roster, shared);
        }
    }

    private int restoredKeys; // the roster's keys that signers began as a copy of, where restored

    /** What {@link #write} wrote, voters numbered as in {@code roster}; {@link #setSize} is the caller's. */
    static CastVotes read(ByteBuffer in, Roster roster) {
        CastVotes c = new CastVotes(roster.signers());
        int keys = roster.size();
        c.restoredKeys = keys;
        int n = in.getInt();
        if (n < 0 || (long) n * 12 > in.remaining()) {
            throw new IllegalStateException("ballot count " + n);
        }
        for (int i = 0; i < n; i++) {
            long ballot = in.getLong();
            if (c.byBallot.put(ballot, Votes.read(in, c.signers, keys)) != null) {
                throw new IllegalStateException("ballot " + ballot + " twice");
            }
        }
        return c;
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
