package org.gosplan.record;

import org.gosplan.ledger.NoteSigner;

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
    /** The repository's copy of the shared data ({@code testdata/data}, see its README). */
    static Path data() {
        String prop = System.getProperty("gosplan.shared");
        return (prop != null ? Paths.get(prop) : Paths.get("../testdata")).resolve("data");
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

    /**
     * The entry bytes made from the signed bytes by putting "sig" in its place are the bytes of
     * canonicalising the whole event, whatever the body holds (keys named signer and sig, the
     * text ,"signer":" inside strings, quotes, Unicode, numbers) and whatever the signature is.
     */
    @Property(tries = 300)
    void entryBytesFromTheSignedBytesAreTheCanonicalEntry(@ForAll String text, @ForAll String key,
                                                           @ForAll double number, @ForAll boolean base64Sig,
                                                           @ForAll String otherSig) {
        com.fasterxml.jackson.databind.node.ObjectNode body = Canonical.MAPPER.createObjectNode();
        body.put("approve", text);
        body.put(key, ",\"signer\":\"" + text);
        body.putObject("inner").put("signer", text).put("sig", key).put("z", Double.isFinite(number) ? number : 1);
        body.putArray("list").add(text).add(",\"signer\":\"x\"}");
        NoteSigner k = Keys.generate("voter-" + Math.abs(text.hashCode() % 1000));
        Event signed = Event.sign("vote.cast", body, k, java.time.Instant.EPOCH);
        Event e = base64Sig ? signed
                : new Event(signed.v(), signed.type(), signed.time(), signed.signer(), signed.body(), otherSig);
        byte[][] both = e.signedAndEntryBytes();
        assertArrayEquals(e.signedBytes(), both[0]);
        assertArrayEquals(Canonical.bytes(e.toJson()), both[1]);
        assertArrayEquals(e.entryBytes(), both[1]);
    }

    @Test
    void keyFilesAreWrittenPrivateAndNeverOverwritten(@TempDir Path tmp) throws IOException {
        NoteSigner k = Keys.generate("council-north");
        Path f = tmp.resolve("k.key");
        Keys.write(k, f);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(k.verifier(), Keys.read(f).verifier());
        assertThrows(RecordException.class, () -> Keys.generate("a b"));
        assertThrows(RecordException.class, () -> Keys.parseVerifier("nonsense"));
        assertThrows(RecordException.class, () -> Keys.write(Keys.generate("x"), f));
        assertEquals(k.toString(), Keys.read(f).toString());
    }
}
