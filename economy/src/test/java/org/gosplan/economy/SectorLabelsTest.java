package org.gosplan.economy;

import static org.gosplan.economy.TestFiles.error;
import static org.gosplan.economy.TestFiles.readFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sectors.csv: labels of a table's sectors, carried into the table's economy as product names. */
class SectorLabelsTest {
    @TempDir
    Path tmp;

    @Test
    void ukLabelsWithCommasAreReadAndBecomeProductNames() {
        Source s = EconomyFiles.read(Paths.get("../examples/uk-ons-2010"), Progress.NONE);
        IoTable t = s.table();
        int agri = t.sectorIndex("01");
        // sectors.csv line 2, an RFC 4180 quoted field holding a comma
        assertEquals("Products of agriculture, hunting and related services", t.label(agri));
        assertEquals("Coal and lignite", t.label(t.sectorIndex("05")));
        Economy e = s.economy();
        assertEquals("Products of agriculture, hunting and related services", e.productName(e.productIndex("01")));
        for (int i = 0; i < t.sectors(); i++) {
            assertEquals(t.label(i), e.productName(e.productIndex(t.sector(i))), t.sector(i));
        }
    }

    @Test
    void nameHeaderAndMissingRowsAndEmptyLabels() {
        Path table = Fixtures.table(tmp);
        TestFiles.write(table.resolve("sectors.csv"), "sector,name\nb,Beta \"B\" goods\na,\n");
        IoTable t = EconomyFiles.readTable(table);
        assertNull(t.label(t.sectorIndex("a")));
        assertEquals("Beta \"B\" goods", t.label(t.sectorIndex("b")));
        assertNull(t.label(t.sectorIndex("c")));
    }

    @Test
    void withoutSectorsCsvNoLabels() {
        IoTable t = EconomyFiles.readTable(Fixtures.table(tmp));
        for (int i = 0; i < t.sectors(); i++) {
            assertNull(t.label(i));
        }
    }

    @Test
    void unknownSectorDuplicateAndBadHeaderNameTheLine() {
        Path table = Fixtures.table(tmp);
        TestFiles.write(table.resolve("sectors.csv"), "sector,label\na,Alpha\nz,Zeta\na,Again\nb,x,y\n");
        EconomyException e = readFails(table);
        error(e, "sectors.csv:3", "unknown sector 'z'");
        error(e, "sectors.csv:4", "two labels");
        error(e, "sectors.csv:5", "3 fields");
        TestFiles.write(table.resolve("sectors.csv"), "id,description\na,Alpha\n");
        error(readFails(table), "sectors.csv:1", "sector,label");
    }
}
