package org.gosplan.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every published vector in the shared transparency vectors (the repository copy in testdata/data/transparency). */
class PublishedVectorsTest {
    private static JsonNode rfc() throws IOException {
        return Shared.read(Shared.transparency().resolve("rfc6962_published_vectors.json"));
    }

    private static MerkleTree rfcTree() throws IOException {
        List<byte[]> leaves = Shared.hexList(rfc().get("leaves_hex"));
        return MerkleTree.ofLeaves(leaves);
    }

    @Test
    void hasherVectors() throws IOException {
        for (JsonNode v : rfc().get("hasher_vectors")) {
            byte[] want = Shared.hex(v.get("want").asText());
            switch (v.get("op").asText()) {
                case "emptyRoot" -> assertArrayEquals(want, Merkle.emptyRoot());
                case "leaf" -> assertArrayEquals(want, Merkle.leafHash(Shared.hex(v.get("input_hex").asText())));
                case "node" -> assertArrayEquals(want, Merkle.nodeHash(Shared.hex(v.get("left_hex").asText()),
                        Shared.hex(v.get("right_hex").asText())));
                default -> fail("unknown op " + v.get("op"));
            }
        }
    }

    @Test
    void rootOfEverySizeAndEveryNode() throws IOException {
        MerkleTree t = rfcTree();
        rfc().get("root_by_tree_size").fields().forEachRemaining(e -> assertEquals(e.getValue().asText(),
                Shared.hex(t.root(Long.parseLong(e.getKey()))), "root of size " + e.getKey()));
        JsonNode levels = rfc().get("node_hashes_by_level");
        for (int l = 0; l < levels.size(); l++) {
            for (int i = 0; i < levels.get(l).size(); i++) {
                assertEquals(levels.get(l).get(i).asText(), Shared.hex(t.rangeHash((long) i << l, (long) (i + 1) << l)),
                        "node " + l + "/" + i);
            }
        }
    }

    @Test
    void inclusionProofsAreGeneratedAndVerify() throws IOException, ProofException {
        MerkleTree t = rfcTree();
        for (JsonNode v : rfc().get("inclusion_proofs")) {
            long index = v.get("leafIndex").asLong();
            long size = v.get("treeSize").asLong();
            List<byte[]> want = Shared.hexList(v.get("proof"));
            assertProofs(want, t.inclusionProof(index, size));
            Proofs.verifyInclusion(Shared.hex(v.get("leafHash").asText()), index, size,
                    Shared.hex(v.get("root").asText()), want);
        }
    }

    @Test
    void consistencyProofsAreGeneratedAndVerify() throws IOException, ProofException {
        MerkleTree t = rfcTree();
        for (JsonNode v : rfc().get("consistency_proofs")) {
            long m = v.get("size1").asLong();
            long n = v.get("size2").asLong();
            List<byte[]> want = Shared.hexList(v.get("proof"));
            assertProofs(want, t.consistencyProof(m, n));
            Proofs.verifyConsistency(m, n, Shared.hex(v.get("root1").asText()), Shared.hex(v.get("root2").asText()), want);
        }
    }

