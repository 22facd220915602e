package org.gosplan.council.ballot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.gosplan.economy.Economy;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Ballot;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.gosplan.record.Snapshot;

/**
 * Opening, voting in and closing ballots (councils.md). Each builds its event and hands it to the
 * record, which refuses, with nothing recorded, whatever councils.md refuses: the checks live in
 * the record ({@link Ballot#voteProblem}, {@code Snapshot.refusal}), the one path every writer
 * (command line, server) goes through. What only an economy can say (that a budget's resource
 * exists) is checked here first.
 */
public final class Ballots {
    private Ballots() {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Opens a ballot; returns its log index, by which votes, the close and tallies name it. */
    public static long open(Record record, Opening o, NoteSigner by) throws IOException {
        if (o.proposals().isEmpty() == o.candidates().isEmpty()) {
            throw new RecordException("give the options as --proposals I,J,... or as --candidates A,B,..., one of"
                    + " the two");
        }
        boolean equalShares = o.method().equals("equal-shares");
        if (!Ballot.METHODS.contains(o.method())) {
            throw new RecordException("--method '" + o.method() + "' is unknown; the methods are "
                    + String.join(", ", Ballot.METHODS));
        }
        if (equalShares != (o.budgetResource() != null)) {
            throw new RecordException(equalShares ? "--budget RESOURCE=AMOUNT is needed by equal-shares: the"
                    + " amount of one resource the winners may use" : "--budget is for equal-shares ballots only");
        }
        if (equalShares && o.seats() != null) {
            throw new RecordException("--seats is not for equal-shares ballots: the budget decides how many win");
        }
        record.checkMayRecord(EventTypes.BALLOT_OPENED, by);
        ObjectNode body = JSON.objectNode();
        body.put("title", o.title() == null ? "" : o.title().strip());
        body.put("method", o.method());
        ArrayNode options = body.putArray("options");
        o.proposals().forEach(options::add);
        o.candidates().forEach(c -> options.add(c.strip()));
        if (equalShares) {
            body.putNull("seats");
            Snapshot.Published economy = record.snapshot().economy();
            if (economy == null) {
                throw new RecordException("refused, nothing recorded: no economy is recorded, so no resource can be"
                        + " budgeted");
            }
            Economy e = record.economy(economy.hash());
            if (e.resourceIndex(o.budgetResource()) < 0) {
                throw new RecordException("--budget: the latest economy has no resource '" + o.budgetResource()
                        + "'" + org.gosplan.economy.Ids.didYouMean(o.budgetResource(), e.resources(), e::resourceId));
            }
            ObjectNode budget = body.putObject("budget");
            budget.put("resource", o.budgetResource());
            budget.put("amount", o.budgetAmount());
        } else {
            body.put("seats", o.seats() == null ? 1 : o.seats());
            body.putNull("budget");
        }
        body.put("electorate", o.electorate());
        body.put("adopt", o.adopt());
        return record.append(EventTypes.BALLOT_OPENED, body, by);
    }

    /**
     * Casts a vote in {@code ballot}: {@code approve} ({@code I,J,...}) or {@code rank}
     * ({@code I,{J,K},L}), the other null. Options are named as the ballot names them: proposals
     * by log index, candidates by label. A later vote by the same key replaces the earlier one.
     */
    public static long vote(Record record, long ballot, String approve, String rank, NoteSigner by)
            throws IOException {
        if ((approve == null) == (rank == null)) {
            throw new RecordException("give the vote as --approve I,J,... or as --rank I,{J,K},L, one of the two");
        }
        record.checkMayRecord(EventTypes.VOTE_CAST, by);
        Ballot b = record.snapshot().ballot(ballot);
        if (b == null) {
            throw new RecordException("refused, nothing recorded: there is no ballot opened at entry " + ballot
                    + "; 'gosplan log list' finds the ballot.opened events");
        }
        ObjectNode body = JSON.objectNode();
        body.put("ballot", ballot);
        List<List<String>> groups = VoteText.parse(approve != null ? "--approve" : "--rank",
                approve != null ? approve : rank);
        if (approve != null) {
            ArrayNode a = body.putArray("approve");
            for (List<String> g : groups) {
                if (g.size() > 1) {
                    throw new RecordException("--approve '" + approve + "': approvals have no tie groups; list the"
                            + " approved options, I,J,K");
                }
                add(a, b, g.get(0));
            }
        } else {
            ArrayNode r = body.putArray("rank");
            for (List<String> g : groups) {
                ArrayNode group = r.addArray();
                for (String option : g) {
                    add(group, b, option);
                }
            }
        }
        return record.append(EventTypes.VOTE_CAST, body, by);
    }

    /** A proposal's number as a number, anything else as text (which the record refuses on a proposals ballot). */
    private static void add(ArrayNode to, Ballot b, String option) {
        if (b.proposals() && option.matches("\\d{1,18}")) {
            to.add(Long.parseLong(option));
        } else {
            to.add(option);
        }
    }

    /** Closes {@code ballot}: by the key that opened it or an operator; votes after it are refused. */
    public static long close(Record record, long ballot, NoteSigner by) throws IOException {
        ObjectNode body = JSON.objectNode();
        body.put("ballot", ballot);
        return record.append(EventTypes.BALLOT_CLOSED, body, by);
    }
}
