package org.gosplan.record;

import java.util.List;
import java.util.Map;
import org.gosplan.ledger.NoteVerifier;

/**
 * A registered key and what it may do, as one registration (or revocation) left it.
 *
 * @param index    the log index of the {@code member.registered} event in effect, -1 for the log's own key
 * @param councils the councils it is a member of, as registered
 * @param attrs    its attributes (for lotteries and quotas), as registered
 * @param revoked  the log index of the {@code member.revoked} event that withdrew it, -1 while it may sign
 */
public record Member(NoteVerifier key, Role role, long index, List<String> councils, Map<String, String> attrs,
                     long revoked) {
    public Member {
        councils = List.copyOf(councils);
        attrs = Map.copyOf(attrs);
    }

    /** A member of no council, with no attributes, not revoked. */
    public Member(NoteVerifier key, Role role, long index) {
        this(key, role, index, List.of(), Map.of(), -1);
    }

    /** Its name in events' {@code signer}: {@code <name>+<key id>}. */
    public String signer() {
        return Keys.signerName(key);
    }

    public boolean isRevoked() {
        return revoked >= 0;
    }

    /** The same member, withdrawn at log index {@code at}. */
    Member revokedAt(long at) {
        return new Member(key, role, index, councils, attrs, at);
    }
}
