package org.gosplan.economy;

import static org.gosplan.economy.TestFiles.error;
import static org.gosplan.economy.TestFiles.readFails;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misspelt id in an economy or a table is answered with the id it most likely meant. */
class DidYouMeanTest {
    @TempDir
    Path tmp;

    private Path folderWith(String file, String content) {
        Path f = Fixtures.folder(tmp);
        TestFiles.write(f.resolve(file), content);
        return f;
    }

    private Path json(String from, String to) {
        return TestFiles.write(tmp.resolve("e.economy.json"), Fixtures.ECONOMY_JSON.replace(from, to));
    }

    @Test
    void inAnEconomyFolder() {
        error(readFails(folderWith("flows.csv", Fixtures.FLOWS.replace("grain-farm,tractor,", "grain-farm,tractr,"))),
                "flows.csv:3", "unknown item 'tractr'", "did you mean 'tractor'?", "products.csv");
        error(readFails(folderWith("flows.csv", Fixtures.FLOWS.replace("tractor-plant,labour", "tractor-plnt,labour"))),
                "flows.csv:7", "unknown technique 'tractor-plnt'", "did you mean 'tractor-plant'?");
        // a resource is among the items an input may name
        error(readFails(folderWith("flows.csv", Fixtures.FLOWS.replace("tractor-plant,labour", "tractor-plant,Labor"))),
                "flows.csv:7", "unknown item 'Labor'", "did you mean 'labour'?");
    }

    @Test
    void inAnEconomyJsonFile() {
        error(readFails(json("\"inputs\":  {\"tractor\": 0.001", "\"inputs\":  {\"tractr\": 0.001")),
                "e.economy.json:/techniques/0/inputs/tractr", "did you mean 'tractor'?");
        error(readFails(json("\"outputs\": {\"grain\": 1.0}", "\"outputs\": {\"grian\": 1.0}")),
                "e.economy.json:/techniques/0/outputs/grian", "did you mean 'grain'?");
        error(readFails(json("{\"product\": \"grain\"", "{\"product\": \"grains\"")),
                "e.economy.json:/targets/0/product", "did you mean 'grain'?");
    }

    @Test
    void inTargetsOfAFolderAndForARecordedEconomy() {
        error(readFails(folderWith("targets.csv", "product,quantity,weight\ngrian,5,\n")), "targets.csv:2",
                "unknown product 'grian'", "did you mean 'grain'?");
        Path targets = TestFiles.write(tmp.resolve("new-targets.csv"), "product,quantity,weight\ntractors,5,\n");
        Economy e = EconomyFiles.read(Fixtures.folder(tmp.resolve("f")), Progress.NONE).economy();
        EconomyException x = org.junit.jupiter.api.Assertions.assertThrows(EconomyException.class,
                () -> EconomyFiles.readTargets(targets, e));
        error(x, x.errors().get(0).where(), "unknown product 'tractors'", "did you mean 'tractor'?");
    }

    @Test
    void inATable() {
        error(readFails(tableWith("Y.csv", Fixtures.Y.replace("b,40,25", "B,40,25"))), "Y.csv:3", "unknown sector 'B'",
                "did you mean 'b'?");
    }

    @Test
    void nothingIsSuggestedForAnIdFarFromEvery() {
        Problem p = error(readFails(json("{\"product\": \"grain\"", "{\"product\": \"corn\"")),
                "e.economy.json:/targets/0/product", "unknown product 'corn'", "products");
        assertFalse(p.message().contains("did you mean"), p.message());
    }

    private Path tableWith(String file, String content) {
        Path t = Fixtures.table(tmp);
        TestFiles.write(t.resolve(file), content);
        return t;
    }
}
