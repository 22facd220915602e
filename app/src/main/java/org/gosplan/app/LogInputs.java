package org.gosplan.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reading the inputs of the {@code log} commands: lines of raw or hex-encoded bytes, hashes, proofs. */
final class LogInputs {
    private LogInputs() {}

    /** Receives the lines of an input. */
    interface LineSink {
        void line(byte[] bytes, long lineNumber) throws IOException;
    }

    /**
     * Calls {@code sink} with each line's bytes, without its '\n' (raw: a '\r' before it stays, it
     * is data). A final line without '\n' counts; a final '\n' does not start another line.
     */
    static void lines(InputStream in, LineSink sink) throws IOException {
        byte[] buf = new byte[1 << 16];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long number = 0;
        boolean pending = false;
        int n;
        while ((n = in.read(buf)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    line.write(buf, start, i - start);
                    sink.line(line.toByteArray(), ++number);
                    line.reset();
                    start = i + 1;
                    pending = false;
                }
            }
            if (start < n) {
                line.write(buf, start, n - start);
                pending = true;
            }
        }
        if (pending) {
            sink.line(line.toByteArray(), ++number);
        }
    }

    /** One line of hex (surrounding spaces and a '\r' ignored; empty is the empty leaf). */
    static byte[] hexLine(byte[] line, String where, long number) {
        String s = new String(line, StandardCharsets.US_ASCII).strip();
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            // names the first wrong character rather than quoting the line: the file may be a key given by mistake
            int bad = 0;
            while (bad < s.length() && Character.digit(s.charAt(bad), 16) >= 0) {
                bad++;
            }
            String what = bad < s.length() ? "character " + (bad + 1) + " ('" + s.charAt(bad) + "') is not a hex digit"
                    : "an odd number of hex digits";
            throw new UsageException(where + " line " + number + ": " + what + "; a line of hex holds an even number"
                    + " of digits 0-9a-f");
        }
    }

    /** The leaves of a LEAVES file: hex lines. */
    static List<byte[]> leaves(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            lines(in, (b, number) -> out.add(hexLine(b, file.toString(), number)));
        }
        return out;
    }

    /** A 32-byte-or-other hash given in hex on the command line. */
    static byte[] hash(String value, String option) {
        if (value == null) {
            throw new UsageException(option + " is required");
        }
        try {
            return HexFormat.of().parseHex(value.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " '" + abbreviate(value) + "' is not hex (an even number of digits 0-9a-f)");
        }
    }

    /** A comma-separated list of hex hashes; "" is the empty proof. */
    static List<byte[]> proof(String value) {
        List<byte[]> out = new ArrayList<>();
        if (value == null) {
            throw new UsageException("--proof is required (give --proof \"\" for the empty proof)");
        }
        if (value.isBlank()) {
            return out;
        }
        String[] parts = value.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            out.add(hash(parts[i], "--proof element " + (i + 1)));
        }
        return out;
    }

    static List<String> hexList(List<byte[]> hashes) {
        List<String> out = new ArrayList<>();
        for (byte[] h : hashes) {
            out.add(HexFormat.of().formatHex(h));
        }
        return out;
    }

    static String hex(byte[] h) {
        return HexFormat.of().formatHex(h);
    }

    static void nonNegative(long value, String option) {
        if (value < 0) {
            throw new UsageException(option + " must not be negative, not " + value);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
