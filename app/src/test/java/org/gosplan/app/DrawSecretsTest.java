package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.gosplan.inspection.Draws;
import org.gosplan.inspection.InspectionException;
import org.gosplan.inspection.Inspections;
import org.gosplan.inspection.Reports;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.record.Event;
import org.gosplan.record.EventTypes;
import org.gosplan.record.Keys;
import org.gosplan.record.Record;
import org.gosplan.record.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets of a draw on the record (inspection.md): a different revealed secret gives another
 * seed and panel, and a withheld reveal stops the draw until its deadline, then is listed under
 * "ignored" and not used. Built through the Java API: the 1,000 entries to the deadline are appended
 * from several threads, which the record commits in groups (one fsync a group).
 */
class DrawSecretsTest {
    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NORTH = HexFormat.of().parseHex("11".repeat(32));

    /** Councils north, south and west; five inspectors; the village's bakery. */
    private static final class Story {
        final NoteSigner operator;
        final NoteSigner[] councils = new NoteSigner[3];
        final List<String> inspectors = new ArrayList<>();

        Story(Record r) throws IOException {
            operator = r.log().signingKey();
            String[] names = {"north", "south", "west"};
            for (int c = 0; c < 3; c++) {
                councils[c] = Keys.generate(names[c]);
                r.registerMember(councils[c].verifier(), Role.COUNCIL, List.of(names[c]), Map.of(), operator);
            }
            for (String name : new String[] {"ann", "bob", "cat", "dan", "eve"}) {
                NoteSigner k = Keys.generate(name);
                r.registerMember(k.verifier(), Role.INSPECTOR, List.of(), Map.of("gender", "x"), operator);
                inspectors.add(Keys.signerName(k.verifier()));
            }
            r.publishEconomy(CliRun.examples().resolve("village.economy.json"), operator,
                    org.gosplan.economy.Progress.NONE);
            Reports.registerUnit(r, "bakery", List.of("bakery"), Map.of(), operator);
        }
    }

