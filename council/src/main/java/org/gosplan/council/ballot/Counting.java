package org.gosplan.council.ballot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.gosplan.council.count.Approval;
import org.gosplan.council.count.ApprovalBallot;
import org.gosplan.council.count.ApprovalProfile;
import org.gosplan.council.count.EqualShares;
import org.gosplan.council.count.Options;
import org.gosplan.council.count.RankedBallot;
import org.gosplan.council.count.Schulze;
import org.gosplan.council.count.Stv;
import org.gosplan.council.count.Tally;
import org.gosplan.council.proposal.Costs;
import org.gosplan.council.proposal.ProposalCost;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.record.Ballot;
import org.gosplan.record.CastVotes;
import org.gosplan.record.Event;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.gosplan.record.Snapshot;

/**
 * Counting a ballot from the log: the glue between the record's votes and the counting methods,
 * which know nothing of the log. The votes counted are those cast after the ballot opened and
 * before it closed (or, while it is open, so far) that the record takes ({@link Snapshot#voteRefusal}:
 * signature, electorate, options, kind), the last one per key. The options are ordered so that
 * the counts' tie-break (the lower option) is councils.md's: the lower log index for proposals,
 * the earlier label (in the ballot's order) for candidates.
 */
public final class Counting {
    private Counting() {}

    /** Entries read and checked at a time, in parallel: a bound on the bytes held at once. */
    static final int CHUNK = 1 << 16;

    /**
     * A counted ballot: the ballot, its opening event's body, the tally, the seconds spent reading
     * the votes from the log, costing the proposals (equal shares) and counting.
     */
    public record Counted(Ballot ballot, JsonNode opened, Tally tally, double readSeconds, double costSeconds,
            double countSeconds) {}

