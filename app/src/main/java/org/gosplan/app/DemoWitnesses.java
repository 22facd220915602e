package org.gosplan.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteVerifier;
import org.gosplan.ledger.cosigning.Cosigning;
import org.gosplan.ledger.policy.Policy;
import org.gosplan.ledger.witness.SplitView;
import org.gosplan.ledger.witness.Witness;
import org.gosplan.record.Keys;
import org.gosplan.server.witness.WitnessServer;

/**
 * The demo's witness step (issue 12 item 5): two witnesses on loopback, in this process, cosign the
 * record's checkpoint, which then meets a 2-of-2 policy; a forked copy of the log (same origin and
 * key, a different last entry) is refused by both, and the split view they kept is shown as evidence.
 * Everything stays in the demo folder, so the commands printed can be run again afterwards.
 */
final class DemoWitnesses {
    private static final String[] NAMES = {"witness-a", "witness-b"};

    /** What the step left to check again (the cosigned checkpoint, the policy, a witness's state); whether all held. */
    record Shown(Path checkpoint, Path policy, Path witnessState, boolean ok) {}

    private final PrintStream o;
    private final Path out;

    DemoWitnesses(PrintStream o, Path out) {
        this.o = o;
        this.out = out;
    }

    Shown run(Path dir) throws IOException {
        // the servers' start and stop notices would bury the demo's lines on the terminal
        for (String logger : new String[] {"io.javalin", "org.eclipse.jetty"}) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
        String g = DemoCommand.launcher();
        NoteVerifier logKey;
        try (Log log = Log.open(dir)) {
            logKey = log.verifierKey();
        }
        List<Witness> witnesses = new ArrayList<>();
        List<WitnessServer> servers = new ArrayList<>();
        try {
            StringBuilder policy = new StringBuilder("# the demo's record and its two witnesses; both must cosign\n")
                    .append("log ").append(logKey).append('\n');
            for (String name : NAMES) {
                Path keyFile = out.resolve(name + ".key");
                Path state = out.resolve(name);
                Cosigner key = Keys.generateWitness("demo.gosplan.org/" + name);
                Keys.write(key, keyFile);
                Witness w = Witness.open(state, key, List.of(logKey));
                witnesses.add(w);
                WitnessServer s = WitnessServer.start(w, "127.0.0.1", 0);
                servers.add(s);
                o.println("   $ " + g + " key new " + keyFile + " --name demo.gosplan.org/" + name + " --witness");
                o.println("   $ " + g + " witness serve --state " + state + " --key " + keyFile + " --log \"$(" + g
                        + " log key " + dir + ")\" --listen 127.0.0.1:" + s.port() + " &");
                policy.append("witness ").append(name).append(' ').append(w.verifierKey())
                        .append(" http://127.0.0.1:").append(s.port()).append('\n');
            }
            policy.append("group both all ").append(String.join(" ", NAMES)).append("\nquorum both\n");
            Path policyFile = out.resolve("policy.txt");
            Files.writeString(policyFile, policy, StandardCharsets.UTF_8);
            o.println("   policy " + policyFile + ": the log's key, both witnesses with their URLs, quorum: both");

            Cosigning cosigning = new Cosigning(Duration.ofSeconds(10));
            Cosigning.Result cosigned;
            Policy p = Policy.read(policyFile);
            o.println("   $ " + g + " log witness " + dir + " --policy " + policyFile);
            try (Log log = Log.open(dir)) {
                cosigned = cosigning.cosign(log, p);
            }
            Checkpoint cp = cosigned.checkpoint();
            o.printf("   checkpoint of size %d, root %s..., cosigned by %s%n", cp.size(), hex(cp.root()),
                    cosigned.cosigned().isEmpty() ? "no witness" : String.join(", ", cosigned.cosigned()));
            failures(cosigned, "   failed: ");
            Path checkpointFile = out.resolve("checkpoint.txt");
            Files.writeString(checkpointFile, cp.toString(), StandardCharsets.UTF_8);
            o.println("   $ " + g + " log checkpoint " + dir + " > " + checkpointFile);
            o.println("   $ " + g + " checkpoint verify " + checkpointFile + " --policy " + policyFile);
            Policy.Verdict v = p.evaluate(Checkpoint.parse(Files.readString(checkpointFile)));
            verdict(v, "the checkpoint");
            o.println("   $ " + g + " verify " + dir + " --policy " + policyFile);
            Policy.Verdict latest;
            try (Log log = Log.open(dir)) {
                latest = VerifyCommand.latestUnder(p, log);
            }
            verdict(latest, "the record's latest checkpoint");

            Path fork = out.resolve("fork");
            o.println("   a forked copy of the log in " + fork + ": the same origin and key, the record's entries but"
                    + " a different last one");
            Cosigning.Result refused;
            try (Log log = Log.open(dir); Log f = Log.init(fork, log.origin(), log.signingKey())) {
                List<byte[]> entries = new ArrayList<>();
                for (long i = 0; i < log.size() - 1; i++) {
                    entries.add(log.entry(i));
                }
                entries.add("a different last entry, shown to one reader only".getBytes(StandardCharsets.UTF_8));
                f.append(entries);
                f.checkpoint();
                o.println("   $ " + g + " log witness " + fork + " --policy " + policyFile);
                refused = cosigning.cosign(f, p);
            }
            failures(refused, "   refused by ");
            Path state = out.resolve(NAMES[0]);
            o.println("   $ " + g + " witness evidence --state " + state);
            List<SplitView> views = Witness.splitViews(state);
            for (SplitView s : views) {
                o.printf("   split view of %s (%s): %s; cosigned root %s..., refused root %s..., both signed by the"
                        + " log%n", s.origin(), s.kind(), s.reason(), hex(Checkpoint.parse(s.cosignedNote()).root()),
                        hex(Checkpoint.parse(s.refusedNote()).root()));
            }
            boolean ok = v.valid() && latest.valid() && refused.cosigned().isEmpty() && !views.isEmpty();
            return new Shown(checkpointFile, policyFile, state, ok);
        } finally {
            for (WitnessServer s : servers) {
                s.close();
            }
            for (Witness w : witnesses) {
                w.close();
            }
        }
    }

    private void failures(Cosigning.Result r, String lead) {
        for (Cosigning.Failure f : r.failed()) {
            o.println(lead + f.witness() + (f.status() == 0 ? "" : " (HTTP " + f.status() + ")") + ": " + f.message());
        }
    }

    private void verdict(Policy.Verdict v, String what) {
        o.println("   " + (v.valid() ? "verified: " : "NOT VERIFIED: ") + what + " is cosigned by "
                + (v.cosigned().isEmpty() ? "no witness" : String.join(", ", v.cosigned().keySet()))
                + (v.missing().isEmpty() ? "" : "; missing " + String.join(", ", v.missing())));
    }

    private static String hex(byte[] root) {
        return HexFormat.of().formatHex(root, 0, 6);
    }
}
