package org.gosplan.record;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every version of every member, in log order: one registration, re-registration or revocation
 * is one version, in effect from its log index on. The snapshots of one fold share one roster,
 * each reading it as of its own size, so folding N registrations costs O(N), not a copy of the
 * membership per event, and the membership as it stood at any earlier entry (a ballot's opening)
 * is answered without folding the log again. Append-only, and copied when a branch of the fold
 * writes to it, as {@link Versions} is.
 */
final class Roster {
    private final Versions<String, Member> versions;

    private Roster(Versions<String, Member> versions) {
        this.versions = versions;
    }

    static Roster of(Member genesis) {
        Versions<String, Member> v = Versions.empty();
        v.put(genesis.signer(), genesis, 0);
        return new Roster(v);
    }

    /** Every member's versions, in order of first registration (for saving the roster). */
    void forEach(Versions.Visitor<String, Member> visitor) throws java.io.IOException {
        versions.forEach(visitor);
    }

    int size() {
        return versions.keyCount();
    }

    /** The roster of {@code versions}, filled in bulk up to tree size {@code size}. */
    static Roster restored(Versions<String, Member> versions, long size) {
        versions.written(size);
        return new Roster(versions);
    }

    /** This roster for a snapshot of tree size {@code size} about to take in entry {@code index} ({@code >= size}). */
    Roster extending(long size, long index) {
        Versions<String, Member> v = versions.extending(size, index);
        return v == versions ? this : new Roster(v);
    }

    /** Records {@code m} as in effect from tree size {@code from}. */
    void put(Member m, long from) {
        versions.put(m.signer(), m, from);
    }

    /** The member {@code signer} as it stood at tree size {@code size} (revoked or not), or null. */
    Member at(String signer, long size) {
        return versions.at(signer, size);
    }

    /** The members that may sign at tree size {@code size} (not revoked), in order of first registration. */
    Map<String, Member> active(long size) {
        Map<String, Member> out = new LinkedHashMap<>();
        for (Map.Entry<String, Member> e : versions.all(size).entrySet()) {
            if (!e.getValue().isRevoked()) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
