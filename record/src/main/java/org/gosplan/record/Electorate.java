package org.gosplan.record;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may vote in a ballot (councils.md): {@code council:NAME} (the members of that council),
 * {@code role:ROLE} (every key with that role) or {@code all} (every registered key except
 * operators). Revoked keys are in no electorate. Membership counts as it stands at the entry that
 * opens the ballot: resolve it with that entry's index, so later registrations, re-registrations
 * and revocations do not change it (a key revoked later still cannot sign its vote).
 *
 * @param kind "council", "role" or "all"
 * @param name the council's name or the role's id; empty for {@code all}
 */
public record Electorate(String kind, String name) {
    public static final Electorate ALL = new Electorate("all", "");

    /** Reads {@code council:NAME}, {@code role:ROLE} or {@code all}; a {@link RecordException} otherwise. */
    public static Electorate parse(String s) {
        if (s.equals("all")) {
            return ALL;
        }
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        String name = colon < 0 ? "" : s.substring(colon + 1);
        if (kind.equals("council")) {
            String why = EventBodies.nameProblem("council", name);
            if (why != null) {
                throw new RecordException("electorate '" + s + "': " + why);
            }
            return new Electorate(kind, name);
        }
        if (kind.equals("role")) {
            return new Electorate(kind, Role.parse(name).id());
        }
        throw new RecordException("electorate '" + s + "' is not council:NAME, role:ROLE or all");
    }

    /** Whether {@code m}, as it stands, belongs to this electorate. */
    public boolean admits(Member m) {
        if (m == null || m.isRevoked()) {
            return false;
        }
        switch (kind) {
            case "council":
                return m.councils().contains(name);
            case "role":
                return m.role().id().equals(name);
            default:
                return m.role() != Role.OPERATOR;
        }
    }

    /**
     * Whether {@code signer} belonged to this electorate just before entry {@code opening}, read
     * from a snapshot at or past that entry: one look-up, no fold.
     */
    public boolean admits(Snapshot s, long opening, String signer) {
        return admits(s.memberAt(signer, opening));
    }

    /** The electorate just before entry {@code opening}, in order of first registration. */
    public List<Member> members(Snapshot s, long opening) {
        List<Member> out = new ArrayList<>();
        for (Member m : s.membersAt(opening).values()) {
            if (admits(m)) {
                out.add(m);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return kind.equals("all") ? "all" : kind + ":" + name;
    }
}
