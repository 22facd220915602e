package org.gosplan.bench.ledger;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hashes of the root check under the saved state (issue 11), one call each: a leaf of a
 * 300-byte entry ({@code SHA-256(0x00 || entry)}) and an interior node
 * ({@code SHA-256(0x01 || left || right)}, 65 bytes), with the JDK's SUN SHA-256 (which uses the
 * CPU's SHA instructions where it has them) as the record used to call it (a one-byte update, the
 * entry, a fresh array out) and as it calls it now (one update, into a given array), and with
 * Bouncy Castle's {@code SHA256Digest}.
 *
 * <pre>
 *   java -cp "$BCP" org.openjdk.jmh.Main Sha256Bench
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Sha256Bench {
    private MessageDigest jdk;
    private final SHA256Digest bc = new SHA256Digest();
    // the entry after a free byte (as records lie after their checksum), and a node's 65 bytes
    private final byte[] leaf = new byte[1 + 300];
    private final byte[] node = new byte[65];
    private final byte[] out = new byte[32];
    private final byte[] bulk = new byte[64 * 1024];

    @Setup
    public void setup() throws Exception {
        jdk = MessageDigest.getInstance("SHA-256");
        Random r = new Random(1);
        r.nextBytes(leaf);
        r.nextBytes(node);
        leaf[0] = 0;
        node[0] = 1;
    }

    @Benchmark
    public byte[] leafJdkTwoUpdates() {
        jdk.update((byte) 0);
        jdk.update(leaf, 1, 300);
        return jdk.digest();
    }

    @Benchmark
    public byte[] leafJdkOneUpdate() throws DigestException {
        jdk.update(leaf, 0, leaf.length);
        jdk.digest(out, 0, 32);
        return out;
    }

    @Benchmark
    public byte[] leafBouncyCastle() {
        bc.update(leaf, 0, leaf.length);
        bc.doFinal(out, 0);
        return out;
    }

    @Benchmark
    public byte[] nodeJdkThreeUpdates() {
        jdk.update((byte) 1);
        jdk.update(node, 1, 32);
        jdk.update(node, 33, 32);
        return jdk.digest();
    }

    @Benchmark
    public byte[] nodeJdkOneUpdate() throws DigestException {
        jdk.update(node, 0, node.length);
        jdk.digest(out, 0, 32);
        return out;
    }

    /** The fixed cost of a call: the empty message (one block of padding). */
    @Benchmark
    public byte[] emptyJdk() throws DigestException {
        jdk.digest(out, 0, 32);
        return out;
    }

    /** The cost per byte: 64 KiB in one call (1,024 blocks). */
    @Benchmark
    public byte[] bulk64kJdk() throws DigestException {
        jdk.update(bulk, 0, bulk.length);
        jdk.digest(out, 0, 32);
        return out;
    }

    @Benchmark
    public byte[] nodeBouncyCastle() {
        bc.update(node, 0, node.length);
        bc.doFinal(out, 0);
        return out;
    }
}
