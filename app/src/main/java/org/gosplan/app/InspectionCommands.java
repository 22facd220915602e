package org.gosplan.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gosplan.inspection.Inspections;
import org.gosplan.inspection.Reports;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The inspectorate's {@code gosplan record DIR ...} subcommands (inspection.md); the draw is DrawCommand's. */
final class InspectionCommands {
    private InspectionCommands() {}

    @Command(name = "unit", description = {
            "Registers a unit of production: an enterprise or workshop that runs these techniques of the latest",
            "economy. Its enterprise keys belong to it through",
            "'record DIR member VKEY --role enterprise --attr unit=ID'.",
            "Registering a registered unit replaces its techniques and attributes from this entry on. Operators only."})
    static final class UnitCmd implements Callable<Integer> {
        @ParentCommand
        RecordCommand parent;

        @Parameters(paramLabel = "ID", description = "the unit's id, such as steelworks-3")
        String id;

        @Option(names = "--techniques", required = true, split = ",", paramLabel = "T1,T2",
                description = "the techniques of the latest economy that the unit runs")
        List<String> techniques;

        @Option(names = "--attr", paramLabel = "KEY=VALUE",
                description = "an attribute inspections may exclude on, such as region=north (repeatable)")
        List<String> attrs = new ArrayList<>();

        @Mixin
        RecordCommand.Signing signing;

        @Override
        public Integer call() throws IOException {
            var a = RecordCommand.attributes(attrs);
            try (Record rec = parent.open()) {
                long i = Reports.registerUnit(rec, id, techniques, a, signing.signer(rec));
                return RecordCommand.report(signing, i, EventTypes.UNIT_REGISTERED, null);
            }
        }
    }

    @Command(name = "report", description = {
            "Records a fulfilment report (gosplan/report@1: the levels run, deliveries, receipts and resources used).",
            "It is signed by an enterprise key of the unit it reports on, names a plan recorded on this log, and names",
            "only techniques of that unit and products, resources and units the plan's economy and the log know; each",
            "mistake is given with its file, line and field, and nothing is recorded. The file is stored beside the",
            "log."})
    static final class ReportCmd implements Callable<Integer> {
        @ParentCommand
        RecordCommand parent;

        @Parameters(paramLabel = "FILE", description = "the report, JSON")
        Path file;

        @Mixin
        RecordCommand.Signing signing;

        @Override
        public Integer call() throws IOException {
            try (Record rec = parent.open()) {
                Reports.Recorded r = Reports.record(rec, file, signing.signer(rec));
                return RecordCommand.report(signing, r.index(), EventTypes.FULFILMENT_REPORTED, r.hash());
            }
        }
    }

    @Command(name = "inspection", description = {
            "Orders an inspection of a unit by a panel of inspectors drawn by lottery once the log has --draw-at",
            "entries.",
            "--draw-at must exceed the log's size at this entry, so that nobody knows the root that seeds the draw.",
            "The pool is every inspector registered now, less those of the unit, those sharing an --exclude-attr value",
            "with it, and those on its last panel. Councils and operators order inspections."})
    static final class InspectionCmd implements Callable<Integer> {
        @ParentCommand
        RecordCommand parent;

        @Option(names = "--unit", required = true, paramLabel = "ID", description = "the unit inspected")
        String unit;

        @Option(names = "--panel", required = true, paramLabel = "K", description = "how many inspectors to draw")
        int panel;

        @Option(names = "--quotas", paramLabel = "FILE",
                description = "a CSV attr,value,min,max: every drawn panel has min to max members with that value")
        Path quotas;

        @Option(names = "--exclude-attr", paramLabel = "KEY",
                description = "no inspector sharing the unit's value of this attribute, such as region (repeatable)")
        List<String> exclude = new ArrayList<>();

        @Option(names = "--draw-at", required = true, paramLabel = "SIZE",
                description = "the tree size whose root seeds the draw")
        long drawAt;

        @Mixin
        RecordCommand.Signing signing;

