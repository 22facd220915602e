package org.gosplan.record;

import java.io.IOException;
import java.util.HexFormat;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.NoteVerifier;

/** The ledger's transparency log as the record's entry log. */
final class LedgerEntryLog implements EntryLog {
    private final Log log;

    LedgerEntryLog(Log log) {
        this.log = log;
    }

    @Override
    public long size() {
        return log.size();
    }

    @Override
    public byte[] entry(long index) throws IOException {
        return log.entry(index);
    }

    @Override
    public byte[][] entries(long from, int count) throws IOException {
        return log.entries(from, count);
    }

    @Override
    public byte[][] leafHashes(long from, int count) throws IOException {
        return log.leafHashes(from, count);
    }

    @Override
    public byte[] rangeRoot(long from, int count) throws IOException {
        return log.rangeRoot(from, count);
    }

    @Override
    public long append(byte[] entry, Condition condition) throws IOException {
        return log.append(entry, condition::check);
    }

    @Override
    public long appendInOrder(byte[] entry, Condition condition) throws IOException {
        return log.appendInOrder(entry, condition::check);
    }

    @Override
    public long epoch() {
        return log.epoch();
    }

    @Override
    public long appendAll(java.util.List<byte[]> entries, Condition condition) throws IOException {
        return log.append(entries, condition::check).first();
    }

    @Override
    public String root(long size) throws IOException {
        return HexFormat.of().formatHex(log.root(size));
    }

    @Override
    public NoteVerifier key() {
        return log.verifierKey();
    }

    @Override
    public NoteSigner signingKey() throws IOException {
        return log.signingKey();
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
