package org.gosplan.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gosplan.council.ballot.Ballots;
import org.gosplan.council.ballot.Opening;
import org.gosplan.council.ballot.Tallies;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gosplan record DIR ballot | close | tally}: a ballot's life on the record (councils.md). */
final class BallotCommand {
    private BallotCommand() {}

    @Command(name = "ballot", description = {
            "Opens a ballot: its options are proposals (--proposals, by log index) or candidates (--candidates, by",
            "label), counted by approval, schulze, stv or equal-shares. The electorate is fixed as it stands at this",
            "entry. Equal-shares needs --budget RESOURCE=AMOUNT and costs each proposal as 'gosplan cost' does. With",
            "--adopt, the tally's winners' targets, summed, become the targets the next 'plan --record' uses.",
            "Councils and operators open ballots; the event's index names the ballot from then on."})
    static final class Open implements Callable<Integer> {
        @ParentCommand
        RecordCommand parent;

        @Option(names = "--title", required = true, paramLabel = "TEXT", description = "what the ballot decides")
        String title;

        @Option(names = "--method", required = true, paramLabel = "METHOD",
                description = "approval, schulze, stv or equal-shares")
        String method;

        @Option(names = "--proposals", split = ",", paramLabel = "I,J,...",
                description = "the options: proposal.made entries, by log index")
        List<Long> proposals = new ArrayList<>();

        @Option(names = "--candidates", split = ",", paramLabel = "A,B,...",
                description = "the options: labels, such as delegates to elect")
        List<String> candidates = new ArrayList<>();

        @Option(names = "--seats", paramLabel = "K", description = "how many win (default 1; not for equal-shares)")
        Integer seats;

        @Option(names = "--budget", paramLabel = "RESOURCE=AMOUNT",
                description = "equal-shares: how much of one resource the winners may use, such as labour=5000")
        String budget;

        @Option(names = "--electorate", required = true, paramLabel = "E",
                description = "who may vote: council:NAME, role:ROLE or all (every member but operators)")
        String electorate;

        @Option(names = "--adopt", description = "the winners' targets become the next plan's targets")
        boolean adopt;

        @Mixin
        RecordCommand.Signing signing;

        @Override
        public Integer call() throws IOException {
            String resource = null;
            double amount = 0;
            if (budget != null) {
                int eq = budget.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--budget '" + budget + "' is not RESOURCE=AMOUNT, such as labour=5000");
                }
                resource = budget.substring(0, eq);
                try {
                    amount = Double.parseDouble(budget.substring(eq + 1));
                } catch (NumberFormatException e) {
                    amount = Double.NaN;
                }
                if (!(amount > 0) || Double.isInfinite(amount)) {
                    throw new UsageException("--budget '" + budget + "': the amount must be a positive number");
                }
            }
            Opening o = new Opening(title, method, proposals, candidates, seats, resource, amount, electorate, adopt);
            try (Record rec = parent.open()) {
                long i = Ballots.open(rec, o, signing.signer(rec));
                return RecordCommand.report(signing, i, "ballot.opened", null);
            }
        }
    }

    /** What close and tally share: the record, the ballot's index and the signing key. */
    abstract static class OnBallot implements Callable<Integer> {
        @ParentCommand
        RecordCommand parent;

        @Parameters(paramLabel = "BALLOT", description = "the ballot's log index (its ballot.opened entry)")
        long ballot;

        @Mixin
        RecordCommand.Signing signing;

        @Override
        public Integer call() throws IOException {
            try (Record rec = parent.open()) {
                return on(rec, signing.signer(rec));
            }
        }

        abstract int on(Record rec, NoteSigner by) throws IOException;
    }

    @Command(name = "close", description = {
            "Closes a ballot: votes after this entry are refused, and its tally counts the votes before it.",
            "Only the key that opened the ballot or an operator closes it."})
    static final class Close extends OnBallot {
        @Override
        int on(Record rec, NoteSigner by) throws IOException {
            return RecordCommand.report(signing, Ballots.close(rec, ballot, by), "ballot.closed", null);
        }
    }

    @Command(name = "tally", description = {
            "Counts a closed ballot from the log and records the result: its winners and the SHA-256 of the tally's",
            "canonical JSON (what 'gosplan tally DIR BALLOT --json' prints). On a ballot opened with --adopt, the",
            "winners' targets, summed, are stored and become the targets the next 'plan --record' uses.",
            "'gosplan verify' recounts every recorded tally. Councils and operators record tallies."})
    static final class Tally extends OnBallot {
        @Override
        int on(Record rec, NoteSigner by) throws IOException {
            Tallies.Recorded r = Tallies.record(rec, ballot, by);
            if (!signing.json) {
                System.out.println("winners: " + r.json().get("winners") + (r.targets() == null ? ""
                        : "; adopted targets " + r.targets()));
            }
            return RecordCommand.report(signing, r.index(), "ballot.tallied", r.result());
        }
    }
}
