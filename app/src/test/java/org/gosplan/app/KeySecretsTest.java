package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** key show prints a key file's public key again; no message ever echoes a private key. */
class KeySecretsTest {
    @TempDir
    Path tmp;

    @Test
    void keyShowPrintsWhatKeyNewPrinted() throws IOException {
        Path key = tmp.resolve("alice.key");
        CliRun made = CliRun.of("key", "new", key.toString(), "--name", "alice");
        assertEquals(0, made.exit(), made.err());
        CliRun shown = CliRun.of("key", "show", key.toString());
        assertEquals(0, shown.exit(), shown.err());
        assertEquals(made.out(), shown.out());
        assertTrue(shown.out().startsWith("alice+"), shown.out());
        assertFalse(shown.out().contains(secret(key)), "key show printed the private key");
        CliRun json = CliRun.of("key", "show", key.toString(), "--json");
        assertEquals(0, json.exit(), json.err());
        var doc = Json.MAPPER.readTree(json.out());
        assertEquals(made.out().strip(), doc.get("vkey").asText());
        assertEquals("alice", doc.get("name").asText());
        assertEquals(made.out().split("\\+")[1], doc.get("keyId").asText());

        // the log's own key too, as 'log key' prints it
        Path dir = tmp.resolve("log");
        assertEquals(0, CliRun.of("log", "init", dir.toString(), "--origin", "example.org/log").exit());
        CliRun logKey = CliRun.of("log", "key", dir.toString());
        assertEquals(logKey.out(), CliRun.of("key", "show", dir.resolve("log.key").toString()).out());
    }

    @Test
    void aWitnessKeyIsACosignatureKeyOfType4AndKeyShowPrintsItAgain() throws Exception {
        Path key = tmp.resolve("w1.key");
        CliRun made = CliRun.of("key", "new", key.toString(), "--name", "witness.example/w1", "--witness");
        assertEquals(0, made.exit(), made.err());
        String vkey = made.out().strip();
        String[] parts = vkey.split("\\+", 3);
        byte[] raw = java.util.Base64.getDecoder().decode(parts[2]);
        assertEquals(33, raw.length);
        assertEquals(4, raw[0], "the signature type of cosignature/v1");
        // the key id by hand: SHA-256(name || 0x0A || 0x04 || key)[:4]
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update("witness.example/w1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update(raw);
        assertEquals(java.util.HexFormat.of().formatHex(sha.digest(), 0, 4), parts[1]);
        assertEquals(made.out(), CliRun.of("key", "show", key.toString()).out());
        assertFalse(made.out().contains(secret(key)));
        // a witness key cannot sign a record: it is refused with what to do instead
        assertTrue(org.gosplan.record.Keys.isWitnessKey(key));
        CliRun logWithIt = CliRun.of("log", "init", tmp.resolve("log").toString(), "--origin", "o", "--key",
                key.toString());
        assertNotEquals(0, logWithIt.exit(), logWithIt.err());
    }

    @Test
    void keyShowOfWhatIsNotAPrivateKeyIsBadInput() throws IOException {
        Path notKey = tmp.resolve("public.txt");
        Files.writeString(notKey, CliRun.of("key", "new", tmp.resolve("b.key").toString(), "--name", "bob").out());
        CliRun r = CliRun.of("key", "show", notKey.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("not a private key"), r.err());
        assertEquals(2, CliRun.of("key", "show", tmp.resolve("missing.key").toString()).exit());
    }

    /** The secret part of a key file: the base64 seed after PRIVATE+KEY+name+id+ (base64 may hold '+'). */
    static String secret(Path key) throws IOException {
        return Files.readString(key).strip().split("\\+", 5)[4];
    }

    @Test
    void aPrivateKeyWherePublicKeysOrDataBelongIsNeverEchoed() throws IOException {
        Path key = tmp.resolve("council.key");
        assertEquals(0, CliRun.of("key", "new", key.toString(), "--name", "council").exit());
        String text = Files.readString(key).strip();
        String seed = secret(key);
        Path dir = tmp.resolve("log");
        assertEquals(0, CliRun.of("log", "init", dir.toString(), "--origin", "example.org/log").exit());
        Path mb = CliRun.examples().resolve("miller-blair-2-3");
        Path keyJson = tmp.resolve("key.economy.json");
        Files.writeString(keyJson, text + "\n");
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"record", dir.toString(), "member", text, "--role", "council"});
        runs.add(new String[] {"record", dir.toString(), "member", " " + text + "\n", "--role", "council"});
        runs.add(new String[] {"record", dir.toString(), "event", key.toString()});
        runs.add(new String[] {"record", dir.toString(), "targets", key.toString()});
        runs.add(new String[] {"record", dir.toString(), "economy", keyJson.toString()});
        runs.add(new String[] {"validate", keyJson.toString()});
        runs.add(new String[] {"plan", keyJson.toString()});
        runs.add(new String[] {"convert", keyJson.toString(), tmp.resolve("out.economy.json").toString()});
        runs.add(new String[] {"leontief", mb.toString(), "--demand", key.toString()});
        runs.add(new String[] {"log", "append", dir.toString(), "--hex", key.toString()});
        // both as typed and with --json (errors then also go to standard output, as a document)
        List<String[]> both = new ArrayList<>(runs);
        for (String[] plain : runs) {
            String[] withJson = java.util.Arrays.copyOf(plain, plain.length + 1);
            withJson[plain.length] = "--json";
            both.add(withJson);
        }
        for (String[] args : both) {
            CliRun r = CliRun.of(args);
            String all = r.out() + r.err();
            assertNotEquals(0, r.exit(), String.join(" ", args) + ": " + all);
            assertFalse(all.contains(seed), String.join(" ", args).replace(text, "<private key>")
                    + " echoed the private key: " + all.replace(seed, "<SEED>"));
            assertTrue(r.noStackTrace(), all);
        }
        CliRun hex = CliRun.of("log", "append", dir.toString(), "--hex", key.toString());
        assertTrue(hex.err().contains("line 1: character 1 ('P') is not a hex digit"), hex.err());
        CliRun member = CliRun.of("record", dir.toString(), "member", text, "--role", "council");
        assertTrue(member.err().contains("private key") && member.err().contains("key show"), member.err());
    }

    @Test
    void everyErrorMessageIsRedacted() {
        String m = Failures.message(new UsageException("'PRIVATE+KEY+alice+0a1b2c3d+AXyz/9+k=' is not a verifier key"));
        assertFalse(m.contains("AXyz") || m.contains("+k="), m);
        assertTrue(m.contains("private key not shown"), m);
        var doc = Json.object();
        Json.putProblems(doc, "errors", List.of(new org.gosplan.economy.Problem("PRIVATE+KEY+a+0a1b2c3d+AXyz",
                "'PRIVATE+KEY+a+0a1b2c3d+AXyz' is wrong")));
        assertFalse(doc.toString().contains("AXyz"), doc.toString());
        // words about the form are left alone
        String form = "not a private key (it should start with PRIVATE+KEY+); make one";
        assertEquals("gosplan: " + form, Failures.message(new UsageException(form)));
    }
}
