package org.gosplan.economy;

import static org.gosplan.economy.TestFiles.error;
import static org.gosplan.economy.TestFiles.readFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken inputs: each is an EconomyException naming the file, the line or pointer, and what to fix. */
class BrokenInputTest {
    @TempDir
    Path tmp;

    static final String J = "example.economy.json";

    Path folder() {
        return Fixtures.folder(tmp);
    }

    Path folderWith(String file, String content) {
        Path f = folder();
        TestFiles.write(f.resolve(file), content);
        return f;
    }

    Path json(String from, String to) {
        assertTrue(Fixtures.ECONOMY_JSON.contains(from), from);
        return TestFiles.write(tmp.resolve(J), Fixtures.ECONOMY_JSON.replace(from, to));
    }

    Path tableWith(String file, String content) {
        Path t = Fixtures.table(tmp);
        TestFiles.write(t.resolve(file), content);
        return t;
    }

    // ---- non-numeric cells

    @Test
    void nonNumericFlow() {
        EconomyException e = readFails(folderWith("flows.csv", Fixtures.FLOWS.replace("labour,-3", "labour,-3x")));
        error(e, "flows.csv:4", "'-3x'", "not a number", "decimal");
        assertEquals(1, e.errors().size(), TestFiles.dump(e.errors()));
    }

    @Test
    void nonNumericZ() {
        EconomyException e = readFails(tableWith("Z.csv", Fixtures.Z.replace("a,10,20,0", "a,10,abc,0")));
        error(e, "Z.csv:2", "'abc'", "not a number");
        assertEquals(1, e.errors().size(), TestFiles.dump(e.errors()));
        assertThrows(EconomyException.class, () -> EconomyFiles.readTable(tmp.resolve("table")));
    }

    /** A row with a field too few is one mistake: its sector has a row, a short one, and is not also "without a row". */
    @Test
    void aShortRowOfZIsOneError() {
        EconomyException e = readFails(tableWith("Z.csv", Fixtures.Z.replace("a,10,20,0", "a,10,20")));
        error(e, "Z.csv:2", "3 fields but the header has 4");
        assertEquals(1, e.errors().size(), TestFiles.dump(e.errors()));
    }

    @Test
    void nonNumericYAndFAndX() {
        Path t = Fixtures.table(tmp);
        TestFiles.write(t.resolve("Y.csv"), Fixtures.Y.replace("b,40,25", "b,40,1e"));
        TestFiles.write(t.resolve("F.csv"), Fixtures.F.replace("hours,10,20,30", "hours,10,NaN,30"));
        TestFiles.write(t.resolve("x.csv"), Fixtures.X.replace("c,200", "c,Infinity"));
        EconomyException e = readFails(t);
        error(e, "Y.csv:3", "'1e'", "not a number");
        error(e, "F.csv:2", "'NaN'", "not a number");
        error(e, "x.csv:4", "'Infinity'", "not a number");
    }

    @Test
    void nonNumericQuantitiesInJson() {
        EconomyException e = readFails(json("\"labour\": 3.0", "\"labour\": \"3.0\""));
        error(e, J + ":/techniques/0/inputs/labour", "must be a number", "remove the quotes");
    }

    /**
     * A target that is not a number is one mistake, reported once as such, not a second time as
     * "must be > 0" (issue 16, tried as a new user: each of these gave two messages for one cell).
     */
    @Test
    void aTargetThatIsNotANumberIsOneError() {
        for (String q : new String[] {"NaN", "abc", "", "Infinity"}) {
            EconomyException e = readFails(folderWith("targets.csv", "product,quantity,weight\ngrain," + q + ",\n"));
            error(e, "targets.csv:2", "'" + q + "'", "not a number");
            assertEquals(1, e.errors().size(), q + ": " + TestFiles.dump(e.errors()));
        }
        EconomyException e = readFails(folderWith("targets.csv", "product,quantity,weight\ngrain,5,x\n"));
        error(e, "targets.csv:2", "'x'", "not a number");
        assertEquals(1, e.errors().size(), TestFiles.dump(e.errors()));
        for (String q : new String[] {"\"\"", "null", "\"5\""}) {
            e = readFails(json("\"quantity\": 1.0e5", "\"quantity\": " + q));
            error(e, J + ":/targets/0/quantity", "must be a number");
            assertEquals(1, e.errors().size(), q + ": " + TestFiles.dump(e.errors()));
        }
    }

