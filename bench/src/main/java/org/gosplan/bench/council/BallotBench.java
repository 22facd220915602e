package org.gosplan.bench.council;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.gosplan.bench.ProcessCost;
import org.gosplan.council.ballot.Counting;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Event;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Record;
import org.gosplan.record.Role;

/**
 * Ballots at scale on the embedded log (docs/benchmarks.md, "Ballots from the log"). Not a test.
 *
 * <pre>
 * cast THREADS VOTES_EACH DIR             16 voters casting at once through the group commit, each vote
 *                                         durable before it is acknowledged; and one at a time for comparison
 * stv VOTERS CANDIDATES SEATS DIR         a log of VOTERS members and their ranked votes; opening the record
 *                                         (the fold), reading the votes and the STV count timed apart
 * equal-shares VOTERS PROPOSALS ECONOMY DIR   the same for approvals over proposals of ECONOMY, by equal shares
 * </pre>
 * build stv|equal-shares ...            only the log of the mode after it, to time {@code gosplan tally DIR BALLOT} on
 * open DIR [TIMES]                        opens the record in DIR, timed (with a verified-up-to mark after the first)
 * DIR must not exist; it is left behind (remove it after).
 */
public final class BallotBench {
    private BallotBench() {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** With {@code build} before the mode, only the log is written (to time {@code gosplan tally} on it after). */
    private static boolean buildOnly;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("build")) {
            buildOnly = true;
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        switch (args[0]) {
            case "cast":
                cast(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
                break;
            case "stv":
                count(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), null,
                        Path.of(args[4]));
                break;
            case "equal-shares":
                count(Integer.parseInt(args[1]), Integer.parseInt(args[2]), 0, Path.of(args[3]), Path.of(args[4]));
                break;
            case "open":
                open(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1);
                break;
            default:
                throw new IllegalArgumentException("modes: cast, stv, equal-shares");
        }
    }

