package org.gosplan.record;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;

/**
 * How an economy is stored beside the log: the files of its bulk folder form (formats.md
 * section 2), as Gosplan writes them, in one file: the line {@code gosplan/economy-bundle@1},
 * then for each file in a fixed order a line {@code <name> <length>} and that many bytes.
 * Deterministic (equal economies give equal bytes, so equal hashes), streamed both ways, and read
 * back by the fast CSV reader: a million-product economy in seconds, where its JSON form would
 * take a minute and gigabytes.
 */
final class EconomyBundle {
    private EconomyBundle() {}

    static final String MAGIC = "gosplan/economy-bundle@1";
    private static final List<String> FILES = List.of("economy.json", "products.csv", "resources.csv", "techniques.csv",
            "flows.csv", "targets.csv");
    /**
     * The files of the optional parts (formats.md section 5), after the others and only where the
     * economy has them: an economy without them is stored in the same bytes as before.
     */
    private static final List<String> PART_FILES = List.of("regions.csv", "capital.csv", "transport.csv", "trade.csv",
            "stocks.csv");

    /** Writes {@code economy} as a bundle, using {@code work} (a fresh folder) for its files. */
    static void write(Economy economy, Path bundle, Path work) throws IOException {
        Path folder = work.resolve("folder");
        try {
            EconomyFiles.writeFolder(economy, folder);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bundle), 1 << 16)) {
                out.write((MAGIC + "\n").getBytes(StandardCharsets.US_ASCII));
                for (String name : FILES) {
                    Path f = folder.resolve(name);
                    out.write((name + " " + Files.size(f) + "\n").getBytes(StandardCharsets.US_ASCII));
                    Files.copy(f, out);
                }
                for (String name : PART_FILES) {
                    Path f = folder.resolve(name);
                    if (Files.isRegularFile(f)) {
                        out.write((name + " " + Files.size(f) + "\n").getBytes(StandardCharsets.US_ASCII));
                        Files.copy(f, out);
                    }
                }
            }
        } finally {
            deleteTree(folder);
        }
    }

    /** Whether stored content starts as a bundle does. */
    static boolean isBundle(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length() + 1);
            return new String(head, StandardCharsets.US_ASCII).equals(MAGIC + "\n");
        }
    }

    /** Reads a bundle back, unpacking it into {@code work} (a fresh folder) on the way. */
    static Economy read(Path bundle, Path work) throws IOException {
        Path folder = work.resolve("folder");
        Files.createDirectories(folder);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bundle), 1 << 16)) {
            if (!line(in).equals(MAGIC)) {
                throw new RecordException("stored economy content is not a " + MAGIC);
            }
            for (String expected : FILES) {
                String[] head = line(in).split(" ");
                if (head.length != 2 || !head[0].equals(expected)) {
                    throw new RecordException("stored economy bundle is damaged: expected " + expected);
                }
                unpack(in, folder, expected, Long.parseLong(head[1]));
            }
            int next = 0;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String[] head = header.split(" ");
                int at = head.length == 2 ? PART_FILES.indexOf(head[0]) : -1;
                if (at < next) {
                    throw new RecordException("stored economy bundle is damaged: '" + header + "' is none of "
                            + PART_FILES.subList(Math.min(next, PART_FILES.size()), PART_FILES.size()));
                }
                next = at + 1;
                unpack(in, folder, head[0], Long.parseLong(head[1]));
            }
            return EconomyFiles.readEconomy(folder);
        } catch (NumberFormatException e) {
            throw new RecordException("stored economy bundle is damaged: " + e.getMessage());
        } finally {
            deleteTree(folder);
        }
    }

    private static void unpack(InputStream in, Path folder, String name, long length) throws IOException {
        try (OutputStream out = Files.newOutputStream(folder.resolve(name))) {
            long copied = copy(in, out, length);
            if (copied != length) {
                throw new RecordException("stored economy bundle is truncated in " + name);
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (b.size() > 1000) {
                throw new RecordException("stored economy bundle is damaged: a header line is too long");
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private static long copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            left -= n;
        }
        return length - left;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        }
    }
}
