package org.gosplan.council.count;

import java.util.Arrays;
import java.util.List;

/**
 * The ballots of an STV count in primitive arrays, identical ones merged: ballot {@code b}'s
 * preferences are {@code prefs[start[b] .. start[b+1])}, cast by {@code voters[b]} voters. A
 * million ballots over twenty candidates hold a few tens of megabytes, and every transfer is a
 * loop over ints.
 *
 * <p>What counts of a ranking: its preferences in order up to the first tie group. A ballot
 * whose first group is a tie has no first preference and is rejected, as a Scottish paper with
 * the figure 1 against two names is (rule 43); a later tie ends the ballot there, as the Order
 * counts preferences only "in consecutive order" and a tie breaks the order. So a PrefLib
 * {@code .toc} file, which appends the unranked candidates as one tie group, counts as its
 * {@code .soi} original (but where one candidate was left unranked: that one the {@code .toc}
 * writes as a last preference).
 */
final class StvBallots {
    /** A trillion voters: their votes in hundred-thousandths, 10^17, still fit a long. */
    static final long MOST_VOTERS = 1_000_000_000_000L;

    int[] prefs = new int[1024];
    int[] start = new int[257];
    long[] voters = new long[256];
    int size;
    /** Voters on valid ballots, and on rejected ones. */
    long valid;
    long rejected;

    /** Open addressing, two ints a slot: the ranking's number (-1 for none) and its hash, so that
     *  a probe of another ranking is refused on its hash beside it, not by reading that ranking
     *  (scattered over the preferences of a million). */
    private int[] table = new int[1024];
    private int used;

    private int[] seen = new int[0];
    private int stamp;
    private int[] flat = new int[64];

    static StvBallots of(Options options, List<RankedBallot> ballots) {
        StvBallots s = new StvBallots();
        for (int i = 0; i < ballots.size(); i++) {
            RankedBallot ballot = ballots.get(i);
            int n = 0;
            for (int[] group : ballot.groups()) {
                n += 1 + group.length;
            }
            if (n > s.flat.length) {
                s.flat = new int[Math.max(n, 2 * s.flat.length)];
            }
            int p = 0;
            for (int[] group : ballot.groups()) {
                s.flat[p++] = group.length;
                System.arraycopy(group, 0, s.flat, p, group.length);
                p += group.length;
            }
            s.take(options, i + 1, s.flat, 0, n, ballot.count());
        }
        return s;
    }

    StvBallots() {
        Arrays.fill(table, -1);
    }

    /** Room for {@code n} distinct rankings without growing (a hint: more still fit). */
    void expect(int n) {
        if (size == 0 && n > voters.length) {
            start = new int[n + 1];
            voters = new long[n];
            table = new int[Integer.highestOneBit(n) * 8];
            Arrays.fill(table, -1);
        }
    }

    /**
     * Takes in ballot number {@code number} (for messages), cast by {@code count} voters: its groups
     * flat in {@code ranks[from .. to)}, one after another, each its length and then its options.
     */
    void take(Options options, int number, int[] ranks, int from, int to, long count) {
        int m = options.size();
        if (seen.length != m) {
            seen = new int[m];
        }
        stamp++;
        int p = start[size];
        boolean tied = false;
        int k = from;
        while (k < to) {
            int length = ranks[k++];
            if (length < 0 || length > to - k) {
                throw new CountException("ballot " + number + " has a group of " + length + " options past its end");
            }
            for (int i = k; i < k + length; i++) {
                int option = ranks[i];
                if (option < 0 || option >= m) {
                    throw new CountException("ballot " + number + " ranks option " + option + ", but the options are 0.."
                            + (m - 1) + "; rank only the options of the count");
                }
                if (seen[option] == stamp) {
                    throw new CountException("ballot " + number + " ranks " + options.name(option)
                            + " twice; rank each option at most once");
                }
                seen[option] = stamp;
            }
            if (length > 1) {
                tied = true;
            }
            if (length == 1 && !tied) {
                ensure(p + 1);
                prefs[p++] = ranks[k];
            }
            k += length;
        }
        if (p == start[size]) {
            rejected = sum(rejected, count);
        } else {
            valid = sum(valid, count);
            add(p, count);
        }
    }

    /** Keeps the ranking just written at {@code prefs[start[size] .. end)}, or merges it into its twin. */
    private void add(int end, long count) {
        int from = start[size];
        int hash = 1;
        for (int k = from; k < end; k++) {
            hash = 31 * hash + prefs[k];
        }
        int mask = (table.length >> 1) - 1;
        int slot = mix(hash) & mask;
        while (table[2 * slot] >= 0) {
            int b = table[2 * slot];
            if (table[2 * slot + 1] == hash && Arrays.equals(prefs, start[b], start[b + 1], prefs, from, end)) {
                voters[b] = sum(voters[b], count);
                return;
            }
            slot = (slot + 1) & mask;
        }
        table[2 * slot] = size;
        table[2 * slot + 1] = hash;
        if (size + 2 > start.length) {
            start = Arrays.copyOf(start, start.length * 2);
        }
        if (size >= voters.length) {
            voters = Arrays.copyOf(voters, voters.length * 2);
        }
        voters[size] = count;
        start[++size] = end;
        if (++used * 4 > table.length) {
            rehash();
        }
    }

    private void rehash() {
        int[] old = table;
        table = new int[old.length * 2];
        Arrays.fill(table, -1);
        int mask = (table.length >> 1) - 1;
        for (int o = 0; o < old.length; o += 2) {
            if (old[o] < 0) {
                continue;
            }
            int hash = old[o + 1];
            int slot = mix(hash) & mask;
            while (table[2 * slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[2 * slot] = old[o];
            table[2 * slot + 1] = hash;
        }
    }

    /** Voters added up; past {@link #MOST_VOTERS} the five-decimal values would not fit a long. */
    private static long sum(long a, long b) {
        long s = a + b;
        if (s > MOST_VOTERS || s < 0) {
            throw new CountException("the ballots are cast by more than " + MOST_VOTERS
                    + " voters, more than an STV count holds; check the ballots' counts");
        }
        return s;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void ensure(int length) {
        if (length > prefs.length) {
            prefs = Arrays.copyOf(prefs, Math.max(length, prefs.length * 2));
        }
    }
}
