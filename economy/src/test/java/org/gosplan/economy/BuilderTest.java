package org.gosplan.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EconomyBuilder's own checks, and that what it builds can be written and read back. */
class BuilderTest {
    @TempDir
    Path tmp;

    @Test
    void idsTakenAcrossProductsAndResources() {
        EconomyBuilder b = new EconomyBuilder("x");
        assertEquals(0, b.addProduct("a", null, null));
        assertEquals(-1, b.addProduct("a", null, null));
        assertEquals(-1, b.addResource("a", null, Double.NaN));
        assertEquals(0, b.addResource("r", null, Double.NaN));
        assertEquals(-1, b.addProduct("r", null, null));
        assertEquals(0, b.addTechnique("a", Double.POSITIVE_INFINITY), "techniques have their own ids");
        assertEquals(-1, b.addTechnique("a", 1));
    }

    @Test
    void structuralErrors() {
        EconomyBuilder b = new EconomyBuilder("x");
        b.addProduct("p", null, null);
        b.addResource("r", null, Double.NaN);
        int t = b.addTechnique("t", Double.POSITIVE_INFINITY);
        b.addTechnique("idle", Double.POSITIVE_INFINITY);
        b.output(t, 0, 1).resourceInput(t, 0, 1).resourceInput(t, 0, 2).target(0, 1, 1).target(0, 2, 1);
        EconomyException e = assertThrows(EconomyException.class, b::build);
        TestFiles.error(e, "technique 't'", "'r'", "twice");
        TestFiles.error(e, "technique 'idle'", "no outputs");
        TestFiles.error(e, "target 'p'", "targeted twice");
        assertEquals(3, e.errors().size(), TestFiles.dump(e.errors()));
    }

    /** An empty unit or name is "not given": it must not make an economy that differs after a round trip. */
    @Test
    void emptyTextRoundTrips() {
        EconomyBuilder b = new EconomyBuilder("");
        b.addProduct("p", "", "");
        b.addResource("r", "", Double.NaN);
        int t = b.addTechnique("t", Double.POSITIVE_INFINITY);
        b.output(t, 0, 1).resourceInput(t, 0, 2);
        Economy e = b.build();
        assertNull(e.productUnit(0));
        Path json = tmp.resolve("e.economy.json");
        EconomyFiles.writeJson(e, json);
        assertEquals(e, EconomyFiles.readEconomy(json));
        EconomyFiles.writeFolder(e, tmp.resolve("f"));
        assertEquals(e, EconomyFiles.readEconomy(tmp.resolve("f")));
    }

    /** Zero, negative, NaN and infinite quantities are errors, not an IllegalArgumentException or an unreadable file. */
    @Test
    void badQuantities() {
        for (double q : new double[] {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            EconomyBuilder b = new EconomyBuilder("x");
            b.addProduct("p", null, null);
            int t = b.addTechnique("t", Double.POSITIVE_INFINITY);
            b.output(t, 0, 1).productInput(t, 0, q);
            EconomyException e = assertThrows(EconomyException.class, b::build, "quantity " + q);
            TestFiles.error(e, "technique 't'", "> 0");
        }
    }

    @Test
    void finalDemandAndSquareness() {
        EconomyBuilder b = new EconomyBuilder("x");
        b.addProduct("p", null, null);
        b.addProduct("q", null, null);
        int t0 = b.addTechnique("make-q", Double.POSITIVE_INFINITY);
        int t1 = b.addTechnique("make-p", Double.POSITIVE_INFINITY);
        b.output(t0, 1, 2).output(t1, 0, 1).target(1, 5, 2);
        Economy e = b.build();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 5}, e.finalDemand());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 0}, e.squareTechniqueOf());
        assertTrue(e.isSquare());
        assertEquals(new Economy.Target("q", 5, 2), e.target(0));
    }
}
