package org.gosplan.record;

import java.util.Set;

/** The event types of formats.md section 4. */
public final class EventTypes {
    private EventTypes() {}

    public static final String MEMBER_REGISTERED = "member.registered";
    public static final String ECONOMY_PUBLISHED = "economy.published";
    public static final String TARGETS_SET = "targets.set";
    public static final String PLAN_COMPUTED = "plan.computed";

    public static final Set<String> KNOWN = Set.of(MEMBER_REGISTERED, ECONOMY_PUBLISHED, TARGETS_SET, PLAN_COMPUTED);
}
