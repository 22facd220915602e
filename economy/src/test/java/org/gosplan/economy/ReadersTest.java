package org.gosplan.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers on valid hand-written input: the values land where formats.md says. */
class ReadersTest {
    @TempDir
    Path tmp;

    @Test
    void formatsExampleJson() {
        Source s = EconomyFiles.read(Fixtures.json(tmp), Progress.NONE);
        assertEquals(Source.Form.ECONOMY_JSON, s.form());
        Economy e = s.economy();
        assertEquals("Example", e.name());
        assertEquals(2, e.products());
        assertEquals(new Economy.Product("grain", "t", "Grain"), e.product(0));
        assertEquals(new Economy.Product("tractor", "pcs", null), e.product(1));
        assertEquals(new Economy.Resource("labour", "h", 1e6), e.resource(0));
        assertEquals(new Economy.Resource("land", "ha", 5e4), e.resource(1));
        assertEquals(2, e.techniques());
        int farm = e.techniqueIndex("grain-farm");
        int plant = e.techniqueIndex("tractor-plant");
        assertEquals(4e5, e.capacity(farm));
        assertFalse(e.hasCapacity(plant));
        assertEquals(Double.POSITIVE_INFINITY, e.capacity(plant));
        assertEquals(1.0, e.outputs().get(0, farm));
        assertEquals(0.001, e.productInputs().get(1, farm));
        assertEquals(3.0, e.resourceInputs().get(0, farm));
        assertEquals(0.2, e.resourceInputs().get(1, farm));
        assertEquals(400.0, e.resourceInputs().get(0, plant));
        assertEquals(0.0, e.resourceInputs().get(1, plant));
        assertEquals(1.0, e.outputs().get(1, plant));
        assertEquals(6, e.nonzeros());
        assertEquals(new Economy.Target("grain", 1e5, 1.0), e.target(0));
        assertTrue(e.isSquare());
        assertEquals(-1, e.productIndex("labour"));
        assertEquals(-1, e.resourceIndex("grain"));
    }

    @Test
    void folderEqualsJson() {
        Economy fromJson = EconomyFiles.readEconomy(Fixtures.json(tmp));
        Source s = EconomyFiles.read(Fixtures.folder(tmp), Progress.NONE);
        assertEquals(Source.Form.ECONOMY_FOLDER, s.form());
        // land: 50000 in the folder and 5.0e4 in JSON
        assertEquals(fromJson, s.economy());
        assertTrue(s.warnings().isEmpty(), TestFiles.dump(s.warnings()));
    }