    /** A number padded with spaces is refused (numbers are strict), and the message says to remove them. */
    @Test
    void aNumberPaddedWithSpacesSaysSo() {
        EconomyException e = readFails(folderWith("targets.csv", "product,quantity,weight\ngrain, 5 ,\n"));
        error(e, "targets.csv:2", "' 5 '", "not a number", "remove the spaces around it");
        e = readFails(folderWith("targets.csv", "product,quantity,weight\ngrain,5 t,\n"));
        assertTrue(!e.errors().get(0).message().contains("spaces"), e.getMessage());
    }

    /**
     * NaN and Infinity in economy JSON are not JSON: the message says so in Gosplan's words, not
     * the parser's ("enable JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS", a switch no user has).
     */
    @Test
    void nanInJsonIsRefusedInGosplansWords() {
        for (String q : new String[] {"NaN", "Infinity", "-Infinity"}) {
            EconomyException e = readFails(json("\"quantity\": 1.0e5", "\"quantity\": " + q));
            Problem p = e.errors().get(0);
            assertTrue(p.where().matches(java.util.regex.Pattern.quote(J) + ":\\d+:\\d+"), p.toString());
            assertTrue(p.message().contains("not a number JSON allows"), p.message());
            assertTrue(!p.message().contains("JsonReadFeature") && !p.message().contains("enable"), p.message());
        }
    }

    // ---- malformed JSON

    @Test
    void malformedJson() {
        EconomyException e = readFails(json("\"name\": \"Example\",", "\"name\": \"Example\",,"));
        Problem p = e.errors().get(0);
        assertEquals(J + ":3:21", p.where(), p.toString()); // the second comma, 1-based
        assertTrue(p.message().contains("malformed JSON"), p.message());
    }

    @Test
    void truncatedJson() {
        String text = Fixtures.ECONOMY_JSON;
        TestFiles.write(tmp.resolve(J), text.substring(0, text.indexOf("\"techniques\"")));
        EconomyException e = readFails(tmp.resolve(J));
        assertTrue(e.errors().get(0).where().matches(java.util.regex.Pattern.quote(J) + ":\\d+:\\d+"), e.getMessage());
        assertTrue(e.errors().get(0).message().contains("truncated"), e.getMessage());
    }

    @Test
    void emptyJson() {
        TestFiles.write(tmp.resolve(J), "  \n");
        error(readFails(tmp.resolve(J)), J + ":1", "empty");
    }

    @Test
    void duplicateJsonKey() {
        EconomyException e = readFails(json("\"labour\": 3.0,", "\"labour\": 3.0, \"labour\": 1.0,"));
        Problem p = e.errors().get(0);
        assertTrue(p.where().matches(java.util.regex.Pattern.quote(J) + ":11:\\d+"), p.toString());
        assertTrue(p.message().contains("labour") && p.message().toLowerCase().contains("duplicate"), p.message());
    }

    @Test
    void jsonNotAnObject() {
        TestFiles.write(tmp.resolve(J), "[1, 2]");
        error(readFails(tmp.resolve(J)), J + ":/", "object");
    }

    @Test
    void tableErrorsCollectedAcrossFiles() {
        Path t = Fixtures.table(tmp);
        TestFiles.write(t.resolve("table.json"), "{\"format\": \"gosplan/io-table@2\"}");
        TestFiles.write(t.resolve("Z.csv"), Fixtures.Z.replace("c,0,1.5,2", "c,0,x,2"));
        EconomyException e = readFails(t);
        error(e, "table.json:/format", "gosplan/io-table@1");
        error(e, "Z.csv:4", "'x'", "not a number");
        t = tmp.resolve("second");
        Fixtures.table(t);
        t = t.resolve("table");
        TestFiles.write(t.resolve("Y.csv"), Fixtures.Y.replace("a,70,0", "a,70,zero"));
        TestFiles.write(t.resolve("F.csv"), Fixtures.F.replace("taxes,1,-2,0", "taxes,1,-2,nil"));
        e = readFails(t);
        error(e, "Y.csv:2", "'zero'", "not a number");
        error(e, "F.csv:3", "'nil'", "not a number");
    }

    // ---- unknown ids

