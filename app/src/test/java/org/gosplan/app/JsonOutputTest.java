package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** With {@code --json}, standard output is one JSON document, whatever happens (cli.md, issue 16 item 4). */
class JsonOutputTest {
    @TempDir
    Path tmp;

    /** The commands that print no JSON of their own (issue 16): the rest all take --json. */
    private static final Set<String> WITHOUT_JSON = Set.of("gosplan", "help", "key", "record", "log",
            "checkpoint", "witness", "witness serve");

    /** Parses standard output as exactly one JSON document. */
    static JsonNode oneDocument(CliRun r) throws IOException {
        try (JsonParser p = Json.MAPPER.createParser(r.out())) {
            JsonNode doc = Json.MAPPER.readTree(p);
            assertTrue(doc != null && doc.isObject(), "no JSON object on standard output: " + r.out() + r.err());
            assertNull(p.nextToken(), "more than one JSON document: " + r.out());
            return doc;
        }
    }

    /** A bad-input run with --json: exit 2, a readable message on standard error, the errors on standard output. */
    static JsonNode errors(CliRun r) throws IOException {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("gosplan: "), r.err());
        assertTrue(r.noStackTrace(), r.err());
        JsonNode doc = oneDocument(r);
        JsonNode errors = doc.get("errors");
        assertTrue(errors != null && errors.isArray() && errors.size() > 0, doc.toString());
        for (JsonNode e : errors) {
            assertTrue(e.get("where").isTextual() && e.get("message").isTextual() && !e.get("message").asText().isEmpty(),
                    doc.toString());
        }
        assertEquals(1, doc.size(), "only \"errors\": " + doc);
        return errors;
    }

    static void commands(CommandLine cl, List<String> path, List<List<String>> all) {
        all.add(path);
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            commands(e.getValue(), p, all);
        }
    }

    static List<List<String>> allCommands() {
        List<List<String>> all = new ArrayList<>();
        commands(Cli.commandLine(), List.of(), all);
        return all;
    }

    private static CommandLine at(List<String> path) {
        CommandLine cl = Cli.commandLine();
        for (String name : path) {
            cl = cl.getSubcommands().get(name);
        }
        return cl;
    }

    @Test
    void everyCommandTakesJsonButThoseThatPrintNone() {
        Set<String> without = new TreeSet<>();
        for (List<String> path : allCommands()) {
            if (at(path).getCommandSpec().findOption("--json") == null) {
                without.add(path.isEmpty() ? "gosplan" : String.join(" ", path));
            }
        }
        assertEquals(new TreeSet<>(WITHOUT_JSON), without,
                "give a new command --json (its document in Pages or its option's description), or name it here");
    }

    @Test
    void everyJsonDocumentIsDescribedInItsHelp() {
        for (List<String> path : allCommands()) {
            if (at(path).getCommandSpec().findOption("--json") == null) {
                continue;
            }
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun r = CliRun.of(args.toArray(new String[0]));
            assertEquals(0, r.exit(), r.err());
            // the page shows the document's fields, and says what bad input prints
            String page = r.out().replaceAll("\\s+", " ");
            assertTrue(page.contains("{\""), path + ": " + r.out());
            assertTrue(page.contains("{\"errors\": [{\"where\", \"message\"}]}"), path + ": " + r.out());
        }
    }

    @Test
    void anUnknownOptionWithJsonIsAnErrorsDocumentOnEveryCommand() throws IOException {
        for (List<String> path : allCommands()) {
            if (at(path).getCommandSpec().findOption("--json") == null) {
                continue;
            }
            List<String> args = new ArrayList<>(path);
            args.addAll(List.of("--jsn", "--json"));
            JsonNode errors = errors(CliRun.of(args.toArray(new String[0])));
            assertEquals("--jsn", errors.get(0).get("where").asText(), path + ": " + errors);
            assertTrue(errors.get(0).get("message").asText().contains("did you mean '--json'?"), path + ": " + errors);
        }
    }

    @Test
    void badInputWithJsonIsAnErrorsDocument() throws IOException {
        Path missing = tmp.resolve("missing.economy.json");
        JsonNode e = errors(CliRun.of("plan", missing.toString(), "--json"));
        assertEquals(missing.toString(), e.get(0).get("where").asText());

        Path village = CliRun.examples().resolve("village.economy.json");
        e = errors(CliRun.of("plan", village.toString(), "--objective", "min-resource", "--resource", "labor", "--json"));
        assertTrue(e.get(0).get("message").asText().contains("no resource 'labor' in the economy; did you mean 'labour'?"),
                e.toString());
        // the planner's mistakes in the options name the option, as the command line's own do
        assertEquals("--resource", e.get(0).get("where").asText(), e.toString());
        e = errors(CliRun.of("plan", village.toString(), "--method", "simplx", "--json"));
        assertEquals("--method", e.get(0).get("where").asText(), e.toString());
        e = errors(CliRun.of("plan", village.toString(), "--tolerance", "2", "--json"));
        assertEquals("--tolerance", e.get(0).get("where").asText(), e.toString());

        Path demand = Files.writeString(tmp.resolve("demand.csv"), "sector,demand\nenrgy,5\n");
        e = errors(CliRun.of("leontief", CliRun.examples().resolve("leontief-1958.economy.json").toString(), "--demand",
                demand.toString(), "--json"));
        assertEquals(demand + ":2", e.get(0).get("where").asText(), e.toString());
        assertTrue(e.get(0).get("message").asText().contains("did you mean 'energy'?"), e.toString());

        Path log = tmp.resolve("no-log");
        e = errors(CliRun.of("log", "verify-inclusion", "--leaf-hash", "xyz", "--index", "0", "--size", "1", "--root",
                "00", "--proof", "", "--json"));
        assertEquals("--leaf-hash", e.get(0).get("where").asText(), e.toString());
        errors(CliRun.of("log", "checkpoint", log.toString(), "--json"));
        errors(CliRun.of("verify", log.toString(), "--json"));
        // a required option left out, as picocli finds it
        e = errors(CliRun.of("log", "init", tmp.resolve("log").toString(), "--json"));
        assertEquals("--origin", e.get(0).get("where").asText(), e.toString());
        assertFalse(Files.exists(tmp.resolve("log")));
    }

    /**
     * convert, generate, key new and show take --json too (issue 16 item 4, tried again as a new user:
     * each answered "unknown option '--json'"): one document on standard output, the rest on standard error.
     */
    @Test
    void convertGenerateKeyNewAndShowPrintOneDocument() throws IOException {
        Path village = CliRun.examples().resolve("village.economy.json");
        JsonNode c = oneDocument(CliRun.of("convert", village.toString(), tmp.resolve("v").toString(), "--json"));
        assertEquals("economy folder", c.get("form").asText(), c.toString());
        assertEquals(4, c.get("products").asInt(), c.toString());
        assertEquals(tmp.resolve("v").toString(), c.get("wrote").asText());

        JsonNode g = oneDocument(CliRun.of("generate", tmp.resolve("g.economy.json").toString(), "--products", "5",
                "--inputs", "2", "--json"));
        assertEquals(5, g.get("products").asInt(), g.toString());
        assertEquals(2, g.get("inputs").asInt(), g.toString());
        assertTrue(Files.exists(tmp.resolve("g.economy.json")));

        CliRun k = CliRun.of("key", "new", tmp.resolve("c.key").toString(), "--name", "council-north", "--json");
        JsonNode key = oneDocument(k);
        assertEquals(CliRun.vkey(tmp.resolve("c.key").toString()), key.get("vkey").asText(), key.toString());
        assertEquals("council-north", key.get("name").asText());
        // never the private key
        String secret = Files.readString(tmp.resolve("c.key")).strip();
        String body = secret.substring(secret.lastIndexOf('+') + 1);
        assertFalse(k.out().contains(body) || k.err().contains(body), k.out());

        String log = tmp.resolve("log").toString();
        assertEquals(0, CliRun.of("log", "init", log, "--origin", "example.org/show").exit());
        CliRun r = CliRun.of("record", log, "economy", village.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode event = oneDocument(CliRun.of("show", log, "0", "--json"));
        assertEquals("economy.published", event.get("type").asText(), event.toString());
        JsonNode content = oneDocument(CliRun.of("show", log, "0", "--content", "--json"));
        assertEquals(CliRun.of("show", log, "0", "--content").out(), content.get("content").asText());
        assertEquals(event.get("body").get("hash").asText(), content.get("hash").asText());
        // a mistake is an errors document there too
        errors(CliRun.of("show", log, "7", "--json"));
        errors(CliRun.of("convert", village.toString(), tmp.resolve("v").toString(), "--json"));
    }

    @Test
    void verifyAndLogVerifyNameTheirVerdictValid() throws IOException {
        String dir = tmp.resolve("log").toString();
        assertEquals(0, CliRun.of("log", "init", dir, "--origin", "example.org/valid").exit());
        JsonNode log = oneDocument(CliRun.of("log", "verify", dir, "--json"));
        JsonNode record = oneDocument(CliRun.of("verify", dir, "--json"));
        assertTrue(log.get("valid").asBoolean(), log.toString());
        assertTrue(record.get("valid").asBoolean(), record.toString());
        assertTrue(record.get("ok").asBoolean(), "\"ok\" stays, the same verdict: " + record);
    }
}
