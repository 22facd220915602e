package org.gosplan.record;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A public Ed25519 key with its name, in the C2SP signed-note verifier-key form
 * {@code <name>+<key id, 8 hex digits>+<base64 of 0x01 followed by the 32-byte key>}. The key id
 * is the first four bytes of SHA-256(name || 0x0A || 0x01 || key), as the signed-note spec says.
 */
public final class VerifierKey {
    static final byte ED25519 = 0x01;
    // The DER prefix of an X.509 SubjectPublicKeyInfo holding a raw Ed25519 key (RFC 8410).
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final byte[] key;
    private final int keyId;
    private final PublicKey publicKey;

    VerifierKey(String name, byte[] key) {
        checkName(name);
        if (key.length != 32) {
            throw new RecordException("an Ed25519 public key has 32 bytes, not " + key.length);
        }
        this.name = name;
        this.key = key.clone();
        this.keyId = keyId(name, key);
        try {
            byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
            System.arraycopy(key, 0, der, X509_PREFIX.length, 32);
            this.publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new RecordException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    static void checkName(String name) {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new RecordException("key name '" + name + "' must be non-empty, without '+', spaces or control"
                    + " characters");
        }
    }

    static int keyId(String name, byte[] key) {
        var d = Canonical.digest();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0x0A);
        d.update(ED25519);
        d.update(key);
        byte[] h = d.digest();
        return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
    }

    /** Parses {@code <name>+<hex key id>+<base64>}, checking the id against the key. */
    public static VerifierKey parse(String vkey) {
        String s = vkey.trim();
        String[] parts = s.split("\\+", 3);
        if (parts.length != 3) {
            throw new RecordException("'" + s + "' is not a verifier key: expected <name>+<key id>+<base64 key>");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new RecordException("the key part of verifier key '" + s + "' is not base64");
        }
        if (raw.length != 33 || raw[0] != ED25519) {
            throw new RecordException("verifier key '" + s + "' is not an Ed25519 key (0x01 and 32 bytes)");
        }
        VerifierKey k = new VerifierKey(parts[0], Arrays.copyOfRange(raw, 1, 33));
        if (!parts[1].equals(k.keyIdHex())) {
            throw new RecordException("verifier key '" + s + "' has key id " + parts[1] + " but its name and key give "
                    + k.keyIdHex());
        }
        return k;
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

    /** {@code <name>+<key id>}: how events name their signer. */
    public String signerName() {
        return name + "+" + keyIdHex();
    }

    public byte[] key() {
        return key.clone();
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(publicKey);
            v.update(message);
            return v.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
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
        return o instanceof VerifierKey && ((VerifierKey) o).name.equals(name) && Arrays.equals(((VerifierKey) o).key, key);
    }

    @Override
    public int hashCode() {
        return keyId;
    }
}
