package org.gosplan.record;

import java.util.Locale;

/**
 * What a registered key may record. Operators keep the register and publish economies;
 * councils set targets; every registered member may record a computed plan (anyone can check it
 * by replay, so computing one needs no office).
 */
public enum Role {
    OPERATOR, COUNCIL, INSPECTOR, ENTERPRISE;

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
                + (near.isEmpty() ? "; the roles are operator, council, inspector, enterprise" : near));
    }

    /** Whether a member with this role may record events of {@code type}. */
    public boolean mayRecord(String type) {
        switch (type) {
            case EventTypes.MEMBER_REGISTERED:
            case EventTypes.ECONOMY_PUBLISHED:
                return this == OPERATOR;
            case EventTypes.TARGETS_SET:
                return this == COUNCIL;
            case EventTypes.PLAN_COMPUTED:
                return true;
            default:
                return false;
        }
    }
}
