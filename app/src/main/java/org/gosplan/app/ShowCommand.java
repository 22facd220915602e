package org.gosplan.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gosplan.record.Event;
import org.gosplan.record.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = {
        "Prints one event as JSON (with index, signerName and signerRole added), or with --content what it records.",
        "With --content, prints instead the content the event addresses, byte for byte as stored beside the log",
        "(its SHA-256 is the event's hash): an economy (docs/formats-bundle.md), targets (CSV) or a plan (JSON)."})
final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", arity = "0..1", description = "the log's data directory")
    Path dir;

    @Parameters(index = "1", paramLabel = "INDEX", arity = "0..1", description = "the entry's index, from 0")
    Long index;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "a log kept in PostgreSQL instead of DIR")
    String db;

    @Option(names = "--content", description = "print the recorded economy, targets or plan the event addresses")
    boolean content;

    @Option(names = "--json", description = "the event is JSON already; with --content, print {\"index\", \"type\","
            + " \"hash\", \"content\"} with the content as text")
    boolean json;

    @Override
    public Integer call() throws IOException {
        // With --db the only positional is the index.
        if (db != null && index == null && dir != null) {
            try {
                index = Long.parseLong(dir.toString());
                dir = null;
            } catch (NumberFormatException e) {
                throw new UsageException("INDEX must be a number, not '" + dir + "'");
            }
        }
        if (index == null) {
            throw new UsageException("give the index of the event to show: gosplan show DIR INDEX");
        }
        try (Record r = RecordAccess.open(dir, db)) {
            long size = r.log().size();
            if (index < 0 || index >= size) {
                throw new UsageException("index " + index + " is outside the log, which has " + size + " entries (0 to "
                        + (size - 1) + ")");
            }
            Event e = r.event(index);
            if (content && json) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                java.io.PrintStream to = new java.io.PrintStream(bytes, false, java.nio.charset.StandardCharsets.UTF_8);
                RecordedContent.print(r, e, index, to);
                Json.print(System.out, Json.object().put("index", index).put("type", e.type())
                        .put("hash", e.body().get(RecordedContent.hashField(e.type())).asText())
                        .put("content", bytes.toString(java.nio.charset.StandardCharsets.UTF_8)));
                return ExitCode.OK;
            }
            if (content) {
                RecordedContent.print(r, e, index, System.out);
                return ExitCode.OK;
            }
            Json.print(System.out, r.shown(index));
            return ExitCode.OK;
        }
    }
}
