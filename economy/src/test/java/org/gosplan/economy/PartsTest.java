package org.gosplan.economy;

import static org.gosplan.economy.TestFiles.error;
import static org.gosplan.economy.TestFiles.readFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional parts of formats.md section 5: read as written, round trips, and broken inputs located. */
class PartsTest {
    @TempDir
    Path tmp;

    /** Two republics over two years: every part once. */
    static final String TWO_REPUBLICS = "{\n"
            + "  \"format\": \"gosplan/economy@1\",\n"
            + "  \"name\": \"Two republics\",\n"
            + "  \"currency\": \"USD\",\n"
            + "  \"tradeBalance\": -10,\n"
            + "  \"years\": 2,\n"
            + "  \"regions\": [{\"id\": \"north\", \"name\": \"Northern Republic\"}, {\"id\": \"south\"}],\n"
            + "  \"products\": [{\"id\": \"grain\", \"unit\": \"t\"}, {\"id\": \"steel\", \"unit\": \"t\"},\n"
            + "               {\"id\": \"machine\", \"unit\": \"pcs\"}],\n"
            + "  \"capital\": [{\"product\": \"machine\", \"depreciation\": 0.1, \"lag\": 1}],\n"
            + "  \"resources\": [{\"id\": \"labour-n\", \"unit\": \"h\", \"available\": 1000, \"region\": \"north\"},\n"
            + "                {\"id\": \"labour-n\", \"available\": 1100, \"region\": \"north\", \"year\": 2},\n"
            + "                {\"id\": \"labour-s\", \"unit\": \"h\", \"available\": 800, \"region\": \"south\"}],\n"
            + "  \"techniques\": [\n"
            + "    {\"id\": \"farm-n\", \"outputs\": {\"grain\": 1}, \"inputs\": {\"labour-n\": 2},\n"
            + "     \"capital\": {\"machine\": 0.01}, \"region\": \"north\"},\n"
            + "    {\"id\": \"steel-s\", \"outputs\": {\"steel\": 1}, \"inputs\": {\"labour-s\": 3},"
            + " \"region\": \"south\"},\n"
            + "    {\"id\": \"machine-s\", \"outputs\": {\"machine\": 1},"
            + " \"inputs\": {\"steel\": 2, \"labour-s\": 5},\n"
            + "     \"region\": \"south\"}\n"
            + "  ],\n"
            + "  \"transport\": [{\"id\": \"rail-ns\", \"product\": \"grain\", \"from\": \"north\","
            + " \"to\": \"south\",\n"
            + "                 \"loss\": 0.02, \"capacity\": 500, \"inputs\": {\"labour-n\": 0.1}}],\n"
            + "  \"targets\": [{\"product\": \"grain\", \"quantity\": 100, \"region\": \"north\"},\n"
            + "              {\"product\": \"grain\", \"quantity\": 100, \"region\": \"south\", \"year\": 1},\n"
            + "              {\"product\": \"grain\", \"quantity\": 120, \"region\": \"south\", \"year\": 2}],\n"
            + "  \"trade\": [{\"product\": \"steel\", \"region\": \"south\", \"importPrice\": 10, \"exportPrice\": 8,\n"
            + "             \"importLimit\": 50}],\n"
            + "  \"stocks\": [{\"product\": \"machine\", \"region\": \"north\", \"quantity\": 20}]\n"
            + "}\n";

    Path json(String from, String to) {
        assertTrue(TWO_REPUBLICS.contains(from), from);
        return TestFiles.write(tmp.resolve("two.economy.json"), TWO_REPUBLICS.replace(from, to));
    }

    Economy two() {
        return EconomyFiles.readEconomy(json("", ""));
    }

