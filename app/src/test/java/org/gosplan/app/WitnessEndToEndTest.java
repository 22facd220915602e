package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.NoteVerifier;
import org.gosplan.ledger.witness.Witness;
import org.gosplan.server.witness.WitnessServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gosplan's log and Gosplan's witnesses together on loopback: two witnesses cosign the log under a
 * 2-of-2 policy; a forked copy of the log (same origin and key, another entry) is refused by both
 * and each keeps the split view with both notes.
 */
class WitnessEndToEndTest {
    @TempDir
    Path tmp;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private String serve(String name, String logKey) throws Exception {
        Witness w = Witness.open(tmp.resolve(name), Cosigner.generate("witness.example/" + name),
                List.of(NoteVerifier.parse(logKey)));
        open.add(w);
        WitnessServer s = WitnessServer.start(w, "127.0.0.1", 0);
        open.add(s);
        return "witness " + name + " " + w.verifierKey() + " http://127.0.0.1:" + s.port() + "/\n";
    }

    private static CliRun ok(CliRun r) {
        assertEquals(0, r.exit(), r.out() + r.err());
        return r;
    }

    @Test
    void twoWitnessesCosignTheLogAndRefuseItsFork() throws Exception {
        String dir = tmp.resolve("log").toString();
        ok(CliRun.of("log", "init", dir, "--origin", "example.org/gosplan"));
        Path entries = tmp.resolve("entries.txt");
        Files.writeString(entries, "a\nb\nc\n");
        ok(CliRun.of("log", "append", dir, entries.toString()));
        String logKey = ok(CliRun.of("log", "key", dir)).out().strip();
        Path policy = tmp.resolve("policy.txt");
        Files.writeString(policy, "log " + logKey + "\n" + serve("w1", logKey) + serve("w2", logKey)
                + "group both all w1 w2\nquorum both\n");

        JsonNode r = Json.MAPPER.readTree(ok(CliRun.of("log", "witness", dir, "--policy", policy.toString(),
                "--json")).out());
        assertEquals(List.of("w1", "w2"), LogCommandTest.strings(r.get("cosigned")));
        Path cp = tmp.resolve("checkpoint.txt");
        Files.writeString(cp, ok(CliRun.of("log", "checkpoint", dir)).out());
        ok(CliRun.of("checkpoint", "verify", cp.toString(), "--policy", policy.toString()));

        // the log grows and is cosigned from the size each witness holds
        Path fork = tmp.resolve("fork");
        copy(Path.of(dir), fork);
        Files.writeString(entries, "d\n");
        ok(CliRun.of("log", "append", dir, entries.toString()));
        ok(CliRun.of("log", "witness", dir, "--policy", policy.toString()));

        // the fork: same origin and key, another fourth entry; no witness cosigns it
        Files.writeString(entries, "D\n");
        ok(CliRun.of("log", "append", fork.toString(), entries.toString()));
        CliRun f = CliRun.of("log", "witness", fork.toString(), "--policy", policy.toString(), "--json");
        assertEquals(1, f.exit(), f.out() + f.err());
        JsonNode fj = Json.MAPPER.readTree(f.out());
        assertEquals(0, fj.get("cosigned").size(), fj.toString());
        for (String w : List.of("w1", "w2")) {
            CliRun e = CliRun.of("witness", "evidence", "--state", tmp.resolve(w).toString(), "--json");
            assertEquals(1, e.exit(), e.out() + e.err());
            JsonNode views = Json.MAPPER.readTree(e.out()).get("splitViews");
            assertTrue(views.size() >= 1, e.out());
            JsonNode v = views.get(0);
            assertEquals("example.org/gosplan", v.get("origin").asText());
            assertTrue(v.get("cosigned").asText().startsWith("example.org/gosplan\n4\n"), v.toString());
            assertTrue(v.get("refused").asText().startsWith("example.org/gosplan\n4\n"), v.toString());
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals("lock")) {
                    Files.copy(p, t);
                }
            }
        }
    }
}
