package org.gosplan.server.witness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.gosplan.ledger.NoteVerifier;
import org.gosplan.ledger.witness.Witness;

/** A witness in a JVM of its own, for the test that kills it: {@code STATE PORTFILE LOGVKEY}. */
public final class WitnessChild {
    private WitnessChild() {}

    public static void main(String[] args) throws Exception {
        Witness w = Witness.open(Path.of(args[0]), WitnessServerTest.W, List.of(NoteVerifier.parse(args[2])));
        WitnessServer s = WitnessServer.start(w, "127.0.0.1", 0);
        Path tmp = Path.of(args[1] + ".tmp");
        Files.writeString(tmp, Integer.toString(s.port()));
        Files.move(tmp, Path.of(args[1]), StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(Long.MAX_VALUE);
    }
}
