package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalAndKeysTest {
    static Path data() {
        String prop = System.getProperty("gosplan.shared");
        Path p = prop != null ? Paths.get(prop, "data") : Paths.get("../../shared/data");
        return Files.isDirectory(p) ? p : Paths.get("/work/shared/data");
    }

    static Stream<String> jcsCases() {
        return Stream.of("arrays", "french", "structures", "unicode", "values", "weird");
    }

    @ParameterizedTest
    @MethodSource("jcsCases")
    void canonicalJsonMatchesTheRfc8785Vectors(String name) throws IOException {
        Path dir = data().resolve("jcs/testdata");
        String input = Files.readString(dir.resolve("input/" + name + ".json"), StandardCharsets.UTF_8);
        byte[] expected = Files.readAllBytes(dir.resolve("output/" + name + ".json"));
        assertArrayEquals(expected, Canonical.bytes(input));
        JsonNode tree = Canonical.MAPPER.readTree(input);
        assertArrayEquals(expected, Canonical.bytes(tree), "through a Jackson tree");
    }

    @Property
    void numbersRoundTripInTheirCanonicalForm(@ForAll double x) {
        if (!Double.isFinite(x)) {
            return;
        }
        assertEquals(x == 0 ? 0.0 : x, Double.parseDouble(Canonical.number(x)));
    }

    @Test
    void signingKeyReproducesTheGoSignedNoteVector() throws IOException {
        JsonNode v = Canonical.MAPPER.readTree(data().resolve("transparency/signed_note_ed25519_vectors.json").toFile())
                .get("vectors").get(0);
        SigningKey k = SigningKey.parse(v.get("skey").asText(), "vector");
        assertEquals(v.get("vkey").asText(), k.verifier().toString());
        assertEquals(v.get("skey").asText(), k.toString());
        String note = v.get("signed_note").asText();
        String sigLine = note.substring(note.lastIndexOf("— ") + 2).trim().split(" ")[1];
        byte[] blob = Base64.getDecoder().decode(sigLine);
        byte[] sig = Arrays.copyOfRange(blob, 4, blob.length);
        byte[] text = v.get("text").asText().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(sig, k.sign(text), "Ed25519 is deterministic");
        assertTrue(k.verifier().verify(text, sig));
        sig[10] ^= 1;
        assertFalse(k.verifier().verify(text, sig));
        assertEquals(HexFormat.of().parseHex(v.get("public_key_hex").asText()).length, k.verifier().key().length);
    }

    @Test
    void verifierKeysParseAndCheckTheirId() {
        String vkey = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
        assertEquals(vkey, VerifierKey.parse(vkey).toString());
        assertThrows(RecordException.class, () -> VerifierKey.parse("example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"));
        assertThrows(RecordException.class, () -> VerifierKey.parse("nonsense"));
    }

    @Test
    void keyFilesAreWrittenPrivateAndNeverOverwritten(@TempDir Path tmp) throws IOException {
        SigningKey k = SigningKey.generate("council-north");
        Path f = tmp.resolve("k.key");
        k.write(f);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(k.verifier(), SigningKey.read(f).verifier());
        assertThrows(RecordException.class, () -> SigningKey.generate("x").write(f));
        assertEquals(k.toString(), SigningKey.read(f).toString());
    }
}
