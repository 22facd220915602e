package org.gosplan.record;

import java.util.Set;

/**
 * The event types of formats.md section 4 that this record knows: their bodies are checked and
 * their signers' roles enforced ({@link Role#mayRecord}). A type outside {@link #KNOWN} is
 * refused when appending and skipped, with a note, when verifying.
 */
public final class EventTypes {
    private EventTypes() {}

    public static final String MEMBER_REGISTERED = "member.registered";
    public static final String ECONOMY_PUBLISHED = "economy.published";
    public static final String TARGETS_SET = "targets.set";
    public static final String PLAN_COMPUTED = "plan.computed";

    // councils.md
    public static final String MEMBER_REVOKED = "member.revoked";
    public static final String PROPOSAL_MADE = "proposal.made";
    public static final String BALLOT_OPENED = "ballot.opened";
    public static final String VOTE_CAST = "vote.cast";
    public static final String BALLOT_CLOSED = "ballot.closed";
    public static final String BALLOT_TALLIED = "ballot.tallied";

    // inspection.md
    public static final String UNIT_REGISTERED = "unit.registered";
    public static final String FULFILMENT_REPORTED = "fulfilment.reported";
    public static final String INSPECTION_ORDERED = "inspection.ordered";
    public static final String SECRET_COMMITTED = "secret.committed";
    public static final String SECRET_REVEALED = "secret.revealed";
    public static final String DRAW_MADE = "draw.made";
    public static final String FINDING_FILED = "finding.filed";
    public static final String FINDING_ANSWERED = "finding.answered";

    // formats.md section 5: the monopoly of foreign trade (TradeLicences)
    public static final String TRADE_LICENSED = "trade.licensed";

    public static final Set<String> KNOWN = Set.of(MEMBER_REGISTERED, ECONOMY_PUBLISHED, TARGETS_SET, PLAN_COMPUTED,
            MEMBER_REVOKED, PROPOSAL_MADE, BALLOT_OPENED, VOTE_CAST, BALLOT_CLOSED, BALLOT_TALLIED,
            UNIT_REGISTERED, FULFILMENT_REPORTED, INSPECTION_ORDERED, SECRET_COMMITTED, SECRET_REVEALED, DRAW_MADE,
            FINDING_FILED, FINDING_ANSWERED, TRADE_LICENSED);
}
