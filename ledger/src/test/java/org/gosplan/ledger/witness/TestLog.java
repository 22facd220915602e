package org.gosplan.ledger.witness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.MerkleTree;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.SignedNote;

/** A log held in memory that writes add-checkpoint requests as a client of a witness would, by hand. */
final class TestLog {
    final NoteSigner key;
    final List<byte[]> entries = new ArrayList<>();

    TestLog(String origin, int seed) {
        byte[] s = new byte[32];
        s[0] = (byte) seed;
        key = NoteSigner.fromSeed(origin, s);
    }

    TestLog append(String... data) {
        for (String d : data) {
            entries.add(d.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** A copy with the same key and the first {@code n} entries: a fork when it grows differently. */
    TestLog fork(int n) {
        TestLog f = new TestLog(key.name(), 0);
        f.entries.addAll(entries.subList(0, n));
        return new TestLog(key, f.entries);
    }

    private TestLog(NoteSigner key, List<byte[]> entries) {
        this.key = key;
        this.entries.addAll(entries);
    }

    MerkleTree tree() {
        return MerkleTree.ofLeaves(entries);
    }

    String checkpoint(long size) {
        return SignedNote.sign(Checkpoint.text(key.name(), size, tree().root(size)), key).toString();
    }

    /** The request from {@code old} to the current size. */
    String request(long old) {
        return request(old, entries.size());
    }

    String request(long old, long size) {
        return Witness.requestBody(old, old > 0 && old < size ? tree().consistencyProof(old, size) : List.of(),
                checkpoint(size));
    }
}
