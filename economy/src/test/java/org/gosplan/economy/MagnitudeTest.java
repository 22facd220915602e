package org.gosplan.economy;

import static org.gosplan.economy.TestFiles.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers beyond the planner's range (Validation.MAX_MAGNITUDE, 1e-100 to 1e100) are refused before any
 * solver sees them, naming the field and what to fix; a target of 1e300 once reached the solver (issue 16).
 * The formats still read and write them (RoundTripTest holds any finite number).
 */
class MagnitudeTest {
    @TempDir
    Path tmp;

    Path folderWith(String file, String content) {
        Path f = Fixtures.folder(tmp);
        TestFiles.write(f.resolve(file), content);
        return f;
    }

    static EconomyException refused(Path f) throws Exception {
        Economy e = EconomyFiles.readEconomy(f);
        return assertThrows(EconomyException.class, () -> Validation.requirePlannable(e));
    }

    @Test
    void aTargetOf1e300IsRefused() throws Exception {
        EconomyException e = refused(folderWith("targets.csv", "product,quantity,weight\ngrain,1e300,\n"));
        error(e, "target 'grain'", "target 'quantity' of product 'grain'", "1.0E300", "1e100", "larger unit");
        assertEquals(1, e.errors().size(), TestFiles.dump(e.errors()));
    }

    @Test
    void anAvailabilityACapacityAndAFlowBeyondTheRangeAreRefused() throws Exception {
        Path f = folderWith("resources.csv", "id,unit,available\nlabour,h,2e100\nland,ha,50000\n");
        TestFiles.write(f.resolve("techniques.csv"), "id,capacity\ngrain-farm,4.0e101\ntractor-plant,\n");
        TestFiles.write(f.resolve("flows.csv"), Fixtures.FLOWS.replace("grain-farm,land,-0.2", "grain-farm,land,-1e-150"));
        EconomyException e = refused(f);
        error(e, "resource 'labour'", "'available' of resource 'labour'", "larger unit");
        error(e, "technique 'grain-farm'", "'capacity' of technique 'grain-farm'", "4.0E101");
        error(e, "technique 'grain-farm'", "input of resource 'land' of technique 'grain-farm'", "smaller unit");
        assertEquals(3, e.errors().size(), TestFiles.dump(e.errors()));
    }

    @Test
    void theBoundsThemselvesAreAccepted() throws Exception {
        Economy e = EconomyFiles.readEconomy(folderWith("targets.csv", "product,quantity,weight\ngrain,1e100,1e-100\n"));
        Validation.requirePlannable(e);
        assertEquals(1e100, e.targetQuantity(0));
        assertTrue(Validation.magnitude(-1e100, "x") == null && Validation.magnitude(1e-100, "x") == null);
        assertTrue(Validation.magnitude(Math.nextUp(1e100), "x") != null);
        assertTrue(Validation.magnitude(Math.nextDown(1e-100), "x") != null);
    }
}
