package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.policy.Policy;
import org.gosplan.record.Record;
import org.gosplan.record.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = {
        "Verifies a record: the Merkle tree, every stored hash and checkpoint (as 'log verify'), and every event's",
        "signature, signer registration and role, and every content hash; every recorded tally is recounted from the",
        "log and must give the recorded winners and result hash. With --replay, every plan is recomputed",
        "from its recorded inputs and must give the recorded plan hash. With --policy, the latest checkpoint must",
        "meet a C2SP tlog-policy (the log's signature and a quorum of witness cosignatures, as 'gosplan checkpoint",
        "verify'). Exit 0 when all holds, 1 otherwise (naming the witnesses missing)."})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", arity = "0..1")
    Path dir;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "a log kept in PostgreSQL instead of DIR")
    String db;

    @Option(names = "--replay", description = "recompute every plan and compare its hash")
    boolean replay;

    @Option(names = "--policy", paramLabel = "FILE", description = "a C2SP tlog-policy file: the latest checkpoint"
            + " must also carry its quorum of witness cosignatures")
    Path policyFile;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--progress", description = "which step the check is at and how far, on standard error, even where"
            + " that is not a terminal (on a terminal it shows after 2 s anyway)")
    boolean progress;

    @Override
    public Integer call() throws IOException {
        StderrProgress shown = StderrProgress.forReading(System.err, progress).withHeartbeat();
        try {
            return verify(shown);
        } finally {
            shown.done();
        }
    }

    private int verify(StderrProgress shown) throws IOException {
        long t0 = System.nanoTime();
        Policy policy = policyFile == null ? null : Policy.read(policyFile);
        List<String> problems = new ArrayList<>(RecordAccess.verifyLog(dir, db, shown));
        // the steps below give no counts of their own: the heartbeat keeps their elapsed time moving
        shown.update("checking every event's signature, signer and role", -1, -1);
        Policy.Verdict verdict = null;
        if (policy != null) {
            try (Log log = RecordAccess.openLog(dir, db)) {
                verdict = latestUnder(policy, log);
            }
            for (String p : verdict.problems()) {
                problems.add("policy " + policyFile + ": " + p);
            }
        }
        Verification v;
        long entries;
        long[] draws = {0};
        try (Record r = RecordAccess.openVerifyingAll(dir, db)) {
            entries = r.log().size();
            shown.update("recounting the tallies" + (replay ? " and replaying the plans" : ""), -1, -1);
            v = r.verify(replay ? org.gosplan.record.PlanRecords.replayer() : null,
                    org.gosplan.council.ballot.Tallies.recounter());
            // every draw is recomputed, replay or not: a draw is seconds, and a false panel is what an auditor looks for
            shown.update("recomputing the draws", -1, -1);
            problems.addAll(org.gosplan.inspection.Draws.verify(r, draws));
        } catch (org.gosplan.ledger.LedgerException | org.gosplan.record.RecordException e) {
            // A log whose entries no longer read back (the ledger's verification has named where)
            // is a failed verification, not bad input.
            if (problems.isEmpty()) {
                throw e;
            }
            problems.add("the events could not be read past the damage: " + e.getMessage());
            v = new Verification();
            try (org.gosplan.ledger.Log log = RecordAccess.openLog(dir, db)) {
                entries = log.size();
            }
        }
        shown.done();
        problems.addAll(v.problems());
        boolean ok = problems.isEmpty();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (json) {
            ObjectNode o = Json.object();
            // "valid" as 'log verify' names its verdict; "ok" kept for scripts written before
            o.put("valid", ok);
            o.put("ok", ok);
            o.put("entries", entries);
            o.put("events", v.events());
            o.put("plansReplayed", v.plansReplayed());
            o.put("talliesRecounted", v.tallies());
            o.put("drawsRecomputed", draws[0]);
            ArrayNode p = o.putArray("problems");
            problems.forEach(p::add);
            ArrayNode n = o.putArray("notes");
            v.notes().forEach(n::add);
            if (verdict != null) {
                CheckpointCommand.put(o.putObject("policy"), policy, verdict);
            }
            o.put("seconds", seconds);
            Json.print(System.out, o);
        } else {
            for (String p : problems) {
                System.out.println("FAIL " + p);
            }
            for (String n : v.notes()) {
                System.out.println("note " + n);
            }
            if (verdict != null && !verdict.missing().isEmpty()) {
                System.out.println("FAIL policy " + policyFile + ": missing cosignatures: "
                        + String.join(", ", verdict.missing()));
            } else if (verdict != null && verdict.valid()) {
                System.out.println("policy " + policyFile + ": the latest checkpoint is cosigned by "
                        + (verdict.cosigned().isEmpty() ? "no witness" : String.join(", ", verdict.cosigned().keySet()))
                        + " (quorum " + policy.quorum() + ")");
            }
            // without --replay nothing was recomputed: count the plans recorded, and say how to replay them
            long plans = replay ? v.plansReplayed() : v.plans();
            System.out.printf("%s: %d entries, %d events, %d plan%s %s%s (%s)%n",
                    ok ? "verified" : "VERIFICATION FAILED", entries, v.events(), plans, plans == 1 ? "" : "s",
                    replay ? "replayed" : plans == 1 ? "not replayed (--replay replays it)"
                    : "not replayed (--replay replays them)",
                    v.tallies() == 0 ? "" : ", " + v.tallies() + (v.tallies() == 1 ? " tally" : " tallies") + " recounted",
                    Durations.format(seconds));
            if (draws[0] > 0) {
                System.out.printf("%d draw%s recomputed%n", draws[0], draws[0] == 1 ? "" : "s");
            }
        }
        return ok ? ExitCode.OK : ExitCode.NEGATIVE;
    }

    /**
     * The policy's verdict on the log's latest stored checkpoint. A policy that lists logs must
     * list this one; one that lists none trusts the log's own key from its store.
     */
    static Policy.Verdict latestUnder(Policy policy, Log log) throws IOException {
        List<Checkpoint> all = log.checkpoints();
        Checkpoint latest = all.get(all.size() - 1);
        if (policy.logs().isEmpty()) {
            return policy.evaluate(latest, List.of(log.verifierKey()));
        }
        return policy.evaluate(latest);
    }
}
