package org.gosplan.council.files;

import java.util.List;
import java.util.Map;
import org.gosplan.council.count.ApprovalBallot;
import org.gosplan.council.count.Options;

/**
 * A participatory budget read from a Pabulib file: its META entries, the projects as options
 * (named by {@code project_id}, in the order of {@link Pabulib}), their costs (same order), the
 * budget, the approval ballots (one per voter) and the projects the file marks {@code selected}
 * = 1 (the published outcome, when the file has the column).
 */
public record PabulibElection(Map<String, String> meta, Options options, double[] costs, double budget,
        List<ApprovalBallot> ballots, List<String> selected) {
    public PabulibElection {
        meta = Map.copyOf(meta);
        costs = costs.clone();
        ballots = List.copyOf(ballots);
        selected = List.copyOf(selected);
    }

    @Override
    public double[] costs() {
        return costs.clone();
    }
}
