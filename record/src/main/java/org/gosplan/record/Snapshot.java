package org.gosplan.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.gosplan.ledger.NoteVerifier;

/**
 * The state of the record at one tree size: who is registered with which role, councils and
 * attributes (and who was revoked), the latest published economy, targets and plan, ballots, and the
 * inspectorate's units, inspections with their panels and findings. A fold over
 * the events up to that size, so anyone holding the log computes the same snapshot. The
 * membership keeps its history ({@link #membersAt}): what it was at any earlier entry is
 * answered without folding again.
 */
public final class Snapshot {
    private final long size;
    private final Roster roster;
    private final String logKey;
    private final Published economy;
    private final Published targets;
    private final Published plan;
    private final Map<Long, Ballot> ballots; // copied on open and close only: ballots are few, votes many
    private final InspectionState inspectorate;
    private final Set<Long> proposals; // the proposal.made entries, copied on each: proposals are few

    /**
     * Content named by an event.
     *
     * @param index the event's log index
     * @param hash  the content's SHA-256
     * @param name  the economy's name, or for targets and plans the hash of the economy they were set for
     */
    public record Published(long index, String hash, String name) {}

    private Snapshot(long size, Roster roster, String logKey, Published economy, Published targets, Published plan,
                     Map<Long, Ballot> ballots, InspectionState inspectorate, Set<Long> proposals) {
        this.size = size;
        this.roster = roster;
        this.logKey = logKey;
        this.economy = economy;
        this.targets = targets;
        this.plan = plan;
        this.ballots = ballots;
        this.inspectorate = inspectorate;
        this.proposals = proposals;
    }

    /** The empty record of a log whose own key is the first operator. */
    public static Snapshot genesis(NoteVerifier logKey) {
        Member first = new Member(logKey, Role.OPERATOR, -1);
        return new Snapshot(0, Roster.of(first), first.signer(), null, null, null, Map.of(),
                InspectionState.empty(), Set.of());
    }

    public long size() {
        return size;
    }

    Roster roster() {
        return roster;
    }

    /** The members who may sign now (registered, not revoked), in order of first registration. */
    public Map<String, Member> members() {
        return roster.active(size);
    }

    /**
     * The members who could sign at tree size {@code at} (0 to {@link #size()}): the membership as it
     * stood just before entry {@code at}, with the roles, councils and attributes it had then.
     */
    public Map<String, Member> membersAt(long at) {
        if (at < 0 || at > size) {
            throw new IllegalArgumentException("tree size " + at + " outside 0.." + size);
        }
        return roster.active(at);
    }

    /** The member who signed as {@code signer}, as it stands now (possibly revoked), or null. */
    public Member member(String signer) {
        return roster.at(signer, size);
    }

    /** {@code signer} as it stood at tree size {@code at} (possibly revoked), or null. */
    public Member memberAt(String signer, long at) {
        if (at < 0 || at > size) {
            throw new IllegalArgumentException("tree size " + at + " outside 0.." + size);
        }
        return roster.at(signer, at);
    }

    /** The latest economy, or null when none was published. */
    public Published economy() {
        return economy;
    }

    /** The latest targets, or null. */
    public Published targets() {
        return targets;
    }

    /** The latest recorded plan (its hash, and in {@code name} its economy's hash), or null. */
    public Published plan() {
        return plan;
    }

    /**
     * The reason {@code event} may not be recorded on top of this snapshot, or null when it may:
     * its signer must be registered, its signature valid, its role allowed for the type and its
     * body well-formed. Content existence is checked by the caller who holds the store.
     */
    public String refusal(Event event) {
        return refusal(event, Event::signedBy);
    }

    /**
     * As {@link #refusal(Event)}, taking the signature as checked when {@code verified} is the
     * signer's registered key and the caller verified the signature with it already (so that
     * signatures are verified in parallel, before the checks that must run one after another).
     */
    public String refusal(Event event, NoteVerifier verified) {
        return refusal(event, (e, key) -> key.equals(verified) || e.signedBy(key));
    }

