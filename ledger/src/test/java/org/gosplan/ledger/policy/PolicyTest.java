package org.gosplan.ledger.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.Cosigner;
import org.gosplan.ledger.LedgerException;
import org.gosplan.ledger.NoteSigner;
import org.gosplan.ledger.SignedNote;
import org.junit.jupiter.api.Test;

/**
 * tlog-policy files: the spec's own example (two levels of groups) evaluated by hand, the
 * parsing rules one by one with the line each error names, and properties: any bytes either parse
 * or fail with a located {@link LedgerException}; random group trees agree with a brute-force
 * reading of the definitions.
 */
class PolicyTest {
    static final String ORIGIN = "example.com/behind-the-sofa";
    static final String BODY = ORIGIN + "\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    static final NoteSigner LOG = NoteSigner.fromSeed(ORIGIN, seed(100));

    static byte[] seed(int n) {
        byte[] s = new byte[32];
        s[0] = (byte) n;
        s[31] = 7;
        return s;
    }

    private static final Map<Integer, Cosigner> WITNESSES = new java.util.concurrent.ConcurrentHashMap<>();

    static Cosigner witness(int n) {
        return WITNESSES.computeIfAbsent(n, k -> Cosigner.fromSeed("witness.example/w" + k, seed(k)));
    }

    // Ed25519 signatures are deterministic: sign each once (the JDK's Ed25519 takes milliseconds).
    private static final SignedNote SIGNED = SignedNote.sign(BODY, LOG);
    private static final Map<Cosigner, SignedNote.Signature> LINES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The log's checkpoint cosigned by the given witnesses. */
    static Checkpoint cosigned(Cosigner... by) {
        SignedNote note = SIGNED;
        for (Cosigner c : by) {
            note = note.with(LINES.computeIfAbsent(c, k -> k.cosign(BODY, 1679315147L)));
        }
        return Checkpoint.parse(note.toString());
    }

    /** The spec's example: X-witnesses 2 of X1..X3, Y-witnesses any of Y1..Y3, quorum both groups. */
    static String specExample() {
        return "log " + LOG.verifier() + "\n\n"
                + "witness X1 " + witness(1).verifier() + "\n"
                + "witness X2 " + witness(2).verifier() + "\n"
                + "witness X3 " + witness(3).verifier() + "\n"
                + "group X-witnesses 2 X1 X2 X3\n\n"
                + "witness Y1 " + witness(4).verifier() + "\n"
                + "witness Y2 " + witness(5).verifier() + "\n"
                + "witness Y3 " + witness(6).verifier() + "\n"
                + "group Y-witnesses any Y1 Y2 Y3\n\n"
                + "group X-and-Y all X-witnesses Y-witnesses\n"
                + "quorum X-and-Y\n";
    }

    @Test
    void theSpecsExampleNeedsTwoXAndOneY() {
        Policy p = Policy.parse(specExample(), "policy");
        assertEquals("X-and-Y", p.quorum());
        assertEquals(6, p.witnesses().size());
        Policy.Verdict ok = p.evaluate(cosigned(witness(1), witness(3), witness(6)));
        assertTrue(ok.valid(), ok.problems().toString());
        assertEquals(Optional.of(ORIGIN), ok.log());
        assertEquals(List.of("X1", "X3", "Y3"), List.copyOf(ok.cosigned().keySet()));
        assertEquals(1679315147L, ok.cosigned().get("X1"));
        assertEquals(List.of(), ok.missing());

        Policy.Verdict oneX = p.evaluate(cosigned(witness(1), witness(4), witness(5)));
        assertFalse(oneX.valid());
        assertEquals(List.of("X2", "X3"), oneX.missing());
        assertEquals(List.of("the quorum X-and-Y is not met: group X-and-Y needs 2 of its 2 members and has 1"
                + " (not yet: group X-witnesses needs 2 of its 3 members and has 1 (not yet: X2, X3))"),
                oneX.problems());

        Policy.Verdict noY = p.evaluate(cosigned(witness(1), witness(2), witness(3)));
        assertFalse(noY.valid());
        assertEquals(List.of("Y1", "Y2", "Y3"), noY.missing());

        Policy.Verdict none = p.evaluate(cosigned());
        assertEquals(List.of("X1", "X2", "X3", "Y1", "Y2", "Y3"), none.missing());
    }

