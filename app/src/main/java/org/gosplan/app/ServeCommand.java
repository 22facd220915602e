package org.gosplan.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gosplan.ledger.Log;
import org.gosplan.record.Record;
import org.gosplan.server.Capabilities;
import org.gosplan.server.Limits;
import org.gosplan.server.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "serve", description = {
        "Serves the record in DIR (or --db) on the web until stopped: the log for standard transparency-log",
        "clients (C2SP tlog-tiles), a JSON API for programs, and pages for people (docs/server.md).",
        "Reads are open to everyone. Writes are signed events, checked as 'gosplan record' checks them, and",
        "content stored under its SHA-256; each client address is held to a rate, and bodies to a size."})
final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "the log's data directory")
    Path dir;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "a log kept in PostgreSQL instead of DIR")
    String db;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "where to listen (default 127.0.0.1:8080;"
            + " port 0 picks a free one)")
    String listen = "127.0.0.1:8080";

    @Option(names = "--policy", paramLabel = "FILE", description = "the witness policy (C2SP tlog-policy) the"
            + " checkpoint's cosignatures are gathered and checked by")
    Path policy;

    @Option(names = "--reads-per-second", paramLabel = "N", description = "reads one client address may make a second"
            + " (default 200; 0: no limit)")
    double reads = Limits.defaults().readsPerSecond();

    @Option(names = "--writes-per-second", paramLabel = "N", description = "events and uploads one client address"
            + " may send a second (default 10; 0: no limit)")
    double writes = Limits.defaults().writesPerSecond();

    @Option(names = "--max-content", paramLabel = "BYTES", description = "the largest content one upload may store"
            + " (default 268435456, 256 MiB)")
    long maxContent = Limits.defaults().contentBytes();

    @Option(names = "--keep-unnamed-content", paramLabel = "SECONDS", description = "how long an upload that no event"
            + " names is kept before it is removed (default 3600, an hour; 0: for ever)")
    long keepUnnamed = Limits.KEEP_UNNAMED.toSeconds();

    @Option(names = "--json", description = "print {\"url\", \"origin\", \"size\"} once serving, as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        // Jetty's and Javalin's start-up chatter is not for users; errors still show.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin.Javalin", "off");
        int colon = listen.lastIndexOf(':');
        int port;
        try {
            port = colon < 1 ? -1 : Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--listen '" + listen + "' is not HOST:PORT, such as 127.0.0.1:8080");
        }
        String host = listen.substring(0, colon);
        if (policy != null && !Files.isReadable(policy)) {
            throw new UsageException("--policy " + policy + ": no such file; a policy names the log and its witnesses"
                    + " (docs/spec/witness.md)");
        }
        if (reads < 0 || writes < 0 || maxContent < 1 || keepUnnamed < 0) {
            throw new UsageException("--reads-per-second, --writes-per-second and --keep-unnamed-content must be 0 or"
                    + " more, --max-content 1 or more");
        }
        Limits defaults = Limits.defaults();
        Limits limits = new Limits(defaults.eventBytes(), maxContent, reads, writes, defaults.concurrentWrites(),
                java.time.Duration.ofSeconds(keepUnnamed));
        Log log = RecordAccess.openLog(dir, db);
        try (Record record = Record.open(log);
             Server server = start(record, log, host, port, limits)) {
            String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/";
            if (json) {
                ObjectNode o = Json.object();
                o.put("url", url);
                o.put("origin", log.origin());
                o.put("size", log.size());
                Json.print(System.out, o);
            } else {
                System.out.println("serving " + log.origin() + " (" + log.size() + " entries) at " + url);
                System.out.println("stop with Ctrl-C");
            }
            System.out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return ExitCode.OK;
    }

    private Server start(Record record, Log log, String host, int port, Limits limits) throws IOException {
        try {
            return Server.start(record, log, host, port, limits, policy, Capabilities.all());
        } catch (io.javalin.util.JavalinBindException e) {
            throw new UsageException("--listen " + listen + ": cannot listen there (" + e.getMessage()
                    + "); choose another port with --listen, or stop what uses it");
        }
    }
}
