package org.gosplan.record;

/**
 * A ballot as the record knows it: who may vote in it, who opened it and whether it is closed.
 * Enough to refuse a vote from outside its electorate or after its close, and a close by someone
 * else than its opener or an operator; what a vote may say (its options, its kind) is the
 * council's to check.
 *
 * @param index      the log index of its {@code ballot.opened} event
 * @param electorate who may vote, as it stood at {@code index}
 * @param opener     the signer who opened it
 * @param closed     the log index of its {@code ballot.closed} event, -1 while open
 */
public record Ballot(long index, Electorate electorate, String opener, long closed) {
    public boolean isClosed() {
        return closed >= 0;
    }
}
