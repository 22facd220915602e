package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gosplan.ledger.AppendResult;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.ConsistencyProof;
import org.gosplan.ledger.InclusionProof;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.LogDamagedException;
import org.gosplan.ledger.LogVerification;
import org.gosplan.ledger.MerkleTree;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.ProofException;
import org.gosplan.ledger.Proofs;
import org.gosplan.ledger.cosigning.Cosigning;
import org.gosplan.ledger.policy.Policy;
import org.gosplan.record.Event;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gosplan log ...}: the transparency log (cli.md, "The record" and "Transparency log on raw leaves"). */
@Command(name = "log", description = {
        "Keeps the record, an append-only transparency log, and offers RFC 9162 tools on raw leaves.",
        "A Merkle-tree log (RFC 9162) with signed C2SP checkpoints, in a data directory DIR or in",
        "PostgreSQL (--db JDBC_URL). 'gosplan log COMMAND --help' for one command."},
        subcommands = {LogCommand.Init.class, LogCommand.Append.class, LogCommand.CheckpointCmd.class,
                LogCommand.Key.class, LogCommand.Prove.class, LogCommand.Verify.class, LogCommand.Root.class,
                LogCommand.Inclusion.class, LogCommand.Consistency.class, LogCommand.VerifyInclusion.class,
                LogCommand.VerifyConsistency.class, LogCommand.Witness.class, LogCommand.ListCmd.class},
        footer = {"", "Examples:",
                "  gosplan log init data/log --origin example.org/gosplan",
                "  printf 'a\\nb\\n' | gosplan log append data/log --json",
                "  gosplan log prove data/log --index 0",
                "  gosplan log verify data/log",
                "  gosplan log witness data/log --policy policy.txt"})
final class LogCommand extends CommandGroup {
    @Mixin
    Help help;


    /** {@code -h, --help} on every log command. */
    static final class Help {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;
    }

    /** Where the log is: DIR, or --db JDBC_URL. */
    static final class Where {
        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "the log's data directory")
        Path dir;

        @Option(names = "--db", paramLabel = "JDBC_URL",
                description = "a log kept in PostgreSQL instead, e.g. jdbc:postgresql://localhost:5432/gosplan?user=me")
        String db;

        void check() {
            if (dir == null && db == null) {
                throw new UsageException("give the log's data directory DIR, or --db JDBC_URL");
            }
            if (dir != null && db != null) {
                throw new UsageException("give either DIR or --db, not both (" + dir + ")");
            }
        }

        Log open() throws IOException {
            check();
            return db != null ? Log.openDb(db) : Log.open(dir);
        }

