package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.gosplan.ledger.NoteSigner;

/**
 * The membership a snapshot remembers for an earlier entry is the membership a fresh fold up to
 * that entry computes: the history shared between snapshots is the fold's, and no later event
 * leaks into it.
 */
class MembershipHistoryProperties {
    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
    private static final NoteSigner LOG = NoteSigner.fromSeed("log", new byte[32]);
    private static final NoteSigner[] KEYS = new NoteSigner[5];
    private static final String[] ROLES = {"citizen", "council", "operator"};
    private static final String[] COUNCILS = {"north", "south"};

    static {
        for (int i = 0; i < KEYS.length; i++) {
            KEYS[i] = NoteSigner.fromSeed("k" + i, SnapshotTestSeeds.seed(10 + i));
        }
    }

    /** Each op: who (0-4), what (0-5: register with a role and council, or revoke), signed by the log key. */
    private static Event event(int op) {
        NoteSigner who = KEYS[op % 5];
        int what = (op / 5) % 7;
        var body = Canonical.MAPPER.createObjectNode();
        if (what == 6) {
            body.put("signer", Keys.signerName(who.verifier()));
            return Event.sign(EventTypes.MEMBER_REVOKED, body, LOG, NOW);
        }
        body.put("vkey", who.verifier().toString()).put("role", ROLES[what % 3]);
        body.putArray("councils").add(COUNCILS[what % 2]);
        body.putObject("attrs").put("n", Integer.toString(op));
        return Event.sign(EventTypes.MEMBER_REGISTERED, body, LOG, NOW);
    }

    @Property(tries = 200)
    void aSnapshotsHistoryAgreesWithAFreshFoldAtEveryEntry(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 34) Integer> ops) {
        List<Event> events = new ArrayList<>();
        for (int op : ops) {
            events.add(event(op));
        }
        Snapshot last = Snapshot.genesis(LOG.verifier());
        for (int i = 0; i < events.size(); i++) {
            if (last.refusal(events.get(i)) == null) {
                last = last.apply(events.get(i), i);
            }
        }
        for (int k = 0; k <= events.size(); k++) {
            Snapshot fresh = Snapshot.genesis(LOG.verifier());
            for (int i = 0; i < k; i++) {
                if (fresh.refusal(events.get(i)) == null) {
                    fresh = fresh.apply(events.get(i), i);
                }
            }
            long at = Math.min(k, last.size());
            if (k <= last.size()) {
                assertEquals(fresh.members(), last.membersAt(k), "at entry " + k);
                for (Electorate e : new Electorate[] {Electorate.ALL, Electorate.parse("council:north"),
                        Electorate.parse("role:council")}) {
                    assertEquals(e.members(fresh, fresh.size()), e.members(last, at), e + " at entry " + k);
                }
            }
        }
    }
}
