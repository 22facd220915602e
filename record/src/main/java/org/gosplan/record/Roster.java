package org.gosplan.record;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gosplan.ledger.NoteVerifier;

/**
 * Every version of every member, in log order: one registration, re-registration or revocation
 * is one version, in effect from its log index on. The snapshots of one fold share one roster,
 * each reading it as of its own size, so folding N registrations costs O(N), not a copy of the
 * membership per event, and the membership as it stood at any earlier entry (a ballot's opening)
 * is answered without folding the log again. Append-only, and copied when a branch of the fold
 * writes to it (cut at the branch's size), as {@link Versions} is.
 *
 * <p>Compact, because a record may hold millions of members and opening it must not build (and
 * collect) millions of objects: the signers' names lie in one byte array found through an
 * open-addressing table of their hashes; each version is a few primitive array slots and its
 * member, encoded, in pages of bytes; a {@link Member} is decoded only when asked for. The same
 * encoding is saved in {@link RecordState}, so restoring a roster is copying bytes and
 * rebuilding the table.
 *
 * <p>A member's bytes: u64 revoked, str name, u32 key id, 32 bytes key, u8 role, u64 index,
 * u32 n + n str councils, u32 n + n (str, str) attributes (str: u32 length and UTF-8 bytes).
 */
final class Roster {
    private static final int PAGE = 1 << 22;

    private Signers signers = new Signers(); // the keys, by ordinal in order of first registration
    private int[] firstVersion = new int[8];
    private int[] lastVersion = new int[8];

    // the versions, in the order they were put (log order)
    private long[] from = new long[8];
    private int[] keyOf = new int[8];
    private int[] next = new int[8]; // the key's next version, -1 for its last
    private long[] at = new long[8]; // page << 32 | offset of the member's bytes
    private int versions;

    private byte[][] pages = new byte[1][];
    private int page = -1; // the page written to
    private int pageEnd;

    private long end; // the tree size up to which some snapshot has written to this roster

    private Roster() {}

    static Roster of(Member genesis) {
        Roster r = new Roster();
        r.put(genesis, 0);
        return r;
    }

    /** The number of keys. */
    synchronized int size() {
        return signers.size();
    }

    /** The position of {@code signer} in order of first registration, or -1 when it was never registered. */
    synchronized int ordinal(String signer) {
        return signers.find(signer);
    }

    /** A copy of the signers, in the order of {@link #ordinal}, that grows on its own. */
    synchronized Signers signers() {
        return signers.copy();
    }

    /** The signer at {@code ordinal} (0 to {@link #size()} - 1). */
    synchronized String signer(int ordinal) {
        return signers.name(ordinal);
    }

    /** This roster for a snapshot of tree size {@code size} about to take in entry {@code index} ({@code >= size}). */
    synchronized Roster extending(long size, long index) {
        Roster r = this;
        if (end > size) {
            r = new Roster();
            for (int v = 0; v < versions; v++) {
                if (from[v] <= size) {
                    int k = keyOf[v];
                    r.putBytes(signers.bytes(), signers.from(k), signers.from(k + 1), pages[(int) (at[v] >>> 32)],
                            (int) at[v], from[v]);
                }
            }
            r.end = size;
        }
        r.end = index + 1;
        return r;
    }

    /** Records {@code m} as in effect from tree size {@code from}. */
    synchronized void put(Member m, long from) {
        byte[] signer = m.signer().getBytes(StandardCharsets.UTF_8);
        byte[] member = encode(m);
        putBytes(signer, 0, signer.length, member, 0, from);
    }

    /** The member {@code signer} as it stood at tree size {@code size} (revoked or not), or null. */
    synchronized Member at(String signer, long size) {
        int k = ordinal(signer);
        int v = k < 0 ? -1 : versionAt(k, size);
        return v < 0 ? null : decode(v);
    }

    /** The members that may sign at tree size {@code size} (not revoked), in order of first registration. */
    synchronized Map<String, Member> active(long size) {
        Map<String, Member> out = new LinkedHashMap<>();
        for (int k = 0; k < signers.size(); k++) {
            int v = versionAt(k, size);
            if (v >= 0 && revoked(v) < 0) {
                out.put(signer(k), decode(v));
            }
        }
        return out;
    }

    /** Key {@code k}'s version in effect at tree size {@code size}, or -1. */
    private int versionAt(int k, long size) {
        int found = -1;
        for (int v = firstVersion[k]; v >= 0 && from[v] <= size; v = next[v]) {
            found = v;
        }
        return found;
    }

