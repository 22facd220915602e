package org.gosplan.ledger;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A named Ed25519 signing key (the JDK's own Ed25519), written in the signer-key form of Go's
 * {@code golang.org/x/mod/sumdb/note}: {@code PRIVATE+KEY+<name>+<key id>+<base64 of 0x01 || 32-byte seed>}.
 * The same form as {@code gosplan key new} files, so either kind of key can sign a log.
 */
public final class NoteSigner {
    private static final String PREFIX = "PRIVATE+KEY+";
    private final byte[] seed;
    private final Ed25519.PrivateKey privateKey;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed) {
        NoteVerifier.checkName(name);
        this.seed = seed.clone();
        privateKey = Ed25519.privateKey(seed);
        verifier = new NoteVerifier(name, Ed25519.publicKey(seed));
    }

    /** A new random key. */
    public static NoteSigner generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new NoteSigner(name, seed);
    }

    /** The key of a 32-byte seed. */
    public static NoteSigner fromSeed(String name, byte[] seed) {
        if (seed.length != 32) {
            throw new LedgerException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        return new NoteSigner(name, seed);
    }

    /** Parses the signer-key form, checking the key id; {@code where} names the source in messages. */
    public static NoteSigner parse(String text, String where) {
        String s = text.strip();
        if (!s.startsWith(PREFIX)) {
            throw new LedgerException(where + ": not a private key (it should start with " + PREFIX
                    + "); make one with 'gosplan key new FILE --name NAME'");
        }
        String[] parts = s.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new LedgerException(where + ": malformed private key: expected " + PREFIX + "<name>+<key id>+<base64>");
        }
        byte[] raw = NoteVerifier.strictBase64(parts[2]);
        if (raw == null || raw.length != 33 || raw[0] != NoteVerifier.ED25519) {
            throw new LedgerException(where + ": not an Ed25519 private key (base64 of 0x01 and a 32-byte seed)");
        }
        NoteSigner k = new NoteSigner(parts[0], Arrays.copyOfRange(raw, 1, 33));
        if (!k.verifier.keyIdHex().equals(parts[1])) {
            throw new LedgerException(where + ": key id " + parts[1] + " does not match the key ("
                    + k.verifier.keyIdHex() + "); the key is damaged");
        }
        return k;
    }

    /** The same key under another name (the key id changes with the name). */
    public NoteSigner withName(String name) {
        return new NoteSigner(name, seed);
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    public String name() {
        return verifier.name();
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    /** The signer-key form. Secret: never log it. */
    @Override
    public String toString() {
        byte[] raw = new byte[33];
        raw[0] = NoteVerifier.ED25519;
        System.arraycopy(seed, 0, raw, 1, 32);
        return PREFIX + name() + "+" + verifier.keyIdHex() + "+" + Base64.getEncoder().encodeToString(raw);
    }
}