    /** Opens the record in DIR {@code times} times in one process, timing each (wall and CPU). */
    static void open(Path dir, int times) throws IOException {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int k = 0; k < times; k++) {
            boolean marked = Files.exists(dir.resolve("record.verified"));
            boolean state = Files.exists(dir.resolve("record.state"));
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            try (Record r = Record.open(Log.open(dir))) {
                System.out.printf("open %s (%,d entries, %s): %.2f s, %.2f s of CPU%n", dir, r.log().size(),
                        state ? "its saved state beside it" : marked ? "a verified-up-to mark beside it"
                                : "no mark: every signature checked",
                        (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - c0) / 1e9);
            }
        }
    }

    private static NoteSigner voter(int v) {
        byte[] seed = new byte[32];
        for (int i = 0; i < 4; i++) {
            seed[i] = (byte) (v >>> (8 * i));
        }
        seed[31] = 42;
        return NoteSigner.fromSeed("v" + v, seed);
    }

    private static ObjectNode member(NoteSigner k) {
        ObjectNode b = JSON.objectNode();
        b.put("vkey", k.verifier().toString());
        b.put("role", Role.CITIZEN.id());
        b.putArray("councils").add("all");
        b.putObject("attrs");
        return b;
    }

    private static ObjectNode ballot(String method, List<?> options, Integer seats, String resource, double amount) {
        ObjectNode b = JSON.objectNode();
        b.put("title", "Bench");
        b.put("method", method);
        ArrayNode o = b.putArray("options");
        for (Object x : options) {
            if (x instanceof Long) {
                o.add((Long) x);
            } else {
                o.add((String) x);
            }
        }
        if (seats == null) {
            b.putNull("seats");
            b.putObject("budget").put("resource", resource).put("amount", amount);
        } else {
            b.put("seats", seats);
            b.putNull("budget");
        }
        b.put("electorate", "council:all");
        b.put("adopt", false);
        return b;
    }

    static void cast(int threads, int each, Path dir) throws Exception {
        Log ledger = Log.init(dir, "bench.example/cast", null);
        try (Record r = Record.open(ledger)) {
            NoteSigner op = r.log().signingKey();
            for (int v = 0; v < threads; v++) {
                r.append(EventTypes.MEMBER_REGISTERED, member(voter(v)), op);
            }
            List<String> options = List.of("a", "b", "c", "d");
            long ballot = r.append(EventTypes.BALLOT_OPENED, ballot("approval", options, 1, null, 0), op);
            // each voter's votes are signed beforehand, as a voter's device would: the server's work is timed
            // A warm-up of a quarter as many votes first (at most 500 each), cast the same way and not
            // timed: a server runs warm, and the JIT compiling the path meanwhile is not its cost.
            int warmup = Math.min(500, each / 4);
            Event[][] votes = new Event[threads][each];
            Event[][] early = new Event[threads][warmup];
            // one clock reading for all: no two votes of a voter at the same second (a replay, refused)
            Instant base = Instant.now();
            IntStream.range(0, threads).parallel().forEach(v -> {
                NoteSigner k = voter(v);
                for (int i = 0; i < warmup; i++) {
                    ObjectNode body = JSON.objectNode().put("ballot", ballot);
                    body.putArray("approve").add(options.get(i % 4));
                    early[v][i] = Event.sign(EventTypes.VOTE_CAST, body, k, base.minusSeconds(1 + i));
                }
                for (int i = 0; i < each; i++) {
                    ObjectNode body = JSON.objectNode().put("ballot", ballot);
                    body.putArray("approve").add(options.get(i % 4));
                    // a second apart: the same vote signed twice in one second is one event, refused as a replay
                    votes[v][i] = Event.sign(EventTypes.VOTE_CAST, body, k, base.plusSeconds(i));
                }
            });
            castAll(r, early);
            long size0 = r.log().size();
            // The floor: one signature check a vote, on one thread (what any write path must spend).
            java.lang.management.ThreadMXBean tm = java.lang.management.ManagementFactory.getThreadMXBean();
            int checked = Math.min(each, 250) * threads;
            int good = 0;
            for (int warm = 0; warm < 2000; warm++) {
                good += votes[warm % threads][0].signedBy(voter(warm % threads).verifier()) ? 0 : 1;
            }
            long v0 = tm.getCurrentThreadCpuTime();
            for (int v = 0; v < threads; v++) {
                org.gosplan.ledger.NoteVerifier key = voter(v).verifier();
                for (int i = 0; i < checked / threads; i++) {
                    good += votes[v][i].signedBy(key) ? 1 : 0;
                }
            }
            double verify = (tm.getCurrentThreadCpuTime() - v0) / 1e3 / checked;
            if (good != checked) {
                throw new IllegalStateException("a vote signed beforehand does not verify");
            }
            long commits0 = ledger.commits();
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            long jit0 = jit.getTotalCompilationTime();
            ProcessCost cpu0 = ProcessCost.now();
            ProcessCost jitCpu0 = ProcessCost.compilers(ProcessHandle.current().pid());
            long t0 = System.nanoTime();
            castAll(r, votes);
            double s = (System.nanoTime() - t0) / 1e9;
            ProcessCost cpu = ProcessCost.now().since(cpu0);
            double jitSeconds = (jit.getTotalCompilationTime() - jit0) / 1e3;
            ProcessCost jitCpu = ProcessCost.compilers(ProcessHandle.current().pid()).since(jitCpu0);
            long n = (long) threads * each;
            long groups = ledger.commits() - commits0;
            System.out.printf("group commit: %d voters x %d votes = %,d votes in %.2f s: %,.0f votes/s (log %d -> %d);"
                    + " %.2f s of CPU, %,.0f votes per CPU second%n", threads, each, n, s, n / s, size0, r.log().size(),
                    cpu.total(), n / cpu.total());
            System.out.printf("  %s; one signature check alone %.0f µs; %,d group commits (fsync rounds),"
                    + " %.3f a vote, %.1f votes a group; JIT compiling %.2f s, its threads' CPU %.0f µs a vote;"
                    + " after a warm-up of %d x %d votes%n",
                    cpu.perOp(n), verify, groups, (double) groups / n, (double) n / groups, jitSeconds,
                    1e6 * jitCpu.total() / n, threads, warmup);
            // the same votes again, one append (one fsync) at a time, for comparison
            int few = Math.min(each, 50);
            t0 = System.nanoTime();
            for (int v = 0; v < threads; v++) {
                for (int i = 0; i < few; i++) {
                    ObjectNode body = JSON.objectNode().put("ballot", ballot);
                    body.putArray("approve").add("a");
                    // a day on, a second apart: not the same event as a vote cast above (a replay, refused)
                    r.append(Event.sign(EventTypes.VOTE_CAST, body, voter(v), Instant.now().plusSeconds(86_400 + i)));
                }
            }
            s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("one at a time: %,d votes in %.2f s: %,.0f votes/s%n", threads * few, s, threads * few / s);
        }
    }

    /** Each voter a thread casting its votes in turn; Record.append groups what arrives during a commit. */
    private static void castAll(Record r, Event[][] votes) throws InterruptedException {
        List<Thread> ts = new ArrayList<>();
        for (Event[] mine : votes) {
            Thread t = new Thread(() -> {
                try {
                    for (Event e : mine) {
                        r.append(e);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            t.start();
            ts.add(t);
        }
        for (Thread t : ts) {
            t.join();
        }
    }

    /** Popularity falling as 1/(rank + 10), as EqualSharesBench: option c drawn with weight 1/(c + 10). */
    private static int[] draw(SplittableRandom r, double[] cumulative, int k) {
        double sum = cumulative[cumulative.length - 1];
        int[] pick = new int[k];
        int got = 0;
        while (got < k) {
            double x = r.nextDouble() * sum;
            int lo = java.util.Arrays.binarySearch(cumulative, x);
            int c = Math.min(lo >= 0 ? lo : -lo - 1, cumulative.length - 1);
            boolean dup = false;
            for (int i = 0; i < got; i++) {
                dup |= pick[i] == c;
            }
            if (!dup) {
                pick[got++] = c;
            }
        }
        return pick;
    }

    static void count(int voters, int m, int seats, Path economy, Path dir) throws Exception {
        boolean stv = economy == null;
        long t0 = System.nanoTime();
        long ballot;
        try (Log log = Log.init(dir, "bench.example/count", null)) {
            NoteSigner op = log.signingKey();
            List<byte[]> head = new ArrayList<>();
            List<Object> options = new ArrayList<>();
            String resource = null;
            double amount = 0;
            if (stv) {
                for (int c = 0; c < m; c++) {
                    options.add("candidate-" + c);
                }
            } else {
                // the economy, and m proposals of one target each, costed on it
                log.close();
                try (Record r = Record.open(Log.open(dir))) {
                    NoteSigner council = voter(-1);
                    r.registerMember(council.verifier(), Role.COUNCIL, List.of(), java.util.Map.of(), op);
                    r.publishEconomy(economy, op, org.gosplan.economy.Progress.NONE);
                    Economy e = r.economy(r.snapshot().economy().hash());
                    resource = e.resourceId(0);
                    SplittableRandom q = new SplittableRandom(7);
                    for (int c = 0; c < m; c++) {
                        int p = q.nextInt(e.products());
                        String h = r.storeTargets(e.withTargets(new int[] {p}, new double[] {10 + q.nextInt(490)},
                                new double[] {1}));
                        ObjectNode body = JSON.objectNode().put("title", "proposal " + c).put("targets", h)
                                .put("economy", r.snapshot().economy().hash());
                        long index = r.append(EventTypes.PROPOSAL_MADE, body, council);
                        options.add(index);
                        amount += org.gosplan.council.proposal.Costs.of(r, index,
                                org.gosplan.planner.leontief.LeontiefOptions.DEFAULT).resources()[0];
                    }
                    amount = Math.floor(amount / 5); // a fifth of what all proposals cost
                }
            }
            try (Log l2 = Log.open(dir)) {
                long base = l2.size();
                ballot = base + voters;
                SplittableRandom rnd = new SplittableRandom(11);
                double[] cumulative = new double[m];
                double sum = 0;
                for (int c = 0; c < m; c++) {
                    sum += 1.0 / (c + 10);
                    cumulative[c] = sum;
                }
                long[] seeds = new long[voters];
                for (int v = 0; v < voters; v++) {
                    seeds[v] = rnd.nextLong();
                }
                int chunk = 50_000;
                for (int from = 0; from < voters; from += chunk) {
                    int n = Math.min(chunk, voters - from);
                    byte[][] out = new byte[n][];
                    int f0 = from;
                    IntStream.range(0, n).parallel().forEach(i -> out[i] = Event.sign(EventTypes.MEMBER_REGISTERED,
                            member(voter(f0 + i)), op, Instant.EPOCH).entryBytes());
                    l2.append(List.of(out));
                }
                l2.append(Event.sign(EventTypes.BALLOT_OPENED, ballot(stv ? "stv" : "equal-shares", options,
                        stv ? seats : null, resource, amount), op, Instant.EPOCH).entryBytes());
                for (int from = 0; from < voters; from += chunk) {
                    int n = Math.min(chunk, voters - from);
                    byte[][] out = new byte[n][];
                    int f0 = from;
                    long b = ballot;
                    IntStream.range(0, n).parallel().forEach(i -> {
                        SplittableRandom r = new SplittableRandom(seeds[f0 + i]);
                        ObjectNode body = JSON.objectNode().put("ballot", b);
                        if (stv) {
                            int k = 1;
                            while (k < m && r.nextDouble() < 0.8) {
                                k++;
                            }
                            ArrayNode rank = body.putArray("rank");
                            for (int c : draw(r, cumulative, k)) {
                                rank.addArray().add("candidate-" + c);
                            }
                        } else {
                            int k = 1;
                            while (k < 15 && r.nextDouble() < 0.75) {
                                k++;
                            }
                            ArrayNode a = body.putArray("approve");
                            for (int c : draw(r, cumulative, k)) {
                                a.add((Long) options.get(c));
                            }
                        }
                        out[i] = Event.sign(EventTypes.VOTE_CAST, body, voter(f0 + i), Instant.EPOCH).entryBytes();
                    });
                    l2.append(List.of(out));
                }
                l2.append(Event.sign(EventTypes.BALLOT_CLOSED, JSON.objectNode().put("ballot", ballot), op,
                        Instant.EPOCH).entryBytes());
            }
        }
        System.out.printf("built the log: %,d voters, %d options, %.1f s; the ballot is entry %d%n", voters, m,
                (System.nanoTime() - t0) / 1e9, ballot);
        if (buildOnly) {
            return;
        }
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        t0 = System.nanoTime();
        try (Record r = Record.open(Log.open(dir))) {
            double open = (System.nanoTime() - t0) / 1e9;
            long cpu1 = os.getProcessCpuTime();
            System.out.printf("open the record (fold %,d entries, every signature checked): %.2f s, %.2f s of CPU%n",
                    r.log().size(), open, (cpu1 - cpu0) / 1e9);
            Counting.Counted c = Counting.count(r, r.snapshot(), ballot);
            long cpu2 = os.getProcessCpuTime();
            System.out.printf("read the votes of ballot %d from the log: %.2f s; cost the proposals: %.2f s;"
                    + " count (%s): %.2f s; %.2f s of CPU in all three; %d voters, winners %s%n", ballot,
                    c.readSeconds(), c.costSeconds(), c.tally().method(), c.countSeconds(), (cpu2 - cpu1) / 1e9,
                    c.tally().voters(), c.tally().winners().size() > 8 ? c.tally().winners().size() + " winners"
                    : c.tally().winners());
        }
    }
}