    /**
     * As {@link #refusal(Event)}, with the signature checked by {@code signed} (whether the event
     * is signed by the key): a fold over many events checks their signatures in parallel first and
     * answers from what it found.
     */
    public String refusal(Event event, BiPredicate<Event, NoteVerifier> signed) {
        Member m = member(event.signer());
        if (m == null) {
            return "signer '" + event.signer() + "' is not a registered member; an operator must first record"
                    + " 'gosplan record DIR member VKEY --role ROLE'";
        }
        if (!signed.test(event, m.key())) {
            return "the signature does not verify with the registered key of '" + event.signer() + "'";
        }
        if (m.isRevoked()) {
            return "'" + event.signer() + "' was revoked at entry " + m.revoked() + "; from then on it may sign nothing";
        }
        if (!EventTypes.KNOWN.contains(event.type())) {
            return "unknown event type '" + event.type() + "'; the types are " + String.join(", ",
                    new TreeSet<>(EventTypes.KNOWN));
        }
        if (!m.role().mayRecord(event.type())) {
            return "'" + event.signer() + "' has role " + m.role().id() + ", which may not record " + event.type()
                    + " (" + whoMay(event.type()) + ")";
        }
        String form = EventBodies.problem(event);
        return form != null ? form : stateRefusal(event);
    }

    /**
     * What kind of refusal {@link #refusal(Event, NoteVerifier)} gives {@code event} (null when it gives none): who
     * signed it comes first, then its form, then what the record's state rules out.
     */
    public RecordException.Kind refusalKind(Event event, NoteVerifier verified) {
        if (refusal(event, verified) == null) {
            return null;
        }
        Member m = member(event.signer());
        if (m == null || !m.key().equals(verified) && !event.signedBy(m.key()) || m.isRevoked()) {
            return RecordException.Kind.FORBIDDEN;
        }
        if (!EventTypes.KNOWN.contains(event.type())) {
            return RecordException.Kind.MALFORMED;
        }
        if (!m.role().mayRecord(event.type())) {
            return RecordException.Kind.FORBIDDEN;
        }
        return EventBodies.problem(event) != null ? RecordException.Kind.MALFORMED : RecordException.Kind.CONFLICT;
    }

    /** What the membership or the latest economy, as they stand, rule out. */
    private String stateRefusal(Event event) {
        JsonNode b = event.body();
        switch (event.type()) {
            case EventTypes.MEMBER_REGISTERED: {
                String s = Keys.signerName(Keys.parseVerifier(b.get("vkey").asText()));
                Member was = member(s);
                if (was != null && was.isRevoked()) {
                    return "key '" + s + "' was revoked at entry " + was.revoked() + " and stays revoked; register a"
                            + " new key (gosplan key new) instead";
                }
                if (s.equals(logKey)) {
                    return "key '" + s + "' is the log's own key, an operator from the start; it cannot be"
                            + " registered again";
                }
                return null;
            }
            case EventTypes.MEMBER_REVOKED: {
                String s = b.get("signer").asText();
                Member was = member(s);
                if (was == null) {
                    return "'" + s + "' is not a registered member, so there is nothing to revoke";
                }
                if (was.isRevoked()) {
                    return "'" + s + "' was already revoked at entry " + was.revoked();
                }
                if (s.equals(logKey)) {
                    return "'" + s + "' is the log's own key, which signs its checkpoints; it cannot be revoked on the"
                            + " record";
                }
                return null;
            }
            case EventTypes.VOTE_CAST:
                return voteState(event, size);
            case EventTypes.BALLOT_OPENED:
                for (JsonNode o : b.get("options")) {
                    if (o.isIntegralNumber() && !proposals.contains(o.asLong())) {
                        return "option " + o.asLong() + " is not a proposal: entry " + o.asLong() + " is no"
                                + " proposal.made event before this one ('gosplan log list' or 'gosplan show' finds them)";
                    }
                }
                return null;
            case EventTypes.BALLOT_CLOSED: {
                Ballot ballot = ballots.get(b.get("ballot").asLong());
                if (ballot == null) {
                    return "there is no ballot opened at entry " + b.get("ballot").asLong();
                }
                if (ballot.isClosed()) {
                    return "ballot " + ballot.index() + " was already closed at entry " + ballot.closed();
                }
                if (!event.signer().equals(ballot.opener()) && member(event.signer()).role() != Role.OPERATOR) {
                    return "ballot " + ballot.index() + " is closed by the key that opened it (" + ballot.opener()
                            + ") or an operator";
                }
                return null;
            }
            case EventTypes.BALLOT_TALLIED: {
                Ballot ballot = ballots.get(b.get("ballot").asLong());
                if (ballot == null) {
                    return "there is no ballot opened at entry " + b.get("ballot").asLong();
                }
                if (!ballot.isClosed()) {
                    return "ballot " + ballot.index() + " is still open; close it first ('gosplan record DIR close "
                            + ballot.index() + "'), so that its votes are final";
                }
                if (b.has("targets") && !ballot.adopt()) {
                    return "ballot " + ballot.index() + " was not opened with --adopt, so its tally sets no targets";
                }
                if (b.has("targets") && economy == null) {
                    return "no economy is recorded, so adopted targets have nothing to be set for";
                }
                return null;
            }
            case EventTypes.PROPOSAL_MADE:
                if (economy == null) {
                    return "no economy is recorded yet; a proposal names the latest recorded economy";
                }
                if (!economy.hash().equals(b.get("economy").asText())) {
                    return "the proposal names economy " + b.get("economy").asText() + ", which is not the latest"
                            + " recorded economy (" + economy.hash() + ", entry " + economy.index() + ")";
                }
                return null;
            default:
                return inspectorate.refusal(this, event);
        }
    }

