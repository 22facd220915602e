package org.gosplan.server.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.SignedNote;
import org.gosplan.ledger.witness.Witness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every status of add-checkpoint, from a client over loopback HTTP. */
class WitnessServerTest {
    static final Cosigner W = Cosigner.fromSeed("witness.example/w1", new byte[32]);
    static final NoteSigner LOG = NoteSigner.fromSeed("example.org/log", new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32});

    @TempDir
    Path dir;

    @Test
    void everyStatusCodeOverHttp() throws Exception {
        Branch log = new Branch(LOG, 8, 8, "log");
        Branch fork = new Branch(LOG, 3, 8, "fork");
        Branch impostor = new Branch(NoteSigner.fromSeed("example.org/log", new byte[32]), 8, 8, "log");
        Branch stranger = new Branch(NoteSigner.fromSeed("example.org/other", new byte[32]), 8, 8, "other");
        try (Witness w = Witness.open(dir, W, List.of(LOG.verifier()));
             WitnessServer s = WitnessServer.start(w, "127.0.0.1", 0)) {
            Client c = new Client(s.port());
            assertEquals(400, c.add("old x\n\n" + log.checkpoint(4)).statusCode());
            assertEquals(404, c.add(stranger.request(0, 4)).statusCode());
            assertEquals(403, c.add(impostor.request(0, 4)).statusCode());
            assertEquals(400, c.add(log.request(0, 4).replace("old 0", "old 5")).statusCode());

            HttpResponse<String> ok = c.add(log.request(0, 4));
            assertEquals(200, ok.statusCode(), ok.body());
            SignedNote cosigned = SignedNote.parse(log.checkpoint(4) + ok.body());
            assertTrue(W.verifier().verify(cosigned).getAsLong() > 1_700_000_000L, "a timestamp of now, not zero");

            HttpResponse<String> stale = c.add(log.request(0, 6));
            assertEquals(409, stale.statusCode());
            assertEquals("4\n", stale.body());
            assertEquals("text/x.tlog.size", stale.headers().firstValue("Content-Type").orElse(""));

            assertEquals(422, c.add(fork.request(4, 6)).statusCode(), "the fork's proof from 4 fails");
            assertEquals(422, c.add(fork.request(4, 4)).statusCode(), "size 4 with the fork's root");
            assertEquals(200, c.add(log.request(4, 6)).statusCode());

            // the monitoring view: the latest cosigned checkpoint under the origin's SHA-256
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest("example.org/log".getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> latest = c.get("/" + hash + "/checkpoint");
            assertEquals(200, latest.statusCode());
            String six = "example.org/log\n6\n" + Base64.getEncoder().encodeToString(log.root(6));
            assertTrue(latest.body().startsWith(six), latest.body());
            SignedNote.parse(latest.body()).verify(LOG.verifier());
            assertTrue(W.verifier().verify(SignedNote.parse(latest.body())).isPresent());
            assertEquals(404, c.get("/" + "0".repeat(64) + "/checkpoint").statusCode());
            // a client that joins a submission prefix ending in '/' to "/add-checkpoint"
            HttpResponse<String> doubled = c.post("//add-checkpoint", log.request(6, 6));
            assertEquals(200, doubled.statusCode(), doubled.body());
        }
        assertEquals(2, Witness.splitViews(dir).size());
        try (var files = Files.list(dir.resolve("evidence"))) {
            assertEquals(3, files.count(), "the 409 and both 422s, each signed by the log");
        }
    }

    @Test
    void theSpecsExampleRequestIsReadAndItsLogRefusedAsUnknown() throws Exception {
        // tlog-witness's example body, whole: a well-formed request for a log this witness does not know
        String body = "old 20852014\n"
                + "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n"
                + "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n"
                + "5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=\n"
                + "/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=\n"
                + "\n"
                + "example.com/behind-the-sofa\n"
                + "20852163\n"
                + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
                + "\n"
                + "\u2014 example.com/behind-the-sofa "
                + "Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
                + "\u2014 example.com/behind-the-sofa "
                + "opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=\n";
        try (Witness w = Witness.open(dir, W, List.of(LOG.verifier()));
             WitnessServer s = WitnessServer.start(w, "127.0.0.1", 0)) {
            HttpResponse<String> r = new Client(s.port()).add(body);
            assertEquals(404, r.statusCode(), r.body());
            assertTrue(r.body().contains("example.com/behind-the-sofa"), r.body());
        }
    }
}