    @Test
    void aWitnessCountsOnceAndUnknownKeysAreIgnored() {
        Policy p = Policy.parse("log " + LOG.verifier() + "\nwitness a " + witness(1).verifier()
                + "\nwitness b " + witness(2).verifier() + "\ngroup both 2 a b\nquorum both\n", "p");
        // a's key signs twice (two timestamps): still one witness of the two the group needs
        SignedNote note = SignedNote.sign(BODY, LOG).with(witness(1).cosign(BODY, 5)).with(witness(1).cosign(BODY, 6))
                .with(witness(9).cosign(BODY, 5)) // a key the policy does not name
                .with(Cosigner.fromSeed("witness.example/w2", seed(8)).cosign(BODY, 5)); // b's name, another key
        Policy.Verdict v = p.evaluate(Checkpoint.parse(note.toString()));
        assertFalse(v.valid());
        assertEquals(List.of("a"), List.copyOf(v.cosigned().keySet()));
        assertEquals(List.of("b"), v.missing());
    }

    @Test
    void aBadCosignatureByANamedWitnessFailsTheNote() {
        Policy p = Policy.parse("log " + LOG.verifier() + "\nwitness a " + witness(1).verifier() + "\nquorum none\n",
                "p");
        SignedNote.Signature good = witness(1).cosign(BODY, 5);
        byte[] bad = good.signature().clone();
        bad[20] ^= 1;
        SignedNote note = SignedNote.sign(BODY, LOG).with(new SignedNote.Signature(good.name(), good.keyId(), bad));
        Policy.Verdict v = p.evaluate(Checkpoint.parse(note.toString()));
        assertFalse(v.valid());
        assertTrue(v.problems().get(0).startsWith("witness a: the cosignature of witness.example/w1"),
                v.problems().toString());
    }

    @Test
    void theLogMustBeListedAndHaveSigned() {
        Cosigner w = witness(1);
        Policy other = Policy.parse("log " + NoteSigner.fromSeed("other.example/log", seed(50)).verifier()
                + "\nquorum none\n", "p");
        Policy.Verdict v = other.evaluate(cosigned(w));
        assertFalse(v.valid());
        assertEquals(List.of("the checkpoint's origin 'example.com/behind-the-sofa' is not a log the policy accepts"),
                v.problems());
        // the right name with another key: no signature by a known key
        Policy sameName = Policy.parse("log " + NoteSigner.fromSeed(ORIGIN, seed(51)).verifier() + "\nquorum none\n",
                "p");
        assertTrue(sameName.evaluate(cosigned(w)).problems().get(0).startsWith("the log's signature: no signature"));
        Policy none = Policy.parse("log " + LOG.verifier() + "\n  quorum   none  \n", "p");
        assertTrue(none.evaluate(cosigned()).valid());
        assertThrows(LedgerException.class, () -> Policy.parse("quorum none\n", "p").evaluate(cosigned()));
        assertTrue(Policy.parse("quorum none\n", "p").evaluate(cosigned(), List.of(LOG.verifier())).valid());
    }

    @Test
    void malformedPoliciesNameTheLineAndWhatToFix() {
        String w1 = witness(1).verifier().toString();
        String w2 = witness(2).verifier().toString();
        String[][] cases = {
            {"", "p:1: no 'quorum' line"},
            {"# only a comment\n", "p:1: no 'quorum' line"},
            {"quorum none\nquorum none\n", "p:2: a second 'quorum' line (the first is line 1)"},
            {"quorum a\n", "p:1: quorum 'a' is not a witness or group defined on an earlier line"},
            {"quorum a\nwitness a " + w1 + "\n", "p:1: quorum 'a'"},
            {"witness a " + w1 + "\nwitness a " + w2 + "\nquorum a\n",
                "p:2: the name 'a' is already defined on line 1"},
            {"witness a " + w1 + "\nwitness b " + w1 + "\nquorum a\n", "p:2: witness b has the same public key as"},
            {"witness none " + w1 + "\nquorum none\n", "p:1: 'none' is a reserved name"},
            {"witness a " + w1 + "\ngroup g 2 a\nquorum g\n", "p:2: group g: threshold 2 is more than its 1 member"},
            {"witness a " + w1 + "\ngroup g 0 a\nquorum g\n", "p:2: group g: '0' is not 'all', 'any' or a decimal"},
            {"witness a " + w1 + "\ngroup g 01 a\nquorum g\n", "p:2: group g: '01' is not"},
            {"witness a " + w1 + "\ngroup g any\nquorum g\n", "p:2: a group line is"},
            {"witness a " + w1 + "\ngroup g any a a\nquorum g\n", "p:2: group g: member 'a' is listed twice"},
            {"witness a " + w1 + "\ngroup g any a none\nquorum g\n", "p:2: group g: 'none' cannot be a group member"},
            {"group g any g\nquorum g\n", "p:1: group g: member 'g' is not a witness or group defined on an earlier"},
            {"group g any b\nwitness b " + w1 + "\nquorum g\n", "p:1: group g: member 'b' is not"},
            {"witness a " + LOG.verifier() + "\nquorum a\n", "p:1: '" + LOG.verifier() + "' is not a cosignature/v1"},
            {"log " + w1 + "\nquorum none\n", "p:1: verifier key '" + w1 + "' is not an Ed25519 key"},
            {"log " + LOG.verifier() + "\nlog " + LOG.withName("example.com/front").verifier() + "\nquorum none",
                "p:2: the log key of example.com/front is listed twice"},
            {"log " + LOG.verifier() + "\nlog " + LOG.verifier() + "\nquorum none", "p:2: the log key of"},
            {"log\nquorum none\n", "p:1: a log line is 'log <vkey> [<url>]', not 0 items"},
            {"witness a " + w1 + " https://w.example/ extra\nquorum a\n", "p:1: a witness line is"},
            {"witnesses a " + w1 + "\nquorum a\n", "p:1: unknown keyword 'witnesses'"},
            {"quorum none\r\n", "p:1: character 0x0d is not allowed"},
            {"quorum none\n\u0001\n", "p:2: character 0x01 is not allowed"},
        };
        for (String[] c : cases) {
            LedgerException e = assertThrows(LedgerException.class, () -> Policy.parse(c[0], "p"), c[0]);
            assertTrue(e.getMessage().startsWith(c[1]), c[1] + " <- " + e.getMessage());
        }
    }

