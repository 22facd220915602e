package org.gosplan.council.count;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Schulze method (Schulze, Social Choice and Welfare 36, 2011), winning votes: the strength
 * of the link a→b is the number of voters who prefer a to b when they outnumber those who prefer
 * b to a, else there is no link; p[a][b] is the strength of the strongest path (its weakest link)
 * from a to b. The relation "a beats b" (p[a][b] > p[b][a]) is a strict partial order (the
 * paper's Theorem 4.1); the ranking puts first the options no other option beats, then those
 * beaten only by the first group, and so on. Options in one group are tied: the ranking shows the
 * group, and {@code winners} (the first {@code seats} of the ranking) orders it by lower index
 * and reports the tie.
 */
public final class Schulze {
    private Schulze() {
    }

    public static Tally count(Options options, List<RankedBallot> ballots) {
        return count(options, ballots, 1);
    }

    public static Tally count(Options options, List<RankedBallot> ballots, int seats) {
        int m = options.size();
        if (seats < 1 || seats > m) {
            throw new CountException("schulze names 1.." + m + " winners here, not " + seats);
        }
        long[] d = pairwise(ballots, m);
        long[] p = strongestPaths(d, m);
        List<int[]> groups = ranking(p, m);

        List<List<String>> ranking = new ArrayList<>();
        List<String> winners = new ArrayList<>();
        List<String> ties = new ArrayList<>();
        for (int[] group : groups) {
            List<String> names = new ArrayList<>();
            for (int o : group) {
                names.add(options.name(o));
            }
            ranking.add(names);
            int before = winners.size();
            for (int o : group) {
                if (winners.size() < seats) {
                    winners.add(options.name(o));
                }
            }
            if (group.length > 1 && winners.size() > before) {
                ties.add("options " + String.join(", ", names) + " tied in the Schulze ranking (place " + (before + 1)
                        + "); ordered by the lower index");
            }
        }
        long voters = 0;
        long[] first = new long[m];
        for (RankedBallot b : ballots) {
            voters = Math.addExact(voters, b.count());
            if (b.groups().length > 0) {
                for (int o : b.groups()[0]) {
                    first[o] += b.count();
                }
            }
        }
        Map<String, Number> counts = new LinkedHashMap<>();
        for (int o = 0; o < m; o++) {
            counts.put(options.name(o), first[o]);
        }
        return new Tally("schulze", voters, winners, ranking, counts, List.of(), ties);
    }

    /**
     * d[a*m+b]: the voters who rank a above b (unranked options below all ranked ones, tied).
     * Each ballot is a vector of levels, so a pair costs one comparison.
     */
    static long[] pairwise(List<RankedBallot> ballots, int m) {
        long[] d = new long[m * m];
        int[] level = new int[m];
        int[] seen = new int[m];
        int stamp = 0;
        for (RankedBallot b : ballots) {
            int[][] groups = b.groups();
            java.util.Arrays.fill(level, groups.length);
            stamp++;
            for (int g = 0; g < groups.length; g++) {
                for (int o : groups[g]) {
                    if (o < 0 || o >= m) {
                        throw new CountException("a ballot ranks option " + o + ", but the options are 0.." + (m - 1));
                    }
                    if (seen[o] == stamp) {
                        throw new CountException("a ballot ranks option " + o + " twice; rank each option once");
                    }
                    seen[o] = stamp;
                    level[o] = g;
                }
            }
            long w = b.count();
            for (int a = 0; a < m; a++) {
                int la = level[a];
                int row = a * m;
                for (int c = 0; c < m; c++) {
                    if (la < level[c]) {
                        d[row + c] += w;
                    }
                }
            }
        }
        return d;
    }

    /** Widest paths over the winning-votes links, Floyd–Warshall style (the paper's section 2.3). */
    static long[] strongestPaths(long[] d, int m) {
        long[] p = new long[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                if (a != b && d[a * m + b] > d[b * m + a]) {
                    p[a * m + b] = d[a * m + b];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                long pji = p[j * m + i];
                if (j == i || pji == 0) {
                    continue;
                }
                for (int k = 0; k < m; k++) {
                    if (k != i && k != j) {
                        long via = Math.min(pji, p[i * m + k]);
                        if (via > p[j * m + k]) {
                            p[j * m + k] = via;
                        }
                    }
                }
            }
        }
        return p;
    }

    /** Groups of options, each beaten by no option outside the groups before it; indexes ascending. */
    static List<int[]> ranking(long[] p, int m) {
        boolean[] placed = new boolean[m];
        List<int[]> groups = new ArrayList<>();
        int left = m;
        while (left > 0) {
            int[] group = new int[left];
            int size = 0;
            for (int a = 0; a < m; a++) {
                if (placed[a]) {
                    continue;
                }
                boolean beaten = false;
                for (int b = 0; b < m && !beaten; b++) {
                    beaten = !placed[b] && p[b * m + a] > p[a * m + b];
                }
                if (!beaten) {
                    group[size++] = a;
                }
            }
            // a strict partial order on a finite set always has an unbeaten element
            for (int i = 0; i < size; i++) {
                placed[group[i]] = true;
            }
            left -= size;
            groups.add(java.util.Arrays.copyOf(group, size));
        }
        return groups;
    }
}