    /**
     * The reason the vote {@code vote} may not stand at log index {@code at} (at or before this
     * snapshot's size), or null: the checks of {@link #refusal} for a vote, answered from the
     * membership's history and the ballot's close without folding again, so that a count reading
     * the votes of a long log counts exactly those the record would have taken.
     */
    public String voteRefusal(Event vote, long at) {
        if (!vote.type().equals(EventTypes.VOTE_CAST)) {
            return "entry " + at + " is a " + vote.type() + " event, not a vote";
        }
        Member m = memberAt(vote.signer(), at);
        if (m == null) {
            return "signer '" + vote.signer() + "' was not a registered member";
        }
        if (m.isRevoked()) {
            return "'" + vote.signer() + "' was revoked at entry " + m.revoked();
        }
        String form = EventBodies.problem(vote);
        if (form != null) {
            return form;
        }
        String state = voteState(vote, at);
        if (state != null) {
            return state;
        }
        return vote.signedBy(m.key()) ? null
                : "the signature does not verify with the registered key of '" + vote.signer() + "'";
    }

    /** What the ballot, as it stands at entry {@code at}, rules out of a well-formed vote. */
    private String voteState(Event vote, long at) {
        long index = vote.body().get("ballot").asLong();
        Ballot ballot = ballots.get(index);
        if (ballot == null || ballot.index() >= at) {
            return "there is no ballot opened at entry " + index;
        }
        if (ballot.isClosed() && ballot.closed() < at) {
            return "ballot " + ballot.index() + " was closed at entry " + ballot.closed() + "; votes after it are"
                    + " refused";
        }
        if (!ballot.electorate().admits(this, ballot.index(), vote.signer())) {
            return "'" + vote.signer() + "' is not in ballot " + ballot.index() + "'s electorate ("
                    + ballot.electorate() + ", as it stood when the ballot opened)";
        }
        return ballot.voteProblem(vote.body());
    }

    private static String whoMay(String type) {
        StringBuilder b = new StringBuilder();
        for (Role r : Role.values()) {
            if (r.mayRecord(type)) {
                b.append(b.length() == 0 ? "" : ", ").append(r.id());
            }
        }
        return "allowed: " + b;
    }

    /** The snapshot after {@code event} at log index {@code index} (size becomes index + 1). */
    public Snapshot apply(Event event, long index) {
        if (index < size) {
            throw new IllegalArgumentException("entry " + index + " is before this snapshot's size " + size);
        }
        Roster m = roster.extending(size, index);
        JsonNode b = event.body();
        switch (event.type()) {
            case EventTypes.MEMBER_REGISTERED: {
                NoteVerifier k = Keys.parseVerifier(b.get("vkey").asText());
                m.put(new Member(k, Role.parse(b.get("role").asText()), index, strings(b.path("councils")),
                        attributes(b.path("attrs")), -1), index + 1);
                break;
            }
            case EventTypes.MEMBER_REVOKED: {
                Member was = m.at(b.get("signer").asText(), index);
                if (was != null) {
                    m.put(was.revokedAt(index), index + 1);
                }
                break;
            }
            default:
                break;
        }
        return applyRest(event, index, m);
    }

    /**
     * The snapshot of tree size {@code size} with {@code roster} (every version of every member up to
     * {@code size}, restored from saved state) and, applied in log order, the events {@code others}
     * at {@code indexes}: the accepted events other than registrations, revocations and votes, which
     * make the rest of the state (economies, plans, ballots, proposals, the inspectorate). The same
     * snapshot the fold of every event gives.
     */
    static Snapshot restored(NoteVerifier logKey, Roster roster, List<Event> others, long[] indexes, long size) {
        Snapshot s = new Snapshot(0, roster, Keys.signerName(logKey), null, null, null, Map.of(),
                InspectionState.empty(), Set.of());
        for (int i = 0; i < indexes.length; i++) {
            s = s.applyRest(others.get(i), indexes[i], roster);
        }
        return new Snapshot(size, roster, s.logKey, s.economy, s.targets, s.plan, s.ballots, s.inspectorate,
                s.proposals);
    }