    @Test
    void unknownItemInFlows() {
        EconomyException e = readFails(folderWith("flows.csv", Fixtures.FLOWS.replace("grain-farm,tractor,", "grain-farm,tractr,")));
        error(e, "flows.csv:3", "unknown item 'tractr'", "products.csv");
    }

    @Test
    void unknownTechniqueInFlows() {
        EconomyException e = readFails(folderWith("flows.csv", Fixtures.FLOWS.replace("tractor-plant,labour", "tractor-plnt,labour")));
        error(e, "flows.csv:7", "unknown technique 'tractor-plnt'", "techniques.csv");
    }

    @Test
    void resourceAsOutputInFlows() {
        EconomyException e = readFails(folderWith("flows.csv", Fixtures.FLOWS + "tractor-plant,land,2\n"));
        error(e, "flows.csv:8", "'land' is a resource");
    }

    @Test
    void unknownItemInJsonInputsAndOutputs() {
        EconomyException e = readFails(json("\"inputs\":  {\"tractor\": 0.001", "\"inputs\":  {\"tractr\": 0.001"));
        error(e, J + ":/techniques/0/inputs/tractr", "unknown item 'tractr'");
        e = readFails(json("\"outputs\": {\"grain\": 1.0}", "\"outputs\": {\"grian\": 1.0}"));
        error(e, J + ":/techniques/0/outputs/grian", "unknown product 'grian'");
        e = readFails(json("\"outputs\": {\"grain\": 1.0}", "\"outputs\": {\"land\": 1.0}"));
        error(e, J + ":/techniques/0/outputs/land", "resource");
    }

    @Test
    void pointerTokensAreEscaped() {
        EconomyException e = readFails(json("\"inputs\":  {\"tractor\": 0.001", "\"inputs\":  {\"a/b~c\": 0.001"));
        error(e, J + ":/techniques/0/inputs/a~1b~0c", "unknown item 'a/b~c'");
    }

    @Test
    void unknownTargetProduct() {
        error(readFails(json("{\"product\": \"grain\"", "{\"product\": \"corn\"")), J + ":/targets/0/product", "unknown product 'corn'");
        error(readFails(folderWith("targets.csv", "product,quantity,weight\ncorn,5,\n")), "targets.csv:2", "unknown product 'corn'");
    }

    @Test
    void unknownSectorInY() {
        EconomyException e = readFails(tableWith("Y.csv", Fixtures.Y.replace("b,40,25", "d,40,25")));
        error(e, "Y.csv:3", "unknown sector 'd'");
        error(e, "Y.csv", "'b'", "no row");
    }

    // ---- duplicates

    @Test
    void duplicateIds() {
        error(readFails(folderWith("products.csv", Fixtures.PRODUCTS + "grain,kg,\n")), "products.csv:4", "'grain'", "twice");
        error(readFails(folderWith("techniques.csv", Fixtures.TECHNIQUES + "grain-farm,\n")), "techniques.csv:4",
                "'grain-farm'", "twice");
        error(readFails(folderWith("resources.csv", Fixtures.RESOURCES + "grain,t,\n")), "resources.csv:4",
                "'grain'", "product");
        error(readFails(json("{\"id\": \"tractor\", \"unit\": \"pcs\"}", "{\"id\": \"grain\", \"unit\": \"pcs\"}")),
                J + ":/products/1/id", "'grain'", "twice");
        error(readFails(json("{\"id\": \"tractor-plant\"", "{\"id\": \"grain-farm\"")), J + ":/techniques/1/id",
                "'grain-farm'", "twice");
        error(readFails(json("{\"id\": \"land\"", "{\"id\": \"labour\"")), J + ":/resources/1/id", "twice");
        error(readFails(json("{\"id\": \"land\"", "{\"id\": \"tractor\"")), J + ":/resources/1/id", "product");
        error(readFails(tableWith("Z.csv", "sector,a,b,a\na,1,2,3\nb,1,2,3\n")), "Z.csv:1", "'a'", "twice");
        error(readFails(tableWith("F.csv", Fixtures.F + "hours,1,1,1\n")), "F.csv:4", "'hours'", "two rows");
        error(readFails(tableWith("Y.csv", Fixtures.Y + "a,1,1\n")), "Y.csv:5", "'a'", "two rows");
    }

