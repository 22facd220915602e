package org.gosplan.council.proposal;

import java.io.IOException;
import org.gosplan.record.Event;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Member;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.gosplan.record.Snapshot;

/**
 * A {@code proposal.made} event: targets a council or citizen puts to the vote.
 *
 * @param index   its log index, by which ballots and {@code gosplan cost} name it
 * @param title   its title
 * @param targets the SHA-256 of its targets.csv, stored beside the log
 * @param economy the SHA-256 of the economy it was made for (the latest when it was made)
 * @param signer  who made it
 */
public record Proposal(long index, String title, String targets, String economy, String signer) {
    /** The proposal at log index {@code index}; a {@link RecordException} when there is none there. */
    public static Proposal read(Record record, long index) throws IOException {
        long size = record.log().size();
        if (index < 0 || index >= size) {
            throw new RecordException("there is no entry " + index + "; the log has " + size + " entries (0 to "
                    + (size - 1) + "), and a proposal is named by the index of its proposal.made event");
        }
        Event e = record.event(index);
        if (!e.type().equals(EventTypes.PROPOSAL_MADE)) {
            throw new RecordException("entry " + index + " is a " + e.type() + " event, not a proposal.made; 'gosplan log"
                    + " list' or 'gosplan show' finds the proposals");
        }
        // An event the record would have refused (forged, or by a key that may not propose), slipped
        // into the log, is no proposal. Below the size the record folded its fold has answered (the
        // same checks: a ballot's thousand proposals are not verified again); after it, the
        // membership's history answers at once; no refold.
        if (index < record.foldedSize() && record.accepted(index)) {
            return of(index, e);
        }
        Snapshot now = record.snapshot();
        Member m = now.memberAt(e.signer(), Math.min(index, now.size()));
        if (m == null || m.isRevoked() || !e.signedBy(m.key()) || !m.role().mayRecord(e.type())) {
            throw new RecordException("entry " + index + " is not a valid proposal: its signer '" + e.signer()
                    + "' was not a member allowed to propose there, or the signature does not verify");
        }
        return of(index, e);
    }

    private static Proposal of(long index, Event e) {
        return new Proposal(index, e.body().path("title").asText(), e.body().path("targets").asText(),
                e.body().path("economy").asText(), e.signer());
    }
}
