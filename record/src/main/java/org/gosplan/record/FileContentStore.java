package org.gosplan.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Content as files {@code content/<first two hex digits>/<hash>} in the log's data directory.
 * A put writes a temporary file, fsyncs it, renames it into place and fsyncs the folder, so a
 * crash leaves either nothing or the whole content under its name.
 */
final class FileContentStore implements ContentStore {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private final Path root;

    FileContentStore(Path dataDir) throws IOException {
        this.root = dataDir.resolve("content");
        Files.createDirectories(root);
    }

    private Path path(String hash) {
        if (!HASH.matcher(hash).matches()) {
            throw new RecordException("'" + hash + "' is not a SHA-256 hash (64 lowercase hex digits)");
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }

    @Override
    public String put(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in);
        }
    }

    @Override
    public String put(byte[] bytes) throws IOException {
        return put(new java.io.ByteArrayInputStream(bytes));
    }

    private String put(InputStream source) throws IOException {
        Path temp = Files.createTempFile(root, ".put-", ".tmp");
        try {
            MessageDigest d = Canonical.digest();
            try (DigestInputStream in = new DigestInputStream(source, d);
                 OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            String hash = HexFormat.of().formatHex(d.digest());
            Path target = path(hash);
            if (Files.exists(target)) {
                // stored again: its time starts again (see ContentStore.Stored); a file this process may
                // not touch (another user's store, read-only) keeps its time, and the content is still there
                try {
                    Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
                } catch (IOException e) {
                    // the content is stored; only its age is not renewed
                }
                return hash;
            }
            try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            fsyncFolder(target.getParent());
            return hash;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void fsyncFolder(Path folder) {
        try (FileChannel c = FileChannel.open(folder, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
        }
    }

    @Override
    public boolean contains(String hash) {
        return Files.isRegularFile(path(hash));
    }

    @Override
    public InputStream open(String hash) throws IOException {
        Path p = path(hash);
        if (!Files.isRegularFile(p)) {
            throw new RecordException("content " + hash + " is missing from " + root);
        }
        return Files.newInputStream(p);
    }

    @Override
    public long size(String hash) throws IOException {
        Path p = path(hash);
        return Files.isRegularFile(p) ? Files.size(p) : -1;
    }

    /** Stored content: the file's modification time is when it was stored (or stored again). */
    @Override
    public java.util.List<Stored> storedBefore(java.time.Instant cutoff) throws IOException {
        java.util.List<Stored> out = new java.util.ArrayList<>();
        try (var folders = Files.newDirectoryStream(root, p -> p.getFileName().toString().matches("[0-9a-f]{2}"))) {
            for (Path folder : folders) {
                try (var files = Files.newDirectoryStream(folder)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        if (!HASH.matcher(name).matches() || !name.startsWith(folder.getFileName().toString())) {
                            continue;
                        }
                        java.nio.file.attribute.BasicFileAttributes a;
                        try {
                            a = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
                        } catch (java.nio.file.NoSuchFileException gone) {
                            continue;
                        }
                        if (a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(cutoff)) {
                            out.add(new Stored(name, a.size(), a.lastModifiedTime().toInstant()));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public boolean removeIfStoredBefore(String hash, java.time.Instant cutoff) throws IOException {
        Path p = path(hash);
        try {
            if (!Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                return false;
            }
            return Files.deleteIfExists(p);
        } catch (java.nio.file.NoSuchFileException gone) {
            return false;
        }
    }

    @Override
    public void close() {
    }
}
