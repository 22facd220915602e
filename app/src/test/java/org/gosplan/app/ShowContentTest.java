package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gosplan show DIR INDEX --content: the stored economy, targets or plan, byte for byte (its SHA-256 is the event's hash). */
class ShowContentTest {
    @TempDir
    Path tmp;

    static String sha256(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode event(Path dir, long index) throws IOException {
        CliRun r = CliRun.of("show", dir.toString(), Long.toString(index));
        assertEquals(0, r.exit(), r.err());
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void economyTargetsAndPlanAsStored() throws Exception {
        Path dir = tmp.resolve("log");
        assertEquals(0, CliRun.of("log", "init", dir.toString(), "--origin", "example.org/show").exit());
        Path uk = CliRun.examples().resolve("uk-ons-2010");
        Path village = CliRun.examples().resolve("village.economy.json");
        Path targets = tmp.resolve("targets.csv");
        Files.writeString(targets, "product,quantity,weight\nstraw,20000,\ntractor,50,\nbread,80000,\n");
        Path key = tmp.resolve("council.key");
        String vkey = CliRun.of("key", "new", key.toString(), "--name", "council").out().strip();
        for (String[] args : new String[][] {{"member", vkey, "--role", "council"}, {"economy", uk.toString()},
                {"economy", village.toString()}, {"targets", targets.toString(), "--key", key.toString()}}) {
            String[] all = new String[args.length + 2];
            all[0] = "record";
            all[1] = dir.toString();
            System.arraycopy(args, 0, all, 2, args.length);
            CliRun r = CliRun.of(all);
            assertEquals(0, r.exit(), r.err());
        }
        CliRun plan = CliRun.of("plan", "--record", dir.toString());
        assertEquals(0, plan.exit(), plan.err());

        // entries 1 to 4: the UK economy, the village economy, its targets, the plan
        String[] hashField = {"hash", "hash", "hash", "plan"};
        String[] content = new String[4];
        for (int i = 0; i < 4; i++) {
            CliRun r = CliRun.of("show", dir.toString(), Integer.toString(i + 1), "--content");
            assertEquals(0, r.exit(), r.err());
            content[i] = r.out();
            assertEquals(event(dir, i + 1).get("body").get(hashField[i]).asText(), sha256(r.out()), "event " + (i + 1));
        }
        assertTrue(content[0].startsWith("gosplan/economy-bundle@1\neconomy.json "), content[0]);
        // the table's sector labels are stored with the economy, as product names
        assertTrue(content[0].contains("01,GBP million,\"Products of agriculture, hunting and related services\"\n"),
                content[0].substring(0, 600));
        assertTrue(content[1].contains("\nproducts.csv ") && content[1].contains("bread,t,Bread"), content[1]);
        // stored as Gosplan writes targets: weights filled in
        assertEquals("product,quantity,weight\nstraw,20000,1\ntractor,50,1\nbread,80000,1\n", content[2]);
        JsonNode p = Json.MAPPER.readTree(content[3]);
        assertEquals("optimal", p.get("status").asText());
        assertEquals(Json.MAPPER.readTree(CliRun.of("plan", village.toString(), "--json").out()).get("value").asDouble(),
                p.get("value").asDouble(), 1e-9);
    }

    @Test
    void anEventWithoutContentIsBadInput() throws IOException {
        Path dir = tmp.resolve("log");
        assertEquals(0, CliRun.of("log", "init", dir.toString(), "--origin", "example.org/show").exit());
        String vkey = CliRun.of("key", "new", tmp.resolve("c.key").toString(), "--name", "council").out().strip();
        assertEquals(0, CliRun.of("record", dir.toString(), "member", vkey, "--role", "council").exit());
        CliRun r = CliRun.of("show", dir.toString(), "0", "--content");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("member.registered") && r.err().contains("addresses no content"), r.err());
        assertEquals("", r.out());
    }
}
