package org.gosplan.app;

import java.util.regex.Pattern;

/**
 * The last guard against echoing a private key: a message that quotes a file's content (a parser's
 * error) could quote a key file given by mistake. Every error message passes through here.
 */
final class Secrets {
    private Secrets() {}

    // the signed-note private key form: PRIVATE+KEY+<name>+<key id>+<base64>
    private static final Pattern PRIVATE_KEY = Pattern.compile("PRIVATE\\+KEY\\+[^\\s'\"+]+\\+[^\\s'\"+]*\\+[A-Za-z0-9+/=]*");

    static String redact(String message) {
        return message == null ? null : PRIVATE_KEY.matcher(message).replaceAll("PRIVATE+KEY+(private key not shown)");
    }
}
