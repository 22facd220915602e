package org.gosplan.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.LedgerException;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.NoteVerifier;

/**
 * Members' keys are the ledger's signed-note keys ({@link NoteSigner}, {@link NoteVerifier}):
 * one key form for checkpoints and events. This adds key files and the signer name events carry.
 */
public final class Keys {
    private Keys() {}

    /** {@code <key name>+<key id>}: how an event names its signer. */
    public static String signerName(NoteVerifier key) {
        return key.name() + "+" + key.keyIdHex();
    }

    /** The start of a private key in its signed-note form. */
    public static final String PRIVATE = "PRIVATE+KEY+";

    /**
     * Parses a verifier key, as a {@link RecordException} when malformed. The message never
     * quotes a private key given by mistake.
     */
    public static NoteVerifier parseVerifier(String vkey) {
        if (vkey.strip().startsWith(PRIVATE)) {
            throw new RecordException("this is a private key (it starts with PRIVATE+KEY), which must never be"
                    + " shared: give the public key instead, which 'gosplan key show KEYFILE' prints");
        }
        try {
            return NoteVerifier.parse(vkey);
        } catch (LedgerException e) {
            throw new RecordException(e.getMessage());
        }
    }

    /** Reads a private key file made by {@code gosplan key new} (or {@code log init}). */
    public static NoteSigner read(Path file) {
        String text = readText(file, "");
        try {
            return NoteSigner.parse(text, file.toString());
        } catch (LedgerException e) {
            throw new RecordException(e.getMessage() + "; make a key with 'gosplan key new FILE --name NAME'");
        }
    }

    /** Reads a witness's private key file made by {@code gosplan key new --witness}. */
    public static Cosigner readWitness(Path file) {
        String text = readText(file, " --witness");
        try {
            return Cosigner.parse(text, file.toString());
        } catch (LedgerException e) {
            throw new RecordException(e.getMessage());
        }
    }

    /** Whether a key file holds a witness key (type 0x04) rather than a note signing key. */
    public static boolean isWitnessKey(Path file) {
        String[] parts = readText(file, "").strip().split("\\+", 5);
        if (parts.length != 5) {
            return false;
        }
        try {
            byte[] raw = java.util.Base64.getDecoder().decode(parts[4]);
            return raw.length == 33 && raw[0] == 0x04;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String readText(Path file, String flag) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RecordException(file + ": no such key file; make one with 'gosplan key new FILE --name NAME"
                    + flag + "'", e);
        } catch (IOException e) {
            throw new RecordException(file + ": cannot read the key file: " + e.getMessage(), e);
        }
    }

    /** Writes a key file with mode 0600; never overwrites. */
    public static void write(NoteSigner key, Path file) {
        writeSecret(key.toString(), file);
    }

    /** Writes a witness's key file with mode 0600; never overwrites. */
    public static void write(Cosigner key, Path file) {
        writeSecret(key.toString(), file);
    }

    private static void writeSecret(String key, Path file) {
        try {
            if (Files.exists(file)) {
                throw new RecordException(file + " exists; a key file is never overwritten, choose another name");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RecordException(file + ": cannot write the key file: " + e.getMessage(), e);
        }
    }

    /** A new key, as a {@link RecordException} when the name is not allowed. */
    public static NoteSigner generate(String name) {
        try {
            return NoteSigner.generate(name);
        } catch (LedgerException e) {
            throw new RecordException(e.getMessage());
        }
    }

    /** A new witness key (cosignature/v1), as a {@link RecordException} when the name is not allowed. */
    public static Cosigner generateWitness(String name) {
        try {
            return Cosigner.generate(name);
        } catch (LedgerException e) {
            throw new RecordException(e.getMessage());
        }
    }
}