    @Test
    void readsEveryPartAsWritten() {
        Economy e = two();
        Parts p = e.parts();
        assertEquals(List.of(new Parts.Region("north", "Northern Republic"), new Parts.Region("south", null)),
                p.regions());
        assertEquals("USD", p.currency());
        assertEquals(-10, p.tradeBalance());
        assertEquals(2, p.years());
        int grain = e.productIndex("grain"), steel = e.productIndex("steel"), machine = e.productIndex("machine");
        assertEquals(List.of(new Parts.Capital(machine, 0.1, 1)), p.capital());
        assertEquals(2, e.resources(), "labour-n's row for year 2 is not another resource");
        int ln = e.resourceIndex("labour-n");
        assertEquals(1000, e.available(ln));
        assertEquals(List.of(new Parts.Availability(ln, 2, 1100)), p.availability());
        assertEquals(0, p.resourceRegion(ln));
        assertEquals(1, p.resourceRegion(e.resourceIndex("labour-s")));
        int farm = e.techniqueIndex("farm-n");
        assertEquals(0, p.techniqueRegion(farm));
        assertEquals(1, p.techniqueRegion(e.techniqueIndex("machine-s")));
        assertEquals(0.01, p.capitalInputs().get(machine, farm));
        assertEquals(0, p.capitalInputs().get(machine, e.techniqueIndex("machine-s")));
        assertEquals(0, e.productInputs().get(machine, farm), "a stock needed is not an input used up");
        assertEquals(List.of(new Parts.Transport("rail-ns", grain, 0, 1, 0.02, 500,
                List.of(new Parts.Input(ln, true, 0.1)))), p.transport());
        assertEquals(3, e.targets());
        assertEquals(List.of(0, 1, 1), List.of(p.targetRegion(0), p.targetRegion(1), p.targetRegion(2)));
        assertEquals(List.of(0, 1, 2), List.of(p.targetYear(0), p.targetYear(1), p.targetYear(2)));
        assertEquals(List.of(new Parts.Trade(steel, 1, 10, 8, 50, Double.POSITIVE_INFINITY)), p.trade());
        assertEquals(List.of(new Parts.Stock(machine, 0, 20)), p.stocks());
    }

    @Test
    void convertsToAFolderAndBackWithoutLoss() {
        Economy e = two();
        Path folder = tmp.resolve("two");
        EconomyFiles.writeFolder(e, folder);
        assertEquals("{\n  \"format\": \"gosplan/economy@1\",\n  \"name\": \"Two republics\",\n"
                + "  \"currency\": \"USD\",\n"
                + "  \"tradeBalance\": -10,\n  \"years\": 2\n}\n", TestFiles.read(folder.resolve("economy.json")));
        assertEquals("id,name\nnorth,Northern Republic\nsouth,\n", TestFiles.read(folder.resolve("regions.csv")));
        assertEquals("id,unit,available,region,year\nlabour-n,h,1000,north,\nlabour-n,,1100,north,2\n"
                + "labour-s,h,800,south,\n", TestFiles.read(folder.resolve("resources.csv")));
        assertEquals("id,capacity,region\nfarm-n,,north\nsteel-s,,south\nmachine-s,,south\n",
                TestFiles.read(folder.resolve("techniques.csv")));
        assertEquals("technique,item,quantity,stock\nfarm-n,grain,1,\nfarm-n,labour-n,-2,\nfarm-n,machine,-0.01,true\n"
                + "steel-s,steel,1,\nsteel-s,labour-s,-3,\nmachine-s,machine,1,\nmachine-s,steel,-2,\n"
                + "machine-s,labour-s,-5,\nrail-ns,labour-n,-0.1,\n", TestFiles.read(folder.resolve("flows.csv")));
        assertEquals("product,quantity,weight,region,year\ngrain,100,1,north,\ngrain,100,1,south,1\n"
                + "grain,120,1,south,2\n", TestFiles.read(folder.resolve("targets.csv")));
        assertEquals("id,product,from,to,loss,capacity\nrail-ns,grain,north,south,0.02,500\n",
                TestFiles.read(folder.resolve("transport.csv")));
        assertEquals("product,region,import_price,export_price,import_limit,export_limit\nsteel,south,10,8,50,\n",
                TestFiles.read(folder.resolve("trade.csv")));
        assertEquals("product,depreciation,lag\nmachine,0.1,1\n", TestFiles.read(folder.resolve("capital.csv")));
        assertEquals("product,quantity,region\nmachine,20,north\n", TestFiles.read(folder.resolve("stocks.csv")));
        Economy back = EconomyFiles.readEconomy(folder);
        RoundTripTest.assertSame(e, back);
        Path json = tmp.resolve("back.economy.json");
        EconomyFiles.writeJson(back, json);
        RoundTripTest.assertSame(e, EconomyFiles.readEconomy(json));
    }

    @Test
    void anEconomyWithoutPartsHasNone() {
        Economy e = EconomyFiles.readEconomy(Fixtures.json(tmp));
        assertSame(Parts.NONE, e.parts());
        assertFalse(e.hasParts());
        assertEquals(-1, e.parts().techniqueRegion(0));
        assertEquals(0, e.parts().targetYear(0));
        assertNull(e.parts().capitalInputs());
        // and writes none of them
        Path folder = tmp.resolve("plain");
        EconomyFiles.writeFolder(e, folder);
        assertEquals(Fixtures.META.replace("{", "{\n  ").replace(", ", ",\n  ").replace("}", "\n}"),
                TestFiles.read(folder.resolve("economy.json")));
        assertEquals("technique,item,quantity\n", TestFiles.read(folder.resolve("flows.csv")).substring(0, 24));
        assertFalse(folder.resolve("regions.csv").toFile().exists());
        assertFalse(folder.resolve("trade.csv").toFile().exists());
    }

