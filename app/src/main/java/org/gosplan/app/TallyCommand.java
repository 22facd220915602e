package org.gosplan.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gosplan.council.ballot.Counting;
import org.gosplan.council.ballot.TallyJson;
import org.gosplan.council.count.Tally;
import org.gosplan.council.files.FileCount;
import org.gosplan.record.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tally", description = {
        "Counts a ballot, from the log (DIR BALLOT: the votes cast before the ballot closed, each key's last) or from",
        "a file (FILE --method: PrefLib .soc .soi .toc .toi .cat, Pabulib .pb), with the same code and JSON.",
        "Prints the winners, the counts per option, every tie broken and, for stv and equal-shares, each stage.",
        "Counting does not record anything: 'gosplan record DIR tally BALLOT' does, and 'gosplan verify' recounts."})
final class TallyCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR|FILE",
            description = "the log's data directory, or a PrefLib or Pabulib file")
    Path where;

    @Parameters(index = "1", arity = "0..1", paramLabel = "BALLOT", description = "the ballot's log index (with DIR)")
    Long ballot;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "a log kept in PostgreSQL instead of DIR")
    String db;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "with FILE: approval, schulze, stv or equal-shares")
    String method;

    @Option(names = "--seats", paramLabel = "K", description = "with FILE: how many win (default 1)")
    Integer seats;

    @Option(names = "--budget", paramLabel = "AMOUNT",
            description = "with a Pabulib FILE: the budget in place of the file's own")
    Double budget;

    @Option(names = "--json", description = "print {\"ballot\", \"method\", \"voters\", \"winners\", \"ranking\","
            + " \"counts\", \"rounds\", \"ties\"}")
    boolean json;

    @Override
    public Integer call() throws IOException {
        // With --db the only positional is the ballot.
        if (db != null && ballot == null && where != null) {
            ballot = ballotIndex(where.toString());
            where = null;
        }
        boolean file = db == null && where != null && Files.isRegularFile(where);
        ObjectNode out;
        if (file) {
            if (ballot != null) {
                throw new UsageException("BALLOT is for a log (DIR); a file holds one election");
            }
            if (method == null) {
                throw new UsageException("--method is needed with a FILE: approval, schulze, stv or equal-shares");
            }
            Tally t = FileCount.count(where, method, seats, budget);
            out = TallyJson.of(t, null, false);
        } else {
            if (db == null && where != null && !Files.exists(where)) {
                throw new UsageException(where + ": no such file or log directory; give a PrefLib or Pabulib FILE, or"
                        + " a log's DIR and a BALLOT");
            }
            if (method != null || seats != null || budget != null) {
                throw new UsageException("--method, --seats and --budget are for a FILE; a ballot on the log has its"
                        + " own");
            }
            if (ballot == null) {
                throw new UsageException("give the ballot's log index: gosplan tally DIR BALLOT");
            }
            long opening = System.nanoTime();
            try (Record r = RecordAccess.open(where, db)) {
                double opened = (System.nanoTime() - opening) / 1e9;
                Counting.Counted c = Counting.count(r, r.snapshot(), ballot);
                out = TallyJson.of(c.tally(), ballot, c.ballot().proposals());
                if (!c.ballot().isClosed()) {
                    System.err.println("gosplan: note: ballot " + ballot + " is still open; this counts the votes so"
                            + " far");
                }
                System.err.printf("gosplan: opened the record in %s, read the votes in %s, %scounted in %s%n",
                        Durations.format(opened), Durations.format(c.readSeconds()),
                        c.ballot().method().equals("equal-shares") ? "costed the proposals in "
                                + Durations.format(c.costSeconds()) + ", " : "", Durations.format(c.countSeconds()));
            }
        }
        if (json) {
            Json.print(System.out, out);
            return ExitCode.OK;
        }
        print(out);
        return ExitCode.OK;
    }

    /** A ballot's log index given where DIR would stand (with --db). */
    static long ballotIndex(String given) {
        try {
            return Long.parseLong(given);
        } catch (NumberFormatException e) {
            throw new UsageException("BALLOT must be the ballot's log index, a number, not '" + given + "' (with --db,"
                    + " the log is the database and no DIR is given)");
        }
    }

        private static void print(ObjectNode t) throws IOException {
        System.out.println((t.get("ballot").isNull() ? "" : "ballot " + t.get("ballot") + ", ") + t.get("method").asText()
                + ", " + t.get("voters") + " voter" + (t.get("voters").asLong() == 1 ? "" : "s"));
        System.out.println("winners: " + words(t.get("winners")));
        if (!t.get("ranking").isEmpty()) {
            System.out.println("ranking: " + words(t.get("ranking")));
        }
        TextTable counts = new TextTable(1, "option", t.get("method").asText().equals("stv")
                || t.get("method").asText().equals("schulze") ? "first preferences" : "approvals");
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) () -> t.get("counts").fields()) {
            counts.row(e.getKey(), e.getValue().asText());
        }
        System.out.flush();
        java.io.BufferedWriter w = LeontiefCommand.Streams.stdout();
        counts.print(w);
        w.flush();
        for (JsonNode r : t.get("rounds")) {
            System.out.println("  " + r);
        }
        for (JsonNode tie : t.get("ties")) {
            System.out.println("tie: " + tie.asText());
        }
    }

    private static String words(JsonNode list) {
        StringBuilder b = new StringBuilder();
        for (JsonNode n : list) {
            b.append(b.length() == 0 ? "" : ", ").append(n.isArray() ? words(n).replace(", ", " = ") : n.asText());
        }
        return b.length() == 0 ? "none" : b.toString();
    }
}
