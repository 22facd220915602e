package org.gosplan.ledger;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A witness's signing key for cosignature/v1 (C2SP tlog-cosignature, Ed25519), written like a
 * note signer key but with type 0x04: {@code PRIVATE+KEY+<name>+<key id>+<base64 of 0x04 || seed>}.
 * The type byte keeps a witness key from being used as a log key by mistake: the cosignature
 * message does not commit to the witness's name, so one key must serve one witness only.
 */
public final class Cosigner {
    private static final String PREFIX = "PRIVATE+KEY+";
    private final byte[] seed;
    private final Ed25519.PrivateKey privateKey;
    private final CosignatureVerifier verifier;

    private Cosigner(String name, byte[] seed) {
        this.seed = seed.clone();
        this.privateKey = Ed25519.privateKey(seed);
        this.verifier = new CosignatureVerifier(name, Ed25519.publicKey(seed));
    }

    public static Cosigner generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new Cosigner(name, seed);
    }

    public static Cosigner fromSeed(String name, byte[] seed) {
        if (seed.length != 32) {
            throw new LedgerException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        return new Cosigner(name, seed);
    }

    /** Parses the signer-key form of a witness key; {@code where} names the source in messages. */
    public static Cosigner parse(String text, String where) {
        String s = text.strip();
        if (!s.startsWith(PREFIX)) {
            throw new LedgerException(where + ": not a private key (it should start with " + PREFIX
                    + "); make one with 'gosplan key new FILE --name NAME --witness'");
        }
        String[] parts = s.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new LedgerException(where + ": malformed private key: expected " + PREFIX + "<name>+<key id>+<base64>");
        }
        byte[] raw = NoteVerifier.strictBase64(parts[2]);
        if (raw == null || raw.length != 33 || raw[0] != CosignatureVerifier.COSIGNATURE_V1) {
            throw new LedgerException(where + ": not a witness key (base64 of 0x04 and a 32-byte seed)"
                    + (raw != null && raw.length == 33 && raw[0] == NoteVerifier.ED25519
                    ? "; it is a note signing key: make a witness key with 'gosplan key new FILE --name NAME --witness'" : ""));
        }
        Cosigner k = new Cosigner(parts[0], Arrays.copyOfRange(raw, 1, 33));
        if (!k.verifier.keyIdHex().equals(parts[1])) {
            throw new LedgerException(where + ": key id " + parts[1] + " does not match the key ("
                    + k.verifier.keyIdHex() + "); the key is damaged");
        }
        return k;
    }

    public CosignatureVerifier verifier() {
        return verifier;
    }

    public String name() {
        return verifier.name();
    }

    /** The cosignature line of {@code noteText} (a checkpoint's note text, final newline included) at {@code timestamp}. */
    public SignedNote.Signature cosign(String noteText, long timestamp) {
        byte[] sig = Ed25519.sign(privateKey, CosignatureVerifier.message(noteText, timestamp));
        byte[] b = new byte[CosignatureVerifier.SIGNATURE_BYTES];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (timestamp >>> (56 - 8 * i));
        }
        System.arraycopy(sig, 0, b, 8, 64);
        return new SignedNote.Signature(name(), verifier.keyId(), b);
    }

    /** The signer-key form. Secret: never log it. */
    @Override
    public String toString() {
        byte[] raw = new byte[33];
        raw[0] = CosignatureVerifier.COSIGNATURE_V1;
        System.arraycopy(seed, 0, raw, 1, 32);
        return PREFIX + name() + "+" + verifier.keyIdHex() + "+" + Base64.getEncoder().encodeToString(raw);
    }
}
