package org.gosplan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers that stay distinct, and only the warnings that concern a command printed by it. */
class TableWarningsTest {
    @TempDir
    Path tmp;

    /** Three sectors; sector c's final demand is negative; two factors named alike for 16 characters. */
    Path table() throws IOException {
        Path t = tmp.resolve("t");
        Files.createDirectories(t);
        Files.writeString(t.resolve("Z.csv"), "sector,a,b,c\na,10,20,0\nb,5,10,0\nc,20,0,0\n");
        Files.writeString(t.resolve("Y.csv"), "sector,households\na,170\nb,85\nc,-5\n");
        Files.writeString(t.resolve("F.csv"), "factor,a,b,c\nemission_type1_air,3,4,1\nemission_type2_water,1,2,1\n");
        return t;
    }

    @Test
    void factorHeadersAreNotClippedToTheSameText() throws IOException {
        CliRun r = CliRun.of("multipliers", table().toString());
        assertEquals(0, r.exit(), r.err());
        String head = r.out().lines().findFirst().orElse("");
        assertTrue(head.contains("emission_type1_air") && head.contains("emission_type2_water"), head);
        assertFalse(head.contains("~"), head);
    }

    @Test
    void leontiefAndMultipliersLeavePlanningWarningsOut() throws IOException {
        Path t = table();
        for (String cmd : new String[] {"leontief", "multipliers"}) {
            CliRun r = CliRun.of(cmd, t.toString());
            assertEquals(0, r.exit(), r.err());
            assertFalse(r.err().contains("gets no target"), cmd + ": " + r.err());
        }
        // the commands that make or check an economy still say it
        assertTrue(CliRun.of("convert", t.toString(), tmp.resolve("e.economy.json").toString()).err()
                .contains("gets no target"));
        assertTrue(CliRun.of("validate", t.toString()).out().contains("gets no target"));
    }
}
