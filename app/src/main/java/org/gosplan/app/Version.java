package org.gosplan.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The project version, filtered into a resource at build time. */
public final class Version implements IVersionProvider {
    public static String get() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/gosplan-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown": the version is informational
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"gosplan " + get()};
    }
}
