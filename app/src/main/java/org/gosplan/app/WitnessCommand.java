package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.LedgerException;
import org.gosplan.ledger.NoteVerifier;
import org.gosplan.ledger.witness.SplitView;
import org.gosplan.ledger.witness.Witness;
import org.gosplan.record.Keys;
import org.gosplan.server.witness.WitnessServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gosplan witness ...}: a C2SP tlog-witness for other logs (docs/spec/witness.md, docs/witnesses.md). */
@Command(name = "witness", description = {
        "Runs a witness that cosigns other logs' checkpoints, and prints the split views it has caught.",
        "A witness remembers the last checkpoint it cosigned for each log and cosigns a new one only with a",
        "consistency proof from it (C2SP tlog-witness), so that no log can show two histories unseen."},
        subcommands = {WitnessCommand.Serve.class, WitnessCommand.EvidenceCmd.class})
final class WitnessCommand extends CommandGroup {

    @Command(name = "serve", description = {
            "Serves the tlog-witness add-checkpoint endpoint over HTTP until stopped.",
            "POST /add-checkpoint takes 'old <size>', the consistency proof, a blank line and the log's signed",
            "checkpoint, and answers 200 with the cosignature line, 400 malformed, 403 not signed by the log,",
            "404 unknown log, 409 (text/x.tlog.size) when old is not the size it last cosigned, 422 when the",
            "proof fails or the same size comes with another root. GET /<sha256 of origin>/checkpoint gives the",
            "latest cosigned checkpoint. The new state is on disk (fsync) before each answer; refused",
            "checkpoints that the log signed are kept in DIR/evidence/."},
            footer = {"", "Examples:",
                    "  gosplan key new w1.key --name witness.example/w1 --witness",
                    "  gosplan witness serve --state w1 --key w1.key --log \"$(gosplan log key DIR)\"",
                    "  gosplan witness evidence --state w1"})
    static final class Serve implements Callable<Integer> {
        @Option(names = "--state", required = true, paramLabel = "DIR",
                description = "the witness's state directory (made when missing; one witness at a time)")
        Path state;

        @Option(names = "--key", required = true, paramLabel = "FILE",
                description = "the witness's private key, from 'gosplan key new FILE --name NAME --witness'")
        Path key;

        @Option(names = "--log", required = true, paramLabel = "VKEY",
                description = "the verifier key of a log to witness (its name is the log's origin); repeat for more")
        List<String> logs;

        @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:7380",
                description = "where to listen (default ${DEFAULT-VALUE}; port 0 picks a free one)")
        String listen;

        @Override
        public Integer call() throws Exception {
            Cosigner k = Keys.readWitness(key);
            List<NoteVerifier> keys = new ArrayList<>();
            for (String vkey : logs) {
                keys.add(Keys.parseVerifier(vkey));
            }
            int colon = listen.lastIndexOf(':');
            int port;
            try {
                port = Integer.parseInt(listen.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (colon <= 0 || port < 0 || port > 65535) {
                throw new UsageException("--listen " + listen + ": expected HOST:PORT such as 127.0.0.1:7380");
            }
            Witness w = Witness.open(state, k, keys);
            WitnessServer s;
            try {
                s = WitnessServer.start(w, listen.substring(0, colon), port);
            } catch (RuntimeException e) {
                w.close();
                throw new UsageException("cannot listen on " + listen + ": " + e.getMessage());
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                s.close();
                try {
                    w.close();
                } catch (IOException e) {
                    System.err.println("gosplan: closing the witness's state: " + e.getMessage());
                }
                stopped.countDown();
            }));
            System.out.println("witness " + w.verifierKey());
            System.out.println("  logs     " + String.join(", ", w.origins()));
            System.out.println("  listens  http://" + listen.substring(0, colon) + ":" + s.port() + "/add-checkpoint");
            System.out.println("  state    " + state);
            System.out.flush();
            stopped.await();
            return ExitCode.OK;
        }
    }

    @Command(name = "evidence", description = {
            "Prints each split view the witness has caught, with both of the log's signed notes in full.",
            "A split view is two checkpoints of one log, both signed by it, that no consistency proof joins: the",
            "same size with two roots, or a newer checkpoint whose proof from the cosigned one failed. Anyone can",
            "check the log's signature on each note. Exit 0 when there is none, 1 when there is at least one."})
    static final class EvidenceCmd implements Callable<Integer> {
        @Option(names = "--state", required = true, paramLabel = "DIR", description = "the witness's state directory")
        Path state;

        @Option(names = "--json", description = "print {\"splitViews\": [{\"origin\", \"kind\" (same-size or"
                + " proof-failed), \"reason\", \"time\", \"cosigned\", \"refused\"}], \"evidence\": N}")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(state)) {
                throw new LedgerException(state + ": no such witness state directory; give the --state DIR of"
                        + " 'gosplan witness serve'");
            }
            List<SplitView> views = Witness.splitViews(state);
            int evidence = org.gosplan.ledger.witness.Evidence.list(state).size();
            if (json) {
                ObjectNode doc = Json.object();
                ArrayNode a = doc.putArray("splitViews");
                for (SplitView v : views) {
                    a.addObject().put("origin", v.origin()).put("kind", v.kind()).put("reason", v.reason())
                            .put("time", v.time()).put("cosigned", v.cosignedNote()).put("refused", v.refusedNote());
                }
                doc.put("evidence", evidence);
                Json.print(System.out, doc);
            } else if (views.isEmpty()) {
                System.out.println("no split view among " + evidence + " refused checkpoint"
                        + (evidence == 1 ? "" : "s") + " kept in " + state.resolve("evidence"));
            } else {
                // the notes exactly as signed, not indented: a reader copies them to check the signatures
                for (SplitView v : views) {
                    System.out.println("split view of " + v.origin() + " (" + v.kind() + "): " + v.reason()
                            + ", refused at " + java.time.Instant.ofEpochSecond(v.time()));
                    System.out.println("-- the checkpoint it cosigned:");
                    System.out.print(v.cosignedNote());
                    System.out.println("-- the checkpoint it refused, signed by the same log:");
                    System.out.print(v.refusedNote());
                    System.out.println();
                }
            }
            return views.isEmpty() ? ExitCode.OK : ExitCode.NEGATIVE;
        }
    }
}
