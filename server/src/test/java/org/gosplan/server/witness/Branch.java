package org.gosplan.server.witness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.MerkleTree;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.SignedNote;
import org.gosplan.ledger.witness.Witness;

/** One history of a log in memory (the log's own, or a fork signed with the same key). */
final class Branch {
    final NoteSigner key;
    private final MerkleTree tree;

    /** The first {@code shared} entries are common to every branch; the rest are named after {@code tag}. */
    Branch(NoteSigner key, int shared, int size, String tag) {
        this.key = key;
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add((i < shared ? "entry " + i : tag + " " + i).getBytes(StandardCharsets.UTF_8));
        }
        tree = MerkleTree.ofLeaves(entries);
    }

    byte[] root(long size) {
        return tree.root(size);
    }

    String checkpoint(long size) {
        return SignedNote.sign(Checkpoint.text(key.name(), size, tree.root(size)), key).toString();
    }

    String request(long old, long size) {
        return Witness.requestBody(old, old > 0 && old < size ? tree.consistencyProof(old, size) : List.of(),
                checkpoint(size));
    }
}