    /** Whether {@link #restored} needs {@code type} among its other events: not registrations, revocations or votes. */
    static boolean restoresByEvent(String type) {
        return !type.equals(EventTypes.MEMBER_REGISTERED) && !type.equals(EventTypes.MEMBER_REVOKED)
                && !type.equals(EventTypes.VOTE_CAST);
    }

    /** {@link #apply} after the roster's part, which {@code m} holds. */
    private Snapshot applyRest(Event event, long index, Roster m) {
        Published e = economy;
        Published t = targets;
        Published p = plan;
        JsonNode b = event.body();
        switch (event.type()) {
            case EventTypes.ECONOMY_PUBLISHED:
                e = new Published(index, b.get("hash").asText(), b.path("name").asText());
                break;
            case EventTypes.TARGETS_SET:
                t = new Published(index, b.get("hash").asText(), b.get("economy").asText());
                break;
            case EventTypes.PLAN_COMPUTED:
                p = new Published(index, b.get("plan").asText(), b.get("economy").asText());
                break;
            case EventTypes.BALLOT_TALLIED:
                // an adopted ballot's winners' targets, summed, are the targets the next plan uses
                if (b.has("targets") && e != null) {
                    t = new Published(index, b.get("targets").asText(), e.hash());
                }
                break;
            default:
                break;
        }
        Set<Long> pr = proposals;
        if (event.type().equals(EventTypes.PROPOSAL_MADE)) {
            Set<Long> copy = new HashSet<>(proposals);
            copy.add(index);
            pr = java.util.Collections.unmodifiableSet(copy);
        }
        return new Snapshot(index + 1, m, logKey, e, t, p, ballotsAfter(event, index),
                inspectorate.after(event, index, size), pr);
    }

    private Map<Long, Ballot> ballotsAfter(Event event, long index) {
        JsonNode b = event.body();
        switch (event.type()) {
            case EventTypes.BALLOT_OPENED: {
                Map<Long, Ballot> copy = new LinkedHashMap<>(ballots);
                copy.put(index, Ballot.opened(b, index, event.signer(), economy, plan));
                return java.util.Collections.unmodifiableMap(copy);
            }
            case EventTypes.BALLOT_CLOSED: {
                Ballot was = ballots.get(b.get("ballot").asLong());
                if (was == null) {
                    return ballots; // refused by refusal(); apply() without it changes nothing here
                }
                Map<Long, Ballot> copy = new LinkedHashMap<>(ballots);
                copy.put(was.index(), was.closedAt(index));
                return java.util.Collections.unmodifiableMap(copy);
            }
            default:
                return ballots;
        }
    }

    /** The ballot opened at log index {@code index}, or null. */
    public Ballot ballot(long index) {
        return ballots.get(index);
    }

    /** Every ballot opened so far, by the log index of its opening. */
    public Map<Long, Ballot> ballots() {
        return ballots;
    }

    /** The unit registered as {@code id}, as its latest registration has it, or null. */
    public Unit unit(String id) {
        return inspectorate.unit(id, size);
    }

    /** Every registered unit, in order of first registration. */
    public Map<String, Unit> units() {
        return inspectorate.units(size);
    }

    /** The log index of the first {@code plan.computed} event that recorded plan {@code hash}, or null. */
    public Long planIndex(String hash) {
        return inspectorate.plan(hash, size);
    }

    /** The inspection ordered at log index {@code index} (with its panel once drawn), or null. */
    public Inspection inspection(long index) {
        return inspectorate.inspection(index, size);
    }

    /** Every inspection ordered so far, by the log index of its ordering. */
    public Map<Long, Inspection> inspections() {
        return inspectorate.inspections(size);
    }

    /** The finding filed at log index {@code index}, or null. */
    public Finding finding(long index) {
        return inspectorate.finding(index, size);
    }

    /** A registration's councils; absent in events older than councils (an empty list). */
    private static List<String> strings(JsonNode array) {
        return InspectionState.strings(array);
    }

    private static Map<String, String> attributes(JsonNode object) {
        return InspectionState.attributes(object);
    }
}
