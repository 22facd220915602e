package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log's side of witnessing (issue 12 items 3 and 4) through the command line, against witnesses
 * written in the test from the C2SP text ({@link FakeWitness}): {@code log witness} collects
 * cosignatures from the size each witness last cosigned, recovers from 409, survives a witness
 * that is down, and {@code checkpoint verify} and {@code verify --policy} refuse a checkpoint below
 * the quorum, naming the witnesses missing.
 */
class LogWitnessTest {
    @TempDir
    Path tmp;
    String dir;
    String logKey;
    final List<FakeWitness> witnesses = new ArrayList<>();

    @BeforeEach
    void record() throws Exception {
        dir = tmp.resolve("log").toString();
        ok(CliRun.of("log", "init", dir, "--origin", "example.org/witnessed"));
        member("a");
        logKey = CliRun.of("log", "key", dir).out().strip();
    }

    @AfterEach
    void stop() {
        witnesses.forEach(FakeWitness::close);
    }

    private void member(String name) {
        ok(CliRun.of("record", dir, "member", NoteSigner.generate(name).verifier().toString(), "--role",
                "enterprise"));
    }

    private FakeWitness witness(String name) throws Exception {
        FakeWitness w = new FakeWitness(name, logKey);
        witnesses.add(w);
        return w;
    }

    /** A policy over the log and the witnesses (policy names w0, w1, ...) with the given group and quorum lines. */
    private Path policy(String quorumLines) throws Exception {
        StringBuilder b = new StringBuilder("# the record's log and its witnesses\nlog " + logKey + "\n");
        for (int i = 0; i < witnesses.size(); i++) {
            b.append("witness w").append(i).append(' ').append(witnesses.get(i).vkey()).append(' ')
                    .append(witnesses.get(i).url()).append('\n');
        }
        Path p = Files.createTempFile(tmp, "policy", ".txt");
        Files.writeString(p, b + quorumLines);
        return p;
    }

    private static CliRun ok(CliRun r) {
        assertEquals(0, r.exit(), r.out() + r.err());
        return r;
    }

    private static JsonNode json(CliRun r) throws IOException {
        return Json.MAPPER.readTree(r.out());
    }

    private static List<String> texts(JsonNode array) {
        return LogCommandTest.strings(array);
    }

