package org.gosplan.record;

import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.NoteVerifier;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** An in-memory EntryLog for tests, with RFC 9162 tree hashes computed directly from the definition. */
final class MemoryLog implements EntryLog {
    final List<byte[]> entries = new ArrayList<>();
    final NoteSigner key;

    MemoryLog(NoteSigner key) {
        this.key = key;
    }

    @Override
    public long size() {
        return entries.size();
    }

    @Override
    public byte[] entry(long index) {
        return entries.get((int) index).clone();
    }

    @Override
    public synchronized long append(byte[] entry, Condition condition) throws java.io.IOException {
        condition.check(entries.size());
        entries.add(entry.clone());
        return entries.size() - 1;
    }

    @Override
    public String root(long size) {
        return HexFormat.of().formatHex(mth(0, (int) size));
    }

    private byte[] mth(int from, int to) {
        var d = Canonical.digest();
        if (to == from) {
            return d.digest();
        }
        if (to - from == 1) {
            d.update((byte) 0);
            d.update(entries.get(from));
            return d.digest();
        }
        int k = Integer.highestOneBit(to - from - 1);
        byte[] l = mth(from, from + k);
        byte[] r = mth(from + k, to);
        d.update((byte) 1);
        d.update(l);
        d.update(r);
        return d.digest();
    }

    @Override
    public NoteVerifier key() {
        return key.verifier();
    }

    @Override
    public NoteSigner signingKey() {
        return key;
    }

    @Override
    public void close() {
    }
}
