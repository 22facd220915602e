package org.gosplan.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gosplan.council.proposal.Proposal;
import org.gosplan.council.proposal.Proposals;
import org.gosplan.record.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "proposal", description = {
        "Records a proposal: targets (a targets.csv: product,quantity,weight) put to the councils' vote.",
        "The file must name products of the latest recorded economy (each mistake with its file and line); it is",
        "stored beside the log, and a proposal.made event names it, its title and that economy. Councils and citizens",
        "propose. 'gosplan cost DIR INDEX' then says what the proposal needs, before anyone votes."})
final class ProposalCommand implements Callable<Integer> {
    @ParentCommand
    RecordCommand parent;

    @Parameters(paramLabel = "TARGETS_CSV", description = "the proposed targets, product,quantity,weight")
    Path file;

    @Option(names = "--title", required = true, paramLabel = "TEXT", description = "what the proposal is called")
    String title;

    @Mixin
    RecordCommand.Signing signing;

    @Override
    public Integer call() throws IOException {
        try (Record rec = parent.open()) {
            Proposal p = Proposals.make(rec, file, title, signing.signer(rec));
            return RecordCommand.report(signing, p.index(), "proposal.made", p.targets());
        }
    }
}
