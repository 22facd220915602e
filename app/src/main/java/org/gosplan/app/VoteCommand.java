package org.gosplan.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gosplan.council.ballot.Ballots;
import org.gosplan.record.Record;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "vote", description = {
        "Casts a signed vote in a ballot: approvals (--approve I,J,...) for approval and equal-shares ballots, a",
        "ranking (--rank I,J,K, or with ties --rank \"I,{J,K},L\", most preferred first) for schulze and stv.",
        "Options are named as the ballot names them: proposals by log index, candidates by label. A key outside",
        "the electorate, a closed ballot, an unknown option or a vote of the wrong kind is refused (exit 2) and",
        "nothing is recorded. A later vote by the same key replaces its earlier one."})
final class VoteCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "the log's data directory")
    Path dir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "BALLOT",
            description = "the ballot's log index (its ballot.opened entry)")
    Long ballot;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "a log kept in PostgreSQL instead of DIR")
    String db;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = "--approve", required = true, paramLabel = "I,J,...", description = "the approved options")
        String approve;

        @Option(names = "--rank", required = true, paramLabel = "I,{J,K},L",
                description = "the options ranked, most preferred first; braces tie options")
        String rank;
    }

    @Mixin
    RecordCommand.Signing signing;

    @Override
    public Integer call() throws IOException {
        // With --db the only positional is the ballot.
        if (db != null && ballot == null && dir != null) {
            ballot = TallyCommand.ballotIndex(dir.toString());
            dir = null;
        }
        if (ballot == null) {
            throw new UsageException("give the ballot's log index: gosplan vote DIR BALLOT (or --db JDBC_URL BALLOT)");
        }
        try (Record rec = RecordAccess.open(dir, db)) {
            long i = Ballots.vote(rec, ballot, choice.approve, choice.rank, signing.signer(rec));
            return RecordCommand.report(signing, i, "vote.cast", null);
        }
    }
}