    /** The signer's ordinal, added where new, and the member's bytes as its newest version. */
    private void putBytes(byte[] signer, int sFrom, int sTo, byte[] member, int mFrom, long effective) {
        int k = key(signer, sFrom, sTo);
        int length = memberLength(member, mFrom);
        if (versions == from.length) {
            int n = versions * 2;
            from = Arrays.copyOf(from, n);
            keyOf = Arrays.copyOf(keyOf, n);
            next = Arrays.copyOf(next, n);
            at = Arrays.copyOf(at, n);
        }
        int v = versions++;
        from[v] = effective;
        keyOf[v] = k;
        next[v] = -1;
        at[v] = store(member, mFrom, length);
        if (firstVersion[k] < 0) {
            firstVersion[k] = v;
        } else {
            next[lastVersion[k]] = v;
        }
        lastVersion[k] = v;
    }

    /** The ordinal of the signer in {@code b[from .. to)}, added (without versions yet) where new. */
    private int key(byte[] b, int from, int to) {
        int before = signers.size();
        int k = signers.add(b, from, to);
        if (k == before) {
            if (k >= firstVersion.length) {
                firstVersion = Arrays.copyOf(firstVersion, Math.max(k + 1, firstVersion.length * 2));
                lastVersion = Arrays.copyOf(lastVersion, firstVersion.length);
            }
            firstVersion[k] = -1;
            lastVersion[k] = -1;
        }
        return k;
    }

    /** Copies {@code length} bytes into the pages; where they start, as page << 32 | offset. */
    private long store(byte[] b, int off, int length) {
        if (page < 0 || pageEnd + length > pages[page].length) {
            if (++page == pages.length) {
                pages = Arrays.copyOf(pages, pages.length * 2);
            }
            pages[page] = new byte[Math.max(PAGE, length)];
            pageEnd = 0;
        }
        System.arraycopy(b, off, pages[page], pageEnd, length);
        long where = (long) page << 32 | pageEnd;
        pageEnd += length;
        return where;
    }

    private long revoked(int v) {
        return ByteBuffer.wrap(pages[(int) (at[v] >>> 32)]).getLong((int) at[v]);
    }

    private Member decode(int v) {
        ByteBuffer in = ByteBuffer.wrap(pages[(int) (at[v] >>> 32)]);
        in.position((int) at[v]);
        long revoked = in.getLong();
        String name = str(in);
        int keyId = in.getInt();
        byte[] key = new byte[32];
        in.get(key);
        Role role = Role.values()[in.get()];
        long index = in.getLong();
        List<String> councils = new ArrayList<>();
        for (int c = in.getInt(); c > 0; c--) {
            councils.add(str(in));
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int a = in.getInt(); a > 0; a--) {
            attrs.put(str(in), str(in));
        }
        return new Member(NoteVerifier.restored(name, keyId, key), role, index, councils, attrs, revoked);
    }

