package org.gosplan.record;

/**
 * A registered key and what it may do.
 *
 * @param index the log index of its {@code member.registered} event, -1 for the log's own key
 */
public record Member(VerifierKey key, Role role, long index) {}
