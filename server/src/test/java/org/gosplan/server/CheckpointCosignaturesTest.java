package org.gosplan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /checkpoint} serves the cosignatures a witness added after the checkpoint was first
 * served; the cosignature is checked here as C2SP tlog-cosignature writes it, with the JDK's own
 * Ed25519 (none of the ledger's verifying code).
 */
class CheckpointCosignaturesTest {
    @TempDir
    Path dir;

    @Test
    void cosignaturesStoredAfterTheCheckpointWasServedAreServed() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            String before = new String(f.get("/checkpoint").body(), StandardCharsets.UTF_8);
            Checkpoint cp = Checkpoint.parse(before);
            Cosigner witness = Cosigner.fromSeed("witness.example/w1", Fixture.seed(9));
            long time = 1_767_225_600L;
            SignedNote.Signature line = witness.cosign(cp.note().text(), time);
            f.log.addCosignatures(Checkpoint.parse(cp.note().with(line).toString())).orElseThrow();

            String served = before;
            // The server reads the stored checkpoint again at most a second after it last did.
            for (int i = 0; i < 50 && served.equals(before); i++) {
                Thread.sleep(100);
                served = new String(f.get("/checkpoint").body(), StandardCharsets.UTF_8);
            }
            assertTrue(served.startsWith(cp.note().text() + "\n"), "the same checkpoint body:\n" + served);
            String[] lines = served.substring(cp.note().text().length() + 1).split("\n");
            assertEquals(2, lines.length, "the log's signature, then the witness's:\n" + served);
            assertTrue(lines[0].startsWith("\u2014 " + Fixture.ORIGIN + " "), lines[0]);
            String prefix = "\u2014 witness.example/w1 ";
            assertTrue(lines[1].startsWith(prefix), lines[1]);
            byte[] sig = Base64.getDecoder().decode(lines[1].substring(prefix.length()));
            assertEquals(4 + 8 + 64, sig.length, "key id, timestamp, Ed25519 signature");
            long t = 0;
            for (int i = 4; i < 12; i++) {
                t = t << 8 | (sig[i] & 0xff);
            }
            assertEquals(time, t);
            byte[] message = ("cosignature/v1\ntime " + t + "\n" + cp.note().text()).getBytes(StandardCharsets.UTF_8);
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(jdkKey(witness.verifier().toString()));
            v.update(message);
            assertTrue(v.verify(Arrays.copyOfRange(sig, 12, sig.length)), "the served cosignature verifies");
        }
    }

    /** A vkey {@code name+id+base64(0x04 || key)} as a JDK public key (RFC 8410's fixed X.509 prefix). */
    private static java.security.PublicKey jdkKey(String vkey) throws Exception {
        byte[] raw = Base64.getDecoder().decode(vkey.substring(vkey.lastIndexOf('+') + 1));
        assertEquals(4, raw[0], "cosignature/v1 keys have type 0x04");
        byte[] der = new byte[44];
        byte[] head = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        System.arraycopy(head, 0, der, 0, 12);
        System.arraycopy(raw, 1, der, 12, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }
}
