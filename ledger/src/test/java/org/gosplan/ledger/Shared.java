package org.gosplan.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Test helpers: the shared data folder, JSON, hex and base64. */
final class Shared {
    private Shared() {}

    static final ObjectMapper JSON = new ObjectMapper();

    /** The repository's copy of the shared transparency vectors ({@code testdata/data/transparency}, see its README). */
    static Path transparency() {
        String prop = System.getProperty("gosplan.shared");
        Path t = (prop != null ? Paths.get(prop) : Paths.get("../testdata")).resolve("data").resolve("transparency");
        if (!Files.isDirectory(t)) {
            throw new IllegalStateException("the test vectors are not at " + t.toAbsolutePath()
                    + "; set -Dgosplan.shared=/path/to/testdata");
        }
        return t;
    }

    static JsonNode read(Path p) throws IOException {
        return JSON.readTree(p.toFile());
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] b64(JsonNode n) {
        return n == null || n.isNull() ? new byte[0] : Base64.getDecoder().decode(n.asText());
    }

    static List<byte[]> b64List(JsonNode n) {
        List<byte[]> out = new ArrayList<>();
        if (n != null && !n.isNull()) {
            for (JsonNode e : n) {
                out.add(b64(e));
            }
        }
        return out;
    }

    static List<byte[]> hexList(JsonNode n) {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode e : n) {
            out.add(hex(e.asText()));
        }
        return out;
    }
}