        @Override
        public Integer call() throws IOException {
            try (Record rec = parent.open()) {
                long i = Inspections.order(rec, unit, panel, quotas, exclude, drawAt, signing.signer(rec));
                return RecordCommand.report(signing, i, EventTypes.INSPECTION_ORDERED, null);
            }
        }
    }

    /** A subcommand about one inspection: what it records, and the content it stored (or null). */
    abstract static class OnInspection implements Callable<Integer> {
        @ParentCommand
        RecordCommand parent;

        @Option(names = "--inspection", required = true, paramLabel = "I", description = "the inspection's log index")
        long inspection;

        @Mixin
        RecordCommand.Signing signing;

        abstract String type();

        abstract Inspections.Filed record(Record rec, NoteSigner key) throws IOException;

        @Override
        public Integer call() throws IOException {
            try (Record rec = parent.open()) {
                Inspections.Filed f = record(rec, signing.signer(rec));
                return RecordCommand.report(signing, f.index(), type(), f.hash());
            }
        }
    }

    @Command(name = "commit", description = {
            "Commits a council member to a 32-byte secret for an inspection's draw, by the secret's SHA-256.",
            "Members of at least two councils commit before the log reaches the inspection's drawAt and reveal after;",
            "a commitment after drawAt is recorded and ignored by the draw, which says so."})
    static final class CommitCmd extends OnInspection {
        @Option(names = "--hash", required = true, paramLabel = "HEX", description = "SHA-256 of the secret, in hex")
        String hash;

        @Override
        String type() {
            return EventTypes.SECRET_COMMITTED;
        }

        @Override
        Inspections.Filed record(Record rec, NoteSigner key) throws IOException {
            return new Inspections.Filed(Inspections.commit(rec, inspection, hash, key), null);
        }
    }

    @Command(name = "reveal", description = {
            "Reveals the secret committed to for an inspection's draw, once the log has reached its drawAt.",
            "A reveal that does not match its commitment, or that comes more than 1000 entries after drawAt, is",
            "recorded and ignored by the draw, which says so."})
    static final class RevealCmd extends OnInspection {
        @Option(names = "--secret", required = true, paramLabel = "HEX", description = "the 32-byte secret, in hex")
        String secret;

        @Override
        String type() {
            return EventTypes.SECRET_REVEALED;
        }

        @Override
        Inspections.Filed record(Record rec, NoteSigner key) throws IOException {
            return new Inspections.Filed(Inspections.reveal(rec, inspection, secret, key), null);
        }
    }

    @Command(name = "finding", description = {
            "Files an inspection's finding (gosplan/finding@1: summary, findings, verdict confirmed, discrepancies or",
            "fraud). Only an inspector on the inspection's drawn panel may file one; the file is stored beside the",
            "log."})
    static final class FindingCmd extends OnInspection {
        @Parameters(paramLabel = "FILE", description = "the finding, JSON")
        Path file;

        @Override
        String type() {
            return EventTypes.FINDING_FILED;
        }

        @Override
        Inspections.Filed record(Record rec, NoteSigner key) throws IOException {
            return Inspections.file(rec, file, inspection, key);
        }
    }

    @Command(name = "answer", description = {
            "Answers a finding (gosplan/answer@1: a summary). Only an enterprise key of the inspected unit may answer;",
            "the file is stored beside the log."})
    static final class AnswerCmd implements Callable<Integer> {
        @ParentCommand
        RecordCommand parent;

        @Parameters(paramLabel = "FILE", description = "the answer, JSON")
        Path file;

        @Option(names = "--finding", required = true, paramLabel = "F", description = "the finding's log index")
        long finding;

        @Mixin
        RecordCommand.Signing signing;

        @Override
        public Integer call() throws IOException {
            try (Record rec = parent.open()) {
                Inspections.Filed f = Inspections.answer(rec, file, finding, signing.signer(rec));
                return RecordCommand.report(signing, f.index(), EventTypes.FINDING_ANSWERED, f.hash());
            }
        }
    }
}
