package org.gosplan.council.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** What every Scottish STV count must satisfy, on random elections. */
class StvPropertiesTest {
    /** A random election: {@code m} options, rankings of random length (some with ties), random voter counts. */
    static List<RankedBallot> ballots(Random r, int m, int n) {
        List<RankedBallot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < m; c++) {
                order.add(c);
            }
            Collections.shuffle(order, r);
            int length = 1 + r.nextInt(m);
            List<int[]> groups = new ArrayList<>();
            int k = 0;
            while (k < length) {
                int size = r.nextInt(8) == 0 ? Math.min(2, length - k) : 1;
                int[] g = new int[size];
                for (int j = 0; j < size; j++) {
                    g[j] = order.get(k++);
                }
                groups.add(g);
            }
            out.add(new RankedBallot(groups.toArray(new int[0][]), 1 + r.nextInt(r.nextBoolean() ? 3 : 40)));
        }
        return out;
    }

    static Options options(int m) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            names.add("o" + c);
        }
        return new Options(names);
    }

    @Property(tries = 200)
    void theCountDoesNotDependOnTheOrderOfBallots(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int m,
            @ForAll @IntRange(min = 0, max = 60) int n, @ForAll @IntRange(min = 1, max = 4) int seats) {
        Random r = new Random(seed);
        List<RankedBallot> b = ballots(r, m, n);
        Tally t = Stv.count(options(m), b, seats);
        List<RankedBallot> shuffled = new ArrayList<>(b);
        Collections.shuffle(shuffled, r);
        assertEquals(t, Stv.count(options(m), shuffled, seats));
    }

    /**
     * Rankings taken in one by one from flat arrays ({@link Stv.Ballots}, as a count from the log
     * does) count as the same rankings as objects: each ballot of {@code k} voters given k times.
     */
    @Property(tries = 200)
    void flatBallotsCountAsBallotObjects(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int m,
            @ForAll @IntRange(min = 0, max = 60) int n, @ForAll @IntRange(min = 1, max = 4) int seats) {
        List<RankedBallot> b = ballots(new Random(seed), m, n);
        List<RankedBallot> single = new ArrayList<>();
        Stv.Ballots flat = new Stv.Ballots(options(m));
        int[] ranks = new int[4 * m + 8];
        for (RankedBallot ballot : b) {
            for (long v = 0; v < ballot.count(); v++) {
                single.add(new RankedBallot(ballot.groups(), 1));
                int p = 3; // not at the array's start: a vote is a slice of a larger array
                for (int[] g : ballot.groups()) {
                    ranks[p++] = g.length;
                    for (int o : g) {
                        ranks[p++] = o;
                    }
                }
                flat.add(ranks, 3, p);
            }
        }
        assertEquals(Stv.count(options(m), single, seats), flat.count(seats));
        assertEquals(Stv.count(options(m), b, seats), flat.count(seats));
    }

    /** Elected + continuing + non-transferable + what truncation lost = the valid votes, at every stage. */
    @Property(tries = 300)
    void votesAreConservedAtEveryStage(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int m,
            @ForAll @IntRange(min = 0, max = 80) int n, @ForAll @IntRange(min = 1, max = 5) int seats) {
        Tally t = Stv.count(options(m), ballots(new Random(seed), m, n), seats);
        BigDecimal valid = BigDecimal.valueOf((Long) t.rounds().get(0).get("valid"));
        int surpluses = 0;
        for (Map<String, Object> round : t.rounds()) {
            @SuppressWarnings("unchecked")
            Map<String, BigDecimal> values = (Map<String, BigDecimal>) round.get("values");
            BigDecimal lost = (BigDecimal) round.get("lost");
            BigDecimal sum = values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .add((BigDecimal) round.get("nonTransferable")).add(lost);
            assertEquals(0, valid.compareTo(sum), "stage " + round.get("stage") + ": " + round);
            if (((String) round.get("action")).startsWith("surplus")) {
                surpluses++;
            }
            // each surplus stage loses less than 0.00001 per paper
            assertTrue(lost.signum() >= 0 && lost.compareTo(valid.multiply(new BigDecimal("0.00001"))
                    .multiply(BigDecimal.valueOf(surpluses))) <= 0, round.toString());
        }
        assertEquals(Math.min(seats, m), t.winners().size());
    }

    /** With one seat the quota is a majority: an option most voters rank first wins at the first count. */
    @Property(tries = 200)
    void aMajorityOfFirstPreferencesWinsTheOneSeat(@ForAll long seed, @ForAll @IntRange(min = 2, max = 7) int m,
            @ForAll @IntRange(min = 0, max = 40) int n, @ForAll @IntRange(min = 0, max = 6) int favourite) {
        Random r = new Random(seed);
        int f = favourite % m;
        List<RankedBallot> b = ballots(r, m, n);
        long valid = (Long) Stv.count(options(m), b, 1).rounds().get(0).get("valid");
        List<RankedBallot> with = new ArrayList<>(b);
        with.add(new RankedBallot(new int[][] {{f}}, valid + 1));
        Tally t = Stv.count(options(m), with, 1);
        assertEquals(List.of("o" + f), t.winners());
        assertEquals(List.of("o" + f), t.rounds().get(0).get("elected"));
    }

    /**
     * Mono-add-top, which STV guarantees with one seat (Woodall): there is then no surplus to
     * transfer, and a ballot more for the winner only adds to its votes at every stage.
     */
    @Property(tries = 300)
    void withOneSeatABallotMoreRankingTheWinnerFirstKeepsItWinning(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 7) int m, @ForAll @IntRange(min = 1, max = 40) int n) {
        Random r = new Random(seed);
        List<RankedBallot> b = ballots(r, m, n);
        String winner = Stv.count(options(m), b, 1).winners().get(0);
        int w = Integer.parseInt(winner.substring(1));
        List<Integer> rest = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            if (c != w) {
                rest.add(c);
            }
        }
        Collections.shuffle(rest, r);
        int[] order = new int[1 + r.nextInt(m)];
        order[0] = w;
        for (int k = 1; k < order.length; k++) {
            order[k] = rest.get(k - 1);
        }
        List<RankedBallot> more = new ArrayList<>(b);
        more.add(StvTest.ballot(1 + r.nextInt(5), order));
        assertEquals(List.of(winner), Stv.count(options(m), more, 1).winners());
    }
}
