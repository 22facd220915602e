package org.gosplan.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every version of every member, in log order: one registration, re-registration or revocation
 * is one version, in effect from its log index on. The snapshots of one fold share one roster,
 * each reading it as of its own size, so folding N registrations costs O(N), not a copy of the
 * membership per event, and the membership as it stood at any earlier entry (a ballot's opening)
 * is answered without folding the log again.
 *
 * <p>Append-only: a snapshot that extends the roster from a point others have already passed (a
 * branch of the fold) takes a copy cut at its own size first, so no snapshot ever sees a version
 * from past its size.
 */
final class Roster {
    /** A member as it stands from tree size {@code from} on (its event at index {@code from - 1}). */
    private record Version(long from, Member member) {}

    private final Map<String, List<Version>> versions;
    private final List<String> signers; // in order of first registration
    private long end; // the tree size up to which some snapshot has folded this roster

    private Roster(Map<String, List<Version>> versions, List<String> signers, long end) {
        this.versions = versions;
        this.signers = signers;
        this.end = end;
    }

    static Roster of(Member genesis) {
        Roster r = new Roster(new HashMap<>(), new ArrayList<>(), 0);
        r.put(genesis, 0);
        return r;
    }

    /** This roster for a snapshot of tree size {@code size} about to take in entry {@code index} ({@code >= size}). */
    synchronized Roster extending(long size, long index) {
        Roster r = this;
        if (end > size) {
            Map<String, List<Version>> copy = new HashMap<>();
            List<String> order = new ArrayList<>();
            for (String s : signers) {
                List<Version> kept = new ArrayList<>();
                for (Version v : versions.get(s)) {
                    if (v.from <= size) {
                        kept.add(v);
                    }
                }
                if (!kept.isEmpty()) {
                    copy.put(s, kept);
                    order.add(s);
                }
            }
            r = new Roster(copy, order, size);
        }
        r.end = index + 1;
        return r;
    }

    /** Records {@code m} as in effect from tree size {@code from}. */
    synchronized void put(Member m, long from) {
        String s = m.signer();
        List<Version> list = versions.get(s);
        if (list == null) {
            list = new ArrayList<>();
            versions.put(s, list);
            signers.add(s);
        }
        list.add(new Version(from, m));
    }

    /** The member {@code signer} as it stood at tree size {@code size} (revoked or not), or null. */
    synchronized Member at(String signer, long size) {
        List<Version> list = versions.get(signer);
        if (list == null) {
            return null;
        }
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).from <= size) {
                return list.get(i).member;
            }
        }
        return null;
    }

    /** The members that may sign at tree size {@code size} (not revoked), in order of first registration. */
    synchronized Map<String, Member> active(long size) {
        Map<String, Member> out = new LinkedHashMap<>();
        for (String s : signers) {
            Member m = at(s, size);
            if (m != null && !m.isRevoked()) {
                out.put(s, m);
            }
        }
        return out;
    }
}
