package org.gosplan.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * A named Ed25519 private key (the JDK's own Ed25519). Kept in a file in the Go signed-note
 * signer-key form {@code PRIVATE+KEY+<name>+<key id>+<base64 of 0x01 and the 32-byte seed>},
 * mode 0600.
 */
public final class SigningKey {
    private static final String PREFIX = "PRIVATE+KEY+";
    private final byte[] seed;
    private final PrivateKey privateKey;
    private final VerifierKey verifier;

    private SigningKey(String name, byte[] seed) {
        VerifierKey.checkName(name);
        this.seed = seed.clone();
        try {
            this.privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            // The JDK derives the public key only when generating a pair: feed it the seed as its randomness.
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
            EdECPublicKey pub = (EdECPublicKey) g.generateKeyPair().getPublic();
            byte[] der = pub.getEncoded();
            this.verifier = new VerifierKey(name, Arrays.copyOfRange(der, der.length - 32, der.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's Ed25519 failed", e);
        }
    }

    /** A new random key. */
    public static SigningKey generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new SigningKey(name, seed);
    }

    /** The key of a given seed (for tests and key files). */
    public static SigningKey fromSeed(String name, byte[] seed) {
        if (seed.length != 32) {
            throw new RecordException("an Ed25519 seed has 32 bytes");
        }
        return new SigningKey(name, seed);
    }

    /** Parses the signer-key form. */
    public static SigningKey parse(String text, String where) {
        String s = text.trim();
        if (!s.startsWith(PREFIX)) {
            throw new RecordException(where + ": not a private key file (it should start with " + PREFIX
                    + "); make one with 'gosplan key new FILE --name NAME'");
        }
        String[] parts = s.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new RecordException(where + ": malformed private key: expected " + PREFIX + "<name>+<key id>+<base64>");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new RecordException(where + ": the key part is not base64");
        }
        if (raw.length != 33 || raw[0] != VerifierKey.ED25519) {
            throw new RecordException(where + ": not an Ed25519 private key");
        }
        SigningKey k = new SigningKey(parts[0], Arrays.copyOfRange(raw, 1, 33));
        if (!k.verifier.keyIdHex().equals(parts[1])) {
            throw new RecordException(where + ": key id " + parts[1] + " does not match the key (" + k.verifier.keyIdHex()
                    + "); the file is damaged");
        }
        return k;
    }

    public static SigningKey read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new RecordException(file + ": cannot read the key file: " + e.getMessage(), e);
        }
    }

    /** Writes the key file with mode 0600; refuses to overwrite. */
    public void write(Path file) {
        try {
            if (Files.exists(file)) {
                throw new RecordException(file + " exists; a key file is never overwritten, choose another name");
            }
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
            Files.writeString(file, toString() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RecordException(file + ": cannot write the key file: " + e.getMessage(), e);
        }
    }

    public VerifierKey verifier() {
        return verifier;
    }

    public String name() {
        return verifier.name();
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's Ed25519 failed", e);
        }
    }

    /** The signer-key form; secret. */
    @Override
    public String toString() {
        byte[] raw = new byte[33];
        raw[0] = VerifierKey.ED25519;
        System.arraycopy(seed, 0, raw, 1, 32);
        return PREFIX + name() + "+" + verifier.keyIdHex() + "+" + Base64.getEncoder().encodeToString(raw);
    }

    /** Hands out the seed as the "random" bytes of key generation. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, Math.min(bytes.length, out.length));
        }
    }
}