    private static String str(ByteBuffer in) {
        int n = in.getInt();
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    private static byte[] encode(Member m) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(m.revoked());
            str(out, m.key().name());
            out.writeInt(m.key().keyId());
            out.write(m.key().publicKey());
            out.writeByte(m.role().ordinal());
            out.writeLong(m.index());
            out.writeInt(m.councils().size());
            for (String c : m.councils()) {
                str(out, c);
            }
            out.writeInt(m.attrs().size());
            for (Map.Entry<String, String> a : m.attrs().entrySet()) {
                str(out, a.getKey());
                str(out, a.getValue());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /**
     * The length of the member's bytes at {@code off}, checked to lie inside {@code b} and to be
     * well-formed (a role that exists); an {@link IllegalStateException} otherwise.
     */
    private static int memberLength(byte[] b, int off) {
        int p = off + 8;
        p = skipStr(b, p);
        p += 4 + 32;
        if (p >= b.length || b[p] < 0 || b[p] >= Role.values().length) {
            throw new IllegalStateException("a member's role past the end or unknown");
        }
        p += 1 + 8;
        int councils = intAt(b, p);
        p += 4;
        for (int c = 0; c < councils; c++) {
            p = skipStr(b, p);
        }
        int attrs = intAt(b, p);
        p += 4;
        for (int a = 0; a < 2 * attrs; a++) {
            p = skipStr(b, p);
        }
        if (p > b.length || councils < 0 || attrs < 0) {
            throw new IllegalStateException("a member past the end");
        }
        return p - off;
    }

    private static int skipStr(byte[] b, int p) {
        int n = intAt(b, p);
        if (n < 0 || (long) p + 4 + n > b.length) {
            throw new IllegalStateException("a string past the end");
        }
        return p + 4 + n;
    }

    private static int intAt(byte[] b, int p) {
        if (p < 0 || p + 4 > b.length) {
            throw new IllegalStateException("past the end");
        }
        return (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | b[p + 3] & 0xff;
    }

    /**
     * Writes the roster for {@link RecordState}: u32 keys, each: str signer; u32 versions, each:
     * u64 from, u32 key (its ordinal), member bytes.
     */
    synchronized void write(DataOutputStream out) throws IOException {
        int keys = signers.size();
        out.writeInt(keys);
        byte[] names = signers.bytes();
        for (int k = 0; k < keys; k++) {
            out.writeInt(signers.from(k + 1) - signers.from(k));
            out.write(names, signers.from(k), signers.from(k + 1) - signers.from(k));
        }
        out.writeInt(versions);
        for (int v = 0; v < versions; v++) {
            out.writeLong(from[v]);
            out.writeInt(keyOf[v]);
            byte[] p = pages[(int) (at[v] >>> 32)];
            int off = (int) at[v];
            out.write(p, off, memberLength(p, off));
        }
    }

    /**
     * The roster {@link #write} wrote, read from {@code in} (a heap buffer, whose array the roster
     * keeps and reads its members from), as written by a snapshot of tree size {@code size}; an
     * {@link IllegalStateException} or a {@link java.nio.BufferUnderflowException} where the bytes
     * are not such a roster (versions out of order or past {@code size}, a key without versions, a
     * member past the end). That the keys are distinct and each member's bytes are its key's is what
     * {@link #write} wrote, under the state's CRC: not checked again (a million look-ups and
     * comparisons on every opening).
     */
    static Roster read(ByteBuffer in, long size) {
        Roster r = new Roster();
        byte[] b = in.array();
        int base = in.arrayOffset();
        int keys = in.getInt();
        if (keys < 1 || (long) keys * 4 > in.remaining()) {
            throw new IllegalStateException("key count " + keys);
        }
        int namesFrom = in.position();
        long namesLength = 0;
        for (int k = 0; k < keys; k++) {
            int n = in.getInt();
            if (n < 1 || n > in.remaining()) {
                throw new IllegalStateException("signer " + k + " past the end");
            }
            namesLength += n;
            in.position(in.position() + n);
        }
        r.signers = new Signers(keys, namesLength);
        r.firstVersion = new int[keys];
        r.lastVersion = new int[keys];
        in.position(namesFrom);
        for (int k = 0; k < keys; k++) {
            int n = in.getInt();
            int p = base + in.position();
            r.signers.appendUnindexed(b, p, p + n); // distinct as written; indexed at the first look-up
            r.firstVersion[k] = -1;
            r.lastVersion[k] = -1;
            in.position(in.position() + n);
        }
        int versions = in.getInt();
        if (versions < keys || (long) versions * 12 > in.remaining()) {
            throw new IllegalStateException("version count " + versions);
        }
        r.from = new long[versions];
        r.keyOf = new int[versions];
        r.next = new int[versions];
        r.at = new long[versions];
        // the members' bytes stay where they were read: the state's own array is the first page
        r.pages[0] = b;
        r.page = 0;
        r.pageEnd = b.length;
        long last = 0;
        int seen = 0; // keys seen so far: each key's first version comes in key order
        for (int v = 0; v < versions; v++) {
            long from = in.getLong();
            int k = in.getInt();
            if (from < last || from > size || k < 0 || k > seen || k >= keys) {
                throw new IllegalStateException("version " + v + " out of order");
            }
            last = from;
            if (k == seen) {
                seen++;
            }
            int p = base + in.position();
            int length = memberLength(b, p);
            r.version(k, p, from);
            in.position(in.position() + length);
        }
        if (seen != keys) {
            throw new IllegalStateException("a key without versions");
        }
        r.end = size;
        return r;
    }

    /** Key {@code k}'s next version, its member's bytes at {@code p} in the first page. */
    private void version(int k, int p, long effective) {
        int v = versions++;
        from[v] = effective;
        keyOf[v] = k;
        next[v] = -1;
        at[v] = p;
        if (firstVersion[k] < 0) {
            firstVersion[k] = v;
        } else {
            next[lastVersion[k]] = v;
        }
        lastVersion[k] = v;
    }
}
