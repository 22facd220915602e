package org.gosplan.council.ballot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        Map<String, int[][]> votes = votes(record, at, b);
        double read = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        List<String> names = order(b);
        double[] costs = b.method().equals("equal-shares")
                ? costs(record, b, names, opened.get("budget").get("resource").asText()) : null;
        double cost = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Tally tally = count(b, opened, names, costs, votes.values());
        return new Counted(b, opened, tally, read, cost, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The votes that count, by signer, each the key's last, as positions in the ballot's options
     * ({@link CastVotes}): those the record's opening fold kept, below the size it kept them to, then
     * the entries after that (or all of them, where it kept none) up to the close or {@code at}'s size,
     * checked in parallel chunks and taken in log order.
     */
    static Map<String, int[][]> votes(Record record, Snapshot at, Ballot b) throws IOException {
        long end = b.isClosed() ? b.closed() : at.size();
        long folded = record.foldedSize();
        CastVotes kept = record.castVotes();
        Map<String, int[][]> last = new LinkedHashMap<>();
        long start = b.index() + 1;
        if (kept != null && kept.size() > b.index() && (b.isClosed() || kept.size() <= end)) {
            // the votes kept are those of the entries below kept.size(): all of a ballot closed by then
            // (the fold refuses a vote after the close), else those so far, the rest read below
            if (kept.size() >= end) {
                return kept.of(b.index()); // nothing after them to read: not copied (a million of them)
            }
            last.putAll(kept.of(b.index()));
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
                    last.remove(e.signer());
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
                               Collection<int[][]> votes) {
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
        if (Ballot.ranked(b.method())) {
            List<RankedBallot> ballots = new ArrayList<>();
            for (int[][] v : votes) {
                int[][] groups = new int[v.length][];
                for (int g = 0; g < groups.length; g++) {
                    groups[g] = mapped(v[g], to);
                }
                ballots.add(new RankedBallot(groups, 1));
            }
            int seats = opened.get("seats").asInt();
            return b.method().equals("stv") ? Stv.count(options, ballots, seats)
                    : Schulze.count(options, ballots, seats);
        }
        if (b.method().equals("approval")) {
            List<ApprovalBallot> ballots = new ArrayList<>();
            for (int[][] v : votes) {
                ballots.add(new ApprovalBallot(mapped(v[0], to), 1));
            }
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
    static ApprovalProfile profile(Collection<int[][]> votes, int[] to) {
        int[] first = new int[votes.size() + 1];
        int n = 0;
        int size = 0;
        for (int[][] v : votes) {
            size = Math.addExact(size, v[0].length);
            first[++n] = size;
        }
        int[] approved = new int[size];
        int at = 0;
        for (int[][] v : votes) {
            for (int position : v[0]) {
                approved[at++] = to[position];
            }
        }
        return new ApprovalProfile(first, approved);
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
