package org.gosplan.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events appended from many threads at once are checked one after another and committed in
 * groups: every accepted event once, at its own index, every refused one nowhere, and fewer
 * commits (fsyncs) than events.
 */
class GroupAppendTest {
    @TempDir
    Path dir;

    @Test
    void concurrentAppendsShareCommitsAndKeepEveryCheck() throws Exception {
        Log log = Log.init(dir.resolve("log"), "test.example/group", null);
        try (Record r = Record.open(log)) {
            NoteSigner operator = log.signingKey();
            NoteSigner citizen = NoteSigner.fromSeed("citizen", SnapshotTestSeeds.seed(5));
            r.registerMember(citizen.verifier(), Role.CITIZEN, operator);
            long commitsBefore = log.commits();
            int threads = 16;
            int each = 20;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            Set<Long> indices = ConcurrentHashMap.newKeySet();
            AtomicInteger refused = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        NoteSigner m = NoteSigner.fromSeed("m" + thread + "x" + i,
                                SnapshotTestSeeds.seed(100 + thread * each + i));
                        ObjectNode b = Canonical.MAPPER.createObjectNode();
                        b.put("vkey", m.verifier().toString());
                        b.put("role", "citizen");
                        b.putArray("councils");
                        b.putObject("attrs");
                        // Every fifth by the citizen, who may register no one.
                        NoteSigner by = i % 5 == 4 ? citizen : operator;
                        Event e = Event.sign(EventTypes.MEMBER_REGISTERED, b, by,
                                Instant.parse("2026-01-01T00:00:00Z"));
                        try {
                            indices.add(r.append(e));
                        } catch (RecordException x) {
                            assertEquals(RecordException.Kind.FORBIDDEN, x.kind());
                            refused.incrementAndGet();
                        }
                        if (i == 0) {
                            // The same event twice: the second is a replay.
                            try {
                                r.append(e);
                                throw new AssertionError("a replay was appended");
                            } catch (RecordException x) {
                                assertEquals(RecordException.Kind.CONFLICT, x.kind());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            int accepted = threads * each - threads * (each / 5);
            assertEquals(threads * (each / 5), refused.get());
            assertEquals(accepted, indices.size());
            assertEquals(new TreeSet<>(indices).first(), 1L);
            assertEquals(new TreeSet<>(indices).last(), (long) accepted);
            assertEquals(accepted + 1, log.size());
            long commits = log.commits() - commitsBefore;
            assertTrue(commits < accepted, commits + " commits for " + accepted + " events");
            assertTrue(r.refusals().isEmpty(), "every entry holds where it stands: " + r.refusals());
            assertTrue(r.verify(null).ok());
        }
    }
}
