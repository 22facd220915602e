package org.gosplan.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gosplan.ledger.NoteVerifier;
import org.gosplan.ledger.ProofException;
import org.gosplan.ledger.Proofs;
import org.gosplan.ledger.SignedNote;

/**
 * A witness for one log written in the test from the C2SP tlog-witness text, on the JDK's HTTP
 * server: {@code POST /add-checkpoint} checks the old size line, the proof lines, the log's
 * signature, the size it last cosigned (409 with {@code text/x.tlog.size}), the consistency proof
 * (422) and answers with a cosignature/v1 line made here by hand: the JDK's Ed25519 over
 * {@code "cosignature/v1\ntime <t>\n" + body}, key id {@code SHA-256(name || "\n" || 0x04 || key)[:4]},
 * not with Gosplan's Cosigner.
 */
final class FakeWitness implements AutoCloseable {
    final String name;
    private final NoteVerifier log;
    private final KeyPair keys;
    private final byte[] publicKey;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    /** The size and root it last cosigned; guarded by this. */
    private long size;
    private byte[] root;
    /** Every old size it was sent, for the tests; guarded by this. */
    final List<Long> oldSizes = new ArrayList<>();
    /** Every request body, as received; guarded by this. */
    final List<String> bodies = new ArrayList<>();
    /** When set, every request is answered with this status and {@link #answerBody} (a witness in trouble). */
    volatile int failWith;
    volatile String answerBody = "the witness is in trouble\n";
    /** When set, every answer waits this long first (a witness that hangs). */
    volatile long delayMillis;
    /** When set, runs once before the next request is answered (something the log does meanwhile). */
    volatile Runnable meanwhile;

    FakeWitness(String name, String logVkey) throws IOException, GeneralSecurityException {
        this.name = name;
        this.log = NoteVerifier.parse(logVkey);
        this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] x509 = keys.getPublic().getEncoded();
        this.publicKey = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/add-checkpoint", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Pretends it cosigned {@code size} with {@code root} before (as if another run of the log had sent it). */
    synchronized void remember(long size, byte[] root) {
        this.size = size;
        this.root = root.clone();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    byte[] keyId() throws GeneralSecurityException {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update((name + "\n").getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0x04);
        d.update(publicKey);
        return Arrays.copyOf(d.digest(), 4);
    }

    /** Its vkey: {@code name+<key id hex>+base64(0x04 || key)}. */
    String vkey() throws GeneralSecurityException {
        byte[] raw = new byte[33];
        raw[0] = 0x04;
        System.arraycopy(publicKey, 0, raw, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId()) + "+" + Base64.getEncoder().encodeToString(raw);
    }

    /** A line with this witness's name and key id whose timestamp and signature are zeros: it does not verify. */
    String forgedLine() throws GeneralSecurityException {
        byte[] raw = new byte[4 + 8 + 64];
        System.arraycopy(keyId(), 0, raw, 0, 4);
        raw[11] = 1;
        return "\u2014 " + name + " " + Base64.getEncoder().encodeToString(raw) + "\n";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            Runnable m = meanwhile;
            meanwhile = null;
            if (m != null) {
                m.run();
            }
            if (failWith != 0) {
                answer(x, failWith, answerBody, "text/plain");
                return;
            }
            if (!x.getRequestMethod().equals("POST")) {
                answer(x, 405, "POST only\n", "text/plain");
                return;
            }
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            answer(x, body);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void answer(HttpExchange x, String body) throws IOException, GeneralSecurityException {
        bodies.add(body);
        int blank = body.indexOf("\n\n");
        if (blank < 0) {
            answer(x, 400, "no blank line\n", "text/plain");
            return;
        }
        String[] head = body.substring(0, blank).split("\n", -1);
        if (!head[0].matches("old (0|[1-9][0-9]*)")) {
            answer(x, 400, "bad old size line\n", "text/plain");
            return;
        }
        long old = Long.parseLong(head[0].substring(4));
        oldSizes.add(old);
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < head.length; i++) {
            proof.add(Base64.getDecoder().decode(head[i]));
        }
        SignedNote note = SignedNote.parse(body.substring(blank + 2));
        String[] lines = note.text().split("\n");
        if (!lines[0].equals(log.name())) {
            answer(x, 404, "unknown log\n", "text/plain");
            return;
        }
        try {
            note.verify(log);
        } catch (ProofException e) {
            answer(x, 403, "not signed by the log\n", "text/plain");
            return;
        }
        long newSize = Long.parseLong(lines[1]);
        byte[] newRoot = Base64.getDecoder().decode(lines[2]);
        if (old > newSize) {
            answer(x, 400, "old size above the checkpoint's\n", "text/plain");
            return;
        }
        if (old != size) {
            answer(x, 409, size + "\n", "text/x.tlog.size");
            return;
        }
        try {
            if (old == 0) {
                if (!proof.isEmpty()) {
                    throw new ProofException("a proof from size 0");
                }
            } else {
                Proofs.verifyConsistency(old, newSize, root, newRoot, proof);
            }
        } catch (ProofException e) {
            answer(x, 422, e.getMessage() + "\n", "text/plain");
            return;
        }
        size = newSize;
        root = newRoot;
        long time = System.currentTimeMillis() / 1000;
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(keys.getPrivate());
        ed.update(("cosignature/v1\ntime " + time + "\n" + note.text()).getBytes(StandardCharsets.UTF_8));
        byte[] sig = ed.sign();
        byte[] raw = new byte[4 + 8 + 64];
        System.arraycopy(keyId(), 0, raw, 0, 4);
        for (int i = 0; i < 8; i++) {
            raw[4 + i] = (byte) (time >>> (56 - 8 * i));
        }
        System.arraycopy(sig, 0, raw, 12, 64);
        answer(x, 200, "\u2014 " + name + " " + Base64.getEncoder().encodeToString(raw) + "\n", "text/plain");
    }

    private static void answer(HttpExchange x, int status, String body, String type) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }
}
