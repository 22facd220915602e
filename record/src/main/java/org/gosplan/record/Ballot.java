package org.gosplan.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A ballot as the record knows it: who may vote in it, who opened it, whether it is closed, its
 * method and its options. Enough to refuse every vote councils.md refuses (from outside the
 * electorate, after the close, naming an unknown option, of the wrong kind) in one place, which
 * the command line, the server and the count all go through.
 *
 * @param index      the log index of its {@code ballot.opened} event
 * @param electorate who may vote, as it stood at {@code index}
 * @param opener     the signer who opened it
 * @param closed     the log index of its {@code ballot.closed} event, -1 while open
 * @param method     approval, schulze, stv or equal-shares
 * @param options    the options as votes name them: proposals' log indexes in decimal, or labels
 * @param proposals  whether the options are proposals (named by number) rather than labels (text)
 * @param adopt      whether the winners' targets become the targets of the next plan
 * @param economy    the latest economy when it opened (null if none): what its proposals are costed on
 * @param plan       the latest plan when it opened (null if none), whose techniques cost the proposals
 */
public record Ballot(long index, Electorate electorate, String opener, long closed, String method,
        List<String> options, boolean proposals, boolean adopt, Snapshot.Published economy, Snapshot.Published plan) {
    /** The methods of councils.md, each taking approvals or rankings. */
    public static final List<String> METHODS = List.of("approval", "schulze", "stv", "equal-shares");

    public Ballot {
        options = List.copyOf(options);
    }

    public boolean isClosed() {
        return closed >= 0;
    }

    /** Whether the method's ballots are rankings ({@code --rank}), not sets of approvals. */
    public static boolean ranked(String method) {
        return method.equals("schulze") || method.equals("stv");
    }

    /** This ballot, closed at entry {@code at}. */
    Ballot closedAt(long at) {
        return new Ballot(index, electorate, opener, at, method, options, proposals, adopt, economy, plan);
    }

    /** The ballot a well-formed {@code ballot.opened} body describes. */
    static Ballot opened(JsonNode body, long index, String opener, Snapshot.Published economy,
                         Snapshot.Published plan) {
        List<String> options = new ArrayList<>();
        boolean proposals = false;
        for (JsonNode o : body.get("options")) {
            proposals = o.isIntegralNumber();
            options.add(o.asText());
        }
        return new Ballot(index, Electorate.parse(body.get("electorate").asText()), opener, -1,
                body.get("method").asText(), options, proposals, body.path("adopt").asBoolean(false), economy, plan);
    }

    /**
     * What is wrong with a {@code vote.cast} body for this ballot, or null: a ranking for an approval
     * method or approvals for a ranked one, an option that is not on the ballot (named as the
     * ballot names its options: proposals by number, labels by text), an option given twice.
     */
    public String voteProblem(JsonNode vote) {
        boolean ranks = vote.has("rank");
        String kind = ranked(method) ? "a ranking (--rank)" : "approvals (--approve)";
        if (ranks != ranked(method)) {
            return "ballot " + index + " (" + method + ") takes " + kind + ", not "
                    + (ranks ? "a ranking" : "approvals");
        }
        var it = vote.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!f.equals("ballot") && !f.equals(ranks ? "rank" : "approve")) {
                return "a vote has \"ballot\" and \"" + (ranks ? "rank" : "approve") + "\", not \"" + f + "\"";
            }
        }
        Set<String> seen = new HashSet<>();
        if (!ranks) {
            return optionsProblem(vote.get("approve"), seen);
        }
        for (JsonNode group : vote.get("rank")) {
            if (!group.isArray() || group.isEmpty()) {
                return "a ranking is a list of tie groups, each a non-empty list of options";
            }
            String why = optionsProblem(group, seen);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private String optionsProblem(JsonNode list, Set<String> seen) {
        for (JsonNode o : list) {
            boolean fits = proposals ? o.isIntegralNumber() : o.isTextual();
            if (!fits || !options.contains(o.asText())) {
                return (fits ? "" : "a vote names " + (proposals ? "proposals by their log index" : "candidates by label")
                        + "; ") + "'" + o.asText() + "' is not an option of ballot " + index + "; its options are "
                        + String.join(", ", options);
            }
            if (!seen.add(o.asText())) {
                return "the vote names option '" + o.asText() + "' twice; name each option once";
            }
        }
        return null;
    }
}
