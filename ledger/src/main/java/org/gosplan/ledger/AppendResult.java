package org.gosplan.ledger;

/** Where appended entries went: indices {@code [first, first + count)}, and the tree they made (size and root). */
public record AppendResult(long first, long count, long size, byte[] root) {}
