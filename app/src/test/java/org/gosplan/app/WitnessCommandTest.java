package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.MerkleTree;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.SignedNote;
import org.gosplan.ledger.witness.Witness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** witness evidence prints the split views a witness caught, with both signed notes; witness serve's bad input. */
class WitnessCommandTest {
    static final NoteSigner LOG = NoteSigner.fromSeed("example.org/log", new byte[32]);

    @TempDir
    Path tmp;

    private static MerkleTree tree(String... entries) {
        List<byte[]> leaves = new ArrayList<>();
        for (String e : entries) {
            leaves.add(e.getBytes(StandardCharsets.UTF_8));
        }
        return MerkleTree.ofLeaves(leaves);
    }

    private static byte[] request(MerkleTree t, long old) {
        long n = t.size();
        String note = SignedNote.sign(Checkpoint.text(LOG.name(), n, t.root(n)), LOG).toString();
        return Witness.requestBody(old, old == 0 || old == n ? List.of() : t.consistencyProof(old, n), note)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void evidencePrintsBothNotesOfASplitViewAndExitsOne() throws Exception {
        Path state = tmp.resolve("w1");
        try (Witness w = Witness.open(state, Cosigner.fromSeed("witness.example/w1", new byte[32]),
                List.of(LOG.verifier()))) {
            assertEquals(200, w.addCheckpoint(request(tree("a", "b", "c"), 0)).status());
            assertEquals(422, w.addCheckpoint(request(tree("a", "b", "X"), 3)).status());
        }
        CliRun none = CliRun.of("witness", "evidence", "--state", tmp.resolve("w2").toString());
        assertEquals(2, none.exit(), none.err());
        CliRun r = CliRun.of("witness", "evidence", "--state", state.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().startsWith("split view of example.org/log (same-size): two roots for size 3"), r.out());
        String root = java.util.Base64.getEncoder().encodeToString(tree("a", "b", "X").root(3));
        assertTrue(r.out().contains("-- the checkpoint it refused, signed by the same log:\nexample.org/log\n3\n" + root
                + "\n\n\u2014 example.org/log "), r.out());
        assertTrue(r.out().contains("\u2014 witness.example/w1 "), "the cosigned note has the witness's line");

        JsonNode doc = JsonOutputTest.oneDocument(CliRun.of("witness", "evidence", "--state", state.toString(),
                "--json"));
        assertEquals(1, doc.get("evidence").asInt());
        JsonNode v = doc.get("splitViews").get(0);
        assertEquals("example.org/log", v.get("origin").asText());
        SignedNote.parse(v.get("refused").asText()).verify(LOG.verifier());
        SignedNote.parse(v.get("cosigned").asText()).verify(LOG.verifier());
        assertTrue(v.get("refused").asText().contains(root));
    }

    @Test
    void serveRefusesANoteKeyAndABadListenAddress() throws Exception {
        Path logKey = tmp.resolve("log.key");
        assertEquals(0, CliRun.of("key", "new", logKey.toString(), "--name", "example.org/log").exit());
        String vkey = CliRun.of("key", "show", logKey.toString()).out().strip();
        CliRun r = CliRun.of("witness", "serve", "--state", tmp.resolve("s").toString(), "--key", logKey.toString(),
                "--log", vkey);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--witness"), r.err());
        Path wKey = tmp.resolve("w.key");
        assertEquals(0, CliRun.of("key", "new", wKey.toString(), "--name", "w", "--witness").exit());
        r = CliRun.of("witness", "serve", "--state", tmp.resolve("s").toString(), "--key", wKey.toString(),
                "--log", vkey, "--listen", "nowhere");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("HOST:PORT"), r.err());
        r = CliRun.of("witness", "serve", "--state", tmp.resolve("s").toString(), "--key", wKey.toString(),
                "--log", "not-a-key");
        assertEquals(2, r.exit(), r.err());
    }
}
