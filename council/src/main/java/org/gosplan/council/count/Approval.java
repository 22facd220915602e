package org.gosplan.council.count;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Approval voting for {@code seats} winners: the options with most approvals, in order of
 * approvals; options with equal approvals in order of index. A tie at the cut (options with the
 * approvals of the last seat both inside and outside the winners) is reported.
 */
public final class Approval {
    private Approval() {
    }

    public static Tally count(Options options, List<ApprovalBallot> ballots, int seats) {
        int m = options.size();
        if (seats < 1 || seats > m) {
            throw new CountException("approval elects 1.." + m + " options here (one per option at most), not " + seats);
        }
        long[] approvals = Ballots.approvals(ballots, m);
        Integer[] order = new Integer[m];
        for (int o = 0; o < m; o++) {
            order[o] = o;
        }
        // stable sort: equal approvals keep index order, which is the tie-break
        java.util.Arrays.sort(order, (a, b) -> Long.compare(approvals[b], approvals[a]));
        List<String> winners = new ArrayList<>();
        for (int s = 0; s < seats; s++) {
            winners.add(options.name(order[s]));
        }
        List<String> ties = new ArrayList<>();
        if (seats < m && approvals[order[seats - 1]] == approvals[order[seats]]) {
            long at = approvals[order[seats - 1]];
            List<String> in = new ArrayList<>();
            List<String> out = new ArrayList<>();
            for (int s = 0; s < m; s++) {
                if (approvals[order[s]] == at) {
                    (s < seats ? in : out).add(options.name(order[s]));
                }
            }
            ties.add("options " + String.join(", ", in) + ", " + String.join(", ", out) + " tied at " + at
                    + " approvals for the last " + (in.size() == 1 ? "seat" : in.size() + " seats") + "; "
                    + String.join(", ", in) + (in.size() == 1 ? " wins" : " win") + " by the lower index");
        }
        Map<String, Number> counts = new LinkedHashMap<>();
        for (int o = 0; o < m; o++) {
            counts.put(options.name(o), approvals[o]);
        }
        return new Tally("approval", Ballots.voters(ballots), winners, List.of(), counts, List.of(), ties);
    }
}
