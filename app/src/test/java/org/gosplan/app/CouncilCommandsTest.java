package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Members, councils, revocation, proposals and their cost through the command line (councils.md). */
class CouncilCommandsTest {
    @TempDir
    Path tmp;

    private String dir;
    private String ana; // citizen of the north council
    private String anaKey;
    private String councilKey;
    private String enterpriseKey;
    private String strangerKey;

    private String key(String name) {
        return CliRun.newKey(tmp, name);
    }

    private static String vkey(String keyFile) {
        return CliRun.vkey(keyFile);
    }

    private long size() throws IOException {
        return CliRun.logSize(dir);
    }

    private static void ok(CliRun r) {
        assertEquals(0, r.exit(), r.err());
    }

    /** Exit 2, a message on standard error that says {@code what}, no stack trace. */
    private void refused(CliRun r, String what) throws IOException {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(what), r.err());
        assertTrue(r.noStackTrace(), r.err());
    }

    private Path targets(String... lines) throws IOException {
        Path f = Files.createTempFile(tmp, "proposal", ".csv");
        Files.writeString(f, "product,quantity,weight\n" + String.join("\n", lines) + "\n");
        return f;
    }

    @BeforeEach
    void log() throws IOException {
        dir = tmp.resolve("log").toString();
        ok(CliRun.of("log", "init", dir, "--origin", "example.org/councils"));
        anaKey = key("ana");
        ana = vkey(anaKey);
        councilKey = key("north");
        enterpriseKey = key("mill");
        strangerKey = key("stranger");
        ok(CliRun.of("record", dir, "member", ana, "--role", "citizen", "--council", "north", "--attr", "region=north",
                "--attr", "unit=mill-3"));
        ok(CliRun.of("record", dir, "member", vkey(councilKey), "--role", "council", "--council", "north"));
        ok(CliRun.of("record", dir, "member", vkey(enterpriseKey), "--role", "enterprise"));
    }

    @Test
    void membersAreRegisteredWithCouncilsAndAttributes() throws IOException {
        CliRun shown = CliRun.of("show", dir, "0");
        ok(shown);
        JsonNode body = Json.MAPPER.readTree(shown.out()).get("body");
        assertEquals("citizen", body.get("role").asText(), shown.out());
        assertEquals("[\"north\"]", body.get("councils").toString());
        assertEquals("{\"region\":\"north\",\"unit\":\"mill-3\"}", body.get("attrs").toString());
        long before = size();
        refused(CliRun.of("record", dir, "member", vkey(strangerKey), "--role", "citizen", "--attr", "region"),
                "KEY=VALUE");
        refused(CliRun.of("record", dir, "member", vkey(strangerKey), "--role", "mayor"), "unknown role 'mayor'");
        refused(CliRun.of("record", dir, "member", vkey(strangerKey), "--role", "citizen", "--key", anaKey),
                "may not record member.registered");
        assertEquals(before, size());
    }

    @Test
    void everyRefusalOfAProposalExitsTwoAndRecordsNothing() throws IOException {
        Path t = targets("bread,1000,");
        refused(CliRun.of("record", dir, "proposal", t.toString(), "--title", "Bread", "--key", anaKey),
                "no economy is recorded yet");
        ok(CliRun.of("record", dir, "economy", CliRun.examples().resolve("village.economy.json").toString()));
        long before = size();
        refused(CliRun.of("record", dir, "proposal", t.toString(), "--title", "Bread", "--key", strangerKey),
                "is not a registered member");
        refused(CliRun.of("record", dir, "proposal", t.toString(), "--title", "Bread", "--key", enterpriseKey),
                "has role enterprise, which may not record proposal.made");
        refused(CliRun.of("record", dir, "proposal", t.toString(), "--title", "Bread"),
                "has role operator, which may not record proposal.made");
        Path unknown = targets("bread,1000,", "cake,5,");
        CliRun u = CliRun.of("record", dir, "proposal", unknown.toString(), "--title", "Cake", "--key", anaKey, "--json");
        refused(u, unknown.getFileName() + ":3");
        assertTrue(u.err().contains("'cake'"), u.err());
        JsonNode errors = JsonOutputTest.oneDocument(u).get("errors");
        assertEquals(unknown.getFileName() + ":3", errors.get(0).get("where").asText(), u.out());
        assertEquals(before, size());

        CliRun made = CliRun.of("record", dir, "proposal", t.toString(), "--title", "Bread", "--key", anaKey, "--json");
        ok(made);
        JsonNode doc = Json.MAPPER.readTree(made.out());
        assertEquals("proposal.made", doc.get("type").asText());
        assertEquals(before, doc.get("index").asLong());
        CliRun content = CliRun.of("show", dir, Long.toString(before), "--content");
        ok(content);
        assertTrue(content.out().contains("bread,1000"), content.out());

        // revoked: nothing more from ana
        refused(CliRun.of("record", dir, "revoke", ana, "--key", councilKey), "may not record member.revoked");
        String[] parts = ana.split("\\+", 3);
        ok(CliRun.of("record", dir, "revoke", parts[0] + "+" + parts[1]));
        long after = size();
        refused(CliRun.of("record", dir, "proposal", t.toString(), "--title", "Bread again", "--key", anaKey),
                "was revoked at entry " + (after - 1));
        refused(CliRun.of("record", dir, "revoke", "nobody+01234567"), "nothing to revoke");
        assertEquals(after, size());
        // her proposal, made before, stands
        CliRun v = CliRun.of("verify", dir, "--json");
        assertEquals(0, v.exit(), v.out() + v.err());
        ok(CliRun.of("cost", dir, Long.toString(before)));
    }

    @Test
    void theCostOfAProposalAndTheRecordStillVerifiesAndReplays() throws IOException {
        ok(CliRun.of("record", dir, "economy", CliRun.examples().resolve("village.economy.json").toString()));
        ok(CliRun.of("record", dir, "targets", targets("bread,80000,", "tractor,50,").toString(), "--key", councilKey));
        ok(CliRun.of("plan", "--record", dir));
        long index = size();
        ok(CliRun.of("record", dir, "proposal", targets("bread,1000,").toString(), "--title", "More bread",
                "--key", councilKey));
        CliRun c = CliRun.of("cost", dir, Long.toString(index), "--json");
        ok(c);
        JsonNode doc = JsonOutputTest.oneDocument(c);
        List<String> fields = new ArrayList<>();
        doc.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("proposal", "resources", "shares", "valuation", "output"), fields);
        assertEquals(index, doc.get("proposal").asLong());
        // bread: 0.8 t grain and 2 h a tonne at the bakery
        assertEquals(1000.0, doc.get("output").get("bread").asDouble(), 1e-9);
        // the plan grows grain by tractor: 0.001 tractor a tonne, 0.5 t grain a tractor
        double grain = 800 / (1 - 0.001 * 0.5);
        assertEquals(grain, doc.get("output").get("grain").asDouble(), 1e-9);
        assertEquals(1000 * 2 + grain * 3 + grain * 0.001 * 400, doc.get("resources").get("labour").asDouble(), 1e-9);
        double labour = doc.get("resources").get("labour").asDouble();
        assertEquals(labour / 1_000_000, doc.get("shares").get("labour").asDouble(), 1e-15);
        assertTrue(doc.get("valuation").isNumber(), c.out());
        CliRun text = CliRun.of("cost", dir, Long.toString(index));
        ok(text);
        assertTrue(text.out().contains("at the techniques the plan at entry " + (index - 1) + " runs"), text.out());

        refused(CliRun.of("cost", dir, "999"), "there is no entry 999");
        refused(CliRun.of("cost", dir, "0"), "not a proposal.made");
        CliRun j = CliRun.of("cost", dir, "0", "--json");
        assertEquals(2, j.exit());
        JsonOutputTest.oneDocument(j);

        CliRun v = CliRun.of("verify", dir, "--replay", "--json");
        assertEquals(0, v.exit(), v.out() + v.err());
        JsonNode vd = Json.MAPPER.readTree(v.out());
        assertEquals(1, vd.get("plansReplayed").asInt());
        assertEquals(0, vd.get("notes").size(), vd.toString());
    }
}