    @Test
    void newTargetsDropTheirPlaces() {
        Economy e = two();
        Economy other = e.withTargets(new int[] {0}, new double[] {5}, new double[] {1});
        assertEquals(-1, other.parts().targetRegion(0));
        assertEquals(0, other.parts().targetYear(0));
        assertEquals(e.parts().regions(), other.parts().regions());
    }

    @Provide
    net.jqwik.api.Arbitrary<Economy> economies() {
        return RandomParts.economies();
    }

    @Property(tries = 200)
    void randomPartsSurviveJsonAndFolder(@ForAll("economies") Economy e) {
        Path dir = TestFiles.tempDir();
        try {
            Path file = dir.resolve("x.economy.json");
            EconomyFiles.writeJson(e, file);
            Economy fromJson = EconomyFiles.readEconomy(file);
            RoundTripTest.assertSame(e, fromJson);
            assertEquals(e.parts(), fromJson.parts());
            Path folder = dir.resolve("f");
            EconomyFiles.writeFolder(fromJson, folder);
            Economy fromFolder = EconomyFiles.readEconomy(folder);
            RoundTripTest.assertSame(e, fromFolder);
            Path again = dir.resolve("y.economy.json");
            EconomyFiles.writeJson(fromFolder, again);
            assertEquals(TestFiles.read(file), TestFiles.read(again), "writing is deterministic");
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    // ---- broken inputs: the place and what to fix

    static final String J = "two.economy.json";

    @Test
    void unknownRegionIsNamedWithItsNearestId() {
        EconomyException x = readFails(json(
                "\"region\": \"north\"},\n              {\"product\": \"grain\", \"quantity\": 100",
                "\"region\": \"nort\"},\n              {\"product\": \"grain\", \"quantity\": 100"));
        error(x, J + ":/targets/0/region", "unknown region 'nort'", "did you mean 'north'");
    }

    @Test
    void aRegionalEconomyNeedsRegionsEverywhere() {
        EconomyException x = readFails(json(", \"region\": \"south\"},\n    {\"id\": \"machine-s\"",
                "},\n    {\"id\": \"machine-s\""));
        error(x, J + ":/techniques/1/region", "technique 'steel-s' needs a region", "north, south");
    }

    @Test
    void yearsOutOfRangeOrWithoutYears() {
        error(readFails(json("\"year\": 2}]", "\"year\": 3}]")), J + ":/targets/2/year", "year 3", "from 1 to 2");
        error(readFails(json("\"year\": 2}]", "\"year\": 1.5}]")), J + ":/targets/2/year", "whole number");
        EconomyException x = readFails(json("  \"years\": 2,\n", ""));
        error(x, J + ":/resources/1/year", "no \"years\"", "add \"years\"");
        error(x, J + ":/capital/0", "capital", "no \"years\"");
        error(readFails(json("\"years\": 2", "\"years\": 0")), J + ":/years", "from 1 to 1000");
    }

    @Test
    void targetsOncePerProductRegionAndYear() {
        EconomyException x = readFails(json("\"quantity\": 120, \"region\": \"south\", \"year\": 2",
                "\"quantity\": 120, \"region\": \"south\", \"year\": 1"));
        error(x, J + ":/targets/2", "targeted twice in region 'south' for year 1");
        x = readFails(json("\"quantity\": 120, \"region\": \"south\", \"year\": 2",
                "\"quantity\": 120, \"region\": \"south\""));
        error(x, J + ":/targets/2", "targeted twice", "without a year holds every year");
    }

    @Test
    void capitalNeedsAndStocksNameCapitalProducts() {
        error(readFails(json("\"capital\": {\"machine\": 0.01}", "\"capital\": {\"steel\": 0.01}")),
                J + ":/techniques/0/capital/steel", "'steel'", "not a capital product");
        error(readFails(json("{\"product\": \"machine\", \"region\": \"north\", \"quantity\": 20}",
                "{\"product\": \"grain\", \"region\": \"north\", \"quantity\": 20}")), J + ":/stocks/0",
                "not a capital product");
        error(readFails(json("\"depreciation\": 0.1", "\"depreciation\": 1.5")), J + ":/capital/0",
                "depreciation 1.5", "from 0 to 1");
        error(readFails(json("\"lag\": 1", "\"lag\": 0")), J + ":/capital/0", "lag 0", ">= 1");
    }

    @Test
    void aBadLagOrDepreciationIsOneErrorNotThreeAboutAProductThatIsCapital() {
        // the capital row is still listed: its technique's need and its stock are not "not a capital product"
        for (String[] bad : new String[][] {{"\"lag\": 1", "\"lag\": 0"}, {"\"lag\": 1", "\"lag\": 1.5"},
                {"\"depreciation\": 0.1", "\"depreciation\": 2"}}) {
            EconomyException x = readFails(json(bad[0], bad[1]));
            assertEquals(1, x.errors().size(), x.errors().toString());
            error(x, J + ":/capital/0", bad[1].contains("lag") ? "lag" : "depreciation");
        }
    }

    @Test
    void tradeTermsAreChecked() {
        error(readFails(json("\"exportPrice\": 8", "\"exportPrice\": 12")), J + ":/trade/0", "export price 12",
                "above its import price 10");
        error(readFails(json("\"importLimit\": 50", "\"importLimit\": -5")), J + ":/trade/0", "import limit -5",
                "negative");
        error(readFails(json("\"importPrice\": 10, \"exportPrice\": 8,", "")), J + ":/trade/0", "no price");
        error(readFails(json("\"product\": \"steel\", \"region\": \"south\", \"importPrice\"",
                "\"product\": \"steel\", \"importPrice\"")), J + ":/trade/0", "trade in 'steel' needs a region");
        error(readFails(json("\"tradeBalance\": -10", "\"tradeBalance\": \"-10\"")), J + ":/tradeBalance",
                "remove the quotes");
    }

    @Test
    void transportIsChecked() {
        error(readFails(json("\"to\": \"south\"", "\"to\": \"north\"")), J + ":/transport/0", "to itself");
        error(readFails(json("\"loss\": 0.02", "\"loss\": 1")), J + ":/transport/0", "loss 1", "below 1");
        error(readFails(json("\"id\": \"rail-ns\"", "\"id\": \"farm-n\"")), J + ":/transport/0",
                "id of a technique");
        error(readFails(json("\"inputs\": {\"labour-n\": 0.1}", "\"inputs\": {\"labor-n\": 0.1}")),
                J + ":/transport/0/inputs/labor-n", "unknown item 'labor-n'", "labour-n");
    }

    @Test
    void resourceRowsForYearsAgreeWithTheFirst() {
        error(readFails(json("\"available\": 1100, \"region\": \"north\"",
                "\"available\": 1100, \"region\": \"south\"")),
                J + ":/resources/1/id", "another region");
        error(readFails(json("\"available\": 1100, \"region\": \"north\", \"year\": 2",
                "\"available\": 1100, \"region\": \"north\"")), J + ":/resources/1/id", "listed twice");
    }

    @Test
    void folderErrorsNameFileAndLine() {
        Path folder = tmp.resolve("two");
        EconomyFiles.writeFolder(two(), folder);
        TestFiles.write(folder.resolve("flows.csv"), TestFiles.read(folder.resolve("flows.csv"))
                .replace("farm-n,machine,-0.01,true", "farm-n,steel,-0.01,true")
                .replace("rail-ns,labour-n,-0.1,", "rail-ns,labour-n,0.1,"));
        TestFiles.write(folder.resolve("trade.csv"),
                "product,region,import_price,export_price,import_limit,export_limit\n"
                + "steel,south,10,8,50,\nsteel,south,11,,,\nsteal,south,1,,,\n");
        TestFiles.write(folder.resolve("targets.csv"), TestFiles.read(folder.resolve("targets.csv"))
                .replace("south,2", "south,x"));
        TestFiles.write(folder.resolve("economy.json"), TestFiles.read(folder.resolve("economy.json"))
                .replace("\"years\": 2", "\"years\": 2, \"regions\": []"));
        EconomyException x = readFails(folder);
        error(x, "flows.csv:4", "'steel'", "not a capital product");
        error(x, "flows.csv:10", "transport 'rail-ns'", "inputs per unit moved");
        error(x, "trade.csv:3", "trade terms twice in region 'south'");
        error(x, "trade.csv:4", "unknown product 'steal'", "did you mean 'steel'");
        error(x, "targets.csv:4", "year 'x' is not a number");
        error(x, "economy.json:/regions", "unknown field 'regions'", "CSV files beside it");
    }
}
