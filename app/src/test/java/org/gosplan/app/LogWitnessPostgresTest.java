package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gosplan.ledger.NoteSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code log witness --db}: the cosigned checkpoint is stored in PostgreSQL too, and read back by
 * {@code log checkpoint} and {@code verify --policy}. Needs GOSPLAN_TEST_PG_URL as
 * {@link RecordReplayPostgresTest} does ({@code scripts/with-postgres.sh}).
 */
class LogWitnessPostgresTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsADatabase() {
        RecordReplayPostgresTest.baseUrl();
    }

    @Test
    void theCosignedCheckpointIsKeptInTheDatabase() throws Exception {
        String url = RecordReplayPostgresTest.freshSchema();
        assertEquals(0, CliRun.of("log", "init", "--db", url, "--origin", "example.org/pg").exit());
        assertEquals(0, CliRun.of("record", "--db", url, "member", NoteSigner.generate("a").verifier().toString(),
                "--role", "enterprise").exit());
        String logKey = CliRun.of("log", "key", "--db", url).out().strip();
        try (FakeWitness a = new FakeWitness("witness.example/a", logKey);
             FakeWitness b = new FakeWitness("witness.example/b", logKey)) {
            Path policy = tmp.resolve("policy.txt");
            Files.writeString(policy, "log " + logKey + "\nwitness a " + a.vkey() + " " + a.url() + "\nwitness b "
                    + b.vkey() + " " + b.url() + "\ngroup both all a b\nquorum both\n");
            CliRun r = CliRun.of("log", "witness", "--db", url, "--policy", policy.toString());
            assertEquals(0, r.exit(), r.out() + r.err());
            String cp = CliRun.of("log", "checkpoint", "--db", url).out();
            assertTrue(cp.contains("\n\u2014 witness.example/a ") && cp.contains("\n\u2014 witness.example/b "), cp);
            CliRun v = CliRun.of("verify", "--db", url, "--policy", policy.toString());
            assertEquals(0, v.exit(), v.out() + v.err());
            assertTrue(v.out().contains("cosigned by a, b (quorum both)"), v.out());
        }
    }
}
