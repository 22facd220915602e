package org.gosplan.record;

import org.gosplan.ledger.NoteVerifier;

/**
 * A registered key and what it may do.
 *
 * @param index the log index of its {@code member.registered} event, -1 for the log's own key
 */
public record Member(NoteVerifier key, Role role, long index) {}
