package org.gosplan.bench.witness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal keep-alive HTTP/1.1 client for the load driver: one connection, POST with a
 * Content-Length, a response read by its Content-Length. The JDK's HttpClient costs more CPU per
 * request than the witness itself; on a two-core machine that shares the cores with the witness,
 * this one leaves the CPU to what is measured. Only for answers with a Content-Length, as the
 * witness (Jetty) sends them. The server's write load ({@code ServerLoad writes ... plain}) uses it too.
 */
public final class PlainHttp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] head;

    public PlainHttp(String host, int port, String path) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: text/plain\r\n"
                + "Content-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /** Posts {@code body}; returns the status, and the body in {@code answer}. */
    public int post(byte[] body, ByteArrayOutputStream answer) throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream(head.length + body.length + 16);
        req.write(head);
        req.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        req.write(body);
        req.writeTo(out);
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + status);
        }
        int length = -1;
        for (String h = line(); !h.isEmpty(); h = line()) {
            if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(h.substring(15).strip());
            }
        }
        if (length < 0) {
            throw new IOException("an answer without Content-Length");
        }
        answer.reset();
        for (int i = 0; i < length; i++) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed mid-answer");
            }
            answer.write(b);
        }
        return Integer.parseInt(status.substring(9, 12));
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
