package org.gosplan.app;

import static org.gosplan.app.CliRun.index;
import static org.gosplan.app.CliRun.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The steps the ballot tests take on a record directory {@code dir} (files written under
 * {@code tmp}): the village economy with targets and a plan, proposals, ballots and tallies.
 */
record BallotSteps(Path tmp, String dir) {
    Path file(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** Records a proposal of one targets line, signed by the key file {@code by}; returns its index. */
    long proposal(String title, String line, String by) throws IOException {
        Path f = file(title.replace(' ', '-') + ".csv", "product,quantity,weight\n" + line + "\n");
        return index(CliRun.of("record", dir, "proposal", f.toString(), "--title", title, "--key", by, "--json"));
    }

    /**
     * The village economy, targets set by the council key {@code council} and a plan, then two
     * proposals: more bread by the council and tractors by {@code citizen}. Returns their indexes.
     */
    long[] villagePlannedWithTwoProposals(String council, String citizen) throws IOException {
        ok(CliRun.of("record", dir, "economy", CliRun.examples().resolve("village.economy.json").toString()));
        ok(CliRun.of("record", dir, "targets", file("t.csv", "product,quantity,weight\nbread,80000,\ntractor,50,\n")
                .toString(), "--key", council));
        ok(CliRun.of("plan", "--record", dir));
        return new long[] {proposal("More bread", "bread,1000,", council), proposal("Tractors", "tractor,10,", citizen)};
    }

    /** Opens a ballot titled "Next year" signed by the council key {@code council}; returns its index. */
    long open(String council, String... options) throws IOException {
        String[] head = {"record", dir, "ballot", "--title", "Next year", "--key", council, "--json"};
        String[] all = new String[head.length + options.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(options, 0, all, head.length, options.length);
        return index(CliRun.of(all));
    }

    /** The ballot counted from the log, as {@code gosplan tally --json} prints it. */
    JsonNode tally(long ballot) throws IOException {
        CliRun r = CliRun.of("tally", dir, Long.toString(ballot), "--json");
        ok(r);
        return JsonOutputTest.oneDocument(r);
    }
}
