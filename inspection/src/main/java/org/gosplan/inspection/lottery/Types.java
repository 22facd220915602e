package org.gosplan.inspection.lottery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pool grouped by what the quotas can tell apart: two people with the same quota features
 * are interchangeable to every constraint, so the leximin probabilities give them the same
 * probability (the leximin vector is unique, and swapping them maps optima to optima), and the
 * LP can be written over types (how many of each type a panel holds) instead of over people.
 * A pool of 2,000 in 5 quota categories has a few hundred types at most.
 */
final class Types {
    final int k;
    final List<Quota> quotas;
    /** Number of types. */
    final int count;
    /** People of each type, by pool index, in pool order. */
    final int[][] members;
    /** The quotas (indexes into {@link #quotas}) each type counts towards. */
    final int[][] features;
    /** The types each quota counts, ascending. */
    final int[][] typesOf;

    Types(Pool pool, int k, List<Quota> quotas) {
        this.k = k;
        this.quotas = List.copyOf(quotas);
        Set<String> attributes = new HashSet<>();
        for (Pool.Member m : pool.members()) {
            attributes.addAll(m.attributes().keySet());
        }
        for (Quota q : quotas) {
            if (!attributes.contains(q.attribute())) {
                throw new LotteryException(q.where(), "the quota names attribute '" + q.attribute() + "', which no"
                        + " one in the pool has; the pool's attributes are " + new java.util.TreeSet<>(attributes));
            }
        }
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        Map<String, int[]> featuresByKey = new LinkedHashMap<>();
        int[] scratch = new int[quotas.size()];
        for (int i = 0; i < pool.size(); i++) {
            Map<String, String> a = pool.members().get(i).attributes();
            int n = 0;
            for (int q = 0; q < quotas.size(); q++) {
                if (quotas.get(q).value().equals(a.get(quotas.get(q).attribute()))) {
                    scratch[n++] = q;
                }
            }
            int[] f = Arrays.copyOf(scratch, n);
            String key = Arrays.toString(f);
            byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
            featuresByKey.putIfAbsent(key, f);
        }
        count = byKey.size();
        members = new int[count][];
        features = new int[count][];
        int t = 0;
        for (Map.Entry<String, List<Integer>> e : byKey.entrySet()) {
            members[t] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            features[t] = featuresByKey.get(e.getKey());
            t++;
        }
        int[] per = new int[quotas.size()];
        for (int[] f : features) {
            for (int q : f) {
                per[q]++;
            }
        }
        typesOf = new int[quotas.size()][];
        for (int q = 0; q < quotas.size(); q++) {
            typesOf[q] = new int[per[q]];
        }
        Arrays.fill(per, 0);
        for (int s = 0; s < count; s++) {
            for (int q : features[s]) {
                typesOf[q][per[q]++] = s;
            }
        }
    }

    int size(int type) {
        return members[type].length;
    }

    /** How many people of the pool have quota {@code q}'s feature. */
    int available(int q) {
        int n = 0;
        for (int t : typesOf[q]) {
            n += size(t);
        }
        return n;
    }

    /** Whether a panel holding {@code c[t]} people of each type meets size and every quota. */
    boolean feasible(int[] c) {
        int total = 0;
        for (int t = 0; t < count; t++) {
            if (c[t] < 0 || c[t] > size(t)) {
                return false;
            }
            total += c[t];
        }
        if (total != k) {
            return false;
        }
        for (int q = 0; q < quotas.size(); q++) {
            int n = 0;
            for (int t : typesOf[q]) {
                n += c[t];
            }
            if (n < quotas.get(q).min() || n > quotas.get(q).max()) {
                return false;
            }
        }
        return true;
    }
}
