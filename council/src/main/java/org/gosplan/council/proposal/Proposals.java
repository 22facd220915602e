package org.gosplan.council.proposal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Keys;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.gosplan.record.Snapshot;

/** Making proposals: {@code gosplan record DIR proposal TARGETS_CSV --title TEXT}. */
public final class Proposals {
    private Proposals() {}

    /** Longest title, in characters: a title names a proposal, the targets say what it is. */
    static final int TITLE = 200;

    /**
     * Records a proposal of the targets in {@code targetsCsv} for the latest recorded economy:
     * the file is checked against that economy's products (file and line for each mistake), stored
     * beside the log, and a {@code proposal.made} event names it. Nothing is recorded when any check
     * fails.
     */
    public static Proposal make(Record record, Path targetsCsv, String title, NoteSigner by) throws IOException {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new RecordException("--title is empty; a proposal needs a title that names it");
        }
        if (t.length() > TITLE) {
            throw new RecordException("--title is " + t.length() + " characters long; keep it to " + TITLE
                    + " (the targets say the rest)");
        }
        Snapshot.Published economy = record.snapshot().economy();
        if (economy == null) {
            throw new RecordException("refused, nothing recorded: no economy is recorded yet; an operator records one"
                    + " with 'gosplan record DIR economy ECONOMY', and a proposal names products of it");
        }
        record.checkMayRecord(EventTypes.PROPOSAL_MADE, by);
        Economy e = EconomyFiles.readTargets(targetsCsv, record.economy(economy.hash()));
        if (e.targets() == 0) {
            throw new RecordException(targetsCsv + ": names no targets; a proposal needs at least one line"
                    + " product,quantity,weight");
        }
        String hash = record.storeTargets(e);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("title", t);
        body.put("targets", hash);
        body.put("economy", economy.hash());
        long index = record.append(EventTypes.PROPOSAL_MADE, body, by);
        return new Proposal(index, t, hash, economy.hash(), Keys.signerName(by.verifier()));
    }
}
