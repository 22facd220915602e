package org.gosplan.inspection.lottery;

import java.util.List;

/**
 * No panel of the size asked for meets the quotas: {@link #conflict()} is a smallest set of quota
 * bounds that cannot hold together (drop any one and the rest can), each as a sentence.
 */
public final class InfeasibleQuotasException extends LotteryException {
    private static final long serialVersionUID = 1L;

    private final List<String> conflict;

    InfeasibleQuotasException(String where, String message, List<String> conflict) {
        super(where, message);
        this.conflict = List.copyOf(conflict);
    }

    /** The bounds that cannot hold together, as {@code quotas.csv:2: gender=female at least 6 (the pool has 4)}. */
    public List<String> conflict() {
        return conflict;
    }
}
