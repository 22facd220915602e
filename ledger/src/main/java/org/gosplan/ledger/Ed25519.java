package org.gosplan.ledger;

/**
 * Ed25519 (RFC 8032) on raw 32-byte seeds and public keys, as signed notes and cosignatures write
 * them, by Bouncy Castle's low-level rfc8032 code: about five times faster than the JDK 17
 * provider here (0.3-1 ms against 2-4 ms a signature on the shared build machine), which a witness
 * answering thousands of requests a second, each a verification and a signature, needs.
 */
final class Ed25519 {
    private Ed25519() {
    }

    /**
     * A public key decoded once for many verifications, at the first: decoding the point costs a
     * field square root (tens of microseconds), which a record of a million members, most of whose
     * keys are never checked in a given process (an opening that trusts earlier verdicts), need not
     * pay for each.
     */
    static final class PublicKey {
        final byte[] raw;
        private volatile org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point;
        private volatile boolean decoded;

        PublicKey(byte[] raw) {
            this.raw = raw.clone();
        }

        /** The point; null when the 32 bytes are not one. */
        org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point() {
            if (!decoded) {
                point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartialExport(raw, 0);
                decoded = true;
            }
            return point;
        }
    }

    /** A signing key: the seed and its public key, which signing needs and need not recompute. */
    static final class PrivateKey {
        final byte[] seed;
        final byte[] publicKey;

        PrivateKey(byte[] seed) {
            this.seed = seed.clone();
            this.publicKey = new byte[32];
            org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(this.seed, 0, publicKey, 0);
        }
    }

    static PrivateKey privateKey(byte[] seed) {
        return new PrivateKey(seed);
    }

    /** The raw 32-byte public key of a seed. */
    static byte[] publicKey(byte[] seed) {
        return new PrivateKey(seed).publicKey.clone();
    }

    static PublicKey publicKeyOf(byte[] raw) {
        if (raw.length != 32) {
            throw new LedgerException("not an Ed25519 public key: " + raw.length + " bytes, not 32");
        }
        return new PublicKey(raw);
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        byte[] sig = new byte[64];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(key.seed, 0, key.publicKey, 0, message, 0, message.length, sig,
                0);
        return sig;
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        var point = signature.length != 64 ? null : key.point();
        if (point == null) {
            return false;
        }
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, point, message, 0, message.length);
    }
}