    @Test
    void duplicateFlow() {
        EconomyException e = readFails(folderWith("flows.csv", Fixtures.FLOWS + "grain-farm,labour,-4\n"));
        error(e, "flows.csv:8", "'labour'", "twice", "grain-farm");
        assertEquals(1, e.errors().size(), TestFiles.dump(e.errors()));
    }

    @Test
    void outputAndInputOfTheSameProductIsNoDuplicate() {
        Economy e = EconomyFiles.readEconomy(folderWith("flows.csv", Fixtures.FLOWS + "grain-farm,grain,-0.1\n"));
        assertEquals(0.1, e.productInputs().get(0, 0));
        assertEquals(1.0, e.outputs().get(0, 0));
    }

    @Test
    void duplicateTarget() {
        error(readFails(folderWith("targets.csv", "product,quantity,weight\ngrain,5,\ngrain,6,\n")), "targets.csv:3",
                "'grain'", "twice");
        error(readFails(json("\"targets\": [ {\"product\": \"grain\", \"quantity\": 1.0e5} ]",
                "\"targets\": [ {\"product\": \"grain\", \"quantity\": 1.0e5}, {\"product\": \"grain\", \"quantity\": 1} ]")),
                J + ":/targets/1", "'grain'", "twice");
    }

    // ---- negative quantities

    @Test
    void negativeQuantitiesInJson() {
        error(readFails(json("\"labour\": 3.0", "\"labour\": -3.0")), J + ":/techniques/0/inputs/labour", "negative");
        error(readFails(json("\"outputs\": {\"grain\": 1.0}", "\"outputs\": {\"grain\": -1.0}")),
                J + ":/techniques/0/outputs/grain", "negative");
        error(readFails(json("\"available\": 1.0e6", "\"available\": -1")), J + ":/resources/0/available", "negative");
        error(readFails(json("\"capacity\": 4.0e5", "\"capacity\": -4.0e5")), J + ":/techniques/0/capacity", "negative");
        error(readFails(json("\"quantity\": 1.0e5", "\"quantity\": -1.0e5")), J + ":/targets/0/quantity", "> 0");
        error(readFails(json("\"quantity\": 1.0e5", "\"quantity\": 0")), J + ":/targets/0/quantity", "> 0");
        error(readFails(json("\"quantity\": 1.0e5", "\"quantity\": 1.0e5, \"weight\": 0")), J + ":/targets/0/weight", "> 0");
    }

    @Test
    void negativeQuantitiesInFolder() {
        error(readFails(folderWith("resources.csv", "id,unit,available\nlabour,h,-1\nland,ha,\n")), "resources.csv:2",
                "negative");
        error(readFails(folderWith("techniques.csv", "id,capacity\ngrain-farm,-4\ntractor-plant,\n")), "techniques.csv:2",
                "negative");
        error(readFails(folderWith("targets.csv", "product,quantity,weight\ngrain,-5,\n")), "targets.csv:2", "> 0");
        error(readFails(folderWith("targets.csv", "product,quantity,weight\ngrain,5,-1\n")), "targets.csv:2", "> 0");
        error(readFails(tableWith("Z.csv", Fixtures.Z.replace("b,5,0,30", "b,5,-1,30"))), "Z.csv:3", "negative");
        error(readFails(tableWith("x.csv", Fixtures.X.replace("b,100", "b,-100"))), "x.csv:3", "'b'", "negative");
    }

    @Test
    void tooLargeNumberInJson() {
        error(readFails(json("\"labour\": 3.0", "\"labour\": 1e400")), J + ":/techniques/0/inputs/labour", "too large");
    }

    // ---- missing files

    @Test
    void missingFlows() throws IOException {
        Path f = folder();
        Files.delete(f.resolve("flows.csv"));
        Problem p = error(readFails(f), f.resolve("flows.csv").toString(), "missing", "flows.csv");
        assertTrue(p.where().endsWith("flows.csv"));
    }

    @Test
    void missingFilePointsAtTheSpecInTheRepository() throws IOException {
        // a fresh clone has no shared folder beside it: the contract it is pointed at is the repository's copy
        Path f = folder();
        Files.delete(f.resolve("flows.csv"));
        Problem p = error(readFails(f), f.resolve("flows.csv").toString(), "see docs/spec/formats.md");
        Path root = TestFiles.examples().getParent();
        assertTrue(Files.isRegularFile(root.resolve("docs/spec/formats.md")), p.message());
        EconomyException e = assertThrows(EconomyException.class,
                () -> EconomyFiles.read(Files.createDirectories(tmp.resolve("neither")), Progress.NONE));
        error(e, tmp.resolve("neither").toString(), "see docs/spec/formats.md sections 2 and 3");
    }

