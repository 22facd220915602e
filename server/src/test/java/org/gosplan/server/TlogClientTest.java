package org.gosplan.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.gosplan.ledger.Log;
import org.gosplan.record.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standard client, written from the C2SP tlog-tiles, tlog-checkpoint and signed-note texts and
 * RFC 6962 alone (none of Gosplan's ledger code): it knows only the log's verifier key, checks
 * the checkpoint's signature, and recomputes the root from the tiles and the entry bundles.
 */
class TlogClientTest {
    @TempDir
    Path dir;

    // The spec's own example: 273 full level-0 tiles, a partial one of width 112, a full level-1
    // tile, a partial one of width 17 and a partial level-2 tile of width 1.
    static final int SIZE = 70_000;

    @Test
    void aClientKnowingOnlyTheKeyChecksTheCheckpointAndRecomputesTheRootFromTiles() throws Exception {
        String vkey;
        try (Log log = Log.init(dir.resolve("raw"), "tiles.example/log", null)) {
            List<byte[]> entries = new ArrayList<>();
            for (int i = 0; i < SIZE; i++) {
                entries.add(("entry " + i + (i % 97 == 0 ? " with a longer tail to vary the lengths" : ""))
                        .getBytes(StandardCharsets.UTF_8));
            }
            log.append(entries);
            vkey = log.verifierKey().toString();
        }
        Log log = Log.open(dir.resolve("raw"));
        try (Record record = Record.open(log);
             Server server = Server.start(record, log, "127.0.0.1", 0, Limits.defaults().unlimitedRates(), null,
                     Capabilities.all())) {
            Client c = new Client("http://127.0.0.1:" + server.port(), vkey);
            c.check();
        }
    }

    /** The client. */
    static final class Client {
        final String prefix;
        final String name;
        final byte[] keyId;
        final PublicKey key;

        Client(String prefix, String vkey) throws Exception {
            this.prefix = prefix;
            // signed-note: <name>+<hex key id>+<base64(0x01 || 32-byte Ed25519 key)>
            String[] parts = vkey.split("\\+", 3); // the base64 may hold "+" too
            name = parts[0];
            byte[] raw = Base64.getDecoder().decode(parts[2]);
            assertEquals(1, raw[0], "Ed25519 keys have type 0x01");
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((name + "\n").getBytes(StandardCharsets.UTF_8));
            d.update(raw);
            keyId = Arrays.copyOf(d.digest(), 4);
            assertEquals(parts[1], java.util.HexFormat.of().formatHex(keyId));
            // An Ed25519 public key as X.509 SubjectPublicKeyInfo (RFC 8410): a fixed prefix.
            byte[] spki = java.util.HexFormat.of().parseHex("302a300506032b6570032100");
            byte[] der = Arrays.copyOf(spki, spki.length + 32);
            System.arraycopy(raw, 1, der, spki.length, 32);
            key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            var r = Fixture.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(prefix + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), path);
            return r;
        }

        void check() throws Exception {
            HttpResponse<byte[]> cp = get("/checkpoint");
            assertEquals("text/plain; charset=utf-8", cp.headers().firstValue("Content-Type").orElse("")
                    .replace(";charset", "; charset"));
            assertTrue(!cp.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
            String note = new String(cp.body(), StandardCharsets.UTF_8);
            int blank = note.indexOf("\n\n");
            String text = note.substring(0, blank + 1);
            boolean signed = false;
            for (String line : note.substring(blank + 2).split("\n")) {
                String[] f = line.split(" ");
                assertEquals("\u2014", f[0]);
                byte[] sig = Base64.getDecoder().decode(f[2]);
                if (f[1].equals(name) && Arrays.equals(Arrays.copyOf(sig, 4), keyId)) {
                    Signature v = Signature.getInstance("Ed25519");
                    v.initVerify(key);
                    v.update(text.getBytes(StandardCharsets.UTF_8));
                    assertTrue(v.verify(Arrays.copyOfRange(sig, 4, sig.length)), "the log's signature verifies");
                    signed = true;
                }
            }
            assertTrue(signed, "the checkpoint carries the log's signature");
            String[] lines = text.split("\n");
            assertEquals("tiles.example/log", lines[0]);
            long size = Long.parseLong(lines[1]);
            assertEquals(SIZE, size);
            byte[] root = Base64.getDecoder().decode(lines[2]);

            // Level 0: every leaf hash, from full tiles and the partial one, each checked
            // against the entries of its bundle.
            byte[][] leaves = new byte[(int) size][];
            for (long n = 0; n * 256 < size; n++) {
                int width = (int) Math.min(256, size - n * 256);
                byte[] tile = get("/tile/0/" + path(n, width)).body();
                byte[] bundle = get("/tile/entries/" + path(n, width)).body();
                assertEquals(32 * width, tile.length);
                int at = 0;
                for (int i = 0; i < width; i++) {
                    int len = ((bundle[at] & 0xff) << 8) | (bundle[at + 1] & 0xff);
                    byte[] entry = Arrays.copyOfRange(bundle, at + 2, at + 2 + len);
                    at += 2 + len;
                    byte[] leaf = Arrays.copyOfRange(tile, 32 * i, 32 * i + 32);
                    assertArrayEquals(hash(new byte[] {0}, entry), leaf, "entry " + (n * 256 + i));
                    leaves[(int) (n * 256 + i)] = leaf;
                }
                assertEquals(bundle.length, at, "a bundle holds exactly its entries");
            }
            assertArrayEquals(root, mth(leaves, 0, leaves.length), "the root recomputed from the tiles");

            // Levels above: each hash is the MTH of a full tile below; spot the expected widths.
            byte[] level1 = get("/tile/1/" + path(0, 256)).body();
            byte[] level1p = get("/tile/1/" + path(1, 17)).body();
            byte[] level2p = get("/tile/2/" + path(0, 1)).body();
            for (int i = 0; i < 256 + 17; i++) {
                byte[] h = i < 256 ? Arrays.copyOfRange(level1, 32 * i, 32 * i + 32)
                        : Arrays.copyOfRange(level1p, 32 * (i - 256), 32 * (i - 256) + 32);
                assertArrayEquals(mth(leaves, 256 * i, 256 * i + 256), h, "level 1 hash " + i);
            }
            assertArrayEquals(mth(leaves, 0, 65536), level2p);
            var full = get("/tile/0/000");
            assertEquals("public, max-age=31536000, immutable", full.headers().firstValue("Cache-Control").get());
            assertEquals("application/octet-stream", full.headers().firstValue("Content-Type").get());
        }

        static String path(long n, int width) {
            String p = String.format("%03d", n % 1000);
            for (long k = n / 1000; k > 0; k /= 1000) {
                p = String.format("x%03d/", k % 1000) + p;
            }
            return width == 256 ? p : p + ".p/" + width;
        }

        static byte[] hash(byte[] prefix, byte[]... parts) throws Exception {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(prefix);
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        }

        /** RFC 6962 section 2.1: MTH of leaves[from, to). */
        static byte[] mth(byte[][] leaves, int from, int to) throws Exception {
            if (to - from == 1) {
                return leaves[from];
            }
            int k = Integer.highestOneBit(to - from - 1);
            return hash(new byte[] {1}, mth(leaves, from, from + k), mth(leaves, from + k, to));
        }
    }
}