        String describe() {
            return db != null ? db.replaceAll("\\?.*", "") : dir.toString();
        }
    }

    @Command(name = "init", description = {
            "Creates an empty log and its signing key.",
            "The log is named NAME (the checkpoint origin line); its Ed25519 key is kept beside the data",
            "(DIR/log.key, mode 0600; with --db, in the table gosplan_log_key). Signs the empty tree's checkpoint."})
    static final class Init implements Callable<Integer> {
        @Mixin
        Help help;

        @Mixin
        Where where;

        @Option(names = "--origin", required = true, paramLabel = "NAME",
                description = "the log's name, a schema-less URL such as example.org/gosplan (no spaces or '+')")
        String origin;

        @Option(names = "--key", paramLabel = "FILE",
                description = "sign with this private key (from 'gosplan key new') instead of a new one")
        Path key;

        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() throws IOException {
            where.check();
            NoteSigner signer = null;
            if (key != null) {
                signer = NoteSigner.parse(new String(Files.readAllBytes(key), StandardCharsets.UTF_8), key.toString());
            }
            try (Log log = where.db != null ? Log.initDb(where.db, origin, signer) : Log.init(where.dir, origin, signer)) {
                if (json) {
                    ObjectNode doc = Json.object();
                    doc.put("origin", log.origin());
                    doc.put("key", log.verifierKey().toString());
                    doc.put("size", 0);
                    Json.print(System.out, doc);
                } else {
                    System.out.println("made the log " + log.origin() + " in " + where.describe());
                    System.out.println("verifier key: " + log.verifierKey());
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "append", description = {
            "Appends each line of FILE (default standard input) as one entry.",
            "An entry is the line's raw bytes without the newline, or hex-decoded with --hex. Returns only",
            "after the entries are durable, then signs a checkpoint of the new tree. Writers in several",
            "processes may append at once: they take turns, and each gets its indices (contiguous per chunk",
            "of 65,536 lines). A log that holds signed events (its entry 0 is one, made by 'gosplan record')",
            "takes only events: append refuses it (exit 2, nothing appended)."})
    static final class Append implements Callable<Integer> {
        /** Refuses raw lines for a log of signed events (record's Event says what an event is). */
        private static void refuseEventLog(Log log, long size, String where) throws IOException {
            if (size > 0 && Event.isEvent(log.entry(0))) {
                throw new UsageException(where + " holds signed events (its entry 0 is one), and raw lines would break"
                        + " 'gosplan verify' for good; record events with 'gosplan record' instead; nothing appended");
            }
        }

        @Mixin
        Help help;

        @Mixin
        Where where;

        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "the entries, one per line")
        Path file;

        @Option(names = "--hex", description = "each line is hex; append the decoded bytes")
        boolean hex;

        @Option(names = "--json", description = "print {\"first\", \"count\", \"size\", \"root\", \"ranges\"}")
        boolean json;

        // Entries go to the log in chunks so any input size streams; each chunk is durable when appended.
        private static final int CHUNK_ENTRIES = 1 << 16;
        private static final long CHUNK_BYTES = 16L << 20;

        @Override
        public Integer call() throws IOException {
            if (where.db != null && where.dir != null && file == null) {
                file = where.dir; // with --db the one positional is FILE
                where.dir = null;
            }
            where.check();
            String name = file == null ? "standard input" : file.toString();
            if (file != null && hex) {
                // Check the whole file first, so a bad line appends nothing.
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                    LogInputs.lines(in, (b, n) -> LogInputs.hexLine(b, name, n));
                }
            }
            try (Log log = where.open();
                 InputStream in = file == null ? System.in : Files.newInputStream(file)) {
                // Refused before reading the input, and again under the writer's lock by the first
                // chunk (the log may have been empty when opened).
                refuseEventLog(log, log.size(), where.describe());
                long[] first = {-1};
                long[] count = {0};
                AppendResult[] last = {null};
                List<long[]> ranges = new ArrayList<>();
                List<byte[]> chunk = new ArrayList<>();
                long[] bytes = {0};
                LogInputs.lines(in, (b, n) -> {
                    byte[] e = hex ? LogInputs.hexLine(b, name, n) : b;
                    chunk.add(e);
                    bytes[0] += e.length;
                    if (chunk.size() >= CHUNK_ENTRIES || bytes[0] >= CHUNK_BYTES) {
                        last[0] = flush(log, chunk, first, count, ranges, where.describe());
                        bytes[0] = 0;
                    }
                });
                if (!chunk.isEmpty() || last[0] == null) {
                    last[0] = flush(log, chunk, first, count, ranges, where.describe());
                }
                Checkpoint cp = log.checkpoint();
                String root = LogInputs.hex(last[0].root());
                if (json) {
                    ObjectNode doc = Json.object();
                    doc.put("first", first[0]);
                    doc.put("count", count[0]);
                    doc.put("size", last[0].size());
                    doc.put("root", root);
                    // Chunks of one input are contiguous each; other writers' entries may lie between.
                    ArrayNode spans = doc.putArray("ranges");
                    for (long[] r : ranges) {
                        spans.addArray().add(r[0]).add(r[1]);
                    }
                    Json.print(System.out, doc);
                } else {
                    StringBuilder at = new StringBuilder();
                    for (long[] r : ranges) {
                        at.append(at.length() == 0 ? "" : ", ").append(r[0]).append(r[0] == r[1] ? "" : " to " + r[1]);
                    }
                    System.out.println(count[0] == 0 ? "appended nothing (no lines)"
                            : "appended " + count[0] + (count[0] == 1 ? " entry" : " entries") + ": "
                                    + (count[0] == 1 ? "index " : "indices ") + at
                                    + (ranges.size() > 1 ? " (other writers appended between)" : ""));
                    System.out.println("size " + last[0].size() + ", root " + root);
                    System.out.print("checkpoint:\n" + cp);
                }
            }
            return ExitCode.OK;
        }

        private static AppendResult flush(Log log, List<byte[]> chunk, long[] first, long[] count, List<long[]> ranges,
                String where) throws IOException {
            AppendResult r = first[0] < 0 ? log.append(chunk, size -> refuseEventLog(log, size, where))
                    : log.append(chunk);
            if (first[0] < 0) {
                first[0] = r.first();
            }
            count[0] += r.count();
            if (r.count() > 0) {
                long[] lastRange = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
                if (lastRange != null && lastRange[1] + 1 == r.first()) {
                    lastRange[1] = r.first() + r.count() - 1;
                } else {
                    ranges.add(new long[] {r.first(), r.first() + r.count() - 1});
                }
            }
            chunk.clear();
            return r;
        }
    }

    @Command(name = "checkpoint", description = {
            "Prints the log's current signed checkpoint.",
            "C2SP tlog-checkpoint in signed-note form: origin, tree size, base64 root hash, blank line,",
            "signature lines, the log's own first, then the cosignatures 'gosplan log witness' collected.",
            "Signs and keeps a new one when the tree has grown."})
    static final class CheckpointCmd implements Callable<Integer> {
        @Mixin
        Help help;

        @Mixin
        Where where;

        @Option(names = "--json", description = "print {\"origin\", \"size\", \"root\", \"checkpoint\"}")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Log log = where.open()) {
                Checkpoint cp = log.checkpoint();
                if (json) {
                    ObjectNode doc = Json.object();
                    doc.put("origin", cp.origin());
                    doc.put("size", cp.size());
                    doc.put("root", LogInputs.hex(cp.root()));
                    doc.put("checkpoint", cp.toString());
                    Json.print(System.out, doc);
                } else {
                    System.out.print(cp);
                    System.out.flush();
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "witness", description = {
            "Sends the latest checkpoint to the policy's witnesses and keeps their cosignatures.",
            "C2SP tlog-witness: each witness of the tlog-policy FILE (at its URL) gets the checkpoint with a",
            "consistency proof from the size it last cosigned (a 409 answer names it, and the checkpoint is sent",
            "again from there). The cosignatures that verify are stored on the checkpoint ('gosplan log",
            "checkpoint' prints them). A witness that is down or refuses does not stop the others: it is listed",
            "as failed. Exit 0 when the policy's quorum is met, 1 when not."},
            footer = {"", "Example:", "  gosplan log witness data/log --policy policy.txt --json"})
    static final class Witness implements Callable<Integer> {
        @Mixin
        Help help;

        @Mixin
        Where where;

        @Option(names = "--policy", required = true, paramLabel = "FILE",
                description = "a C2SP tlog-policy file whose witness lines give each witness's URL")
        Path policyFile;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
                description = "give up on a witness that does not connect or answer within this (default 10)")
        int timeout;

        @Option(names = "--json", description = "print {\"size\", \"root\", \"cosigned\", \"failed\": [{\"witness\","
                + " \"status\", \"message\"}], \"quorum\", \"quorumMet\", \"missing\"}")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if (timeout < 1) {
                throw new UsageException("--timeout must be at least 1 second, not " + timeout);
            }
            Policy policy = Policy.read(policyFile);
            Cosigning.Result r;
            try (Log log = where.open()) {
                r = new Cosigning(Duration.ofSeconds(timeout)).cosign(log, policy);
            }
            Checkpoint cp = r.checkpoint();
            if (json) {
                ObjectNode doc = Json.object();
                doc.put("size", cp.size());
                doc.put("root", LogInputs.hex(cp.root()));
                ArrayNode c = doc.putArray("cosigned");
                r.cosigned().forEach(c::add);
                ArrayNode f = doc.putArray("failed");
                for (Cosigning.Failure x : r.failed()) {
                    f.addObject().put("witness", x.witness()).put("status", x.status()).put("message", x.message());
                }
                doc.put("quorum", policy.quorum());
                doc.put("quorumMet", r.verdict().valid());
                ArrayNode m = doc.putArray("missing");
                r.verdict().missing().forEach(m::add);
                Json.print(System.out, doc);
            } else {
                System.out.println("checkpoint of size " + cp.size() + ", root " + LogInputs.hex(cp.root()));
                System.out.println("cosigned by " + (r.cosigned().isEmpty() ? "no witness"
                        : String.join(", ", r.cosigned())));
                for (Cosigning.Failure x : r.failed()) {
                    System.out.println("failed: " + x.witness() + (x.status() == 0 ? "" : " (HTTP " + x.status() + ")")
                            + ": " + x.message());
                }
                if (r.verdict().valid()) {
                    System.out.println("quorum " + policy.quorum() + " met");
                } else {
                    System.out.println("QUORUM NOT MET (" + policy.quorum() + ")");
                    for (String p : r.verdict().problems()) {
                        System.out.println("  " + p);
                    }
                }
            }
            return r.verdict().valid() ? ExitCode.OK : ExitCode.NEGATIVE;
        }
    }

    @Command(name = "list", description = {
            "Lists the events of a record, one line each: index, type, time and signer.",
            "--type keeps the events of one type (ballot.opened finds the ballots to vote in or tally, plan.computed",
            "the plans); --from and --limit page through a long log. 'gosplan show DIR INDEX' prints one in full."})
    static final class ListCmd implements Callable<Integer> {
        @Mixin
        Help help;

        @Mixin
        Where where;

        @Option(names = "--type", paramLabel = "TYPE", description = "only events of this type, such as ballot.opened")
        String type;

        @Option(names = "--from", paramLabel = "INDEX", defaultValue = "0", description = "the first index (default 0)")
        long from;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "at most N events (default 0: all)")
        long limit;

        @Option(names = "--json", description = "print {\"size\", \"events\": [{\"index\", \"type\", \"time\","
                + " \"signer\", \"signerName\", \"signerRole\"}]}")
        boolean json;

        @Option(names = "--progress", description = "how far the listing has got, on standard error, even where that"
                + " is not a terminal (on a terminal it shows after 2 s anyway)")
        boolean progress;

        @Override
        public Integer call() throws IOException {
            where.check();
            if (type != null && !org.gosplan.record.EventTypes.KNOWN.contains(type)) {
                throw new UsageException("--type " + type + ": no such event type" + org.gosplan.economy.Ids.didYouMean(
                        type, new ArrayList<>(new java.util.TreeSet<>(org.gosplan.record.EventTypes.KNOWN)))
                        + "; the types are " + String.join(", ", new java.util.TreeSet<>(
                        org.gosplan.record.EventTypes.KNOWN)));
            }
            if (from < 0) {
                throw new UsageException("--from " + from + ": give the index of the first entry to list, 0 or more");
            }
            if (limit < 0) {
                throw new UsageException("--limit " + limit + ": give how many events to list at most, 1 or more"
                        + " (or 0, the default, for all)");
            }
            EventList.Query query = new EventList.Query(from, limit, type, where.describe());
            // the opening (seconds on a big record) gives no counts: the heartbeat keeps its time moving
            StderrProgress progress = StderrProgress.forReading(System.err, this.progress).withHeartbeat();
            progress.update("opening the record", -1, -1);
            try (org.gosplan.record.Record r = RecordAccess.open(where.dir, where.db)) {
                long size = r.log().size();
                if (from > size) {
                    // --from equal to the size is the empty page after the last (paging stops there)
                    throw new UsageException("--from " + from + " is past the end of " + where.describe() + ", which has "
                            + size + (size == 1 ? " entry" : " entries") + (size == 0 ? "" : " (0 to " + (size - 1) + ")")
                            + "; give --from " + size + " or less");
                }
                if (json) {
                    EventList.json(r, query, progress, EventList.stdout());
                } else if (EventList.text(r, query, progress, EventList.stdout()) == 0) {
                    progress.done();
                    System.err.println("no events" + (type == null ? "" : " of type " + type) + " in "
                            + where.describe() + (from > 0 ? " from index " + from : ""));
                }
            } finally {
                progress.done();
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "key", description = {
            "Prints the log's public verifier key.",
            "C2SP signed-note form: <origin>+<key id, 8 hex digits>+<base64 of 0x01 and the 32-byte key>."})
    static final class Key implements Callable<Integer> {
        @Mixin
        Help help;

        @Mixin
        Where where;

        @Option(names = "--json", description = "print {\"origin\", \"key\"}")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Log log = where.open()) {
                if (json) {
                    ObjectNode doc = Json.object();
                    doc.put("origin", log.origin());
                    doc.put("key", log.verifierKey().toString());
                    Json.print(System.out, doc);
                } else {
                    System.out.println(log.verifierKey());
                }
            }
            return ExitCode.OK;
        }
    }

    static final class InclusionArgs {
        @Option(names = "--index", required = true, paramLabel = "i", description = "the entry (from 0)")
        long index;

        @Option(names = "--size", paramLabel = "n", description = "the tree size (default: the whole log)")
        Long size;
    }

    static final class ConsistencyArgs {
        @Option(names = "--from", required = true, paramLabel = "m", description = "the old tree size")
        long from;

        @Option(names = "--to", paramLabel = "n", description = "the new tree size (default: the whole log)")
        Long to;
    }

    static final class ProofKind {
        @ArgGroup(exclusive = false)
        InclusionArgs inclusion;

        @ArgGroup(exclusive = false)
        ConsistencyArgs consistency;
    }

    @Command(name = "prove", description = {
            "Prints an inclusion or consistency proof from the stored log.",
            "--index i [--size n] for inclusion, --from m [--to n] for consistency; JSON as 'gosplan log",
            "inclusion' and 'gosplan log consistency' print. Reads O(log n) stored hashes."})
    static final class Prove implements Callable<Integer> {
        @Mixin
        Help help;

        @Mixin
        Where where;

        @ArgGroup(exclusive = true, multiplicity = "1")
        ProofKind kind;

        @Option(names = "--json", description = "(the output is always JSON)")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Log log = where.open()) {
                if (kind.inclusion != null) {
                    LogInputs.nonNegative(kind.inclusion.index, "--index");
                    long n = kind.inclusion.size == null ? log.size() : kind.inclusion.size;
                    LogInputs.nonNegative(n, "--size");
                    InclusionProof p = log.inclusionProof(kind.inclusion.index, n);
                    Json.print(System.out, inclusionJson(p.index(), p.size(), p.root(), p.proof(), p.leafHash()));
                } else {
                    LogInputs.nonNegative(kind.consistency.from, "--from");
                    long n = kind.consistency.to == null ? log.size() : kind.consistency.to;
                    LogInputs.nonNegative(n, "--to");
                    ConsistencyProof p = log.consistencyProof(kind.consistency.from, n);
                    Json.print(System.out, consistencyJson(p.from(), p.to(), p.oldRoot(), p.newRoot(), p.proof()));
                }
            }
            return ExitCode.OK;
        }
    }

    static ObjectNode inclusionJson(long index, long size, byte[] root, List<byte[]> proof, byte[] leafHash) {
        ObjectNode doc = Json.object();
        doc.put("index", index);
        doc.put("size", size);
        doc.put("root", LogInputs.hex(root));
        ArrayNode a = doc.putArray("proof");
        LogInputs.hexList(proof).forEach(a::add);
        doc.put("leafHash", LogInputs.hex(leafHash));
        return doc;
    }

    static ObjectNode consistencyJson(long from, long to, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        ObjectNode doc = Json.object();
        doc.put("from", from);
        doc.put("to", to);
        doc.put("oldRoot", LogInputs.hex(oldRoot));
        doc.put("newRoot", LogInputs.hex(newRoot));
        ArrayNode a = doc.putArray("proof");
        LogInputs.hexList(proof).forEach(a::add);
        return doc;
    }

    @Command(name = "verify", description = {
            "Checks the whole log: entries, hashes, checkpoints, signatures.",
            "Recomputes the tree from the stored entries and checks every stored hash, every stored",
            "checkpoint and its signature, and the store's own checksums and commit record.",
            "Exit 0 when all hold, 1 naming the first entry, hash or checkpoint that does not."})
    static final class Verify implements Callable<Integer> {
        @Mixin
        Help help;

        @Mixin
        Where where;

        @Option(names = "--json", description = "print {\"valid\", \"size\", \"entries\", \"hashes\", \"checkpoints\","
                + " \"problems\": [{\"where\", \"message\"}]}")
        boolean json;

        @Option(names = "--progress", description = "how far the check has got, on standard error, even where that is"
                + " not a terminal (on a terminal it shows after 2 s anyway)")
        boolean progress;

        @Override
        public Integer call() throws IOException {
            where.check();
            LogVerification v;
            StderrProgress shown = StderrProgress.forReading(System.err, progress);
            try (Log log = where.open()) {
                long size = log.size();
                v = log.verify(done -> shown.update("checking the entries and their hashes", done, size));
            } catch (LogDamagedException e) {
                // Damaged so badly it cannot be opened: still a negative answer about the log, not a usage error.
                v = new LogVerification(0, 0, 0, 0, List.of(new LogVerification.Problem(e.where(),
                        e.getMessage().substring(Math.min(e.getMessage().length(), e.where().length() + 2)))));
            } finally {
                shown.done();
            }
            if (json) {
                ObjectNode doc = Json.object();
                doc.put("valid", v.valid());
                doc.put("size", v.size());
                doc.put("entries", v.entries());
                doc.put("hashes", v.hashes());
                doc.put("checkpoints", v.checkpoints());
                ArrayNode a = doc.putArray("problems");
                for (LogVerification.Problem p : v.problems()) {
                    a.addObject().put("where", p.where()).put("message", p.message());
                }
                Json.print(System.out, doc);
            } else if (v.valid()) {
                System.out.printf("valid: %s%n  entries      %,d%n  hashes       %,d%n  checkpoints  %,d%n",
                        where.describe(), v.entries(), v.hashes(), v.checkpoints());
            } else {
                System.out.printf("invalid: %s (%d problem%s; the first is where the log went wrong)%n",
                        where.describe(), v.problems().size(), v.problems().size() == 1 ? "" : "s");
                for (LogVerification.Problem p : v.problems()) {
                    System.out.println("  " + p);
                }
            }
            return v.valid() ? ExitCode.OK : ExitCode.NEGATIVE;
        }
    }

    // ------------------------------------------------------------------ raw leaves

    private static MerkleTree tree(Path leaves) throws IOException {
        return MerkleTree.ofLeaves(LogInputs.leaves(leaves));
    }

    private static long sizeOr(Long size, MerkleTree t, String option) {
        long n = size == null ? t.size() : size;
        LogInputs.nonNegative(n, option);
        if (n > t.size()) {
            throw new UsageException(option + " " + n + " is more than the " + t.size() + " leaves in the file");
        }
        return n;
    }

    @Command(name = "root", description = "Prints the Merkle tree hash (RFC 9162 section 2.1.1) of the first n leaves"
            + " (default all) of LEAVES, a file of hex leaves, one per line.")
    static final class Root implements Callable<Integer> {
        @Mixin
        Help help;

        @Parameters(paramLabel = "LEAVES", description = "hex-encoded leaf data, one leaf per line (an empty line is"
                + " the empty leaf)")
        Path leaves;

        @Option(names = "--size", paramLabel = "n", description = "the tree size (default: all leaves)")
        Long size;

        @Option(names = "--json", description = "print {\"size\", \"root\"}")
        boolean json;

        @Override
        public Integer call() throws IOException {
            MerkleTree t = tree(leaves);
            long n = sizeOr(size, t, "--size");
            String root = LogInputs.hex(t.root(n));
            if (json) {
                ObjectNode doc = Json.object();
                doc.put("size", n);
                doc.put("root", root);
                Json.print(System.out, doc);
            } else {
                System.out.println(root);
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "inclusion", description = "Prints the inclusion proof (RFC 9162 section 2.1.3) of leaf i in the tree of the"
            + " first n leaves of LEAVES, as JSON {\"index\", \"size\", \"root\", \"proof\"}.")
    static final class Inclusion implements Callable<Integer> {
        @Mixin
        Help help;

        @Parameters(paramLabel = "LEAVES", description = "hex-encoded leaf data, one leaf per line")
        Path leaves;

        @Mixin
        InclusionArgs args;

        @Option(names = "--json", description = "(the output is always JSON)")
        boolean json;

        @Override
        public Integer call() throws IOException {
            MerkleTree t = tree(leaves);
            long n = sizeOr(args.size, t, "--size");
            LogInputs.nonNegative(args.index, "--index");
            if (args.index >= n) {
                throw new UsageException("--index " + args.index + " is outside the tree of size " + n
                        + " (indices run from 0 to size - 1)");
            }
            Json.print(System.out, inclusionJson(args.index, n, t.root(n), t.inclusionProof(args.index, n),
                    t.leafHash(args.index)));
            return ExitCode.OK;
        }
    }

    @Command(name = "consistency", description = "Prints the consistency proof (RFC 9162 section 2.1.4) from the tree of the"
            + " first m leaves to the first n, as JSON {\"from\", \"to\", \"oldRoot\", \"newRoot\", \"proof\"}.")
    static final class Consistency implements Callable<Integer> {
        @Mixin
        Help help;

        @Parameters(paramLabel = "LEAVES", description = "hex-encoded leaf data, one leaf per line")
        Path leaves;

        @Mixin
        ConsistencyArgs args;

        @Option(names = "--json", description = "(the output is always JSON)")
        boolean json;

        @Override
        public Integer call() throws IOException {
            MerkleTree t = tree(leaves);
            long n = sizeOr(args.to, t, "--to");
            LogInputs.nonNegative(args.from, "--from");
            if (args.from > n) {
                throw new UsageException("--from " + args.from + " is more than --to " + n);
            }
            Json.print(System.out, consistencyJson(args.from, n, t.root(args.from), t.root(n),
                    t.consistencyProof(args.from, n)));
            return ExitCode.OK;
        }
    }

    private static int verdict(String failure, boolean json) {
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("valid", failure == null);
            if (failure != null) {
                doc.put("reason", failure);
            }
            Json.print(System.out, doc);
        } else {
            System.out.println(failure == null ? "verified" : "not verified: " + failure);
        }
        return failure == null ? ExitCode.OK : ExitCode.NEGATIVE;
    }

    @Command(name = "verify-inclusion", description = {
            "Checks an inclusion proof (RFC 9162 section 2.1.3.2).",
            "Strictly, as transparency-dev/merkle: exit 0 when it verifies, 1 when it does not (a wrong",
            "proof length included), 2 on malformed input."})
    static final class VerifyInclusion implements Callable<Integer> {
        @Mixin
        Help help;

        @Option(names = "--leaf-hash", required = true, paramLabel = "H", description = "the leaf hash, hex")
        String leafHash;

        @Option(names = "--index", required = true, paramLabel = "i")
        long index;

        @Option(names = "--size", required = true, paramLabel = "n")
        long size;

        @Option(names = "--root", required = true, paramLabel = "R", description = "the root hash, hex")
        String root;

        @Option(names = "--proof", required = true, paramLabel = "P1,P2,...",
                description = "the proof hashes, hex, comma-separated; \"\" for the empty proof")
        String proof;

        @Option(names = "--json", description = "print {\"valid\", \"reason\"}")
        boolean json;

        @Override
        public Integer call() {
            LogInputs.nonNegative(index, "--index");
            LogInputs.nonNegative(size, "--size");
            byte[] leaf = LogInputs.hash(leafHash, "--leaf-hash");
            byte[] r = LogInputs.hash(root, "--root");
            List<byte[]> p = LogInputs.proof(proof);
            try {
                Proofs.verifyInclusion(leaf, index, size, r, p);
                return verdict(null, json);
            } catch (ProofException e) {
                return verdict(e.getMessage(), json);
            }
        }
    }

    @Command(name = "verify-consistency", description = {
            "Checks a consistency proof (RFC 9162 section 2.1.4.2).",
            "Strictly, as transparency-dev/merkle (--from 0 fails): exit 0 when it verifies, 1 when it",
            "does not, 2 on malformed input."})
    static final class VerifyConsistency implements Callable<Integer> {
        @Mixin
        Help help;

        @Option(names = "--from", required = true, paramLabel = "m")
        long from;

        @Option(names = "--to", required = true, paramLabel = "n")
        long to;

        @Option(names = "--old-root", required = true, paramLabel = "R1")
        String oldRoot;

        @Option(names = "--new-root", required = true, paramLabel = "R2")
        String newRoot;

        @Option(names = "--proof", required = true, paramLabel = "P1,P2,...",
                description = "the proof hashes, hex, comma-separated; \"\" for the empty proof")
        String proof;

        @Option(names = "--json", description = "print {\"valid\", \"reason\"}")
        boolean json;

        @Override
        public Integer call() {
            LogInputs.nonNegative(from, "--from");
            LogInputs.nonNegative(to, "--to");
            byte[] r1 = LogInputs.hash(oldRoot, "--old-root");
            byte[] r2 = LogInputs.hash(newRoot, "--new-root");
            List<byte[]> p = LogInputs.proof(proof);
            try {
                Proofs.verifyConsistency(from, to, r1, r2, p);
                return verdict(null, json);
            } catch (ProofException e) {
                return verdict(e.getMessage(), json);
            }
        }
    }
}
