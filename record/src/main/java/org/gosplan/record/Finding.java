package org.gosplan.record;

/**
 * A finding filed by an inspector on an inspection's drawn panel.
 *
 * @param index      the log index of its {@code finding.filed} event
 * @param inspection the log index of the inspection it belongs to
 * @param signer     the inspector who filed it
 * @param content    the content hash of its finding file
 */
public record Finding(long index, long inspection, String signer, String content) {}
