package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gosplan.economy.EconomyFiles;
import org.gosplan.economy.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning the same recorded inputs in separate JVMs gives the same plan hash, bit for bit: for
 * the UK table and for random economies from the generator, by policy iteration and by the
 * simplex method. Each plan runs in a fresh {@code java} process (no shared JIT state, no shared
 * caches), and a third process replays them all.
 */
class RecordReplayDeterminismTest {
    @TempDir
    Path tmp;

    /** Runs {@code gosplan ARGS} in a new JVM; returns exit code and standard error. */
    private static String[] fresh(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.gosplan.app.Main");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a gosplan process did not finish");
        return new String[] {Integer.toString(p.exitValue()), err};
    }

    private static String planHashInFreshJvm(Path dir, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("plan", "--record", dir.toString()));
        args.addAll(List.of(options));
        String[] r = fresh(args.toArray(new String[0]));
        assertEquals("0", r[0], r[1]);
        return RecordReplayScenarios.planHash(new CliRun(0, "", r[1]));
    }

    private Path recordedLog(String name, Path economy, Path targets) {
        Path dir = tmp.resolve("log-" + name);
        RecordReplayScenarios.ok(CliRun.of("log", "init", dir.toString(), "--origin", "determinism/" + name));
        RecordReplayScenarios.ok(CliRun.of("record", dir.toString(), "economy", economy.toString()));
        // The log's own key is an operator, not a council: register a council to set targets.
        Path key = tmp.resolve(name + ".key");
        String vkey = RecordReplayScenarios.ok(CliRun.of("key", "new", key.toString(), "--name", "council")).out().trim();
        RecordReplayScenarios.ok(CliRun.of("record", dir.toString(), "member", vkey, "--role", "council"));
        RecordReplayScenarios.ok(CliRun.of("record", dir.toString(), "targets", targets.toString(), "--key", key.toString()));
        return dir;
    }

    private void sameHashTwiceAndReplay(Path dir, String[]... optionSets) throws IOException, InterruptedException {
        for (String[] options : optionSets) {
            String first = planHashInFreshJvm(dir, options);
            String second = planHashInFreshJvm(dir, options);
            assertEquals(first, second, "two JVMs planned the same recorded inputs to different plans: "
                    + String.join(" ", options));
        }
        String[] v = fresh("verify", dir.toString(), "--replay");
        assertEquals("0", v[0], v[1]);
    }

    @Test
    void randomEconomiesPlanToTheSameHashInSeparateJvms() throws IOException, InterruptedException {
        for (long seed : new long[] {1234567}) {
            Path economy = tmp.resolve("random-" + seed);
            RecordReplayScenarios.ok(CliRun.of("generate", economy.toString(), "--products", "300", "--inputs", "5",
                    "--seed", Long.toString(seed)));
            Path dir = recordedLog("random-" + seed, economy, economy.resolve("targets.csv"));
            sameHashTwiceAndReplay(dir,
                    new String[] {"--objective", "min-resource", "--resource", "labour"},
                    new String[] {"--objective", "min-resource", "--resource", "labour", "--method", "simplex"});
        }
    }

    @Test
    void theUkTablePlansToTheSameHashInSeparateJvms() throws IOException, InterruptedException {
        Path uk = CliRun.examples().resolve("uk-ons-2010");
        Path targets = tmp.resolve("uk-targets.csv");
        EconomyFiles.writeTargets(EconomyFiles.read(uk, Progress.NONE).economy(), targets);
        Path dir = recordedLog("uk", uk, targets);
        sameHashTwiceAndReplay(dir, new String[] {"--objective", "min-resource", "--resource", "compensation"});
        assertTrue(Files.isDirectory(dir.resolve("content")));
    }
}
