package org.gosplan.record;

final class SnapshotTestSeeds {
    private SnapshotTestSeeds() {}

    static byte[] seed(int b) {
        byte[] s = new byte[32];
        s[0] = (byte) b;
        return s;
    }
}
