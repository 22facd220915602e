package org.gosplan.council.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyException;
import org.gosplan.economy.Progress;
import org.gosplan.economy.SparseMatrix;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.planner.PlanOptions;
import org.gosplan.planner.leontief.LeontiefOptions;
import org.gosplan.record.PlanRecords;
import org.gosplan.record.Record;
import org.gosplan.record.RecordException;
import org.gosplan.record.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proposals and their cost against independent references. */
class CostTest {
    @TempDir
    Path tmp;

    private final NoteSigner citizen = NoteSigner.fromSeed("ana", seed(1));

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        s[0] = (byte) b;
        return s;
    }

    static Path examples() {
        String root = System.getProperty("gosplan.root");
        return Path.of(root != null ? root : "..", "examples");
    }

    private Record record(Path economy) throws IOException {
        Path dir = tmp.resolve("log");
        Log.init(dir, "test.example/council", null).close();
        Record r = Record.open(Log.open(dir));
        NoteSigner op = r.log().signingKey();
        r.registerMember(citizen.verifier(), Role.CITIZEN, List.of("north"), Map.of(), op);
        if (economy != null) {
            r.publishEconomy(economy, op, Progress.NONE);
        }
        return r;
    }

    private Path targets(String... lines) throws IOException {
        Path f = Files.createTempFile(tmp, "targets", ".csv");
        Files.writeString(f, "product,quantity,weight\n" + String.join("\n", lines) + "\n");
        return f;
    }

    /** {@code R (I - A)^-1 d} by dense Gaussian elimination with partial pivoting: the textbook formula. */
    static double[] dense(Economy e, double[] d) {
        int n = e.products();
        double[][] m = new double[n][n + 1];
        int[] techniqueOf = e.squareTechniqueOf();
        double[] own = new double[n];
        for (int p = 0; p < n; p++) {
            own[p] = e.outputs().get(p, techniqueOf[p]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = (i == j ? 1 : 0) - e.productInputs().get(i, techniqueOf[j]) / own[j];
            }
            m[i][n] = d[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        SparseMatrix res = e.resourceInputs();
        double[] use = new double[e.resources()];
        for (int r = 0; r < use.length; r++) {
            for (int p = 0; p < n; p++) {
                use[r] += res.get(r, techniqueOf[p]) / own[p] * x[p];
            }
        }
        return use;
    }

    @Test
    void aSingleTechniqueEconomysCostIsRTimesTheLeontiefInverseTimesTheTargets() throws IOException {
        try (Record r = record(examples().resolve("uk-ons-2010"))) {
            Economy e = r.economy(r.snapshot().economy().hash());
            Random random = new Random(11);
            StringBuilder lines = new StringBuilder();
            double[] d = new double[e.products()];
            for (int p = 0; p < e.products(); p += 3) {
                d[p] = Math.round(random.nextDouble() * 1000);
                lines.append(e.productId(p)).append(',').append(d[p]).append(",\n");
            }
            Proposal made = Proposals.make(r, targets(lines.toString().strip()), "Every third product", citizen);
            ProposalCost c = Costs.of(r, made.index(), LeontiefOptions.DEFAULT);
            assertEquals(-1, c.plan());
            assertEquals(1, c.solves());
            double[] expected = dense(e, d);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], c.resources()[i], 1e-9 * Math.abs(expected[i]), e.resourceId(i));
            }
            // the ONS's published employment cost effects: compensation per unit of final demand
            List<String> sectors = Files.readAllLines(examples().resolve("uk-ons-2010/sectors.csv"));
            List<String> pub = Files.readAllLines(examples().resolve("uk-ons-2010/published/multipliers_and_effects_product.csv"));
            double published = 0;
            for (int i = 1; i < sectors.size(); i++) {
                String id = sectors.get(i).substring(0, sectors.get(i).indexOf(','));
                String line = pub.get(i);
                String[] tail = line.substring(line.indexOf("\",") + 2).split(",");
                published += d[e.productIndex(id)] * Double.parseDouble(tail[6]);
            }
            int comp = e.resourceIndex("compensation");
            assertEquals(0, comp, "the first resource is labour here");
            assertEquals(published, c.resources()[comp], 1e-9 * published);
            assertTrue(Double.isNaN(c.valuation()), "no plan, no valuation");
        }
    }

    /**
     * A: by hand (2 h) or with half a B (1 h); B: 1 h. Labour values B = 1, A = 1.5 by the second
     * technique: with no plan, 10 A cost 15 h and 5 B. A plan that may run the second technique at
     * 4 at most runs the first at 6: the cost is then at the first, 20 h and no B.
     */
    private Path twoWays(String capacity) throws IOException {
        Path f = tmp.resolve("two-ways" + capacity + ".economy.json");
        Files.writeString(f, "{\"format\": \"gosplan/economy@1\", \"name\": \"two ways\","
                + "\"products\": [{\"id\": \"A\", \"unit\": \"u\"}, {\"id\": \"B\", \"unit\": \"u\"}],"
                + "\"resources\": [{\"id\": \"labour\", \"unit\": \"h\", \"available\": 1000}],"
                + "\"techniques\": ["
                + "{\"id\": \"a-by-hand\", \"outputs\": {\"A\": 1}, \"inputs\": {\"labour\": 2}},"
                + "{\"id\": \"a-with-b\", \"outputs\": {\"A\": 1}, \"inputs\": {\"labour\": 1, \"B\": 0.5}" + capacity + "},"
                + "{\"id\": \"b\", \"outputs\": {\"B\": 1}, \"inputs\": {\"labour\": 1}}],"
                + "\"targets\": [{\"product\": \"A\", \"quantity\": 10}]}");
        return f;
    }

    @Test
    void withNoPlanEachProductIsMadeAtItsCheapestTechniqueInLabour() throws IOException {
        try (Record r = record(twoWays(""))) {
            Proposal p = Proposals.make(r, targets("A,10,"), "Ten A", citizen);
            ProposalCost c = Costs.of(r, p.index(), LeontiefOptions.DEFAULT);
            assertEquals(15.0, c.resources()[0], 1e-12);
            assertEquals(10.0, c.output()[0], 1e-12);
            assertEquals(5.0, c.output()[1], 1e-12);
            assertEquals(0.015, c.share(0), 1e-15);
        }
    }

    @Test
    void withAPlanTheTechniquesItRunsAreCostedAndValuedAtItsValuations() throws IOException {
        try (Record r = record(twoWays(", \"capacity\": 4"))) {
            NoteSigner op = r.log().signingKey();
            r.registerMember(NoteSigner.fromSeed("council", seed(9)).verifier(), Role.COUNCIL, op);
            r.setTargets(targets("A,10,"), NoteSigner.fromSeed("council", seed(9)));
            PlanRecords.Recorded plan = PlanRecords.computeAndRecord(r, PlanOptions.DEFAULT, op);
            assertEquals(4.0, plan.plan().level(1), 1e-9, "a-with-b at its capacity");
            assertTrue(plan.plan().level(0) > 4.0, "the plan runs a-by-hand most");
            Proposal p = Proposals.make(r, targets("A,10,", "B,2,"), "Ten A and two B", citizen);
            ProposalCost c = Costs.of(r, p.index(), LeontiefOptions.DEFAULT);
            assertEquals(plan.index(), c.plan());
            assertEquals(1, c.solves(), "one solve, no new plan");
            assertEquals(22.0, c.resources()[0], 1e-9); // 10 A by hand, 2 B
            assertEquals(2.0, c.output()[1], 1e-12);
            double expected = 10 * plan.plan().valuation(0) + 2 * plan.plan().valuation(1);
            assertEquals(expected, c.valuation(), 1e-9 * Math.abs(expected));
        }
    }

    @Test
    void proposalsAreCheckedAgainstTheLatestEconomyAndRecordNothingWhenRefused() throws IOException {
        try (Record r = record(null)) {
            assertEquals(1, r.log().size());
            RecordException none = assertThrows(RecordException.class,
                    () -> Proposals.make(r, targets("A,10,"), "Ten A", citizen));
            assertTrue(none.getMessage().contains("no economy is recorded yet"), none.getMessage());
            r.publishEconomy(twoWays(""), r.log().signingKey(), Progress.NONE);
            long size = r.log().size();
            Path bad = targets("A,10,", "C,1,");
            EconomyException unknown = assertThrows(EconomyException.class,
                    () -> Proposals.make(r, bad, "Ten A and a C", citizen));
            assertTrue(unknown.getMessage().contains(":3") && unknown.getMessage().contains("'C'"), unknown.getMessage());
            assertTrue(assertThrows(RecordException.class, () -> Proposals.make(r, targets("A,10,"), " ", citizen))
                    .getMessage().contains("--title"));
            assertTrue(assertThrows(RecordException.class, () -> Proposals.make(r, targets(), "Nothing", citizen))
                    .getMessage().contains("names no targets"));
            assertTrue(assertThrows(RecordException.class, () -> Proposals.make(r, targets("A,1,"), "By the operator",
                    r.log().signingKey())).getMessage().contains("may not record proposal.made"));
            assertEquals(size, r.log().size());
            assertTrue(assertThrows(RecordException.class, () -> Costs.of(r, size, LeontiefOptions.DEFAULT))
                    .getMessage().contains("there is no entry " + size));
            assertTrue(assertThrows(RecordException.class, () -> Costs.of(r, 0, LeontiefOptions.DEFAULT))
                    .getMessage().contains("not a proposal.made"));
        }
    }

    @Test
    void aProposalSlippedIntoTheLogBySomeoneWhoMayNotProposeIsNoProposal() throws IOException {
        NoteSigner mill = NoteSigner.fromSeed("mill", seed(5));
        long forged;
        try (Record r = record(twoWays(""))) {
            r.registerMember(mill.verifier(), Role.ENTERPRISE, r.log().signingKey());
            Proposal honest = Proposals.make(r, targets("A,10,"), "Ten A", citizen);
            com.fasterxml.jackson.databind.node.ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory
                    .instance.objectNode().put("title", "Forged").put("targets", honest.targets())
                    .put("economy", honest.economy());
            byte[] entry = org.gosplan.record.Event.sign("proposal.made", body, mill, java.time.Instant.now()).entryBytes();
            try (Log raw = Log.open(tmp.resolve("log"))) {
                forged = raw.append(entry); // past the record's checks, as a tampered store would
            }
        }
        try (Record r = Record.open(Log.open(tmp.resolve("log")))) {
            RecordException x = assertThrows(RecordException.class, () -> Costs.of(r, forged, LeontiefOptions.DEFAULT));
            assertTrue(x.getMessage().contains("is not a valid proposal"), x.getMessage());
            assertTrue(r.verify(null).problems().toString().contains("entry " + forged), r.verify(null).problems().toString());
        }
    }

    /**
     * A ballot's proposals costed together ({@link Costs#of(Record, long[], Economy,
     * org.gosplan.record.Snapshot.Published, org.gosplan.record.Snapshot.Published, LeontiefOptions)}:
     * plan, techniques and system shared) give, figure for figure and to the bit, what each costed
     * alone gives, with a plan and without; the first wrong proposal is the one named.
     */
    @Test
    void proposalsCostedTogetherAreEachExactlyAsCostedAlone() throws IOException {
        for (boolean planned : new boolean[] {false, true}) {
            Path dir = tmp.resolve(planned ? "planned" : "unplanned");
            Files.createDirectories(dir);
            try (Record r = record(twoWays(", \"capacity\": 4"))) {
                if (planned) {
                    NoteSigner op = r.log().signingKey();
                    r.registerMember(NoteSigner.fromSeed("council", seed(9)).verifier(), Role.COUNCIL, op);
                    r.setTargets(targets("A,10,"), NoteSigner.fromSeed("council", seed(9)));
                    PlanRecords.computeAndRecord(r, PlanOptions.DEFAULT, op);
                }
                Random random = new Random(planned ? 2 : 1);
                long[] indexes = new long[12];
                for (int i = 0; i < indexes.length; i++) {
                    String a = (1 + random.nextInt(500)) / 7.0 + "";
                    String b = random.nextInt(3) == 0 ? "" : "B," + random.nextInt(40) + ",";
                    indexes[i] = Proposals.make(r, b.isEmpty() ? targets("A," + a + ",") : targets("A," + a + ",", b),
                            "proposal " + i, citizen).index();
                }
                var s = r.snapshot();
                ProposalCost[] together = Costs.of(r, indexes, null, s.economy(), s.plan(), LeontiefOptions.DEFAULT);
                for (int i = 0; i < indexes.length; i++) {
                    ProposalCost alone = Costs.of(r, indexes[i], LeontiefOptions.DEFAULT);
                    ProposalCost t = together[i];
                    assertEquals(alone.proposal(), t.proposal());
                    assertEquals(alone.title(), t.title());
                    assertEquals(alone.plan(), t.plan());
                    assertEquals(planned, t.plan() >= 0);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(alone.technique(), t.technique());
                    org.junit.jupiter.api.Assertions.assertArrayEquals(alone.output(), t.output(), 0.0);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(alone.resources(), t.resources(), 0.0);
                    assertEquals(Double.doubleToLongBits(alone.valuation()), Double.doubleToLongBits(t.valuation()));
                    assertEquals(alone.solves(), t.solves());
                    assertEquals(alone.notes(), t.notes());
                }
                long[] wrong = {indexes[0], 0, indexes[1], s.size() + 5};
                RecordException x = assertThrows(RecordException.class,
                        () -> Costs.of(r, wrong, null, s.economy(), s.plan(), LeontiefOptions.DEFAULT));
                assertTrue(x.getMessage().contains("entry 0 is a"), x.getMessage());
            }
            Files.move(tmp.resolve("log"), dir.resolve("log"));
        }
    }
}
