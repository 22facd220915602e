package org.gosplan.economy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table written as a folder reads back to the same numbers, bit for bit. */
class TableWriterTest {
    @TempDir
    Path tmp;

    @Test
    void ukTableRoundTrips() throws Exception {
        IoTable t = EconomyFiles.readTable(Paths.get("..", "examples", "uk-ons-2010"));
        Path out = tmp.resolve("uk");
        EconomyFiles.writeTable(t, Map.of("01", "Agriculture, \"hunting\""), out);
        IoTable back = EconomyFiles.readTable(out);
        assertEquals(t.name(), back.name());
        assertEquals(t.unit(), back.unit());
        assertEquals(t.factorUnits(), back.factorUnits());
        assertEquals(t.sectors(), back.sectors());
        assertEquals(t.flows(), back.flows());
        assertArrayEquals(t.output(), back.output(), 0);
        assertEquals(t.categories(), back.categories());
        for (int c = 0; c < t.categories(); c++) {
            assertEquals(t.category(c), back.category(c));
            for (int i = 0; i < t.sectors(); i++) {
                assertEquals(t.finalDemand(c, i), back.finalDemand(c, i), 0);
            }
        }
        for (int r = 0; r < t.factors(); r++) {
            assertEquals(t.factor(r), back.factor(r));
            for (int i = 0; i < t.sectors(); i++) {
                assertEquals(t.factorInput(r, i), back.factorInput(r, i), 0);
            }
        }
        String labels = Files.readString(out.resolve("sectors.csv"));
        assertTrue(labels.startsWith("sector,label\n01,\"Agriculture, \"\"hunting\"\"\"\n02,\n"), labels);
    }
}
