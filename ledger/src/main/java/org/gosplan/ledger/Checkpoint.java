package org.gosplan.ledger;

import java.util.Arrays;
import java.util.Base64;

/**
 * A signed tree head in the C2SP tlog-checkpoint form: a signed note whose text is the origin,
 * the tree size in decimal and the base64 root hash, one per line.
 */
public record Checkpoint(String origin, long size, byte[] root, SignedNote note) {

    /** The checkpoint body (the note text) for a tree head. */
    public static String text(String origin, long size, byte[] root) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** Signs a tree head. */
    static Checkpoint sign(String origin, long size, byte[] root, NoteSigner signer) {
        return new Checkpoint(origin, size, root.clone(), SignedNote.sign(text(origin, size, root), signer));
    }

    /** Parses a checkpoint's structure (signatures are checked by {@link #verify}). */
    public static Checkpoint parse(String note) {
        SignedNote n = SignedNote.parse(note);
        String[] lines = n.text().split("\n", -1);
        // text ends with '\n', so the last split element is empty.
        if (lines.length < 4) {
            throw new LedgerException("malformed checkpoint: the text needs origin, size and root hash lines");
        }
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].isEmpty()) {
                throw new LedgerException("malformed checkpoint: line " + (i + 1) + " is empty");
            }
        }
        String origin = lines[0];
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new LedgerException("malformed checkpoint: tree size '" + lines[1] + "' is not a decimal number"
                    + " without leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new LedgerException("malformed checkpoint: tree size '" + lines[1] + "' is too large");
        }
        byte[] root = NoteVerifier.strictBase64(lines[2]);
        if (root == null || root.length != Merkle.HASH_SIZE) {
            throw new LedgerException("malformed checkpoint: root hash '" + lines[2] + "' is not base64 of 32 bytes");
        }
        return new Checkpoint(origin, size, root, n);
    }

    /** Checks the note's signatures against {@code verifier} (and the origin against its name). */
    public void verify(NoteVerifier verifier) throws ProofException {
        note.verify(verifier);
    }

    /** The checkpoint as a signed note, ready to print. */
    @Override
    public String toString() {
        return note.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint && ((Checkpoint) o).note.toString().equals(note.toString());
    }

    @Override
    public int hashCode() {
        return note.toString().hashCode();
    }

    /** The root hash (a copy). */
    @Override
    public byte[] root() {
        return Arrays.copyOf(root, root.length);
    }
}
