package org.gosplan.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gosplan.record.Event;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.gosplan.record.Role;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Keys;
import org.gosplan.ledger.NoteVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "record", description = {
        "Records a signed event on the log in DIR (or --db): a member or its revocation, an economy, targets, a",
        "proposal, a unit, a fulfilment report, an inspection and its secrets, findings and answers, or an event",
        "built elsewhere.",
        "The signer must be registered with a role allowed for the event type; a refused event is never recorded.",
        "Each event is checked against the log as it is when appended, other processes' events included. A log",
        "holds events or raw lines, never both (its entry 0 decides; see docs/logs.md): a log of raw lines is refused."},
        subcommands = {RecordCommand.MemberCmd.class, RecordCommand.RevokeCmd.class, RecordCommand.EconomyCmd.class,
                RecordCommand.TargetsCmd.class, ProposalCommand.class, BallotCommand.Open.class, BallotCommand.Close.class,
                BallotCommand.Tally.class, RecordCommand.EventCmd.class,
                InspectionCommands.UnitCmd.class, InspectionCommands.ReportCmd.class,
                InspectionCommands.InspectionCmd.class, InspectionCommands.CommitCmd.class,
                InspectionCommands.RevealCmd.class, InspectionCommands.FindingCmd.class,
                InspectionCommands.AnswerCmd.class, DrawCommand.RecordDraw.class, LicenceCommand.class})
