package org.gosplan.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * A witness's public key for C2SP tlog-cosignature's Ed25519 cosignatures (cosignature/v1), written
 * as a vkey {@code <name>+<key id>+<base64 of 0x04 || 32-byte key>}, where the key id is
 * {@code SHA-256(name || 0x0A || 0x04 || key)[:4]}. A cosignature line carries
 * {@code key id || 8-byte big-endian timestamp || Ed25519 signature} over {@link #message}.
 */
public final class CosignatureVerifier {
    static final byte COSIGNATURE_V1 = 0x04;
    /** The timestamp and the signature, after the key id. */
    static final int SIGNATURE_BYTES = 8 + 64;

    private final String name;
    private final byte[] key;
    private final int keyId;
    private final Ed25519.PublicKey publicKey;

    CosignatureVerifier(String name, byte[] key) {
        NoteVerifier.checkName(name);
        this.name = name;
        this.key = key.clone();
        this.keyId = NoteVerifier.keyId(name, COSIGNATURE_V1, key);
        this.publicKey = Ed25519.publicKeyOf(key);
    }

    /** Parses a witness vkey strictly (type 0x04; the key id must match name and key). */
    public static CosignatureVerifier parse(String vkey) {
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new LedgerException("'" + vkey + "' is not a witness key: expected <name>+<key id>+<base64 key>");
        }
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw new LedgerException("witness key '" + vkey + "': the key id must be 8 lowercase hex digits");
        }
        byte[] raw = NoteVerifier.strictBase64(parts[2]);
        if (raw == null) {
            throw new LedgerException("witness key '" + vkey + "': the key part is not base64");
        }
        if (raw.length != 33 || raw[0] != COSIGNATURE_V1) {
            throw new LedgerException("'" + vkey + "' is not a cosignature/v1 witness key (0x04 and a 32-byte Ed25519"
                    + " key)" + (raw.length == 33 && raw[0] == NoteVerifier.ED25519
                    ? "; it is a log's note key (0x01): make a witness key with 'gosplan key new FILE --name NAME --witness'"
                    : ""));
        }
        CosignatureVerifier v = new CosignatureVerifier(parts[0], Arrays.copyOfRange(raw, 1, 33));
        if (!parts[1].equals(v.keyIdHex())) {
            throw new LedgerException("witness key '" + vkey + "': key id " + parts[1] + " does not match its name and"
                    + " key (" + v.keyIdHex() + ")");
        }
        return v;
    }

    /** The signed message: {@code "cosignature/v1\ntime <t>\n"} and the checkpoint's whole note text. */
    public static byte[] message(String noteText, long timestamp) {
        if (timestamp < 0) {
            throw new LedgerException("a cosignature's timestamp is at most 2^63-1 seconds, not " + Long.toUnsignedString(timestamp));
        }
        return ("cosignature/v1\ntime " + timestamp + "\n" + noteText).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The timestamp of this witness's valid cosignature on {@code note}, or empty when the note has
     * no line with this key's name and id (other keys' lines are ignored). A line of this key that
     * does not verify is an error, as in signed-note.
     */
    public OptionalLong verify(SignedNote note) throws ProofException {
        for (SignedNote.Signature s : note.signatures()) {
            if (!s.name().equals(name) || s.keyId() != keyId) {
                continue;
            }
            byte[] b = s.signature();
            if (b.length != SIGNATURE_BYTES) {
                throw new ProofException("the cosignature of " + name + " has " + b.length + " bytes after its key id, not "
                        + SIGNATURE_BYTES + " (timestamp and Ed25519 signature)");
            }
            long t = timestamp(s);
            if (t < 0) {
                throw new ProofException("the cosignature of " + name + " has a timestamp above 2^63-1");
            }
            if (!Ed25519.verify(publicKey, message(note.text(), t), Arrays.copyOfRange(b, 8, SIGNATURE_BYTES))) {
                throw new ProofException("the cosignature of " + name + " (key id " + keyIdHex() + ") does not verify");
            }
            return OptionalLong.of(t);
        }
        return OptionalLong.empty();
    }

    /** The timestamp of a cosignature line, as its eight bytes after the key id say (negative above 2^63-1). */
    public static long timestamp(SignedNote.Signature cosignature) {
        byte[] b = cosignature.signature();
        if (b.length < 8) {
            throw new LedgerException("the cosignature of " + cosignature.name() + " is too short for a timestamp");
        }
        long t = 0;
        for (int i = 0; i < 8; i++) {
            t = (t << 8) | (b[i] & 0xff);
        }
        return t;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public String keyIdHex() {
        return String.format("%08x", keyId);
    }

    /** The 32-byte public key. */
    public byte[] publicKey() {
        return key.clone();
    }

    @Override
    public String toString() {
        byte[] raw = new byte[33];
        raw[0] = COSIGNATURE_V1;
        System.arraycopy(key, 0, raw, 1, 32);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosignatureVerifier && ((CosignatureVerifier) o).name.equals(name)
                && Arrays.equals(((CosignatureVerifier) o).key, key);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(key);
    }
}
