package org.gosplan.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, and signature lines
 * {@code — <key name> <base64(4-byte key id || signature)>}. Parsing and verification follow Go's
 * {@code golang.org/x/mod/sumdb/note}: the text is separated at the last blank line, control
 * characters other than newline are refused, signatures by unknown keys are ignored, a signature
 * by a known key that fails is fatal, and at least one known key must have signed.
 */
public final class SignedNote {
    private static final String DASH = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    /** One signature line. */
    public record Signature(String name, int keyId, byte[] signature) {
        /** The line without its newline. */
        public String line() {
            byte[] raw = new byte[4 + signature.length];
            raw[0] = (byte) (keyId >>> 24);
            raw[1] = (byte) (keyId >>> 16);
            raw[2] = (byte) (keyId >>> 8);
            raw[3] = (byte) keyId;
            System.arraycopy(signature, 0, raw, 4, signature.length);
            return DASH + name + " " + Base64.getEncoder().encodeToString(raw);
        }
    }

    private final String text;
    private final List<Signature> signatures;

    private SignedNote(String text, List<Signature> signatures) {
        this.text = text;
        this.signatures = Collections.unmodifiableList(signatures);
    }

    /** The signed text, with its final newline. */
    public String text() {
        return text;
    }

    public List<Signature> signatures() {
        return signatures;
    }

    /** Signs {@code text} (which must end in a newline) with each signer, in order. */
    public static SignedNote sign(String text, NoteSigner... signers) {
        checkText(text);
        List<Signature> sigs = new ArrayList<>();
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        for (NoteSigner s : signers) {
            sigs.add(new Signature(s.name(), s.verifier().keyId(), s.sign(message)));
        }
        return new SignedNote(text, sigs);
    }

    /** This note with one more signature line. */
    public SignedNote with(Signature signature) {
        List<Signature> sigs = new ArrayList<>(signatures);
        sigs.add(signature);
        return new SignedNote(text, sigs);
    }

    private static void checkText(String text) {
        if (!text.endsWith("\n")) {
            throw new LedgerException("a note's text must end with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new LedgerException("a note must not contain control characters other than newline");
            }
        }
    }

    /** Parses the structure of a signed note (no signature is checked here). */
    public static SignedNote parse(String note) {
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if ((c < 0x20 && c != '\n') || Character.isSurrogate(c) && !validSurrogate(note, i)) {
                throw new LedgerException("malformed note: control character or invalid UTF-8 at character " + i);
            }
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new LedgerException("malformed note: no blank line between text and signatures");
        }
        String text = note.substring(0, split + 1);
        String sigText = note.substring(split + 2);
        if (sigText.isEmpty() || !sigText.endsWith("\n")) {
            throw new LedgerException("malformed note: the signature lines must end with a newline");
        }
        List<Signature> sigs = new ArrayList<>();
        for (String line : sigText.substring(0, sigText.length() - 1).split("\n", -1)) {
            if (sigs.size() == MAX_SIGNATURES) {
                throw new LedgerException("malformed note: more than " + MAX_SIGNATURES + " signatures");
            }
            if (!line.startsWith(DASH)) {
                throw new LedgerException("malformed note: signature line '" + line + "' does not start with '\u2014 '");
            }
            String rest = line.substring(DASH.length());
            int sp = rest.indexOf(' ');
            if (sp <= 0 || rest.indexOf(' ', sp + 1) >= 0) {
                throw new LedgerException("malformed note: signature line '" + line + "' is not '\u2014 <name> <base64>'");
            }
            String name = rest.substring(0, sp);
            byte[] raw = NoteVerifier.strictBase64(rest.substring(sp + 1));
            if (raw == null || raw.length < 5) {
                throw new LedgerException("malformed note: the signature of " + name + " is not base64 of a key id and"
                        + " a signature");
            }
            NoteVerifier.checkName(name);
            int id = ((raw[0] & 0xff) << 24) | ((raw[1] & 0xff) << 16) | ((raw[2] & 0xff) << 8) | (raw[3] & 0xff);
            byte[] sig = new byte[raw.length - 4];
            System.arraycopy(raw, 4, sig, 0, sig.length);
            sigs.add(new Signature(name, id, sig));
        }
        return new SignedNote(text, sigs);
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * Checks the note against the known keys: each signature whose name and key id match a known
     * key must verify, and at least one must. Signatures by other keys are ignored.
     */
    public void verify(NoteVerifier... known) throws ProofException {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        boolean any = false;
        for (Signature s : signatures) {
            for (NoteVerifier v : known) {
                if (v.name().equals(s.name()) && v.keyId() == s.keyId()) {
                    if (!v.verify(message, s.signature())) {
                        throw new ProofException("the signature of " + s.name() + " (key id " + v.keyIdHex()
                                + ") does not verify");
                    }
                    any = true;
                }
            }
        }
        if (!any) {
            StringBuilder names = new StringBuilder();
            for (NoteVerifier v : known) {
                names.append(names.length() == 0 ? "" : ", ").append(v.name()).append('+').append(v.keyIdHex());
            }
            throw new ProofException("no signature by a known key (" + names + ")");
        }
    }

    /** The note as text: the text, a blank line, the signature lines. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(text).append('\n');
        for (Signature s : signatures) {
            b.append(s.line()).append('\n');
        }
        return b.toString();
    }
}
