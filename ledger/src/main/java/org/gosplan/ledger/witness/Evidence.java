package org.gosplan.ledger.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gosplan.ledger.LedgerException;

/**
 * A checkpoint the witness refused although the log had signed it, kept in {@code DIR/evidence/}
 * as the request came (old size, proof, the signed checkpoint) with the witness's own cosigned
 * checkpoint of that origin at the time, if any. One file per distinct request, named by its
 * SHA-256, so a client that repeats itself does not fill the disk:
 *
 * <pre>
 * gosplan-witness-evidence v1
 * status 422
 * time 1765100000
 * reason the consistency proof from 5 to 6 does not verify
 * request 412
 * cosigned 301
 *
 * (412 bytes of the request, then 301 bytes of the witness's cosigned note)
 * </pre>
 */
public record Evidence(int status, long time, String reason, String request, Optional<String> cosigned) {
    static final String DIR = "evidence";
    private static final String MAGIC = "gosplan-witness-evidence v1";

    /** The refused checkpoint's note: the request after its first blank line. */
    public String refusedNote() {
        return request.substring(request.indexOf("\n\n") + 2);
    }

    /** Writes this evidence durably under {@code stateDir} (a no-op when the same request is kept already). */
    void write(Path stateDir) throws IOException {
        byte[] req = request.getBytes(StandardCharsets.UTF_8);
        byte[] cos = cosigned.orElse("").getBytes(StandardCharsets.UTF_8);
        Path dir = stateDir.resolve(DIR);
        Files.createDirectories(dir);
        Path file = dir.resolve(sha256(req) + ".txt");
        if (Files.exists(file)) {
            return;
        }
        String head = MAGIC + "\nstatus " + status + "\ntime " + time + "\nreason " + reason.replace('\n', ' ')
                + "\nrequest " + req.length + "\ncosigned " + cos.length + "\n\n";
        Path tmp = Files.createTempFile(dir, "new-", ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.write(new ByteBuffer[] {ByteBuffer.wrap(head.getBytes(StandardCharsets.UTF_8)), ByteBuffer.wrap(req),
                    ByteBuffer.wrap(cos)});
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.delete(tmp);
        }
    }

    /** Every piece of evidence kept under {@code stateDir}, oldest first. */
    public static List<Evidence> list(Path stateDir) throws IOException {
        List<Evidence> out = new ArrayList<>();
        Path dir = stateDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        for (Path f : files) {
            out.add(read(f));
        }
        out.sort((a, b) -> Long.compare(a.time, b.time));
        return out;
    }

    static Evidence read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        String s = new String(all, StandardCharsets.UTF_8);
        int blank = s.indexOf("\n\n");
        String[] head = blank < 0 ? new String[0] : s.substring(0, blank).split("\n");
        if (head.length != 6 || !head[0].equals(MAGIC)) {
            throw new LedgerException(file + ": not witness evidence (" + MAGIC + ")");
        }
        try {
            int status = Integer.parseInt(value(head[1], "status", file));
            long time = Long.parseLong(value(head[2], "time", file));
            String reason = value(head[3], "reason", file);
            int req = Integer.parseInt(value(head[4], "request", file));
            int cos = Integer.parseInt(value(head[5], "cosigned", file));
            int at = s.substring(0, blank + 2).getBytes(StandardCharsets.UTF_8).length;
            if (at + req + cos != all.length) {
                throw new LedgerException(file + ": the evidence is cut short or has extra bytes");
            }
            String request = new String(all, at, req, StandardCharsets.UTF_8);
            String cosigned = new String(all, at + req, cos, StandardCharsets.UTF_8);
            return new Evidence(status, time, reason, request, cos == 0 ? Optional.empty() : Optional.of(cosigned));
        } catch (NumberFormatException e) {
            throw new LedgerException(file + ": a number in the evidence's header is malformed");
        }
    }

    private static String value(String line, String key, Path file) {
        if (!line.startsWith(key + " ")) {
            throw new LedgerException(file + ": expected '" + key + " ...' in the evidence's header, not '" + line
                    + "'");
        }
        return line.substring(key.length() + 1);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
