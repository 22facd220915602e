package org.gosplan.council.count;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy participatory budgeting by votes, as most cities count and as Pabulib's {@code greedy}
 * rule: proposals in order of approvals (equal approvals by the lower index), each bought if it
 * still fits in what is left of the budget. A proposal no one approved is never bought. Rounds:
 * each purchase {@code {"proposal", "cost", "remaining"}} with the budget left after it.
 */
public final class Greedy {
    private Greedy() {
    }

    public static Tally count(Options options, List<ApprovalBallot> ballots, double[] costs, double budget) {
        Purchases pb = new Purchases(options, ballots, costs, budget);
        int m = pb.m;
        Integer[] order = new Integer[m];
        for (int c = 0; c < m; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(pb.votes[b], pb.votes[a]));
        List<String> winners = new ArrayList<>();
        List<Map<String, Object>> rounds = new ArrayList<>();
        List<String> ties = new ArrayList<>();
        boolean[] bought = new boolean[m];
        double spent = 0;
        for (int c : order) {
            if (pb.votes[c] > 0 && spent + pb.cost[c] <= budget) {
                bought[c] = true;
                spent += pb.cost[c];
                winners.add(options.name(c));
                Map<String, Object> round = new LinkedHashMap<>();
                round.put("proposal", options.name(c));
                round.put("cost", pb.cost[c]);
                round.put("remaining", budget - spent);
                rounds.add(round);
            }
        }
        // a tie mattered where proposals of equal approvals were split between bought and not
        for (int i = 0; i < m; ) {
            int j = i;
            while (j < m && pb.votes[order[j]] == pb.votes[order[i]]) {
                j++;
            }
            List<String> in = new ArrayList<>();
            List<String> out = new ArrayList<>();
            for (int k = i; k < j; k++) {
                (bought[order[k]] ? in : out).add(options.name(order[k]));
            }
            if (pb.votes[order[i]] > 0 && !in.isEmpty() && !out.isEmpty()) {
                ties.add("proposals " + String.join(", ", in) + ", " + String.join(", ", out) + " tied at "
                        + pb.votes[order[i]] + " approvals; taken in order of index, " + String.join(", ", out)
                        + " no longer fitting");
            }
            i = j;
        }
        return new Tally("greedy", pb.voters, winners, List.of(), EqualShares.approvals(options, pb), rounds, ties);
    }
}
