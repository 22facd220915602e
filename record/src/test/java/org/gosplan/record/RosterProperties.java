package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gosplan.ledger.NoteVerifier;

/**
 * The compact roster (signers in one byte array, members encoded, decoded on demand) answers as
 * the plain one it replaced: a list of versions per signer, in order of first registration, each
 * a {@link Member} object, read as of a tree size. Checked on random rosters, after saving and
 * reading back as {@link RecordState} does, and on a branch cut at an earlier size.
 */
class RosterProperties {
    /** The reference: what the roster was before it was made compact. */
    private static final class Plain {
        final Map<String, List<long[]>> from = new LinkedHashMap<>();
        final Map<String, List<Member>> members = new LinkedHashMap<>();

        void put(Member m, long at) {
            from.computeIfAbsent(m.signer(), k -> new ArrayList<>()).add(new long[] {at});
            members.computeIfAbsent(m.signer(), k -> new ArrayList<>()).add(m);
        }

        Member at(String signer, long size) {
            List<long[]> f = from.get(signer);
            Member found = null;
            for (int i = 0; f != null && i < f.size() && f.get(i)[0] <= size; i++) {
                found = members.get(signer).get(i);
            }
            return found;
        }

        Map<String, Member> active(long size) {
            Map<String, Member> out = new LinkedHashMap<>();
            for (String s : from.keySet()) {
                Member m = at(s, size);
                if (m != null && !m.isRevoked()) {
                    out.put(s, m);
                }
            }
            return out;
        }
    }

    private static final String[] NAMES = {"ana", "bo", "ключ", "城市", "x"};
    private static final String[] COUNCILS = {"north", "south", "süd"};

    private static NoteVerifier[] pool(Random r, int n) {
        NoteVerifier[] keys = new NoteVerifier[n];
        for (int i = 0; i < n; i++) {
            byte[] key = new byte[32];
            r.nextBytes(key);
            // the same name with another key id is another signer; ids across the whole range, 0 included
            keys[i] = NoteVerifier.restored(NAMES[i % NAMES.length] + (i / NAMES.length),
                    i == 0 ? 0 : r.nextInt(), key);
        }
        return keys;
    }

    private static Member member(Random r, NoteVerifier key, long index) {
        List<String> councils = new ArrayList<>();
        for (String c : COUNCILS) {
            if (r.nextInt(3) == 0) {
                councils.add(c);
            }
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int a = r.nextInt(3); a > 0; a--) {
            attrs.put("a" + r.nextInt(4), r.nextBoolean() ? "" : "v" + r.nextInt(1000));
        }
        Role role = Role.values()[r.nextInt(Role.values().length)];
        long revoked = r.nextInt(4) == 0 ? index + r.nextInt(3) : -1;
        return new Member(key, role, index, councils, attrs, revoked);
    }

    @Property(tries = 300)
    void theCompactRosterAnswersAsThePlainOne(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int keys,
                                              @ForAll @IntRange(min = 0, max = 120) int puts) throws IOException {
        Random r = new Random(seed);
        NoteVerifier[] pool = pool(r, keys);
        Member genesis = new Member(pool[0], Role.OPERATOR, -1);
        Roster roster = Roster.of(genesis);
        Plain plain = new Plain();
        plain.put(genesis, 0);
        long size = 0;
        for (int i = 0; i < puts; i++) {
            size += r.nextInt(3); // several versions may take effect at one size, as in a group append
            Member m = member(r, pool[r.nextInt(keys)], size);
            roster.put(m, size + 1);
            plain.put(m, size + 1);
        }
        long end = size + 2;
        same(plain, roster, pool, end);

        // saved and read back, behind a header as in the state file: the same answers
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x12345678);
        roster.write(out);
        out.writeInt(0x0badcafe);
        out.flush();
        ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
        in.getInt();
        Roster read = Roster.read(in, end);
        assertEquals(0x0badcafe, in.getInt());
        same(plain, read, pool, end);

        // a branch of the fold from an earlier size sees nothing past it, and writes apart from the rest
        long cut = r.nextInt((int) end); // below the end: a branch
        Roster branch = read.extending(cut, cut);
        Plain cutPlain = new Plain();
        for (Map.Entry<String, List<long[]>> e : plain.from.entrySet()) {
            for (int v = 0; v < e.getValue().size(); v++) {
                if (e.getValue().get(v)[0] <= cut) {
                    cutPlain.put(plain.members.get(e.getKey()).get(v), e.getValue().get(v)[0]);
                }
            }
        }
        Member late = member(r, pool[r.nextInt(keys)], cut);
        branch.put(late, cut + 1);
        cutPlain.put(late, cut + 1);
        same(cutPlain, branch, pool, cut + 1);
        same(plain, read, pool, end);
    }

    private static void same(Plain plain, Roster roster, NoteVerifier[] pool, long end) {
        assertEquals(plain.from.size(), roster.size());
        List<String> order = new ArrayList<>(plain.from.keySet());
        for (int k = 0; k < order.size(); k++) {
            assertEquals(order.get(k), roster.signer(k));
            assertEquals(k, roster.ordinal(order.get(k)));
        }
        for (long s = 0; s <= end; s++) {
            for (NoteVerifier key : pool) {
                String signer = Keys.signerName(key);
                same(plain.at(signer, s), roster.at(signer, s));
            }
            Map<String, Member> want = plain.active(s);
            Map<String, Member> got = roster.active(s);
            assertEquals(List.copyOf(want.keySet()), List.copyOf(got.keySet()));
            for (String signer : want.keySet()) {
                same(want.get(signer), got.get(signer));
            }
        }
        assertNull(roster.at("nobody+00000000", end));
        assertEquals(-1, roster.ordinal("nobody+00000000"));
    }

    private static void same(Member want, Member got) {
        assertEquals(want, got);
        if (want != null) {
            assertEquals(want.signer(), got.signer());
            assertEquals(want.key().keyId(), got.key().keyId());
        }
    }
}
