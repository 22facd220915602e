package org.gosplan.ledger.witness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.LedgerException;

/**
 * Two checkpoints of one log, both signed by it, that no consistency proof can join: the same size
 * with different roots, or a newer one whose proof from the one the witness had cosigned failed.
 * Both notes are given in full, so that anyone can check the log's signatures on each.
 */
public record SplitView(String origin, String kind, String reason, long time, String cosignedNote,
        String refusedNote) {
    /** The same size with two roots: a fork beyond doubt. */
    public static final String SAME_SIZE = "same-size";
    /** A proof from the cosigned checkpoint to the refused one failed. */
    public static final String PROOF_FAILED = "proof-failed";

    static List<SplitView> find(List<Checkpoint> history, List<Evidence> evidence) {
        Map<String, TreeMap<Long, Checkpoint>> cosigned = new HashMap<>();
        for (Checkpoint c : history) {
            cosigned.computeIfAbsent(c.origin(), o -> new TreeMap<>()).put(c.size(), c);
        }
        List<SplitView> out = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (Evidence e : evidence) {
            Checkpoint refused;
            try {
                refused = Checkpoint.parse(e.refusedNote());
            } catch (LedgerException x) {
                continue; // only checkpoints the log signed are kept, so this cannot be one
            }
            Checkpoint same = cosigned.getOrDefault(refused.origin(), new TreeMap<>()).get(refused.size());
            SplitView v = null;
            if (same != null && !Arrays.equals(same.root(), refused.root())) {
                v = new SplitView(refused.origin(), SAME_SIZE, "two roots for size " + refused.size(), e.time(),
                        same.toString(), refused.toString());
            } else if (e.status() == 422 && e.cosigned().isPresent()
                    && e.reason().startsWith("the consistency proof")) {
                v = new SplitView(refused.origin(), PROOF_FAILED, e.reason(), e.time(), e.cosigned().get(),
                        refused.toString());
            }
            // A forking log is often refused twice with one checkpoint (409 naming the size, then 422 when
            // sent from it): two files of evidence, one split view.
            if (v != null && pairs.add(v.cosignedNote() + "\n" + v.refusedNote())) {
                out.add(v);
            }
        }
        return out;
    }
}