    @Test
    void twoWitnessesCosignAndTheCheckpointMeetsATwoOfTwoPolicy() throws Exception {
        FakeWitness a = witness("witness.example/a");
        FakeWitness b = witness("witness.example/b");
        Path policy = policy("group both all w0 w1\nquorum both\n");
        JsonNode first = json(ok(CliRun.of("log", "witness", dir, "--policy", policy.toString(), "--json")));
        assertEquals(List.of("w0", "w1"), texts(first.get("cosigned")));
        assertEquals(0, first.get("failed").size());
        assertEquals(1, first.get("size").asLong());
        assertTrue(first.get("quorumMet").asBoolean());
        assertEquals(List.of(0L), a.oldSizes);

        // the checkpoint as 'log checkpoint' prints it: the log's line, then both cosignatures
        String cp = ok(CliRun.of("log", "checkpoint", dir)).out();
        String[] lines = cp.split("\n");
        assertEquals(7, lines.length, cp);
        assertEquals("", lines[3]);
        assertTrue(lines[4].startsWith("\u2014 example.org/witnessed "), cp);
        assertTrue(lines[5].startsWith("\u2014 witness.example/a "), cp);
        assertTrue(lines[6].startsWith("\u2014 witness.example/b "), cp);
        Path file = tmp.resolve("checkpoint.txt");
        Files.writeString(file, cp);
        CliRun verified = ok(CliRun.of("checkpoint", "verify", file.toString(), "--policy", policy.toString()));
        assertTrue(verified.out().startsWith("verified: example.org/witnessed at size 1, cosigned by w0, w1"),
                verified.out());
        ok(CliRun.of("verify", dir, "--policy", policy.toString()));

        // the log grows: each witness gets a consistency proof from the size it cosigned, 1
        member("b");
        member("c");
        JsonNode second = json(ok(CliRun.of("log", "witness", dir, "--policy", policy.toString(), "--json")));
        assertEquals(3, second.get("size").asLong());
        assertEquals(List.of(0L, 1L), a.oldSizes);
        assertEquals(List.of(0L, 1L), b.oldSizes);
        // the body as tlog-witness spells it: the old size, the proof from 'log prove' in base64, a blank
        // line, the checkpoint with the log's own signature line
        StringBuilder want = new StringBuilder("old 1\n");
        for (JsonNode h : json(ok(CliRun.of("log", "prove", dir, "--from", "1", "--to", "3"))).get("proof")) {
            want.append(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(h.asText())))
                    .append('\n');
        }
        String now = ok(CliRun.of("log", "checkpoint", dir)).out();
        want.append('\n').append(now, 0, now.indexOf("\n\u2014 witness.example/a ") + 1);
        assertEquals(want.toString(), a.bodies.get(1));
        assertEquals(want.toString(), b.bodies.get(1));
        // asked again at the same size, nobody is asked again: the checkpoint carries both already
        ok(CliRun.of("log", "witness", dir, "--policy", policy.toString()));
        assertEquals(List.of(0L, 1L), a.oldSizes);
        ok(CliRun.of("log", "verify", dir));
    }

    @Test
    void aWitnessThatIsDownDoesNotStopTheOthersButTheQuorumCanFail() throws Exception {
        FakeWitness a = witness("witness.example/a");
        FakeWitness b = witness("witness.example/b");
        b.failWith = 503;
        Path any = policy("group one any w0 w1\nquorum one\n");
        JsonNode r = json(ok(CliRun.of("log", "witness", dir, "--policy", any.toString(), "--json")));
        assertEquals(List.of("w0"), texts(r.get("cosigned")));
        assertEquals("w1", r.get("failed").get(0).get("witness").asText());
        assertEquals(503, r.get("failed").get(0).get("status").asInt());

        Path both = policy("group both all w0 w1\nquorum both\n");
        b.close(); // now not even listening
        CliRun below = CliRun.of("log", "witness", dir, "--policy", both.toString(), "--timeout", "2", "--json");
        assertEquals(1, below.exit(), below.out() + below.err());
        JsonNode d = json(below);
        assertEquals(List.of("w0"), texts(d.get("cosigned")));
        assertEquals(0, d.get("failed").get(0).get("status").asInt());
        assertTrue(d.get("failed").get(0).get("message").asText().startsWith("cannot reach http://127.0.0.1:"),
                d.toString());
        assertEquals(List.of("w1"), texts(d.get("missing")));
        // one that hangs is given up after --timeout
        FakeWitness slow = witness("witness.example/slow");
        slow.delayMillis = 4000;
        JsonNode h = json(CliRun.of("log", "witness", dir, "--policy", policy("quorum w2\n").toString(), "--timeout",
                "1", "--json"));
        assertTrue(h.get("failed").get(1).get("message").asText().startsWith("no answer from http://127.0.0.1:"),
                h.toString());
        assertTrue(a.oldSizes.size() == 1, "a cosigned already and is not asked again: " + a.oldSizes);

        // the checkpoint below quorum is refused, the missing witness named
        String cp = ok(CliRun.of("log", "checkpoint", dir)).out();
        Path file = tmp.resolve("checkpoint.txt");
        Files.writeString(file, cp);
        CliRun refused = CliRun.of("checkpoint", "verify", file.toString(), "--policy", both.toString());
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.out().contains("missing cosignatures: w1"), refused.out());
        JsonNode rj = json(CliRun.of("checkpoint", "verify", file.toString(), "--policy", both.toString(), "--json"));
        assertEquals(false, rj.get("valid").asBoolean());
        assertEquals(List.of("w1"), texts(rj.get("missing")));
        assertEquals(List.of("w0"), texts(rj.get("cosigned")));
        CliRun verify = CliRun.of("verify", dir, "--policy", both.toString());
        assertEquals(1, verify.exit(), verify.out());
        assertTrue(verify.out().contains("missing cosignatures: w1"), verify.out());
        JsonNode vj = json(CliRun.of("verify", dir, "--policy", both.toString(), "--json"));
        assertEquals(List.of("w1"), texts(vj.get("policy").get("missing")));
        assertEquals(false, vj.get("valid").asBoolean());
    }

    @Test
    void aWitnessThatCosignedEarlierAnswers409AndIsSentTheProofFromThatSize() throws Exception {
        member("b");
        member("c"); // size 3
        FakeWitness a = witness("witness.example/a");
        try (Log log = Log.open(Path.of(dir))) {
            a.remember(2, log.root(2)); // cosigned size 2 for another run of the log
        }
        Path p = policy("quorum w0\n");
        JsonNode r = json(ok(CliRun.of("log", "witness", dir, "--policy", p.toString(), "--json")));
        assertEquals(List.of("w0"), texts(r.get("cosigned")));
        assertEquals(List.of(0L, 2L), a.oldSizes);

        // a witness that has seen a larger tree of this origin: a fork, reported, not cosigned
        FakeWitness forked = witness("witness.example/forked");
        forked.remember(99, new byte[32]);
        CliRun f = CliRun.of("log", "witness", dir, "--policy", policy("quorum w1\n").toString(), "--json");
        assertEquals(1, f.exit(), f.out() + f.err());
        JsonNode fj = json(f);
        assertEquals(409, fj.get("failed").get(0).get("status").asInt());
        assertTrue(fj.get("failed").get(0).get("message").asText().contains("another history"), fj.toString());
        // the checkpoint it was sent carries the log's line only, not a's cosignature stored on it
        String sent = forked.bodies.get(0);
        assertTrue(sent.startsWith("old 0\n\nexample.org/witnessed\n3\n"), sent);
        assertEquals(1, sent.split("\u2014 ", -1).length - 1, sent);
        assertTrue(ok(CliRun.of("log", "checkpoint", dir)).out().contains("\u2014 witness.example/a "));
        // one that remembers another root for the same size refuses with 422
        FakeWitness split = witness("witness.example/split");
        split.remember(3, new byte[32]);
        JsonNode sj = json(CliRun.of("log", "witness", dir, "--policy", policy("quorum w2\n").toString(), "--json"));
        assertEquals(List.of("w1", "w2"), sj.get("failed").findValuesAsText("witness"));
        assertEquals(422, sj.get("failed").get(1).get("status").asInt());
    }

    @Test
    void whenTheLogSignsANewerCheckpointMeanwhileThatOneIsCosigned() throws Exception {
        FakeWitness a = witness("witness.example/a");
        a.meanwhile = () -> {
            try (Log log = Log.open(Path.of(dir))) { // another writer appends while the witness works
                log.append("another writer's entry".getBytes(StandardCharsets.UTF_8));
                log.checkpoint();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        JsonNode r = json(ok(CliRun.of("log", "witness", dir, "--policy", policy("quorum w0\n").toString(),
                "--json")));
        assertEquals(2, r.get("size").asLong());
        assertEquals(List.of("w0"), texts(r.get("cosigned")));
        // size 1 was cosigned but no longer the latest; then size 2 from 0, 409 naming 1, and from 1
        assertEquals(List.of(0L, 0L, 1L), a.oldSizes);
        ok(CliRun.of("log", "verify", dir));
    }

    /**
     * Issue 12: a log that outgrows the witnesses three rounds running, or a witness whose size keeps
     * changing, is an outcome to report (exit 1, one JSON document saying what happened), not bad input.
     */
    @Test
    void aLogThatKeepsGrowingOrAWitnessThatKeepsChangingItsSizeIsAFailureNotBadInput() throws Exception {
        FakeWitness a = witness("witness.example/a");
        Runnable[] grow = new Runnable[1];
        grow[0] = () -> {
            try (Log log = Log.open(Path.of(dir))) { // another writer appends before every answer
                log.append(("entry " + log.size()).getBytes(StandardCharsets.UTF_8));
                log.checkpoint();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            a.meanwhile = grow[0];
        };
        a.meanwhile = grow[0];
        CliRun r = CliRun.of("log", "witness", dir, "--policy", policy("quorum w0\n").toString(), "--json");
        a.meanwhile = null;
        assertEquals(1, r.exit(), r.out() + r.err());
        JsonNode j = json(r);
        assertEquals(List.of(), texts(j.get("cosigned")));
        assertEquals(List.of("w0"), texts(j.get("missing")));
        String why = j.get("failed").get(0).get("message").asText();
        assertTrue(why.startsWith("the log signed a newer checkpoint (size "), why);
        assertTrue(why.contains("while each of 3 was being cosigned"), why);
        // every round was cosigned once the 409 named the size: 1 request, then 2 for each of rounds 2 and 3
        assertEquals(5, a.oldSizes.size(), a.oldSizes.toString());
        assertEquals(j.get("size").asLong(), Long.parseLong(why.replaceAll(".*\\(size (\\d+)\\).*", "$1")));
        ok(CliRun.of("log", "verify", dir));

        // a witness that names another size at each try: 1, 2, 1 (the log has size 1 + 5 more)
        FakeWitness b = witness("witness.example/b");
        b.failWith = 409;
        String[] sizes = {"1\n", "2\n", "1\n"};
        int[] at = {0};
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            b.answerBody = sizes[Math.min(at[0]++, sizes.length - 1)];
            b.meanwhile = next[0];
        };
        b.meanwhile = next[0];
        CliRun c = CliRun.of("log", "witness", dir, "--policy", policy("quorum w1\n").toString());
        assertEquals(1, c.exit(), c.out() + c.err());
        assertTrue(c.out().contains("failed: w1 (HTTP 409): the size it last cosigned kept changing; 3 tries"),
                c.out());
        assertTrue(c.out().contains("QUORUM NOT MET (w1)"), c.out());
        assertEquals(3, at[0]);
    }

    @Test
    void answersWithoutAValidCosignatureByTheWitnessAreFailures() throws Exception {
        FakeWitness a = witness("witness.example/a");
        FakeWitness other = witness("witness.example/other");
        Path p = policy("quorum w0\n");
        String[][] cases = {
            {"200", "no signature lines here\n", "answered 200 with no signature lines"},
            {"200", other.forgedLine(), "answered 200 without a cosignature by its key witness.example/a+"},
            {"200", a.forgedLine(), "the cosignature of witness.example/a (key id "},
            {"409", "soon\n", "answered 409 without a size ('soon')"},
            {"500", "", "answered 500"},
        };
        other.failWith = 503;
        for (String[] c : cases) {
            a.failWith = Integer.parseInt(c[0]);
            a.answerBody = c[1];
            CliRun r = CliRun.of("log", "witness", dir, "--policy", p.toString(), "--json");
            assertEquals(1, r.exit(), r.out() + r.err());
            JsonNode f = json(r).get("failed").get(0);
            assertEquals("w0", f.get("witness").asText());
            assertEquals(Integer.parseInt(c[0]), f.get("status").asInt());
            assertTrue(f.get("message").asText().startsWith(c[2]), c[2] + " <- " + f);
        }
        // nothing was stored: the checkpoint still carries the log's line only
        assertEquals(1, ok(CliRun.of("log", "checkpoint", dir)).out().split("\u2014 ", -1).length - 1);
    }

    @Test
    void malformedPoliciesAreBadInputAndNothingIsSent() throws Exception {
        FakeWitness a = witness("witness.example/a");
        Path bad = policy("group g 2 w0\nquorum g\n");
        CliRun r = CliRun.of("log", "witness", dir, "--policy", bad.toString(), "--json");
        assertEquals(2, r.exit(), r.out() + r.err());
        JsonNode e = json(r).get("errors").get(0);
        assertEquals(bad + ":4", e.get("where").asText());
        assertTrue(e.get("message").asText().startsWith("group g: threshold 2 is more than its 1 member"),
                e.toString());
        assertEquals(List.of(), a.oldSizes);
        Path cp = tmp.resolve("cp.txt");
        Files.writeString(cp, "not a checkpoint\n");
        CliRun c = CliRun.of("checkpoint", "verify", cp.toString(), "--policy", policy("quorum w0\n").toString());
        assertEquals(2, c.exit(), c.out() + c.err());
        assertTrue(c.err().contains(cp + ": malformed note"), c.err());
        CliRun v = CliRun.of("verify", dir, "--policy", bad.toString());
        assertEquals(2, v.exit(), v.out() + v.err());
    }
}
