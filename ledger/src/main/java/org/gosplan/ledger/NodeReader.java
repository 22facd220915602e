package org.gosplan.ledger;

import java.io.IOException;

/** Reads the hashes of perfect subtrees ("nodes") of a stored or in-memory tree. */
interface NodeReader {
    /**
     * The hash of each node {@code (levels[i], indices[i])}: the root of the perfect subtree over
     * leaves {@code [indices[i] << levels[i], (indices[i] + 1) << levels[i])}, which must lie wholly
     * within the tree. Asked for all the nodes of a proof at once so a database can answer in one
     * round trip.
     */
    byte[][] nodes(int[] levels, long[] indices) throws IOException;
}
