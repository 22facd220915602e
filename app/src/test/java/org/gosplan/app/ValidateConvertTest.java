package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gosplan.economy.Economy;
import org.gosplan.economy.EconomyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateConvertTest {
    @TempDir
    Path tmp;

    private static JsonNode json(CliRun r) throws IOException {
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void validatesTheUkTableWithItsCounts() throws IOException {
        CliRun r = CliRun.of("validate", CliRun.sharedData().resolve("uk-ons-2010").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = json(r);
        assertTrue(doc.get("valid").asBoolean());
        assertEquals(127, doc.get("products").asInt());
        assertEquals(127, doc.get("techniques").asInt());
        assertEquals(0, doc.get("errors").size());
    }

    @Test
    void warnsOfTheUsaIndustryWithZeroOutput() throws IOException {
        CliRun r = CliRun.of("validate", CliRun.sharedData().resolve("usa-wiod-2014").toString(), "--json");
        assertEquals(0, r.exit());
        JsonNode doc = json(r);
        assertEquals(56, doc.get("products").asInt());
        boolean namesU = false;
        for (JsonNode w : doc.get("warnings")) {
            namesU |= w.get("message").asText().contains("'U'") && w.get("message").asText().contains("zero");
        }
        assertTrue(namesU, doc.toString());
    }

    @Test
    void everyBundledExampleValidates() throws IOException {
        try (var s = Files.list(CliRun.examples())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().endsWith(".md")) {
                    continue;
                }
                if (p.getFileName().toString().equals("inspection")) {
                    p = p.resolve("steel.economy.json"); // a folder of an inspection's files, with its economy
                }
                CliRun r = CliRun.of("validate", p.toString());
                assertEquals(0, r.exit(), p + ": " + r.out() + r.err());
            }
        }
    }

    @Test
    void aNonNumericCellIsExitTwoNamingFileAndLine() throws IOException {
        Path t = tmp.resolve("t");
        Files.createDirectories(t);
        Files.writeString(t.resolve("Z.csv"), "sector,a,b\na,1,2\nb,3,x7\n");
        Files.writeString(t.resolve("Y.csv"), "sector,final\na,1\nb,2\n");
        CliRun r = CliRun.of("validate", t.toString(), "--json");
        assertEquals(2, r.exit());
        JsonNode doc = json(r);
        assertFalse(doc.get("valid").asBoolean());
        assertEquals("Z.csv:3", doc.get("errors").get(0).get("where").asText());
        assertTrue(doc.get("errors").get(0).get("message").asText().contains("x7"));
        assertTrue(r.noStackTrace(), r.err());
    }

    @Test
    void manyErrorsAreReportedInOneRun() throws IOException {
        Path f = tmp.resolve("e");
        Files.createDirectories(f);
        Files.writeString(f.resolve("economy.json"), "{\"format\": \"gosplan/economy@1\", \"name\": \"e\"}");
        Files.writeString(f.resolve("products.csv"), "id,unit,name\ngrain,t,\nbread,t,\n");
        Files.writeString(f.resolve("techniques.csv"), "id,capacity\nfarm,\nbakery,-3\n");
        Files.writeString(f.resolve("flows.csv"), "technique,item,quantity\nfarm,grain,1\nfarm,labor,-2\n"
                + "bakery,bread,one\nbakery,grain,-0.8,extra\n");
        CliRun r = CliRun.of("validate", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("techniques.csv:3"), r.out());
        assertTrue(r.out().contains("flows.csv:3") && r.out().contains("labor"), r.out());
        assertTrue(r.out().contains("flows.csv:4"), r.out());
        assertTrue(r.out().contains("flows.csv:5"), r.out());
    }

    @Test
    void anEconomyThePlannerRefusesIsNotValid() throws IOException {
        // Well-formed files, but a target of 1e250 and a coefficient of 1e-150: plan exits 2 on them, so
        // validate must not call the economy valid.
        Path f = tmp.resolve("huge.economy.json");
        Files.writeString(f, "{\"format\": \"gosplan/economy@1\", \"name\": \"huge\","
                + " \"products\": [{\"id\": \"a\", \"unit\": \"t\"}, {\"id\": \"b\", \"unit\": \"t\"}],"
                + " \"resources\": [{\"id\": \"labour\", \"unit\": \"h\", \"available\": 1e6}],"
                + " \"techniques\": [{\"id\": \"ma\", \"outputs\": {\"a\": 1}, \"inputs\": {\"b\": 1e-150, \"labour\": 1}},"
                + " {\"id\": \"mb\", \"outputs\": {\"b\": 1}, \"inputs\": {\"labour\": 1}}],"
                + " \"targets\": [{\"product\": \"a\", \"quantity\": 1e250}]}");
        CliRun plan = CliRun.of("plan", f.toString());
        assertEquals(2, plan.exit(), plan.err());
        CliRun r = CliRun.of("validate", f.toString(), "--json");
        assertEquals(2, r.exit(), r.out());
        JsonNode doc = json(r);
        assertFalse(doc.get("valid").asBoolean());
        assertEquals(2, doc.get("errors").size(), doc.toString());
        assertEquals("technique 'ma'", doc.get("errors").get(0).get("where").asText());
        assertEquals("target 'a'", doc.get("errors").get(1).get("where").asText());
        CliRun text = CliRun.of("validate", f.toString());
        assertEquals(2, text.exit());
        assertTrue(text.out().startsWith("invalid:") && text.out().contains("1.0E250"), text.out());
    }

    @Test
    void aMissingPathIsExitTwo() {
        CliRun r = CliRun.of("validate", tmp.resolve("nowhere").toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("nowhere") && r.out().contains("no such file"), r.out());
        assertTrue(r.noStackTrace());
    }

    @Test
    void aTruncatedJsonIsExitTwoWithTheLine() throws IOException {
        String whole = Files.readString(CliRun.examples().resolve("leontief-1958.economy.json"));
        Path cut = tmp.resolve("cut.economy.json");
        Files.writeString(cut, whole.substring(0, whole.length() / 2));
        CliRun r = CliRun.of("convert", cut.toString(), tmp.resolve("out").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("cut.economy.json:") && r.err().contains("truncated"), r.err());
        assertTrue(r.noStackTrace(), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void convertRoundTripsJsonThroughAFolder() {
        Path src = CliRun.examples().resolve("village.economy.json");
        Path folder = tmp.resolve("village");
        Path back = tmp.resolve("back.economy.json");
        assertEquals(0, CliRun.of("convert", src.toString(), folder.toString()).exit());
        assertEquals(0, CliRun.of("convert", folder.toString(), back.toString()).exit());
        Economy a = EconomyFiles.readEconomy(src);
        assertEquals(a, EconomyFiles.readEconomy(folder));
        assertEquals(a, EconomyFiles.readEconomy(back));
    }

    @Test
    void convertTurnsATableIntoAnEconomyWithOneTechniquePerSector() {
        Path out = tmp.resolve("mb.economy.json");
        CliRun r = CliRun.of("convert", CliRun.sharedData().resolve("textbook/miller-blair-2-3").toString(), out.toString());
        assertEquals(0, r.exit(), r.err());
        Economy e = EconomyFiles.readEconomy(out);
        assertEquals(2, e.techniques());
        int farm = e.techniqueIndex("make-agriculture");
        assertEquals(0.15, e.productInputs().get(e.productIndex("agriculture"), farm), 1e-15);
        assertEquals(0.20, e.productInputs().get(e.productIndex("manufacturing"), farm), 1e-15);
        assertEquals(0.3, e.resourceInputs().get(e.resourceIndex("labour"), farm), 1e-15);
    }

    @Test
    void convertRefusesToOverwrite() throws IOException {
        Path out = tmp.resolve("x.economy.json");
        Files.writeString(out, "precious");
        CliRun r = CliRun.of("convert", CliRun.examples().resolve("village.economy.json").toString(), out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--force"));
        assertEquals("precious", Files.readString(out));
    }

    @Test
    void versionAndHelp() {
        CliRun v = CliRun.of("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("gosplan "), v.out());
        CliRun h = CliRun.of("help", "validate");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("validate") && h.out().contains("--json"), h.out());
        CliRun bad = CliRun.of("validate", "--no-such-option", "x");
        assertEquals(2, bad.exit());
    }
}