    @Test
    void unlimitedResourceAndTargetWeight() {
        Path f = Fixtures.folder(tmp);
        TestFiles.write(f.resolve("resources.csv"), "id,unit,available\nlabour,h,\nland,,7\n");
        TestFiles.write(f.resolve("targets.csv"), "product,quantity,weight\ngrain,5,\ntractor,2,0.5\n");
        Economy e = EconomyFiles.readEconomy(f);
        assertFalse(e.isLimited(0));
        assertTrue(Double.isNaN(e.available(0)));
        assertNull(e.resourceUnit(1));
        assertEquals(7.0, e.available(1));
        assertEquals(new Economy.Target("tractor", 2, 0.5), e.target(1));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {5, 2}, e.finalDemand());
    }

    @Test
    void optionalFilesAndColumnsMayBeLeftOut() {
        Path f = tmp.resolve("minimal");
        TestFiles.write(f.resolve("economy.json"), "{\"format\": \"gosplan/economy@1\"}");
        TestFiles.write(f.resolve("products.csv"), "id\np\n");
        TestFiles.write(f.resolve("techniques.csv"), "id\nmake\n");
        TestFiles.write(f.resolve("flows.csv"), "quantity,item,technique\n2,p,make\n-0.5,p,make\n");
        Economy e = EconomyFiles.readEconomy(f);
        assertEquals("minimal", e.name(), "the folder's name when economy.json has none");
        assertEquals(0, e.resources());
        assertEquals(0, e.targets());
        assertEquals(2.0, e.outputs().get(0, 0));
        assertEquals(0.5, e.productInputs().get(0, 0), "a technique may use its own product");
        assertNull(e.productUnit(0));
    }

    @Test
    void jointProductionAndAlternatives() {
        Path f = Fixtures.folder(tmp);
        TestFiles.write(f.resolve("techniques.csv"), "id,capacity\ngrain-farm,\ntractor-plant,\nmixed,3\n");
        TestFiles.write(f.resolve("flows.csv"), Fixtures.FLOWS + "mixed,grain,2\nmixed,tractor,0.5\nmixed,grain,-0.1\n");
        Source s = EconomyFiles.read(f, Progress.NONE);
        Economy e = s.economy();
        int mixed = e.techniqueIndex("mixed");
        assertEquals(2.0, e.outputs().get(0, mixed));
        assertEquals(0.5, e.outputs().get(1, mixed));
        assertEquals(0.1, e.productInputs().get(0, mixed));
        assertEquals(3.0, e.capacity(mixed));
        assertFalse(e.isSquare());
        assertNull(e.squareTechniqueOf());
    }

    @Test
    void zeroQuantityFlowIsWarnedAndIgnored() {
        Path f = Fixtures.folder(tmp);
        TestFiles.write(f.resolve("flows.csv"), Fixtures.FLOWS + "tractor-plant,land,0\n");
        Source s = EconomyFiles.read(f, Progress.NONE);
        TestFiles.warning(s.warnings(), "flows.csv:8", "0");
        assertEquals(0.0, s.economy().resourceInputs().get(1, 1));
        assertEquals(EconomyFiles.readEconomy(Fixtures.json(tmp)), s.economy());
    }

    @Test
    void tableWithEveryFile() {
        Source s = EconomyFiles.read(Fixtures.table(tmp), Progress.NONE);
        IoTable t = s.table();
        assertEquals("three", t.name());
        assertEquals("EUR", t.unit());
        assertEquals("h", t.factorUnit("hours"));
        assertEquals("EUR", t.factorUnit("taxes"));
        assertEquals(2, t.categories());
        assertEquals(25.0, t.finalDemand(1, 1));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {70, 65, -2}, t.finalDemand());
        SparseMatrix a = t.coefficients();
        assertEquals(0.1, a.get(0, 0));
        assertEquals(0.2, a.get(0, 1));
        assertEquals(0.05, a.get(1, 0));
        assertEquals(0.15, a.get(1, 2));
        assertEquals(0.015, a.get(2, 1));
        assertEquals(0.01, a.get(2, 2));
        assertEquals(6, a.nonzeros());
        double[][] si = t.factorIntensities();
        assertEquals(0.15, si[0][2]);
        assertEquals(-0.02, si[1][1]);
        Economy e = s.economy();
        assertEquals(1, e.resources(), "taxes has a negative entry");
        assertEquals(new Economy.Resource("hours", "h", Double.NaN), e.resource(0));
        assertEquals(0.2, e.resourceInputs().get(0, 1));
        assertEquals(2, e.targets());
        assertEquals(new Economy.Target("a", 70, 1), e.target(0));
        assertEquals(new Economy.Target("b", 65, 1), e.target(1));
        TestFiles.warning(s.warnings(), "Y.csv", "'c'", "negative");
        TestFiles.warning(s.warnings(), "F.csv", "'taxes'", "negative");
        assertEquals("make-c", e.techniqueId(2));
        assertEquals("EUR", e.productUnit(0));
    }

    @Test
    void tableRowsInAnyOrderAndDerivedOutput() {
        Path f = tmp.resolve("t");
        TestFiles.write(f.resolve("Z.csv"), "sector,a,b\nb,1,2\na,3,4\n");
        TestFiles.write(f.resolve("Y.csv"), "sector,y\nb,10\na,20\n");
        TestFiles.write(f.resolve("F.csv"), "factor,b,a\nlab,1,2\n");
        IoTable t = EconomyFiles.readTable(f);
        assertEquals(3.0, t.flows().get(0, 0));
        assertEquals(2.0, t.flows().get(1, 1));
        assertFalse(t.outputGiven());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {27, 13}, t.output());
        assertEquals(2.0, t.factorInput(0, 0));
        assertEquals(1.0, t.factorInput(0, 1));
        assertEquals(t.name(), "t");
    }
}
