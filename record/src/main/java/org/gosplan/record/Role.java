package org.gosplan.record;

import java.util.Locale;

/**
 * What a registered key may record, as formats.md section 4's table says. Operators keep the
 * register and publish economies; operators and councils set targets and record plans (anyone can
 * check a plan by replay, but the record names the office that put it forward); councils and
 * citizens make proposals; councils and operators open, close and tally ballots; a vote may be cast
 * by any role, the ballot's electorate deciding who. The inspectorate (inspection.md): operators
 * register units, enterprises report and answer for their own unit, councils and operators order
 * inspections and record draws, councils commit and reveal the draw's secrets, inspectors on the
 * drawn panel file findings.
 */
public enum Role {
    OPERATOR, COUNCIL, INSPECTOR, ENTERPRISE, CITIZEN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String s) {
        for (Role r : values()) {
            if (r.id().equals(s)) {
                return r;
            }
        }
        Role[] all = values();
        String near = org.gosplan.economy.Ids.didYouMean(s, all.length, i -> all[i].id());
        throw new RecordException("unknown role '" + s + "'"
                + (near.isEmpty() ? "; the roles are " + names() : near));
    }

    /** "operator, council, ..." */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (Role r : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(r.id());
        }
        return b.toString();
    }

    /** Whether a member with this role may record events of {@code type}. */
    public boolean mayRecord(String type) {
        switch (type) {
            case EventTypes.MEMBER_REGISTERED:
            case EventTypes.MEMBER_REVOKED:
            case EventTypes.ECONOMY_PUBLISHED:
            case EventTypes.UNIT_REGISTERED:
                return this == OPERATOR;
            case EventTypes.TARGETS_SET:
            case EventTypes.PLAN_COMPUTED:
            case EventTypes.TRADE_LICENSED:
                return this == OPERATOR || this == COUNCIL;
            case EventTypes.VOTE_CAST:
                return true;
            case EventTypes.PROPOSAL_MADE:
                return this == COUNCIL || this == CITIZEN;
            case EventTypes.BALLOT_OPENED:
            case EventTypes.BALLOT_CLOSED:
            case EventTypes.BALLOT_TALLIED:
            case EventTypes.INSPECTION_ORDERED:
            case EventTypes.DRAW_MADE:
                return this == OPERATOR || this == COUNCIL;
            // of the unit concerned, of the drawn panel: the snapshot checks which unit, which panel
            case EventTypes.FULFILMENT_REPORTED:
            case EventTypes.FINDING_ANSWERED:
                return this == ENTERPRISE;
            case EventTypes.SECRET_COMMITTED:
            case EventTypes.SECRET_REVEALED:
                return this == COUNCIL;
            case EventTypes.FINDING_FILED:
                return this == INSPECTOR;
            default:
                return false;
        }
    }
}
