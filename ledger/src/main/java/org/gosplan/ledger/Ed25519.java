package org.gosplan.ledger;

/**
 * Ed25519 (RFC 8032) on raw 32-byte seeds and public keys, as signed notes and cosignatures write
 * them, by Bouncy Castle's implementation of the RFC: an order of magnitude faster than the JDK
 * 17 provider, which bounded how many signed events a second the record could check.
 */
final class Ed25519 {
    private Ed25519() {
    }

    /** A private key: its 32-byte seed. */
    static final class Private {
        private final byte[] seed;

        private Private(byte[] seed) {
            this.seed = seed.clone();
        }
    }

    /** A public key: 32 bytes that decode to a point of the curve. */
    static final class Public {
        private final byte[] raw;

        private Public(byte[] raw) {
            this.raw = raw.clone();
        }
    }

    static {
        org.bouncycastle.math.ec.rfc8032.Ed25519.precompute();
    }

    static Private privateKey(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        return new Private(seed);
    }

    /** The raw 32-byte public key of a seed. */
    static byte[] publicKey(byte[] seed) {
        byte[] pk = new byte[32];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, pk, 0);
        return pk;
    }

    static Public publicKeyOf(byte[] raw) {
        if (raw.length != 32 || !org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartial(raw, 0)) {
            throw new LedgerException("not an Ed25519 public key: " + raw.length + " bytes that are not a point of"
                    + " the curve");
        }
        return new Public(raw);
    }

    static byte[] sign(Private key, byte[] message) {
        byte[] sig = new byte[64];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(key.seed, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    static boolean verify(Public key, byte[] message, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, key.raw, 0, message, 0, message.length);
    }
}