    @Test
    void whitespaceCommentsUrlsAndOpaqueNames() {
        String text = "  # logs\n\tlog\t" + LOG.verifier() + "  https://log.example/\n"
                + "witness K " + witness(1).verifier() + " https://w1.example/prefix\n"
                + "witness \u212a " + witness(2).verifier() + "\n" // a Kelvin sign is another name than K
                + "group g 2 K \u212a\n"
                + "quorum g"; // no final newline
        Policy p = Policy.parse(text, "p");
        assertEquals(Optional.of("https://log.example/"), p.logs().get(0).url());
        assertEquals(Optional.of("https://w1.example/prefix"), p.witnesses().get(0).url());
        assertEquals("\u212a", p.witnesses().get(1).name());
        assertTrue(p.evaluate(cosigned(witness(1), witness(2))).valid());
        assertEquals(List.of("\u212a"), p.evaluate(cosigned(witness(1))).missing());
    }

    @Test
    void thirtyTwoLogsWitnessesAndGroupsAsTheSpecRecommends() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            b.append("log ").append(NoteSigner.fromSeed("log.example/" + i, seed(200 + i)).verifier()).append('\n');
        }
        b.append("log ").append(LOG.verifier()).append('\n');
        Cosigner[] all = new Cosigner[32];
        for (int i = 0; i < 32; i++) {
            all[i] = witness(i + 1);
            b.append("witness w").append(i).append(' ').append(all[i].verifier()).append('\n');
        }
        // g0 = any of w0, w1; g(i) = all of g(i-1) and w(i+1): a chain 32 groups deep
        b.append("group g0 any w0 w1\n");
        for (int i = 1; i < 31; i++) {
            b.append("group g").append(i).append(" all g").append(i - 1).append(" w").append(i + 1).append('\n');
        }
        b.append("group g31 2 g30 w0 w1\nquorum g31\n");
        Policy p = Policy.parse(b.toString(), "p");
        assertEquals(33, p.logs().size());
        Policy.Verdict v = p.evaluate(cosigned(all));
        assertTrue(v.valid(), v.problems().toString());
        assertEquals(32, v.cosigned().size());
        Cosigner[] allBut7 = new Cosigner[31];
        for (int i = 0, k = 0; i < 32; i++) {
            if (i != 7) {
                allBut7[k++] = all[i];
            }
        }
        // w7 breaks the chain at g6, so g30 fails; g31 still has w0 and w1: 2 of 3
        assertTrue(p.evaluate(cosigned(allBut7)).valid());
        Cosigner[] noW0 = Arrays.copyOfRange(allBut7, 1, 31);
        Policy.Verdict fails = p.evaluate(cosigned(noW0));
        assertFalse(fails.valid());
        assertEquals(List.of("w7", "w0"), fails.missing());
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 2000)
    void anyBytesParseOrFailWithALocatedError(@ForAll @Size(max = 200) byte[] bytes) {
        try {
            Policy.parse(bytes, "fuzz");
        } catch (LedgerException e) {
            assertTrue(e.getMessage().matches("(?s)fuzz:[1-9][0-9]*: .+"), e.getMessage());
        }
    }

    @Property(tries = 400)
    void mutatedPoliciesParseOrFailWithALocatedError(@ForAll("mutations") String text) {
        try {
            Policy.parse(text, "fuzz");
        } catch (LedgerException e) {
            assertTrue(e.getMessage().matches("(?s)fuzz:[1-9][0-9]*: .+"), e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        String base = specExample();
        Arbitrary<Integer> at = Arbitraries.integers().between(0, base.length() - 1);
        Arbitrary<String> piece = Arbitraries.of(" ", "\n", "\t", "#", "group", "any", "all", "0", "3", "none",
                "X1", "quorum", "+", "\u00e9", "", "witness");
        return Combinators.combine(at, at, piece).as((a, b, s) -> base.substring(0, Math.min(a, b)) + s
                + base.substring(Math.max(a, b)));
    }

    /** A random group tree over witnesses 1..w, written as a policy, with the cosigners that sign. */
    record Tree(String text, Map<String, String[]> groups, String quorum, Set<Integer> signers, int witnesses) {}

    @Provide
    Arbitrary<Tree> trees() {
        return Arbitraries.randomValue(r -> {
            int w = 1 + r.nextInt(6);
            StringBuilder b = new StringBuilder("log " + LOG.verifier() + "\n");
            List<String> names = new ArrayList<>();
            Map<String, String[]> groups = new HashMap<>();
            for (int i = 1; i <= w; i++) {
                b.append("witness w").append(i).append(' ').append(witness(i).verifier()).append('\n');
                names.add("w" + i);
            }
            int g = r.nextInt(5);
            for (int i = 0; i < g; i++) {
                List<String> pool = new ArrayList<>(names);
                Collections.shuffle(pool, r);
                int n = 1 + r.nextInt(pool.size());
                String[] def = new String[n + 1];
                int k = 1 + r.nextInt(n);
                String kText = r.nextInt(4) == 0 ? "all" : r.nextInt(4) == 0 ? "any" : Integer.toString(k);
                def[0] = kText.equals("all") ? Integer.toString(n) : kText.equals("any") ? "1" : kText;
                b.append("group g").append(i).append(' ').append(kText);
                for (int m = 0; m < n; m++) {
                    def[m + 1] = pool.get(m);
                    b.append(' ').append(pool.get(m));
                }
                b.append('\n');
                groups.put("g" + i, def);
                names.add("g" + i);
            }
            String quorum = r.nextInt(8) == 0 ? "none" : names.get(r.nextInt(names.size()));
            b.append("quorum ").append(quorum).append('\n');
            Set<Integer> signers = new HashSet<>();
            for (int i = 1; i <= w + 2; i++) { // w+1 and w+2 are keys the policy does not name
                if (r.nextBoolean()) {
                    signers.add(i);
                }
            }
            return new Tree(b.toString(), groups, quorum, signers, w);
        });
    }

    /** Brute force: the definition read literally, member by member. */
    static boolean holds(Tree t, String name) {
        if (name.equals("none")) {
            return true;
        }
        if (name.startsWith("w")) {
            return t.signers().contains(Integer.parseInt(name.substring(1)));
        }
        String[] def = t.groups().get(name);
        int have = 0;
        for (int m = 1; m < def.length; m++) {
            have += holds(t, def[m]) ? 1 : 0;
        }
        return have >= Integer.parseInt(def[0]);
    }

    @Property(tries = 150)
    void randomGroupTreesAgreeWithBruteForce(@ForAll("trees") Tree t) {
        Policy p = Policy.parse(t.text(), "tree");
        List<Cosigner> by = new ArrayList<>();
        for (int i : t.signers()) {
            by.add(witness(i));
        }
        Policy.Verdict v = p.evaluate(cosigned(by.toArray(new Cosigner[0])));
        assertEquals(holds(t, t.quorum()), v.valid(), t.text() + " signed by " + t.signers());
        assertEquals(v.valid(), v.missing().isEmpty());
        for (String m : v.missing()) {
            assertFalse(t.signers().contains(Integer.parseInt(m.substring(1))), m);
        }
        // every missing witness cosigning makes the quorum hold
        Set<Integer> all = new HashSet<>(t.signers());
        for (String m : v.missing()) {
            all.add(Integer.parseInt(m.substring(1)));
        }
        assertTrue(holds(new Tree(t.text(), t.groups(), t.quorum(), all, t.witnesses()), t.quorum()));
        for (Map.Entry<String, Long> c : v.cosigned().entrySet()) {
            assertTrue(t.signers().contains(Integer.parseInt(c.getKey().substring(1))));
        }
    }
}
