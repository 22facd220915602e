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

    /** The event as a JSON tree (for {@code gosplan show}). */
    public ObjectNode toJson() {
        return tree(true);
    }

    /** Whether {@code key} made this event's signature. */
    public boolean signedBy(NoteVerifier key) {
        if (!Keys.signerName(key).equals(signer) || sig == null) {
            return false;
        }
        byte[] s;
        try {
            s = Base64.getDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return key.verify(signedBytes(), s);
    }

    /**
     * Parses a log entry. Checks the form only (fields, types, canonical bytes); signatures and
     * roles are the verifier's business.
     */
    public static Event parse(byte[] entry, String where) {
        JsonNode n;
        try {
            n = Canonical.MAPPER.readTree(entry);
        } catch (IOException e) {
            throw new RecordException(where + ": not a JSON event: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new RecordException(where + ": an event is a JSON object");
        }
        var it = n.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new RecordException(where + ": unknown event field '" + f + "'");
            }
        }
        if (!n.path("v").isInt() || n.get("v").asInt() != VERSION) {
            throw new RecordException(where + ": event version \"v\" must be " + VERSION);
        }
        for (String f : new String[] {"type", "time", "signer", "sig"}) {
            if (!n.path(f).isTextual()) {
                throw new RecordException(where + ": event field \"" + f + "\" must be a string");
            }
        }
        if (!n.path("body").isObject()) {
            throw new RecordException(where + ": event field \"body\" must be an object");
        }
        return new Event(VERSION, n.get("type").asText(), n.get("time").asText(), n.get("signer").asText(),
                (ObjectNode) n.get("body"), n.get("sig").asText());
    }
}
