package org.gosplan.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.gosplan.record.Event;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Record;

/** {@code gosplan show DIR INDEX --content}: the stored content an event's hash addresses, byte for byte. */
final class RecordedContent {
    private RecordedContent() {}

    /** The body field that holds the content's hash, by event type; null for types without content. */
    static String hashField(String type) {
        switch (type) {
            case EventTypes.ECONOMY_PUBLISHED:
            case EventTypes.TARGETS_SET:
                return "hash";
            case EventTypes.PLAN_COMPUTED:
                return "plan";
            case EventTypes.PROPOSAL_MADE:
            case EventTypes.BALLOT_TALLIED: // an adopted ballot's targets
                return "targets";
            default:
                return null;
        }
    }

    static void print(Record r, Event e, long index, PrintStream out) throws IOException {
        String field = hashField(e.type());
        if (field == null || !e.body().path(field).isTextual()) {
            throw new UsageException("event " + index + " is a " + e.type() + " event, which addresses no content;"
                    + " --content shows the economy, targets or plan of an economy.published, targets.set,"
                    + " proposal.made, plan.computed or adopted ballot.tallied event");
        }
        // as stored: 'sha256sum' of the output gives the event's hash
        try (InputStream in = r.content().open(e.body().get(field).asText())) {
            in.transferTo(out);
        }
        out.flush();
    }
}