    /** Counts {@code ballot} from the log as {@code at} (a snapshot at or past its close) knows it. */
    public static Counted count(Record record, Snapshot at, long ballot) throws IOException {
        Ballot b = at.ballot(ballot);
        if (b == null) {
            throw new RecordException("there is no ballot opened at entry " + ballot + "; 'gosplan log list' finds"
                    + " the ballot.opened events");
        }
        JsonNode opened = record.event(ballot).body();
        long t0 = System.nanoTime();
        CastVotes.Votes votes = votes(record, at, b);
        double read = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        List<String> names = order(b);
        double[] costs = b.method().equals("equal-shares")
                ? costs(record, b, names, opened.get("budget").get("resource").asText()) : null;
        double cost = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Tally tally = count(b, opened, names, costs, votes);
        return new Counted(b, opened, tally, read, cost, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The votes that count, by signer, each the key's last, as positions in the ballot's options
     * ({@link CastVotes}): those the record's opening fold kept, below the size it kept them to, then
     * the entries after that (or all of them, where it kept none) up to the close or {@code at}'s size,
     * checked in parallel chunks and taken in log order.
     */
    static CastVotes.Votes votes(Record record, Snapshot at, Ballot b) throws IOException {
        long end = b.isClosed() ? b.closed() : at.size();
        long folded = record.foldedSize();
        CastVotes kept = record.castVotes();
        CastVotes.Votes last = new CastVotes().votes(b.index()).copy();
        long start = b.index() + 1;
        if (kept != null && kept.size() > b.index() && (b.isClosed() || kept.size() <= end)) {
            // the votes kept are those of the entries below kept.size(): all of a ballot closed by then
            // (the fold refuses a vote after the close), else those so far, the rest read below
            if (kept.size() >= end) {
                return kept.votes(b.index()); // nothing after them to read: not copied (a million of them)
            }
            last = kept.votes(b.index()).copy();
            start = kept.size();
        }
        for (long from = start; from < end; from += CHUNK) {
            int n = (int) Math.min(CHUNK, end - from);
            byte[][] entries = record.log().entries(from, n);
            Event[] counted = new Event[n];
            long base = from;
            IntStream.range(0, n).parallel().forEach(i -> {
                Event e;
                try {
                    e = Event.parse(entries[i], "entry " + (base + i));
                } catch (RecordException x) {
                    return; // no event: the record would have refused it, and verify says so
                }
                if (!e.type().equals(EventTypes.VOTE_CAST) || e.body().path("ballot").asLong(-1) != b.index()) {
                    return;
                }
                // an entry the record's own fold took in passed these very checks there; the rest are checked here
                if (base + i < folded ? record.accepted(base + i) : at.voteRefusal(e, base + i) == null) {
                    counted[i] = e;
                }
            });
            for (Event e : counted) {
                if (e != null) {
                    last.put(e.signer(), CastVotes.groups(b, e.body()));
                }
            }
        }
        return last;
    }

    /** The options in tie-break order: proposals by log index, candidates as the ballot lists them. */
    static List<String> order(Ballot b) {
        List<String> names = new ArrayList<>(b.options());
        if (b.proposals()) {
            names.sort((x, y) -> Long.compare(Long.parseLong(x), Long.parseLong(y)));
        }
        return names;
    }

    private static Tally count(Ballot b, JsonNode opened, List<String> names, double[] costs,
                               CastVotes.Votes votes) {
        Options options = new Options(names);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        // a vote names the ballot's options by position; the counts, by position in tie-break order
        int[] to = new int[b.options().size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = index.get(b.options().get(i));
        }
        if (b.method().equals("stv")) {
            // a million rankings: each mapped into one scratch array and merged as it comes, no object per vote
            Stv.Ballots ballots = new Stv.Ballots(options, votes.count());
            int[][] scratch = {new int[64]};
            votes.forEach((ranks, from, end) -> {
                int[] m = scratch[0].length >= end - from ? scratch[0] : (scratch[0] = new int[2 * (end - from)]);
                int p = from;
                while (p < end) {
                    int n = ranks[p];
                    m[p - from] = n;
                    for (int i = p + 1; i <= p + n; i++) {
                        m[i - from] = to[ranks[i]];
                    }
                    p += 1 + n;
                }
                ballots.add(m, 0, end - from);
            });
            return ballots.count(opened.get("seats").asInt());
        }
        if (Ballot.ranked(b.method())) {
            List<RankedBallot> ballots = new ArrayList<>();
            votes.forEach((ranks, from, end) -> ballots.add(new RankedBallot(groups(ranks, from, end, to), 1)));
            return Schulze.count(options, ballots, opened.get("seats").asInt());
        }
        if (b.method().equals("approval")) {
            List<ApprovalBallot> ballots = new ArrayList<>();
            votes.forEach((ranks, from, end) -> ballots.add(new ApprovalBallot(groups(ranks, from, end, to)[0], 1)));
            return Approval.count(options, ballots, opened.get("seats").asInt());
        }
        JsonNode budget = opened.get("budget");
        return EqualShares.count(options, profile(votes, to), costs, budget.get("amount").asDouble());
    }

    /**
     * Approval votes (each one group of positions in the ballot's options) as the count's
     * compressed rows, each option mapped to its place in tie-break order: two arrays for a million
     * votes, no object per vote.
     */
    static ApprovalProfile profile(CastVotes.Votes votes, int[] to) {
        int[] first = new int[votes.count() + 1];
        int[] n = {0};
        // an approval vote is one group: its length, then its options' positions
        votes.forEach((ranks, from, end) -> {
            int nth = n[0]++;
            first[nth + 1] = Math.addExact(first[nth], ranks[from]);
        });
        int[] approved = new int[first[first.length - 1]];
        int[] at = {0};
        votes.forEach((ranks, from, end) -> {
            for (int i = from + 1; i <= from + ranks[from]; i++) {
                approved[at[0]++] = to[ranks[i]];
            }
        });
        return new ApprovalProfile(first, approved);
    }

    /** A vote's groups, flat in {@code ranks[from .. end)}, as arrays of options mapped by {@code to}. */
    private static int[][] groups(int[] ranks, int from, int end, int[] to) {
        List<int[]> groups = new ArrayList<>();
        int p = from;
        while (p < end) {
            int n = ranks[p];
            groups.add(mapped(java.util.Arrays.copyOfRange(ranks, p + 1, p + 1 + n), to));
            p += 1 + n;
        }
        return groups.toArray(new int[0][]);
    }

    private static int[] mapped(int[] positions, int[] to) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = to[positions[i]];
        }
        return out;
    }

    /**
     * Each proposal's use of the budget's resource, from {@code gosplan cost} on the economy and
     * plan that stood when the ballot opened: what voters saw, and what a recount sees after
     * later plans.
     */
    static double[] costs(Record record, Ballot b, List<String> proposals, String resource) throws IOException {
        double[] costs = new double[proposals.size()];
        if (b.economy() == null) {
            throw new RecordException("no economy was recorded when ballot " + b.index() + " opened, so its proposals"
                    + " have no cost");
        }
        org.gosplan.economy.Economy economy = record.economy(b.economy().hash());
        long[] indexes = new long[costs.length];
        for (int i = 0; i < costs.length; i++) {
            indexes[i] = Long.parseLong(proposals.get(i));
        }
        // the economy read, the plan's techniques chosen and their system made once for all proposals
        ProposalCost[] each = Costs.of(record, indexes, economy, b.economy(), b.plan(), LeontiefOptions.DEFAULT);
        for (int i = 0; i < costs.length; i++) {
            int r = each[i].economy().resourceIndex(resource);
            if (r < 0) {
                throw new RecordException("ballot " + b.index() + "'s budget is of resource '" + resource + "', which"
                        + " the economy its proposals are costed on lacks");
            }
            costs[i] = each[i].resources()[r];
        }
        return costs;
    }

}
