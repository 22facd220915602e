package org.gosplan.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file kept beside an embedded log only to open it faster (the verified mark, the saved state):
 * written atomically, a new file moved over the old, without waiting for the disk, since one lost in
 * a crash only means verifying or folding again; a directory that cannot be written (a read-only
 * copy of someone's log) keeps none.
 */
final class CacheFile {
    private CacheFile() {}

    interface Contents {
        void writeTo(Path file) throws IOException;
    }

    static void replace(Path dir, String name, Contents contents) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + name + "-", ".tmp");
            contents.writeTo(tmp);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // nothing more to do: none is kept
            }
        }
    }
}
