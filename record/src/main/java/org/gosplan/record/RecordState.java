package org.gosplan.record;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The record's folded state, saved beside an embedded log after a fold ({@code DIR/record.state}),
 * so that opening a long log need not fold it again: the tree size and the RFC 9162 root of the
 * entries it folded, the entries it refused, every version of every member (the roster), the log
 * indexes of the few other events that make the rest of the state (economies, plans, ballots,
 * proposals, the inspectorate; read again from the log on opening and applied in order), and the
 * votes that stand in each ballot ({@link CastVotes}). Binary, with a CRC-32C over it all.
 *
 * <p>Opening takes it only when the root of the log's first {@code size} entries, recomputed from
 * the entries' bytes, is its root; then it folds only the entries after it (checking every
 * signature there). A changed entry below it, a torn, foreign or absent file: it is not used, and
 * the record is opened as without it ({@link VerifiedMark}, or every signature checked). Like the
 * mark it vouches only for what this machine verified, and {@code gosplan verify} ignores it.
 *
 * <pre>
 * u32 magic "GSRS", u32 version 2
 * str log key, u64 size, 32 bytes root
 * u32 n, n x u64: the refused entries
 * u32 keys; each: str signer
 * u32 versions (in log order); each: u64 from, u32 key (its position among the keys), member
 *   member: u64 revoked, str name, u32 key id, 32 bytes key, u8 role, u64 index,
 *           u32 n + n str councils, u32 n + n (str, str) attributes
 * u32 n, n x u64: the other events' indexes
 * u32 ballots; each: u64 ballot, u32 votes; each: u32 signer (its position among the keys),
 *   u32 n, n x u32: its groups one after another, each its length and its options' positions
 * u32 CRC-32C of everything before it
 * </pre>
 * (str: u32 length and UTF-8 bytes.) The roster and the votes are read as they lie ({@link Roster},
 * {@link CastVotes}): the members' bytes stay in the array the file was read into, decoded only when
 * asked for. Version 1 (a member's fields one by one, votes as arrays of arrays) is not read: such a
 * state is folded again, and written anew.
 */
final class RecordState {
    static final String FILE = "record.state";
    private static final int MAGIC = 0x47535253; // "GSRS"
    private static final int VERSION = 2;

    final long size;
    final String root;
    final Set<Long> refused;
    final Roster roster;
    final long[] others;
    final CastVotes votes;

    private RecordState(long size, String root, Set<Long> refused, Roster roster, long[] others, CastVotes votes) {
        this.size = size;
        this.root = root;
        this.refused = refused;
        this.roster = roster;
        this.others = others;
        this.votes = votes;
    }

    /**
     * Writes the state atomically (a new file moved over the old), without waiting for the disk: a
     * state lost in a crash only means folding again. Where the directory cannot be written, none
     * is kept.
     */
    static void write(Path dir, String logKey, long size, String root, Set<Long> refused, Roster roster,
                      long[] others, CastVotes votes) {
        CacheFile.replace(dir, FILE, tmp -> {
            CRC32C crc = new CRC32C();
            try (OutputStream file = Files.newOutputStream(tmp);
                 CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(file, 1 << 16), crc);
                 DataOutputStream out = new DataOutputStream(checked)) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                str(out, logKey);
                out.writeLong(size);
                out.write(HexFormat.of().parseHex(root));
                out.writeInt(refused.size());
                for (long i : new TreeSet<>(refused)) {
                    out.writeLong(i);
                }
                roster.write(out);
                out.writeInt(others.length);
                for (long i : others) {
                    out.writeLong(i);
                }
                votes.write(out, roster);
                out.flush();
                file.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            }
        });
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /**
     * The state in {@code dir} for the log with key {@code logKey} and at most {@code logSize}
     * entries, or null when there is none that reads whole (absent, torn, of another log, past the
     * log's end). Its root is not checked here: that is the caller's, against the log's entries.
     */
    static RecordState read(Path dir, String logKey, long logSize) {
        try {
            Path file = dir.resolve(FILE);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            byte[] all = Files.readAllBytes(file);
            if (all.length < 12) {
                return null;
            }
            CRC32C crc = new CRC32C();
            crc.update(all, 0, all.length - 4);
            ByteBuffer in = ByteBuffer.wrap(all, 0, all.length - 4);
            if (ByteBuffer.wrap(all, all.length - 4, 4).getInt() != (int) crc.getValue()
                    || in.getInt() != MAGIC || in.getInt() != VERSION || !str(in).equals(logKey)) {
                return null;
            }
            long size = in.getLong();
            if (size < 0 || size > logSize) {
                return null;
            }
            byte[] root = new byte[32];
            in.get(root);
            Set<Long> refused = new TreeSet<>();
            for (int n = count(in, 8); n > 0; n--) {
                long i = in.getLong();
                if (i < 0 || i >= size) {
                    return null;
                }
                refused.add(i);
            }
            Roster roster = Roster.read(in, size);
            long[] others = new long[count(in, 8)];
            for (int i = 0; i < others.length; i++) {
                others[i] = in.getLong();
                if (others[i] < 0 || others[i] >= size || i > 0 && others[i] <= others[i - 1]) {
                    return null;
                }
            }
            CastVotes votes = CastVotes.read(in, roster);
            if (in.hasRemaining()) {
                return null;
            }
            votes.setSize(size);
            return new RecordState(size, HexFormat.of().formatHex(root), refused, roster, others, votes);
        } catch (IOException | RuntimeException e) {
            return null; // torn, edited or of another version: fold as without it
        }
    }

    /**
     * The size the state in {@code dir} says it covers, from its first bytes alone (the checksum
     * over the whole file is not checked here: {@link #read} does), or -1 where there is none
     * of this version for this log. Lets the root check of the entries below it start while the
     * rest of the state is read.
     */
    static long peekSize(Path dir, String logKey, long logSize) {
        Path file = dir.resolve(FILE);
        byte[] key = logKey.getBytes(StandardCharsets.UTF_8);
        ByteBuffer head = ByteBuffer.allocate(4 + 4 + 4 + key.length + 8);
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(file)) {
            while (head.hasRemaining()) {
                if (c.read(head) < 0) {
                    return -1;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        head.flip();
        if (head.getInt() != MAGIC || head.getInt() != VERSION || head.getInt() != key.length) {
            return -1;
        }
        for (byte b : key) {
            if (head.get() != b) {
                return -1;
            }
        }
        long size = head.getLong();
        return size < 0 || size > logSize ? -1 : size;
    }

    /** A count read from {@code in}, refused when the bytes left cannot hold that many items of {@code each} bytes. */
    private static int count(ByteBuffer in, int each) {
        int n = in.getInt();
        if (n < 0 || (long) n * each > in.remaining()) {
            throw new IllegalStateException("count " + n + " past the end");
        }
        return n;
    }

    private static String str(ByteBuffer in) {
        int n = count(in, 1);
        String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }
}
