package org.gosplan.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Witness keys and cosignature lines against vectors published by a second implementation:
 * transparency-dev/formats {@code note/note_cosigv1_test.go} (Go, Apache-2.0; its
 * TestCoSigV1NewVerifier keys and TestCoSigV1Timestamp line), read on 2026-12-07; and sigsum-go
 * {@code pkg/checkpoint/cosignature_test.go} and {@code signature_test.go} (Go, BSD-2-Clause; the
 * cosignature line of a witness key and the log key ID's definition), read on 2026-12-07.
 */
class CosignatureKeyVectorsTest {
    /** "works: native algEd25519CosignatureV1 verifier": a live witness's vkey of type 0x04. */
    static final String REMORA = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";
    /** "works: convert from algEd25519": a note key (type 0x01), which Gosplan takes only as a log key. */
    static final String TEST_LOG = "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6";

    @Test
    void aPublishedWitnessKeyParsesAndItsKeyIdIsRecomputed() {
        CosignatureVerifier v = CosignatureVerifier.parse(REMORA);
        assertEquals("remora.n621.de", v.name());
        assertEquals("da77ade7", v.keyIdHex());
        assertEquals(REMORA, v.toString());
        // the same key with any other id is refused: the id is computed, not trusted
        assertThrows(LedgerException.class, () -> CosignatureVerifier.parse(REMORA.replace("da77ade7", "00000000")));
    }

    @Test
    void aPublishedNoteKeyIsALogKeyNotAWitnessKey() {
        assertEquals("7997405c", NoteVerifier.parse(TEST_LOG).keyIdHex());
        assertThrows(LedgerException.class, () -> CosignatureVerifier.parse(TEST_LOG));
    }

    @Test
    void malformedKeysOfThePublishedTableAreRefused() {
        for (String bad : new String[] {"bananas.sigstore.dev+12344556",
                "rekor.sigstore.dev+12345678+THIS_IS_NOT_BASE64!", "rekor.sigstore.dev+12345678+AwEB",
                "rekor.sigstore.dev+NOT_A_NUMBER+" + REMORA.split("\\+")[2]}) {
            assertThrows(LedgerException.class, () -> CosignatureVerifier.parse(bad), bad);
        }
    }

    @Test
    void thePublishedCosignatureCarriesItsTimestampBigEndianAfterTheKeyId() {
        // TestCoSigV1Timestamp "works": 1727964367 seconds
        byte[] raw = Base64.getDecoder().decode("ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+"
                + "8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==");
        SignedNote note = SignedNote.parse("o\n1\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n\n\u2014 w "
                + Base64.getEncoder().encodeToString(raw) + "\n");
        SignedNote.Signature s = note.signatures().get(0);
        assertEquals(CosignatureVerifier.SIGNATURE_BYTES, s.signature().length);
        assertEquals(1727964367L, CosignatureVerifier.timestamp(s));
    }

    @Test
    void theWitnessSpecsExampleResponseIsThreeCosignatureLines() {
        // C2SP tlog-witness, add-checkpoint's example response body, appended to a checkpoint as a client does
        String response = "\u2014 witness.example/w1 CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39Qs"
                + "ZTSvVjyQLrdk3DXDqI5G2HgLatVs0pWh6Up69HVOw==\n"
                + "\u2014 witness.example/w1 I7rEps0pvK2UqkS2gSpVUDhrhVtQV9lgF6pRrWAvjJHjyWpW7VcE3SiOlVlbQNt64vWhO"
                + "+DlkL0+UfzuOBMh9ChdMkP1vi/lCAsmlw==\n"
                + "\u2014 witness.example/w2 AWui8Sk55XjYLOijihBjhqEH6nS1ndDymE0a+6idX7pLcnoB+dhnz0854aLZgrrKbYKA7"
                + "nC3HNJhm/kWl7oJlqU3rXXvpysAdyP3wQ==\n";
        String checkpoint = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
                + "\n\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2"
                + "q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";
        SignedNote n = SignedNote.parse(checkpoint + response);
        assertEquals(4, n.signatures().size());
        for (SignedNote.Signature s : n.signatures().subList(1, 4)) {
            assertEquals(CosignatureVerifier.SIGNATURE_BYTES, s.signature().length, s.line());
            assertEquals(s.line(), new SignedNote.Signature(s.name(), s.keyId(), s.signature()).line());
        }
        // a verifier of another witness.example/w1 key ignores lines whose key id is not its own
        assertEquals(java.util.OptionalLong.empty(), assertDoesNotThrowVerify(n));
    }

    private static java.util.OptionalLong assertDoesNotThrowVerify(SignedNote n) {
        try {
            return Cosigner.fromSeed("witness.example/w1", new byte[32]).verifier().verify(n);
        } catch (ProofException e) {
            throw new AssertionError("an unknown key's line was checked: " + e.getMessage());
        }
    }

    @Test
    void sigsumsCosignatureLineCarriesItsKeyIdTimestampAndSignatureInThatOrder() {
        // sigsum-go testCosignature: key id {117, 230, 157, 109}, timestamp 0xe79ff9d79a75ca1d, signature {253, 202, 29, 0...}
        SignedNote note = SignedNote.parse("o\n1\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n\n"
                // the rest of the 76 bytes (4 + 8 + 64) are zero: 82 'A's and the padding
                + "\u2014 example.org/witness-key deadbeef+deadcod/cod" + "A".repeat(82) + "==\n");
        SignedNote.Signature s = note.signatures().get(0);
        assertEquals("example.org/witness-key", s.name());
        assertEquals(0x75e69d6d, s.keyId());
        assertEquals(CosignatureVerifier.SIGNATURE_BYTES, s.signature().length);
        assertEquals(0xe79ff9d79a75ca1dL, CosignatureVerifier.timestamp(s));
        assertEquals((byte) 253, s.signature()[8]);
        assertEquals((byte) 202, s.signature()[9]);
        assertEquals((byte) 29, s.signature()[10]);
    }

    @Test
    void theKeyIdIsTheHashOfNameNewlineTypeAndKeyAsSigsumDefinesIt() throws Exception {
        // sigsum-go TestNewLogKeyId: SHA-256("example.org/log" || 0x0A || 0x01 || key)[:4] for a log key; a
        // witness key is the same with type 0x04 (tlog-cosignature). Recomputed here with the JDK's SHA-256.
        NoteSigner log = NoteSigner.fromSeed("example.org/log", new byte[32]);
        byte[] key = log.verifier().publicKey();
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update("example.org/log\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0x01);
        sha.update(key);
        assertEquals(java.util.HexFormat.of().formatHex(sha.digest(), 0, 4), log.verifier().keyIdHex());
        Cosigner w = Cosigner.fromSeed("example.org/witness-key", new byte[32]);
        sha.update("example.org/witness-key\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0x04);
        sha.update(key);
        assertEquals(java.util.HexFormat.of().formatHex(sha.digest(), 0, 4), w.verifier().keyIdHex());
    }
}
