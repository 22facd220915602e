package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.LedgerException;
import org.gosplan.ledger.policy.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gosplan checkpoint ...}: checkpoints read from files, checked against a C2SP tlog-policy (witness.md). */
@Command(name = "checkpoint", description = {
        "Checks checkpoints of any C2SP log against a trust policy of logs, witnesses and a quorum.",
        "'gosplan checkpoint COMMAND --help' for one command."},
        subcommands = {CheckpointCommand.Verify.class},
        footer = {"", "Examples:",
                "  gosplan log checkpoint data/log > checkpoint.txt",
                "  gosplan checkpoint verify checkpoint.txt --policy policy.txt"})
final class CheckpointCommand extends CommandGroup {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Command(name = "verify", description = {
            "Verifies a checkpoint note: the log's signature and a quorum of witness cosignatures.",
            "The policy is a C2SP tlog-policy file: 'log <vkey> [url]', 'witness <name> <vkey> [url]',",
            "'group <name> all|any|<k> <member>...', 'quorum <name>|none'. Each witness counts once; signatures by",
            "keys the policy does not name are ignored. Exit 0 when it holds, 1 when not (naming the witnesses",
            "missing), 2 on a malformed checkpoint or policy."},
            footer = {"", "Example:", "  gosplan checkpoint verify checkpoint.txt --policy policy.txt --json"})
    static final class Verify implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;

        @Parameters(paramLabel = "FILE", description = "the checkpoint, a signed note as 'gosplan log checkpoint'"
                + " prints it")
        Path file;

        @Option(names = "--policy", required = true, paramLabel = "FILE", description = "the C2SP tlog-policy file")
        Path policyFile;

        @Option(names = "--json", description = "print {\"valid\", \"origin\", \"size\", \"root\", \"quorum\","
                + " \"cosigned\", \"missing\", \"problems\"}")
        boolean json;

        @Override
        public Integer call() throws IOException {
            Policy policy = Policy.read(policyFile);
            Checkpoint cp = read(file);
            Policy.Verdict v = policy.evaluate(cp);
            if (json) {
                ObjectNode doc = Json.object();
                doc.put("valid", v.valid());
                doc.put("origin", cp.origin());
                doc.put("size", cp.size());
                doc.put("root", LogInputs.hex(cp.root()));
                put(doc, policy, v);
                Json.print(System.out, doc);
            } else {
                print(policy, v, cp.origin() + " at size " + cp.size());
            }
            return v.valid() ? ExitCode.OK : ExitCode.NEGATIVE;
        }
    }

    /** A checkpoint note from a file; a malformed one is the user's mistake, named with the file. */
    static Checkpoint read(Path file) throws IOException {
        try {
            return Checkpoint.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (LedgerException e) {
            throw new LedgerException(file + ": " + e.getMessage(), e);
        }
    }

    /** The verdict's fields: {@code quorum, cosigned: [name], missing: [name], problems: [text]}. */
    static void put(ObjectNode doc, Policy policy, Policy.Verdict v) {
        doc.put("quorum", policy.quorum());
        ArrayNode c = doc.putArray("cosigned");
        v.cosigned().keySet().forEach(c::add);
        ArrayNode m = doc.putArray("missing");
        v.missing().forEach(m::add);
        ArrayNode p = doc.putArray("problems");
        v.problems().forEach(p::add);
    }

    /** The verdict in words, on standard output. */
    static void print(Policy policy, Policy.Verdict v, String what) {
        String by = v.cosigned().isEmpty() ? "no witness" : String.join(", ", v.cosigned().keySet());
        if (v.valid()) {
            System.out.println("verified: " + what + ", cosigned by " + by + " (quorum " + policy.quorum() + ")");
            return;
        }
        System.out.println("NOT VERIFIED: " + what + ", cosigned by " + by + " (quorum " + policy.quorum() + ")");
        for (String p : v.problems()) {
            System.out.println("  " + p);
        }
        if (!v.missing().isEmpty()) {
            System.out.println("  missing cosignatures: " + String.join(", ", v.missing()));
        }
    }
}
