package org.gosplan.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Cosignature/v1 against a vector computed by a second implementation from the C2SP
 * tlog-cosignature text: Python's pyca/cryptography Ed25519 over the message built by hand
 * ({@code "cosignature/v1\ntime 1679315147\n" + body}), key id {@code SHA-256(name || "\n" || 0x04 || key)[:4]},
 * seed 00 01 .. 1f; the body and timestamp are the spec's own example.
 */
class CosignatureTest {
    static final byte[] SEED = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            SEED[i] = (byte) i;
        }
    }

    static final String NAME = "witness.example.org/w1";
    static final String VKEY = "witness.example.org/w1+cfcd1a67+BAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4";
    static final String BODY = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    static final long TIME = 1679315147L;
    static final String LINE = "\u2014 witness.example.org/w1 z80aZwAAAABkGFDLBuRDazBLVac2NE+Y+IjbjQOcXLfF9CSDZVUIoS83rE1nFZsVE8YiWV6Ngr7lV8H6bdoBQGP/l73euDMQ9k+bBQ==";

    @Test
    void witnessKeyAndCosignatureMatchTheSecondImplementation() {
        Cosigner w = Cosigner.fromSeed(NAME, SEED);
        assertEquals(VKEY, w.verifier().toString());
        assertEquals(LINE, w.cosign(BODY, TIME).line());
        assertEquals(w.verifier(), CosignatureVerifier.parse(VKEY));
    }

    @Test
    void theSpecsTimestampBytesAreBigEndianSeconds() {
        // The spec's example line: key id jWbPPw==, then 00 00 00 00 64 18 50 cb = 1679315147.
        SignedNote.Signature s = Cosigner.fromSeed(NAME, SEED).cosign(BODY, TIME);
        assertEquals(0x64, s.signature()[4] & 0xff);
        assertEquals(0xcb, s.signature()[7] & 0xff);
    }

    @Test
    void aLogSignedNoteWithCosignaturesVerifiesForEachKnownWitnessAndIgnoresOthers() throws Exception {
        NoteSigner log = NoteSigner.fromSeed("example.com/behind-the-sofa", new byte[32]);
        SignedNote note = SignedNote.sign(BODY, log).with(Cosigner.fromSeed(NAME, SEED).cosign(BODY, TIME))
                .with(Cosigner.generate("other.example/w2").cosign(BODY, 5));
        SignedNote parsed = SignedNote.parse(note.toString());
        assertEquals(OptionalLong.of(TIME), CosignatureVerifier.parse(VKEY).verify(parsed));
        assertEquals(OptionalLong.empty(), Cosigner.generate("third.example/w3").verifier().verify(parsed));
        parsed.verify(log.verifier()); // the log's own check ignores cosignature lines
        assertTrue(parsed.toString().contains(LINE));
    }

    @Test
    void aCosignatureOverAnotherBodyOrTimeFails() {
        CosignatureVerifier v = CosignatureVerifier.parse(VKEY);
        String forked = BODY.replace("20852163", "20852164");
        SignedNote note = SignedNote.parse(forked + "\n" + LINE + "\n");
        assertThrows(ProofException.class, () -> v.verify(note));
        SignedNote.Signature s = Cosigner.fromSeed(NAME, SEED).cosign(BODY, TIME);
        byte[] b = s.signature();
        b[7]++; // one second later, same signature
        String retimed = new SignedNote.Signature(s.name(), s.keyId(), b).line();
        assertThrows(ProofException.class, () -> v.verify(SignedNote.parse(BODY + "\n" + retimed + "\n")));
    }

    @Test
    void keysOfTheWrongTypeAreRefusedWithWhatToDo() {
        String logKey = NoteSigner.fromSeed(NAME, SEED).verifier().toString();
        LedgerException e = assertThrows(LedgerException.class, () -> CosignatureVerifier.parse(logKey));
        assertTrue(e.getMessage().contains("--witness"), e.getMessage());
        assertThrows(LedgerException.class, () -> CosignatureVerifier.parse(VKEY.replace("cfcd1a67", "cfcd1a68")));
        String signer = Cosigner.fromSeed(NAME, SEED).toString();
        assertEquals(VKEY, Cosigner.parse(signer, "w.key").verifier().toString());
        assertThrows(LedgerException.class, () -> NoteSigner.parse(signer, "w.key"));
        assertThrows(LedgerException.class, () -> Cosigner.parse(NoteSigner.fromSeed(NAME, SEED).toString(), "log.key"));
    }

    @Test
    void sixteenCosignaturesAreAccepted() throws Exception {
        NoteSigner log = NoteSigner.fromSeed("example.com/behind-the-sofa", new byte[32]);
        SignedNote note = SignedNote.sign(BODY, log);
        Cosigner[] ws = new Cosigner[16];
        for (int i = 0; i < ws.length; i++) {
            ws[i] = Cosigner.generate("w" + i + ".example");
            note = note.with(ws[i].cosign(BODY, 1000 + i));
        }
        SignedNote parsed = SignedNote.parse(note.toString());
        for (int i = 0; i < ws.length; i++) {
            assertEquals(OptionalLong.of(1000 + i), ws[i].verifier().verify(parsed));
        }
    }
}
