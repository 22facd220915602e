package org.gosplan.inspection.lottery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The lottery against every panel written out, on small random pools and quotas. */
class LotteryPropertyTest {
    record Instance(Pool pool, int k, List<Quota> quotas) {}

    private static final String[][] VALUES = {{"f", "m"}, {"a", "b", "c"}};

    @Provide
    Arbitrary<Instance> instances() {
        Arbitrary<Integer> n = Arbitraries.integers().between(2, 9);
        return n.flatMap(size -> {
            Arbitrary<List<Integer>> g = Arbitraries.integers().between(0, 1).list().ofSize(size);
            Arbitrary<List<Integer>> r = Arbitraries.integers().between(0, 2).list().ofSize(size);
            Arbitrary<Integer> k = Arbitraries.integers().between(1, size);
            Arbitrary<List<Integer>> bounds = Arbitraries.integers().between(0, 4).list().ofSize(10);
            return Combinators.combine(g, r, k, bounds).as((gs, rs, kk, bs) -> {
                List<Pool.Member> members = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    members.add(new Pool.Member("p" + i, Map.of("gender", VALUES[0][gs.get(i)],
                            "region", VALUES[1][rs.get(i)])));
                }
                List<Quota> quotas = new ArrayList<>();
                int b = 0;
                for (int a = 0; a < 2; a++) {
                    for (String v : VALUES[a]) {
                        int lo = bs.get(b++) / 3;
                        int hi = lo + bs.get(b++) / 2 + 1;
                        if (lo > 0 || hi < kk) {
                            quotas.add(new Quota(a == 0 ? "gender" : "region", v, lo, hi));
                        }
                    }
                }
                return new Instance(new Pool(members), kk, quotas);
            });
        });
    }

    @Property(tries = 100)
    void probabilitiesAreTheExactLeximinOfEveryPanel(@ForAll("instances") Instance x) {
        List<int[]> all = Enumeration.panels(x.pool(), x.k(), x.quotas());
        Statistics.collect(all.isEmpty() ? "infeasible" : "feasible");
        if (all.isEmpty()) {
            assertThrows(InfeasibleQuotasException.class, () -> Lottery.select(x.pool(), x.k(), x.quotas()));
            return;
        }
        Selection s = Lottery.select(x.pool(), x.k(), x.quotas());
        double[] reference = Enumeration.leximin(x.pool().size(), all);
        assertTrue(s.leximin(), "small pools reach the leximin within the budget");
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < reference.length; i++) {
            assertEquals(reference[i], s.probability(i), 1e-6, "probability of p" + i);
            min = Math.min(min, reference[i]);
        }
        assertEquals(min, s.minProbability(), 1e-6);
        Statistics.label("levels").collect(java.util.Arrays.stream(reference).map(v -> Math.round(v * 1e6)).distinct()
                .count());
        for (int i = 0; i < reference.length; i++) {
            assertTrue(Math.abs(s.share(i) - s.probability(i)) <= 1.0 / Lottery.M + 1e-12,
                    "p" + i + " is on " + s.share(i) + " of the panels, probability " + s.probability(i));
        }
        for (int j = 0; j < s.panels(); j++) {
            assertTrue(contains(all, s.panel(j)), "panel " + j + " is not one that meets the quotas");
        }
    }

    @Property(tries = 60)
    void conflictingQuotasAreInfeasibleAndEachNeeded(@ForAll("instances") Instance x) {
        Types types = new Types(x.pool(), x.k(), x.quotas());
        List<Feasibility.Bound> conflict = Feasibility.conflict(types);
        boolean none = Enumeration.panels(x.pool(), x.k(), x.quotas()).isEmpty();
        assertEquals(none, !conflict.isEmpty());
        if (none) {
            assertTrue(Enumeration.panels(x.pool(), x.k(), only(x.quotas(), conflict, -1)).isEmpty());
            for (int drop = 0; drop < conflict.size(); drop++) {
                assertFalse(Enumeration.panels(x.pool(), x.k(), only(x.quotas(), conflict, drop)).isEmpty(),
                        "the conflict holds without " + conflict.get(drop));
            }
        }
    }

    /** The bounds of {@code conflict} but the one at {@code drop}, as quotas (an absent side is 0 or the panel). */
    private static List<Quota> only(List<Quota> quotas, List<Feasibility.Bound> conflict, int drop) {
        List<Quota> out = new ArrayList<>();
        for (int q = 0; q < quotas.size(); q++) {
            int lo = 0;
            int hi = Integer.MAX_VALUE / 2;
            for (int i = 0; i < conflict.size(); i++) {
                Feasibility.Bound b = conflict.get(i);
                if (i != drop && b.quota() == q) {
                    if (b.atLeast()) {
                        lo = quotas.get(q).min();
                    } else {
                        hi = quotas.get(q).max();
                    }
                }
            }
            out.add(new Quota(quotas.get(q).attribute(), quotas.get(q).value(), lo, hi));
        }
        return out;
    }

    private static boolean contains(List<int[]> all, int[] panel) {
        for (int[] p : all) {
            if (java.util.Arrays.equals(p, panel)) {
                return true;
            }
        }
        return false;
    }
}
