package org.gosplan.record;

import org.gosplan.ledger.NoteVerifier;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of the record at one tree size: who is registered with which role, the latest
 * published economy and the latest targets. A fold over the events up to that size, so anyone
 * holding the log computes the same snapshot.
 */
public final class Snapshot {
    private final long size;
    private final Map<String, Member> members;
    private final Published economy;
    private final Published targets;

    /**
     * Content named by an event.
     *
     * @param index the event's log index
     * @param hash  the content's SHA-256
     * @param name  the economy's name, or for targets the hash of the economy they were set for
     */
    public record Published(long index, String hash, String name) {}

    private Snapshot(long size, Map<String, Member> members, Published economy, Published targets) {
        this.size = size;
        this.members = members;
        this.economy = economy;
        this.targets = targets;
    }

    /** The empty record of a log whose own key is the first operator. */
    public static Snapshot genesis(NoteVerifier logKey) {
        Map<String, Member> m = new LinkedHashMap<>();
        m.put(Keys.signerName(logKey), new Member(logKey, Role.OPERATOR, -1));
        return new Snapshot(0, Collections.unmodifiableMap(m), null, null);
    }

    public long size() {
        return size;
    }

    public Map<String, Member> members() {
        return members;
    }

    /** The member who signed as {@code signer}, or null. */
    public Member member(String signer) {
        return members.get(signer);
    }

    /** The latest economy, or null when none was published. */
    public Published economy() {
        return economy;
    }

    /** The latest targets, or null. */
    public Published targets() {
        return targets;
    }

    /**
     * The reason {@code event} may not be recorded on top of this snapshot, or null when it may:
     * its signer must be registered, its signature valid, its role allowed for the type and its
     * body well-formed. Content existence is checked by the caller who holds the store.
     */
    public String refusal(Event event) {
        Member m = members.get(event.signer());
        if (m == null) {
            return "signer '" + event.signer() + "' is not a registered member; an operator must first record"
                    + " 'gosplan record DIR member VKEY --role ROLE'";
        }
        if (!event.signedBy(m.key())) {
            return "the signature does not verify with the registered key of '" + event.signer() + "'";
        }
        if (!EventTypes.KNOWN.contains(event.type())) {
            return "unknown event type '" + event.type() + "'; the types are " + String.join(", ",
                    new java.util.TreeSet<>(EventTypes.KNOWN));
        }
        if (!m.role().mayRecord(event.type())) {
            return "'" + event.signer() + "' has role " + m.role().id() + ", which may not record " + event.type()
                    + " (" + whoMay(event.type()) + ")";
        }
        return EventBodies.problem(event);
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
        Map<String, Member> m = members;
        Published e = economy;
        Published t = targets;
        switch (event.type()) {
            case EventTypes.MEMBER_REGISTERED: {
                NoteVerifier k = Keys.parseVerifier(event.body().get("vkey").asText());
                Map<String, Member> copy = new LinkedHashMap<>(members);
                copy.put(Keys.signerName(k), new Member(k, Role.parse(event.body().get("role").asText()), index));
                m = Collections.unmodifiableMap(copy);
                break;
            }
            case EventTypes.ECONOMY_PUBLISHED:
                e = new Published(index, event.body().get("hash").asText(), event.body().path("name").asText());
                break;
            case EventTypes.TARGETS_SET:
                t = new Published(index, event.body().get("hash").asText(), event.body().get("economy").asText());
                break;
            default:
                break;
        }
        return new Snapshot(index + 1, m, e, t);
    }
}
