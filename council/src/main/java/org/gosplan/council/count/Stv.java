package org.gosplan.council.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The single transferable vote as Scotland's councils are elected: The Scottish Local
 * Government Elections Order 2007, schedule 1, rules 45 to 52 (the Weighted Inclusive Gregory
 * Method), stage by stage, as the Droop counter's {@code scotland} rule reads them.
 *
 * <ul>
 *   <li>Quota (46): ⌊valid ballots / (seats + 1)⌋ + 1.
 *   <li>A candidate whose votes reach the quota at the end of a stage is elected (47), in order
 *       of votes, most first.
 *   <li>Surpluses (48, 49): while vacancies remain and more candidates continue than there are
 *       vacancies, the largest surplus is transferred first, one per stage. Every paper the
 *       elected candidate holds passes to its next preference for a continuing candidate at
 *       the value ⌊its value × surplus / the candidate's votes⌋ to five decimals; the candidate
 *       keeps the quota. A candidate elected with exactly the quota has nothing to transfer.
 *   <li>Exclusion (50): otherwise the continuing candidate with fewest votes is excluded and all
 *       its papers pass on at the value they came with, in one stage.
 *   <li>Ties (49(2), 51(2)): the stages before, latest first, until one of the tied candidates
 *       alone had most (surplus) or fewest (exclusion) votes; where none did, "by lot", which
 *       here is the option index: the lower index's surplus goes first, the higher index is
 *       excluded (a tie is broken in the lower index's favour). Every such tie is reported.
 *   <li>Last vacancies (52): when the continuing candidates are no more than the vacancies,
 *       they are elected (in order of votes) and no further transfer is made.
 * </ul>
 *
 * <p>Rounds, one per stage: {@code stage}, {@code action} ("first count", "surplus of X",
 * "exclusion of Y"), {@code quota}, {@code values} (every continuing or elected option's votes
 * at the end of the stage), {@code elected} (deemed elected at the end of the stage),
 * {@code excluded}, {@code nonTransferable} (papers with no further preference, so far),
 * {@code lost} (value lost to the five-decimal truncation, so far; with the values and the
 * non-transferable votes it sums exactly to the valid ballots), {@code surplus} (surplus stages)
 * and, at the first stage, {@code valid} and {@code rejected} ballots. Counts are first
 * preferences. How ties inside a ranking count: see {@link StvBallots}.
 */
public final class Stv {
    private static final byte CONTINUING = 0;
    private static final byte ELECTED = 1;
    private static final byte EXCLUDED = 2;

    private final Options options;
    private final StvBallots ballots;
    private final int seats;
    private final int m;
    private final long quota;
    private final long[] votes;
    private final byte[] state;
    private final boolean[] pending;
    private final int[][] pile;
    private final int[] pileSize;
    private final long[] weight;
    private final int[] position;
    private long nonTransferable;
    private long lost;
    private final List<Stage> stages = new ArrayList<>();
    private final List<Integer> winners = new ArrayList<>();
    private final List<String> ties = new ArrayList<>();

    /** One stage's end, kept for the record and for the tie-breaks that look back. */
    private record Stage(String action, long[] values, byte[] states, List<Integer> elected, int excluded,
            long nonTransferable, long lost, long surplus) {}

    private Stv(Options options, StvBallots ballots, int seats) {
        this.options = options;
        this.ballots = ballots;
        this.seats = seats;
        this.m = options.size();
        this.quota = Decimal5.ofWhole(ballots.valid / (seats + 1L) + 1);
        votes = new long[m];
        state = new byte[m];
        pending = new boolean[m];
        pile = new int[m][];
        pileSize = new int[m];
        for (int c = 0; c < m; c++) {
            pile[c] = new int[16];
        }
        weight = new long[ballots.size];
        position = new int[ballots.size];
    }

    /** Counts {@code seats} winners from the ballots by the Scottish rules. */
    public static Tally count(Options options, List<RankedBallot> ballots, int seats) {
        if (seats < 1) {
            throw new CountException("an STV count fills at least one seat, not " + seats);
        }
        Stv count = new Stv(options, StvBallots.of(options, ballots), seats);
        count.run();
        return count.tally();
    }

    /**
     * Ranked ballots taken in one at a time from flat arrays, for a count of millions without an
     * object per ballot: identical rankings are merged as they come ({@link StvBallots}). The
     * count is the one {@link #count(Options, List, int)} gives for the same ballots in the same
     * order.
     */
    public static final class Ballots {
        private final Options options;
        private final StvBallots ballots = new StvBallots();
        private int number;

        public Ballots(Options options) {
            this.options = options;
        }

        /** Ballots for about {@code n} voters: room made for them at once (a hint; more still fit). */
        public Ballots(Options options, int n) {
            this(options);
            ballots.expect(n);
        }

        /**
         * One voter's ranking: its groups of tied options one after another in
         * {@code ranks[from .. to)}, each its length and then its options, most preferred first.
         */
        public void add(int[] ranks, int from, int to) {
            ballots.take(options, ++number, ranks, from, to, 1);
        }

        /** Counts {@code seats} winners from the ballots taken in, by the Scottish rules. */
        public Tally count(int seats) {
            if (seats < 1) {
                throw new CountException("an STV count fills at least one seat, not " + seats);
            }
            Stv count = new Stv(options, ballots, seats);
            count.run();
            return count.tally();
        }
    }

    private void run() {
        firstStage();
        record("first count", -1, 0);
        while (true) {
            electWithQuota();
            if (complete()) {
                break;
            }
            int surplusOf = largestSurplus();
            if (surplusOf >= 0) {
                long surplus = votes[surplusOf] - quota;
                transfer(surplusOf, surplus, votes[surplusOf]);
                votes[surplusOf] = quota;
                pending[surplusOf] = false;
                record("surplus of " + options.name(surplusOf), -1, surplus);
                continue;
            }
            int lowest = lowest();
            state[lowest] = EXCLUDED;
            transfer(lowest, -1, 0);
            votes[lowest] = 0;
            record("exclusion of " + options.name(lowest), lowest, 0);
            if (complete()) {
                break;
            }
        }
        if (continuing() <= seats - winners.size()) {
            List<Integer> rest = byVotesDescending(CONTINUING);
            for (int c : rest) {
                state[c] = ELECTED;
                winners.add(c);
            }
            stages.get(stages.size() - 1).elected().addAll(rest);
        }
    }

    /** Rule 45: each ballot to its first preference at value one. */
    private void firstStage() {
        int[] prefs = ballots.prefs;
        for (int b = 0; b < ballots.size; b++) {
            int p = ballots.start[b];
            position[b] = p;
            weight[b] = Decimal5.ONE;
            int c = prefs[p];
            votes[c] = Math.addExact(votes[c], Decimal5.ofWhole(ballots.voters[b]));
            append(c, b);
        }
    }

    private void electWithQuota() {
        List<Integer> reached = byVotesDescending(CONTINUING);
        reached.removeIf(c -> votes[c] < quota);
        for (int c : reached) {
            state[c] = ELECTED;
            pending[c] = votes[c] > quota;
            winners.add(c);
        }
        stages.get(stages.size() - 1).elected().addAll(reached);
    }

    private boolean complete() {
        int vacancies = seats - winners.size();
        return vacancies <= 0 || continuing() <= vacancies;
    }

    private int continuing() {
        int n = 0;
        for (int c = 0; c < m; c++) {
            if (state[c] == CONTINUING) {
                n++;
            }
        }
        return n;
    }

    /** The elected candidate whose surplus goes next (rule 49), or -1 when none is waiting. */
    private int largestSurplus() {
        List<Integer> tied = extremes(pending, +1);
        return tied.isEmpty() ? -1 : breakTie(tied, +1);
    }

    private int lowest() {
        boolean[] continuing = new boolean[m];
        for (int c = 0; c < m; c++) {
            continuing[c] = state[c] == CONTINUING;
        }
        return breakTie(extremes(continuing, -1), -1);
    }

    /** The candidates among {@code among} with most ({@code sign} +1) or fewest (-1) votes now. */
    private List<Integer> extremes(boolean[] among, int sign) {
        List<Integer> best = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            if (!among[c]) {
                continue;
            }
            int cmp = best.isEmpty() ? 1 : Long.signum(votes[c] - votes[best.get(0)]) * sign;
            if (cmp > 0) {
                best.clear();
            }
            if (cmp >= 0) {
                best.add(c);
            }
        }
        return best;
    }

    /**
     * Rules 49(2)/(3) and 51(2): the most recent earlier stage at which one of the tied alone had
     * most (surplus) or fewest (exclusion) votes decides; failing that, the lot, which here is
     * the option order.
     */
    private int breakTie(List<Integer> tied, int sign) {
        if (tied.size() == 1) {
            return tied.get(0);
        }
        String names = names(tied);
        String what = sign > 0 ? "equal surpluses" : "fewest votes";
        int now = stages.size();
        for (int s = stages.size() - 1; s >= 0; s--) {
            long[] then = stages.get(s).values();
            List<Integer> alone = new ArrayList<>();
            for (int c : tied) {
                int cmp = alone.isEmpty() ? 1 : Long.signum(then[c] - then[alone.get(0)]) * sign;
                if (cmp > 0) {
                    alone.clear();
                }
                if (cmp >= 0) {
                    alone.add(c);
                }
            }
            if (alone.size() == 1) {
                int c = alone.get(0);
                ties.add("stage " + (now + 1) + ": " + names + " tied on " + what + " at " + Decimal5.text(votes[c])
                        + "; " + options.name(c) + " had " + (sign > 0 ? "most" : "fewest") + " votes at stage " + (s + 1)
                        + (sign > 0 ? " and its surplus goes first" : " and is excluded"));
                return c;
            }
        }
        int c = sign > 0 ? tied.get(0) : tied.get(tied.size() - 1);
        ties.add("stage " + (now + 1) + ": " + names + " tied on " + what + " at " + Decimal5.text(votes[c])
                + " at every stage; by lot, which here is the option order, "
                + (sign > 0 ? options.name(c) + "'s surplus (the lower index) goes first"
                        : options.name(c) + " (the higher index) is excluded"));
        return c;
    }

    /**
     * Moves every paper {@code from} holds to its next preference for a continuing candidate:
     * at ⌊value × surplus / total⌋ for a surplus (rule 48(3)), at its value for an exclusion
     * ({@code surplus} < 0, rule 50(4)). Papers with no such preference are non-transferable.
     */
    private void transfer(int from, long surplus, long total) {
        int[] papers = pile[from];
        int n = pileSize[from];
        pile[from] = new int[0];
        pileSize[from] = 0;
        long moved = 0;
        int[] prefs = ballots.prefs;
        int[] start = ballots.start;
        for (int i = 0; i < n; i++) {
            int b = papers[i];
            long w = surplus < 0 ? weight[b] : Decimal5.mulDivDown(weight[b], surplus, total);
            weight[b] = w;
            long value = Math.multiplyExact(w, ballots.voters[b]);
            moved += value;
            int p = position[b] + 1;
            int end = start[b + 1];
            while (p < end && state[prefs[p]] != CONTINUING) {
                p++;
            }
            position[b] = p;
            if (p == end) {
                nonTransferable += value;
            } else {
                int to = prefs[p];
                votes[to] += value;
                append(to, b);
            }
        }
        if (surplus >= 0) {
            lost += surplus - moved;
        }
    }

    private void append(int c, int b) {
        if (pileSize[c] == pile[c].length) {
            pile[c] = Arrays.copyOf(pile[c], Math.max(16, pile[c].length * 2));
        }
        pile[c][pileSize[c]++] = b;
    }

    private void record(String action, int excluded, long surplus) {
        stages.add(new Stage(action, votes.clone(), state.clone(), new ArrayList<>(), excluded, nonTransferable, lost,
                surplus));
    }

    /** The candidates in {@code wanted} state, most votes first, the lower index first among equals. */
    private List<Integer> byVotesDescending(byte wanted) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            if (state[c] == wanted) {
                out.add(c);
            }
        }
        out.sort((a, b) -> votes[a] != votes[b] ? Long.compare(votes[b], votes[a]) : Integer.compare(a, b));
        return out;
    }

    private String names(List<Integer> cs) {
        return String.join(", ", namesList(cs));
    }

    private Tally tally() {
        Map<String, Number> counts = new LinkedHashMap<>();
        long[] first = stages.get(0).values();
        for (int c = 0; c < m; c++) {
            counts.put(options.name(c), first[c] / Decimal5.ONE);
        }
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int s = 0; s < stages.size(); s++) {
            Stage st = stages.get(s);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("stage", s + 1);
            r.put("action", st.action());
            r.put("quota", Decimal5.decimal(quota));
            Map<String, Object> values = new LinkedHashMap<>();
            for (int c = 0; c < m; c++) {
                if (st.states()[c] != EXCLUDED) {
                    values.put(options.name(c), Decimal5.decimal(st.values()[c]));
                }
            }
            r.put("values", values);
            r.put("elected", namesList(st.elected()));
            r.put("excluded", st.excluded() < 0 ? List.of() : List.of(options.name(st.excluded())));
            r.put("nonTransferable", Decimal5.decimal(st.nonTransferable()));
            r.put("lost", Decimal5.decimal(st.lost()));
            if (st.action().startsWith("surplus")) {
                r.put("surplus", Decimal5.decimal(st.surplus()));
            }
            if (s == 0) {
                r.put("valid", ballots.valid);
                r.put("rejected", ballots.rejected);
            }
            rounds.add(r);
        }
        long voters = ballots.valid + ballots.rejected;
        return new Tally("stv", voters, namesList(winners), List.of(), counts, rounds, ties);
    }

    private List<String> namesList(List<Integer> cs) {
        List<String> n = new ArrayList<>();
        for (int c : cs) {
            n.add(options.name(c));
        }
        return List.copyOf(n);
    }
}