    @Test
    void missingProductsAndEconomyJson() throws IOException {
        Path f = folder();
        Files.delete(f.resolve("products.csv"));
        Files.delete(f.resolve("economy.json"));
        EconomyException e = readFails(f);
        error(e, f.resolve("products.csv").toString(), "missing");
        error(e, f.resolve("economy.json").toString(), "missing economy.json", "format");
    }

    @Test
    void missingTargetsFileSaysWhatItHolds() {
        Economy e = EconomyFiles.read(Fixtures.folder(tmp.resolve("f")), Progress.NONE).economy();
        Path none = tmp.resolve("targets.csv");
        EconomyException x = assertThrows(EconomyException.class, () -> EconomyFiles.readTargets(none, e));
        Problem p = error(x, none.toString(), "no such file", "product,quantity,weight", "gosplan convert");
        assertTrue(!p.message().contains("formats.md"), p.message());
    }

    @Test
    void missingZ() throws IOException {
        Path t = Fixtures.table(tmp);
        Files.delete(t.resolve("Z.csv"));
        EconomyException e = assertThrows(EconomyException.class, () -> EconomyFiles.readTable(t));
        error(e, t.resolve("Z.csv").toString(), "missing", "Z.csv");
        // read() cannot tell it is a table any more, and says what it looked for
        error(readFails(t), t.toString(), "Z.csv", "economy.json");
    }

    @Test
    void missingY() throws IOException {
        Path t = Fixtures.table(tmp);
        Files.delete(t.resolve("Y.csv"));
        error(readFails(t), t.resolve("Y.csv").toString(), "missing");
    }

    @Test
    void nonexistentPath() {
        Path p = tmp.resolve("no-such.economy.json");
        error(readFails(p), p.toString(), "no such file");
        assertThrows(EconomyException.class, () -> EconomyFiles.readEconomy(p));
        Path empty = tmp.resolve("empty-folder");
        empty.toFile().mkdirs();
        error(readFails(empty), empty.toString(), "neither");
    }

    // ---- ragged rows and CSV syntax

    @Test
    void raggedRows() {
        error(readFails(folderWith("products.csv", "id,unit,name\ngrain,t,Grain\ntractor,pcs\n")), "products.csv:3",
                "2 fields", "header has 3");
        error(readFails(folderWith("flows.csv", Fixtures.FLOWS + "grain-farm,grain,1,extra\n")), "flows.csv:8",
                "4 fields");
        error(readFails(tableWith("Z.csv", Fixtures.Z.replace("b,5,0,30", "b,5,0"))), "Z.csv:3", "3 fields", "4");
        error(readFails(tableWith("Y.csv", Fixtures.Y.replace("b,40,25", "b,40"))), "Y.csv:3", "2 fields", "3");
        error(readFails(tableWith("F.csv", Fixtures.F.replace("hours,10,20,30", "hours,10,20,30,40"))), "F.csv:2",
                "5 fields");
    }

    @Test
    void unterminatedQuote() {
        EconomyException e = readFails(folderWith("products.csv", "id,unit,name\ngrain,t,Grain\ntractor,\"pcs,\n"));
        error(e, "products.csv:3", "not closed", "\"");
        e = readFails(tableWith("Z.csv", "sector,a,b,c\na,10,20,0\n\"b,5,0,30\nc,0,1.5,2\n"));
        error(e, "Z.csv:3", "not closed");
    }

    @Test
    void textAfterClosingQuote() {
        EconomyException e = readFails(folderWith("products.csv", "id,unit,name\n\"grain\"x,t,Grain\ntractor,pcs,\n"));
        error(e, "products.csv:2", "after the closing quote");
    }

    @Test
    void quotedFieldsAreFine() {
        Economy e = EconomyFiles.readEconomy(folderWith("products.csv",
                "id,unit,name\r\n\"grain\",\"t\",\"Grain, \"\"golden\"\"\nand more\"\r\ntractor,pcs,\r\n"));
        assertEquals("Grain, \"golden\"\nand more", e.productName(0));
    }