    private static String sha256(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static byte[] index(long i) {
        return ByteBuffer.allocate(8).putLong(i).array();
    }

    /** The panel a seed draws, computed here: panel number {@code seed mod 1000} of the lottery, as ids. */
    private static List<String> panelOf(Draws.Draw d, String seedHex) {
        int j = new BigInteger(seedHex, 16).mod(BigInteger.valueOf(1000)).intValue();
        List<String> ids = new ArrayList<>();
        for (int i : d.selection().panel(j)) {
            ids.add(d.selection().id(i));
        }
        return ids;
    }

    @Test
    void aDifferentRevealedSecretGivesAnotherSeedAndPanel() throws Exception {
        // one log up to the inspection's order, copied; in each copy north commits and reveals the same secret,
        // south a different one (its commitment differs with it: a commitment binds its secret)
        Path base = tmp.resolve("base");
        long inspection;
        long drawAt;
        NoteSigner north;
        NoteSigner south;
        try (Record r = Record.open(Log.init(base, "example.org/secrets", null))) {
            Story s = new Story(r);
            north = s.councils[0];
            south = s.councils[1];
            drawAt = r.log().size() + 3;
            inspection = Inspections.order(r, "bakery", 2, null, List.of(), drawAt, north);
        }
        Set<String> seeds = new LinkedHashSet<>();
        Set<List<String>> panels = new LinkedHashSet<>();
        int copies = 8;
        for (int k = 0; k < copies; k++) {
            Path dir = tmp.resolve("copy-" + k);
            copy(base, dir);
            byte[] secret = HexFormat.of().parseHex(String.format("%064x", 0x5000 + k));
            try (Record r = Record.open(Log.open(dir))) {
                assertEquals(inspection + 1, r.log().size(), "the copy is the log up to the order");
                Inspections.commit(r, inspection, sha256(NORTH), north);
                Inspections.commit(r, inspection, sha256(secret), south);
                Inspections.reveal(r, inspection, HexFormat.of().formatHex(NORTH), north);
                Inspections.reveal(r, inspection, HexFormat.of().formatHex(secret), south);
                Draws.Draw d = Draws.compute(r, inspection, r.log().size());
                byte[] root = HexFormat.of().parseHex(r.log().root(drawAt));
                String seed = sha256(root, NORTH, secret, index(inspection));
                assertEquals(seed, d.seedHex(), "the root at drawAt, the secrets in log order, the index");
                assertEquals(panelOf(d, seed), d.panel());
                assertEquals(2, d.secrets());
                assertTrue(d.ignored().isEmpty(), d.ignored().toString());
                seeds.add(seed);
                panels.add(d.panel());
            }
        }
        assertEquals(copies, seeds.size(), "every secret gives its own seed");
        // 10 panels of 2 from 5, each 1/10: eight seeds drawing one panel would happen once in 10^7
        assertTrue(panels.size() > 1, "another secret, another panel: " + panels);
    }

    @Test
    void aWithheldRevealStopsTheDrawUntilItsDeadlineThenIsListedUnderIgnored() throws Exception {
        Path dir = tmp.resolve("log");
        try (Record r = Record.open(Log.init(dir, "example.org/withheld", null))) {
            Story s = new Story(r);
            NoteSigner north = s.councils[0];
            NoteSigner south = s.councils[1];
            NoteSigner west = s.councils[2];
            byte[] southSecret = HexFormat.of().parseHex("22".repeat(32));
            byte[] westSecret = HexFormat.of().parseHex("33".repeat(32));
            long drawAt = r.log().size() + 4;
            long inspection = Inspections.order(r, "bakery", 2, null, List.of(), drawAt, north);
            Inspections.commit(r, inspection, sha256(NORTH), north);
            Inspections.commit(r, inspection, sha256(southSecret), south);
            Inspections.commit(r, inspection, sha256(westSecret), west);
            assertEquals(drawAt, r.log().size());
            Inspections.reveal(r, inspection, HexFormat.of().formatHex(southSecret), south);
            Inspections.reveal(r, inspection, HexFormat.of().formatHex(NORTH), north);
            String westName = Keys.signerName(west.verifier());
            InspectionException waits = assertThrows(InspectionException.class,
                    () -> Draws.compute(r, inspection, r.log().size()));
            assertTrue(waits.getMessage().contains("waits for the reveals of " + westName), waits.getMessage());

            // cheap entries to one entry short of the deadline: commitments to another inspection
            long deadline = drawAt + Draws.REVEAL_WINDOW;
            long other = Inspections.order(r, "bakery", 1, null, List.of(), deadline + 10, north);
            fill(r, other, north, deadline - 1 - r.log().size());
            assertEquals(deadline - 1, r.log().size());
            assertThrows(InspectionException.class, () -> Draws.compute(r, inspection, r.log().size()),
                    "west may still reveal at entry " + (deadline - 1));
            fill(r, other, north, 1);

            Draws.Draw d = Draws.compute(r, inspection, r.log().size());
            assertEquals(2, d.secrets(), "west's secret is not used");
            assertEquals(List.of(westName + " committed and did not reveal by entry " + deadline), d.ignored());
            String seed = sha256(HexFormat.of().parseHex(r.log().root(drawAt)), southSecret, NORTH,
                    index(inspection));
            assertEquals(seed, d.seedHex(), "the seed of the two secrets revealed, in log order");
            assertEquals(panelOf(d, seed), d.panel());

            // west reveals too late: listed as such, and the seed stays what it was
            long late = Inspections.reveal(r, inspection, HexFormat.of().formatHex(westSecret), west);
            Draws.Draw after = Draws.compute(r, inspection, r.log().size());
            assertEquals(seed, after.seedHex());
            assertEquals(List.of("the reveal of " + westName + " at entry " + late + " came after the deadline, entry "
                    + (deadline - 1), westName + " committed and did not reveal by entry " + deadline),
                    after.ignored());
            Draws.record(r, inspection, north);
            long[] checked = {0};
            assertEquals(List.of(), Draws.verify(r, checked));
            assertEquals(1, checked[0]);
        }
    }

    /** Commitments made so far by {@link #fill}: each to a hash of its own, or the same event twice would be a replay. */
    private static final java.util.concurrent.atomic.AtomicLong FILLED = new java.util.concurrent.atomic.AtomicLong();

    /** Appends {@code n} commitments to {@code inspection}, signed first, from eight threads: grouped commits. */
    private static void fill(Record r, long inspection, NoteSigner by, long n) throws Exception {
        List<Event> events = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            ObjectNode body = JSON.createObjectNode();
            body.put("inspection", inspection);
            body.put("hash", String.format("%064x", FILLED.getAndIncrement()));
            events.add(Event.sign(EventTypes.SECRET_COMMITTED, body, by, Instant.now()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (Event e : events) {
                done.add(pool.submit(() -> r.append(e)));
            }
            for (Future<Long> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