    private static void assertProofs(List<byte[]> want, List<byte[]> got) {
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i), "element " + i);
        }
    }

    @Test
    void symbolicExamplesOfRfc6962() throws IOException {
        JsonNode s = Shared.read(Shared.transparency().resolve("rfc6962_symbolic_examples.json"));
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < s.get("tree_size").asInt(); i++) {
            leaves.add(("d" + i).getBytes(StandardCharsets.UTF_8));
        }
        MerkleTree t = MerkleTree.ofLeaves(leaves);
        long n = s.get("tree_size").asLong();
        for (JsonNode v : s.get("inclusion")) {
            checkRanges(t, t.inclusionProof(v.get("leafIndex").asLong(), n), v.get("ranges"));
        }
        for (JsonNode v : s.get("consistency")) {
            checkRanges(t, t.consistencyProof(v.get("size1").asLong(), v.get("size2").asLong()), v.get("ranges"));
        }
    }

    private static void checkRanges(MerkleTree t, List<byte[]> proof, JsonNode ranges) {
        assertEquals(ranges.size(), proof.size());
        for (int i = 0; i < ranges.size(); i++) {
            assertArrayEquals(t.rangeHash(ranges.get(i).get(0).asLong(), ranges.get(i).get(1).asLong()), proof.get(i));
        }
    }

    /** The transparency-dev/merkle golden probes: each must verify exactly when wantErr is false. */
    @TestFactory
    Stream<DynamicTest> transparencyDevProbes() throws IOException {
        Path root = Shared.transparency().resolve("transparency-dev-merkle/testdata");
        List<DynamicTest> tests = new ArrayList<>();
        for (String kind : new String[] {"inclusion", "consistency"}) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(root.resolve(kind))) {
                files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            assertTrue(files.size() >= 90, kind + ": only " + files.size() + " probes found");
            for (Path f : files) {
                String name = kind + "/" + root.resolve(kind).relativize(f);
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    JsonNode v = Shared.read(f);
                    boolean wantErr = v.get("wantErr").asBoolean();
                    String err = kind.equals("inclusion") ? inclusion(v) : consistency(v);
                    if (wantErr && err == null) {
                        fail(name + " (" + v.get("desc").asText() + ") verified but must not");
                    }
                    if (!wantErr && err != null) {
                        fail(name + " (" + v.get("desc").asText() + ") failed: " + err);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static String inclusion(JsonNode v) {
        try {
            Proofs.verifyInclusion(Shared.b64(v.get("leafHash")), v.get("leafIdx").asLong(), v.get("treeSize").asLong(),
                    Shared.b64(v.get("root")), Shared.b64List(v.get("proof")));
            return null;
        } catch (ProofException e) {
            return e.getMessage();
        }
    }

    private static String consistency(JsonNode v) {
        try {
            Proofs.verifyConsistency(v.get("size1").asLong(), v.get("size2").asLong(), Shared.b64(v.get("root1")),
                    Shared.b64(v.get("root2")), Shared.b64List(v.get("proof")));
            return null;
        } catch (ProofException e) {
            return e.getMessage();
        }
    }

    // ------------------------------------------------------------------ accumulated (rolling) vectors

    private static JsonNode mtc(String name) throws IOException {
        for (JsonNode v : Shared.read(Shared.transparency().resolve("mtc_accumulated_vectors.json")).get("vectors")) {
            if (v.get("name").asText().equals(name)) {
                return v;
            }
        }
        throw new IllegalStateException(name);
    }

    private static boolean validSubtree(long start, long end) {
        if (start == 0 || start == end) {
            return true;
        }
        long ceil = Long.highestOneBit(end - start);
        if (ceil < end - start) {
            ceil <<= 1;
        }
        return start % ceil == 0;
    }

    private static MerkleTree bytesTree() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            leaves.add(new byte[] {(byte) i});
        }
        return MerkleTree.ofLeaves(leaves);
    }

    /** Every root of sizes 0..130 and every valid subtree hash, rolled into one SHA-256. */
    @Test
    void accumulatedSubtreeHashes() throws IOException {
        MerkleTree t = bytesTree();
        MessageDigest d = Merkle.sha256();
        for (long end = 0; end <= 130; end++) {
            for (long start = 0; start <= end; start++) {
                if (validSubtree(start, end)) {
                    d.update(("[" + start + ", " + end + ") " + Shared.hex(t.rangeHash(start, end)) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(mtc("subtree_hash").get("want_sha256").asText(), Shared.hex(d.digest()));
    }

    /** Every inclusion proof of every leaf in every tree (and subtree) of up to 130 leaves. */
    @Test
    void accumulatedInclusionProofs() throws IOException {
        MerkleTree t = bytesTree();
        MessageDigest d = Merkle.sha256();
        for (long end = 0; end <= 130; end++) {
            for (long start = 0; start <= end; start++) {
                if (!validSubtree(start, end)) {
                    continue;
                }
                List<byte[]> sub = new ArrayList<>();
                for (long i = start; i < end; i++) {
                    sub.add(new byte[] {(byte) i});
                }
                MerkleTree s = MerkleTree.ofLeaves(sub);
                for (long index = start; index < end; index++) {
                    StringBuilder line = new StringBuilder().append(index).append(" [").append(start).append(", ")
                            .append(end).append(")");
                    for (byte[] h : s.inclusionProof(index - start, end - start)) {
                        line.append(' ').append(Shared.hex(h));
                    }
                    d.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(mtc("subtree_inclusion_proof").get("want_sha256").asText(), Shared.hex(d.digest()));
    }

    /** Generated consistency proofs for every 1 <= m < n <= 130 all verify (the rolled vector also covers MTC subtrees). */
    @Test
    void everyConsistencyProofUpTo130Verifies() throws ProofException {
        MerkleTree t = bytesTree();
        for (long n = 1; n <= 130; n++) {
            for (long m = 1; m <= n; m++) {
                Proofs.verifyConsistency(m, n, t.root(m), t.root(n), t.consistencyProof(m, n));
            }
            for (long i = 0; i < n; i++) {
                Proofs.verifyInclusion(t.leafHash(i), i, n, t.root(n), t.inclusionProof(i, n));
            }
        }
    }

    // ------------------------------------------------------------------ signed notes

    private static JsonNode notes() throws IOException {
        return Shared.read(Shared.transparency().resolve("signed_note_ed25519_vectors.json"));
    }

    @Test
    void signedNoteVectors() throws IOException, ProofException {
        JsonNode vs = notes().get("vectors");
        // Peter Neumann: the key, its id, the signer key, and a byte-exact re-signature.
        JsonNode pn = vs.get(0);
        NoteVerifier v = NoteVerifier.parse(pn.get("vkey").asText());
        assertEquals(pn.get("public_key_hex").asText(), Shared.hex(v.publicKey()));
        NoteSigner s = NoteSigner.parse(pn.get("skey").asText(), "vector");
        assertEquals(pn.get("vkey").asText(), s.verifier().toString());
        assertEquals(pn.get("skey").asText(), s.toString());
        assertEquals(pn.get("vkey").asText(),
                NoteSigner.fromSeed("PeterNeumann", Shared.hex(pn.get("seed_hex").asText())).verifier().toString());
        SignedNote signed = SignedNote.sign(pn.get("text").asText(), s);
        assertEquals(pn.get("signed_note").asText(), signed.toString());
        SignedNote parsed = SignedNote.parse(pn.get("signed_note").asText());
        assertEquals(pn.get("text").asText(), parsed.text());
        parsed.verify(v);

        // Enoch Root's signature of the same text, and its mangled form.
        JsonNode er = vs.get(1);
        NoteVerifier enoch = NoteVerifier.parse(er.get("vkey").asText());
        String two = pn.get("signed_note").asText() + er.get("signature_line").asText() + "\n";
        SignedNote both = SignedNote.parse(two);
        both.verify(enoch);
        both.verify(v, enoch);
        String bad = er.get("negative").asText().split(": ")[1];
        String mangled = pn.get("signed_note").asText() + "\u2014 EnochRoot " + bad + "\n";
        assertThrows(ProofException.class, () -> SignedNote.parse(mangled).verify(enoch));
        // Unknown keys are ignored, but someone known must sign.
        SignedNote.parse(mangled).verify(v);
        assertThrows(ProofException.class, () -> SignedNote.parse(pn.get("signed_note").asText()).verify(enoch));

        // The C2SP example.
        JsonNode c2 = vs.get(2);
        SignedNote.parse(c2.get("signed_note").asText()).verify(NoteVerifier.parse(c2.get("vkey").asText()));
    }

    @Test
    void badVerifierKeysAreRejected() throws IOException {
        for (JsonNode n : notes().get("negative_vkeys_from_go_tests")) {
            String k = n.asText();
            if (k.startsWith("every")) {
                continue;
            }
            String vkey = k.split(" ")[0];
            assertThrows(LedgerException.class, () -> NoteVerifier.parse(vkey), vkey);
        }
        String good = notes().get("vectors").get(0).get("vkey").asText();
        NoteVerifier.parse(good);
        for (int i = 0; i < good.length(); i++) {
            for (int j = i + 1; j <= good.length(); j++) {
                if (i == 0 && j == good.length()) {
                    continue;
                }
                String sub = good.substring(i, j);
                assertThrows(LedgerException.class, () -> NoteVerifier.parse(sub), sub);
            }
            char[] c = good.toCharArray();
            c[i]++;
            String mangled = new String(c);
            assertThrows(LedgerException.class, () -> NoteVerifier.parse(mangled), mangled);
        }
    }
}