    @Test
    void emptyFileAndBadHeader() {
        error(readFails(folderWith("products.csv", "")), "products.csv:1", "empty", "id,unit,name");
        error(readFails(folderWith("products.csv", "id,unti,name\ngrain,t,\n")), "products.csv:1", "unknown column 'unti'");
        error(readFails(folderWith("flows.csv", "technique,item\ngrain-farm,grain\n")), "flows.csv:1", "lacks", "quantity");
        error(readFails(folderWith("products.csv", "id,id\ngrain,grain\n")), "products.csv:1", "twice");
        error(readFails(tableWith("Z.csv", "")), "Z.csv:1", "empty");
        error(readFails(tableWith("Z.csv", "sector\n")), "Z.csv:1", "no sectors");
    }

    @Test
    void badIds() {
        error(readFails(folderWith("products.csv", "id,unit,name\n\"gr,ain\",t,\ntractor,pcs,\n")), "products.csv:2", "comma");
        error(readFails(folderWith("products.csv", "id,unit,name\n\"gr\nain\",t,\ntractor,pcs,\n")), "products.csv:2",
                "control character");
        error(readFails(folderWith("products.csv", "id,unit,name\n,t,\ntractor,pcs,\n")), "products.csv:2", "empty");
        error(readFails(json("{\"id\": \"tractor\", \"unit\": \"pcs\"}", "{\"id\": \"tr,actor\", \"unit\": \"pcs\"}")),
                J + ":/products/1/id", "comma");
        error(readFails(json("{\"id\": \"tractor\", \"unit\": \"pcs\"}", "{\"id\": \"\", \"unit\": \"pcs\"}")),
                J + ":/products/1/id", "empty");
        error(readFails(json("{\"id\": \"tractor\", \"unit\": \"pcs\"}", "{\"id\": 7, \"unit\": \"pcs\"}")),
                J + ":/products/1/id", "missing");
        error(readFails(tableWith("Z.csv", "sector,a,b,\"c\tx\"\na,1,1,1\nb,1,1,1\n\"c\tx\",1,1,1\n")), "Z.csv:1",
                "control character");
    }

    // ---- techniques without outputs

    @Test
    void techniqueWithoutOutputsInJson() {
        error(readFails(json("\"outputs\": {\"tractor\": 1.0}", "\"outputs\": {}")), J + ":/techniques/1/outputs",
                "outputs");
        error(readFails(json("\"outputs\": {\"tractor\": 1.0},", "")), J + ":/techniques/1/outputs", "outputs");
        error(readFails(json("\"outputs\": {\"tractor\": 1.0}", "\"outputs\": {\"tractor\": 0}")),
                J + ":/techniques/1/outputs", "0");
    }

    @Test
    void techniqueWithoutOutputsInFolder() {
        EconomyException e = readFails(folderWith("flows.csv", Fixtures.FLOWS.replace("tractor-plant,tractor,1.0\n", "")));
        Problem p = e.errors().get(0);
        assertTrue(p.message().contains("'tractor-plant'") && p.message().contains("no outputs"), p.toString());
        // formats.md: an error names the file and the line; techniques.csv line 3 lists the technique
        assertEquals("techniques.csv:3", p.where(), p.toString());
        // every such technique is reported, each at its own line
        Path f = folder();
        TestFiles.write(f.resolve("techniques.csv"), Fixtures.TECHNIQUES + "idle,\n\n\"lazy\",5\n");
        e = readFails(f);
        error(e, "techniques.csv:4", "'idle'", "no outputs");
        error(e, "techniques.csv:6", "'lazy'", "no outputs");
        assertEquals(2, e.errors().size(), TestFiles.dump(e.errors()));
    }

    // ---- unknown fields, wrong format

    @Test
    void unknownJsonFields() {
        error(readFails(json("\"name\": \"Example\",", "\"name\": \"Example\", \"prodcts\": [],")), J + ":/prodcts",
                "unknown field 'prodcts'", "products");
        error(readFails(json("\"unit\": \"pcs\"", "\"unti\": \"pcs\"")), J + ":/products/1/unti", "unknown field");
        error(readFails(json("\"capacity\": 4.0e5", "\"capacty\": 4.0e5")), J + ":/techniques/0/capacty",
                "unknown field", "capacity");
        error(readFails(json("\"quantity\": 1.0e5", "\"quantity\": 1.0e5, \"wieght\": 2")), J + ":/targets/0/wieght",
                "unknown field");
        error(readFails(json("\"available\": 5.0e4", "\"available\": 5.0e4, \"x\": 1")), J + ":/resources/1/x",
                "unknown field");
        error(readFails(folderWith("economy.json", "{\"format\": \"gosplan/economy@1\", \"nmae\": \"x\"}")),
                "economy.json:/nmae", "unknown field");
    }

