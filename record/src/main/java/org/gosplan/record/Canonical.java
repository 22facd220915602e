package org.gosplan.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 canonical JSON (the JSON Canonicalization Scheme), through the co-author's reference
 * implementation: what is signed and hashed is always these bytes, so any two parties that
 * agree on the JSON value agree on its hash.
 */
public final class Canonical {
    private Canonical() {}

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The canonical UTF-8 bytes of a JSON value. */
    public static byte[] bytes(JsonNode value) {
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(value)).getEncodedUTF8();
        } catch (IOException e) {
            throw new RecordException("cannot canonicalise JSON: " + e.getMessage(), e);
        }
    }

    /** The canonical UTF-8 bytes of JSON text. */
    public static byte[] bytes(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new RecordException("not canonicalisable JSON: " + e.getMessage(), e);
        }
    }

    /** A number as RFC 8785 writes it (ECMAScript's shortest round trip). */
    public static String number(double x) {
        try {
            return NumberToJSON.serializeNumber(x);
        } catch (IOException e) {
            throw new RecordException("cannot write " + x + " in JSON (NaN and infinities have no JSON form)", e);
        }
    }

    /** Lowercase hex SHA-256. */
    public static String sha256(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
