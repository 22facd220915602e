package org.gosplan.bench.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gosplan.planner.EconomyGenerator;

/**
 * Replay of a recorded plan at scale: generates a random economy ({@link EconomyGenerator}, CSV
 * folder), then runs each step of the record story as its own {@code gosplan} process under
 * {@code /usr/bin/time -v}, so each step's wall time and peak RSS are its own:
 *
 * <ol>
 *   <li>{@code gosplan log init DIR}</li>
 *   <li>{@code gosplan record DIR economy ECONOMY} (the operator: the log's own key)</li>
 *   <li>{@code gosplan key new} and {@code gosplan record DIR member VKEY --role council}</li>
 *   <li>{@code gosplan record DIR targets ECONOMY/targets.csv --key council.key}</li>
 *   <li>{@code gosplan plan --record DIR --objective min-resource --resource labour --method policy}</li>
 *   <li>{@code gosplan verify DIR --replay --json}</li>
 * </ol>
 *
 * Run from the repository root after {@code mvn -B -o install -DskipTests -pl bench} (the
 * {@code ./gosplan} launcher must be built):
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.gosplan.bench.record.ReplayBench \
 *     --products 1000000 --inputs 10 --work /tmp/replay-bench [--step-limit 1200]
 * </pre>
 * Each step is killed after {@code --step-limit} seconds (default 1200), so the run is bounded.
 * {@code GOSPLAN_JAVA_OPTS} passes through to every step. Prints a Markdown table.
 */
public final class ReplayBench {
    private ReplayBench() {}

    record Step(String name, String command, double wallSeconds, long peakRssKb, int exit) {}

    public static void main(String[] args) throws Exception {
        int products = 1_000_000;
        int inputs = 10;
        long seed = 1;
        long stepLimit = 1200;
        Path work = Path.of("/tmp/replay-bench");
        Path gosplan = Path.of("gosplan").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--products": products = Integer.parseInt(args[++i]); break;
                case "--inputs": inputs = Integer.parseInt(args[++i]); break;
                case "--seed": seed = Long.parseLong(args[++i]); break;
                case "--work": work = Path.of(args[++i]); break;
                case "--step-limit": stepLimit = Long.parseLong(args[++i]); break;
                case "--gosplan": gosplan = Path.of(args[++i]).toAbsolutePath(); break;
                default:
                    System.err.println("usage: ReplayBench [--products N] [--inputs K] [--seed S] [--work DIR]"
                            + " [--step-limit SECONDS] [--gosplan PATH]");
                    System.exit(2);
            }
        }
        if (!Files.isExecutable(gosplan)) {
            throw new IllegalStateException(gosplan + " is not the gosplan launcher; run from the repository root");
        }
        deleteTree(work);
        Files.createDirectories(work);
        Path economy = work.resolve("economy");
        Path dir = work.resolve("log");
        Path key = work.resolve("council.key");

        List<Step> steps = new ArrayList<>();
        long t0 = System.nanoTime();
        new EconomyGenerator(products, inputs, seed).writeFolder(economy);
        double gen = (System.nanoTime() - t0) / 1e9;
        long bytes;
        try (Stream<Path> s = Files.list(economy)) {
            bytes = s.mapToLong(p -> p.toFile().length()).sum();
        }
        System.err.printf(Locale.ROOT, "generated %,d products x %d inputs (%,d bytes of CSV) in %.1f s%n",
                products, inputs, bytes, gen);

        String g = gosplan.toString();
        // The launcher rebuilds when sources changed: do that outside the measured steps.
        run(work, stepLimit, "warm-up (launcher build check)", g, "--version");
        steps.add(run(work, stepLimit, "log init", g, "log", "init", dir.toString(), "--origin", "bench.gosplan.org/replay"));
        steps.add(run(work, stepLimit, "record economy", g, "record", dir.toString(), "economy", economy.toString(), "--json"));
        Step k = run(work, stepLimit, "key new", g, "key", "new", key.toString(), "--name", "council-bench");
        steps.add(k);
        String vkey = Files.readString(work.resolve("key new.out")).trim();
        steps.add(run(work, stepLimit, "record member", g, "record", dir.toString(), "member", vkey, "--role", "council"));
        steps.add(run(work, stepLimit, "record targets", g, "record", dir.toString(), "targets",
                economy.resolve("targets.csv").toString(), "--key", key.toString(), "--json"));
        steps.add(run(work, stepLimit, "plan --record", g, "plan", "--record", dir.toString(), "--objective",
                "min-resource", "--resource", "labour", "--method", "policy", "--json"));
        steps.add(run(work, stepLimit, "verify --replay", g, "verify", dir.toString(), "--replay", "--json"));

        System.out.printf(Locale.ROOT, "%n%,d products, %d inputs each, seed %d; CSV %,d bytes, generated in %.1f s%n%n",
                products, inputs, seed, bytes, gen);
        System.out.println("| step | wall (s) | peak RSS (MiB) | exit |");
        System.out.println("|---|---:|---:|---:|");
        for (Step s : steps) {
            System.out.printf(Locale.ROOT, "| `%s` | %.1f | %,d | %d |%n", s.name(), s.wallSeconds(),
                    s.peakRssKb() / 1024, s.exit());
        }
        System.out.println();
        System.out.println("verify output: " + Files.readString(work.resolve("verify --replay.out")).replaceAll("\\s+", " "));
        long content;
        try (Stream<Path> s = Files.walk(dir.resolve("content"))) {
            content = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "content beside the log: %,d bytes%n", content);
        for (Step s : steps) {
            if (s.exit() != 0) {
                System.exit(1);
            }
        }
    }

    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): ([0-9:.]+)");

    /** Runs one step under /usr/bin/time -v; its stdout goes to WORK/NAME.out, stderr to WORK/NAME.err. */
    static Step run(Path work, long limitSeconds, String name, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        cmd.addAll(List.of(command));
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        System.err.println("running: " + String.join(" ", command));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit;
        if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            exit = 124;
        } else {
            exit = p.exitValue();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        String e = Files.readString(err, StandardCharsets.UTF_8);
        Matcher m = RSS.matcher(e);
        long rss = m.find() ? Long.parseLong(m.group(1)) : -1;
        Matcher w = WALL.matcher(e);
        if (w.find()) {
            wall = parseWall(w.group(1));
        }
        System.err.printf(Locale.ROOT, "  %s: %.1f s, peak RSS %,d MiB, exit %d%n", name, wall, rss / 1024, exit);
        if (exit != 0) {
            System.err.println(e);
        }
        return new Step(name, String.join(" ", command), wall, rss, exit);
    }

    static double parseWall(String s) {
        String[] parts = s.split(":");
        double t = 0;
        for (String part : parts) {
            t = t * 60 + Double.parseDouble(part);
        }
        return t;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
