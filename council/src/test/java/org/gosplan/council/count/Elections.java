package org.gosplan.council.count;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gosplan.council.files.PrefLibElection;
import org.gosplan.council.files.PrefLibReader;

/** The real elections copied into the test resources (their README names the sources). */
public final class Elections {
    private Elections() {}

    public static Path file(String name) {
        try {
            return Path.of(Elections.class.getResource("/org/gosplan/council/elections/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " is missing", e);
        }
    }

    public static PrefLibElection preflib(String name) {
        return PrefLibReader.read(file(name));
    }

    public static String text(String name) {
        try {
            return Files.readString(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
