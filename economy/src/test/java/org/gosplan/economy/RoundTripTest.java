package org.gosplan.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every form written and read back gives an equal economy. */
class RoundTripTest {
    @TempDir
    Path tmp;

    static Stream<Path> dataSets() {
        return Stream.of(RealDataTest.uk(), RealDataTest.usa(), RealDataTest.millerBlair(), RealDataTest.leontief());
    }

    @ParameterizedTest
    @MethodSource("dataSets")
    void jsonFolderJson(Path data) {
        Economy original = EconomyFiles.readEconomy(data);
        Path json1 = tmp.resolve("one.economy.json");
        EconomyFiles.writeJson(original, json1);
        Economy fromJson = EconomyFiles.readEconomy(json1);
        assertEquals(original, fromJson, "table/economy -> JSON");
        Path folder = tmp.resolve("folder");
        EconomyFiles.writeFolder(fromJson, folder);
        Source viaFolder = EconomyFiles.read(folder, Progress.NONE);
        assertEquals(Source.Form.ECONOMY_FOLDER, viaFolder.form());
        assertEquals(original, viaFolder.economy(), "JSON -> folder");
        Path json2 = tmp.resolve("two.economy.json");
        EconomyFiles.writeJson(viaFolder.economy(), json2);
        assertEquals(original, EconomyFiles.readEconomy(json2), "folder -> JSON");
        // writing is deterministic: the same economy gives the same bytes
        assertEquals(TestFiles.read(json1), TestFiles.read(json2));
    }

    @Test
    void equalsIsContentEquality() {
        Economy a = EconomyFiles.readEconomy(RealDataTest.millerBlair());
        Economy b = EconomyFiles.readEconomy(RealDataTest.millerBlair());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.withName("other"));
        assertNotEquals(a, a.withTargets(new int[] {0}, new double[] {350}, new double[] {1}));
        assertEquals(a, a.withTargets(new int[] {0, 1}, new double[] {350, 1700}, new double[] {1, 1}));
        // one coefficient one ulp off is a different economy
        EconomyBuilder eb = new EconomyBuilder(a.name());
        for (int p = 0; p < a.products(); p++) {
            eb.addProduct(a.productId(p), a.productUnit(p), a.productName(p));
        }
        eb.addResource("labour", a.resourceUnit(0), Double.NaN);
        for (int t = 0; t < a.techniques(); t++) {
            eb.addTechnique(a.techniqueId(t), Double.POSITIVE_INFINITY);
            eb.output(t, t, 1.0);
            for (int p = 0; p < 2; p++) {
                double v = a.productInputs().get(p, t);
                eb.productInput(t, p, t == 1 && p == 1 ? Math.nextUp(v) : v);
            }
            eb.resourceInput(t, 0, a.resourceInputs().get(0, t));
        }
        eb.target(0, 350, 1).target(1, 1700, 1);
        Economy c = eb.build();
        assertNotEquals(a, c);
    }

    @Provide
    Arbitrary<Economy> economies() {
        return RandomEconomies.economies();
    }

    @Property(tries = 250)
    void randomEconomiesSurviveJson(@ForAll("economies") Economy e) {
        Path dir = TestFiles.tempDir();
        try {
            Path file = dir.resolve("x.economy.json");
            EconomyFiles.writeJson(e, file);
            Economy back = EconomyFiles.readEconomy(file);
            assertSame(e, back);
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    @Property(tries = 250)
    void randomEconomiesSurviveFolder(@ForAll("economies") Economy e) {
        Path dir = TestFiles.tempDir();
        try {
            Path folder = dir.resolve("f");
            EconomyFiles.writeFolder(e, folder);
            Economy back = EconomyFiles.readEconomy(folder);
            assertSame(e, back);
            // and on through JSON
            Path file = dir.resolve("x.economy.json");
            EconomyFiles.writeJson(back, file);
            assertSame(e, EconomyFiles.readEconomy(file));
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    /** Equality with a readable account of the first difference. */
    static void assertSame(Economy expected, Economy actual) {
        if (expected.equals(actual)) {
            return;
        }
        assertEquals(expected.name(), actual.name(), "name");
        assertEquals(List.of(ids(expected)), List.of(ids(actual)), "product ids");
        for (int p = 0; p < expected.products(); p++) {
            assertEquals(expected.product(p), actual.product(p));
        }
        for (int r = 0; r < expected.resources(); r++) {
            assertEquals(expected.resource(r), actual.resource(r));
        }
        assertEquals(expected.techniques(), actual.techniques());
        for (int t = 0; t < expected.techniques(); t++) {
            assertEquals(expected.techniqueId(t), actual.techniqueId(t));
            assertEquals(expected.capacity(t), actual.capacity(t), 0.0);
        }
        assertEquals(expected.outputs(), actual.outputs(), "outputs");
        assertEquals(expected.productInputs(), actual.productInputs(), "product inputs");
        assertEquals(expected.resourceInputs(), actual.resourceInputs(), "resource inputs");
        for (int i = 0; i < expected.targets(); i++) {
            assertEquals(expected.target(i), actual.target(i));
        }
        assertTrue(false, "economies differ: " + expected + " vs " + actual);
    }

    private static String[] ids(Economy e) {
        String[] s = new String[e.products()];
        for (int p = 0; p < s.length; p++) {
            s[p] = e.productId(p);
        }
        return s;
    }
}
