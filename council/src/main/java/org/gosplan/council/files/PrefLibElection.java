package org.gosplan.council.files;

import java.util.List;
import org.gosplan.council.count.ApprovalBallot;
import org.gosplan.council.count.Options;
import org.gosplan.council.count.RankedBallot;

/**
 * What a PrefLib file holds: its title and data type ({@code soc}, {@code soi}, {@code toc},
 * {@code toi} or {@code cat}), the alternatives as options (alternative {@code i} is option
 * {@code i - 1}, named by its {@code ALTERNATIVE NAME}, so ties break to the lower number), and
 * the ballots: rankings for the ordinal types, approvals (each line's first category) for
 * {@code cat}; the other list is empty.
 */
public record PrefLibElection(String title, String dataType, Options options, List<RankedBallot> rankings,
        List<ApprovalBallot> approvals) {
    public PrefLibElection {
        rankings = List.copyOf(rankings);
        approvals = List.copyOf(approvals);
    }

    /** Whether the ballots are rankings (as opposed to approvals). */
    public boolean ranked() {
        return !dataType.equals("cat");
    }
}
