package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gosplan serve}'s options, refused before anything is opened or served. */
class ServeOptionsTest {
    @TempDir
    Path dir;

    @Test
    void aNegativeTimeToKeepUnnamedContentIsAUsageError() {
        CliRun r = CliRun.of("serve", dir.toString(), "--listen", "127.0.0.1:0", "--keep-unnamed-content", "-1");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--keep-unnamed-content"), r.err());
    }
}