    @Test
    void wrongFormat() {
        error(readFails(json("\"format\": \"gosplan/economy@1\"", "\"format\": \"gosplan/economy@2\"")), J + ":/format",
                "gosplan/economy@1");
        error(readFails(json("\"format\": \"gosplan/economy@1\",", "")), J + ":/format", "missing");
        error(readFails(json("\"format\": \"gosplan/economy@1\"", "\"format\": 1")), J + ":/format", "gosplan/economy@1");
        error(readFails(folderWith("economy.json", "{\"format\": \"gosplan/io-table@1\"}")), "economy.json:/format",
                "gosplan/economy@1");
        error(readFails(tableWith("table.json", "{\"format\": \"gosplan/economy@1\"}")), "table.json:/format",
                "gosplan/io-table@1");
    }

    @Test
    void wrongJsonTypes() {
        error(readFails(json("\"targets\": [ {\"product\": \"grain\", \"quantity\": 1.0e5} ]",
                "\"targets\": {\"product\": \"grain\", \"quantity\": 1.0e5}")), J + ":/targets", "array");
        error(readFails(json("\"inputs\":  {\"labour\": 400.0}", "\"inputs\": [400.0]")), J + ":/techniques/1/inputs",
                "object");
        error(readFails(json("{\"id\": \"tractor\", \"unit\": \"pcs\"}", "\"tractor\"")), J + ":/products/1", "object");
        error(readFails(json("\"unit\": \"pcs\"", "\"unit\": 5")), J + ":/products/1/unit", "string");
        error(readFails(json("\"techniques\": [", "\"techniqes\": [")), J + ":/techniques", "missing");
    }

    // ---- many errors in one run

    @Test
    void manyErrorsInOneRun() {
        String flows = Fixtures.FLOWS.replace("grain-farm,tractor,-0.001", "grain-farm,tractor,x")
                .replace("grain-farm,land,-0.2", "grain-farm,lnd,-0.2")
                .replace("tractor-plant,labour,-400", "tractor-plant,labour");
        EconomyException e = readFails(folderWith("flows.csv", flows));
        assertEquals(3, e.errors().size(), TestFiles.dump(e.errors()));
        error(e, "flows.csv:3", "not a number");
        error(e, "flows.csv:5", "unknown item 'lnd'");
        error(e, "flows.csv:7", "2 fields");
        // the exception's message lists them all
        assertEquals(3, e.getMessage().split("\n").length, e.getMessage());
    }

    @Test
    void errorsAcrossFilesAndJsonCollected() {
        EconomyException e = readFails(json("\"labour\": 3.0, \"land\": 0.2", "\"labour\": -3.0, \"lnd\": 0.2")
                .resolveSibling(J));
        error(e, J + ":/techniques/0/inputs/labour", "negative");
        error(e, J + ":/techniques/0/inputs/lnd", "unknown");
        Path f = folder();
        TestFiles.write(f.resolve("products.csv"), "id,unit,name\ngrain,t\ntractor,pcs,\n");
        TestFiles.write(f.resolve("resources.csv"), "id,unit,available\nlabour,h,lots\nland,ha,\n");
        e = readFails(f);
        error(e, "products.csv:2", "fields");
        error(e, "resources.csv:2", "'lots'", "not a number");
    }

    @Test
    void errorsAreCappedAtMax() {
        StringBuilder flows = new StringBuilder(Fixtures.FLOWS);
        for (int i = 0; i < 200; i++) {
            flows.append("grain-farm,nothing").append(i).append(",-1\n");
        }
        EconomyException e = readFails(folderWith("flows.csv", flows.toString()));
        assertEquals(EconomyException.MAX_ERRORS, e.errors().size());
        error(e, "flows.csv:8", "unknown item 'nothing0'");
        assertTrue(e.getMessage().contains("stopped after"), e.getMessage());
    }
}