final class RecordCommand extends CommandGroup {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "the log's data directory")
    Path dir;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "a log kept in PostgreSQL instead of DIR")
    String db;


    Record open() throws IOException {
        return RecordAccess.open(dir, db);
    }

    /** Options every recording subcommand shares. */
    static final class Signing {
        @Option(names = "--key", paramLabel = "KEY", description = "private key file (default: the log's own key)")
        Path key;

        @Option(names = "--json", description = "print {\"index\", \"type\", \"hash\"} as JSON")
        boolean json;

        NoteSigner signer(Record r) throws IOException {
            return key == null ? r.log().signingKey() : Keys.read(key);
        }
    }

    static int report(Signing s, long index, String type, String hash) {
        if (s.json) {
            ObjectNode o = Json.object();
            o.put("index", index);
            o.put("type", type);
            if (hash != null) {
                o.put("hash", hash);
            } else {
                o.putNull("hash");
            }
            Json.print(System.out, o);
        } else {
            System.out.println("recorded " + type + " at index " + index + (hash == null ? "" : ", content " + hash));
        }
        return ExitCode.OK;
    }

    /** {@code --attr KEY=VALUE} options, in order, each key once. */
    static Map<String, String> attributes(List<String> attrs) {
        Map<String, String> a = new LinkedHashMap<>();
        for (String kv : attrs) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--attr '" + kv + "' is not KEY=VALUE, such as region=north");
            }
            if (a.put(kv.substring(0, eq), kv.substring(eq + 1)) != null) {
                throw new UsageException("--attr " + kv.substring(0, eq) + " is given twice; give each attribute once");
            }
        }
        return a;
    }

    @Command(name = "member", description = {
            "Registers a public key (from 'gosplan key new') with a role, its councils and its attributes.",
            "Registering a key that is already registered replaces its role, councils and attributes from this entry on.",
            "Only operators register; a revoked key stays revoked (register a new key instead)."})
    static final class MemberCmd implements Callable<Integer> {
        @ParentCommand
        RecordCommand parent;

        @Parameters(paramLabel = "VKEY", description = "verifier key <name>+<key id>+<base64>")
        String vkey;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "operator, council, inspector, enterprise or citizen")
        String role;

        @Option(names = "--council", paramLabel = "NAME",
                description = "a council the key is a member of (repeatable): the electorate council:NAME")
        List<String> councils = new ArrayList<>();

        @Option(names = "--attr", paramLabel = "KEY=VALUE",
                description = "an attribute used by lotteries and quotas, such as region=north (repeatable)")
        List<String> attrs = new ArrayList<>();

        @Mixin
        Signing signing;

        @Override
        public Integer call() throws IOException {
            NoteVerifier k = Keys.parseVerifier(vkey);
            Role r = Role.parse(role);
            Map<String, String> a = attributes(attrs);
            try (Record rec = parent.open()) {
                long i = rec.registerMember(k, r, councils, a, signing.signer(rec));
                return report(signing, i, "member.registered", null);
            }
        }
    }

    @Command(name = "revoke", description = {
            "Revokes a member's key: from this entry on it may sign nothing, and its earlier events stay valid.",
            "Only operators revoke; the log's own key cannot be revoked, and a revoked key cannot be registered again."})
    static final class RevokeCmd implements Callable<Integer> {
        @ParentCommand
        RecordCommand parent;

        @Parameters(paramLabel = "NAME", description = "the member as events name it, <name>+<key id> (or its verifier key)")
        String name;

        @Mixin
        Signing signing;

        @Override
        public Integer call() throws IOException {
            String signer = name.chars().filter(c -> c == '+').count() >= 2 ? Keys.signerName(Keys.parseVerifier(name))
                    : name;
            if (!signer.contains("+")) {
                throw new UsageException("NAME '" + name + "' is a key's name without its id; give <name>+<key id>"
                        + " as 'gosplan show' prints its signer");
            }
            try (Record rec = parent.open()) {
                long i = rec.revokeMember(signer, signing.signer(rec));
                return report(signing, i, "member.revoked", null);
            }
        }
    }

    @Command(name = "economy", description = "Records an economy (JSON file, folder or IO table); its content is stored by SHA-256.")
    static final class EconomyCmd implements Callable<Integer> {
        @ParentCommand
        RecordCommand parent;

        @Parameters(paramLabel = "ECONOMY")
        Path economy;

        @Mixin
        Signing signing;

        @Override
        public Integer call() throws IOException {
            try (Record rec = parent.open()) {
                StderrProgress progress = new StderrProgress(System.err);
                Record.Recorded r = rec.publishEconomy(economy, signing.signer(rec), progress);
                progress.done();
                return report(signing, r.index(), r.type(), r.hash());
            }
        }
    }

    @Command(name = "targets", description = "Records targets (a targets.csv: product,quantity,weight) for the latest economy.")
    static final class TargetsCmd implements Callable<Integer> {
        @ParentCommand
        RecordCommand parent;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Mixin
        Signing signing;

        @Override
        public Integer call() throws IOException {
            try (Record rec = parent.open()) {
                Record.Recorded r = rec.setTargets(file, signing.signer(rec));
                return report(signing, r.index(), r.type(), r.hash());
            }
        }
    }

    @Command(name = "event", description = {
            "Records an event built elsewhere: FILE holds {\"type\": ..., \"body\": ...}; v, time, signer and sig are added.",
            "The body is checked for form and the signer's role, not for truth: 'gosplan verify --replay' checks plans."})
    static final class EventCmd implements Callable<Integer> {
        @ParentCommand
        RecordCommand parent;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Mixin
        Signing signing;

        @Override
        public Integer call() throws IOException {
            JsonNode n;
            try {
                n = Json.MAPPER.readTree(Files.readString(file));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UsageException(file + ": not JSON: " + e.getOriginalMessage());
            }
            if (n == null || !n.isObject() || !n.path("type").isTextual() || !n.path("body").isObject()) {
                throw new UsageException(file + ": an event file holds {\"type\": \"...\", \"body\": {...}}");
            }
            n.fieldNames().forEachRemaining(f -> {
                if (!f.equals("type") && !f.equals("body")) {
                    throw new UsageException(file + ": unknown field '" + f + "'; the command adds v, time, signer and sig");
                }
            });
            try (Record rec = parent.open()) {
                String type = n.get("type").asText();
                long i = rec.append(type, (ObjectNode) n.get("body"), signing.signer(rec));
                Event e = rec.event(i);
                return report(signing, i, type, e.body().path("plan").isTextual() ? e.body().get("plan").asText()
                        : e.body().path("hash").isTextual() ? e.body().get("hash").asText() : null);
            } catch (RecordException e) {
                throw e;
            }
        }
    }
}
