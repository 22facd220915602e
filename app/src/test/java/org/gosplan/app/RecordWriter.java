package org.gosplan.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.gosplan.ledger.NoteSigner;

/**
 * A writer process of the concurrent-writers test: runs {@code gosplan record DIR member VKEY
 * --role enterprise --key KEY --json} {@code count} times through the real command line (one
 * {@link Main#run} per event, as many processes would), registering new keys named
 * {@code <name>-<k>}, and prints what each printed. Exits with the first exit code that is not 0.
 */
public final class RecordWriter {
    private RecordWriter() {}

    public static void main(String[] args) {
        String dir = args[0];
        String key = args[1];
        String name = args[2];
        int count = Integer.parseInt(args[3]);
        PrintStream out = System.out;
        for (int k = 0; k < count; k++) {
            String vkey = NoteSigner.generate(name + "-" + k).verifier().toString();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = Main.run("record", dir, "member", vkey, "--role", "enterprise", "--key", key, "--json");
            } finally {
                System.setOut(out);
            }
            out.print(buf.toString(StandardCharsets.UTF_8));
            out.flush();
            if (code != 0) {
                System.exit(code);
            }
        }
    }
}
