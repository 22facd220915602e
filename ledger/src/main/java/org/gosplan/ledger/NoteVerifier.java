package org.gosplan.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 verifier key of the C2SP signed-note spec, written
 * {@code <name>+<key id, 8 hex digits>+<base64 of 0x01 || 32-byte public key>}, where the key id is
 * the first four bytes of {@code SHA-256(name || 0x0A || 0x01 || key)}.
 */
public final class NoteVerifier {
    static final byte ED25519 = 0x01;

    private final String name;
    private final byte[] key;
    private final int keyId;
    private final Ed25519.PublicKey publicKey;

    NoteVerifier(String name, byte[] key) {
        checkName(name);
        this.name = name;
        this.key = key.clone();
        this.keyId = keyId(name, ED25519, key);
        this.publicKey = Ed25519.publicKeyOf(key);
    }

    private NoteVerifier(String name, int keyId, byte[] key) {
        this.name = name;
        this.key = key.clone();
        this.keyId = keyId;
        this.publicKey = Ed25519.publicKeyOf(key);
    }

    /**
     * A verifier key as {@link #parse} made it earlier and as its holder kept it (name, id and key
     * together, in state saved after a verification): not checked again, so that a million of them
     * are taken in without a million hashes. Never for keys from outside.
     */
    public static NoteVerifier restored(String name, int keyId, byte[] key) {
        if (key.length != 32) {
            throw new LedgerException("not an Ed25519 public key: " + key.length + " bytes, not 32");
        }
        return new NoteVerifier(name, keyId, key);
    }

    static void checkName(String name) {
        if (name.isEmpty() || name.contains("+")) {
            throw new LedgerException("key name '" + name + "' must be non-empty and without '+'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new LedgerException("key name '" + name + "' must not contain spaces or control characters");
            }
        }
    }

    /** {@code SHA-256(name || 0x0A || type || key)[:4]}: type 0x01 for note signers, 0x04 for cosigners. */
    static int keyId(String name, byte type, byte[] key) {
        var d = Merkle.sha256();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0x0A);
        d.update(type);
        d.update(key);
        byte[] h = d.digest();
        return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
    }

    /**
     * Parses a verifier key strictly, as Go's {@code note.NewVerifier}: three parts, a name without
     * spaces or '+', exactly 8 hex digits that match the id computed from name and key, and
     * canonical padded base64 of exactly 33 bytes starting with 0x01.
     */
    public static NoteVerifier parse(String vkey) {
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new LedgerException("'" + vkey + "' is not a verifier key: expected <name>+<key id>+<base64 key>");
        }
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw new LedgerException("verifier key '" + vkey + "': the key id must be 8 lowercase hex digits");
        }
        byte[] raw = strictBase64(parts[2]);
        if (raw == null) {
            throw new LedgerException("verifier key '" + vkey + "': the key part is not base64");
        }
        if (raw.length != 33 || raw[0] != ED25519) {
            throw new LedgerException("verifier key '" + vkey + "' is not an Ed25519 key (0x01 and 32 bytes)");
        }
        NoteVerifier v = new NoteVerifier(parts[0], Arrays.copyOfRange(raw, 1, 33));
        if (!parts[1].equals(v.keyIdHex())) {
            throw new LedgerException("verifier key '" + vkey + "': key id " + parts[1] + " does not match its name"
                    + " and key (" + v.keyIdHex() + ")");
        }
        return v;
    }

    /** Standard base64 that re-encodes to the same text (no missing padding, no stray bits), or null. */
    static byte[] strictBase64(String s) {
        try {
            byte[] b = Base64.getDecoder().decode(s);
            return Base64.getEncoder().encodeToString(b).equals(s) ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public String keyIdHex() {
        // not String.format: every event's signer name is made from it, a million times in a long fold
        String h = Integer.toHexString(keyId);
        return h.length() == 8 ? h : "0".repeat(8 - h.length()) + h;
    }

    /** The 32-byte public key. */
    public byte[] publicKey() {
        return key.clone();
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        return Ed25519.verify(publicKey, message, signature);
    }

    @Override
    public String toString() {
        byte[] raw = new byte[33];
        raw[0] = ED25519;
        System.arraycopy(key, 0, raw, 1, 32);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifier && ((NoteVerifier) o).name.equals(name) && Arrays.equals(((NoteVerifier) o).key, key);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(key);
    }
}
