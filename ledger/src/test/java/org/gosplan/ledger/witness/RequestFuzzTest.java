package org.gosplan.ledger.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gosplan.ledger.Cosigner;

/**
 * Bodies mangled at random never crash the witness, never change its state, and are answered
 * with a refusal: a request is cosigned only as a whole, valid and signed.
 */
class RequestFuzzTest {
    static Path dir;
    static Witness witness;
    static final TestLog LOG = new TestLog("example.org/log", 1).append("a", "b", "c", "d", "e");
    static final String VALID = LOG.request(0, 5);

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("witness-fuzz");
        witness = Witness.open(dir, Cosigner.fromSeed("w", new byte[32]), List.of(LOG.key.verifier()));
    }

    @AfterContainer
    static void close() throws IOException {
        witness.close();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> mangled() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        return Arbitraries.integers().between(0, valid.length - 1).list().ofMinSize(1).ofMaxSize(4)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] b = valid.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        b[positions.get(i)] = values.get(i);
                    }
                    return b;
                })).filter(b -> !new String(b, StandardCharsets.UTF_8).equals(VALID));
    }

    @Property(tries = 300)
    void aMangledRequestIsRefusedAndChangesNothing(@ForAll("mangled") byte[] body) throws IOException {
        Answer a = witness.addCheckpoint(body);
        // 409: the old size was changed to another; nothing else may pass
        assertTrue(Set.of(400, 403, 404, 409, 422).contains(a.status()), a.status() + " " + a.body());
        assertEquals(409, witness.addCheckpoint("old 1\n\n".concat(LOG.checkpoint(5)).getBytes(
                StandardCharsets.UTF_8)).status(), "the state stayed at 0");
    }

    @Property(tries = 300)
    void arbitraryBytesAreAMalformedRequest(@ForAll byte[] body) throws IOException {
        Answer a = witness.addCheckpoint(body);
        assertEquals(400, a.status(), a.body());
    }
}
