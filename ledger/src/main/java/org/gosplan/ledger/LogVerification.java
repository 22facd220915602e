package org.gosplan.ledger;

import java.util.List;

/**
 * What {@code verify} found: valid when no problem was found. Problems are in the order found,
 * storage structure first, then entries by index, then kept hashes, then checkpoints; each names
 * the place ({@code where}: "entry 17", "hash level 8 index 3", "checkpoint 2 (size 40)", a file).
 */
public record LogVerification(long size, long entries, long hashes, int checkpoints, List<Problem> problems) {
    /** One thing that does not hold. */
    public record Problem(String where, String message) {
        @Override
        public String toString() {
            return where + ": " + message;
        }
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
