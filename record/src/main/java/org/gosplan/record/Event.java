package org.gosplan.record;

import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.NoteVerifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;

/**
 * One event: one log entry, the UTF-8 bytes of the canonical JSON (RFC 8785) of
 * {@code {"v": 1, "type", "time", "signer", "body", "sig"}}, where {@code sig} is the base64
 * Ed25519 signature over the canonical JSON of the same object without {@code sig}
 * (formats.md section 4).
 *
 * @param signer {@code <key name>+<key id>}
 */
public record Event(int v, String type, String time, String signer, ObjectNode body, String sig) {
    public static final int VERSION = 1;
    private static final Set<String> FIELDS = Set.of("v", "type", "time", "signer", "body", "sig");

    /** Signs a new event at {@code time} (seconds precision, UTC). */
    public static Event sign(String type, ObjectNode body, NoteSigner key, Instant time) {
        String t = DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
        Event unsigned = new Event(VERSION, type, t, Keys.signerName(key.verifier()), body.deepCopy(), null);
        String sig = Base64.getEncoder().encodeToString(key.sign(unsigned.signedBytes()));
        return new Event(VERSION, type, t, unsigned.signer, unsigned.body, sig);
    }

    private ObjectNode tree(boolean withSig) {
        ObjectNode o = Canonical.MAPPER.createObjectNode();
        o.put("v", v);
        o.put("type", type);
        o.put("time", time);
        o.put("signer", signer);
        o.set("body", body);
        if (withSig) {
            o.put("sig", sig);
        }
        return o;
    }

    /** The bytes the signature covers: canonical JSON without {@code sig}. */
    public byte[] signedBytes() {
        return Canonical.bytes(tree(false));
    }

    /** The log entry: canonical JSON of the whole event. */
    public byte[] entryBytes() {
        return Canonical.bytes(tree(true));
    }

    /**
     * {@link #signedBytes()} and {@link #entryBytes()} from one canonicalisation, the same bytes as
     * those two give. In canonical order the top-level keys run body, sig, signer, time, type, v
     * (UTF-16 order), so the entry is the signed bytes with {@code "sig":"...",} put before the
     * top-level {@code "signer"}: the last {@code ,"signer":"} in them, since inside a canonical
     * string every quote is escaped and what follows signer is strings and a number. Only for a
     * signature in base64's alphabet, which canonical JSON writes as it is; otherwise both are
     * canonicalised apart.
     */
    public byte[][] signedAndEntryBytes() {
        byte[] signed = signedBytes();
        int at = sig == null || !BASE64.matcher(sig).matches() ? -1 : lastIndexOf(signed, SIGNER);
        if (at < 0) {
            return new byte[][] {signed, entryBytes()};
        }
        byte[] field = ("\"sig\":\"" + sig + "\",").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] entry = new byte[signed.length + field.length];
        System.arraycopy(signed, 0, entry, 0, at + 1);
        System.arraycopy(field, 0, entry, at + 1, field.length);
        System.arraycopy(signed, at + 1, entry, at + 1 + field.length, signed.length - at - 1);
        return new byte[][] {signed, entry};
    }

    private static final java.util.regex.Pattern BASE64 = java.util.regex.Pattern.compile("[A-Za-z0-9+/=]*");
    private static final byte[] SIGNER = ",\"signer\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static int lastIndexOf(byte[] in, byte[] what) {
        outer:
        for (int i = in.length - what.length; i >= 0; i--) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The event as a JSON tree (for {@code gosplan show}). */
    public ObjectNode toJson() {
        return tree(true);
    }

    /** Whether {@code key} made this event's signature. */
    public boolean signedBy(NoteVerifier key) {
        return signedBy(key, null);
    }

    /** As {@link #signedBy(NoteVerifier)}, with {@link #signedBytes()} already made (null: make them). */
    boolean signedBy(NoteVerifier key, byte[] signedBytes) {
        if (!Keys.signerName(key).equals(signer) || sig == null) {
            return false;
        }
        byte[] s;
        try {
            s = Base64.getDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return key.verify(signedBytes == null ? signedBytes() : signedBytes, s);
    }

    /**
     * Parses a log entry. Checks the form only (fields, types, canonical bytes); signatures and
     * roles are the verifier's business. A refusal reads "{@code <where>} is not a signed event:
     * ..." and says what is wrong in the event format's words.
     */
    public static Event parse(byte[] entry, String where) {
        String not = where + " is not a signed event: ";
        JsonNode n;
        try {
            n = Canonical.MAPPER.readTree(entry);
        } catch (IOException e) {
            throw new RecordException(not + "it is not JSON (it begins " + beginning(entry) + ")");
        }
        if (n == null || n.isMissingNode()) {
            throw new RecordException(not + "it is empty");
        }
        if (!n.isObject()) {
            throw new RecordException(not + "it is JSON but not an object (it begins " + beginning(entry) + ")");
        }
        var it = n.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new RecordException(not + "it has a field '" + f + "', which events do not have (an event has"
                        + " v, type, time, signer, body and sig)");
            }
        }
        for (String f : new String[] {"v", "type", "time", "signer", "body", "sig"}) {
            if (!n.has(f)) {
                throw new RecordException(not + "it has no field '" + f + "'");
            }
        }
        if (!n.get("v").isInt()) {
            throw new RecordException(not + "its field 'v' (the event format's version) is not a whole number");
        }
        if (n.get("v").asInt() != VERSION) {
            throw new RecordException(where + " is an event of version " + n.get("v").asInt() + ", which this Gosplan"
                    + " does not read (it reads version " + VERSION + ")");
        }
        for (String f : new String[] {"type", "time", "signer", "sig"}) {
            if (!n.get(f).isTextual()) {
                throw new RecordException(not + "its field '" + f + "' is not a string");
            }
        }
        if (!n.get("body").isObject()) {
            throw new RecordException(not + "its field 'body' is not an object");
        }
        return new Event(VERSION, n.get("type").asText(), n.get("time").asText(), n.get("signer").asText(),
                (ObjectNode) n.get("body"), n.get("sig").asText());
    }

    /**
     * Whether {@code entry} is an event in form (whoever signed it, validly or not): what makes a
     * log an event log when it is the log's first entry (see {@link Record}).
     */
    public static boolean isEvent(byte[] entry) {
        try {
            parse(entry, "entry");
            return true;
        } catch (RecordException e) {
            return false;
        }
    }

    /** The first bytes of an entry, quoted, for messages (non-printable bytes as '?'). */
    private static String beginning(byte[] entry) {
        int n = Math.min(entry.length, 40);
        StringBuilder b = new StringBuilder("'");
        String text = new String(entry, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c < 0x20 || c == 0x7f || c == '\ufffd' ? '?' : c);
        }
        return b.append(entry.length > n ? "...'" : "'").toString();
    }
}
