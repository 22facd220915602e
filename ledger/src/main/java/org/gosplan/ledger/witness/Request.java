package org.gosplan.ledger.witness;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.LedgerException;

/**
 * An add-checkpoint request body (C2SP tlog-witness): {@code old <size>}, at most 63 base64
 * hashes of a consistency proof, a blank line and the checkpoint, every line ending in a newline.
 */
record Request(long oldSize, List<byte[]> proof, Checkpoint checkpoint) {
    static final int MAX_PROOF = 63;

    /** Parses a body; a {@link LedgerException} says what is malformed (the witness answers 400). */
    static Request parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new LedgerException("the body is not UTF-8");
        }
        int end = text.indexOf('\n');
        if (end < 0) {
            throw new LedgerException("the body has no 'old <size>' line");
        }
        String first = text.substring(0, end);
        if (!first.matches("old (0|[1-9][0-9]{0,18})")) {
            throw new LedgerException("the first line must be 'old <size>' in decimal without leading zeros, not '"
                    + shorten(first) + "'");
        }
        long old;
        try {
            old = Long.parseLong(first.substring(4));
        } catch (NumberFormatException e) {
            throw new LedgerException("the old size " + first.substring(4) + " is too large");
        }
        List<byte[]> proof = new ArrayList<>();
        int at = end + 1;
        while (true) {
            int next = text.indexOf('\n', at);
            if (next < 0) {
                throw new LedgerException("the body has no blank line before the checkpoint");
            }
            if (next == at) {
                at = next + 1;
                break;
            }
            if (proof.size() == MAX_PROOF) {
                throw new LedgerException("more than " + MAX_PROOF + " consistency proof lines");
            }
            String line = text.substring(at, next);
            byte[] hash = strictBase64(line);
            if (hash == null || hash.length != 32) {
                throw new LedgerException("consistency proof line " + (proof.size() + 1) + " is not base64 of a"
                        + " 32-byte hash: '" + shorten(line) + "'");
            }
            proof.add(hash);
            at = next + 1;
        }
        return new Request(old, proof, Checkpoint.parse(text.substring(at)));
    }

    /** The body of a request from {@code oldSize} with {@code proof} for the signed checkpoint {@code note}. */
    static String body(long oldSize, List<byte[]> proof, String note) {
        StringBuilder b = new StringBuilder("old ").append(oldSize).append('\n');
        for (byte[] h : proof) {
            b.append(Base64.getEncoder().encodeToString(h)).append('\n');
        }
        return b.append('\n').append(note).toString();
    }

    private static byte[] strictBase64(String s) {
        try {
            byte[] b = Base64.getDecoder().decode(s);
            return Base64.getEncoder().encodeToString(b).equals(s) ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
